/* job_end.c: a job's one ending (see job_end.h). */
#include <stdio.h>
#include <string.h>

#include "evlog.h"
#include "job_end.h"

void
job_end_init(struct job_end *e, struct evlog *log, const char *engine,
    job_done_fn done, void *done_arg)
{
	memset(e, 0, sizeof *e);
	e->log = log;
	e->engine = engine;
	e->done = done;
	e->done_arg = done_arg;
}

void
job_end(struct job_end *e, int status, const char *target, const char *why)
{
	struct ev ev;

	if (e->ended)
		return;
	e->ended = true;
	if (why != NULL) {
		snprintf(e->why, sizeof e->why, "%s", why);
		ev_init(&ev, e->engine, "failed");
		ev_str(&ev, "target", target);
		ev_str(&ev, "why", why);
		evlog_push(e->log, &ev);
	}
	if (e->done != NULL)
		e->done(e->done_arg, status);
}

const char *
job_end_why(const struct job_end *e)
{
	return e->why[0] != '\0' ? e->why : NULL;
}
