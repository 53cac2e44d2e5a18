/*
 * dissect.c: the dispatch table and the walk down a packet's layers; see
 * dissect.h. Each step decodes one layer with its protocol's decoder and
 * says what key picks the next one (an ethertype, an IP protocol, ports).
 */
#include <string.h>

#include "dissect.h"
#include "reader.h"

enum dissect_key {
	DK_NONE,
	DK_LINKTYPE,
	DK_ETHERTYPE,
	DK_IPPROTO,
	DK_UDP_PORT,
	DK_TCP_PORT,
	DK_ICMP_ECHO,	/* the data of an echo request or reply */
};

#define DK_ANY	UINT32_MAX	/* a heuristic row: any value, if it accepts */

/* What a step leaves for the next one: a key, one or two values (source and
 * destination port), and the bytes. */
struct next {
	enum dissect_key	 key;
	uint32_t		 value, value2;
	const uint8_t		*payload;
	size_t			 len;
};

typedef enum decode_status (*step_fn)(const uint8_t *, size_t,
    struct dissect_layer *, struct next *);
typedef bool (*accept_fn)(const uint8_t *, size_t);

struct dispatch_row {
	enum dissect_key	 key;
	uint32_t		 value;
	enum dissect_proto	 proto;
	accept_fn		 accepts;	/* NULL: the key is enough */
};

static bool	 mesh_accepts(const uint8_t *, size_t);
static bool	 storage_accepts(const uint8_t *, size_t);

/* Who follows whom. Heuristic rows (DK_ANY) are tried after exact ones. */
static const struct dispatch_row dispatch[] = {
	{ DK_LINKTYPE,	LINKTYPE_ETHERNET,	DP_ETHERNET,	NULL },
	{ DK_LINKTYPE,	LINKTYPE_LINUX_SLL,	DP_SLL,		NULL },
	{ DK_LINKTYPE,	LINKTYPE_LINUX_SLL2,	DP_SLL2,	NULL },
	{ DK_LINKTYPE,	LINKTYPE_NULL,		DP_NULL,	NULL },
	{ DK_LINKTYPE,	LINKTYPE_LOOP,		DP_NULL,	NULL },
	{ DK_ETHERTYPE,	ETHERTYPE_IPV4,		DP_IPV4,	NULL },
	{ DK_ETHERTYPE,	ETHERTYPE_IPV6,		DP_IPV6,	NULL },
	{ DK_ETHERTYPE,	ETHERTYPE_ARP,		DP_ARP,		NULL },
	{ DK_IPPROTO,	6,			DP_TCP,		NULL },
	{ DK_IPPROTO,	17,			DP_UDP,		NULL },
	{ DK_IPPROTO,	1,			DP_ICMP,	NULL },
	{ DK_IPPROTO,	58,			DP_ICMPV6,	NULL },
	{ DK_UDP_PORT,	53,			DP_DNS,		NULL },
	{ DK_UDP_PORT,	MESH_PORT,		DP_MESH,	mesh_accepts },
	{ DK_UDP_PORT,	DK_ANY,			DP_MESH,	mesh_accepts },
	{ DK_ICMP_ECHO,	DK_ANY,			DP_STORAGE,	storage_accepts },
};

static const char *const proto_names[DP_COUNT] = {
	[DP_NONE] = "none",	[DP_ETHERNET] = "ethernet",
	[DP_SLL] = "sll",	[DP_SLL2] = "sll2",
	[DP_NULL] = "null",	[DP_ARP] = "arp",
	[DP_IPV4] = "ipv4",	[DP_IPV6] = "ipv6",
	[DP_TCP] = "tcp",	[DP_UDP] = "udp",
	[DP_ICMP] = "icmp",	[DP_ICMPV6] = "icmpv6",
	[DP_DNS] = "dns",	[DP_MESH] = "mesh",
	[DP_STORAGE] = "storage",
};

const char *
dissect_proto_name(enum dissect_proto p)
{
	return (unsigned)p < DP_COUNT ? proto_names[p] : "unknown";
}

const struct dissect_layer *
dissect_find(const struct dissect *d, enum dissect_proto p)
{
	size_t i;

	for (i = 0; i < d->count; i++)
		if (d->layer[i].proto == p)
			return &d->layer[i];
	return NULL;
}

/* The magic "PL", version 1 and a known type: worth decoding as mesh. */
static bool
mesh_accepts(const uint8_t *buf, size_t len)
{
	struct reader rd;
	uint16_t magic;
	uint8_t version, type;

	rd_init(&rd, buf, len);
	magic = rd_be16(&rd);
	version = rd_u8(&rd);
	type = rd_u8(&rd);
	return !rd.truncated && magic == MESH_MAGIC &&
	    version == MESH_VERSION && type >= 1 && type <= MESH_TYPE_MAX;
}

/* The magic "PLst": one of punchline store's chunks. */
static bool
storage_accepts(const uint8_t *buf, size_t len)
{
	struct reader rd;

	rd_init(&rd, buf, len);
	return rd_be32(&rd) == STORAGE_CHUNK_MAGIC && !rd.truncated;
}

static void
next_bytes(struct next *n, enum dissect_key key, uint32_t value,
    const uint8_t *payload, size_t len)
{
	n->key = payload != NULL ? key : DK_NONE;
	n->value = n->value2 = value;
	n->payload = payload;
	n->len = payload != NULL ? len : 0;
}

static enum decode_status
step_ethernet(const uint8_t *b, size_t n, struct dissect_layer *l,
    struct next *nx)
{
	enum decode_status st = ether_decode(b, n, &l->u.eth);

	next_bytes(nx, DK_ETHERTYPE, l->u.eth.ethertype, l->u.eth.payload,
	    l->u.eth.payload_len);
	return st;
}

static enum decode_status
step_sll(const uint8_t *b, size_t n, struct dissect_layer *l, struct next *nx)
{
	enum decode_status st = l->proto == DP_SLL2 ?
	    sll2_decode(b, n, &l->u.sll) : sll_decode(b, n, &l->u.sll);

	next_bytes(nx, DK_ETHERTYPE, l->u.sll.protocol, l->u.sll.payload,
	    l->u.sll.payload_len);
	return st;
}

static enum decode_status
step_null(const uint8_t *b, size_t n, struct dissect_layer *l, struct next *nx)
{
	enum decode_status st = nullink_decode(b, n, &l->u.null);

	next_bytes(nx, DK_ETHERTYPE, l->u.null.ethertype, l->u.null.payload,
	    l->u.null.payload_len);
	return st;
}

static enum decode_status
step_arp(const uint8_t *b, size_t n, struct dissect_layer *l, struct next *nx)
{
	next_bytes(nx, DK_NONE, 0, NULL, 0);
	return arp_decode(b, n, &l->u.arp);
}

static enum decode_status
step_ipv4(const uint8_t *b, size_t n, struct dissect_layer *l, struct next *nx)
{
	enum decode_status st = ipv4_decode(b, n, &l->u.ip4);

	/* A later fragment carries no transport header: it stays bytes. */
	next_bytes(nx, ipv4_is_later_fragment(&l->u.ip4) ? DK_NONE : DK_IPPROTO,
	    l->u.ip4.protocol, l->u.ip4.payload, l->u.ip4.payload_len);
	return st;
}

static enum decode_status
step_ipv6(const uint8_t *b, size_t n, struct dissect_layer *l, struct next *nx)
{
	enum decode_status st = ipv6_decode(b, n, &l->u.ip6);

	next_bytes(nx, ipv6_is_later_fragment(&l->u.ip6) ? DK_NONE : DK_IPPROTO,
	    l->u.ip6.protocol, l->u.ip6.payload, l->u.ip6.payload_len);
	return st;
}

static enum decode_status
step_tcp(const uint8_t *b, size_t n, struct dissect_layer *l, struct next *nx)
{
	enum decode_status st = tcp_decode(b, n, &l->u.tcp);

	next_bytes(nx, DK_TCP_PORT, l->u.tcp.sport, l->u.tcp.payload,
	    l->u.tcp.payload_len);
	nx->value2 = l->u.tcp.dport;
	return st;
}

static enum decode_status
step_udp(const uint8_t *b, size_t n, struct dissect_layer *l, struct next *nx)
{
	enum decode_status st = udp_decode(b, n, &l->u.udp);

	next_bytes(nx, DK_UDP_PORT, l->u.udp.sport, l->u.udp.payload,
	    l->u.udp.payload_len);
	nx->value2 = l->u.udp.dport;
	return st;
}

static enum decode_status
step_icmp(const uint8_t *b, size_t n, struct dissect_layer *l, struct next *nx)
{
	const struct icmp_msg *m = &l->u.icmp;
	enum decode_status st = icmp_decode(b, n, &l->u.icmp);

	next_bytes(nx, DK_NONE, 0, NULL, 0);
	if (st != DECODE_BAD && m->data != NULL &&
	    (m->type == ICMP_ECHO || m->type == ICMP_ECHO_REPLY))
		next_bytes(nx, DK_ICMP_ECHO, 0, m->data, m->data_len);
	return st;
}

static enum decode_status
step_icmpv6(const uint8_t *b, size_t n, struct dissect_layer *l,
    struct next *nx)
{
	next_bytes(nx, DK_NONE, 0, NULL, 0);
	return icmpv6_decode(b, n, &l->u.icmp6);
}

static enum decode_status
step_dns(const uint8_t *b, size_t n, struct dissect_layer *l, struct next *nx)
{
	next_bytes(nx, DK_NONE, 0, NULL, 0);
	return dns_decode(b, n, &l->u.dns);
}

/* The header always; the body only in plaintext, and only when whole. */
static enum decode_status
step_mesh(const uint8_t *b, size_t n, struct dissect_layer *l, struct next *nx)
{
	struct dissect_mesh *m = &l->u.mesh;
	const uint8_t *payload;
	size_t plen;
	enum mesh_err err;

	next_bytes(nx, DK_NONE, 0, NULL, 0);
	memset(m, 0, sizeof *m);
	err = mesh_parse_header(b, n, &m->hdr, &payload, &plen);
	m->sealed = (m->hdr.flags & MESH_FLAG_SEALED) != 0;
	if (err == MESH_ERR_LENGTH && m->hdr.length > n - MESH_HEADER_LEN)
		return DECODE_TRUNCATED;	/* a short capture */
	if (err != MESH_OK)
		return err == MESH_ERR_SHORT ? DECODE_TRUNCATED : DECODE_BAD;
	if (m->sealed)
		return DECODE_OK;
	if (mesh_parse_body(m->hdr.type, payload, plen, &m->body) != MESH_OK)
		return DECODE_BAD;
	m->has_body = true;
	return DECODE_OK;
}

/* The header always; a payload cut by the snap length leaves the CRC
 * unchecked, which is a truncation, not damage. */
static enum decode_status
step_storage(const uint8_t *b, size_t n, struct dissect_layer *l,
    struct next *nx)
{
	struct dissect_storage *s = &l->u.storage;

	next_bytes(nx, DK_NONE, 0, NULL, 0);
	s->status = storage_chunk_parse(b, n, &s->chunk);
	switch (s->status) {
	case STORAGE_CHUNK_OK:		return DECODE_OK;
	case STORAGE_CHUNK_TRUNCATED:	return DECODE_TRUNCATED;
	default:			return DECODE_BAD;
	}
}

static const step_fn steps[DP_COUNT] = {
	[DP_ETHERNET] = step_ethernet,	[DP_SLL] = step_sll,
	[DP_SLL2] = step_sll,		[DP_NULL] = step_null,
	[DP_ARP] = step_arp,		[DP_IPV4] = step_ipv4,
	[DP_IPV6] = step_ipv6,		[DP_TCP] = step_tcp,
	[DP_UDP] = step_udp,		[DP_ICMP] = step_icmp,
	[DP_ICMPV6] = step_icmpv6,	[DP_DNS] = step_dns,
	[DP_MESH] = step_mesh,		[DP_STORAGE] = step_storage,
};

static bool
row_matches(const struct dispatch_row *r, const struct next *nx, bool exact)
{
	if (r->key != nx->key)
		return false;
	if (exact ? r->value != nx->value && r->value != nx->value2 :
	    r->value != DK_ANY)
		return false;
	return r->accepts == NULL || r->accepts(nx->payload, nx->len);
}

static enum dissect_proto
lookup(const struct next *nx)
{
	size_t i, pass;

	/* An empty frame still has a link layer, which says it is cut. */
	if (nx->key == DK_NONE || nx->payload == NULL ||
	    (nx->len == 0 && nx->key != DK_LINKTYPE))
		return DP_NONE;
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < sizeof dispatch / sizeof dispatch[0]; i++)
			if (row_matches(&dispatch[i], nx, pass == 0))
				return dispatch[i].proto;
	return DP_NONE;
}

/* The first key: the link type, or for raw-IP links the IP version. */
static void
first_key(uint32_t linktype, const uint8_t *buf, size_t caplen,
    struct next *nx)
{
	struct reader rd;
	uint8_t version;

	next_bytes(nx, DK_LINKTYPE, linktype, buf, caplen);
	if (linktype != LINKTYPE_RAW && linktype != LINKTYPE_RAW_OLD &&
	    linktype != LINKTYPE_IPV4 && linktype != LINKTYPE_IPV6)
		return;
	rd_init(&rd, buf, caplen);
	version = rd_u8(&rd) >> 4;
	nx->key = DK_ETHERTYPE;
	nx->value = nx->value2 = version == 6 ? ETHERTYPE_IPV6 :
	    version == 4 ? ETHERTYPE_IPV4 : 0;
}

static enum decode_status
worse(enum decode_status a, enum decode_status b)
{
	return a > b ? a : b;
}

enum decode_status
dissect_packet(uint32_t linktype, const uint8_t *buf, size_t caplen,
    struct dissect *out)
{
	enum decode_status worst = DECODE_OK;
	struct next nx;
	enum dissect_proto p;
	struct dissect_layer *l;

	out->linktype = linktype;
	out->caplen = caplen;
	out->count = 0;
	out->rest_offset = 0;
	out->rest_len = caplen;
	first_key(linktype, buf, caplen, &nx);
	out->unknown_linktype = lookup(&nx) == DP_NONE;
	while (out->count < DISSECT_MAX_LAYERS && (p = lookup(&nx)) != DP_NONE) {
		l = &out->layer[out->count++];
		l->proto = p;
		l->offset = (size_t)(nx.payload - buf);
		l->len = nx.len;
		l->status = steps[p](nx.payload, nx.len, l, &nx);
		worst = worse(worst, l->status);
		if ((p == DP_IPV4 && l->u.ip4.payload_cut) ||
		    (p == DP_IPV6 && l->u.ip6.payload_cut))
			worst = worse(worst, DECODE_TRUNCATED);	/* snaplen */
		out->rest_offset = nx.payload != NULL ?
		    (size_t)(nx.payload - buf) : caplen;
		out->rest_len = nx.len;
		if (l->status == DECODE_BAD)
			break;
	}
	return worst;
}
