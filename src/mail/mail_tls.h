/*
 * mail_tls.h: TLS for the mail engine with OpenSSL: a client context, the
 * verification result in the words the console teaches (trusted,
 * self-signed, name mismatch, expired, ... or OpenSSL's reason), and the
 * certificate's subject, issuer, subject alternative names and validity.
 * Verification never stops the handshake itself (SSL_VERIFY_NONE): the
 * engine reports the result and decides, so the user sees why a
 * certificate is refused.
 */
#ifndef MAIL_MAIL_TLS_H
#define MAIL_MAIL_TLS_H

#include <stddef.h>
#include <openssl/ssl.h>

/* A client context trusting the CAs of cafile and/or capath, or the
 * system's store when both are NULL; NULL with err set when they cannot
 * be read. One per session, freed with SSL_CTX_free. */
SSL_CTX		*mail_tls_ctx_new(const char *cafile, const char *capath,
		     char *err, size_t errlen);
/* A session on ctx checking name (a host name: sent as SNI too; an
 * address: checked against the certificate's IP names, no SNI). */
SSL		*mail_tls_new(SSL_CTX *, const char *name, char *err,
		     size_t errlen);
/* "trusted", "self-signed", "name mismatch", "expired", "not yet valid",
 * "unknown issuer" (a CA not trusted here) or OpenSSL's text. The first
 * problem found wins: the chain, then the name, then the dates. */
const char	*mail_tls_verdict(SSL *);
struct mail_tls_cert {
	char	subject[256], issuer[256];
	char	sans[384];		/* "DNS:a, DNS:b, IP:127.0.0.1" */
	char	not_before[24], not_after[24];	/* 2026-11-25T10:24:02Z */
};

/* The peer certificate's names and validity (all empty without one). */
void		 mail_tls_cert(SSL *, struct mail_tls_cert *);

#endif
