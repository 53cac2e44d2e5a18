/*
 * banner.h: what a service says first, made printable, and the guess of
 * which service it is from a table of our own (assets/scan/services).
 *
 * Table lines: "SERVICE  prefix|contains|bytes  TEXT" ('#' comments).
 * prefix: the banner starts with TEXT; contains: TEXT appears in its first
 * line; bytes: the banner starts with the hex bytes of TEXT ("1603" for a
 * TLS handshake). The first matching line wins. Pure: no I/O.
 */
#ifndef PROTOCOLS_BANNER_H
#define PROTOCOLS_BANNER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BANNER_MAX	160	/* printable bytes kept of a banner */
#define SERVICE_MAX	32

/* The first line of raw, control bytes as '.', at most BANNER_MAX - 1
 * bytes, NUL-terminated into out (BANNER_MAX bytes). */
void	 banner_clean(const uint8_t *raw, size_t len, char *out);
/* The service whose table line matches raw into out (SERVICE_MAX bytes);
 * false if none does. */
bool	 banner_guess(const char *table, size_t tlen, const uint8_t *raw,
	     size_t len, char *out);

#endif
