/* mail_tls.c: the OpenSSL side of the mail engine (see mail_tls.h). */
#include <arpa/inet.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/x509v3.h>

#include "mail_tls.h"

static SSL_CTX *ctx;

static bool
is_address(const char *host)
{
	unsigned char buf[sizeof(struct in6_addr)];

	return inet_pton(AF_INET, host, buf) == 1 ||
	    inet_pton(AF_INET6, host, buf) == 1;
}

SSL *
mail_tls_new(const char *host, char *err, size_t errlen)
{
	SSL *ssl;

	if (ctx == NULL) {
		ctx = SSL_CTX_new(TLS_client_method());
		if (ctx == NULL || SSL_CTX_set_default_verify_paths(ctx) != 1) {
			snprintf(err, errlen, "OpenSSL: cannot make a context");
			return NULL;
		}
		SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
		SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, NULL);
	}
	if ((ssl = SSL_new(ctx)) == NULL) {
		snprintf(err, errlen, "OpenSSL: cannot make a session");
		return NULL;
	}
	if (is_address(host)) {
		/* No SNI for an address (RFC 6066 3: names only; some
		 * servers drop the handshake), and the SANs' IPs are checked. */
		X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), host);
	} else {
		SSL_set_tlsext_host_name(ssl, host);	/* SNI */
		SSL_set1_host(ssl, host);	/* checked against the SANs */
	}
	return ssl;
}

const char *
mail_tls_verdict(SSL *ssl)
{
	long r = SSL_get_verify_result(ssl);

	if (SSL_get0_peer_certificate(ssl) == NULL)
		return "no certificate";
	switch (r) {
	case X509_V_OK:
		return "trusted";
	case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
	case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
		return "self-signed";
	case X509_V_ERR_HOSTNAME_MISMATCH:
	case X509_V_ERR_IP_ADDRESS_MISMATCH:
		return "name mismatch";
	case X509_V_ERR_CERT_HAS_EXPIRED:
		return "expired";
	default:
		return X509_verify_cert_error_string(r);
	}
}

void
mail_tls_names(SSL *ssl, char *subject, char *issuer, size_t len)
{
	X509 *cert = SSL_get0_peer_certificate(ssl);

	subject[0] = issuer[0] = '\0';
	if (cert == NULL)
		return;
	X509_NAME_oneline(X509_get_subject_name(cert), subject, (int)len);
	X509_NAME_oneline(X509_get_issuer_name(cert), issuer, (int)len);
}

void
mail_tls_free_ctx(void)
{
	SSL_CTX_free(ctx);
	ctx = NULL;
}
