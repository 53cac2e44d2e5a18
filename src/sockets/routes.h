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

#define ROUTES_ENGINE	"routes"

/* Reports links, routes and rules into log: 0, or -1 with err. */
int	 routes_report(struct evlog *log, char *err, size_t errlen);

#endif
