/*
 * pop3_reply.h: POP3 server responses (RFC 1939, RFC 2449 extended
 * response codes): the status line "+OK text" / "-ERR [CODE] text", the
 * SASL continuation "+ base64" (its challenge decoded: "+ VXNlcm5hbWU6"
 * asks "Username:"), and the lines of a multi-line response
 * (LIST, UIDL, RETR, TOP, CAPA) ended by "." with byte-stuffing ("..")
 * undone. Lines are given without CRLF; longer than POP3_LINE_MAX bytes
 * (RFC 1939 allows 512 with CRLF for status lines) is refused.
 * Pure: no I/O, no allocation; every byte is read through reader.h.
 */
#ifndef PROTOCOLS_POP3_REPLY_H
#define PROTOCOLS_POP3_REPLY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define POP3_LINE_MAX	1024
#define POP3_CODE_MAX	32
#define POP3_CHALLENGE_MAX	(POP3_LINE_MAX / 4 * 3)	/* decoded */

enum pop3_status {
	POP3_BAD,	/* not a status line */
	POP3_OK,	/* +OK */
	POP3_ERR,	/* -ERR */
	POP3_CONT,	/* "+ " SASL continuation (RFC 5034) */
};

struct pop3_reply {
	enum pop3_status status;
	char	 code[POP3_CODE_MAX];	/* RFC 2449 "[IN-USE]" without brackets */
	char	 text[POP3_LINE_MAX + 1];	/* control bytes as '.' */
	/* POP3_CONT: the base64 challenge decoded when it is printable text
	 * ("Username:"), else "" (empty, binary or not base64). */
	char	 challenge[POP3_CHALLENGE_MAX + 1];
};

/* Parses a status line; r->status is POP3_BAD (text says why) if it is not
 * one. Returns r->status. */
enum pop3_status pop3_reply_parse(struct pop3_reply *r, const uint8_t *line,
		     size_t len);

enum pop3_ml {
	POP3_ML_DATA,	/* a line of the response, unstuffed into out */
	POP3_ML_END,	/* the terminating "." */
	POP3_ML_BAD,	/* longer than POP3_LINE_MAX */
};

/* One line of a multi-line response: its data with a leading '.' removed
 * when stuffed (bytes kept as they are, NUL-terminated, out must hold
 * POP3_LINE_MAX + 1), and its length in *outlen. */
enum pop3_ml	 pop3_ml_line(const uint8_t *line, size_t len, char *out,
		     size_t *outlen);

/* What an RFC 2449/3206 response code means; never NULL. */
const char	*pop3_code_meaning(const char *code);
/* What a CAPA capability means (RFC 2449, 2595, 5034); never NULL. */
const char	*pop3_capa_meaning(const char *capability);

#endif
