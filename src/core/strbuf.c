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

void
sb_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	reserve(sb, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

/*
 * Bytes >= 0x80 pass through: event strings are UTF-8 by contract, and the
 * event log replaces invalid sequences before they get here.
 */
void
sb_add_json_string(struct strbuf *sb, const char *s)
{
	const unsigned char *p;

	sb_addc(sb, '"');
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"':	sb_add(sb, "\\\""); break;
		case '\\':	sb_add(sb, "\\\\"); break;
		case '\n':	sb_add(sb, "\\n"); break;
		case '\r':	sb_add(sb, "\\r"); break;
		case '\t':	sb_add(sb, "\\t"); break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				sb_printf(sb, "\\u%04x", *p);
			else
				sb_addc(sb, (char)*p);
		}
	}
	sb_addc(sb, '"');
}
