/*
 * sock_format.c: protocol and state names and endpoints as ss prints them,
 * so `punchline sockets` and `ss -tuanp` can be read side by side.
 */
#include <sys/socket.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "sock_format.h"

static const char *const proto_names[SP_NPROTO] = {
	"tcp", "udp", "raw", "unix",
};

/* ss's names; a closed (bound, unconnected) socket is "UNCONN" there. */
static const char *const state_names[ST_NSTATES] = {
	[0] = "UNKNOWN",
	[ST_ESTAB] = "ESTAB", [ST_SYN_SENT] = "SYN-SENT",
	[ST_SYN_RECV] = "SYN-RECV", [ST_FIN_WAIT1] = "FIN-WAIT-1",
	[ST_FIN_WAIT2] = "FIN-WAIT-2", [ST_TIME_WAIT] = "TIME-WAIT",
	[ST_CLOSE] = "UNCONN", [ST_CLOSE_WAIT] = "CLOSE-WAIT",
	[ST_LAST_ACK] = "LAST-ACK", [ST_LISTEN] = "LISTEN",
	[ST_CLOSING] = "CLOSING",
};

const char *
sock_proto_name(int proto)
{
	return proto >= 0 && proto < SP_NPROTO ? proto_names[proto] : "?";
}

const char *
sock_state_name(int state)
{
	return state > 0 && state < ST_NSTATES ? state_names[state] : "UNKNOWN";
}

int
sock_state_parse(const char *s)
{
	int i;

	for (i = 1; i < ST_NSTATES; i++)
		if (strcasecmp(s, state_names[i]) == 0)
			return i;
	if (strcasecmp(s, "established") == 0)
		return ST_ESTAB;
	if (strcasecmp(s, "close") == 0 || strcasecmp(s, "closed") == 0)
		return ST_CLOSE;
	return -1;
}

int
sock_proto_parse(const char *s)
{
	int i;

	for (i = 0; i < SP_NPROTO; i++)
		if (strcasecmp(s, proto_names[i]) == 0)
			return i;
	return -1;
}

static bool
all_zero(const uint8_t *a, size_t n)
{
	while (n-- > 0)
		if (*a++ != 0)
			return false;
	return true;
}

/* A bounded text being written: always NUL-terminated, cut when full. */
struct out {
	char	*buf;
	size_t	 len, at;
};

static void
put(struct out *o, const char *s, size_t n)
{
	if (o->len == 0)
		return;
	if (n > o->len - 1 - o->at)
		n = o->len - 1 - o->at;
	memcpy(o->buf + o->at, s, n);
	o->at += n;
	o->buf[o->at] = '\0';
}

static void
put_str(struct out *o, const char *s)
{
	put(o, s, strlen(s));
}

static void
put_uint(struct out *o, unsigned v)
{
	char digits[12];
	size_t i = sizeof digits;

	do {
		digits[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	put(o, digits + i, sizeof digits - i);
}

/*
 * addr[%dev]:port, with ss's brackets, wildcards and "*" for port 0. By
 * hand, not printf: a --json dump of 40k sockets formats 80k of these.
 */
static void
endpoint(const struct sock *s, const uint8_t *addr, uint16_t port,
    uint32_t ifindex, bool v6only, char *buf, size_t len)
{
	struct out o = { buf, len, 0 };
	char ip[INET6_ADDRSTRLEN], dev[IF_NAMESIZE];
	int i;

	if (len > 0)
		buf[0] = '\0';
	if (s->family == AF_INET)
		for (i = 0; i < 4; i++) {
			put_uint(&o, addr[i]);
			put(&o, ".", i < 3);
		}
	else if (!v6only && all_zero(addr, 16))
		put_str(&o, "*");
	else {
		inet_ntop(AF_INET6, addr, ip, sizeof ip);
		put_str(&o, "[");
		put_str(&o, ip);
		put_str(&o, "]");
	}
	if (ifindex != 0 && if_indextoname(ifindex, dev) != NULL) {
		put_str(&o, "%");
		put_str(&o, dev);
	}
	put_str(&o, ":");
	if (port != 0)
		put_uint(&o, port);
	else
		put_str(&o, "*");
}

void
sock_format_local(const struct sock *s, char *buf, size_t len)
{
	if (s->proto == SP_UNIX)
		snprintf(buf, len, "%s", s->unix_name[0] ? s->unix_name : "*");
	else
		endpoint(s, s->laddr, s->lport, s->ifindex, s->v6only == 1,
		    buf, len);
}

void
sock_format_peer(const struct sock *s, char *buf, size_t len)
{
	bool none = s->state == ST_LISTEN;

	if (s->proto == SP_UNIX) {
		none = none || s->peer_inode == 0;
		snprintf(buf, len, "%s", none ? "" : "*");
		return;
	}
	none = none || (s->rport == 0 && all_zero(s->raddr, 16));
	if (none)
		buf[0] = '\0';
	else
		endpoint(s, s->raddr, s->rport, 0, false, buf, len);
}
