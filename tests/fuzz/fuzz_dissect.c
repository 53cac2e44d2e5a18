/*
 * fuzz_dissect.c: any bytes on any link type dissect without reading out
 * of bounds, every layer lies inside the packet, and the text line and the
 * JSON (src/capture's formatters) are built from the result without a
 * fault. Input: 1 byte picking the link type, then the packet.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "../../protocols/dissect.h"
#include "../../src/capture/capture_json.h"
#include "../../src/capture/capture_tcpseq.h"
#include "../../src/capture/capture_text.h"

static const uint32_t linktypes[] = {
	LINKTYPE_ETHERNET, LINKTYPE_LINUX_SLL, LINKTYPE_LINUX_SLL2,
	LINKTYPE_NULL, LINKTYPE_LOOP, LINKTYPE_RAW, LINKTYPE_IPV4,
	LINKTYPE_IPV6, 147 /* a link type nobody decodes */,
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct dissect d;
	static struct tcpseq *seqs;	/* kept across inputs, as a capture does */
	struct capture_pkt pkt;
	struct strbuf sb;
	enum decode_status st;
	uint8_t *copy;
	size_t i;

	if (size < 1)
		return 0;
	/* A copy of exactly the packet's size, so ASan sees any overread. */
	if ((copy = malloc(size - 1 + 1)) == NULL)
		return 0;
	memcpy(copy, data + 1, size - 1);
	memset(&pkt, 0, sizeof pkt);
	pkt.linktype = linktypes[data[0] % (sizeof linktypes / sizeof linktypes[0])];
	pkt.caplen = pkt.len = (uint32_t)(size - 1);
	pkt.data = copy;
	st = dissect_packet(pkt.linktype, copy, size - 1, &d);
	if (d.count > DISSECT_MAX_LAYERS || d.rest_offset + d.rest_len > size - 1)
		abort();
	for (i = 0; i < d.count; i++)
		if (d.layer[i].offset + d.layer[i].len > size - 1)
			abort();
	sb_init(&sb);
	if (seqs == NULL)
		seqs = tcpseq_new();
	capture_text_line(&sb, &pkt, &d, seqs);
	sb_reset(&sb);
	capture_json_packet(&sb, &pkt, &d, st);
	sb_free(&sb);
	free(copy);
	return 0;
}
