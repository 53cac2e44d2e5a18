/*
 * fuzz_reader.c: drive the bounds-checked cursor with arbitrary reads. The
 * first byte of each step picks the read; the rest of the input is the
 * buffer. Any read past the end must come back as 0 with the flag set.
 */
#include <stdlib.h>

#include "fuzz.h"
#include "../../protocols/reader.h"

static void
step(struct reader *rd, uint8_t op, int depth)
{
	uint8_t tmp[16];
	struct reader sub;

	switch (op % 7) {
	case 0:	(void)rd_u8(rd); break;
	case 1:	(void)rd_be16(rd); break;
	case 2:	(void)rd_be32(rd); break;
	case 3:	(void)rd_bytes(rd, tmp, op % sizeof tmp); break;
	case 4:	(void)rd_skip(rd, op); break;
	case 5:
		sub = rd_sub(rd, op % 32);
		if (depth < 4)
			step(&sub, (uint8_t)(op / 7), depth + 1);
		if (sub.pos > sub.end)
			abort();
		break;
	default:
		(void)rd_left(rd);
	}
	if (rd->pos > rd->end)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t nops = size > 0 ? data[0] % 16 : 0, i;
	struct reader rd;

	if (size < 1 + nops)
		return 0;
	rd_init(&rd, data + 1 + nops, size - 1 - nops);
	for (i = 0; i < nops; i++)
		step(&rd, data[1 + i], 0);
	return 0;
}
