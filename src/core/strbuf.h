/* strbuf.h: a growing string, for building JSON lines and text output. */
#ifndef CORE_STRBUF_H
#define CORE_STRBUF_H

#include <stddef.h>

struct strbuf {
	char	*buf;
	size_t	 len;
	size_t	 cap;
};

void	 sb_init(struct strbuf *);
void	 sb_free(struct strbuf *);
void	 sb_reset(struct strbuf *);
void	 sb_addn(struct strbuf *, const char *, size_t);
void	 sb_add(struct strbuf *, const char *);
void	 sb_addc(struct strbuf *, char);
__attribute__((format(printf, 2, 3)))
void	 sb_printf(struct strbuf *, const char *, ...);
/* Appends s as a JSON string literal, quotes included. */
void	 sb_add_json_string(struct strbuf *, const char *s);

#endif
