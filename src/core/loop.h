/*
 * loop.h: the one event loop, on libevent.
 *
 * Why libevent rather than a hand-made poll loop: timers, signals and fds
 * come in one API we need not write or test, and the mail console gets its
 * TLS streams (bufferevent_openssl: STARTTLS) from the same library. Name
 * lookups do not use evdns: core/resolve.c and core/rdns.c ask the system's
 * resolver (getaddrinfo_a, getnameinfo in threads), so /etc/hosts and
 * nsswitch are honoured; nothing may block the loop.
 * Engines use libevent's API on loop_base() directly; this file adds only
 * what every user of the loop shares: signal routing and clocks.
 */
#ifndef CORE_LOOP_H
#define CORE_LOOP_H

#include <event2/event.h>

struct loop;

typedef void (*loop_signal_fn)(int sig, void *arg);

struct loop		*loop_new(void);
void			 loop_free(struct loop *);
struct event_base	*loop_base(struct loop *);
/* Delivers sig through the loop (no work in signal context). */
int			 loop_on_signal(struct loop *, int sig, loop_signal_fn,
			     void *arg);
/* Reaps exited children on SIGCHLD so none is left a zombie. */
int			 loop_reap_children(struct loop *);
int			 loop_run(struct loop *);
void			 loop_exit(struct loop *);

double			 clock_mono(void);	/* seconds, monotonic */
double			 clock_wall(void);	/* seconds since the epoch */

#endif
