/* fuzz_storage_chunk.c: the storage header comes back from whoever
 * answers an echo: parse anything, and a chunk that parses must build
 * back into the same bytes. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "../../protocols/storage_chunk.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t again[STORAGE_CHUNK_HDR + STORAGE_CHUNK_MAX];
	struct storage_chunk c;
	size_t n;

	if (storage_chunk_parse(data, size, &c) != STORAGE_CHUNK_OK)
		return 0;
	n = storage_chunk_build(again, sizeof again, &c, c.payload);
	if (n != STORAGE_CHUNK_HDR + c.len || memcmp(again, data, n) != 0)
		abort();	/* parse and build disagree */
	return 0;
}
