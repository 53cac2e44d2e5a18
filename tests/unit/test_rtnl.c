/* test_rtnl.c: rtnetlink payloads and resolver files decode. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../protocols/dnsconf.h"
#include "../../protocols/rtnl.h"
#include "../../protocols/rttables.h"

static size_t
attr(uint8_t *p, uint16_t type, const void *data, uint16_t len)
{
	uint16_t alen = 4 + len;

	memcpy(p, &alen, 2);
	memcpy(p + 2, &type, 2);
	memcpy(p + 4, data, len);
	return (size_t)(alen + 3) & ~(size_t)3;
}

static void
route_decodes(void **state)
{
	static const uint8_t gw[4] = { 10, 0, 0, 1 }, dst[4] = { 10, 9, 0, 0 };
	uint8_t b[128];
	uint32_t oif = 3, table = 100;
	size_t n = 12;
	struct rtnl_route r;

	(void)state;
	memset(b, 0, sizeof b);
	b[0] = 2; b[1] = 16; b[4] = 252; b[7] = 1;	/* inet /16 unicast */
	n += attr(b + n, 1, dst, 4);
	n += attr(b + n, 5, gw, 4);
	n += attr(b + n, 4, &oif, 4);
	n += attr(b + n, 15, &table, 4);
	assert_int_equal(rtnl_parse_route(b, n, &r), 0);
	assert_true(r.has_dst && r.has_gateway && r.has_oif);
	assert_int_equal(r.dst[1], 9);
	assert_int_equal(r.gateway[3], 1);
	assert_int_equal(r.oif, 3);
	assert_int_equal(r.table, 100);		/* RTA_TABLE beats rtm_table */
	assert_int_equal(rtnl_parse_route(b, 11, &r), -1);
	/* An attribute longer than what is left stops the walk, no more. */
	b[12] = 200;
	assert_int_equal(rtnl_parse_route(b, n, &r), 0);
	assert_false(r.has_dst);
}

static void
link_and_addr_decode(void **state)
{
	static const uint8_t ip[4] = { 192, 0, 2, 7 };
	uint8_t b[128];
	uint32_t idx = 5;
	size_t n = 16;
	struct rtnl_link l;
	struct rtnl_addr a;

	(void)state;
	memset(b, 0, sizeof b);
	memcpy(b + 4, &idx, 4);
	n += attr(b + n, 3, "eth7", 5);
	b[n] = 0;
	n += attr(b + n, 16, "\6", 1);		/* IF_OPER_UP */
	assert_int_equal(rtnl_parse_link(b, n, &l), 0);
	assert_string_equal(l.name, "eth7");
	assert_int_equal(l.index, 5);
	assert_int_equal(l.operstate, 6);
	memset(b, 0, sizeof b);
	b[0] = 2; b[1] = 24;
	memcpy(b + 4, &idx, 4);
	n = 8 + attr(b + 8, 2, ip, 4);
	assert_int_equal(rtnl_parse_addr(b, n, &a), 0);
	assert_true(a.has_addr);
	assert_int_equal(a.addr[3], 7);
	assert_int_equal(a.prefixlen, 24);
}

static void
resolv_conf_decodes(void **state)
{
	static const char text[] = "# generated\nnameserver 127.0.0.53\n"
	    "nameserver ::1 # stub\noptions edns0 trust-ad\n"
	    "domain old.example\nsearch lab.example corp.example\n";
	static const char ns[] = "passwd: files\n#hosts: nothing\n"
	    "hosts:   files   resolve [!UNAVAIL=return] dns\n";
	struct dns_resolv r;
	char hosts[DNS_LINE_MAX];

	(void)state;
	dnsconf_parse_resolv(text, strlen(text), &r);
	assert_int_equal(r.nns, 2);
	assert_string_equal(r.ns[0], "127.0.0.53");
	assert_string_equal(r.ns[1], "::1");
	assert_int_equal(r.nsearch, 2);
	assert_string_equal(r.search[1], "corp.example");
	assert_string_equal(r.options, "edns0 trust-ad");
	assert_true(dnsconf_is_loopback(r.ns[0]));
	assert_false(dnsconf_is_loopback("10.0.0.53"));
	assert_true(dnsconf_parse_hosts(ns, strlen(ns), hosts, sizeof hosts));
	assert_string_equal(hosts, "files resolve [!UNAVAIL=return] dns");
	assert_false(dnsconf_parse_hosts("passwd: files", 13, hosts, sizeof hosts));
	dnsconf_parse_resolv(text, 20, &r);	/* cut mid-line */
	assert_int_equal(r.nns, 0);
}

static void
rt_tables_name_tables(void **state)
{
	const char *text = "#\n# reserved\n255\tlocal\n254 main\n"
	    "#100 commented\n  100\t isp2 # trailing\n7\n8 #x\n1x bad\n";
	char name[RTTABLES_NAME_MAX], tiny[3];

	(void)state;
	assert_true(rttables_lookup(text, strlen(text), 254, name, sizeof name));
	assert_string_equal(name, "main");
	assert_true(rttables_lookup(text, strlen(text), 100, name, sizeof name));
	assert_string_equal(name, "isp2");
	assert_false(rttables_lookup(text, strlen(text), 7, name, sizeof name));
	assert_false(rttables_lookup(text, strlen(text), 8, name, sizeof name));
	assert_false(rttables_lookup(text, strlen(text), 1, name, sizeof name));
	assert_false(rttables_lookup(text, strlen(text), 42, name, sizeof name));
	assert_true(rttables_lookup(text, strlen(text), 255, tiny, sizeof tiny));
	assert_string_equal(tiny, "lo");	/* cut to fit */
	assert_false(rttables_lookup(text, 20, 254, name, sizeof name));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(route_decodes),
		cmocka_unit_test(link_and_addr_decode),
		cmocka_unit_test(resolv_conf_decodes),
		cmocka_unit_test(rt_tables_name_tables),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
