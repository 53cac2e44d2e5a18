/*
 * pane_sockets.h: main hands the Sockets pane the sockets engine it
 * started (or NULL with the reason), the event log for the routes and DNS
 * overview, and punchline's own pid (its sockets are marked).
 */
#ifndef UI_PANE_SOCKETS_H
#define UI_PANE_SOCKETS_H

struct sockets;
struct evlog;

void	 pane_sockets_attach(struct sockets *, struct evlog *,
	     const char *why_none, int own_pid);

#endif
