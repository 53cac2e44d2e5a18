/* utf8.h: UTF-8 checks for text that came from the outside (pure, no I/O). */
#ifndef CORE_UTF8_H
#define CORE_UTF8_H

#include <stddef.h>

/* Length of the valid sequence at s (1-4), or 0 if s starts an invalid one. */
size_t	 utf8_seq_len(const unsigned char *s, size_t left);
/*
 * Copies src into dst (size dstlen, always terminated), replacing every
 * invalid byte with '?' and never cutting a character in half.
 * Returns how many bytes of src were copied or replaced.
 */
size_t	 utf8_copy_clean(char *dst, size_t dstlen, const char *src);

#endif
