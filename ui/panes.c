/* panes.c: every pane, in screen order, and every view (in the order of
 * their keys, F8 on). A new pane or view is one line here. */
#include "pane.h"
#include "panes.h"

extern const struct pane_ops pane_chat;
extern const struct pane_ops pane_sockets;
extern const struct pane_ops pane_scanner;
extern const struct pane_ops pane_capture;
extern const struct pane_ops pane_trace;
extern const struct pane_ops pane_mail;
extern const struct pane_ops pane_storage;

const struct pane_ops *const panes_all[] = {
	&pane_chat,
	&pane_sockets,
	&pane_scanner,
	&pane_capture,
};

const size_t panes_count = sizeof panes_all / sizeof panes_all[0];

const struct pane_ops *const views_all[] = {
	&pane_trace,
	&pane_mail,
	&pane_storage,
};

const size_t views_count = sizeof views_all / sizeof views_all[0];
