/* nlattr.c: netlink attributes walked through the reader (see nlattr.h). */
#include <string.h>

#include "nlattr.h"

#define NLA_HDR		4
#define NLA_TYPEMASK	0x3fff		/* without NESTED and BYTEORDER */

bool
nla_next(struct reader *rd, uint16_t *type, struct reader *payload)
{
	uint16_t len;
	size_t pad;

	if (rd->truncated || rd_left(rd) < NLA_HDR)
		return false;
	len = rd_ne16(rd);
	*type = rd_ne16(rd) & NLA_TYPEMASK;
	if (len < NLA_HDR)
		return false;
	*payload = rd_sub(rd, len - NLA_HDR);
	if (payload->truncated)
		return false;
	pad = (4 - (len & 3)) & 3;
	if (pad > rd_left(rd))
		pad = rd_left(rd);
	rd_skip(rd, pad);
	return true;
}

void
nla_string(struct reader *payload, char *out, size_t len)
{
	size_t n = 0;
	uint8_t c;

	if (len == 0)
		return;
	while (rd_left(payload) > 0 && n + 1 < len) {
		if ((c = rd_u8(payload)) == '\0')
			break;
		out[n++] = (char)c;
	}
	out[n] = '\0';
}

size_t
nla_copy(struct reader *payload, uint8_t *out, size_t len)
{
	size_t n = rd_left(payload);

	if (n > len)
		n = len;
	rd_bytes(payload, out, n);
	return n;
}
