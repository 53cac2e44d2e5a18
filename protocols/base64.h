/*
 * base64.h: base64 decoding (RFC 4648 section 4, the standard alphabet,
 * padding required), for the SASL challenges of SMTP AUTH (RFC 4954
 * "334 base64") and POP3 AUTH (RFC 5034 "+ base64"). Pure: no I/O, no
 * allocation; the decoding is libsodium's (sodium_base642bin), which
 * the AUTH helpers also use to encode.
 */
#ifndef PROTOCOLS_BASE64_H
#define PROTOCOLS_BASE64_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes len bytes of base64 into out (at most outlen bytes); the
 * decoded length, or -1 if in is not base64 or out is too small. */
long	 base64_decode(const uint8_t *in, size_t len, uint8_t *out,
	     size_t outlen);
/* A challenge as text: decoded, not empty, every byte printable ASCII,
 * NUL-terminated into out (outlen bytes with the NUL); false otherwise
 * (out is then ""). "VXNlcm5hbWU6" is "Username:". */
bool	 base64_text(const uint8_t *in, size_t len, char *out, size_t outlen);

#endif
