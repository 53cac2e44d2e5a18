/*
 * resolve.h: a host name looked up without blocking the loop. glibc's
 * getaddrinfo_a does the lookup in its own thread, through nsswitch as
 * getaddrinfo would (/etc/hosts, DNS ...); a 10 ms timer on the loop
 * collects the answer. A lookup freed while it still runs is cancelled,
 * or if glibc can no longer cancel it, frees itself when it ends; its
 * callback is not called then. An address (not a name) needs no lookup:
 * it is answered on the loop's next turn, never from inside
 * resolve_start, so callers treat both alike.
 */
#ifndef CORE_RESOLVE_H
#define CORE_RESOLVE_H

#include <stddef.h>

struct addrinfo;
struct loop;
struct resolve;

/* done(arg, res, NULL) with the answers (valid during the call), or
 * done(arg, NULL, why) with "name: reason". */
typedef void (*resolve_fn)(void *arg, const struct addrinfo *res,
    const char *why);

struct resolve	*resolve_start(struct loop *, const char *name, resolve_fn,
		     void *arg, char *err, size_t errlen);
void		 resolve_free(struct resolve *);
/* The first IPv4 answer, else the first answer (the pick of traceroute
 * and nmap); NULL only when there is none. */
const struct addrinfo *resolve_ipv4_first(const struct addrinfo *);

#endif
