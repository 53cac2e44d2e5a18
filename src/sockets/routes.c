/*
 * routes.c: links, addresses, routes and rules from rtnetlink dumps over
 * libmnl; protocols/rtnl.c decodes each message. Names as ip(8) prints
 * them: "default", "10.0.0.0/24", a host route without "/32", tables
 * "main", "local", "default" or their number.
 */
#include <sys/socket.h>
#include <arpa/inet.h>
#include <linux/fib_rules.h>
#include <linux/rtnetlink.h>
#include <errno.h>
#include <libmnl/libmnl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../protocols/rtnl.h"
#include "routes.h"
#include "routes_int.h"

#define RT_BUF		(64 * 1024)
#define LINKS_MAX	1024

struct link_name {
	uint32_t	 index;
	char		 name[RTNL_NAME_MAX];
	char		 addrs[512];
};

struct rt_ctx {
	struct mnl_socket	*nl;
	unsigned		 portid, seq;
	char			*buf;
	struct evlog		*log;
	struct link_name	*links;
	size_t			 nlinks;
	int			 family;
};

typedef void (*rt_fn)(struct rt_ctx *, const void *, size_t);

struct rt_call {
	struct rt_ctx	*c;
	rt_fn		 fn;
};

static int
on_msg(const struct nlmsghdr *nlh, void *arg)
{
	struct rt_call *call = arg;

	call->fn(call->c, mnl_nlmsg_get_payload(nlh),
	    mnl_nlmsg_get_payload_len(nlh));
	return MNL_CB_OK;
}

/* One dump request of type for family; each answer goes to fn. */
static int
dump(struct rt_ctx *c, uint16_t type, int family, rt_fn fn)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(c->buf);
	struct rtgenmsg *g;
	struct rt_call call = { c, fn };
	unsigned seq = ++c->seq;
	ssize_t n;
	int rc;

	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	nlh->nlmsg_seq = seq;
	g = mnl_nlmsg_put_extra_header(nlh, sizeof(struct rtmsg));
	g->rtgen_family = (unsigned char)family;
	c->family = family;
	if (mnl_socket_sendto(c->nl, nlh, nlh->nlmsg_len) < 0)
		return -1;
	do {
		if ((n = mnl_socket_recvfrom(c->nl, c->buf, RT_BUF)) <= 0)
			return -1;
		rc = mnl_cb_run(c->buf, (size_t)n, seq, c->portid, on_msg, &call);
	} while (rc > MNL_CB_STOP);
	return rc == MNL_CB_STOP ? 0 : -1;
}

static struct link_name *
link_find(struct rt_ctx *c, uint32_t index)
{
	size_t i;

	for (i = 0; i < c->nlinks; i++)
		if (c->links[i].index == index)
			return &c->links[i];
	return NULL;
}

static void
on_link(struct rt_ctx *c, const void *p, size_t len)
{
	struct rtnl_link l;

	if (rtnl_parse_link(p, len, &l) != 0 || c->nlinks >= LINKS_MAX)
		return;
	c->links[c->nlinks].index = l.index;
	memcpy(c->links[c->nlinks].name, l.name, sizeof l.name);
	c->links[c->nlinks].addrs[0] = '\0';
	c->nlinks++;
}

static void
on_addr(struct rt_ctx *c, const void *p, size_t len)
{
	struct link_name *ln;
	struct rtnl_addr a;
	char ip[INET6_ADDRSTRLEN];
	size_t used;

	if (rtnl_parse_addr(p, len, &a) != 0 || !a.has_addr ||
	    (ln = link_find(c, a.index)) == NULL)
		return;
	inet_ntop(a.family, a.addr, ip, sizeof ip);
	used = strlen(ln->addrs);
	snprintf(ln->addrs + used, sizeof ln->addrs - used, "%s%s/%u",
	    used > 0 ? " " : "", ip, a.prefixlen);
}

const char *
routes_operstate(uint8_t s)
{
	static const char *const names[] = { "UNKNOWN", "NOTPRESENT", "DOWN",
	    "LOWERLAYERDOWN", "TESTING", "DORMANT", "UP" };

	return s < sizeof names / sizeof names[0] ? names[s] : "UNKNOWN";
}

static void
on_link_report(struct rt_ctx *c, const void *p, size_t len)
{
	struct link_name *ln;
	struct rtnl_link l;
	struct ev ev;

	if (rtnl_parse_link(p, len, &l) != 0)
		return;
	ln = link_find(c, l.index);
	ev_init(&ev, ROUTES_ENGINE, "link");
	ev_int(&ev, "index", l.index);
	ev_str(&ev, "name", l.name);
	ev_str(&ev, "state", routes_operstate(l.operstate));
	ev_bool(&ev, "up", (l.flags & 1) != 0);		/* IFF_UP */
	ev_int(&ev, "mtu", l.mtu);
	ev_str(&ev, "addrs", ln != NULL ? ln->addrs : "");
	evlog_push(c->log, &ev);
}

/* The table's name: main, local, default, or a name from rt_tables. */
static void
table_name(uint32_t table, char *buf, size_t len)
{
	if (table == RT_TABLE_MAIN)
		snprintf(buf, len, "main");
	else if (table == RT_TABLE_LOCAL)
		snprintf(buf, len, "local");
	else if (table == RT_TABLE_DEFAULT)
		snprintf(buf, len, "default");
	else
		routes_table_name(table, buf, len);
}

void
routes_prefix(int family, const uint8_t *addr, bool has, unsigned plen, char *buf,
    size_t len)
{
	char ip[INET6_ADDRSTRLEN];

	if (!has && plen == 0) {
		snprintf(buf, len, "default");
		return;
	}
	inet_ntop(family, addr, ip, sizeof ip);
	if (plen == (family == AF_INET ? 32u : 128u))
		snprintf(buf, len, "%s", ip);
	else
		snprintf(buf, len, "%s/%u", ip, plen);
}

const char *
routes_route_type(uint8_t t)
{
	static const char *const names[] = { "unspec", "unicast", "local",
	    "broadcast", "anycast", "multicast", "blackhole", "unreachable",
	    "prohibit", "throw", "nat" };

	return t < sizeof names / sizeof names[0] ? names[t] : "other";
}

void
routes_route_fields(struct ev *ev, const struct rtnl_route *r,
    const char *dev)
{
	char buf[INET6_ADDRSTRLEN + 8];
	bool gw = r->has_gateway || r->nh_has_gateway;

	routes_prefix(r->family, r->dst, r->has_dst, r->dst_len, buf, sizeof buf);
	ev_str(ev, "family", r->family == AF_INET ? "inet" : "inet6");
	ev_str(ev, "dst", buf);
	if (gw)
		inet_ntop(r->family, r->has_gateway ? r->gateway :
		    r->nh_gateway, buf, sizeof buf);
	ev_str(ev, "gateway", gw ? buf : "");
	ev_str(ev, "dev", dev);
	table_name(r->table, buf, sizeof buf);
	ev_str(ev, "table", buf);
	ev_str(ev, "type", routes_route_type(r->type));
}

static void
on_route(struct rt_ctx *c, const void *p, size_t len)
{
	const struct link_name *ln;
	struct rtnl_route r;
	char src[INET6_ADDRSTRLEN] = "";
	struct ev ev;

	if (rtnl_parse_route(p, len, &r) != 0 || r.family != c->family ||
	    r.src_len != 0)
		return;
	ln = link_find(c, r.has_oif ? r.oif : r.nh_oif);
	ev_init(&ev, ROUTES_ENGINE, "route");
	routes_route_fields(&ev, &r, ln != NULL ? ln->name : "");
	if (r.has_prefsrc)
		inet_ntop(r.family, r.prefsrc, src, sizeof src);
	ev_str(&ev, "prefsrc", src);
	ev_int(&ev, "metric", r.has_metric ? r.metric : 0);
	ev_int(&ev, "protocol", r.protocol);
	ev_int(&ev, "scope", r.scope);
	ev_bool(&ev, "default", !r.has_dst && r.dst_len == 0 &&
	    r.type == RTN_UNICAST);
	evlog_push(c->log, &ev);
}

static void
on_rule(struct rt_ctx *c, const void *p, size_t len)
{
	struct rtnl_rule r;
	char buf[INET6_ADDRSTRLEN + 8];
	struct ev ev;

	if (rtnl_parse_rule(p, len, &r) != 0)
		return;
	ev_init(&ev, ROUTES_ENGINE, "rule");
	ev_str(&ev, "family", r.family == AF_INET ? "inet" : "inet6");
	ev_int(&ev, "priority", r.has_priority ? r.priority : 0);
	routes_prefix(r.family, r.src, r.src_len > 0, r.src_len, buf, sizeof buf);
	ev_str(&ev, "from", r.src_len > 0 ? buf : "all");
	routes_prefix(r.family, r.dst, r.dst_len > 0, r.dst_len, buf, sizeof buf);
	ev_str(&ev, "to", r.dst_len > 0 ? buf : "all");
	ev_str(&ev, "iif", r.iif);
	ev_str(&ev, "oif", r.oif);
	if (r.has_fwmark)
		ev_int(&ev, "fwmark", r.fwmark);
	table_name(r.table, buf, sizeof buf);
	ev_str(&ev, "table", r.action == FR_ACT_TO_TBL ? buf : "");
	ev_str(&ev, "action", r.action == FR_ACT_TO_TBL ? "lookup" :
	    r.action == FR_ACT_BLACKHOLE ? "blackhole" :
	    r.action == FR_ACT_UNREACHABLE ? "unreachable" :
	    r.action == FR_ACT_PROHIBIT ? "prohibit" : "other");
	evlog_push(c->log, &ev);
}

static int
report_all(struct rt_ctx *c)
{
	static const int families[] = { AF_INET, AF_INET6 };
	size_t i;

	if (dump(c, RTM_GETLINK, AF_UNSPEC, on_link) != 0 ||
	    dump(c, RTM_GETADDR, AF_UNSPEC, on_addr) != 0 ||
	    dump(c, RTM_GETLINK, AF_UNSPEC, on_link_report) != 0)
		return -1;
	for (i = 0; i < 2; i++)
		if (dump(c, RTM_GETROUTE, families[i], on_route) != 0)
			return -1;
	for (i = 0; i < 2; i++)
		if (dump(c, RTM_GETRULE, families[i], on_rule) != 0)
			return -1;
	return 0;
}

int
routes_report(struct evlog *log, char *err, size_t errlen)
{
	struct rt_ctx c;
	int rc = -1;

	memset(&c, 0, sizeof c);
	c.log = log;
	c.seq = (unsigned)time(NULL);
	c.buf = malloc(RT_BUF);
	c.links = calloc(LINKS_MAX, sizeof *c.links);
	if (c.buf != NULL && c.links != NULL &&
	    (c.nl = mnl_socket_open(NETLINK_ROUTE)) != NULL &&
	    mnl_socket_bind(c.nl, 0, MNL_SOCKET_AUTOPID) == 0) {
		c.portid = mnl_socket_get_portid(c.nl);
		rc = report_all(&c);
	}
	if (rc != 0)
		snprintf(err, errlen, "rtnetlink: %s", strerror(errno));
	if (c.nl != NULL)
		mnl_socket_close(c.nl);
	free(c.buf);
	free(c.links);
	return rc;
}
