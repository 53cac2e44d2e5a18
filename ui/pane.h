/*
 * pane.h: a pane is a small object with a table of functions (after htop).
 *
 * Each ui/pane_<name>.c exports one const struct pane_ops; ui/panes.c lists
 * them. Handlers never draw: they set pane->dirty and the frame flush draws
 * the dirty panes once per loop pass.
 */
#ifndef UI_PANE_H
#define UI_PANE_H

#include <stdbool.h>
#include <stddef.h>
#include <curses.h>

#include "keys.h"

struct ev;
struct pane;

struct pane_ops {
	const char		*name;		/* for flags and tests: "chat" */
	const char		*title;		/* on the border: "Chat" */
	const struct key_binding *keys;		/* ends with a {0} row */
	void	(*init)(struct pane *);
	void	(*free)(struct pane *);
	void	(*resize)(struct pane *);
	/* Draws the content area (win is inside the border). */
	void	(*draw)(struct pane *, WINDOW *win);
	/* An action from the pane's key table; true if it used it. */
	bool	(*action)(struct pane *, int action);
	void	(*on_event)(struct pane *, const struct ev *);
	/* A pane with an input line takes typed keys here first (letters
	 * too, so q types a q); true if it used the key. */
	bool	(*text)(struct pane *, int ch);
	/* What is running, for the quit prompt; NULL when idle. */
	const char *(*busy)(struct pane *);
};

struct pane {
	const struct pane_ops	*ops;
	void			*data;
	int			 y, x, h, w;	/* content area on screen */
	bool			 visible;
	bool			 focused;
	bool			 dirty;
};

#endif
