/*
 * pane_sockets.h: main hands the Sockets pane the sockets engine it
 * started (or NULL with the reason), the loop (names are looked up on
 * it), the event log for the routes and DNS overview, punchline's own pid
 * (its sockets are marked), and whether it runs as root.
 */
#ifndef UI_PANE_SOCKETS_H
#define UI_PANE_SOCKETS_H

#include <stdbool.h>

struct sockets;
struct loop;
struct evlog;

void	 pane_sockets_attach(struct sockets *, struct loop *, struct evlog *,
	     const char *why_none, int own_pid, bool root);

#endif
