/*
 * scan_job.h: one scan from what a user typed: the target (a name is
 * looked up without blocking), the ports (with the top-ports list from
 * assets), the kind of scan and its options; then the scan itself. The
 * command line and the Scanner pane both start scans through this.
 * Problems with what was typed are told at once (scan_job_new fails with
 * a reason); an unknown host or a missing privilege ends the job with
 * status 2 and a "failed" event carrying the reason.
 */
#ifndef SCAN_SCAN_JOB_H
#define SCAN_SCAN_JOB_H

#include <stdbool.h>
#include <stddef.h>

#include "scan.h"

struct loop;
struct evlog;
struct scan_job;

struct scan_request {
	const char	*target;
	const char	*ports;		/* NULL: 1-1024 and the top list */
	size_t		 top;		/* the first N of the top list; 0: none */
	enum scan_type	 type;
	bool		 banners;
	bool		 report_closed;
	unsigned	 rate, max_inflight;
	double		 banner_wait;
	double		 progress_every;	/* seconds; 0: no progress events */
};

/* status: 0 the scan completed, 1 stopped or failed to run, 2 the
 * request could not be carried out (unknown host, no privilege). */
typedef void (*scan_job_done_fn)(void *arg, int status);

struct scan_job	*scan_job_new(struct loop *, struct evlog *,
		     const struct scan_request *, scan_job_done_fn, void *arg,
		     char *err, size_t errlen);
/* false while the target's name is being looked up. */
bool		 scan_job_counts(const struct scan_job *, struct scan_counts *);
const char	*scan_job_error(const struct scan_job *);	/* or NULL */
void		 scan_job_stop(struct scan_job *);
void		 scan_job_free(struct scan_job *);

#endif
