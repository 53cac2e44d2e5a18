/* cli_run.c: a subcommand's run on the loop (see cli_run.h). */
#include <signal.h>
#include <stdio.h>

#include "cli_run.h"
#include "evjson.h"

int
cli_run_start(struct cli_run *r, const char *cmd, size_t log_capacity,
    bool json, evlog_consumer text)
{
	r->cmd = cmd;
	r->status = 0;
	if ((r->loop = loop_new()) == NULL ||
	    evlog_init(&r->log, log_capacity) != 0) {
		fprintf(stderr, "punchline %s: cannot start the loop\n", cmd);
		loop_free(r->loop);
		r->loop = NULL;
		return -1;
	}
	evlog_subscribe(&r->log, json ? evjson_consumer : text,
	    json ? (void *)stdout : NULL);
	return 0;
}

void
cli_run_on_stop(struct cli_run *r, loop_signal_fn stop, void *arg)
{
	loop_on_signal(r->loop, SIGINT, stop, arg);
	loop_on_signal(r->loop, SIGTERM, stop, arg);
}

void
cli_run_done(void *run, int status)
{
	struct cli_run *r = run;

	r->status = status;
	loop_exit(r->loop);
}

void
cli_run_end(struct cli_run *r)
{
	loop_free(r->loop);
	evlog_free(&r->log);
	r->loop = NULL;
}

void
cli_print_event(const struct ev *ev, void *arg)
{
	char line[1024];

	(void)arg;
	ev_format_text(ev, line, sizeof line);
	printf("%s\n", line);
	fflush(stdout);
}
