/* cli.h: what every subcommand's command line shares. */
#ifndef CORE_CLI_H
#define CORE_CLI_H

/*
 * Prints "punchline CMD: <message>" and the usage to stderr; returns 2,
 * the exit status of a usage error.
 */
__attribute__((format(printf, 3, 4)))
int	 cli_usage_error(const char *cmd, const char *usage, const char *fmt, ...);

/* A decimal within min..max into *out: 0, or -1 (the caller says why). */
int	 cli_number(const char *s, long min, long max, long *out);
/* Seconds (a decimal, fractions allowed) within min..max: 0, or -1. */
int	 cli_seconds(const char *s, double min, double max, double *out);

#endif
