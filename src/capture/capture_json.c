/* capture_json.c: a packet's layers as one JSON object; see capture_json.h. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../../protocols/utf8.h"
#include "capture_fmt.h"
#include "capture_json.h"

static void
key(struct strbuf *sb, const char *k)
{
	sb_addc(sb, ',');
	sb_addc(sb, '"');
	sb_add(sb, k);
	sb_add(sb, "\":");
}

static void
num(struct strbuf *sb, const char *k, uint64_t v)
{
	key(sb, k);
	fmt_u64(sb, v);
}

static void
str(struct strbuf *sb, const char *k, const char *v)
{
	key(sb, k);
	sb_add_json_string(sb, v);
}

static void
boolean(struct strbuf *sb, const char *k, bool v)
{
	key(sb, k);
	sb_add(sb, v ? "true" : "false");
}

static void
ip4(struct strbuf *sb, const char *k, const uint8_t a[4])
{
	key(sb, k);
	sb_addc(sb, '"');
	fmt_ipv4(sb, a);
	sb_addc(sb, '"');
}

static void
ip6(struct strbuf *sb, const char *k, const uint8_t a[16])
{
	key(sb, k);
	sb_addc(sb, '"');
	fmt_ipv6(sb, a);
	sb_addc(sb, '"');
}

static void
mac(struct strbuf *sb, const char *k, const uint8_t m[6])
{
	key(sb, k);
	sb_addc(sb, '"');
	fmt_mac(sb, m);
	sb_addc(sb, '"');
}

static void
json_ethernet(struct strbuf *sb, const struct ether_hdr *e)
{
	size_t i;

	mac(sb, "src", e->src);
	mac(sb, "dst", e->dst);
	num(sb, "ethertype", e->ethertype);
	if (e->vlan_count == 0)
		return;
	key(sb, "vlan");
	sb_addc(sb, '[');
	for (i = 0; i < e->vlan_count; i++) {
		if (i > 0)
			sb_addc(sb, ',');
		fmt_u64(sb, e->vlan_id[i]);
	}
	sb_addc(sb, ']');
}

static void
json_sll(struct strbuf *sb, const struct sll_hdr *s, bool v2)
{
	str(sb, "direction", sll_direction(s->packet_type));
	num(sb, "arphrd", s->arphrd);
	num(sb, "ethertype", s->protocol);
	if (v2)
		num(sb, "ifindex", s->ifindex);
}

static void
json_arp(struct strbuf *sb, const struct arp_msg *a)
{
	if (a->op == ARP_REQUEST || a->op == ARP_REPLY)
		str(sb, "op", a->op == ARP_REQUEST ? "request" : "reply");
	else
		num(sb, "op", a->op);
	if (!a->is_ether_ipv4)
		return;
	mac(sb, "sender_mac", a->sender_mac);
	ip4(sb, "sender_ip", a->sender_ip);
	mac(sb, "target_mac", a->target_mac);
	ip4(sb, "target_ip", a->target_ip);
}

static void
json_ipv4(struct strbuf *sb, const struct ipv4_hdr *h)
{
	ip4(sb, "src", h->src);
	ip4(sb, "dst", h->dst);
	num(sb, "ttl", h->ttl);
	num(sb, "id", h->id);
	num(sb, "protocol", h->protocol);
	num(sb, "total_len", h->total_len);
	num(sb, "hdr_len", h->header_len);
	num(sb, "dscp", h->dscp);
	boolean(sb, "df", (h->flags & IPV4_FLAG_DF) != 0);
	boolean(sb, "mf", (h->flags & IPV4_FLAG_MF) != 0);
	num(sb, "frag_offset", h->frag_offset);
	boolean(sb, "checksum_ok", h->checksum_ok);
	if (h->option_count > 0)
		num(sb, "options", h->option_count);
}

static void
json_ipv6(struct strbuf *sb, const struct ipv6_hdr *h)
{
	ip6(sb, "src", h->src);
	ip6(sb, "dst", h->dst);
	num(sb, "hlim", h->hop_limit);
	num(sb, "protocol", h->protocol);
	num(sb, "payload_len", h->declared_len);
	num(sb, "flow", h->flow_label);
	num(sb, "ext_headers", h->ext_count);
	if (h->fragment) {
		num(sb, "frag_offset", h->frag_offset);
		boolean(sb, "mf", h->frag_more);
		num(sb, "frag_id", h->frag_id);
	}
}

static void
json_tcp(struct strbuf *sb, const struct tcp_hdr *t)
{
	char flags[TCP_FLAGS_STR];

	tcp_flags_str(t->flags, flags);
	num(sb, "sport", t->sport);
	num(sb, "dport", t->dport);
	num(sb, "seq", t->seq);
	num(sb, "ack", t->ack);
	str(sb, "flags", flags);
	num(sb, "flag_bits", t->flags);
	num(sb, "window", t->window);
	num(sb, "hdr_len", t->header_len);
	num(sb, "payload_len", t->payload_len);
	if (t->has_mss)
		num(sb, "mss", t->mss);
	if (t->has_wscale)
		num(sb, "wscale", t->wscale);
	if (t->sack_permitted)
		boolean(sb, "sack_ok", true);
	if (t->has_ts) {
		num(sb, "ts_val", t->ts_val);
		num(sb, "ts_ecr", t->ts_ecr);
	}
}

static void
json_udp(struct strbuf *sb, const struct udp_hdr *u)
{
	num(sb, "sport", u->sport);
	num(sb, "dport", u->dport);
	num(sb, "length", u->length);
	num(sb, "payload_len", u->payload_len);
}

static void
json_quote(struct strbuf *sb, const struct ip_quote *q)
{
	sb_add(sb, ",\"quote\":{\"family\":");
	fmt_u64(sb, q->family);
	if (q->family == 4) {
		ip4(sb, "src", q->src);
		ip4(sb, "dst", q->dst);
	} else {
		ip6(sb, "src", q->src);
		ip6(sb, "dst", q->dst);
	}
	num(sb, "protocol", q->protocol);
	if (q->has_ports) {
		num(sb, "sport", q->sport);
		num(sb, "dport", q->dport);
	}
	sb_addc(sb, '}');
}

static void
json_icmp(struct strbuf *sb, const struct icmp_msg *m)
{
	const char *name = icmp_type_name(m->type);

	num(sb, "type", m->type);
	num(sb, "code", m->code);
	if (name != NULL)
		str(sb, "name", name);
	boolean(sb, "checksum_ok", m->checksum_ok);
	if (m->type == ICMP_ECHO || m->type == ICMP_ECHO_REPLY) {
		num(sb, "id", m->id);
		num(sb, "seq", m->seq);
	}
	if (m->has_quote)
		json_quote(sb, &m->quote);
}

static void
json_icmpv6(struct strbuf *sb, const struct icmpv6_msg *m)
{
	const char *name = icmpv6_type_name(m->type);

	num(sb, "type", m->type);
	num(sb, "code", m->code);
	if (name != NULL)
		str(sb, "name", name);
	if (m->type == ICMPV6_ECHO || m->type == ICMPV6_ECHO_REPLY) {
		num(sb, "id", m->id);
		num(sb, "seq", m->seq);
	}
	if (m->has_target)
		ip6(sb, "target", m->target);
	if (m->has_quote)
		json_quote(sb, &m->quote);
}

static void
json_dns_type(struct strbuf *sb, uint16_t type)
{
	const char *name = dns_type_name(type);

	key(sb, "type");
	if (name != NULL)
		sb_add_json_string(sb, name);
	else
		fmt_u64(sb, type);
}

static void
json_dns_record(struct strbuf *sb, const struct dns_record *r)
{
	sb_add(sb, "{\"name\":");
	sb_add_json_string(sb, r->name);
	json_dns_type(sb, r->type);
	num(sb, "ttl", r->ttl);
	if (r->type == DNS_TYPE_A)
		ip4(sb, "data", r->addr);
	else if (r->type == DNS_TYPE_AAAA)
		ip6(sb, "data", r->addr);
	else if (r->type == DNS_TYPE_CNAME || r->type == DNS_TYPE_NS ||
	    r->type == DNS_TYPE_PTR || r->type == DNS_TYPE_MX)
		str(sb, "data", r->target);
	sb_addc(sb, '}');
}

static void
json_dns(struct strbuf *sb, const struct dns_msg *m)
{
	size_t i;

	num(sb, "id", m->id);
	boolean(sb, "response", m->response);
	num(sb, "opcode", m->opcode);
	num(sb, "rcode", m->rcode);
	boolean(sb, "rd", m->rd);
	num(sb, "qdcount", m->qdcount);
	num(sb, "ancount", m->ancount);
	key(sb, "questions");
	sb_addc(sb, '[');
	for (i = 0; i < m->question_count; i++) {
		sb_add(sb, i > 0 ? ",{\"name\":" : "{\"name\":");
		sb_add_json_string(sb, m->questions[i].name);
		json_dns_type(sb, m->questions[i].type);
		sb_addc(sb, '}');
	}
	sb_addc(sb, ']');
	key(sb, "answers");
	sb_addc(sb, '[');
	for (i = 0; i < m->answer_count; i++) {
		if (i > 0)
			sb_addc(sb, ',');
		json_dns_record(sb, &m->answers[i]);
	}
	sb_addc(sb, ']');
}

/* The chat text as clean UTF-8 (a fragment may end inside a character). */
static void
json_mesh_text(struct strbuf *sb, const struct mesh_chat *c)
{
	char raw[MESH_FRAGMENT_MAX + 1], clean[MESH_FRAGMENT_MAX + 1];
	size_t n = c->len < MESH_FRAGMENT_MAX ? c->len : MESH_FRAGMENT_MAX;

	memcpy(raw, c->text, n);
	raw[n] = '\0';
	utf8_copy_clean(clean, sizeof clean, raw);
	str(sb, "text", clean);
}

static void
json_mesh(struct strbuf *sb, const struct dissect_mesh *m)
{
	char sender[17];
	const struct mesh_body *b = &m->body;

	str(sb, "type", mesh_type_name(m->hdr.type));
	snprintf(sender, sizeof sender, "%016" PRIx64, m->hdr.sender);
	str(sb, "sender", sender);
	num(sb, "seq", m->hdr.seq);
	num(sb, "flags", m->hdr.flags);
	boolean(sb, "sealed", m->sealed);
	if (!m->has_body)
		return;
	switch (m->hdr.type) {
	case MESH_HELLO: case MESH_INTRODUCE:
		str(sb, "name", b->u.peer.name);
		break;
	case MESH_CHAT:
		num(sb, "msg_id", b->u.chat.msg_id);
		num(sb, "fragment", b->u.chat.fragment);
		num(sb, "fragments", b->u.chat.fragments);
		json_mesh_text(sb, &b->u.chat);
		break;
	case MESH_ACK:
		num(sb, "msg_id", b->u.ack.msg_id);
		break;
	case MESH_BYE:
		break;
	default:
		num(sb, "token", b->u.token);
	}
}

static void
json_storage(struct strbuf *sb, const struct dissect_storage *s)
{
	const struct storage_chunk *c = &s->chunk;
	char id[9];

	snprintf(id, sizeof id, "%08" PRIx32, c->file_id);
	str(sb, "file_id", id);
	str(sb, "kind", c->kind == STORAGE_PARITY ? "parity" : "data");
	num(sb, "index", c->index);
	num(sb, "group", c->group);
	num(sb, "count", c->count);
	num(sb, "k", c->k);
	num(sb, "m", c->m);
	num(sb, "payload_len", c->len);
	num(sb, "file_size", c->file_size);
	str(sb, "check", s->status == STORAGE_CHUNK_TRUNCATED ?
	    "not checked (cut)" : storage_chunk_status_name(s->status));
}

void
capture_json_layer(struct strbuf *sb, const struct dissect_layer *l)
{
	sb_add(sb, "{\"proto\":\"");
	sb_add(sb, dissect_proto_name(l->proto));
	sb_addc(sb, '"');
	if (l->status != DECODE_OK)
		str(sb, "status", decode_status_name(l->status));
	switch (l->proto) {
	case DP_ETHERNET:	json_ethernet(sb, &l->u.eth); break;
	case DP_SLL:		json_sll(sb, &l->u.sll, false); break;
	case DP_SLL2:		json_sll(sb, &l->u.sll, true); break;
	case DP_NULL:		num(sb, "family", l->u.null.family); break;
	case DP_ARP:		json_arp(sb, &l->u.arp); break;
	case DP_IPV4:		json_ipv4(sb, &l->u.ip4); break;
	case DP_IPV6:		json_ipv6(sb, &l->u.ip6); break;
	case DP_TCP:		json_tcp(sb, &l->u.tcp); break;
	case DP_UDP:		json_udp(sb, &l->u.udp); break;
	case DP_ICMP:		json_icmp(sb, &l->u.icmp); break;
	case DP_ICMPV6:		json_icmpv6(sb, &l->u.icmp6); break;
	case DP_DNS:		json_dns(sb, &l->u.dns); break;
	case DP_MESH:		json_mesh(sb, &l->u.mesh); break;
	case DP_STORAGE:	json_storage(sb, &l->u.storage); break;
	default:		break;
	}
	sb_addc(sb, '}');
}

void
capture_json_packet(struct strbuf *sb, const struct capture_pkt *p,
    const struct dissect *d, enum decode_status st)
{
	size_t i;

	sb_add(sb, "{\"event\":\"packet\",\"engine\":\"capture\"");
	num(sb, "no", p->no);
	key(sb, "ts");
	fmt_epoch(sb, &p->ts);
	if (capture_pkt_where(p)[0] != '\0')
		str(sb, "where", p->where);
	num(sb, "len", p->len);
	num(sb, "caplen", p->caplen);
	num(sb, "linktype", p->linktype);
	str(sb, "status", decode_status_name(st));
	key(sb, "layers");
	sb_addc(sb, '[');
	for (i = 0; i < d->count; i++) {
		if (i > 0)
			sb_addc(sb, ',');
		capture_json_layer(sb, &d->layer[i]);
	}
	sb_addc(sb, ']');
	if (d->rest_len > 0)
		num(sb, "rest_len", d->rest_len);
	sb_addc(sb, '}');
}
