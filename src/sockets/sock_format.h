/*
 * sock_format.h: a socket's fields as ss(8) prints them: protocol and
 * state names, and "addr:port" endpoints ("1.2.3.4:80", "[::1]:80",
 * "*:22" for a dual-stack wildcard, "0.0.0.0:*" for port 0, "addr%dev"
 * when bound to a device; for UNIX the path, "@abstract" or "*").
 */
#ifndef SOCKETS_SOCK_FORMAT_H
#define SOCKETS_SOCK_FORMAT_H

#include <stddef.h>

#include "sock.h"

#define SOCK_ADDR_MAX	(64 + 16 + 8 + DIAG_UNIX_NAME_MAX)

const char	*sock_proto_name(int proto);		/* "tcp" ... */
const char	*sock_state_name(int state);		/* "ESTAB" ... */
/* The ss name's enum value, case-insensitive, or -1. */
int		 sock_state_parse(const char *);
int		 sock_proto_parse(const char *);
void		 sock_format_local(const struct sock *, char *buf, size_t len);
/* "" when there is no peer (listeners, unconnected); for a connected
 * UNIX socket "*", as ss shows it (the peer is known by its inode). */
void		 sock_format_peer(const struct sock *, char *buf, size_t len);

#endif
