/*
 * mail_tls.h: TLS for the mail engine with OpenSSL: a client context, the
 * verification result in the words the console teaches (trusted,
 * self-signed, name mismatch, expired, or OpenSSL's reason), and the
 * certificate's subject and issuer. Verification never stops the
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
void		 mail_tls_names(SSL *, char *subject, char *issuer, size_t len);
void		 mail_tls_free_ctx(void);

#endif
