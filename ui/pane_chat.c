/* pane_chat.c: the Chat pane (a placeholder until the mesh engine lands). */
#include <stddef.h>

#include "pane.h"
#include "pane_placeholder.h"

static const char *const plan[] = {
	"Will show: chat over a UDP peer mesh that punches through "
	"NATs. A rendezvous introduces peers; they trade the endpoints "
	"their NATs show, punch holes and talk directly, and the mesh "
	"outlives the rendezvous. Peers list: name, fingerprint, path "
	"(punching / direct / lost), RTT.",
	NULL,
};

static void
draw(struct pane *pane, WINDOW *win)
{
	(void)pane;
	placeholder_draw(win, plan, "Headless: punchline chat --help");
}

static const struct key_binding keys[] = {
	{ 0, 0, NULL, NULL },
};

const struct pane_ops pane_chat = {
	.name = "chat",
	.title = "Chat",
	.keys = keys,
	.draw = draw,
};
