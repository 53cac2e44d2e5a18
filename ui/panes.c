/* panes.c: every pane, in screen order. A new pane is one line here. */
#include "pane.h"
#include "panes.h"

extern const struct pane_ops pane_chat;
extern const struct pane_ops pane_sockets;
extern const struct pane_ops pane_scanner;
extern const struct pane_ops pane_capture;

const struct pane_ops *const panes_all[] = {
	&pane_chat,
	&pane_sockets,
	&pane_scanner,
	&pane_capture,
};

const size_t panes_count = sizeof panes_all / sizeof panes_all[0];
