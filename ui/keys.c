/* keys.c: the global key table and the key lists generated from tables. */
#include <stdio.h>
#include <curses.h>

#include "keys.h"
#include "pane.h"
#include "panes.h"

#define CTRL(c) ((c) & 0x1f)

const struct key_binding keys_global[] = {
	{ KEY_F(1),	ACT_HELP,	"Help",    "show every key of every pane" },
	{ '?',		ACT_HELP,	NULL,      "show every key of every pane" },
	{ '\t',		ACT_NEXT_PANE,	NULL,      "focus the next pane" },
	{ KEY_BTAB,	ACT_PREV_PANE,	NULL,      "focus the previous pane" },
	{ KEY_F(2),	ACT_FOCUS_1,	"Chat",    "focus the Chat pane" },
	{ KEY_F(3),	ACT_FOCUS_2,	"Sockets", "focus the Sockets pane" },
	{ KEY_F(4),	ACT_FOCUS_3,	"Scanner", "focus the Scanner pane" },
	{ KEY_F(5),	ACT_FOCUS_4,	"Capture", "focus the Capture pane" },
	{ KEY_F(6),	ACT_LAYOUT,	"Layout",  "switch between grid and stacked layout" },
	{ 'l',		ACT_LAYOUT,	NULL,      "switch between grid and stacked layout" },
	{ KEY_F(7),	ACT_ZOOM,	"Zoom",    "zoom the focused pane to full screen and back" },
	{ 'z',		ACT_ZOOM,	NULL,      "zoom the focused pane to full screen and back" },
	{ KEY_F(8),	ACT_VIEW_1,	"Trace",   "the Trace view in place of the focused pane, and back" },
	{ KEY_F(9),	ACT_VIEW_2,	"Mail",    "the Mail view in place of the focused pane, and back" },
	{ CTRL('l'),	ACT_REDRAW,	NULL,      "redraw the whole screen" },
	{ KEY_F(10),	ACT_QUIT,	"Quit",    "quit (asks y/n only while something runs)" },
	{ 'q',		ACT_QUIT,	NULL,      "quit (asks y/n only while something runs)" },
	{ KEY_F(11),	ACT_VIEW_3,	"Storage", "the Storage view in place of the focused pane, and back" },
	{ 0, 0, NULL, NULL },
};

const struct key_binding *
keys_lookup(const struct key_binding *table, int key)
{
	const struct key_binding *kb;

	for (kb = table; kb != NULL && kb->key != 0; kb++)
		if (kb->key == key)
			return kb;
	return NULL;
}

void
keys_name(int key, char *buf, size_t len)
{
	if (key >= KEY_F(1) && key <= KEY_F(12))
		snprintf(buf, len, "F%d", key - KEY_F(0));
	else if (key == '\t')
		snprintf(buf, len, "Tab");
	else if (key == KEY_BTAB)
		snprintf(buf, len, "S-Tab");
	else if (key == '\n' || key == KEY_ENTER)
		snprintf(buf, len, "Enter");
	else if (key == 27)
		snprintf(buf, len, "Esc");
	else if (key == KEY_UP)
		snprintf(buf, len, "Up");
	else if (key == KEY_DOWN)
		snprintf(buf, len, "Down");
	else if (key == KEY_PPAGE)
		snprintf(buf, len, "PgUp");
	else if (key == KEY_NPAGE)
		snprintf(buf, len, "PgDn");
	else if (key == KEY_LEFT || key == KEY_RIGHT)
		snprintf(buf, len, key == KEY_LEFT ? "Left" : "Right");
	else if (key == KEY_HOME || key == KEY_END)
		snprintf(buf, len, key == KEY_HOME ? "Home" : "End");
	else if (key > 0 && key < 0x20)
		snprintf(buf, len, "C-%c", key + 'a' - 1);
	else if (key > 0x20 && key < 0x7f)
		snprintf(buf, len, "%c", key);
	else
		snprintf(buf, len, "key %d", key);
}

static void
format_row(struct strbuf *sb, const struct key_binding *kb, bool troff)
{
	char name[16];

	keys_name(kb->key, name, sizeof name);
	if (troff)
		sb_printf(sb, ".TP\n.B %s\n%s\n", name, kb->help);
	else
		sb_printf(sb, "  %-8s %s\n", name, kb->help);
}

static void
format_table(struct strbuf *sb, const char *heading,
    const struct key_binding *table, bool troff)
{
	const struct key_binding *kb;

	if (troff)
		sb_printf(sb, ".SS %s\n", heading);
	else
		sb_printf(sb, "%s\n", heading);
	if (table == NULL || table->key == 0) {
		sb_add(sb, troff ? "No keys of its own yet.\n" :
		    "  (no keys of its own yet)\n");
		return;
	}
	for (kb = table; kb->key != 0; kb++)
		format_row(sb, kb, troff);
}

void
keys_format_all(struct strbuf *sb, bool troff)
{
	char heading[64];
	size_t i;

	format_table(sb, "Everywhere", keys_global, troff);
	sb_add(sb, troff ? ".TP\n.B click\nfocus the pane under the mouse\n" :
	    "  click    focus the pane under the mouse\n");
	for (i = 0; i < panes_count; i++) {
		snprintf(heading, sizeof heading, "%s pane",
		    panes_all[i]->title);
		format_table(sb, heading, panes_all[i]->keys, troff);
	}
	for (i = 0; i < views_count; i++) {
		snprintf(heading, sizeof heading, "%s view", views_all[i]->title);
		format_table(sb, heading, views_all[i]->keys, troff);
	}
}
