/* lab.c: bring the lab up and down, and say what is there. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/evlog.h"
#include "../core/spawn.h"
#include "lab.h"
#include "lab_netns.h"
#include "lab_topology.h"

#define CMD_MAX_ARGS 24

void
lab_options_init(struct lab_options *opts)
{
	memset(opts, 0, sizeof *opts);
	opts->nat_a = opts->nat_b = LAB_NAT_CONE;
}

int
lab_options_add_loss(struct lab_options *opts, const char *spec, char *err,
    size_t errlen)
{
	const char *eq = strchr(spec, '=');
	char node[32], *end;
	long pct;

	if (eq == NULL || (size_t)(eq - spec) >= sizeof node) {
		snprintf(err, errlen, "--loss wants NODE=PERCENT, not '%s'", spec);
		return -1;
	}
	memcpy(node, spec, (size_t)(eq - spec));
	node[eq - spec] = '\0';
	pct = strtol(eq + 1, &end, 10);
	if (lab_node_find(node) == NULL || lab_node_find(node)->uplink == NULL) {
		snprintf(err, errlen, "--loss: '%s' is not a lab node with an "
		    "uplink", node);
		return -1;
	}
	if (*end != '\0' || end == eq + 1 || pct < 0 || pct > 100) {
		snprintf(err, errlen, "--loss: '%s' is not a percentage 0-100",
		    eq + 1);
		return -1;
	}
	if (opts->nloss >= LAB_MAX_LOSS) {
		snprintf(err, errlen, "--loss: at most %d of them", LAB_MAX_LOSS);
		return -1;
	}
	opts->loss[opts->nloss].node = lab_node_find(node)->name;
	opts->loss[opts->nloss++].pct = (int)pct;
	return 0;
}

static void
report(struct evlog *log, const char *kind, const char *fmt, ...)
{
	char text[512];
	struct ev ev;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	ev_init(&ev, "lab", kind);
	ev_str(&ev, "text", text);
	evlog_push(log, &ev);
}

/* Runs a command line of words without spaces, e.g. "ip -n pl-a link ...". */
static int
run(struct evlog *log, const char *input, const char *fmt, ...)
{
	char line[512], copy[512], *argv[CMD_MAX_ARGS], *save = NULL, *w;
	va_list ap;
	int argc = 0, rc;

	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	memcpy(copy, line, sizeof copy);
	for (w = strtok_r(copy, " ", &save); w != NULL && argc < CMD_MAX_ARGS - 1;
	    w = strtok_r(NULL, " ", &save))
		argv[argc++] = w;
	argv[argc] = NULL;
	if ((rc = spawn_wait(argv, input, NULL, 0)) != 0)
		report(log, "error", "failed (exit %d): %s", rc, line);
	return rc == 0 ? 0 : -1;
}

static int
make_namespaces(struct evlog *log)
{
	char ns[64];
	size_t i;

	for (i = 0; i < lab_nnodes; i++) {
		lab_ns_name(lab_nodes[i].name, ns, sizeof ns);
		/* No duplicate address detection on lab links: without it a
		 * new link-local address is usable at once, not seconds later. */
		if (run(log, NULL, "ip netns add %s", ns) != 0 ||
		    run(log, NULL, "ip -n %s link set lo up", ns) != 0 ||
		    run(log, NULL, "ip netns exec %s sysctl -qw "
		    "net.ipv6.conf.all.accept_dad=0 "
		    "net.ipv6.conf.default.accept_dad=0", ns) != 0)
			return -1;
		if (lab_nodes[i].role == LAB_NAT || lab_nodes[i].role == LAB_ROUTER)
			if (run(log, NULL, "ip netns exec %s sysctl -qw "
			    "net.ipv4.ip_forward=1", ns) != 0)
				return -1;
		/* default too: the interfaces are made after this. */
		if (lab_nodes[i].role == LAB_ROUTER &&
		    run(log, NULL, "ip netns exec %s sysctl -qw "
		    "net.ipv6.conf.all.forwarding=1 "
		    "net.ipv6.conf.default.forwarding=1", ns) != 0)
			return -1;
	}
	return 0;
}

static int
address_end(struct evlog *log, const struct lab_end *e)
{
	char ns[64];

	lab_ns_name(e->node, ns, sizeof ns);
	if (e->addr4 != NULL &&
	    run(log, NULL, "ip -n %s addr add %s dev %s", ns, e->addr4,
	    e->ifname) != 0)
		return -1;
	if (e->addr6 != NULL &&
	    run(log, NULL, "ip -n %s addr add %s dev %s nodad", ns, e->addr6,
	    e->ifname) != 0)
		return -1;
	return run(log, NULL, "ip -n %s link set %s up", ns, e->ifname);
}

static int
make_links(struct evlog *log)
{
	const struct lab_link *l;
	char nsa[64], nsb[64];
	size_t i;

	for (i = 0; i < lab_nlinks; i++) {
		l = &lab_links[i];
		lab_ns_name(l->a.node, nsa, sizeof nsa);
		lab_ns_name(l->b.node, nsb, sizeof nsb);
		if (run(log, NULL, "ip -n %s link add %s type veth peer name %s "
		    "netns %s", nsa, l->a.ifname, l->b.ifname, nsb) != 0 ||
		    address_end(log, &l->a) != 0 || address_end(log, &l->b) != 0)
			return -1;
	}
	return 0;
}

static int
make_bridge(struct evlog *log)
{
	const char *const *port;
	char ns[64];

	lab_ns_name("pub", ns, sizeof ns);
	if (run(log, NULL, "ip -n %s link add br0 type bridge", ns) != 0 ||
	    run(log, NULL, "ip -n %s link set br0 up", ns) != 0)
		return -1;
	for (port = lab_bridge_ports; *port != NULL; port++)
		if (run(log, NULL, "ip -n %s link set %s master br0", ns,
		    *port) != 0)
			return -1;
	return 0;
}

static int
make_routes(struct evlog *log)
{
	const struct lab_node *n;
	char ns[64];
	size_t i;

	for (i = 0; i < lab_nnodes; i++) {
		n = &lab_nodes[i];
		lab_ns_name(n->name, ns, sizeof ns);
		if (n->gw4 != NULL && run(log, NULL,
		    "ip -n %s route add default via %s", ns, n->gw4) != 0)
			return -1;
		if (n->gw6 != NULL && run(log, NULL,
		    "ip -n %s -6 route add default via %s", ns, n->gw6) != 0)
			return -1;
	}
	return 0;
}

/* A token bucket each way on the far link (see LAB_WIRE_KBIT). */
static int
make_wire(struct evlog *log)
{
	static const struct { const char *node, *ifname; } ends[] = {
		{ "r2", "eth1" }, { "far", "eth0" },
	};
	char ns[64];
	size_t i;

	for (i = 0; i < sizeof ends / sizeof ends[0]; i++) {
		lab_ns_name(ends[i].node, ns, sizeof ns);
		if (run(log, NULL, "ip netns exec %s tc qdisc replace dev %s root "
		    "tbf rate %dkbit burst 32kb latency %dms", ns, ends[i].ifname,
		    LAB_WIRE_KBIT, LAB_WIRE_MS) != 0)
			return -1;
	}
	return 0;
}

static int
load_rules(struct evlog *log, const char *node, struct strbuf *rules)
{
	char ns[64];
	int rc;

	lab_ns_name(node, ns, sizeof ns);
	rc = run(log, rules->buf, "ip netns exec %s nft -f -", ns);
	sb_reset(rules);
	return rc;
}

static int
loss_for(const struct lab_options *opts, const char *node)
{
	size_t i;
	int pct = 0;

	for (i = 0; i < opts->nloss; i++)
		if (strcmp(opts->loss[i].node, node) == 0)
			pct = opts->loss[i].pct;
	return pct;
}

/* NAT and loss rules: loaded on every `lab up`, replacing the old ones. */
static int
apply_rules(const struct lab_options *opts, struct evlog *log)
{
	struct strbuf rules;
	size_t i;
	int rc = 0;

	sb_init(&rules);
	lab_rules_nat(&rules, "lan0", "wan0", opts->nat_a);
	rc |= load_rules(log, "nat-a", &rules);
	lab_rules_nat(&rules, "lan0", "wan0", opts->nat_b);
	rc |= load_rules(log, "nat-b", &rules);
	for (i = 0; i < lab_nnodes && rc == 0; i++) {
		if (lab_nodes[i].uplink == NULL)
			continue;
		lab_rules_loss(&rules, lab_nodes[i].uplink,
		    loss_for(opts, lab_nodes[i].name));
		rc |= load_rules(log, lab_nodes[i].name, &rules);
	}
	sb_free(&rules);
	return rc;
}

static int
count_present(void)
{
	char ns[64];
	size_t i;
	int n = 0;

	for (i = 0; i < lab_nnodes; i++) {
		lab_ns_name(lab_nodes[i].name, ns, sizeof ns);
		n += netns_exists(ns);
	}
	return n;
}

bool
lab_is_up(void)
{
	return count_present() == (int)lab_nnodes;
}

/* netem shapes delay; some kernels lack it, and then we say so. */
static bool
netem_available(void)
{
	char *probe[] = { "ip", "netns", "exec", "pl-far", "tc", "qdisc", "add",
	    "dev", "lo", "root", "netem", "delay", "0ms", NULL };
	char *undo[] = { "ip", "netns", "exec", "pl-far", "tc", "qdisc", "del",
	    "dev", "lo", "root", NULL };

	if (spawn_wait(probe, NULL, NULL, 1) != 0)
		return false;
	spawn_wait(undo, NULL, NULL, 1);
	return true;
}

static void
report_up(const struct lab_options *opts, struct evlog *log, bool was_up)
{
	char loss[256] = "none";
	size_t i, used = 0;
	bool netem = netem_available();
	struct ev ev;

	for (i = 0; i < opts->nloss && used < sizeof loss; i++)
		used += (size_t)snprintf(loss + used, sizeof loss - used,
		    "%s%s=%d%%", i ? "," : "", opts->loss[i].node,
		    opts->loss[i].pct);
	ev_init(&ev, "lab", "up");
	ev_int(&ev, "nodes", (int64_t)lab_nnodes);
	ev_bool(&ev, "already", was_up);
	ev_str(&ev, "nat_a", lab_nat_mode_name(opts->nat_a));
	ev_str(&ev, "nat_b", lab_nat_mode_name(opts->nat_b));
	ev_str(&ev, "loss", loss);
	ev_bool(&ev, "netem", netem);
	ev_int(&ev, "wire_bytes", LAB_WIRE_BYTES);
	evlog_push(log, &ev);
	report(log, "info", "the far link r2 <-> far runs at %d kbit/s with up "
	    "to %d ms of queue each way: it holds about %d KiB in flight",
	    LAB_WIRE_KBIT, LAB_WIRE_MS, LAB_WIRE_BYTES / 1024);
	if (!netem)
		report(log, "warning", "netem is not available on this kernel: "
		    "no delay or jitter is shaped; loss is done with nft numgen");
}

int
lab_up(const struct lab_options *opts, struct evlog *log)
{
	bool was_up = lab_is_up();

	if (geteuid() != 0) {
		report(log, "error", "lab up needs root: sudo punchline lab up");
		return -1;
	}
	if (!was_up && count_present() > 0 && lab_down(log) != 0)
		return -1;
	if (!was_up && (make_namespaces(log) != 0 || make_links(log) != 0 ||
	    make_bridge(log) != 0 || make_routes(log) != 0 ||
	    make_wire(log) != 0)) {
		report(log, "error", "lab up failed; taking down what was made");
		lab_down(log);
		return -1;
	}
	if (apply_rules(opts, log) != 0) {
		report(log, "error", "loading the lab's nftables rules failed");
		if (!was_up)
			lab_down(log);
		return -1;
	}
	report_up(opts, log, was_up);
	return 0;
}

/* Only the lab's own namespaces: other pl-* namespaces belong to tests
 * and benchmarks that may be running beside the lab. */
int
lab_down(struct evlog *log)
{
	int killed = 0, removed = 0, rc = 0;
	char ns[64];
	struct ev ev;
	size_t i;

	if (geteuid() != 0) {
		report(log, "error", "lab down needs root: sudo punchline lab down");
		return -1;
	}
	for (i = 0; i < lab_nnodes; i++) {
		lab_ns_name(lab_nodes[i].name, ns, sizeof ns);
		if (!netns_exists(ns))
			continue;
		killed += netns_kill_all(ns);
		if (run(log, NULL, "ip netns del %s", ns) == 0)
			removed++;
		else
			rc = -1;
	}
	ev_init(&ev, "lab", "down");
	ev_int(&ev, "namespaces", removed);
	ev_int(&ev, "killed", killed);
	evlog_push(log, &ev);
	return rc;
}

/* The NAT mode in force, read back from the router's rule set. */
static const char *
nat_mode_now(const char *node)
{
	char ns[64];
	char *argv[] = { "ip", "netns", "exec", ns, "nft", "list", "table",
	    "inet", LAB_NAT_TABLE, NULL };
	struct strbuf out;
	const char *mode = "unknown";

	lab_ns_name(node, ns, sizeof ns);
	sb_init(&out);
	if (spawn_wait(argv, NULL, &out, 1) == 0 && out.buf != NULL)
		mode = strstr(out.buf, "fully-random") ? "symmetric" : "cone";
	sb_free(&out);
	return mode;
}

static void
report_node(struct evlog *log, const struct lab_node *n)
{
	char ns[64], addrs[512] = "";
	struct strbuf out;
	bool up;
	struct ev ev;
	size_t i;

	lab_ns_name(n->name, ns, sizeof ns);
	up = netns_exists(ns);
	sb_init(&out);
	if (up && netns_addrs(ns, &out) == 0 && out.buf != NULL) {
		for (i = 0; out.buf[i] != '\0'; i++)
			if (out.buf[i] == '\n')
				out.buf[i] = out.buf[i + 1] ? ',' : '\0';
		snprintf(addrs, sizeof addrs, "%s", out.buf);
	}
	sb_free(&out);
	ev_init(&ev, "lab", "node");
	ev_str(&ev, "node", n->name);
	ev_str(&ev, "ns", ns);
	ev_str(&ev, "role", lab_role_name(n->role));
	ev_bool(&ev, "present", up);
	ev_str(&ev, "ipv4", n->ipv4 != NULL ? n->ipv4 : "");
	ev_str(&ev, "addrs", addrs);
	ev_str(&ev, "about", n->what);
	evlog_push(log, &ev);
}

int
lab_status(struct evlog *log)
{
	size_t i;
	struct ev ev;
	bool up = lab_is_up();

	for (i = 0; i < lab_nnodes; i++)
		report_node(log, &lab_nodes[i]);
	ev_init(&ev, "lab", "status");
	ev_bool(&ev, "up", up);
	ev_int(&ev, "present", count_present());
	ev_int(&ev, "nodes", (int64_t)lab_nnodes);
	if (up) {
		ev_str(&ev, "nat_a", nat_mode_now("nat-a"));
		ev_str(&ev, "nat_b", nat_mode_now("nat-b"));
	}
	evlog_push(log, &ev);
	return 0;
}

const char *
lab_current_node(void)
{
	char ns[64];
	size_t i;

	for (i = 0; i < lab_nnodes; i++) {
		lab_ns_name(lab_nodes[i].name, ns, sizeof ns);
		if (netns_is_current(ns))
			return lab_nodes[i].name;
	}
	return NULL;
}

int
lab_node_addr(const char *node, char *buf, size_t len)
{
	const struct lab_node *n = lab_node_find(node);
	char ns[64], want[64];
	struct strbuf out;
	int rc = -1;

	if (n == NULL || n->ipv4 == NULL)
		return -1;
	lab_ns_name(node, ns, sizeof ns);
	snprintf(want, sizeof want, " %s/", n->ipv4);
	sb_init(&out);
	/* Say the address only if the kernel really has it. */
	if (netns_addrs(ns, &out) == 0 && out.buf != NULL &&
	    strstr(out.buf, want) != NULL) {
		snprintf(buf, len, "%s", n->ipv4);
		rc = 0;
	}
	sb_free(&out);
	return rc;
}

int
lab_exec(const char *node, char *const argv[])
{
	char ns[64], *args[256];
	size_t i, n = 0;

	lab_ns_name(node, ns, sizeof ns);
	args[n++] = "ip";
	args[n++] = "netns";
	args[n++] = "exec";
	args[n++] = ns;
	for (i = 0; argv[i] != NULL && n < 255; i++)
		args[n++] = argv[i];
	args[n] = NULL;
	execvp("ip", args);
	return -1;
}
