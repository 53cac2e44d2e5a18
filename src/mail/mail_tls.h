/*
 * mail_tls.h: TLS for the mail engine with OpenSSL: a client context, the
 * verification result in the words the console teaches (trusted,
 * self-signed, name mismatch, expired, or OpenSSL's reason), and the
 * certificate's subject, issuer, subject alternative names and validity. Verification never stops the
 * handshake itself (SSL_VERIFY_NONE): the engine reports the result and
 * decides, so the user sees why a certificate is refused.
 */
#ifndef MAIL_MAIL_TLS_H
#define MAIL_MAIL_TLS_H

#include <stddef.h>
#include <openssl/ssl.h>

SSL		*mail_tls_new(const char *host, char *err, size_t errlen);
/* "trusted", "self-signed", "name mismatch", "expired" or OpenSSL's text. */
const char	*mail_tls_verdict(SSL *);
struct mail_tls_cert {
	char	subject[256], issuer[256];
	char	sans[384];		/* "DNS:a, DNS:b, IP:127.0.0.1" */
	char	not_before[24], not_after[24];	/* 2026-11-25T10:24:02Z */
};

/* The peer certificate's names and validity (all empty without one). */
void		 mail_tls_cert(SSL *, struct mail_tls_cert *);
void		 mail_tls_free_ctx(void);

#endif
