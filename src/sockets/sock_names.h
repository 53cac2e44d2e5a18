/*
 * sock_names.h: names for the numbers on the Sockets pane, when the user
 * asks for them: service names from /etc/services, and host names through
 * core/rdns (getnameinfo in a thread: /etc/hosts and nsswitch first, as
 * ss -r and the traceroute name them), asynchronous and cached, so the
 * loop never waits.
 */
#ifndef SOCKETS_SOCK_NAMES_H
#define SOCKETS_SOCK_NAMES_H

#include <stddef.h>
#include <stdint.h>

#include "../core/loop.h"

struct sock_names;

/* ready is called when a lookup finishes (to redraw). NULL on failure. */
struct sock_names	*sock_names_new(struct loop *, void (*ready)(void *),
			     void *arg);
void			 sock_names_free(struct sock_names *);
/* The host name of addr (family AF_INET or AF_INET6), or NULL while it
 * is being looked up or when it has none (then show the number). Good
 * until the next call. */
const char		*sock_names_host(struct sock_names *, int family,
			     const uint8_t *addr);
/* The service name of port for "tcp" or "udp", or NULL. */
const char		*sock_names_service(struct sock_names *, uint16_t port,
			     const char *proto);

#endif
