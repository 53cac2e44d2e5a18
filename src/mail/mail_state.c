/* mail_state.c: SMTP and POP3 session states (see mail_state.h). */
#include <ctype.h>
#include <stddef.h>
#include <string.h>

#include "mail_state.h"

void
mail_verb(const char *line, char *out, size_t outlen)
{
	size_t n = 0;

	while (line[n] != '\0' && line[n] != ' ' && line[n] != ':' &&
	    n + 1 < outlen) {
		out[n] = (char)toupper((unsigned char)line[n]);
		n++;
	}
	out[n] = '\0';
}

static bool
is(const char *verb, const char *want)
{
	return strcmp(verb, want) == 0;
}

/* A failed command leaves the state as it was, except a failed greeting
 * or 421, after which the server is leaving. */
enum smtp_state
smtp_next_state(enum smtp_state s, const char *verb, int code)
{
	if (code == 421 || code == 221)
		return SMTP_QUIT;
	if (s == SMTP_CONNECTING)
		return code == 220 ? SMTP_GREETED : SMTP_QUIT;
	if (s == SMTP_DATA)	/* the reply to the end of the message */
		return code / 100 == 2 ? SMTP_SENT : SMTP_HELLO;
	if (code / 100 != 2 && code != 354)
		return s;
	if (is(verb, "EHLO") || is(verb, "HELO") || is(verb, "RSET"))
		return s == SMTP_GREETED && is(verb, "RSET") ? s : SMTP_HELLO;
	if (is(verb, "STARTTLS"))
		return SMTP_GREETED;	/* RFC 3207: EHLO again after TLS */
	if (is(verb, "MAIL"))
		return SMTP_MAIL;
	if (is(verb, "RCPT"))
		return SMTP_RCPT;
	if (is(verb, "DATA") && code == 354)
		return SMTP_DATA;
	return s;
}

const char *
smtp_state_name(enum smtp_state s)
{
	static const char *names[] = { "connecting", "greeting", "ehlo",
	    "mail", "rcpt", "data", "sent", "quit" };

	return names[s];
}

const char *
smtp_legal_next(enum smtp_state s)
{
	switch (s) {
	case SMTP_CONNECTING:	return "(wait for the greeting)";
	case SMTP_GREETED:	return "EHLO HELO QUIT";
	case SMTP_HELLO:
	case SMTP_SENT:		return "MAIL AUTH STARTTLS RSET NOOP QUIT";
	case SMTP_MAIL:		return "RCPT RSET NOOP QUIT";
	case SMTP_RCPT:		return "RCPT DATA RSET NOOP QUIT";
	case SMTP_DATA:		return "message lines, then .";
	case SMTP_QUIT:		return "(none: the session is over)";
	}
	return "";
}

enum pop3_state
pop3_next_state(enum pop3_state s, const char *verb, bool ok)
{
	if (s == POP3_CONNECTING)
		return ok ? POP3_AUTHORIZATION : POP3_UPDATE;
	if (is(verb, "QUIT"))
		return POP3_UPDATE;
	if (s == POP3_AUTHORIZATION && ok &&
	    (is(verb, "PASS") || is(verb, "APOP") || is(verb, "AUTH")))
		return POP3_TRANSACTION;
	return s;
}

const char *
pop3_state_name(enum pop3_state s)
{
	static const char *names[] = { "connecting", "authorization",
	    "transaction", "update" };

	return names[s];
}

bool
pop3_multiline(const char *verb, bool has_arg)
{
	if (is(verb, "RETR") || is(verb, "TOP") || is(verb, "CAPA"))
		return true;
	return (is(verb, "LIST") || is(verb, "UIDL")) && !has_arg;
}
