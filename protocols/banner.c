/* banner.c: banners and service guesses (see banner.h). */
#include <string.h>

#include "banner.h"
#include "hex.h"

void
banner_clean(const uint8_t *raw, size_t len, char *out)
{
	size_t i, n = 0;

	for (i = 0; i < len && n < BANNER_MAX - 1; i++) {
		if (raw[i] == '\r' || raw[i] == '\n') {
			if (n > 0)
				break;
			continue;
		}
		out[n++] = raw[i] >= 0x20 && raw[i] < 0x7f ? (char)raw[i] : '.';
	}
	out[n] = '\0';
}

/* The next whitespace-separated word of the line [*p, end): its start and
 * length; the last field takes the rest of the line. */
static size_t
next_word(const char **p, const char *end, const char **word, bool rest)
{
	const char *s = *p, *e;

	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	e = s;
	while (e < end && (rest || (*e != ' ' && *e != '\t')))
		e++;
	while (rest && e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		e--;
	*word = s;
	*p = e;
	return (size_t)(e - s);
}

static bool
match_bytes(const char *hex, size_t hlen, const uint8_t *raw, size_t len)
{
	size_t i;
	int hi, lo;

	if (hlen == 0 || hlen % 2 != 0 || hlen / 2 > len)
		return false;
	for (i = 0; i < hlen / 2; i++) {
		hi = hex_nibble(hex[2 * i]);
		lo = hex_nibble(hex[2 * i + 1]);
		if (hi < 0 || lo < 0 || raw[i] != (uint8_t)(hi << 4 | lo))
			return false;
	}
	return true;
}

/* TEXT within the first line of raw. */
static bool
match_contains(const char *text, size_t tlen, const uint8_t *raw, size_t len)
{
	const uint8_t *nl = memchr(raw, '\n', len);
	size_t line = nl != NULL ? (size_t)(nl - raw) : len, i;

	if (tlen == 0 || tlen > line)
		return false;
	for (i = 0; i + tlen <= line; i++)
		if (memcmp(raw + i, text, tlen) == 0)
			return true;
	return false;
}

static bool
match_line(const char *line, const char *end, const uint8_t *raw, size_t len,
    char *out)
{
	const char *p = line, *svc, *kind, *text;
	size_t slen, klen, tlen;

	slen = next_word(&p, end, &svc, false);
	klen = next_word(&p, end, &kind, false);
	tlen = next_word(&p, end, &text, true);
	if (slen == 0 || slen >= SERVICE_MAX || *svc == '#' || tlen == 0)
		return false;
	if ((klen == 6 && memcmp(kind, "prefix", 6) == 0 &&
	    tlen <= len && memcmp(raw, text, tlen) == 0) ||
	    (klen == 8 && memcmp(kind, "contains", 8) == 0 &&
	    match_contains(text, tlen, raw, len)) ||
	    (klen == 5 && memcmp(kind, "bytes", 5) == 0 &&
	    match_bytes(text, tlen, raw, len))) {
		memcpy(out, svc, slen);
		out[slen] = '\0';
		return true;
	}
	return false;
}

bool
banner_guess(const char *table, size_t tlen, const uint8_t *raw, size_t len,
    char *out)
{
	const char *line = table, *end = table + tlen, *nl;

	while (line < end) {
		nl = memchr(line, '\n', (size_t)(end - line));
		if (nl == NULL)
			nl = end;
		if (match_line(line, nl, raw, len, out))
			return true;
		line = nl + 1;
	}
	return false;
}
