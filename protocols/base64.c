/* base64.c: base64 decoding (see base64.h). */
#include <sodium.h>

#include "base64.h"

long
base64_decode(const uint8_t *in, size_t len, uint8_t *out, size_t outlen)
{
	size_t n;

	/* libsodium's decoder is pure and bounded by outlen; with no end
	 * pointer it refuses trailing garbage. */
	if (sodium_base642bin(out, outlen, (const char *)in, len, NULL, &n,
	    NULL, sodium_base64_VARIANT_ORIGINAL) != 0)
		return -1;
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
