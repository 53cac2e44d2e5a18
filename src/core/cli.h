/* cli.h: what every subcommand's command line shares. */
#ifndef CORE_CLI_H
#define CORE_CLI_H

struct option;

/* A subcommand, as its usage errors name it. */
struct cli_cmd {
	const char	*name;		/* "scan" */
	const char	*usage;		/* printed after a usage error */
};

/*
 * Prints "punchline CMD: <message>" and the usage to stderr; returns 2,
 * the exit status of a usage error.
 */
__attribute__((format(printf, 3, 4)))
int	 cli_usage_error(const char *cmd, const char *usage, const char *fmt, ...);

/* One option: -1 to go on, or the exit status to return at once. */
typedef int (*cli_option_fn)(int c, void *arg);

/*
 * Reads argv's options with getopt_long from the start (forgetting main's
 * "+"), each to fn. An unknown option or a missing value is a usage error.
 * Returns -1 when all are read (optind is then at the first operand), or
 * the exit status fn or the usage error gave.
 */
int	 cli_options(const struct cli_cmd *, int argc, char **argv,
	     const char *shortopts, const struct option *longopts,
	     cli_option_fn fn, void *arg);
/* The one operand after the options into *out: -1, or a usage error ("no
 * NAME", or an unexpected argument after it). */
int	 cli_operand(const struct cli_cmd *, int argc, char **argv,
	     const char *name, const char **out);
/* No operand left: -1, or a usage error naming the first one. */
int	 cli_no_more(const struct cli_cmd *, int argc, char **argv);

/* A decimal within min..max into *out: 0, or -1 (the caller says why). */
int	 cli_number(const char *s, long min, long max, long *out);
/* Seconds (a decimal, fractions allowed) within min..max: 0, or -1. */
int	 cli_seconds(const char *s, double min, double max, double *out);

#endif
