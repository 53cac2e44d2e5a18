/*
 * rtnl.c: rtnetlink route, link, address and rule payloads into plain
 * fields (layouts in rtnl.h).
 */
#include <string.h>

#include "nlattr.h"
#include "reader.h"
#include "rtnl.h"

enum {
	RTA_DST_ = 1, RTA_OIF_ = 4, RTA_GATEWAY_ = 5, RTA_PRIORITY_ = 6,
	RTA_PREFSRC_ = 7, RTA_MULTIPATH_ = 9, RTA_TABLE_ = 15,
	IFLA_ADDRESS_ = 1, IFLA_IFNAME_ = 3, IFLA_MTU_ = 4,
	IFLA_OPERSTATE_ = 16,
	IFA_ADDRESS_ = 1, IFA_LOCAL_ = 2, IFA_LABEL_ = 3,
	FRA_DST_ = 1, FRA_SRC_ = 2, FRA_IIFNAME_ = 3, FRA_PRIORITY_ = 6,
	FRA_FWMARK_ = 10, FRA_TABLE_ = 15, FRA_OIFNAME_ = 17,
};

#define RTNH_HDR	8	/* rtnh_len u16, flags u8, hops u8, ifindex i32 */

/* An address attribute: at most 16 bytes, the rest of out zeroed. */
static bool
addr_attr(struct reader *p, uint8_t out[16])
{
	memset(out, 0, 16);
	return nla_copy(p, out, 16) > 0;
}

/* RTA_MULTIPATH: a list of rtnexthop, each with its own attributes. */
static void
multipath(struct reader *p, struct rtnl_route *r)
{
	struct reader nh, attrs, a;
	uint16_t len, type;
	uint32_t oif;

	while (rd_left(p) >= RTNH_HDR) {
		len = rd_ne16(p);
		if (len < RTNH_HDR)
			return;
		nh = rd_sub(p, (size_t)len - 2);
		rd_skip(p, (4 - (len & 3)) & 3);
		rd_skip(&nh, 2);		/* flags, hops */
		oif = rd_ne32(&nh);
		if (r->nexthops++ > 0)
			continue;
		r->nh_oif = oif;
		attrs = nh;
		while (nla_next(&attrs, &type, &a))
			if (type == RTA_GATEWAY_)
				r->nh_has_gateway = addr_attr(&a, r->nh_gateway);
	}
}

static void
route_attr(struct rtnl_route *r, uint16_t type, struct reader *p)
{
	switch (type) {
	case RTA_DST_:		r->has_dst = addr_attr(p, r->dst); break;
	case RTA_GATEWAY_:	r->has_gateway = addr_attr(p, r->gateway); break;
	case RTA_PREFSRC_:	r->has_prefsrc = addr_attr(p, r->prefsrc); break;
	case RTA_OIF_:
		r->oif = rd_ne32(p);
		r->has_oif = !p->truncated;
		break;
	case RTA_PRIORITY_:
		r->metric = rd_ne32(p);
		r->has_metric = !p->truncated;
		break;
	case RTA_TABLE_:	r->table = rd_ne32(p); break;
	case RTA_MULTIPATH_:	multipath(p, r); break;
	}
}

int
rtnl_parse_route(const void *buf, size_t len, struct rtnl_route *r)
{
	struct reader rd, p;
	uint16_t type;

	memset(r, 0, sizeof *r);
	rd_init(&rd, buf, len);
	r->family = rd_u8(&rd);
	r->dst_len = rd_u8(&rd);
	r->src_len = rd_u8(&rd);
	r->tos = rd_u8(&rd);
	r->table = rd_u8(&rd);
	r->protocol = rd_u8(&rd);
	r->scope = rd_u8(&rd);
	r->type = rd_u8(&rd);
	rd_skip(&rd, 4);		/* flags */
	if (rd.truncated)
		return -1;
	while (nla_next(&rd, &type, &p))
		route_attr(r, type, &p);
	return 0;
}

int
rtnl_parse_link(const void *buf, size_t len, struct rtnl_link *l)
{
	struct reader rd, p;
	uint16_t type;

	memset(l, 0, sizeof *l);
	rd_init(&rd, buf, len);
	rd_skip(&rd, 2);		/* family, pad */
	l->type = rd_ne16(&rd);
	l->index = rd_ne32(&rd);
	l->flags = rd_ne32(&rd);
	rd_skip(&rd, 4);		/* change */
	if (rd.truncated)
		return -1;
	while (nla_next(&rd, &type, &p)) {
		if (type == IFLA_IFNAME_)
			nla_string(&p, l->name, sizeof l->name);
		else if (type == IFLA_OPERSTATE_)
			l->operstate = rd_u8(&p);
		else if (type == IFLA_MTU_)
			l->mtu = rd_ne32(&p);
		else if (type == IFLA_ADDRESS_)
			l->mac_len = nla_copy(&p, l->mac, sizeof l->mac);
	}
	return 0;
}

int
rtnl_parse_addr(const void *buf, size_t len, struct rtnl_addr *a)
{
	struct reader rd, p;
	uint16_t type;
	bool local = false;

	memset(a, 0, sizeof *a);
	rd_init(&rd, buf, len);
	a->family = rd_u8(&rd);
	a->prefixlen = rd_u8(&rd);
	rd_skip(&rd, 1);		/* flags */
	a->scope = rd_u8(&rd);
	a->index = rd_ne32(&rd);
	if (rd.truncated)
		return -1;
	while (nla_next(&rd, &type, &p)) {
		if (type == IFA_LOCAL_)		/* the peer's, on point-to-point */
			local = a->has_addr = addr_attr(&p, a->addr);
		else if (type == IFA_ADDRESS_ && !local)
			a->has_addr = addr_attr(&p, a->addr);
		else if (type == IFA_LABEL_)
			nla_string(&p, a->label, sizeof a->label);
	}
	return 0;
}

static void
rule_attr(struct rtnl_rule *r, uint16_t type, struct reader *p)
{
	switch (type) {
	case FRA_SRC_:		addr_attr(p, r->src); break;
	case FRA_DST_:		addr_attr(p, r->dst); break;
	case FRA_IIFNAME_:	nla_string(p, r->iif, sizeof r->iif); break;
	case FRA_OIFNAME_:	nla_string(p, r->oif, sizeof r->oif); break;
	case FRA_TABLE_:	r->table = rd_ne32(p); break;
	case FRA_PRIORITY_:
		r->priority = rd_ne32(p);
		r->has_priority = !p->truncated;
		break;
	case FRA_FWMARK_:
		r->fwmark = rd_ne32(p);
		r->has_fwmark = !p->truncated;
		break;
	}
}

int
rtnl_parse_rule(const void *buf, size_t len, struct rtnl_rule *r)
{
	struct reader rd, p;
	uint16_t type;

	memset(r, 0, sizeof *r);
	rd_init(&rd, buf, len);
	r->family = rd_u8(&rd);
	r->dst_len = rd_u8(&rd);
	r->src_len = rd_u8(&rd);
	rd_skip(&rd, 1);		/* tos */
	r->table = rd_u8(&rd);
	rd_skip(&rd, 2);
	r->action = rd_u8(&rd);
	rd_skip(&rd, 4);		/* flags */
	if (rd.truncated)
		return -1;
	while (nla_next(&rd, &type, &p))
		rule_attr(r, type, &p);
	return 0;
}
