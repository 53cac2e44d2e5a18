/* pane_capture.c: the Capture pane (a placeholder until the capture engine lands). */
#include <stddef.h>

#include "pane.h"
#include "pane_placeholder.h"

static const char *const plan[] = {
	"Will show: packets decoded as they arrive (libpcap), a flows "
	"view, and the hole punching drawn as a ladder: alice, her NAT, "
	"the rendezvous, bob's NAT and bob, with each mapping as the "
	"NAT makes it.",
	NULL,
};

static void
draw(struct pane *pane, WINDOW *win)
{
	(void)pane;
	placeholder_draw(win, plan, "Headless: punchline capture --help");
}

static const struct key_binding keys[] = {
	{ 0, 0, NULL, NULL },
};

const struct pane_ops pane_capture = {
	.name = "capture",
	.title = "Capture",
	.keys = keys,
	.draw = draw,
};
