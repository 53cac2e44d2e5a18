/* cli.c: options, operands and usage errors, read and said the same way
 * by every subcommand. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

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

int
cli_options(const struct cli_cmd *cmd, int argc, char **argv,
    const char *shortopts, const struct option *longopts, cli_option_fn fn,
    void *arg)
{
	int c, rc;

	optind = 0;	/* 0: glibc starts over, forgetting main's "+" */
	opterr = 0;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		if (c == '?' || c == ':')
			return cli_usage_error(cmd->name, cmd->usage,
			    "bad option or missing value: '%s'", argv[optind - 1]);
		if ((rc = fn(c, arg)) >= 0)
			return rc;
	}
	return -1;
}

int
cli_no_more(const struct cli_cmd *cmd, int argc, char **argv)
{
	if (optind < argc)
		return cli_usage_error(cmd->name, cmd->usage,
		    "unexpected argument '%s'", argv[optind]);
	return -1;
}

int
cli_operand(const struct cli_cmd *cmd, int argc, char **argv,
    const char *name, const char **out)
{
	if (optind >= argc)
		return cli_usage_error(cmd->name, cmd->usage, "no %s", name);
	*out = argv[optind++];
	return cli_no_more(cmd, argc, argv);
}

int
cli_number(const char *s, long min, long max, long *out)
{
	char *end;

	errno = 0;
	*out = strtol(s, &end, 10);
	return *end != '\0' || end == s || errno != 0 || *out < min ||
	    *out > max ? -1 : 0;
}

int
cli_seconds(const char *s, double min, double max, double *out)
{
	char *end;
	double v = strtod(s, &end);

	if (*s == '\0' || *end != '\0' || !(v >= min && v <= max))
		return -1;
	*out = v;
	return 0;
}
