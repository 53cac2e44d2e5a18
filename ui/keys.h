/*
 * keys.h: key tables. The key bar, the F1 help screen, `punchline keys`
 * and the man page's key list are all generated from these rows, so they
 * cannot drift apart.
 */
#ifndef UI_KEYS_H
#define UI_KEYS_H

#include <stdbool.h>

#include "../src/core/strbuf.h"

struct key_binding {
	int		 key;		/* curses key code; 0 ends a table */
	int		 action;
	const char	*bar_label;	/* shown in the key bar, or NULL */
	const char	*help;
};

enum ui_action {
	ACT_NONE,
	ACT_HELP,
	ACT_NEXT_PANE,
	ACT_PREV_PANE,
	ACT_FOCUS_1,
	ACT_FOCUS_2,
	ACT_FOCUS_3,
	ACT_FOCUS_4,
	ACT_LAYOUT,
	ACT_ZOOM,
	ACT_REDRAW,
	ACT_QUIT,
	ACT_VIEW_1,	/* a view in place of the focused pane, and back */
	ACT_VIEW_2,
	ACT_VIEW_3,
};

/* The keys that work in every pane. */
extern const struct key_binding keys_global[];

const struct key_binding *keys_lookup(const struct key_binding *, int key);
/* "F1", "Tab", "S-Tab", "C-l", "z". */
void	 keys_name(int key, char *buf, size_t len);
/* Every key of every pane: as text, or as man page (troff) rows. */
void	 keys_format_all(struct strbuf *, bool troff);

#endif
