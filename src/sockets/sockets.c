/*
 * sockets.c: the sockets engine: sources, owners, the refresh timer, the
 * diff between refreshes, and the events (see sockets.h).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sock_diff.h"
#include "sock_format.h"
#include "sockets.h"
#include "sockets_diag.h"
#include "sockets_owner.h"
#include "sockets_proc.h"

struct sockets {
	struct loop		*loop;
	struct evlog		*log;
	struct event		*timer;
	struct sockets_diag	*diag;
	struct sockets_owner	*owner;
	struct sock_table	 cur, prev;
	struct sock_filter	 filter;
	double			 interval;
	unsigned long		 generation, serial;
	uint32_t		*now_at;	/* prev index -> 1 + cur's */
	size_t			 now_at_cap;
	void			(*on_refresh)(void *);
	void			*on_refresh_arg;
	bool			 paused, refreshed, use_proc[SP_NPROTO];
	bool			 tcp_info_on_demand;
	char			 source[256];
};

static void
notice(struct sockets *s, const char *text)
{
	struct ev ev;

	ev_init(&ev, SOCKETS_ENGINE, "notice");
	ev_str(&ev, "text", text);
	evlog_push(s->log, &ev);
}

/* Chooses netlink or /proc, and says so when it is /proc. */
static int
open_source(struct sockets *s, enum sockets_source src, char *err,
    size_t errlen)
{
	char why[160] = "forced by --source proc";
	int i;

	if (src != SOCKETS_PROC &&
	    (s->diag = sockets_diag_open(why, sizeof why)) == NULL &&
	    src == SOCKETS_NETLINK) {
		snprintf(err, errlen, "%s", why);
		return -1;
	}
	snprintf(s->source, sizeof s->source, "netlink");
	if (s->diag != NULL)
		return 0;
	for (i = 0; i < SP_NPROTO; i++)
		s->use_proc[i] = true;
	snprintf(s->source, sizeof s->source, "/proc/net (netlink sock_diag "
	    "not used: %s; no tcp_info)", why);
	notice(s, s->source);
	return 0;
}

struct sockets *
sockets_new(struct loop *loop, struct evlog *log,
    const struct sockets_config *cfg, char *err, size_t errlen)
{
	struct sockets *s = calloc(1, sizeof *s);

	if (s == NULL || (s->owner = sockets_owner_new()) == NULL) {
		snprintf(err, errlen, "out of memory");
		sockets_free(s);
		return NULL;
	}
	s->loop = loop;
	s->log = log;
	s->interval = cfg->interval > 0 ? cfg->interval : SOCKETS_INTERVAL;
	s->tcp_info_on_demand = cfg->tcp_info_on_demand;
	sock_table_init(&s->cur);
	sock_table_init(&s->prev);
	if (open_source(s, cfg->source, err, errlen) != 0) {
		sockets_free(s);
		return NULL;
	}
	return s;
}

void
sockets_free(struct sockets *s)
{
	if (s == NULL)
		return;
	if (s->timer != NULL)
		event_free(s->timer);
	sockets_diag_close(s->diag);
	sockets_owner_free(s->owner);
	sock_table_free(&s->cur);
	sock_table_free(&s->prev);
	free(s->now_at);
	free(s);
}

void
sockets_set_filter(struct sockets *s, const struct sock_filter *f)
{
	if (f != NULL)
		s->filter = *f;
	else
		memset(&s->filter, 0, sizeof s->filter);
}

/* One protocol from netlink, or /proc from now on if netlink fails. */
static int
collect_one(struct sockets *s, int proto)
{
	char err[200], text[320];

	if (!s->use_proc[proto] &&
	    sockets_diag_dump(s->diag, proto, !s->tcp_info_on_demand, &s->cur,
	    err, sizeof err) == 0)
		return 0;
	if (!s->use_proc[proto]) {
		s->use_proc[proto] = true;
		snprintf(text, sizeof text, "%s: reading /proc/net for %s "
		    "sockets instead", err, sock_proto_name(proto));
		snprintf(s->source, sizeof s->source, "netlink, /proc/net for "
		    "%s", sock_proto_name(proto));
		notice(s, text);
	}
	if (sockets_proc_read(proto, &s->cur, err, sizeof err) == 0)
		return 0;
	notice(s, err);
	return -1;
}

static void
emit_change(enum sock_change c, const struct sock *sk, const struct sock *old,
    void *arg);

/* The diff with the last refresh, noting where each old socket went. */
static bool
diff(struct sockets *s)
{
	uint32_t *v;
	size_t cap;

	if (s->prev.n > s->now_at_cap) {
		cap = s->prev.n + s->prev.n / 4;
		if ((v = realloc(s->now_at, cap * sizeof *v)) == NULL) {
			s->now_at_cap = 0;
			sock_diff(&s->prev, &s->cur, emit_change, s, NULL);
			return true;	/* unknown: say changed */
		}
		s->now_at = v;
		s->now_at_cap = cap;
	}
	if (s->now_at_cap > 0)
		memset(s->now_at, 0, s->now_at_cap * sizeof *s->now_at);
	return sock_diff(&s->prev, &s->cur, emit_change, s, s->now_at);
}

int
sockets_refresh(struct sockets *s)
{
	int proto, failed = 0;

	sock_table_swap(&s->cur, &s->prev);
	sock_table_clear(&s->cur);
	for (proto = 0; proto < SP_NPROTO; proto++)
		failed += collect_one(s, proto) != 0;
	if (failed == SP_NPROTO)
		return -1;
	sockets_owner_refresh(s->owner, &s->cur);
	sock_table_index(&s->cur);
	if (!s->refreshed || diff(s))
		s->generation++;
	s->serial++;
	s->refreshed = true;
	return 0;
}

void
sockets_on_refresh(struct sockets *s, void (*fn)(void *), void *arg)
{
	s->on_refresh = fn;
	s->on_refresh_arg = arg;
}

static void
on_timer(evutil_socket_t fd, short what, void *arg)
{
	struct sockets *s = arg;

	(void)fd;
	(void)what;
	sockets_refresh(s);
	if (s->on_refresh != NULL)
		s->on_refresh(s->on_refresh_arg);
}

static struct timeval
interval_tv(const struct sockets *s)
{
	struct timeval tv;

	tv.tv_sec = (time_t)s->interval;
	tv.tv_usec = (suseconds_t)((s->interval - (double)tv.tv_sec) * 1e6);
	return tv;
}

void
sockets_start(struct sockets *s)
{
	struct timeval tv = interval_tv(s);

	if (s->loop == NULL || s->timer != NULL)
		return;
	s->timer = event_new(loop_base(s->loop), -1, EV_PERSIST, on_timer, s);
	if (s->timer != NULL)
		event_add(s->timer, &tv);
}

void
sockets_set_interval(struct sockets *s, double seconds)
{
	struct timeval tv;

	if (seconds < 0.1)
		seconds = 0.1;
	if (seconds > 3600)
		seconds = 3600;
	s->interval = seconds;
	tv = interval_tv(s);
	if (s->timer != NULL && !s->paused)
		event_add(s->timer, &tv);	/* re-adding resets the period */
}

double
sockets_interval(const struct sockets *s)
{
	return s->interval;
}

void
sockets_cmdline(int pid, char *buf, size_t len)
{
	char path[64];
	ssize_t n = 0, i;
	int fd;

	if (len == 0)
		return;
	buf[0] = '\0';
	snprintf(path, sizeof path, "/proc/%d/cmdline", pid);
	if (pid <= 0 || (fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return;
	n = read(fd, buf, len - 1);	/* one read: enough for a screen line */
	close(fd);
	if (n < 0)
		n = 0;
	while (n > 0 && buf[n - 1] == '\0')
		n--;
	for (i = 0; i < n; i++)	/* NULs part the arguments; no control
				 * character reaches the screen */
		if ((unsigned char)buf[i] < 0x20 || buf[i] == 0x7f)
			buf[i] = ' ';
	buf[n] = '\0';
}

size_t
sockets_ownerless(const struct sockets *s)
{
	size_t i, n = 0;

	for (i = 0; i < s->cur.n; i++)
		n += s->cur.v[i].pid == 0 && s->cur.v[i].inode != 0;
	return n;
}

void
sockets_pause(struct sockets *s, bool paused)
{
	struct timeval tv;

	if (s->timer == NULL || paused == s->paused)
		return;
	s->paused = paused;
	if (paused) {
		event_del(s->timer);
		return;
	}
	tv.tv_sec = (time_t)s->interval;
	tv.tv_usec = (suseconds_t)((s->interval - (double)tv.tv_sec) * 1e6);
	event_add(s->timer, &tv);
}

bool
sockets_paused(const struct sockets *s)
{
	return s->paused;
}

unsigned long
sockets_generation(const struct sockets *s)
{
	return s->generation;
}

unsigned long
sockets_serial(const struct sockets *s)
{
	return s->serial;
}

const struct sock *
sockets_find(const struct sockets *s, const struct sock *like)
{
	size_t at;

	if (like >= s->prev.v && like < s->prev.v + s->prev.n &&
	    s->now_at_cap >= s->prev.n) {	/* known from the diff */
		at = s->now_at[like - s->prev.v];
		return at != 0 ? &s->cur.v[at - 1] : NULL;
	}
	return sock_table_find(&s->cur, like);
}

const struct sock_table *
sockets_snapshot(const struct sockets *s)
{
	return &s->cur;
}

const char *
sockets_source(const struct sockets *s)
{
	return s->source;
}

int
sockets_tcp_info(struct sockets *s, const struct sock *sk,
    struct diag_tcpinfo *out)
{
	if (sk->has_info) {
		*out = sk->info;
		return 0;
	}
	if (s->diag == NULL || s->use_proc[SP_TCP] || sk->proto != SP_TCP)
		return -1;
	return sockets_diag_tcp_info(s->diag, sk, out);
}

const char *
sockets_user(struct sockets *s, const struct sock *sk)
{
	if (sk->pid != 0)
		return sockets_owner_user(s->owner, sk->owner_uid);
	if (sk->proto != SP_UNIX && sk->inode != 0)
		return sockets_owner_user(s->owner, sk->uid);
	return "";
}

static void
tcp_fields(struct ev *ev, const struct sock *sk)
{
	ev_real(ev, "rtt_ms", sk->info.rtt_us / 1000.0);
	ev_real(ev, "rttvar_ms", sk->info.rttvar_us / 1000.0);
	ev_int(ev, "cwnd", sk->info.cwnd);
	ev_int(ev, "retrans", sk->info.retransmits);
	if (sk->info.has_bytes) {
		ev_int(ev, "bytes_acked", (int64_t)sk->info.bytes_acked);
		ev_int(ev, "bytes_received", (int64_t)sk->info.bytes_received);
	}
}

static const char *
unix_type(int type)
{
	return type == 1 ? "stream" : type == 2 ? "dgram" :
	    type == 5 ? "seqpacket" : "?";
}

/* The fields every socket event carries. */
static void
sock_fields(struct sockets *s, struct ev *ev, const struct sock *sk)
{
	char local[SOCK_ADDR_MAX], peer[SOCK_ADDR_MAX];

	sock_format_local(sk, local, sizeof local);
	sock_format_peer(sk, peer, sizeof peer);
	ev_str(ev, "proto", sock_proto_name(sk->proto));
	ev_str(ev, "local", local);
	ev_str(ev, "peer", peer);
	ev_str(ev, "state", sock_state_name(sk->state));
	ev_int(ev, "pid", sk->pid);
	ev_str(ev, "program", sk->comm);
	ev_str(ev, "user", sockets_user(s, sk));
	ev_int(ev, "inode", sk->inode);
	if (sk->proto == SP_UNIX) {
		ev_str(ev, "type", unix_type(sk->unix_type));
		ev_int(ev, "peer_inode", sk->peer_inode);
	}
}

static bool
matches(struct sockets *s, const struct sock *sk)
{
	return sock_filter_match(&s->filter, sk, sockets_user(s, sk));
}

static void
emit_change(enum sock_change c, const struct sock *sk, const struct sock *old,
    void *arg)
{
	static const char *const kinds[] = { "socket_new", "socket_state",
	    "socket_closed" };
	struct sockets *s = arg;
	struct ev ev;

	if (!matches(s, sk) && (old == NULL || !matches(s, old)))
		return;
	ev_init(&ev, SOCKETS_ENGINE, kinds[c]);
	sock_fields(s, &ev, sk);
	if (c == SOCK_STATE) {
		ev_str(&ev, "old", sock_state_name(old->state));
		ev_str(&ev, "new", sock_state_name(sk->state));
	}
	if (sk->has_info && c != SOCK_CLOSED)
		tcp_fields(&ev, sk);
	evlog_push(s->log, &ev);
}

void
sockets_report(struct sockets *s)
{
	struct ev ev;
	size_t i;

	for (i = 0; i < s->cur.n; i++) {
		if (!matches(s, &s->cur.v[i]))
			continue;
		ev_init(&ev, SOCKETS_ENGINE, "socket");
		sock_fields(s, &ev, &s->cur.v[i]);
		if (s->cur.v[i].has_info)
			tcp_fields(&ev, &s->cur.v[i]);
		evlog_push(s->log, &ev);
	}
}
