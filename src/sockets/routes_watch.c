/*
 * routes_watch.c: route, address and link changes from rtnetlink's
 * multicast groups (RTNLGRP_LINK, IPV4_IFADDR, IPV6_IFADDR, IPV4_ROUTE,
 * IPV6_ROUTE) over a non-blocking libmnl socket in the loop; each change
 * is an event (see routes.h). protocols/rtnl.c decodes each message.
 */
#include <sys/socket.h>
#include <arpa/inet.h>
#include <linux/rtnetlink.h>
#include <errno.h>
#include <libmnl/libmnl.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../protocols/rtnl.h"
#include "routes.h"
#include "routes_int.h"

#define WATCH_BUF	(64 * 1024)
#define WATCH_READS	64	/* datagrams per wake-up, so the loop stays fair */

struct routes_watch {
	struct mnl_socket	*nl;
	struct event		*ev;
	struct evlog		*log;
	void			(*after)(void *);
	void			*arg;
	char			*buf;
};

static void
dev_name(uint32_t index, char *buf)
{
	if (index == 0 || if_indextoname(index, buf) == NULL)
		buf[0] = '\0';	/* gone already (its link was deleted) */
}

static void
on_route(struct routes_watch *w, bool added, const void *p, size_t len)
{
	char dev[IF_NAMESIZE];
	struct rtnl_route r;
	struct ev ev;

	if (rtnl_parse_route(p, len, &r) != 0 || r.src_len != 0 ||
	    (r.family != AF_INET && r.family != AF_INET6))
		return;
	dev_name(r.has_oif ? r.oif : r.nh_oif, dev);
	ev_init(&ev, ROUTES_ENGINE, added ? "route_added" : "route_deleted");
	routes_route_fields(&ev, &r, dev);
	ev_bool(&ev, "default", !r.has_dst && r.dst_len == 0 &&
	    r.type == RTN_UNICAST);
	evlog_push(w->log, &ev);
}

static void
on_addr(struct routes_watch *w, bool added, const void *p, size_t len)
{
	char dev[IF_NAMESIZE], ip[INET6_ADDRSTRLEN], buf[INET6_ADDRSTRLEN + 8];
	struct rtnl_addr a;
	struct ev ev;

	if (rtnl_parse_addr(p, len, &a) != 0 || !a.has_addr ||
	    (a.family != AF_INET && a.family != AF_INET6))
		return;
	inet_ntop(a.family, a.addr, ip, sizeof ip);
	snprintf(buf, sizeof buf, "%s/%u", ip, a.prefixlen);
	dev_name(a.index, dev);
	ev_init(&ev, ROUTES_ENGINE, added ? "addr_added" : "addr_deleted");
	ev_str(&ev, "family", a.family == AF_INET ? "inet" : "inet6");
	ev_str(&ev, "addr", buf);
	ev_str(&ev, "dev", dev[0] ? dev : a.label);
	ev_int(&ev, "index", a.index);
	evlog_push(w->log, &ev);
}

static void
on_link(struct routes_watch *w, bool added, const void *p, size_t len)
{
	struct rtnl_link l;
	struct ev ev;

	if (rtnl_parse_link(p, len, &l) != 0)
		return;
	ev_init(&ev, ROUTES_ENGINE, added ? "link_changed" : "link_deleted");
	ev_int(&ev, "index", l.index);
	ev_str(&ev, "name", l.name);
	ev_str(&ev, "state", routes_operstate(l.operstate));
	ev_bool(&ev, "up", (l.flags & 1) != 0);		/* IFF_UP */
	ev_int(&ev, "mtu", l.mtu);
	evlog_push(w->log, &ev);
}

static int
on_msg(const struct nlmsghdr *nlh, void *arg)
{
	static const struct {
		uint16_t type;
		bool added;
		void (*fn)(struct routes_watch *, bool, const void *, size_t);
	} table[] = {
		{ RTM_NEWROUTE, true, on_route }, { RTM_DELROUTE, false, on_route },
		{ RTM_NEWADDR, true, on_addr }, { RTM_DELADDR, false, on_addr },
		{ RTM_NEWLINK, true, on_link }, { RTM_DELLINK, false, on_link },
	};
	size_t i;

	for (i = 0; i < sizeof table / sizeof table[0]; i++)
		if (table[i].type == nlh->nlmsg_type)
			table[i].fn(arg, table[i].added,
			    mnl_nlmsg_get_payload(nlh),
			    mnl_nlmsg_get_payload_len(nlh));
	return MNL_CB_OK;
}

static void
on_readable(evutil_socket_t fd, short what, void *arg)
{
	struct routes_watch *w = arg;
	ssize_t n;
	int i;

	(void)fd;
	(void)what;
	for (i = 0; i < WATCH_READS; i++) {
		if ((n = mnl_socket_recvfrom(w->nl, w->buf, WATCH_BUF)) <= 0)
			break;	/* EAGAIN; ENOBUFS (we fell behind) loses a batch */
		/* seq 0 and portid 0: notifications, not answers to us */
		mnl_cb_run(w->buf, (size_t)n, 0, 0, on_msg, w);
	}
	if (w->after != NULL)
		w->after(w->arg);
}

struct routes_watch *
routes_watch_new(struct loop *loop, struct evlog *log, void (*after)(void *),
    void *arg, char *err, size_t errlen)
{
	unsigned groups = RTMGRP_LINK | RTMGRP_IPV4_IFADDR | RTMGRP_IPV6_IFADDR |
	    RTMGRP_IPV4_ROUTE | RTMGRP_IPV6_ROUTE;
	struct routes_watch *w = calloc(1, sizeof *w);

	if (w == NULL || (w->buf = malloc(WATCH_BUF)) == NULL) {
		snprintf(err, errlen, "out of memory");
		routes_watch_free(w);
		return NULL;
	}
	w->log = log;
	w->after = after;
	w->arg = arg;
	if ((w->nl = mnl_socket_open2(NETLINK_ROUTE, SOCK_NONBLOCK |
	    SOCK_CLOEXEC)) == NULL ||
	    mnl_socket_bind(w->nl, groups, MNL_SOCKET_AUTOPID) != 0) {
		snprintf(err, errlen, "rtnetlink groups: %s", strerror(errno));
		routes_watch_free(w);
		return NULL;
	}
	w->ev = event_new(loop_base(loop), mnl_socket_get_fd(w->nl),
	    EV_READ | EV_PERSIST, on_readable, w);
	if (w->ev == NULL || event_add(w->ev, NULL) != 0) {
		snprintf(err, errlen, "cannot watch rtnetlink in the loop");
		routes_watch_free(w);
		return NULL;
	}
	return w;
}

void
routes_watch_free(struct routes_watch *w)
{
	if (w == NULL)
		return;
	if (w->ev != NULL)
		event_free(w->ev);
	if (w->nl != NULL)
		mnl_socket_close(w->nl);
	free(w->buf);
	free(w);
}
