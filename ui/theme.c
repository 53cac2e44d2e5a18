/* theme.c: parse theme files (pure) and turn them into curses attributes. */
#include <stdio.h>
#include <string.h>
#include <curses.h>

#include "theme.h"

#define THEME_LINE_MAX 256

static const char *role_names[ROLE_COUNT] = {
	"text", "dim", "status", "keybar_key", "keybar_label", "border",
	"border_focus", "title", "title_focus", "warning", "help", "sent",
	"received",
};

static const char *color_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

static const struct { const char *name; unsigned bit; } attr_names[] = {
	{ "bold", THEME_BOLD }, { "dim", THEME_DIM },
	{ "reverse", THEME_REVERSE }, { "underline", THEME_UNDERLINE },
};

static int role_attrs[ROLE_COUNT];

static int
lookup_role(const char *word)
{
	int i;

	for (i = 0; i < ROLE_COUNT; i++)
		if (strcmp(word, role_names[i]) == 0)
			return i;
	return -1;
}

static int
lookup_color(const char *word, short *out)
{
	short i;

	if (strcmp(word, "default") == 0) {
		*out = -1;
		return 0;
	}
	for (i = 0; i < 8; i++)
		if (strcmp(word, color_names[i]) == 0) {
			*out = i;
			return 0;
		}
	return -1;
}

static int
lookup_attr(const char *word, unsigned *bits)
{
	size_t i;

	for (i = 0; i < sizeof attr_names / sizeof attr_names[0]; i++)
		if (strcmp(word, attr_names[i].name) == 0) {
			*bits |= attr_names[i].bit;
			return 0;
		}
	return -1;
}

/* Splits line in place into at most max words; returns the count. */
static int
split_words(char *line, char **words, int max)
{
	int n = 0;
	char *save = NULL, *w;

	for (w = strtok_r(line, " \t\r", &save); w != NULL;
	    w = strtok_r(NULL, " \t\r", &save)) {
		if (n == max)
			return max + 1;
		words[n++] = w;
	}
	return n;
}

static int
parse_line(char *line, struct theme *t, char *err, size_t errlen)
{
	char *words[8], *hash = strchr(line, '#');
	struct theme_style st = { -1, -1, 0, true };
	int n, role, i;

	if (hash != NULL)
		*hash = '\0';
	if ((n = split_words(line, words, 7)) == 0)
		return 0;
	if (n < 3 || n > 7) {
		snprintf(err, errlen, "want: role fg bg [attributes]");
		return -1;
	}
	if ((role = lookup_role(words[0])) < 0) {
		snprintf(err, errlen, "unknown role '%.32s'", words[0]);
		return -1;
	}
	if (lookup_color(words[1], &st.fg) != 0 ||
	    lookup_color(words[2], &st.bg) != 0) {
		snprintf(err, errlen, "unknown colour in '%.32s %.32s'",
		    words[1], words[2]);
		return -1;
	}
	for (i = 3; i < n; i++)
		if (lookup_attr(words[i], &st.attrs) != 0) {
			snprintf(err, errlen, "unknown attribute '%.32s'",
			    words[i]);
			return -1;
		}
	t->style[role] = st;
	return 0;
}

int
theme_parse(const char *text, size_t len, struct theme *t, char *err,
    size_t errlen)
{
	char line[THEME_LINE_MAX], why[128];
	size_t pos = 0, n;
	int lineno = 0;

	memset(t, 0, sizeof *t);
	while (pos < len) {
		lineno++;
		for (n = 0; pos + n < len && text[pos + n] != '\n'; n++)
			;
		if (n >= sizeof line) {
			snprintf(err, errlen, "line %d: longer than %zu bytes",
			    lineno, sizeof line - 1);
			return -1;
		}
		memcpy(line, text + pos, n);
		line[n] = '\0';
		pos += n + 1;
		if (memchr(line, '\0', n) != NULL)
			snprintf(why, sizeof why, "NUL byte");
		else if (parse_line(line, t, why, sizeof why) == 0)
			continue;
		snprintf(err, errlen, "line %d: %s", lineno, why);
		return -1;
	}
	return 0;
}

static int
curses_bits(unsigned attrs)
{
	int a = A_NORMAL;

	if (attrs & THEME_BOLD)
		a |= A_BOLD;
	if (attrs & THEME_DIM)
		a |= A_DIM;
	if (attrs & THEME_REVERSE)
		a |= A_REVERSE;
	if (attrs & THEME_UNDERLINE)
		a |= A_UNDERLINE;
	return a;
}

void
theme_apply(const struct theme *t, bool use_color)
{
	const struct theme_style *st;
	int i;

	for (i = 0; i < ROLE_COUNT; i++) {
		st = &t->style[i];
		role_attrs[i] = curses_bits(st->attrs);
		if (!use_color || !st->set || (st->fg < 0 && st->bg < 0))
			continue;
		init_pair((short)(i + 1), st->fg, st->bg);
		role_attrs[i] |= COLOR_PAIR(i + 1);
	}
}

int
theme_attr(enum theme_role role)
{
	return role < ROLE_COUNT ? role_attrs[role] : (int)A_NORMAL;
}
