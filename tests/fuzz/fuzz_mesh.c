/*
 * fuzz_mesh.c: any datagram is parsed or refused, never read out of
 * bounds; and whatever parses builds back to the very same bytes
 * (parse -> build -> compare), so parser and builder agree.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "../../protocols/mesh.h"

static void
rebuild_and_compare(const uint8_t *data, size_t size,
    const struct mesh_header *h, const struct mesh_body *b)
{
	uint8_t body[MESH_MAX_DATAGRAM], again[MESH_MAX_DATAGRAM];
	size_t blen, n;

	if (!mesh_build_body(h->type, b, body, sizeof body, &blen))
		abort();
	n = mesh_build(h, body, blen, again, sizeof again);
	/* The reserved byte is not kept; everything else must match. */
	if (n != size || memcmp(again, data, 5) != 0 ||
	    memcmp(again + 6, data + 6, size - 6) != 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mesh_header h;
	struct mesh_body b;
	const uint8_t *payload;
	size_t plen;

	if (mesh_parse_header(data, size, &h, &payload, &plen) != MESH_OK)
		return 0;
	if (h.flags & MESH_FLAG_SEALED)
		return 0;	/* opaque until the engine opens it */
	if (mesh_parse_body(h.type, payload, plen, &b) != MESH_OK)
		return 0;
	rebuild_and_compare(data, size, &h, &b);
	return 0;
}
