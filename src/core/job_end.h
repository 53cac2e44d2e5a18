/*
 * job_end.h: how a job started from what a user typed (a scan, a trace)
 * ends: once only, with an exit status for its caller's done callback;
 * when it fails, its reason is kept for job_end_why and told as an
 * "<engine> failed" event naming the target.
 */
#ifndef CORE_JOB_END_H
#define CORE_JOB_END_H

#include <stdbool.h>

struct evlog;

typedef void (*job_done_fn)(void *arg, int status);

struct job_end {
	struct evlog	*log;
	const char	*engine;	/* "scan": the failed event's engine */
	job_done_fn	 done;
	void		*done_arg;
	bool		 ended;
	char		 why[400];
};

void		 job_end_init(struct job_end *, struct evlog *,
		     const char *engine, job_done_fn, void *done_arg);
/* The first call only: why (NULL when it did not fail) kept and told,
 * then done(done_arg, status). */
void		 job_end(struct job_end *, int status, const char *target,
		     const char *why);
/* Why it failed, or NULL. */
const char	*job_end_why(const struct job_end *);

#endif
