/*
 * rtnl.h: rtnetlink payloads (linux/rtnetlink.h, if_link.h, if_addr.h,
 * fib_rules.h) decoded into plain fields: routes, links, addresses and
 * policy rules. Each payload is a fixed header, then attributes:
 *
 *  rtmsg (12)        family dst_len src_len tos | table protocol scope type
 *                    | flags u32  + RTA_DST RTA_GATEWAY RTA_OIF RTA_TABLE ...
 *  ifinfomsg (16)    family pad type u16 | index i32 | flags u32 | change u32
 *                    + IFLA_IFNAME IFLA_OPERSTATE IFLA_MTU IFLA_ADDRESS
 *  ifaddrmsg (8)     family prefixlen flags scope | index u32
 *                    + IFA_ADDRESS IFA_LOCAL IFA_LABEL
 *  fib_rule_hdr (12) family dst_len src_len tos | table res res action
 *                    | flags u32  + FRA_PRIORITY FRA_TABLE FRA_SRC FRA_DST
 *                    FRA_IIFNAME FRA_OIFNAME FRA_FWMARK
 * Pure: no I/O, no allocation; every byte through reader.h.
 */
#ifndef PROTOCOLS_RTNL_H
#define PROTOCOLS_RTNL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RTNL_NAME_MAX	16

struct rtnl_route {
	uint8_t		 family, dst_len, src_len, tos;
	uint8_t		 protocol, scope, type;
	uint32_t	 table;			/* RTA_TABLE, else rtm_table */
	uint8_t		 dst[16], gateway[16], prefsrc[16];
	bool		 has_dst, has_gateway, has_prefsrc, has_oif, has_metric;
	uint32_t	 oif, metric;
	unsigned	 nexthops;		/* RTA_MULTIPATH entries */
	uint32_t	 nh_oif;		/* the first nexthop's */
	uint8_t		 nh_gateway[16];
	bool		 nh_has_gateway;
};

struct rtnl_link {
	uint32_t	 index;
	uint16_t	 type;			/* ARPHRD_* */
	uint32_t	 flags;			/* IFF_UP, IFF_LOWER_UP, ... */
	uint8_t		 operstate;		/* IF_OPER_* */
	uint32_t	 mtu;
	char		 name[RTNL_NAME_MAX];
	uint8_t		 mac[32];
	size_t		 mac_len;
};

struct rtnl_addr {
	uint8_t		 family, prefixlen, scope;
	uint32_t	 index;
	uint8_t		 addr[16];		/* IFA_LOCAL if given, else IFA_ADDRESS */
	bool		 has_addr;
	char		 label[RTNL_NAME_MAX];
};

struct rtnl_rule {
	uint8_t		 family, dst_len, src_len, action;
	uint32_t	 table, priority, fwmark;
	bool		 has_priority, has_fwmark;
	uint8_t		 src[16], dst[16];
	char		 iif[RTNL_NAME_MAX], oif[RTNL_NAME_MAX];
};

/* 0, or -1 when the payload is shorter than its fixed header. */
int	 rtnl_parse_route(const void *buf, size_t len, struct rtnl_route *);
int	 rtnl_parse_link(const void *buf, size_t len, struct rtnl_link *);
int	 rtnl_parse_addr(const void *buf, size_t len, struct rtnl_addr *);
int	 rtnl_parse_rule(const void *buf, size_t len, struct rtnl_rule *);

#endif
