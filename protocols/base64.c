/* base64.c: base64 decoding (see base64.h). */
#include "base64.h"
#include "reader.h"

/* The 6-bit value of a base64 letter, or -1. */
static int
sextet(uint8_t c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

/* One quantum of four letters into up to three bytes at out: how many
 * bytes it holds (1-3), or -1. Padding ("xx==", "xxx=") only when last. */
static int
quantum(struct reader *rd, uint8_t out[3])
{
	int v[4], i, pad = 0;

	for (i = 0; i < 4; i++) {
		uint8_t c = rd_u8(rd);

		if (c == '=' && i >= 2) {
			pad++;
			v[i] = 0;
		} else if (pad > 0 || (v[i] = sextet(c)) < 0) {
			return -1;
		}
	}
	if (pad > 0 && rd_left(rd) > 0)
		return -1;
	out[0] = (uint8_t)(v[0] << 2 | v[1] >> 4);
	out[1] = (uint8_t)((v[1] & 0xf) << 4 | v[2] >> 2);
	out[2] = (uint8_t)((v[2] & 0x3) << 6 | v[3]);
	return 3 - pad;
}

long
base64_decode(const uint8_t *in, size_t len, uint8_t *out, size_t outlen)
{
	struct reader rd;
	uint8_t three[3];
	size_t n = 0;
	int got, i;

	if (len % 4 != 0)
		return -1;
	rd_init(&rd, in, len);
	while (rd_left(&rd) > 0) {
		if ((got = quantum(&rd, three)) < 0 || n + (size_t)got > outlen)
			return -1;
		for (i = 0; i < got; i++)
			out[n++] = three[i];
	}
	return (long)n;
}

bool
base64_text(const uint8_t *in, size_t len, char *out, size_t outlen)
{
	long n, i;

	if (outlen == 0)
		return false;
	n = base64_decode(in, len, (uint8_t *)out, outlen - 1);
	for (i = 0; i < n; i++)
		if (out[i] < 0x20 || out[i] > 0x7e)
			break;
	if (n <= 0 || i < n) {	/* a failed decode may have written some */
		out[0] = '\0';
		return false;
	}
	out[n] = '\0';
	return true;
}
