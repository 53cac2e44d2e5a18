/* strbuf.c: a growing string; allocation failure is fatal (see error.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "strbuf.h"

void
sb_init(struct strbuf *sb)
{
	sb->buf = NULL;
	sb->len = 0;
	sb->cap = 0;
}

void
sb_free(struct strbuf *sb)
{
	free(sb->buf);
	sb_init(sb);
}

void
sb_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->buf != NULL)
		sb->buf[0] = '\0';
}

static void
reserve(struct strbuf *sb, size_t more)
{
	size_t want = sb->len + more + 1;

	if (want <= sb->cap)
		return;
	while (sb->cap < want)
		sb->cap = sb->cap == 0 ? 128 : sb->cap * 2;
	sb->buf = xreallocarray(sb->buf, sb->cap, 1);
}

void
sb_addn(struct strbuf *sb, const char *s, size_t n)
{
	reserve(sb, n);
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void
sb_add(struct strbuf *sb, const char *s)
{
	sb_addn(sb, s, strlen(s));
}

void
sb_addc(struct strbuf *sb, char c)
{
	sb_addn(sb, &c, 1);
}

/* One vsnprintf when the text fits the room left (it mostly does). */
void
sb_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	size_t room;
	int n;

	reserve(sb, 63);
	room = sb->cap - sb->len;
	va_start(ap, fmt);
	n = vsnprintf(sb->buf + sb->len, room, fmt, ap);
	va_end(ap);
	if (n < 0) {
		sb->buf[sb->len] = '\0';
		return;
	}
	if ((size_t)n >= room) {
		reserve(sb, (size_t)n);
		va_start(ap, fmt);
		vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	sb->len += (size_t)n;
}

/* The escape of a byte that may not stand as itself in a JSON string. */
static const char *
json_escape(unsigned char c, char *buf, size_t len)
{
	switch (c) {
	case '"':	return "\\\"";
	case '\\':	return "\\\\";
	case '\n':	return "\\n";
	case '\r':	return "\\r";
	case '\t':	return "\\t";
	}
	snprintf(buf, len, "\\u%04x", c);
	return buf;
}

/*
 * Bytes >= 0x80 pass through: event strings are UTF-8 by contract, and the
 * event log replaces invalid sequences before they get here. Runs of bytes
 * that need no escape are copied in one go (a --json dump of 40k sockets
 * spent a twentieth of its time here, byte by byte).
 */
void
sb_add_json_string(struct strbuf *sb, const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *run;
	const char *esc;
	char buf[8];

	sb_addc(sb, '"');
	for (;;) {
		for (run = p; *p >= 0x20 && *p != '"' && *p != '\\' &&
		    *p != 0x7f; p++)
			;
		if (p > run)
			sb_addn(sb, (const char *)run, (size_t)(p - run));
		if (*p == '\0')
			break;
		esc = json_escape(*p++, buf, sizeof buf);
		sb_add(sb, esc);
	}
	sb_addc(sb, '"');
}
