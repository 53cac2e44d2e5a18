/*
 * sock_filter.h: the FILTER of `punchline sockets` (and of the Sockets
 * pane): words "key:value", e.g. "state:listen port:22 prog:sshd proto:tcp".
 *
 *   proto:tcp|udp|raw|unix    state:NAME (ss names: listen, estab, time-wait,
 *   port:N (local or peer)    unconn, ...; also "established", "close")
 *   sport:N  dport:N          prog:NAME (the command, exact)
 *   pid:N    user:NAME        family:4|6 (inet, inet6; UNIX never matches)
 *
 * Repeating a key means any of its values; different keys must all match.
 * Pure: parsing and matching only, no I/O.
 */
#ifndef SOCKETS_SOCK_FILTER_H
#define SOCKETS_SOCK_FILTER_H

#include <stdbool.h>
#include <stddef.h>

#include "sock.h"

#define SOCK_FILTER_MAX	16	/* values per key */

struct sock_filter {
	unsigned	 protos;		/* bit per enum sock_proto; 0: any */
	unsigned	 states;		/* bit per enum sock_state; 0: any */
	unsigned	 families;		/* bit 0: IPv4, bit 1: IPv6; 0: any */
	unsigned	 nports, nsports, ndports, npids, nprogs, nusers;
	unsigned	 ports[SOCK_FILTER_MAX], sports[SOCK_FILTER_MAX];
	unsigned	 dports[SOCK_FILTER_MAX];
	int		 pids[SOCK_FILTER_MAX];
	char		 progs[SOCK_FILTER_MAX][SOCK_COMM_MAX];
	char		 users[SOCK_FILTER_MAX][33];
};

/* The words of argv (argc of them, may be 0) into f: 0, or -1 with a
 * message in err that names the bad word. */
int	 sock_filter_parse(struct sock_filter *f, int argc, char *const *argv,
	     char *err, size_t errlen);
/* user: the owner's name (NULL when unknown). */
bool	 sock_filter_match(const struct sock_filter *f, const struct sock *s,
	     const char *user);
bool	 sock_filter_empty(const struct sock_filter *f);

#endif
