/*
 * rdns.h: names for addresses (reverse DNS, /etc/hosts first, through
 * nsswitch) without blocking the loop. glibc has no asynchronous
 * getnameinfo, so each new address gets a short-lived thread that asks
 * and writes the answer into a socket the loop reads; answers are cached
 * (an address without a name is cached as such). The threads touch
 * nothing of ours but that socket.
 */
#ifndef CORE_RDNS_H
#define CORE_RDNS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>

struct loop;
struct rdns;

/* on_name(arg) runs on the loop whenever an answer arrives. */
struct rdns	*rdns_new(struct loop *, void (*on_name)(void *), void *arg);
/* true with the name in out ("" if it has none); false while it is
 * being looked up (the lookup starts at the first ask). */
bool		 rdns_name(struct rdns *, const struct sockaddr_storage *,
		     char *out, size_t len);
size_t		 rdns_pending(const struct rdns *);
void		 rdns_free(struct rdns *);

#endif
