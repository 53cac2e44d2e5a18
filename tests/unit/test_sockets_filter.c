/* test_sockets_filter.c: the sockets FILTER parses and matches as documented. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../src/sockets/sock_filter.h"

static struct sock
tcp(int state, unsigned lport, unsigned rport, int pid, const char *comm)
{
	struct sock s;

	memset(&s, 0, sizeof s);
	s.proto = SP_TCP;
	s.state = (uint8_t)state;
	s.lport = (uint16_t)lport;
	s.rport = (uint16_t)rport;
	s.pid = pid;
	strcpy(s.comm, comm);
	return s;
}

static int
parse(struct sock_filter *f, const char *a, const char *b, const char *c)
{
	char *argv[3] = { (char *)a, (char *)b, (char *)c };
	char err[256];
	int argc = c != NULL ? 3 : b != NULL ? 2 : a != NULL ? 1 : 0;

	return sock_filter_parse(f, argc, argv, err, sizeof err);
}

static void
empty_matches_all(void **state)
{
	struct sock_filter f;
	struct sock s = tcp(ST_ESTAB, 1, 2, 0, "");

	(void)state;
	assert_int_equal(parse(&f, NULL, NULL, NULL), 0);
	assert_true(sock_filter_empty(&f));
	assert_true(sock_filter_match(&f, &s, NULL));
}

static void
keys_and_together(void **state)
{
	struct sock_filter f;
	struct sock sshd = tcp(ST_LISTEN, 22, 0, 10, "sshd");
	struct sock other = tcp(ST_ESTAB, 22, 5555, 10, "sshd");

	(void)state;
	assert_int_equal(parse(&f, "state:listen", "port:22", "prog:sshd"), 0);
	assert_true(sock_filter_match(&f, &sshd, "root"));
	assert_false(sock_filter_match(&f, &other, "root"));
	assert_int_equal(parse(&f, "proto:udp", NULL, NULL), 0);
	assert_false(sock_filter_match(&f, &sshd, "root"));
}

static void
same_key_ors(void **state)
{
	struct sock_filter f;
	struct sock a = tcp(ST_ESTAB, 1000, 80, 1, "curl");
	struct sock b = tcp(ST_TIME_WAIT, 1001, 443, 0, "");

	(void)state;
	assert_int_equal(parse(&f, "dport:80", "dport:443", NULL), 0);
	assert_true(sock_filter_match(&f, &a, NULL));
	assert_true(sock_filter_match(&f, &b, NULL));
	assert_int_equal(parse(&f, "state:ESTAB", "state:time-wait", NULL), 0);
	assert_true(sock_filter_match(&f, &b, NULL));
	assert_int_equal(parse(&f, "state:established", "user:alice", NULL), 0);
	assert_true(sock_filter_match(&f, &a, "alice"));
	assert_false(sock_filter_match(&f, &a, "bob"));
}

static void
bad_words_are_refused_with_a_reason(void **state)
{
	struct sock_filter f;
	char *argv[1];
	char err[256];

	(void)state;
	argv[0] = "colour:red";
	assert_int_equal(sock_filter_parse(&f, 1, argv, err, sizeof err), -1);
	assert_non_null(strstr(err, "unknown key 'colour'"));
	argv[0] = "port:99999";
	assert_int_equal(sock_filter_parse(&f, 1, argv, err, sizeof err), -1);
	assert_non_null(strstr(err, "port:99999"));
	argv[0] = "listen";
	assert_int_equal(sock_filter_parse(&f, 1, argv, err, sizeof err), -1);
	assert_non_null(strstr(err, "KEY:VALUE"));
	argv[0] = "state:sleepy";
	assert_int_equal(sock_filter_parse(&f, 1, argv, err, sizeof err), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(empty_matches_all),
		cmocka_unit_test(keys_and_together),
		cmocka_unit_test(same_key_ors),
		cmocka_unit_test(bad_words_are_refused_with_a_reason),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
