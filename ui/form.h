/*
 * form.h: the form on top of the job panes (Scanner, Trace, Storage,
 * Mail): text fields edited through a line_edit, choices shown as <value>
 * and turned with Left, Right or Space, and Up/Down moving the focus
 * between the fields. The pane keeps its fields and lays them out; this
 * draws one field and reads the keys every form reads alike.
 */
#ifndef UI_FORM_H
#define UI_FORM_H

#include <stdbool.h>
#include <curses.h>

#include "line_edit.h"

#define FORM_TEXT_MAX	255	/* bytes a text field takes */

/* The label, then width columns of the text (cut to the window): reverse
 * with the cursor cell shown when focused, else underlined; scrolled so
 * the cursor stays in view. Returns the column after the field. */
int	 form_text(WINDOW *, int y, int x, int w, const char *label,
	     const struct line_edit *, int width, bool focused);
/* The label, then <value>, reverse when focused. Returns the column
 * after it. */
int	 form_choice(WINDOW *, int y, int x, int w, const char *label,
	     const char *value, bool focused);
/* The line under a form: while the job runs, what it does (doing), in
 * the status colour; else what it said last (said), as a warning. */
void	 form_status(WINDOW *, int y, int w, const char *doing,
	     const char *said);

/* Up or Down: *field becomes the previous or next of nfields (round);
 * false for any other key. */
bool	 form_focus_key(int *field, int nfields, int ch);
/* An editing key or a printable ASCII byte for a text field (up to
 * FORM_TEXT_MAX bytes); false if ch was neither. */
bool	 form_text_key(struct line_edit *, int ch);
/* Left, Right or Space on a choice: the step it turns the choice by (-1
 * for Left, +1 for the others); 0 for any other key. */
int	 form_choice_step(int ch);
/* value turned by step among n values (0 .. n-1), round. */
int	 form_turn(int value, int step, int n);

#endif
