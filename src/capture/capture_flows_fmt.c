/* capture_flows_fmt.c: a flow as text, JSON or a BPF filter; see
 * capture_flows_fmt.h. */
#include "capture_fmt.h"
#include "capture_flows_fmt.h"

static void
address(struct strbuf *sb, const struct capture_flow *f,
    const struct capture_flow_end *e)
{
	if (f->family == 4)
		fmt_ipv4(sb, e->addr);
	else
		fmt_ipv6(sb, e->addr);
}

void
capture_flow_endpoint(struct strbuf *sb, const struct capture_flow *f,
    bool b_side)
{
	const struct capture_flow_end *e = b_side ? &f->b : &f->a;
	bool bracket = f->family == 6 && capture_flow_has_ports(f);

	if (bracket)
		sb_addc(sb, '[');
	address(sb, f, e);
	if (bracket)
		sb_addc(sb, ']');
	if (capture_flow_has_ports(f)) {
		sb_addc(sb, ':');
		fmt_u64(sb, e->port);
	}
}

void
capture_flow_icmp_label(struct strbuf *sb, const struct capture_flow *f)
{
	if (f->icmp == FLOW_ICMP_ECHO_ID)
		sb_printf(sb, "echo id %u", f->a.port);
	else if (f->icmp == FLOW_ICMP_TYPE)
		sb_printf(sb, "type %u", f->a.port);
}

void
capture_flow_text(struct strbuf *sb, const struct capture_flow *f)
{
	char proto[16];

	sb_printf(sb, "%-5s ", capture_flow_proto_name(f, proto, sizeof proto));
	capture_flow_endpoint(sb, f, false);
	sb_add(sb, " <-> ");
	capture_flow_endpoint(sb, f, true);
	if (f->icmp != FLOW_PORTS) {
		sb_addc(sb, ' ');
		capture_flow_icmp_label(sb, f);
	}
	sb_printf(sb, " packets %llu (%llu/%llu) bytes %llu (%llu/%llu) first ",
	    (unsigned long long)capture_flow_packets(f),
	    (unsigned long long)f->packets[0], (unsigned long long)f->packets[1],
	    (unsigned long long)capture_flow_bytes(f),
	    (unsigned long long)f->bytes[0], (unsigned long long)f->bytes[1]);
	fmt_clock(sb, &f->first);
	sb_add(sb, " last ");
	fmt_clock(sb, &f->last);
}

static void
json_u64(struct strbuf *sb, const char *key, uint64_t v)
{
	sb_printf(sb, ",\"%s\":", key);
	fmt_u64(sb, v);
}

static void
json_endpoint(struct strbuf *sb, const char *key,
    const struct capture_flow *f, bool b_side)
{
	struct strbuf e;

	sb_init(&e);
	capture_flow_endpoint(&e, f, b_side);
	sb_printf(sb, ",\"%s\":", key);
	sb_add_json_string(sb, e.buf);
	sb_free(&e);
}

void
capture_flow_json(struct strbuf *sb, const struct capture_flow *f)
{
	char proto[16];

	sb_add(sb, "{\"event\":\"flow\",\"engine\":\"capture\",\"proto\":");
	sb_add_json_string(sb, capture_flow_proto_name(f, proto, sizeof proto));
	json_endpoint(sb, "a", f, false);
	json_endpoint(sb, "b", f, true);
	if (f->icmp != FLOW_PORTS)
		json_u64(sb, f->icmp == FLOW_ICMP_ECHO_ID ? "icmp_id" :
		    "icmp_type", f->a.port);
	json_u64(sb, "packets", capture_flow_packets(f));
	json_u64(sb, "bytes", capture_flow_bytes(f));
	json_u64(sb, "packets_ab", f->packets[0]);
	json_u64(sb, "packets_ba", f->packets[1]);
	json_u64(sb, "bytes_ab", f->bytes[0]);
	json_u64(sb, "bytes_ba", f->bytes[1]);
	sb_add(sb, ",\"first\":");
	fmt_epoch(sb, &f->first);
	sb_add(sb, ",\"last\":");
	fmt_epoch(sb, &f->last);
	sb_addc(sb, '}');
}

void
capture_flow_bpf(struct strbuf *sb, const struct capture_flow *f)
{
	static const char *const side[2] = { "host ", " and host " };
	const struct capture_flow_end *e[2] = { &f->a, &f->b };
	int i;

	switch (f->proto) {
	case 1:		sb_add(sb, "icmp and "); break;
	case 6:		sb_add(sb, "tcp and "); break;
	case 17:	sb_add(sb, "udp and "); break;
	case 58:	sb_add(sb, "icmp6 and "); break;
	default:	sb_printf(sb, "%s proto %u and ", f->family == 4 ?
			    "ip" : "ip6", f->proto);
	}
	for (i = 0; i < 2; i++) {
		sb_add(sb, side[i]);
		address(sb, f, e[i]);
		if (capture_flow_has_ports(f))
			sb_printf(sb, " and port %u", e[i]->port);
	}
}
