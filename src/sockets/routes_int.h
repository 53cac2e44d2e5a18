/*
 * routes_int.h: what routes.c (the dumps) and routes_watch.c (the
 * changes) share: names as ip(8) prints them, and a route's event fields.
 */
#ifndef SOCKETS_ROUTES_INT_H
#define SOCKETS_ROUTES_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../../protocols/rtnl.h"
#include "../core/evlog.h"

/* "default", "a.b.c.d/n", or a host route's bare address. */
void		 routes_prefix(int family, const uint8_t *addr, bool has,
		     unsigned plen, char *buf, size_t len);
const char	*routes_route_type(uint8_t type);
const char	*routes_operstate(uint8_t state);
/* A table number's name from rt_tables (PUNCHLINE_RT_TABLES, else
 * /etc/iproute2/rt_tables, else /usr/share/iproute2/rt_tables), or the
 * number; the file is read once. */
void		 routes_table_name(uint32_t table, char *buf, size_t len);
/* family, dst, gateway, dev, table, type. */
void		 routes_route_fields(struct ev *, const struct rtnl_route *,
		     const char *dev);

#endif
