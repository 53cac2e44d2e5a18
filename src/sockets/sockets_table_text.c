/*
 * sockets_table_text.c: the sockets as an ss-like table. The address
 * columns are as wide as their widest entry, as ss makes them.
 */
#include <stdio.h>
#include <string.h>

#include "sock_format.h"
#include "sockets_table_text.h"

static const char *
netid(const struct sock *s)
{
	if (s->proto != SP_UNIX)
		return sock_proto_name(s->proto);
	return s->unix_type == 1 ? "u_str" : s->unix_type == 2 ? "u_dgr" :
	    s->unix_type == 5 ? "u_seq" : "u_???";
}

static void
endpoints(const struct sock *s, char *local, char *peer)
{
	char buf[SOCK_ADDR_MAX];

	sock_format_local(s, local, SOCK_ADDR_MAX);
	sock_format_peer(s, peer, SOCK_ADDR_MAX);
	if (s->proto == SP_UNIX) {	/* ss shows inodes as UNIX ports */
		snprintf(buf, sizeof buf, "%s %u", local, s->inode);
		memcpy(local, buf, SOCK_ADDR_MAX);
		snprintf(buf, sizeof buf, "%s %u", *peer ? peer : "*",
		    s->peer_inode);
		memcpy(peer, buf, SOCK_ADDR_MAX);
	} else if (*peer == '\0')
		snprintf(peer, SOCK_ADDR_MAX, "%s", s->family == 2 ?
		    "0.0.0.0:*" : "[::]:*");
}

static bool
shown(struct sockets *sk, const struct sock_filter *f, const struct sock *s)
{
	return sock_filter_match(f, s, sockets_user(sk, s));
}

static void
widths(struct sockets *sk, const struct sock_filter *f, int *wl, int *wp)
{
	const struct sock_table *t = sockets_snapshot(sk);
	char local[SOCK_ADDR_MAX], peer[SOCK_ADDR_MAX];
	size_t i;

	*wl = 20;
	*wp = 20;
	for (i = 0; i < t->n; i++) {
		if (!shown(sk, f, &t->v[i]))
			continue;
		endpoints(&t->v[i], local, peer);
		if ((int)strlen(local) > *wl)
			*wl = (int)strlen(local);
		if ((int)strlen(peer) > *wp)
			*wp = (int)strlen(peer);
	}
}

void
sockets_table_text(struct sockets *sk, const struct sock_filter *f, FILE *out)
{
	const struct sock_table *t = sockets_snapshot(sk);
	char local[SOCK_ADDR_MAX], peer[SOCK_ADDR_MAX];
	const struct sock *s;
	int wl, wp;
	size_t i;

	if (strcmp(sockets_source(sk), "netlink") != 0)
		fprintf(out, "# source: %s\n", sockets_source(sk));
	widths(sk, f, &wl, &wp);
	fprintf(out, "%-5s %-10s %6s %6s %*s %-*s Process\n", "Netid", "State",
	    "Recv-Q", "Send-Q", wl, "Local Address:Port", wp,
	    "Peer Address:Port");
	for (i = 0; i < t->n; i++) {
		s = &t->v[i];
		if (!shown(sk, f, s))
			continue;
		endpoints(s, local, peer);
		fprintf(out, "%-5s %-10s %6u %6u %*s %-*s", netid(s),
		    sock_state_name(s->state), s->rqueue, s->wqueue, wl, local,
		    wp, peer);
		if (s->pid != 0)
			fprintf(out, " users:((\"%s\",pid=%d))", s->comm, s->pid);
		fputc('\n', out);
	}
}
