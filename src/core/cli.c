/* cli.c: usage errors, said the same way by every subcommand. */
#include <stdarg.h>
#include <stdio.h>

#include "cli.h"

int
cli_usage_error(const char *cmd, const char *usage, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "punchline %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fputs(usage, stderr);
	return 2;
}
