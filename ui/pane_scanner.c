/* pane_scanner.c: the Scanner pane (a placeholder until the scan engine lands). */
#include <stddef.h>

#include "pane.h"
#include "pane_placeholder.h"

static const char *const plan[] = {
	"Will show: TCP connect scans (any user) and SYN scans "
	"(CAP_NET_RAW), with banners and service guesses, filling in "
	"live with progress, as nc -zv and nmap -sT / -sS / -sV do.",
	NULL,
};

static void
draw(struct pane *pane, WINDOW *win)
{
	(void)pane;
	placeholder_draw(win, plan, "Headless: punchline scan --help");
}

static const struct key_binding keys[] = {
	{ 0, 0, NULL, NULL },
};

const struct pane_ops pane_scanner = {
	.name = "scanner",
	.title = "Scanner",
	.keys = keys,
	.draw = draw,
};
