/* trace_job.c: one trace from what a user typed (see trace_job.h). */
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/evlog.h"
#include "../core/job_end.h"
#include "../core/loop.h"
#include "../core/resolve.h"
#include "trace_job.h"

struct trace_job {
	struct loop		*loop;
	struct evlog		*log;
	struct trace_config	 cfg;
	struct trace		*trace;
	struct resolve		*lookup;
	struct job_end		 end;
};

static void
end(struct trace_job *j, int status, const char *why)
{
	job_end(&j->end, status, j->cfg.name, why);
}

static void
on_trace_done(void *arg)
{
	end(arg, 0, NULL);
}

static void
start_trace(struct trace_job *j)
{
	char err[320];

	if ((j->trace = trace_new(j->loop, j->log, &j->cfg, err, sizeof err)) == NULL) {
		end(j, 2, err);
		return;
	}
	trace_start(j->trace, on_trace_done, j);
}

static void
on_lookup(void *arg, const struct addrinfo *res, const char *why)
{
	struct trace_job *j = arg;
	const struct addrinfo *ai;
	char text[440];

	if (why != NULL) {
		snprintf(text, sizeof text, "host %s", why);
		end(j, 2, text);
		return;
	}
	ai = resolve_ipv4_first(res);
	memcpy(&j->cfg.dst, ai->ai_addr, ai->ai_addrlen);
	start_trace(j);
}

struct trace_job *
trace_job_new(struct loop *loop, struct evlog *log, const char *host,
    const struct trace_config *cfg, trace_job_done_fn done, void *arg,
    char *err, size_t errlen)
{
	struct trace_job *j;

	if (*host == '\0' || strlen(host) >= sizeof j->cfg.name) {
		snprintf(err, errlen, "host: want a name or an address");
		return NULL;
	}
	if ((j = calloc(1, sizeof *j)) == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	j->loop = loop;
	j->log = log;
	j->cfg = *cfg;
	snprintf(j->cfg.name, sizeof j->cfg.name, "%s", host);
	job_end_init(&j->end, log, "trace", done, arg);
	/* done never runs in here: an address too is answered from the loop */
	if ((j->lookup = resolve_start(loop, host, on_lookup, j, err,
	    errlen)) == NULL) {
		trace_job_free(j);
		return NULL;
	}
	return j;
}

const struct trace *
trace_job_trace(const struct trace_job *j)
{
	return j->trace;
}

const char *
trace_job_error(const struct trace_job *j)
{
	return job_end_why(&j->end);
}

void
trace_job_stop(struct trace_job *j)
{
	resolve_free(j->lookup);
	j->lookup = NULL;
	if (j->trace != NULL)
		trace_stop(j->trace);	/* reports its hops, then done */
	end(j, 0, NULL);
}

void
trace_job_free(struct trace_job *j)
{
	if (j == NULL)
		return;
	resolve_free(j->lookup);
	trace_free(j->trace);
	free(j);
}
