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

/* addr[%dev]:port, with ss's brackets, wildcards and "*" for port 0. */
static void
endpoint(const struct sock *s, const uint8_t *addr, uint16_t port,
    uint32_t ifindex, bool v6only, char *buf, size_t len)
{
	char host[INET6_ADDRSTRLEN + 2], ip[INET6_ADDRSTRLEN];
	char dev[IF_NAMESIZE + 1] = "", portbuf[8] = "*";

	if (s->family == AF_INET)
		inet_ntop(AF_INET, addr, host, sizeof host);
	else if (!v6only && all_zero(addr, 16))
		snprintf(host, sizeof host, "*");
	else {
		inet_ntop(AF_INET6, addr, ip, sizeof ip);
		snprintf(host, sizeof host, "[%s]", ip);
	}
	if (ifindex != 0 && if_indextoname(ifindex, dev + 1) != NULL)
		dev[0] = '%';
	if (port != 0)
		snprintf(portbuf, sizeof portbuf, "%u", port);
	snprintf(buf, len, "%s%s:%s", host, dev, portbuf);
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
