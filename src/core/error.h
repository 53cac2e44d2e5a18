/*
 * error.h: fatal errors for the UI and main, and allocation that cannot fail.
 * Engines never call these: they return errors and report them as events.
 */
#ifndef CORE_ERROR_H
#define CORE_ERROR_H

#include <stddef.h>

/* Runs before a fatal error prints, e.g. to give the terminal back. */
void	 error_set_cleanup(void (*cleanup)(void));
void	 error_cleanup(void);

__attribute__((noreturn, format(printf, 1, 2)))
void	 fatal(const char *fmt, ...);	/* appends strerror(errno) */
__attribute__((noreturn, format(printf, 1, 2)))
void	 fatalx(const char *fmt, ...);

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);

#endif
