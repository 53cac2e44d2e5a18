/* textline.c: lines and tokens of small text files (see textline.h). */
#include "textline.h"

static int
peek(const struct reader *rd)
{
	struct reader p = *rd;

	return rd_left(&p) > 0 ? rd_u8(&p) : -1;
}

bool
tl_next_line(struct reader *rd, struct reader *line)
{
	struct reader scan = *rd;
	size_t n = 0;

	if (rd->truncated || rd_left(rd) == 0)
		return false;
	while (rd_left(&scan) > 0 && rd_u8(&scan) != '\n')
		n++;
	*line = rd_sub(rd, n);
	if (rd_left(rd) > 0)
		rd_skip(rd, 1);		/* the '\n' */
	return true;
}

void
tl_skip_blank(struct reader *rd)
{
	int c;

	while ((c = peek(rd)) == ' ' || c == '\t' || c == '\r')
		rd_skip(rd, 1);
}

static bool
is_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\0' || c == -1;
}

size_t
tl_token(struct reader *rd, char *out, size_t len)
{
	size_t n = 0;
	int c;

	tl_skip_blank(rd);
	while (!is_blank(c = peek(rd))) {
		rd_skip(rd, 1);
		if (n + 1 < len)
			out[n] = (char)c;
		n++;
	}
	if (len > 0)
		out[n < len ? n : len - 1] = '\0';
	return n;
}

static int
digit(int c, unsigned base)
{
	int v = c >= '0' && c <= '9' ? c - '0' :
	    c >= 'a' && c <= 'f' ? c - 'a' + 10 :
	    c >= 'A' && c <= 'F' ? c - 'A' + 10 : 99;

	return v < (int)base ? v : -1;
}

static bool
number(struct reader *rd, unsigned base, uint64_t *out)
{
	char tok[24];
	size_t n = tl_token(rd, tok, sizeof tok), i;
	uint64_t v = 0;
	int d;

	*out = 0;
	if (n == 0 || n >= sizeof tok || (base == 16 && n > 16))
		return false;
	for (i = 0; i < n; i++) {
		if ((d = digit((unsigned char)tok[i], base)) < 0)
			return false;
		if (base == 10 && v > (UINT64_MAX - (uint64_t)d) / 10)
			return false;
		v = v * base + (uint64_t)d;
	}
	*out = v;
	return true;
}

bool
tl_hex(struct reader *rd, uint64_t *out)
{
	return number(rd, 16, out);
}

bool
tl_dec(struct reader *rd, uint64_t *out)
{
	return number(rd, 10, out);
}

void
tl_skip_tokens(struct reader *rd, unsigned n)
{
	char tok[2];

	while (n-- > 0)
		tl_token(rd, tok, sizeof tok);
}
