/* mail_tls.c: the OpenSSL side of the mail engine (see mail_tls.h). */
#include <arpa/inet.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <openssl/err.h>
#include <openssl/x509v3.h>

#include "mail_tls.h"

static bool
is_address(const char *host)
{
	unsigned char buf[sizeof(struct in6_addr)];

	return inet_pton(AF_INET, host, buf) == 1 ||
	    inet_pton(AF_INET6, host, buf) == 1;
}

SSL_CTX *
mail_tls_ctx_new(const char *cafile, const char *capath, char *err,
    size_t errlen)
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
	int loaded;

	if (ctx == NULL) {
		snprintf(err, errlen, "OpenSSL: cannot make a context");
		return NULL;
	}
	loaded = cafile != NULL || capath != NULL ?
	    SSL_CTX_load_verify_locations(ctx, cafile, capath) :
	    SSL_CTX_set_default_verify_paths(ctx);
	if (loaded != 1) {
		snprintf(err, errlen, "cannot read the CAs to trust from %s",
		    cafile != NULL ? cafile : capath != NULL ? capath :
		    "the system's store");
		SSL_CTX_free(ctx);
		return NULL;
	}
	SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
	SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, NULL);
	return ctx;
}

SSL *
mail_tls_new(SSL_CTX *ctx, const char *name, char *err, size_t errlen)
{
	SSL *ssl;

	if ((ssl = SSL_new(ctx)) == NULL) {
		snprintf(err, errlen, "OpenSSL: cannot make a session");
		return NULL;
	}
	if (is_address(name)) {
		/* No SNI for an address (RFC 6066 3: names only; some
		 * servers drop the handshake), and the SANs' IPs are checked. */
		X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), name);
	} else {
		SSL_set_tlsext_host_name(ssl, name);	/* SNI */
		SSL_set1_host(ssl, name);	/* checked against the SANs */
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
	case X509_V_ERR_CERT_NOT_YET_VALID:
		return "not yet valid";
	case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
	case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
		return "unknown issuer";	/* signed by a CA not trusted */
	default:
		return X509_verify_cert_error_string(r);
	}
}

/* "DNS:name" or "IP:addr", appended to out with ", " between. */
static void
append_san(const GENERAL_NAME *gn, char *out, size_t len)
{
	char addr[INET6_ADDRSTRLEN] = "";
	const unsigned char *p;
	int n;
	size_t used = strlen(out);

	if (gn->type == GEN_DNS) {
		p = ASN1_STRING_get0_data(gn->d.dNSName);
		n = ASN1_STRING_length(gn->d.dNSName);
		snprintf(out + used, len - used, "%sDNS:%.*s",
		    used > 0 ? ", " : "", n, (const char *)p);
	} else if (gn->type == GEN_IPADD) {
		p = ASN1_STRING_get0_data(gn->d.iPAddress);
		n = ASN1_STRING_length(gn->d.iPAddress);
		if (n == 4 || n == 16)
			inet_ntop(n == 4 ? AF_INET : AF_INET6, p, addr,
			    sizeof addr);
		snprintf(out + used, len - used, "%sIP:%s",
		    used > 0 ? ", " : "", addr[0] != '\0' ? addr : "?");
	}
}

static void
sans_text(X509 *cert, char *out, size_t len)
{
	GENERAL_NAMES *names = X509_get_ext_d2i(cert, NID_subject_alt_name,
	    NULL, NULL);
	int i;

	out[0] = '\0';
	for (i = 0; names != NULL && i < sk_GENERAL_NAME_num(names); i++)
		append_san(sk_GENERAL_NAME_value(names, i), out, len);
	GENERAL_NAMES_free(names);
}

/* ISO 8601 in UTC: 2026-11-25T10:24:02Z. */
static void
time_text(const ASN1_TIME *t, char *out, size_t len)
{
	struct tm tm;

	if (t == NULL || ASN1_TIME_to_tm(t, &tm) != 1) {
		snprintf(out, len, "?");
		return;
	}
	strftime(out, len, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void
mail_tls_cert(SSL *ssl, struct mail_tls_cert *c)
{
	X509 *cert = SSL_get0_peer_certificate(ssl);

	memset(c, 0, sizeof *c);
	if (cert == NULL)
		return;
	X509_NAME_oneline(X509_get_subject_name(cert), c->subject,
	    sizeof c->subject);
	X509_NAME_oneline(X509_get_issuer_name(cert), c->issuer,
	    sizeof c->issuer);
	sans_text(cert, c->sans, sizeof c->sans);
	time_text(X509_get0_notBefore(cert), c->not_before, sizeof c->not_before);
	time_text(X509_get0_notAfter(cert), c->not_after, sizeof c->not_after);
}
