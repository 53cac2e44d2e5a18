/*
 * scan_resolve.h: looking up a target's name without blocking the loop.
 * glibc's getaddrinfo_a does the lookup in its own thread, through
 * nsswitch as getaddrinfo would (/etc/hosts, DNS ...); a 10 ms timer on
 * the loop collects the answer. A lookup freed while it is still running
 * is cancelled, or if glibc can no longer cancel it, frees itself when
 * it ends; its callback is not called then.
 */
#ifndef SCAN_SCAN_RESOLVE_H
#define SCAN_SCAN_RESOLVE_H

#include <stddef.h>

struct loop;
struct scan_target;
struct target_lookup;

/* done(arg, NULL) with the address added to t, or done(arg, why). */
typedef void (*target_lookup_fn)(void *arg, const char *why);

struct target_lookup *target_lookup_start(struct loop *, struct scan_target *,
			    target_lookup_fn, void *arg, char *err, size_t errlen);
void		      target_lookup_free(struct target_lookup *);

#endif
