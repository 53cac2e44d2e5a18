/*
 * textline.h: lines and whitespace-separated tokens of small text files
 * (/proc/net files, resolv.conf, nsswitch.conf), read through reader.h so
 * the text parsers share one bounds-checked cursor with the binary ones.
 * Pure: no I/O, no allocation.
 */
#ifndef PROTOCOLS_TEXTLINE_H
#define PROTOCOLS_TEXTLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reader.h"

/* The next line of rd (without its '\n') into line; false at the end. */
bool	 tl_next_line(struct reader *rd, struct reader *line);
/* Skips spaces and tabs. */
void	 tl_skip_blank(struct reader *rd);
/* The next token (up to a blank) into out, NUL-terminated and cut to
 * fit; its full length (0 at the end of the line). */
size_t	 tl_token(struct reader *rd, char *out, size_t len);
/* The next token as hexadecimal (max 16 digits) or decimal; false if it
 * is empty or has another character. */
bool	 tl_hex(struct reader *rd, uint64_t *out);
bool	 tl_dec(struct reader *rd, uint64_t *out);
/* Skips tokens. */
void	 tl_skip_tokens(struct reader *rd, unsigned n);

#endif
