/*
 * pane_sockets.h: main hands the Sockets pane the sockets engine it
 * started (or NULL, with the reason), the name cache, the event log (the
 * routes sub-view asks the routes engine to report into it), our own pid
 * (our sockets are marked) and whether we run as root. Route, address and
 * link changes (routes_watch) arrive as events; the pane says each and
 * redraws its routes sub-view.
 */
#ifndef UI_PANE_SOCKETS_H
#define UI_PANE_SOCKETS_H

#include <stdbool.h>

struct sockets;
struct sock_names;
struct evlog;

struct pane_sockets_ctx {
	struct sockets		*sockets;
	struct sock_names	*names;
	struct evlog		*log;
	int			 own_pid;
	bool			 root;
	const char		*why_none;
};

void	 pane_sockets_attach(const struct pane_sockets_ctx *);
/* The engine refreshed, or a name arrived: redraw from the snapshot. */
void	 pane_sockets_changed(void);

#endif
