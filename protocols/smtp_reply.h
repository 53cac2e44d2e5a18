/*
 * smtp_reply.h: SMTP server replies (RFC 5321 section 4.2), one line at a
 * time, multi-line replies ("250-...", "250 ...") joined into one reply
 * with its code, its RFC 3463 enhanced status code and its text.
 *
 * Lines are given without their CRLF. A line longer than SMTP_LINE_MAX
 * bytes is refused (RFC 5321 allows 512 with the CRLF; we accept twice that
 * before calling the server broken), and so is a reply of more than
 * SMTP_REPLY_LINES lines. Control bytes in the text become '.'.
 * Pure: no I/O, no allocation; every byte is read through reader.h.
 */
#ifndef PROTOCOLS_SMTP_REPLY_H
#define PROTOCOLS_SMTP_REPLY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SMTP_LINE_MAX		1024	/* bytes of one reply line, no CRLF */
#define SMTP_REPLY_LINES	64	/* lines of one multi-line reply */
#define SMTP_TEXT_MAX		4096	/* joined text kept, NUL included */
#define SMTP_ENHANCED_MAX	12	/* "5.123.123" and the NUL */
#define SMTP_ERROR_MAX		80

struct smtp_reply {
	int	 code;			/* 100..599, 0 before the first line */
	char	 enhanced[SMTP_ENHANCED_MAX];	/* "" when the server sent none */
	char	 text[SMTP_TEXT_MAX];	/* the lines' texts joined by '\n' */
	unsigned lines;
	bool	 cut;			/* text did not fit in SMTP_TEXT_MAX */
	char	 error[SMTP_ERROR_MAX];	/* why SMTP_REPLY_BAD */
};

enum smtp_feed {
	SMTP_REPLY_MORE,	/* a "NNN-" line: the reply goes on */
	SMTP_REPLY_DONE,	/* the last line: the reply is complete */
	SMTP_REPLY_BAD,		/* not a reply line: see error */
};

void		 smtp_reply_init(struct smtp_reply *);
/* Adds one line (without CRLF) to the reply being read. After DONE or BAD
 * call smtp_reply_init before the next reply. */
enum smtp_feed	 smtp_reply_feed(struct smtp_reply *, const uint8_t *line,
		     size_t len);
/* Whether s starts with an enhanced status code "c.sss.ddd" (class 2, 4 or
 * 5) followed by a space or the end; its length in *len. */
bool		 smtp_enhanced_at(const char *s, size_t *len);

/* The first word of each line after the first of a 250 reply to EHLO is a
 * capability ("STARTTLS", "AUTH PLAIN LOGIN", "SIZE 35882577"). The i-th
 * line of text (0-based) into out, up to its first blank, upper-cased;
 * false if there is no such line. */
bool		 smtp_reply_line(const struct smtp_reply *, unsigned i,
		     char *out, size_t outlen);
bool		 smtp_ehlo_keyword(const struct smtp_reply *, unsigned i,
		     char *out, size_t outlen);
/* Whether the EHLO reply announces keyword (case-insensitive), and if so
 * its parameters ("PLAIN LOGIN" for AUTH) into params when non-NULL. */
bool		 smtp_ehlo_has(const struct smtp_reply *, const char *keyword,
		     char *params, size_t plen);

/* The tables of meanings (protocols/smtp_meanings.c): never NULL. */
const char	*smtp_code_meaning(int code);
const char	*smtp_enhanced_meaning(const char *enhanced);
const char	*smtp_ehlo_meaning(const char *keyword);

#endif
