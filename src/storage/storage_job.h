/*
 * storage_job.h: one store from what a user typed in the Storage view: the
 * host (a name is looked up without blocking the loop), then the storage.
 * A host that cannot be found, a file that cannot be stored or a missing
 * privilege end the job at once with the reason, and an "error" event.
 */
#ifndef STORAGE_STORAGE_JOB_H
#define STORAGE_STORAGE_JOB_H

#include <stddef.h>

#include "storage.h"

struct loop;
struct evlog;
struct storage_job;

/* status: that of storage_done_fn, or 2 if it could not start. */
typedef void (*storage_job_done_fn)(void *arg, int status, const char *why);

struct storage_job *storage_job_new(struct loop *, struct evlog *,
		      const struct storage_config *, storage_job_done_fn,
		      void *arg, char *err, size_t errlen);
/* The storage once started; NULL before (or if it failed). */
struct storage	*storage_job_storage(struct storage_job *);
void		 storage_job_free(struct storage_job *);

#endif
