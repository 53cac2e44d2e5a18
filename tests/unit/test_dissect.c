/* test_dissect.c: the dispatch table and the layered result on hand-built
 * packets, and the tcpdump-like line and JSON made from them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../protocols/dissect.h"
#include "../../src/capture/capture_json.h"
#include "../../src/capture/capture_text.h"

static struct dissect d;

/* Raw IPv4 + UDP (checksum 0) from sport to dport carrying payload. */
static size_t
raw_udp(uint8_t *buf, uint16_t sport, uint16_t dport, const void *payload,
    size_t plen)
{
	size_t total = 28 + plen;
	uint8_t ip[20] = { 0x45, 0, (uint8_t)(total >> 8), (uint8_t)total, 0, 1,
	    0x40, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2 };
	uint8_t udp[8] = { (uint8_t)(sport >> 8), (uint8_t)sport,
	    (uint8_t)(dport >> 8), (uint8_t)dport, (uint8_t)((8 + plen) >> 8),
	    (uint8_t)(8 + plen), 0, 0 };

	memcpy(buf, ip, 20);
	memcpy(buf + 20, udp, 8);
	memcpy(buf + 28, payload, plen);
	return total;
}

static const uint8_t dns_query[] = {
	0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0,
	1, 'a', 3, 'l', 'a', 'n', 0, 0, 1, 0, 1,
};

static void
dns_on_port_53(void **state)
{
	uint8_t buf[128];
	size_t n = raw_udp(buf, 40000, 53, dns_query, sizeof dns_query);

	(void)state;
	assert_int_equal(dissect_packet(LINKTYPE_RAW, buf, n, &d), DECODE_OK);
	assert_int_equal(d.count, 3);
	assert_int_equal(d.layer[0].proto, DP_IPV4);
	assert_int_equal(d.layer[1].proto, DP_UDP);
	assert_int_equal(d.layer[2].proto, DP_DNS);
	assert_int_equal(d.layer[2].offset, 28);
	assert_string_equal(d.layer[2].u.dns.questions[0].name, "a.lan");
	assert_ptr_equal(dissect_find(&d, DP_DNS), &d.layer[2]);
	assert_null(dissect_find(&d, DP_TCP));
}

static size_t
mesh_probe(uint8_t *out, uint8_t version)
{
	uint8_t m[28] = { 'P', 'L', version, 3, 0, 0, 0, 8,
	    0, 0, 0, 0, 0, 0, 0x11, 0x11, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0xab, 0xcd, 0xef };

	memcpy(out, m, sizeof m);
	return sizeof m;
}

static void
mesh_by_port_and_by_magic(void **state)
{
	uint8_t m[32], buf[128];
	size_t mlen = mesh_probe(m, 1), n;

	(void)state;
	n = raw_udp(buf, 40404, 40405, m, mlen);	/* no known port: heuristic */
	assert_int_equal(dissect_packet(LINKTYPE_RAW, buf, n, &d), DECODE_OK);
	assert_int_equal(d.count, 3);
	assert_int_equal(d.layer[2].proto, DP_MESH);
	assert_int_equal(d.layer[2].u.mesh.hdr.type, MESH_PROBE);
	assert_int_equal(d.layer[2].u.mesh.hdr.sender, 0x1111);
	assert_int_equal(d.layer[2].u.mesh.hdr.seq, 4);
	assert_true(d.layer[2].u.mesh.has_body);
	assert_int_equal(d.layer[2].u.mesh.body.u.token, 0xabcdef);
	/* Port 12345 but version 9: not ours, stays plain UDP. */
	mlen = mesh_probe(m, 9);
	n = raw_udp(buf, 12345, 12346, m, mlen);
	assert_int_equal(dissect_packet(LINKTYPE_RAW, buf, n, &d), DECODE_OK);
	assert_int_equal(d.count, 2);
	assert_int_equal(d.rest_len, mlen);
}

static void
cut_and_empty(void **state)
{
	uint8_t buf[128];
	size_t n = raw_udp(buf, 40000, 53, dns_query, sizeof dns_query);

	(void)state;
	/* Cut inside the UDP header: IPv4 whole but its payload cut. */
	assert_int_equal(dissect_packet(LINKTYPE_RAW, buf, 24, &d),
	    DECODE_TRUNCATED);
	assert_int_equal(d.layer[0].proto, DP_IPV4);
	assert_int_equal(d.layer[0].status, DECODE_OK);
	assert_int_equal(d.layer[1].status, DECODE_TRUNCATED);
	/* Nothing at all on Ethernet: one cut link layer. */
	assert_int_equal(dissect_packet(LINKTYPE_ETHERNET, buf, 0, &d),
	    DECODE_TRUNCATED);
	assert_int_equal(d.count, 1);
	/* A link type nobody decodes. */
	assert_int_equal(dissect_packet(147, buf, n, &d), DECODE_OK);
	assert_int_equal(d.count, 0);
	assert_true(d.unknown_linktype);
}

static void
text_and_json_lines(void **state)
{
	uint8_t buf[128];
	struct capture_pkt p = { 0 };
	struct strbuf sb;
	enum decode_status st;
	size_t n = raw_udp(buf, 40000, 53, dns_query, sizeof dns_query);

	(void)state;
	setenv("TZ", "UTC", 1);
	p.no = 7;
	p.ts.tv_sec = 1700000000;
	p.ts.tv_usec = 42;
	p.len = p.caplen = (uint32_t)n;
	p.linktype = LINKTYPE_RAW;
	p.data = buf;
	st = dissect_packet(p.linktype, buf, n, &d);
	sb_init(&sb);
	capture_text_line(&sb, &p, &d, NULL);
	assert_string_equal(sb.buf, "22:13:20.000042 IP 10.0.0.1.40000 > "
	    "10.0.0.2.53: 4660+ A? a.lan. (23)");
	sb_reset(&sb);
	capture_json_packet(&sb, &p, &d, st);
	assert_non_null(strstr(sb.buf, "{\"event\":\"packet\",\"engine\":"
	    "\"capture\",\"no\":7,\"ts\":1700000000.000042,\"len\":51,"));
	assert_non_null(strstr(sb.buf, "{\"proto\":\"udp\",\"sport\":40000,"
	    "\"dport\":53,"));
	assert_non_null(strstr(sb.buf, "\"questions\":[{\"name\":\"a.lan\","
	    "\"type\":\"A\"}]"));
	sb_free(&sb);
}

/* Raw IPv4 + ICMP echo request (id 7, seq 9) carrying payload. */
static size_t
raw_echo(uint8_t *buf, const uint8_t *payload, size_t plen)
{
	size_t total = 28 + plen;
	uint8_t ip[20] = { 0x45, 0, (uint8_t)(total >> 8), (uint8_t)total, 0, 1,
	    0x40, 0, 64, 1, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2 };
	uint8_t icmp[8] = { 8, 0, 0, 0, 0, 7, 0, 9 };

	memcpy(buf, ip, 20);
	memcpy(buf + 20, icmp, 8);
	memcpy(buf + 28, payload, plen);
	return total;
}

/* A store's chunk in an echo: its header in the layer, the CRC checked when
 * whole, "cut" when the snap length took the end, and a plain ping's data
 * left alone. */
static void
storage_chunk_in_echo(void **state)
{
	static const uint8_t text[] = "lives only in echoes";
	struct storage_chunk c = { .version = STORAGE_CHUNK_VERSION,
	    .kind = STORAGE_DATA, .k = 8, .m = 4, .file_id = 0xabcdef01,
	    .index = 3, .group = 0, .count = 5, .len = sizeof text - 1,
	    .file_size = 4 * 1024 + sizeof text - 1 };
	uint8_t chunk[128], buf[256];
	struct capture_pkt p = { 0 };
	struct strbuf sb;
	size_t clen = storage_chunk_build(chunk, sizeof chunk, &c, text), n;

	(void)state;
	assert_true(clen > STORAGE_CHUNK_HDR);
	n = raw_echo(buf, chunk, clen);
	assert_int_equal(dissect_packet(LINKTYPE_RAW, buf, n, &d), DECODE_OK);
	assert_int_equal(d.count, 3);
	assert_int_equal(d.layer[2].proto, DP_STORAGE);
	assert_int_equal(d.layer[2].u.storage.chunk.file_id, 0xabcdef01);
	assert_int_equal(d.layer[2].u.storage.chunk.index, 3);
	assert_int_equal(d.layer[2].u.storage.status, STORAGE_CHUNK_OK);
	p.len = p.caplen = (uint32_t)n;
	p.linktype = LINKTYPE_RAW;
	p.data = buf;
	sb_init(&sb);
	capture_text_line(&sb, &p, &d, NULL);
	assert_non_null(strstr(sb.buf, "ICMP echo request, id 7, seq 9, length "
	    "56 [storage file abcdef01 chunk 3/5 group 0]"));
	/* Cut by the snap length: the header is still read. */
	assert_int_equal(dissect_packet(LINKTYPE_RAW, buf, n - 4, &d),
	    DECODE_TRUNCATED);
	assert_int_equal(d.layer[2].proto, DP_STORAGE);
	assert_int_equal(d.layer[2].u.storage.chunk.count, 5);
	sb_reset(&sb);
	capture_json_layer(&sb, &d.layer[2]);
	assert_non_null(strstr(sb.buf, "\"file_id\":\"abcdef01\""));
	assert_non_null(strstr(sb.buf, "\"check\":\"not checked (cut)\""));
	/* One flipped payload byte: the CRC says so. */
	buf[n - 1] ^= 1;
	assert_int_equal(dissect_packet(LINKTYPE_RAW, buf, n, &d), DECODE_BAD);
	assert_int_equal(d.layer[2].u.storage.status,
	    STORAGE_CHUNK_BAD_CHECKSUM);
	/* A ping's own data is not ours. */
	n = raw_echo(buf, text, sizeof text - 1);
	assert_int_equal(dissect_packet(LINKTYPE_RAW, buf, n, &d), DECODE_OK);
	assert_int_equal(d.count, 2);
	sb_free(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dns_on_port_53),
		cmocka_unit_test(mesh_by_port_and_by_magic),
		cmocka_unit_test(cut_and_empty),
		cmocka_unit_test(text_and_json_lines),
		cmocka_unit_test(storage_chunk_in_echo),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
