/* test_link_decode.c: Ethernet (with VLAN tags), ARP, SLL, SLL2 and the
 * BSD loopback header on hand-built frames. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../protocols/arp.h"
#include "../../protocols/ethernet.h"
#include "../../protocols/nullink.h"
#include "../../protocols/sll.h"

static void
ethernet_plain_and_tagged(void **state)
{
	uint8_t f[24] = { 1, 2, 3, 4, 5, 6, 0xa, 0xb, 0xc, 0xd, 0xe, 0xf,
	    0x81, 0x00, 0x20, 0x64, 0x86, 0xdd, 0x60 };
	struct ether_hdr e;

	(void)state;
	assert_int_equal(ether_decode(f, sizeof f, &e), DECODE_OK);
	assert_int_equal(e.src[5], 0xf);
	assert_int_equal(e.vlan_count, 1);
	assert_int_equal(e.vlan_id[0], 100);
	assert_int_equal(e.vlan_pcp[0], 1);
	assert_int_equal(e.ethertype, ETHERTYPE_IPV6);
	assert_ptr_equal(e.payload, f + 18);
	assert_int_equal(e.payload_len, 6);
	f[12] = 0x08; f[13] = 0x00;
	assert_int_equal(ether_decode(f, sizeof f, &e), DECODE_OK);
	assert_int_equal(e.vlan_count, 0);
	assert_int_equal(e.ethertype, ETHERTYPE_IPV4);
	f[12] = 0x00; f[13] = 0x26;		/* 802.3 length 38 */
	assert_int_equal(ether_decode(f, sizeof f, &e), DECODE_OK);
	assert_int_equal(e.ethertype, 0);
	assert_int_equal(e.length_8023, 38);
	assert_int_equal(ether_decode(f, 13, &e), DECODE_TRUNCATED);
	/* Three tags are more than we accept. */
	memcpy(f + 12, (const uint8_t[]){ 0x88, 0xa8, 0, 1, 0x81, 0, 0, 2,
	    0x81, 0, 0, 3 }, 12);
	assert_int_equal(ether_decode(f, sizeof f, &e), DECODE_BAD);
}

static void
arp_request_fields(void **state)
{
	static const uint8_t a[28] = { 0, 1, 8, 0, 6, 4, 0, 1,
	    2, 0, 0, 0, 0, 1, 10, 0, 0, 1,
	    0, 0, 0, 0, 0, 0, 10, 0, 0, 2 };
	struct arp_msg m;

	(void)state;
	assert_int_equal(arp_decode(a, sizeof a, &m), DECODE_OK);
	assert_true(m.is_ether_ipv4);
	assert_int_equal(m.op, ARP_REQUEST);
	assert_int_equal(m.sender_mac[0], 2);
	assert_int_equal(m.sender_ip[3], 1);
	assert_int_equal(m.target_ip[3], 2);
	assert_int_equal(arp_decode(a, 20, &m), DECODE_TRUNCATED);
	assert_int_equal(arp_decode(a, 7, &m), DECODE_TRUNCATED);
}

static void
sll_and_sll2(void **state)
{
	static const uint8_t s1[18] = { 0, 4, 0, 1, 0, 6, 1, 2, 3, 4, 5, 6, 0,
	    0, 0x08, 0x00, 0x45, 0 };
	static const uint8_t s2[21] = { 0x86, 0xdd, 0, 0, 0, 0, 0, 3, 0, 1, 0,
	    6, 1, 2, 3, 4, 5, 6, 0, 0, 0x60 };
	struct sll_hdr h;

	(void)state;
	assert_int_equal(sll_decode(s1, sizeof s1, &h), DECODE_OK);
	assert_int_equal(h.packet_type, SLL_OUTGOING);
	assert_string_equal(sll_direction(h.packet_type), "Out");
	assert_int_equal(h.protocol, 0x0800);
	assert_int_equal(h.payload_len, 2);
	assert_int_equal(sll2_decode(s2, sizeof s2, &h), DECODE_OK);
	assert_int_equal(h.protocol, 0x86dd);
	assert_int_equal(h.ifindex, 3);
	assert_int_equal(h.packet_type, SLL_HOST);
	assert_int_equal(h.addr_len, 6);
	assert_int_equal(h.payload_len, 1);
	assert_int_equal(sll_decode(s1, 15, &h), DECODE_TRUNCATED);
	assert_int_equal(sll2_decode(s2, 19, &h), DECODE_TRUNCATED);
}

static void
null_link_either_byte_order(void **state)
{
	static const uint8_t le[5] = { 2, 0, 0, 0, 0x45 };
	static const uint8_t be[5] = { 0, 0, 0, 30, 0x60 };
	struct nullink_hdr h;

	(void)state;
	assert_int_equal(nullink_decode(le, sizeof le, &h), DECODE_OK);
	assert_int_equal(h.family, 2);
	assert_int_equal(h.ethertype, ETHERTYPE_IPV4);
	assert_int_equal(nullink_decode(be, sizeof be, &h), DECODE_OK);
	assert_int_equal(h.ethertype, ETHERTYPE_IPV6);
	assert_int_equal(h.payload_len, 1);
	assert_int_equal(nullink_decode(be, 3, &h), DECODE_TRUNCATED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ethernet_plain_and_tagged),
		cmocka_unit_test(arp_request_fields),
		cmocka_unit_test(sll_and_sll2),
		cmocka_unit_test(null_link_either_byte_order),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
