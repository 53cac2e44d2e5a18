/* capture_tapdump.c: several handles into one SLL2 pcap file; see
 * capture_tapdump.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pcap/pcap.h>

#include "capture_tapdump.h"

struct tapdump {
	pcap_t		*dead;
	pcap_dumper_t	*dump;
	uint8_t		*buf;
	size_t		 cap;
};

struct tapdump *
tapdump_open(const char *path, int snaplen, char *err, size_t errlen)
{
	struct tapdump *t = calloc(1, sizeof *t);

	if (t == NULL || (t->buf = malloc((size_t)snaplen)) == NULL) {
		snprintf(err, errlen, "out of memory");
		free(t);
		return NULL;
	}
	t->cap = (size_t)snaplen;
	if ((t->dead = pcap_open_dead(DLT_LINUX_SLL2, snaplen)) == NULL ||
	    (t->dump = pcap_dump_open(t->dead, path)) == NULL) {
		snprintf(err, errlen, "%s: %s", path, t->dead != NULL ?
		    pcap_geterr(t->dead) : "cannot open");
		tapdump_close(t);
		return NULL;
	}
	return t;
}

int
tapdump_write(struct tapdump *t, const struct capture_pkt *p, uint32_t tap)
{
	struct pcap_pkthdr h;
	size_t n = p->caplen < t->cap ? p->caplen : t->cap;

	if (p->linktype != DLT_LINUX_SLL2 || n < CAPTURE_SLL2_IFINDEX + 4)
		return 0;
	memcpy(t->buf, p->data, n);
	t->buf[CAPTURE_SLL2_IFINDEX] = (uint8_t)(tap >> 24);
	t->buf[CAPTURE_SLL2_IFINDEX + 1] = (uint8_t)(tap >> 16);
	t->buf[CAPTURE_SLL2_IFINDEX + 2] = (uint8_t)(tap >> 8);
	t->buf[CAPTURE_SLL2_IFINDEX + 3] = (uint8_t)tap;
	h.ts = p->ts;
	h.caplen = (bpf_u_int32)n;
	h.len = p->len;
	pcap_dump((u_char *)t->dump, &h, t->buf);
	return 1;
}

void
tapdump_flush(struct tapdump *t)
{
	if (t != NULL)
		pcap_dump_flush(t->dump);
}

void
tapdump_close(struct tapdump *t)
{
	if (t == NULL)
		return;
	if (t->dump != NULL)
		pcap_dump_close(t->dump);
	if (t->dead != NULL)
		pcap_close(t->dead);
	free(t->buf);
	free(t);
}
