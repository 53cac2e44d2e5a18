/*
 * mail_auth.h: the AUTH helpers. "AUTH PLAIN user pass" and "AUTH LOGIN
 * user pass" typed in the console become the SASL exchange the server
 * expects (RFC 4616 PLAIN: one base64 line of "\0user\0pass"; LOGIN: the
 * user name and the password, each base64, after the server's 334 / "+"
 * challenges), with the password masked in what is shown. The secrets are
 * wiped once the exchange is over.
 */
#ifndef MAIL_MAIL_AUTH_H
#define MAIL_MAIL_AUTH_H

#include <stdbool.h>
#include <stddef.h>

#define MAIL_AUTH_FIELD_MAX	256
#define MAIL_AUTH_WIRE_MAX	1024	/* base64 of \0user\0pass and more */

enum mail_auth_mech { MAIL_AUTH_NONE, MAIL_AUTH_PLAIN, MAIL_AUTH_LOGIN };

struct mail_auth {
	enum mail_auth_mech	 mech;
	unsigned		 step;		/* lines sent so far */
	char			 user[MAIL_AUTH_FIELD_MAX];
	char			 pass[MAIL_AUTH_FIELD_MAX];
};

/* One line to send: the bytes for the wire and the text to show. */
struct mail_auth_line {
	char	wire[MAIL_AUTH_WIRE_MAX];
	char	shown[MAIL_AUTH_WIRE_MAX];
};

/* Whether line is a helper form ("AUTH PLAIN|LOGIN USER PASS", any case);
 * fills a. A line with one argument (AUTH PLAIN <base64>) is not: it goes
 * out as typed. */
bool	mail_auth_parse(const char *line, struct mail_auth *);
/* Whether line carries credentials (a helper form or AUTH with an
 * initial response): refused on a plaintext connection unless forced. */
bool	mail_auth_has_secret(const char *line);
/* The next line of the exchange (the first when step is 0); false when
 * the mechanism has no more to send. */
bool	mail_auth_next(struct mail_auth *, struct mail_auth_line *);
void	mail_auth_clear(struct mail_auth *);

#endif
