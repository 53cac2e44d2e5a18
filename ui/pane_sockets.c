/* pane_sockets.c: the Sockets pane (a placeholder until the sockets engine lands). */
#include <stddef.h>

#include "pane.h"
#include "pane_placeholder.h"

static const char *const plan[] = {
	"Will show: every socket with its state, queues and owning "
	"process, as netstat -ap and ss -tanp do, with state changes as "
	"they happen, beside the routing table and the DNS resolvers in "
	"use.",
	NULL,
};

static void
draw(struct pane *pane, WINDOW *win)
{
	(void)pane;
	placeholder_draw(win, plan, "Headless: punchline sockets --help");
}

static const struct key_binding keys[] = {
	{ 0, 0, NULL, NULL },
};

const struct pane_ops pane_sockets = {
	.name = "sockets",
	.title = "Sockets",
	.keys = keys,
	.draw = draw,
};
