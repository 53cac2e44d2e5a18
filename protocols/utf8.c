/* utf8.c: validation per RFC 3629 (no overlongs, no surrogates, <= U+10FFFF). */
#include <string.h>

#include "utf8.h"

static int
is_cont(unsigned char c)
{
	return (c & 0xc0) == 0x80;
}

size_t
utf8_seq_len(const unsigned char *s, size_t left)
{
	unsigned char c = s[0];
	size_t n, i;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		n = 2;
	else if (c >= 0xe0 && c <= 0xef)
		n = 3;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 4;
	else
		return 0;
	if (left < n)
		return 0;
	for (i = 1; i < n; i++)
		if (!is_cont(s[i]))
			return 0;
	if ((c == 0xe0 && s[1] < 0xa0) || (c == 0xed && s[1] > 0x9f) ||
	    (c == 0xf0 && s[1] < 0x90) || (c == 0xf4 && s[1] > 0x8f))
		return 0;
	return n;
}

size_t
utf8_copy_clean(char *dst, size_t dstlen, const char *src)
{
	const unsigned char *s = (const unsigned char *)src;
	size_t left = strlen(src), out = 0, in = 0, n;

	if (dstlen == 0)
		return 0;
	while (in < left) {
		n = utf8_seq_len(s + in, left - in);
		if (n == 0) {
			if (out + 1 >= dstlen)
				break;
			dst[out++] = '?';
			in++;
			continue;
		}
		if (out + n >= dstlen)
			break;
		memcpy(dst + out, s + in, n);
		out += n;
		in += n;
	}
	dst[out] = '\0';
	return in;
}
