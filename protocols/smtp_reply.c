/* smtp_reply.c: SMTP replies, line by line (see smtp_reply.h). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "reader.h"
#include "smtp_reply.h"

void
smtp_reply_init(struct smtp_reply *r)
{
	memset(r, 0, sizeof *r);
}

static enum smtp_feed
bad(struct smtp_reply *r, const char *why)
{
	snprintf(r->error, sizeof r->error, "%s", why);
	return SMTP_REPLY_BAD;
}

/* Three digits: the first 1-5, the second 0-5, the third 0-9 (RFC 5321
 * 4.2: Reply-code = %x32-35 %x30-35 %x30-39; 1yz is kept for old servers). */
static int
read_code(struct reader *rd)
{
	int d1 = rd_u8(rd), d2 = rd_u8(rd), d3 = rd_u8(rd);

	if (rd->truncated || d1 < '1' || d1 > '5' || d2 < '0' || d2 > '5' ||
	    !isdigit(d3))
		return 0;
	return (d1 - '0') * 100 + (d2 - '0') * 10 + (d3 - '0');
}

static bool
digits_at(const char *s, size_t *i, size_t max)
{
	size_t n = 0;

	while (n < max && isdigit((unsigned char)s[*i + n]))
		n++;
	*i += n;
	return n > 0 && !isdigit((unsigned char)s[*i]);
}

bool
smtp_enhanced_at(const char *s, size_t *len)
{
	size_t i = 1;

	if (s[0] != '2' && s[0] != '4' && s[0] != '5')
		return false;
	if (s[i++] != '.' || !digits_at(s, &i, 3) || s[i++] != '.' ||
	    !digits_at(s, &i, 3))
		return false;
	if (s[i] != ' ' && s[i] != '\0')
		return false;
	*len = i;
	return true;
}

/* Appends text (and a '\n' before it unless it is the first line). */
static void
append_text(struct smtp_reply *r, const char *text)
{
	size_t have = strlen(r->text), need = strlen(text) + (r->lines > 0);

	if (have + need + 1 > sizeof r->text) {
		r->cut = true;
		return;
	}
	snprintf(r->text + have, sizeof r->text - have, "%s%s",
	    r->lines > 0 ? "\n" : "", text);
}

/* The rest of the line, control bytes as '.', into out (SMTP_LINE_MAX + 1). */
static void
read_text(struct reader *rd, char *out)
{
	size_t n = 0;

	while (rd_left(rd) > 0) {
		int c = rd_u8(rd);

		out[n++] = (c < 0x20 || c == 0x7f) ? '.' : (char)c;
	}
	out[n] = '\0';
}

enum smtp_feed
smtp_reply_feed(struct smtp_reply *r, const uint8_t *line, size_t len)
{
	struct reader rd;
	char text[SMTP_LINE_MAX + 1];
	size_t elen;
	int code, sep;

	if (len > SMTP_LINE_MAX)
		return bad(r, "reply line longer than 1024 bytes");
	if (r->lines >= SMTP_REPLY_LINES)
		return bad(r, "reply of more than 64 lines");
	rd_init(&rd, line, len);
	if ((code = read_code(&rd)) == 0)
		return bad(r, "a reply line starts with a three-digit code");
	if (r->code != 0 && code != r->code)
		return bad(r, "the lines of one reply carry different codes");
	r->code = code;
	sep = rd_left(&rd) > 0 ? rd_u8(&rd) : ' ';
	if (sep != ' ' && sep != '-')
		return bad(r, "the code is followed by a space or '-'");
	read_text(&rd, text);
	if (smtp_enhanced_at(text, &elen)) {
		if (r->enhanced[0] == '\0')
			snprintf(r->enhanced, sizeof r->enhanced, "%.*s",
			    (int)elen, text);
		memmove(text, text + elen + (text[elen] == ' '),
		    strlen(text + elen + (text[elen] == ' ')) + 1);
	}
	append_text(r, text);
	r->lines++;
	return sep == '-' ? SMTP_REPLY_MORE : SMTP_REPLY_DONE;
}

bool
smtp_reply_line(const struct smtp_reply *r, unsigned i, char *out,
    size_t outlen)
{
	const char *p = r->text, *end;

	if (outlen == 0)
		return false;
	while (i > 0 && p != NULL) {
		p = strchr(p, '\n');
		if (p != NULL)
			p++;
		i--;
	}
	if (p == NULL || (r->lines == 0))
		return false;
	end = strchr(p, '\n');
	snprintf(out, outlen, "%.*s",
	    (int)(end != NULL ? (size_t)(end - p) : strlen(p)), p);
	return true;
}

bool
smtp_ehlo_keyword(const struct smtp_reply *r, unsigned i, char *out,
    size_t outlen)
{
	size_t n;

	if (!smtp_reply_line(r, i, out, outlen))
		return false;
	for (n = 0; out[n] != '\0' && out[n] != ' ' && out[n] != '='; n++)
		out[n] = (char)toupper((unsigned char)out[n]);
	out[n] = '\0';
	return true;
}

bool
smtp_ehlo_has(const struct smtp_reply *r, const char *keyword, char *params,
    size_t plen)
{
	char line[SMTP_LINE_MAX + 1];
	unsigned i;
	size_t klen = strlen(keyword);

	/* Line 0 is the greeting ("mail.example.org Hello ..."). */
	for (i = 1; i < r->lines; i++) {
		if (!smtp_reply_line(r, i, line, sizeof line))
			break;
		if (strncasecmp(line, keyword, klen) != 0 ||
		    (line[klen] != '\0' && line[klen] != ' ' && line[klen] != '='))
			continue;
		if (params != NULL && plen > 0)
			snprintf(params, plen, "%s",
			    line[klen] != '\0' ? line + klen + 1 : "");
		return true;
	}
	return false;
}
