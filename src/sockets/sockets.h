/*
 * sockets.h: the sockets engine. It keeps the machine's sockets (TCP,
 * UDP, RAW over IPv4 and IPv6, UNIX) with their owning processes, refreshes
 * them on a timer (1 Hz by default, pausable), and reports each change as
 * an event: "socket_new", "socket_state" (with "old" and "new"),
 * "socket_closed". sockets_report() puts the whole table out as "socket"
 * events. Every socket event carries "proto", "local", "peer", "state",
 * "pid", "program", "user", "inode" (and tcp_info fields for TCP).
 *
 * Sockets come from NETLINK_SOCK_DIAG; where that is missing (per
 * protocol), from /proc/net, and a "notice" event says so.
 */
#ifndef SOCKETS_SOCKETS_H
#define SOCKETS_SOCKETS_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/evlog.h"
#include "../core/loop.h"
#include "sock_filter.h"
#include "sock_table.h"

#define SOCKETS_ENGINE		"sockets"
#define SOCKETS_INTERVAL	1.0

enum sockets_source { SOCKETS_AUTO, SOCKETS_NETLINK, SOCKETS_PROC };

struct sockets_config {
	double			 interval;	/* seconds; 0: SOCKETS_INTERVAL */
	enum sockets_source	 source;
	/* tcp_info only when asked for (sockets_tcp_info), not with every
	 * TCP socket of every refresh: the TUI shows it for one socket, and
	 * the kernel's dump costs a sixth less without it. Events then carry
	 * no tcp_info fields. */
	bool			 tcp_info_on_demand;
};

struct sockets;

/* NULL with the reason in err. loop may be NULL for one-shot use. */
struct sockets	*sockets_new(struct loop *, struct evlog *,
		     const struct sockets_config *, char *err, size_t errlen);
void		 sockets_free(struct sockets *);
/* Only sockets matching f are reported (NULL: all). */
void		 sockets_set_filter(struct sockets *, const struct sock_filter *f);
/* Reads every socket now; after the first time, reports what changed.
 * 0, or -1 when no source could be read (a "notice" event says why). */
int		 sockets_refresh(struct sockets *);
/* Called after every refresh the timer makes (to flush output). */
void		 sockets_on_refresh(struct sockets *, void (*fn)(void *),
		     void *arg);
/* The refresh timer: started, paused and resumed. */
void		 sockets_start(struct sockets *);
void		 sockets_pause(struct sockets *, bool paused);
bool		 sockets_paused(const struct sockets *);
/* A new refresh interval in seconds (0.1 to 3600), from the next tick. */
void		 sockets_set_interval(struct sockets *, double seconds);
double		 sockets_interval(const struct sockets *);
/* The command line of pid, arguments joined by spaces ("" when it cannot
 * be read: gone, or another user's process without privilege). */
void		 sockets_cmdline(int pid, char *buf, size_t len);
/* Sockets seen without an owner in the last refresh (other users'
 * processes need root to map). */
size_t		 sockets_ownerless(const struct sockets *);
/* Every matching socket of the last refresh as a "socket" event. */
void		 sockets_report(struct sockets *);
const struct sock_table *sockets_snapshot(const struct sockets *);
/* Changes when a refresh finds anything a table shows changed (sockets
 * new, closed or in another state; queues; owners): a view built from an
 * older snapshot needs rebuilding, one from the same generation does not. */
unsigned long	 sockets_generation(const struct sockets *);
/* Counts refreshes. Right after one, the snapshot before it is still
 * readable, so pointers into it can be moved to the same sockets in the
 * new one (sockets_find) instead of rebuilding a whole view. */
unsigned long	 sockets_serial(const struct sockets *);
/* The socket in the snapshot with the identity of like, or NULL. */
const struct sock *sockets_find(const struct sockets *,
		     const struct sock *like);
/* "netlink", or what was read instead and why. */
const char	*sockets_source(const struct sockets *);
/* The tcp_info of sk, a TCP socket of the snapshot: from the last
 * refresh, or asked for now (one netlink request). 0, or -1 if none. */
int		 sockets_tcp_info(struct sockets *, const struct sock *sk,
		     struct diag_tcpinfo *out);
/* The owner's user name of s ("" when unknown). */
const char	*sockets_user(struct sockets *, const struct sock *s);


#endif
