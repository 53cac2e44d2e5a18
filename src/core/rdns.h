/*
 * rdns.h: names for addresses (reverse DNS, /etc/hosts first, through
 * nsswitch: what the user's other tools show) without blocking the loop.
 * glibc has no asynchronous getnameinfo, so each new address gets a
 * short-lived thread that asks and writes the answer into a socket the
 * loop reads. Bounded: answers are cached in RDNS_CACHE slots (an address
 * without a name is cached as such; a new address may evict an old one,
 * which is then asked again), and at most RDNS_INFLIGHT lookups run at
 * once (a further address is not started, and is asked for again on a
 * later call). The threads touch nothing of ours but that socket. The
 * traceroute and the Sockets pane both name addresses through this.
 */
#ifndef CORE_RDNS_H
#define CORE_RDNS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>

#define RDNS_CACHE	1024
#define RDNS_INFLIGHT	8

struct loop;
struct rdns;

/* on_name(arg) runs on the loop whenever an answer arrives. */
struct rdns	*rdns_new(struct loop *, void (*on_name)(void *), void *arg);
/* The cached name of addr: "" when it has none, NULL while it is being
 * looked up (the lookup starts at the first ask). The pointer is good
 * until the next call. */
const char	*rdns_lookup(struct rdns *, const struct sockaddr_storage *);
/* As rdns_lookup, copying the name into out: false while looking up. */
bool		 rdns_name(struct rdns *, const struct sockaddr_storage *,
		     char *out, size_t len);
/* Lookups asked for and not answered yet. */
size_t		 rdns_pending(const struct rdns *);
void		 rdns_free(struct rdns *);

#endif
