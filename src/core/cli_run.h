/*
 * cli_run.h: a subcommand that runs on the loop: the loop and its event
 * log, the events printed as JSON lines (--json) or by the subcommand's
 * own text printer, SIGINT and SIGTERM routed to its stop, and the exit
 * status its job ends with.
 */
#ifndef CORE_CLI_RUN_H
#define CORE_CLI_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "evlog.h"
#include "loop.h"

struct cli_run {
	const char	*cmd;		/* "scan": names it in messages */
	struct loop	*loop;
	struct evlog	 log;
	int		 status;	/* the exit status */
};

/* 0, or -1 after saying on stderr that the loop cannot start (exit 1).
 * text(ev, NULL) prints an event without --json. */
int	 cli_run_start(struct cli_run *, const char *cmd, size_t log_capacity,
	     bool json, evlog_consumer text);
/* SIGINT and SIGTERM call stop(sig, arg). */
void	 cli_run_on_stop(struct cli_run *, loop_signal_fn stop, void *arg);
/* A job's done callback, arg the struct cli_run: keeps the status and
 * ends the loop. */
void	 cli_run_done(void *run, int status);
void	 cli_run_end(struct cli_run *);

/* An evlog_consumer: the event's text line (ev_format_text) on stdout. */
void	 cli_print_event(const struct ev *, void *arg);

#endif
