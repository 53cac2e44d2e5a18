/*
 * trace_job.h: one trace from what a user typed: the host (a name is
 * looked up without blocking), then the trace. The command line and the
 * Trace view both start traces through this. A host that cannot be found,
 * or a method without its privilege, ends the job with status 2 and a
 * "failed" event carrying the reason.
 */
#ifndef TRACE_TRACE_JOB_H
#define TRACE_TRACE_JOB_H

#include <stdbool.h>
#include <stddef.h>

#include "trace.h"

struct loop;
struct evlog;
struct trace_job;

/* status: 0 the trace ended (completed or stopped), 2 it could not run. */
typedef void (*trace_job_done_fn)(void *arg, int status);

struct trace_job *trace_job_new(struct loop *, struct evlog *, const char *host,
		      const struct trace_config *, trace_job_done_fn, void *arg,
		      char *err, size_t errlen);
/* The trace, once the host is known; NULL before. */
const struct trace *trace_job_trace(const struct trace_job *);
const char	*trace_job_error(const struct trace_job *);
void		 trace_job_stop(struct trace_job *);
void		 trace_job_free(struct trace_job *);

#endif
