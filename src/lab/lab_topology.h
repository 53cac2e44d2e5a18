/*
 * lab_topology.h: the NAT lab as data. Every node is a network namespace
 * named "pl-<node>"; every link a veth pair made straight inside the two
 * namespaces, so nothing appears in the machine's own namespace.
 *
 *   alice 192.168.10.2            bob 192.168.20.2
 *     |  home LAN A                 |  home LAN B
 *   nat-a 192.168.10.1            nat-b 192.168.20.1
 *     |  198.51.100.2               |  198.51.100.3
 *   ==+=========== pub: 198.51.100.0/24, 2001:db8:100::/64 ==+== rendezvous .10
 *                  |
 *   r1 198.51.100.1 / 192.0.2.1
 *                  |  transit 192.0.2.0/30
 *   r2 192.0.2.2 / 203.0.113.1
 *                  |  far side 203.0.113.0/24
 *   far 203.0.113.10
 */
#ifndef LAB_TOPOLOGY_H
#define LAB_TOPOLOGY_H

#include <stdbool.h>
#include <stddef.h>

#define LAB_NS_PREFIX "pl-"

/*
 * The far link (r2 eth1 <-> far eth0) is a wire that can hold data: a
 * token bucket on each end at LAB_WIRE_KBIT with up to LAB_WIRE_MS of
 * queue, so what is sent faster than the rate waits in the queue (the
 * storage-in-flight demo keeps its file there). Light traffic (a ping, a
 * trace, a chat) never fills it and sees no delay.
 */
#define LAB_WIRE_KBIT	10000
#define LAB_WIRE_MS	200
/* Bytes the wire holds, both queues full. */
#define LAB_WIRE_BYTES	(2 * LAB_WIRE_KBIT * 1000 / 8 * LAB_WIRE_MS / 1000)

enum lab_role { LAB_HOST, LAB_NAT, LAB_ROUTER, LAB_SWITCH };

struct lab_node {
	const char	*name;
	enum lab_role	 role;
	const char	*ipv4;		/* main address, without prefix length */
	const char	*uplink;	/* interface toward the far side */
	const char	*gw4;		/* default IPv4 route, or NULL */
	const char	*gw6;		/* default IPv6 route, or NULL */
	const char	*what;		/* one line for `lab status` */
};

/* One end of a link: node, interface, addresses (NULL: none). */
struct lab_end {
	const char	*node;
	const char	*ifname;
	const char	*addr4;		/* with prefix length */
	const char	*addr6;
};

struct lab_link {
	struct lab_end	 a, b;
};

extern const struct lab_node	lab_nodes[];
extern const size_t		lab_nnodes;
extern const struct lab_link	lab_links[];
extern const size_t		lab_nlinks;
/* The interfaces of the switch node that form the public bridge. */
extern const char *const	lab_bridge_ports[];

/* The hole-punch ladder's columns, left to right, and the places
 * ("node:ifname") a datagram from alice to bob passes, in that order;
 * both NULL-ended. */
extern const char *const	lab_ladder_roles[];
extern const char *const	lab_ladder_taps[];

const struct lab_node *lab_node_find(const char *name);
const char	*lab_role_name(enum lab_role);
/* "pl-" + name into buf. */
void		 lab_ns_name(const char *node, char *buf, size_t len);

#endif
