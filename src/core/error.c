/* error.c: fatal() for the UI and main, and allocation that cannot fail. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"

static void (*cleanup_hook)(void);

void
error_set_cleanup(void (*cleanup)(void))
{
	cleanup_hook = cleanup;
}

/* Runs the hook once, however many paths (atexit, signal, fatal) reach it. */
void
error_cleanup(void)
{
	void (*hook)(void) = cleanup_hook;

	cleanup_hook = NULL;
	if (hook != NULL)
		hook();
}

static void __attribute__((noreturn))
die(const char *fmt, va_list ap, const char *suffix)
{
	error_cleanup();
	fputs("punchline: ", stderr);
	vfprintf(stderr, fmt, ap);
	if (suffix != NULL)
		fprintf(stderr, ": %s", suffix);
	fputc('\n', stderr);
	exit(1);
}

void
fatal(const char *fmt, ...)
{
	const char *why = strerror(errno);
	va_list ap;

	va_start(ap, fmt);
	die(fmt, ap, why);
}

void
fatalx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	die(fmt, ap, NULL);
}

void *
xmalloc(size_t size)
{
	void *p = malloc(size == 0 ? 1 : size);

	if (p == NULL)
		fatal("malloc %zu bytes", size);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n == 0 ? 1 : n, size == 0 ? 1 : size);

	if (p == NULL)
		fatal("calloc %zu x %zu bytes", n, size);
	return p;
}

void *
xreallocarray(void *old, size_t n, size_t size)
{
	void *p;

	if (size != 0 && n > SIZE_MAX / size)
		fatalx("reallocarray: %zu x %zu overflows", n, size);
	p = realloc(old, n * size == 0 ? 1 : n * size);
	if (p == NULL)
		fatal("realloc %zu x %zu bytes", n, size);
	return p;
}

char *
xstrdup(const char *s)
{
	char *p = strdup(s);

	if (p == NULL)
		fatal("strdup");
	return p;
}
