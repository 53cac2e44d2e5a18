/*
 * lab_topology.c: the lab's nodes, links and routes. Public addresses come
 * from the documentation prefixes (RFC 5737, RFC 3849) and live only
 * inside the lab's namespaces.
 */
#include <stdio.h>
#include <string.h>

#include "lab_topology.h"

const struct lab_node lab_nodes[] = {
	{ "pub", LAB_SWITCH, NULL, NULL, NULL, NULL,
	  "switch of the public segment 198.51.100.0/24" },
	{ "r1", LAB_ROUTER, "198.51.100.1", "eth1", "192.0.2.2",
	  "2001:db8:2::2", "router: public segment to transit" },
	{ "r2", LAB_ROUTER, "192.0.2.2", "eth0", "192.0.2.1", "2001:db8:2::1",
	  "router: transit to the far side" },
	{ "far", LAB_HOST, "203.0.113.10", "eth0", "203.0.113.1",
	  "2001:db8:113::1", "far host, two routers past the NATs" },
	{ "rendezvous", LAB_HOST, "198.51.100.10", "eth0", "198.51.100.1",
	  "2001:db8:100::1", "public host that introduces peers" },
	{ "nat-a", LAB_NAT, "198.51.100.2", "wan0", "198.51.100.1",
	  "2001:db8:100::1", "home router of LAN A, MASQUERADE" },
	{ "nat-b", LAB_NAT, "198.51.100.3", "wan0", "198.51.100.1",
	  "2001:db8:100::1", "home router of LAN B, MASQUERADE" },
	{ "alice", LAB_HOST, "192.168.10.2", "eth0", "192.168.10.1", NULL,
	  "home host behind nat-a" },
	{ "bob", LAB_HOST, "192.168.20.2", "eth0", "192.168.20.1", NULL,
	  "home host behind nat-b" },
};
const size_t lab_nnodes = sizeof lab_nodes / sizeof lab_nodes[0];

const struct lab_link lab_links[] = {
	{ { "alice", "eth0", "192.168.10.2/24", NULL },
	  { "nat-a", "lan0", "192.168.10.1/24", NULL } },
	{ { "bob", "eth0", "192.168.20.2/24", NULL },
	  { "nat-b", "lan0", "192.168.20.1/24", NULL } },
	{ { "nat-a", "wan0", "198.51.100.2/24", "2001:db8:100::2/64" },
	  { "pub", "p-nat-a", NULL, NULL } },
	{ { "nat-b", "wan0", "198.51.100.3/24", "2001:db8:100::3/64" },
	  { "pub", "p-nat-b", NULL, NULL } },
	{ { "rendezvous", "eth0", "198.51.100.10/24", "2001:db8:100::10/64" },
	  { "pub", "p-rendezvous", NULL, NULL } },
	{ { "r1", "eth0", "198.51.100.1/24", "2001:db8:100::1/64" },
	  { "pub", "p-r1", NULL, NULL } },
	{ { "r1", "eth1", "192.0.2.1/30", "2001:db8:2::1/64" },
	  { "r2", "eth0", "192.0.2.2/30", "2001:db8:2::2/64" } },
	{ { "r2", "eth1", "203.0.113.1/24", "2001:db8:113::1/64" },
	  { "far", "eth0", "203.0.113.10/24", "2001:db8:113::10/64" } },
};
const size_t lab_nlinks = sizeof lab_links / sizeof lab_links[0];

const char *const lab_bridge_ports[] = {
	"p-nat-a", "p-nat-b", "p-rendezvous", "p-r1", NULL,
};

const char *const lab_ladder_roles[] = {
	"alice", "nat-a", "rendezvous", "nat-b", "bob", NULL,
};
const char *const lab_ladder_taps[] = {
	"alice:eth0", "nat-a:lan0", "nat-a:wan0", "rendezvous:eth0",
	"nat-b:wan0", "nat-b:lan0", "bob:eth0", NULL,
};

const struct lab_node *
lab_node_find(const char *name)
{
	size_t i;

	for (i = 0; i < lab_nnodes; i++)
		if (strcmp(lab_nodes[i].name, name) == 0)
			return &lab_nodes[i];
	return NULL;
}

const char *
lab_role_name(enum lab_role role)
{
	switch (role) {
	case LAB_HOST:		return "host";
	case LAB_NAT:		return "nat";
	case LAB_ROUTER:	return "router";
	case LAB_SWITCH:	return "switch";
	}
	return "?";
}

void
lab_ns_name(const char *node, char *buf, size_t len)
{
	snprintf(buf, len, "%s%s", LAB_NS_PREFIX, node);
}
