/* test_sockdiag.c: sock_diag payloads, /proc/net lines and fd links decode. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../protocols/procnet.h"
#include "../../protocols/sockdiag.h"

static size_t
put32(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, 4);
	return 4;
}

/* An inet_diag_msg for 127.0.0.1:22 <- 127.0.0.1:5555, ESTAB, inode 77,
 * with a tcp_info attribute (rtt 1500 us, cwnd 10). */
static size_t
inet_msg(uint8_t *b)
{
	size_t n = 0;
	uint16_t alen = 4 + 232, atype = 2;

	memset(b, 0, 512);
	b[0] = 2;				/* AF_INET */
	b[1] = 1;				/* ESTABLISHED */
	b[4] = 0; b[5] = 22;			/* sport, big-endian */
	b[6] = 0x15; b[7] = 0xb3;		/* 5555 */
	b[8] = 127; b[11] = 1;
	b[24] = 127; b[27] = 1;
	put32(b + 64, 1000);			/* uid */
	put32(b + 68, 77);			/* inode */
	n = 72;
	memcpy(b + n, &alen, 2);
	memcpy(b + n + 2, &atype, 2);
	put32(b + n + 4 + 68, 1500);
	put32(b + n + 4 + 80, 10);
	return n + alen;
}

static void
inet_message_decodes(void **state)
{
	uint8_t b[512];
	size_t len = inet_msg(b);
	struct diag_inet d;

	(void)state;
	assert_int_equal(sockdiag_parse_inet(b, len, &d), 0);
	assert_int_equal(d.family, 2);
	assert_int_equal(d.state, 1);
	assert_int_equal(d.sport, 22);
	assert_int_equal(d.dport, 5555);
	assert_int_equal(d.src[0], 127);
	assert_int_equal(d.inode, 77);
	assert_int_equal(d.uid, 1000);
	assert_true(d.has_info);
	assert_int_equal(d.info.rtt_us, 1500);
	assert_int_equal(d.info.cwnd, 10);
	assert_true(d.info.has_bytes);
	/* Cut anywhere: refused or decoded without reading past the end. */
	for (len = 0; len < 72; len++)
		assert_int_equal(sockdiag_parse_inet(b, len, &d), -1);
}

static void
unix_message_decodes(void **state)
{
	uint8_t b[64];
	uint16_t alen = 4 + 5, atype = 0, plen = 8, ptype = 2;
	struct diag_unix d;

	(void)state;
	memset(b, 0, sizeof b);
	b[0] = 1;				/* AF_UNIX */
	b[1] = 1;				/* SOCK_STREAM */
	b[2] = 10;				/* LISTEN */
	put32(b + 4, 4242);
	memcpy(b + 16, &alen, 2);
	memcpy(b + 18, &atype, 2);
	memcpy(b + 20, "\0abcd", 5);		/* abstract name */
	memcpy(b + 28, &plen, 2);
	memcpy(b + 30, &ptype, 2);
	put32(b + 32, 99);
	assert_int_equal(sockdiag_parse_unix(b, 36, &d), 0);
	assert_int_equal(d.inode, 4242);
	assert_string_equal(d.name, "@abcd");
	assert_int_equal(d.peer, 99);
	assert_int_equal(d.state, 10);
	b[0] = 2;
	assert_int_equal(sockdiag_parse_unix(b, 36, &d), -1);
}

static void
proc_lines_decode(void **state)
{
	static const char tcp[] = "   0: 0100007F:0016 00000000:0000 0A "
	    "00000000:00000000 00:00000000 00000000     0        0 12345 1 0";
	static const char tcp6[] = "   1: 00000000000000000000000001000000:"
	    "1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 "
	    "00:00000000 00000000  1000        0 555 1";
	static const char unx[] = "0000000000000000: 00000002 00000000 "
	    "00010000 0001 01 31337 /run/x.sock";
	struct diag_inet d;
	struct diag_unix u;

	(void)state;
	assert_int_equal(procnet_parse_inet(tcp, strlen(tcp), 2, &d), 0);
	assert_int_equal(d.sport, 22);
	assert_int_equal(d.state, 10);
	assert_int_equal(d.src[0], 127);
	assert_int_equal(d.src[3], 1);
	assert_int_equal(d.inode, 12345);
	assert_int_equal(procnet_parse_inet(tcp6, strlen(tcp6), 10, &d), 0);
	assert_int_equal(d.sport, 8080);
	assert_int_equal(d.src[15], 1);		/* ::1 */
	assert_int_equal(d.uid, 1000);
	assert_int_equal(procnet_parse_inet("  sl  local_address", 19, 2, &d), -1);
	assert_int_equal(procnet_parse_inet(tcp, 20, 2, &d), -1);
	/* Found by fuzz_procnet: a NUL inside the first token. */
	assert_int_equal(procnet_parse_inet("\0:", 2, 2, &d), -1);
	assert_int_equal(procnet_parse_unix("x\0:", 3, &u), -1);
	assert_int_equal(procnet_parse_unix(unx, strlen(unx), &u), 0);
	assert_int_equal(u.state, 10);		/* __SO_ACCEPTCON: listening */
	assert_int_equal(u.inode, 31337);
	assert_string_equal(u.name, "/run/x.sock");
}

static void
fd_links_decode(void **state)
{
	uint32_t ino;

	(void)state;
	assert_true(procnet_socket_inode("socket:[123]", 12, &ino));
	assert_int_equal(ino, 123);
	assert_false(procnet_socket_inode("socket:[]", 9, &ino));
	assert_false(procnet_socket_inode("socket:[12", 10, &ino));
	assert_false(procnet_socket_inode("pipe:[123]", 10, &ino));
	assert_false(procnet_socket_inode("socket:[99999999999]", 20, &ino));
	assert_false(procnet_socket_inode("socket:[1]x", 11, &ino));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(inet_message_decodes),
		cmocka_unit_test(unix_message_decodes),
		cmocka_unit_test(proc_lines_decode),
		cmocka_unit_test(fd_links_decode),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
