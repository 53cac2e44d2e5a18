/*
 * routes.h: the routing side of the sockets engine, read once through
 * rtnetlink: interfaces with their addresses and state, routes of every
 * table (IPv4 and IPv6), and the policy rules that pick the tables. Each
 * is an event: "link", "route" (the default routes marked "default":
 * true), "rule".
 */
#ifndef SOCKETS_ROUTES_H
#define SOCKETS_ROUTES_H

#include <stddef.h>

#include "../core/evlog.h"
#include "../core/loop.h"

#define ROUTES_ENGINE	"routes"

/* Reports links, routes and rules into log: 0, or -1 with err. */
int	 routes_report(struct evlog *log, char *err, size_t errlen);

/*
 * The changes as they happen, from rtnetlink's multicast groups (links,
 * IPv4 and IPv6 addresses and routes): events "route_added" and
 * "route_deleted" (the fields of "route"), "addr_added" and "addr_deleted"
 * ("family", "addr" as a.b.c.d/n, "dev", "index"), "link_changed" and
 * "link_deleted" ("index", "name", "state", "up", "mtu"). after is called
 * once per batch of changes read (to flush output, or redraw).
 */
struct routes_watch;

struct routes_watch *routes_watch_new(struct loop *, struct evlog *,
		     void (*after)(void *), void *arg, char *err, size_t errlen);
void		 routes_watch_free(struct routes_watch *);

#endif
