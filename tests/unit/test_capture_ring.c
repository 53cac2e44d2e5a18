/* test_capture_ring.c: the ring keeps the last N packets in order, reuses
 * its buffers, and saves what it holds as a pcap file libpcap reads back. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <pcap/pcap.h>

#include "../../src/capture/capture_ring.h"

static void
push_n(struct capture_ring *r, unsigned from, unsigned to)
{
	uint8_t bytes[64];
	struct capture_pkt p = { 0 };
	unsigned i;

	for (i = from; i <= to; i++) {
		memset(bytes, (int)i, sizeof bytes);
		p.no = i;
		p.ts.tv_sec = 1700000000 + i;
		p.caplen = 10 + i;
		p.len = 100 + i;
		p.linktype = 1;
		p.data = bytes;
		assert_true(capture_ring_push(r, &p));
	}
}

static void
keeps_the_last_n_in_order(void **state)
{
	struct capture_ring *r = capture_ring_new(3);
	const struct capture_pkt *p;

	(void)state;
	assert_null(capture_ring_get(r, 0));
	push_n(r, 1, 5);
	assert_int_equal(capture_ring_count(r), 3);
	p = capture_ring_get(r, 0);
	assert_int_equal(p->no, 3);
	assert_int_equal(p->caplen, 13);
	assert_int_equal(p->data[12], 3);
	assert_int_equal(capture_ring_get(r, 2)->no, 5);
	assert_null(capture_ring_get(r, 3));
	capture_ring_clear(r);
	assert_int_equal(capture_ring_count(r), 0);
	capture_ring_free(r);
}

static void
saves_a_pcap_libpcap_reads(void **state)
{
	struct capture_ring *r = capture_ring_new(4);
	char path[] = "/tmp/pl-ring-XXXXXX", err[256], ebuf[PCAP_ERRBUF_SIZE];
	struct pcap_pkthdr *h;
	const u_char *data;
	pcap_t *in;
	int fd, n = 0;

	(void)state;
	assert_int_equal(capture_ring_save(r, "/tmp/x", err, sizeof err), -1);
	push_n(r, 1, 6);
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(capture_ring_save(r, path, err, sizeof err), 4);
	in = pcap_open_offline(path, ebuf);
	assert_non_null(in);
	while (pcap_next_ex(in, &h, &data) == 1) {
		assert_int_equal(h->caplen, 10 + 3 + n);
		assert_int_equal(h->len, 100 + 3 + n);
		assert_int_equal(data[0], 3 + n);
		n++;
	}
	assert_int_equal(n, 4);
	pcap_close(in);
	unlink(path);
	assert_int_equal(capture_ring_save(r, "/nonexistent/dir/x.pcap", err,
	    sizeof err), -1);
	assert_non_null(strstr(err, "/nonexistent/dir/x.pcap"));
	capture_ring_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keeps_the_last_n_in_order),
		cmocka_unit_test(saves_a_pcap_libpcap_reads),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
