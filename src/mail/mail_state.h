/*
 * mail_state.h: where an SMTP or POP3 session is, from the commands sent
 * and the replies received (RFC 5321 section 4.1.4 order; RFC 1939
 * AUTHORIZATION / TRANSACTION / UPDATE), and which commands are legal next.
 */
#ifndef MAIL_MAIL_STATE_H
#define MAIL_MAIL_STATE_H

#include <stdbool.h>

enum smtp_state {
	SMTP_CONNECTING, SMTP_GREETED, SMTP_HELLO, SMTP_MAIL, SMTP_RCPT,
	SMTP_DATA, SMTP_SENT, SMTP_QUIT,
};

enum pop3_state { POP3_CONNECTING, POP3_AUTHORIZATION, POP3_TRANSACTION,
	POP3_UPDATE };

/* The verb of a command line, upper-cased ("MAIL" of "mail from:<a>"). */
void		 mail_verb(const char *line, char *out, size_t outlen);
enum smtp_state	 smtp_next_state(enum smtp_state, const char *verb, int code);
const char	*smtp_state_name(enum smtp_state);
const char	*smtp_legal_next(enum smtp_state);
enum pop3_state	 pop3_next_state(enum pop3_state, const char *verb, bool ok);
const char	*pop3_state_name(enum pop3_state);
/* Whether verb (with or without an argument) answers +OK with a
 * multi-line response. */
bool		 pop3_multiline(const char *verb, bool has_arg);

#endif
