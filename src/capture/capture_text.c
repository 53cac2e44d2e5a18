/*
 * capture_text.c: the tcpdump-like line of a packet, from its dissection.
 * Formats only: every field comes from protocols/dissect.h.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "capture_fmt.h"
#include "capture_tcpseq.h"
#include "capture_text.h"

/* The layer after index i, or NULL. */
static const struct dissect_layer *
after(const struct dissect *d, size_t i)
{
	return i + 1 < d->count ? &d->layer[i + 1] : NULL;
}

static void
text_trunc(struct strbuf *sb, const char *proto)
{
	sb_add(sb, " [|");
	sb_add(sb, proto);
	sb_addc(sb, ']');
}

/* TCP options in wire order, as tcpdump lists them. */
static void
text_tcp_options(struct strbuf *sb, const struct tcp_hdr *t,
    const struct tcpseq_view *v)
{
	uint32_t base = v->reversed ? v->base_seq : v->base_ack;
	size_t i, n = t->option_count < TCP_OPT_ORDER_MAX ?
	    t->option_count : TCP_OPT_ORDER_MAX, s;

	sb_add(sb, ", options [");
	for (i = 0; i < n; i++) {
		if (i > 0)
			sb_addc(sb, ',');
		switch (t->option_kinds[i]) {
		case TCP_OPT_NOP:	sb_add(sb, "nop"); break;
		case TCP_OPT_EOL:	sb_add(sb, "eol"); break;
		case TCP_OPT_SACK_OK:	sb_add(sb, "sackOK"); break;
		case TCP_OPT_MSS:
			sb_add(sb, "mss ");
			fmt_u64(sb, t->mss);
			break;
		case TCP_OPT_WSCALE:
			sb_add(sb, "wscale ");
			fmt_u64(sb, t->wscale);
			break;
		case TCP_OPT_TS:
			sb_printf(sb, "TS val %" PRIu32 " ecr %" PRIu32,
			    t->ts_val, t->ts_ecr);
			break;
		case TCP_OPT_SACK:
			sb_printf(sb, "sack %zu ", t->sack_count);
			for (s = 0; s < t->sack_count; s++)
				sb_printf(sb, "{%" PRIu32 ":%" PRIu32 "}",
				    t->sack[s][0] - base, t->sack[s][1] - base);
			break;
		default:
			sb_printf(sb, "unknown-%u", t->option_kinds[i]);
		}
	}
	if (t->options_bad)
		sb_add(sb, "[bad opt]");
	sb_addc(sb, ']');
}

static void
text_tcp(struct strbuf *sb, const struct dissect_layer *ip,
    const struct dissect_layer *l, uint32_t iplen, struct tcpseq *seqs)
{
	const struct tcp_hdr *t = &l->u.tcp;
	struct tcpseq_view v;
	char flags[TCP_FLAGS_STR];
	uint32_t len = iplen > t->header_len ? iplen - t->header_len : 0;

	tcpseq_view(seqs, ip, t, &v);
	tcp_flags_str(t->flags, flags);
	sb_add(sb, "Flags [");
	sb_add(sb, flags);
	sb_addc(sb, ']');
	if (len > 0 || (t->flags & (TCP_SYN | TCP_FIN | TCP_RST))) {
		sb_add(sb, ", seq ");
		fmt_u64(sb, v.seq);
		if (len > 0) {
			sb_addc(sb, ':');
			fmt_u64(sb, (uint32_t)(v.seq + len));
		}
	}
	if (t->flags & TCP_ACK) {
		sb_add(sb, ", ack ");
		fmt_u64(sb, v.ack);
	}
	sb_add(sb, ", win ");
	fmt_u64(sb, t->window);
	if (t->flags & TCP_URG) {
		sb_add(sb, ", urg ");
		fmt_u64(sb, t->urgent);
	}
	if (t->option_count > 0)
		text_tcp_options(sb, t, &v);
	sb_add(sb, ", length ");
	fmt_u64(sb, len);
}

static const char *const dns_rcodes[16] = {
	"", " FormErr", " ServFail", " NXDomain", " NotImp", " Refused",
	" YXDomain", " YXRRSet", " NXRRSet", " NotAuth", " NotZone",
	" Resp11", " Resp12", " Resp13", " Resp14", " NoChange",
};

static void
text_dns_type(struct strbuf *sb, uint16_t type)
{
	const char *name = dns_type_name(type);

	if (name != NULL)
		sb_add(sb, name);
	else
		sb_printf(sb, "Type%u", type);
}

/* tcpdump writes names absolute: "printer.lab.test.", the root ".". */
static void
text_dns_name(struct strbuf *sb, const char *name)
{
	size_t n = strlen(name);

	sb_add(sb, name);
	if (n == 0 || name[n - 1] != '.')
		sb_addc(sb, '.');
}

static void
text_dns_record(struct strbuf *sb, const struct dns_record *r)
{
	sb_addc(sb, ' ');
	text_dns_type(sb, r->type);
	switch (r->type) {
	case DNS_TYPE_A:
		sb_addc(sb, ' ');
		fmt_ipv4(sb, r->addr);
		break;
	case DNS_TYPE_AAAA:
		sb_addc(sb, ' ');
		fmt_ipv6(sb, r->addr);
		break;
	case DNS_TYPE_MX:
		sb_addc(sb, ' ');
		text_dns_name(sb, r->target);
		sb_printf(sb, " %u", r->preference);
		break;
	case DNS_TYPE_CNAME: case DNS_TYPE_NS: case DNS_TYPE_PTR:
		sb_addc(sb, ' ');
		text_dns_name(sb, r->target);
		break;
	}
}

static void
text_dns_question(struct strbuf *sb, const struct dns_msg *m)
{
	if (m->question_count == 0)
		return;
	sb_addc(sb, ' ');
	text_dns_type(sb, m->questions[0].type);
	sb_add(sb, "? ");
	text_dns_name(sb, m->questions[0].name);
}

/* tcpdump's ns_print: "ID+ A? name. (len)" and "ID* 1/0/0 A 10.0.0.1 (len)". */
static void
text_dns(struct strbuf *sb, const struct dissect_layer *l, uint32_t len)
{
	const struct dns_msg *m = &l->u.dns;
	size_t i;

	fmt_u64(sb, m->id);
	if (m->response) {
		sb_add(sb, dns_rcodes[m->rcode & 15]);
		sb_add(sb, m->aa ? "*" : "");
		sb_add(sb, m->ra ? "" : "-");
		sb_add(sb, m->tc ? "|" : "");
		if (m->qdcount != 1)
			sb_printf(sb, " [%uq]", m->qdcount);
		sb_printf(sb, " %u/%u/%u", m->ancount, m->nscount, m->arcount);
		for (i = 0; i < m->answer_count; i++) {
			if (i > 0)
				sb_addc(sb, ',');
			text_dns_record(sb, &m->answers[i]);
		}
	} else {
		sb_add(sb, m->rd ? "+" : "");
		if (m->qdcount != 1)
			sb_printf(sb, " [%uq]", m->qdcount);
		if (m->ancount != 0)
			sb_printf(sb, " [%ua]", m->ancount);
		if (m->nscount != 0)
			sb_printf(sb, " [%un]", m->nscount);
		if (m->arcount != 0)
			sb_printf(sb, " [%uau]", m->arcount);
		text_dns_question(sb, m);
	}
	if (l->status != DECODE_OK)
		text_trunc(sb, "domain");
	sb_printf(sb, " (%" PRIu32 ")", len);
}

static void
text_mesh(struct strbuf *sb, const struct dissect_layer *l, uint32_t len)
{
	const struct dissect_mesh *m = &l->u.mesh;

	sb_add(sb, "mesh ");
	sb_add(sb, mesh_type_name(m->hdr.type));
	if (m->hdr.flags & MESH_FLAG_REPLY)
		sb_add(sb, " reply");
	sb_printf(sb, " from %016" PRIx64 " seq %" PRIu32, m->hdr.sender,
	    m->hdr.seq);
	if (m->sealed)
		sb_add(sb, " sealed");
	else if (m->has_body && (m->hdr.type == MESH_HELLO ||
	    m->hdr.type == MESH_INTRODUCE))
		sb_printf(sb, " name %s", m->body.u.peer.name);
	else if (m->has_body && m->hdr.type == MESH_CHAT)
		sb_printf(sb, " msg %" PRIu32 " frag %u/%u",
		    m->body.u.chat.msg_id, m->body.u.chat.fragment + 1,
		    m->body.u.chat.fragments);
	if (l->status != DECODE_OK)
		text_trunc(sb, "mesh");
	sb_add(sb, ", length ");
	fmt_u64(sb, len);
}

static void
text_udp(struct strbuf *sb, const struct dissect *d, size_t i)
{
	const struct dissect_layer *l = &d->layer[i], *up = after(d, i);
	uint32_t len = l->u.udp.length >= UDP_HDR_LEN ?
	    l->u.udp.length - UDP_HDR_LEN : 0;

	if (up != NULL && up->proto == DP_DNS)
		text_dns(sb, up, len);
	else if (up != NULL && up->proto == DP_MESH)
		text_mesh(sb, up, len);
	else {
		sb_add(sb, "UDP, length ");
		fmt_u64(sb, len);
	}
}

static void
text_echo(struct strbuf *sb, const char *what, unsigned id, unsigned seq,
    uint32_t len)
{
	sb_printf(sb, "%s, id %u, seq %u, length %" PRIu32, what, id, seq, len);
}

/* "127.0.0.1 udp port 33434 unreachable" from the quoted packet. */
static void
text_quote_unreach(struct strbuf *sb, const struct ip_quote *q,
    const char *code)
{
	if (q->family == 4)
		fmt_ipv4(sb, q->dst);
	else
		fmt_ipv6(sb, q->dst);
	if (q->has_ports && (q->protocol == 17 || q->protocol == 6))
		sb_printf(sb, " %s port %u", q->protocol == 17 ? "udp" : "tcp",
		    q->dport);
	else if (code != NULL)
		sb_printf(sb, " %s", code);
	sb_add(sb, " unreachable");
}

static void
text_icmp(struct strbuf *sb, const struct dissect_layer *l, uint32_t len)
{
	const struct icmp_msg *m = &l->u.icmp;
	const char *name = icmp_type_name(m->type);

	sb_add(sb, "ICMP ");
	if (m->type == ICMP_ECHO || m->type == ICMP_ECHO_REPLY)
		text_echo(sb, name, m->id, m->seq, len);
	else if (m->type == ICMP_UNREACH && m->has_quote) {
		text_quote_unreach(sb, &m->quote, icmp_unreach_name(m->code));
		sb_printf(sb, ", length %" PRIu32, len);
	} else if (m->type == ICMP_TIME_EXCEEDED && m->code <= 1)
		sb_printf(sb, "%s, length %" PRIu32, m->code == 0 ?
		    "time exceeded in-transit" : "ip reassembly time exceeded",
		    len);
	else if (name != NULL)
		sb_printf(sb, "%s, length %" PRIu32, name, len);
	else
		sb_printf(sb, "type-#%u, length %" PRIu32, m->type, len);
	if (l->status != DECODE_OK)
		text_trunc(sb, "icmp");
}

static void
text_icmpv6(struct strbuf *sb, const struct dissect_layer *l, uint32_t len)
{
	const struct icmpv6_msg *m = &l->u.icmp6;
	const char *name = icmpv6_type_name(m->type);

	sb_add(sb, "ICMP6, ");
	if (m->type == ICMPV6_ECHO || m->type == ICMPV6_ECHO_REPLY)
		text_echo(sb, name, m->id, m->seq, len);
	else if (m->type == ICMPV6_UNREACH && m->has_quote) {
		sb_printf(sb, "%s, ", name);
		text_quote_unreach(sb, &m->quote, icmpv6_unreach_name(m->code));
		sb_printf(sb, ", length %" PRIu32, len);
	} else if (m->has_target) {
		sb_printf(sb, "%s, %s ", name, m->type == ICMPV6_NEIGHBOR_SOL ?
		    "who has" : "tgt is");
		fmt_ipv6(sb, m->target);
		sb_printf(sb, ", length %" PRIu32, len);
	} else if (name != NULL)
		sb_printf(sb, "%s, length %" PRIu32, name, len);
	else
		sb_printf(sb, "type %u, length %" PRIu32, m->type, len);
	if (l->status != DECODE_OK)
		text_trunc(sb, "icmp6");
}

/* After tcpdump's echo text, what only punchline knows: the chunk of a
 * store that the echo carries. */
static void
text_storage(struct strbuf *sb, const struct dissect_layer *l)
{
	const struct storage_chunk *c;

	if (l == NULL || l->proto != DP_STORAGE)
		return;
	c = &l->u.storage.chunk;
	if (l->status == DECODE_BAD) {
		sb_printf(sb, " [storage: %s]",
		    storage_chunk_status_name(l->u.storage.status));
		return;
	}
	sb_printf(sb, " [storage file %08" PRIx32 " %s %u", c->file_id,
	    c->kind == STORAGE_PARITY ? "parity" : "chunk", c->index);
	if (c->kind != STORAGE_PARITY)
		sb_printf(sb, "/%u", c->count);
	sb_printf(sb, " group %u]", c->group);
	if (l->status != DECODE_OK)
		text_trunc(sb, "storage");
}

/* What follows "src > dst: ". */
static void
text_transport(struct strbuf *sb, const struct dissect *d, size_t i,
    struct tcpseq *seqs)
{
	const struct dissect_layer *ip = &d->layer[i], *up = after(d, i);
	uint32_t len = fmt_ip_upper_len(ip);
	uint8_t proto = ip->proto == DP_IPV4 ? ip->u.ip4.protocol :
	    ip->u.ip6.protocol;

	if (up == NULL) {
		sb_printf(sb, " ip-proto-%u %" PRIu32, proto, len);
		if (ip->status != DECODE_OK)
			text_trunc(sb, ip->proto == DP_IPV4 ? "ip" : "ip6");
		return;
	}
	switch (up->proto) {
	case DP_TCP:
		if (up->status == DECODE_OK)
			text_tcp(sb, ip, up, len, seqs);
		else
			text_trunc(sb, "tcp");
		break;
	case DP_UDP:
		if (up->status == DECODE_OK)
			text_udp(sb, d, i + 1);
		else
			text_trunc(sb, "udp");
		break;
	case DP_ICMP:
		text_icmp(sb, up, len);
		text_storage(sb, after(d, i + 1));
		break;
	case DP_ICMPV6:	text_icmpv6(sb, up, len); break;
	default:	sb_printf(sb, " ip-proto-%u %" PRIu32, proto, len);
	}
}

static void
text_ports(struct strbuf *sb, const struct dissect_layer *ip,
    const struct dissect_layer *up, bool src)
{
	fmt_ip_addr(sb, ip, src);
	/* The ports are the first 4 bytes: a cut header still has them. */
	if (up == NULL || up->len < 4 || up->status == DECODE_BAD)
		return;
	if (up->proto == DP_TCP || up->proto == DP_UDP) {
		sb_addc(sb, '.');
		fmt_u64(sb, up->proto == DP_TCP ?
		    (src ? up->u.tcp.sport : up->u.tcp.dport) :
		    (src ? up->u.udp.sport : up->u.udp.dport));
	}
}

static void
text_arp(struct strbuf *sb, const struct dissect_layer *l, uint32_t len)
{
	const struct arp_msg *a = &l->u.arp;

	sb_add(sb, "ARP, ");
	if (!a->is_ether_ipv4 || l->status != DECODE_OK)
		sb_printf(sb, "hardware %u, protocol 0x%04x, op %u",
		    a->hw_type, a->proto_type, a->op);
	else if (a->op == ARP_REQUEST) {
		sb_add(sb, "Request who-has ");
		fmt_ipv4(sb, a->target_ip);
		sb_add(sb, " tell ");
		fmt_ipv4(sb, a->sender_ip);
	} else if (a->op == ARP_REPLY) {
		sb_add(sb, "Reply ");
		fmt_ipv4(sb, a->sender_ip);
		sb_add(sb, " is-at ");
		fmt_mac(sb, a->sender_mac);
	} else
		sb_printf(sb, "op %u", a->op);
	sb_printf(sb, ", length %" PRIu32, len);
}

/* No network layer we know: say what the link says. */
static void
text_link_only(struct strbuf *sb, const struct capture_pkt *p,
    const struct dissect *d)
{
	const struct dissect_layer *l = d->count > 0 ? &d->layer[0] : NULL;

	if (l == NULL)
		sb_printf(sb, "unknown link type %" PRIu32, d->linktype);
	else if (l->status != DECODE_OK)
		sb_printf(sb, "[|%s]", dissect_proto_name(l->proto));
	else if (l->proto == DP_ETHERNET && l->u.eth.ethertype == 0)
		sb_add(sb, "802.3 LLC");
	else if (l->proto == DP_ETHERNET)
		sb_printf(sb, "ethertype 0x%04x", l->u.eth.ethertype);
	else if (l->proto == DP_SLL || l->proto == DP_SLL2)
		sb_printf(sb, "ethertype 0x%04x", l->u.sll.protocol);
	else
		sb_printf(sb, "family %" PRIu32, l->u.null.family);
	sb_printf(sb, ", length %" PRIu32, p->len);
}

static size_t
network_index(const struct dissect *d)
{
	size_t i;

	for (i = 0; i < d->count; i++)
		if (d->layer[i].proto == DP_IPV4 || d->layer[i].proto == DP_IPV6 ||
		    d->layer[i].proto == DP_ARP)
			return i;
	return d->count;
}

static void
summary(struct strbuf *sb, const struct capture_pkt *p,
    const struct dissect *d, struct tcpseq *seqs)
{
	size_t i = network_index(d);
	const struct dissect_layer *l = &d->layer[i];

	if (i == d->count)
		text_link_only(sb, p, d);
	else if (l->proto == DP_ARP)
		text_arp(sb, l, p->len - (uint32_t)(l->offset < p->len ?
		    l->offset : p->len));
	else if (l->status != DECODE_OK)
		text_trunc(sb, l->proto == DP_IPV4 ? "ip" : "ip6");
	else
		text_transport(sb, d, i, seqs);
}

void
capture_text_summary(struct strbuf *sb, const struct capture_pkt *p,
    const struct dissect *d)
{
	summary(sb, p, d, NULL);
}

void
capture_text_line(struct strbuf *sb, const struct capture_pkt *p,
    const struct dissect *d, struct tcpseq *seqs)
{
	size_t i = network_index(d);
	const struct dissect_layer *ip = &d->layer[i];

	fmt_clock(sb, &p->ts);
	sb_addc(sb, ' ');
	if (capture_pkt_where(p)[0] != '\0') {	/* as tcpdump -i any names the interface */
		sb_add(sb, p->where);
		sb_addc(sb, ' ');
	}
	if (i < d->count && ip->proto != DP_ARP && ip->status != DECODE_OK)
		sb_add(sb, ip->proto == DP_IPV4 ? "IP" : "IP6");
	else if (i < d->count && ip->proto != DP_ARP) {
		sb_add(sb, ip->proto == DP_IPV4 ? "IP " : "IP6 ");
		text_ports(sb, ip, after(d, i), true);
		sb_add(sb, " > ");
		text_ports(sb, ip, after(d, i), false);
		sb_addc(sb, ':');
		if (after(d, i) != NULL)
			sb_addc(sb, ' ');
	}
	summary(sb, p, d, seqs);
}
