/* test_mesh.c: the mesh wire format: round trips and every kind of bad input. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../protocols/mesh.h"

static struct mesh_peer_info
sample_peer(void)
{
	struct mesh_peer_info p;

	memset(&p, 0, sizeof p);
	p.id = 0x0102030405060708ULL;
	strcpy(p.name, "alice#1 caf\xc3\xa9");	/* '#' broke the original */
	memset(p.key, 0xab, sizeof p.key);
	p.observed = (struct mesh_endpoint){ 4, 40112, { 198, 51, 100, 2 } };
	p.nlocal = 2;
	p.local[0] = (struct mesh_endpoint){ 4, 12345, { 192, 168, 10, 2 } };
	p.local[1] = (struct mesh_endpoint){ 6, 12345, { 0x20, 0x01, 0x0d, 0xb8,
	    [15] = 2 } };
	return p;
}

/* Builds a whole datagram of type with body b; returns its length. */
static size_t
datagram(uint8_t type, const struct mesh_body *b, uint8_t *out)
{
	uint8_t body[MESH_MAX_DATAGRAM];
	struct mesh_header h = { MESH_VERSION, type, 0, 0, 0x1122334455667788ULL, 7 };
	size_t blen, n;

	assert_true(mesh_build_body(type, b, body, sizeof body, &blen));
	n = mesh_build(&h, body, blen, out, MESH_MAX_DATAGRAM);
	assert_int_equal(n, MESH_HEADER_LEN + blen);
	return n;
}

static enum mesh_err
parse(const uint8_t *buf, size_t len, struct mesh_header *h, struct mesh_body *b)
{
	const uint8_t *payload;
	enum mesh_err err;
	size_t plen;

	if ((err = mesh_parse_header(buf, len, h, &payload, &plen)) != MESH_OK)
		return err;
	return mesh_parse_body(h->type, payload, plen, b);
}

static void
introduce_round_trip(void **state)
{
	uint8_t buf[MESH_MAX_DATAGRAM];
	struct mesh_body in, out;
	struct mesh_header h;
	size_t n;

	(void)state;
	in.u.peer = sample_peer();
	n = datagram(MESH_INTRODUCE, &in, buf);
	assert_int_equal(parse(buf, n, &h, &out), MESH_OK);
	assert_int_equal(h.type, MESH_INTRODUCE);
	assert_true(h.sender == 0x1122334455667788ULL);
	assert_int_equal(h.seq, 7);
	assert_memory_equal(&in.u.peer, &out.u.peer, sizeof in.u.peer);
}

static void
every_type_round_trips(void **state)
{
	static const char text[] = "hello, mesh";
	uint8_t buf[MESH_MAX_DATAGRAM];
	struct mesh_body in, out;
	struct mesh_header h;
	uint8_t t;
	size_t n;

	(void)state;
	for (t = 1; t <= MESH_TYPE_MAX; t++) {
		memset(&in, 0, sizeof in);
		if (t == MESH_HELLO || t == MESH_INTRODUCE)
			in.u.peer = sample_peer();
		if (t == MESH_HELLO)
			in.u.peer.id = 0, memset(&in.u.peer.observed, 0,
			    sizeof in.u.peer.observed);
		else if (t == MESH_CHAT)
			in.u.chat = (struct mesh_chat){ 9, 1, 3,
			    sizeof text - 1, (const uint8_t *)text };
		else if (t == MESH_ACK)
			in.u.ack.msg_id = 9, in.u.ack.fragment = 2;
		else if (t != MESH_INTRODUCE && t != MESH_BYE)
			in.u.token = 0xdeadbeefcafef00dULL;
		n = datagram(t, &in, buf);
		assert_int_equal(parse(buf, n, &h, &out), MESH_OK);
		assert_string_not_equal(mesh_type_name(t), "unknown");
		if (t == MESH_CHAT) {
			assert_int_equal(out.u.chat.len, sizeof text - 1);
			assert_memory_equal(out.u.chat.text, text, sizeof text - 1);
			assert_int_equal(out.u.chat.fragments, 3);
		} else
			assert_memory_equal(&in, &out, sizeof in);
	}
}

static void
every_truncation_is_caught(void **state)
{
	uint8_t buf[MESH_MAX_DATAGRAM];
	struct mesh_body in, out;
	struct mesh_header h;
	const uint8_t *payload;
	size_t n, cut, plen;

	(void)state;
	in.u.peer = sample_peer();
	n = datagram(MESH_INTRODUCE, &in, buf);
	for (cut = 0; cut < n; cut++)
		assert_int_not_equal(parse(buf, cut, &h, &out), MESH_OK);
	/* A body cut short, with the length field telling the truth. */
	assert_int_equal(mesh_parse_header(buf, n, &h, &payload, &plen), MESH_OK);
	for (cut = 0; cut < plen; cut++)
		assert_int_equal(mesh_parse_body(MESH_INTRODUCE, payload, cut, &out),
		    MESH_ERR_TRUNCATED);
}

static void
bad_headers(void **state)
{
	uint8_t buf[MESH_MAX_DATAGRAM + 8], copy[sizeof buf];
	struct mesh_body b, out;
	struct mesh_header h;
	size_t n;

	(void)state;
	b.u.token = 1;
	n = datagram(MESH_PROBE, &b, buf);
	memcpy(copy, buf, n);
	copy[0] = 'X';
	assert_int_equal(parse(copy, n, &h, &out), MESH_ERR_MAGIC);
	memcpy(copy, buf, n);
	copy[2] = 2;
	assert_int_equal(parse(copy, n, &h, &out), MESH_ERR_VERSION);
	memcpy(copy, buf, n);
	copy[3] = 0;
	assert_int_equal(parse(copy, n, &h, &out), MESH_ERR_TYPE);
	copy[3] = MESH_TYPE_MAX + 1;
	assert_int_equal(parse(copy, n, &h, &out), MESH_ERR_TYPE);
	memcpy(copy, buf, n);
	copy[n] = 0;
	assert_int_equal(parse(copy, n + 1, &h, &out), MESH_ERR_LENGTH);
	memset(copy + n, 0, sizeof copy - n);
	assert_int_equal(parse(copy, MESH_MAX_DATAGRAM + 1, &h, &out), MESH_ERR_SIZE);
	assert_int_equal(parse(buf, 3, &h, &out), MESH_ERR_SHORT);
	/* The length field says more than is there: a trailing byte check. */
	assert_int_equal(mesh_parse_body(MESH_PROBE, buf + MESH_HEADER_LEN, 9, &out),
	    MESH_ERR_TRAILING);
}

static enum mesh_err
hello_with_name(const char *name)
{
	uint8_t body[256];
	struct mesh_body out;
	size_t len = strlen(name);

	/* Built by hand: the builder refuses names the parser must reject. */
	body[0] = (uint8_t)len;
	memcpy(body + 1, name, len);
	memset(body + 1 + len, 0x11, MESH_KEY_LEN);
	body[1 + len + MESH_KEY_LEN] = 0;
	return mesh_parse_body(MESH_HELLO, body, 2 + len + MESH_KEY_LEN, &out);
}

static void
names(void **state)
{
	struct mesh_body b;
	uint8_t buf[256];
	size_t n;

	(void)state;
	/* 32 bytes of two-byte characters: at the limit, accepted. */
	assert_int_equal(hello_with_name("\xc5\xbc\xc3\xb3\xc5\x82\xc4\x87"
	    "\xc5\xbc\xc3\xb3\xc5\x82\xc4\x87\xc5\xbc\xc3\xb3\xc5\x82\xc4\x87"
	    "\xc5\xbc\xc3\xb3\xc5\x82\xc4\x87"), MESH_OK);
	assert_int_equal(hello_with_name("bob # the builder"), MESH_OK);
	assert_int_equal(hello_with_name(""), MESH_ERR_NAME);
	assert_int_equal(hello_with_name("123456789012345678901234567890123"),
	    MESH_ERR_NAME);
	assert_int_equal(hello_with_name("bell\x07"), MESH_ERR_NAME);
	assert_int_equal(hello_with_name("esc\x1b[2J"), MESH_ERR_NAME);
	assert_int_equal(hello_with_name("bad\xff"), MESH_ERR_NAME);
	assert_int_equal(hello_with_name("cut\xc3"), MESH_ERR_NAME);
	memset(&b, 0, sizeof b);
	assert_false(mesh_build_body(MESH_HELLO, &b, buf, sizeof buf, &n));
}

static void
fields_out_of_range(void **state)
{
	uint8_t buf[MESH_MAX_DATAGRAM], small[8];
	struct mesh_body b, out;
	size_t n;

	(void)state;
	b.u.peer = sample_peer();
	b.u.peer.local[0].family = 5;
	assert_false(mesh_build_body(MESH_HELLO, &b, buf, sizeof buf, &n));
	b.u.peer = sample_peer();
	assert_true(mesh_build_body(MESH_HELLO, &b, buf, sizeof buf, &n));
	buf[1 + strlen(b.u.peer.name) + MESH_KEY_LEN] = MESH_MAX_ENDPOINTS + 1;
	assert_int_equal(mesh_parse_body(MESH_HELLO, buf, n, &out), MESH_ERR_FIELD);
	b.u.chat = (struct mesh_chat){ 1, 0, 0, 0, NULL };
	assert_false(mesh_build_body(MESH_CHAT, &b, buf, sizeof buf, &n));
	b.u.chat = (struct mesh_chat){ 1, 3, 3, 0, NULL };
	assert_false(mesh_build_body(MESH_CHAT, &b, buf, sizeof buf, &n));
	b.u.chat = (struct mesh_chat){ 1, 0, MESH_MAX_FRAGMENTS + 1, 0, NULL };
	assert_false(mesh_build_body(MESH_CHAT, &b, buf, sizeof buf, &n));
	b.u.chat = (struct mesh_chat){ 1, 0, 1, 4, (const uint8_t *)"abcd" };
	assert_false(mesh_build_body(MESH_CHAT, &b, small, sizeof small, &n));
	assert_true(mesh_build_body(MESH_CHAT, &b, buf, sizeof buf, &n));
	buf[8] = 0;
	buf[9] = 200;	/* says 200 bytes of text, has 4 */
	assert_int_equal(mesh_parse_body(MESH_CHAT, buf, n, &out), MESH_ERR_TRUNCATED);
	assert_true(mesh_build_body(MESH_BYE, &b, buf, sizeof buf, &n));
	assert_int_equal(n, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(introduce_round_trip),
		cmocka_unit_test(every_type_round_trips),
		cmocka_unit_test(every_truncation_is_caught),
		cmocka_unit_test(bad_headers),
		cmocka_unit_test(names),
		cmocka_unit_test(fields_out_of_range),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
