/*
 * mail.h: the Mail console's engine. One SMTP or POP3 session over a
 * non-blocking TCP connection on the loop, lines framed with a bounded
 * buffer, replies parsed by protocols/smtp_reply and pop3_reply, and the
 * session's state followed so every reply is reported with what it means
 * and where the session now is. Events (engine "mail"):
 *   sent    line, [stuffed], [helper] a line we sent (DATA lines dot-stuffed;
 *                                    helper: made by an AUTH helper, the
 *                                    password masked in line)
 *   reply   code, enhanced, text, meaning, state, next   (SMTP)
 *           status, code, text, meaning, state           (POP3)
 *           [challenge]: a 334 or "+" challenge's base64 as text,
 *           "Username:" (protocols/base64)
 *   data    line                     a line of a POP3 multi-line response
 *   warning text                     a teaching warning (plaintext password,
 *                                    unchecked or foreign MAIL FROM, no
 *                                    From:/Date: header: mail_teach.h)
 *   error   text                     a broken reply, an overlong line, a timeout
 *   closed  by, state                the session ended
 *   tls     version, cipher, verify, subject, issuer, sans, not_before,
 *           not_after, name                         after a handshake
 * STARTTLS (SMTP 220) and STLS (POP3 +OK) upgrade the connection; with
 * implicit_tls the handshake comes first (465, 995). The certificate is
 * checked against cafile/capath (default: the system's store) and for
 * servername, or the host. One that is not trusted ends the session
 * (MAIL_UNTRUSTED_REFUSE), goes on with a warning (MAIL_UNTRUSTED_GO_ON,
 * --insecure), or holds it until mail_trust() says (MAIL_UNTRUSTED_ASK).
 * "AUTH PLAIN|LOGIN USER PASS" is done for the user (mail_auth.h); AUTH
 * with credentials is refused outside TLS unless allowed.
 */
#ifndef MAIL_MAIL_H
#define MAIL_MAIL_H

#include <stdbool.h>
#include <stddef.h>

struct loop;
struct evlog;

enum mail_proto { MAIL_SMTP, MAIL_POP3 };

/* What to do with a certificate that is not trusted. */
enum mail_untrusted {
	MAIL_UNTRUSTED_REFUSE,	/* end the session (an error event) */
	MAIL_UNTRUSTED_GO_ON,	/* go on, with a warning event */
	MAIL_UNTRUSTED_ASK,	/* hold: callbacks.untrusted, then mail_trust */
};

struct mail_config {
	const char	*host;
	unsigned	 port;
	enum mail_proto	 proto;
	double		 reply_timeout;		/* seconds; 0: 15 */
	bool		 implicit_tls;
	enum mail_untrusted untrusted;
	/* The CAs to trust (NULL, NULL: the system's store), and the name
	 * the certificate must carry, sent as SNI (NULL: host). */
	const char	*cafile, *capath;
	const char	*servername;
	bool		 allow_plaintext_auth;	/* AUTH with a password without TLS */
};

struct mail;

/* ready(arg): a reply (or the greeting) is complete and the next command
 * may be sent; closed(arg): the session is over; untrusted(arg): with
 * MAIL_UNTRUSTED_ASK, the certificate is not trusted and the session
 * waits for mail_trust() (nothing is read meanwhile). */
struct mail_callbacks {
	void	(*ready)(void *arg);
	void	(*closed)(void *arg);
	void	*arg;
	void	(*untrusted)(void *arg);
};

struct mail	*mail_new(struct loop *, struct evlog *, const struct mail_config *,
		     const struct mail_callbacks *, char *err, size_t errlen);
int		 mail_connect(struct mail *, char *err, size_t errlen);
/* Sends one line. While the SMTP session is in DATA, lines go straight on
 * (dot-stuffed) until a lone "."; returns true if a reply is awaited. */
bool		 mail_send(struct mail *, const char *line);
/* Whether a line sent now is message text (SMTP DATA after 354). */
bool		 mail_in_data(const struct mail *);
/* AUTH with credentials outside TLS is refused unless allowed. */
void		 mail_allow_plaintext_auth(struct mail *, bool);
bool		 mail_plaintext_auth_allowed(const struct mail *);
/* The answer to untrusted(): go on inside TLS (warned), or close. */
void		 mail_trust(struct mail *, bool go_on);
const char	*mail_state(const struct mail *);
void		 mail_close(struct mail *);
void		 mail_free(struct mail *);

#endif
