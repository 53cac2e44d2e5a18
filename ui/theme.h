/*
 * theme.h: colours and attributes by role, read from assets/themes/.
 *
 * A theme file has one line per role: "role fg bg [attr...]", with colours
 * black red green yellow blue magenta cyan white default, and attributes
 * bold dim reverse underline. theme_parse() is pure (no curses) so it can
 * be fuzzed; theme_apply() hands the result to curses.
 */
#ifndef UI_THEME_H
#define UI_THEME_H

#include <stdbool.h>
#include <stddef.h>

enum theme_role {
	ROLE_TEXT,
	ROLE_DIM,
	ROLE_STATUS,
	ROLE_KEYBAR_KEY,
	ROLE_KEYBAR_LABEL,
	ROLE_BORDER,
	ROLE_BORDER_FOCUS,
	ROLE_TITLE,
	ROLE_TITLE_FOCUS,
	ROLE_WARNING,
	ROLE_HELP,
	ROLE_SENT,		/* what we sent (the Mail transcript) */
	ROLE_RECEIVED,		/* what the server said */
	ROLE_COUNT
};

enum theme_attr_bits {
	THEME_BOLD = 1, THEME_DIM = 2, THEME_REVERSE = 4, THEME_UNDERLINE = 8
};

struct theme_style {
	short		 fg, bg;	/* -1 is the terminal's default */
	unsigned	 attrs;		/* theme_attr_bits */
	bool		 set;
};

struct theme {
	struct theme_style style[ROLE_COUNT];
};

/* Returns 0, or -1 with "line N: why" in err. Unset roles stay default. */
int	 theme_parse(const char *text, size_t len, struct theme *,
	     char *err, size_t errlen);
/* Makes the colour pairs; with use_color false, attributes only. */
void	 theme_apply(const struct theme *, bool use_color);
/* The curses attributes for a role (colour pair included). */
int	 theme_attr(enum theme_role);

#endif
