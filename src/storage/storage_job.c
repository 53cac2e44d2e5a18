/* storage_job.c: a store from a typed host (see storage_job.h). */
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/evlog.h"
#include "../core/loop.h"
#include "../core/resolve.h"
#include "storage_job.h"

struct storage_job {
	struct loop		*loop;
	struct evlog		*log;
	struct storage_config	 cfg;
	struct storage		*storage;
	struct resolve		*lookup;
	storage_job_done_fn	 done;
	void			*done_arg;
};

static void
fail(struct storage_job *j, const char *why)
{
	struct ev ev;

	ev_init(&ev, "storage", "error");
	ev_str(&ev, "via", j->cfg.via);
	ev_str(&ev, "why", why);
	evlog_push(j->log, &ev);
	if (j->done != NULL)
		j->done(j->done_arg, 2, why);
}

static void
on_storage_done(void *arg, int status)
{
	struct storage_job *j = arg;

	if (j->done != NULL)
		j->done(j->done_arg, status, NULL);
}

static void
start(struct storage_job *j)
{
	char err[600] = "";

	if ((j->storage = storage_new(j->loop, j->log, &j->cfg, err,
	    sizeof err)) == NULL ||
	    storage_start(j->storage, on_storage_done, j, err, sizeof err) != 0) {
		storage_free(j->storage);
		j->storage = NULL;
		fail(j, err);
	}
}

static void
on_lookup(void *arg, const struct addrinfo *res, const char *why)
{
	struct storage_job *j = arg;
	const struct addrinfo *ai;
	char text[400];

	ai = why == NULL ? resolve_ipv4_first(res) : NULL;
	if (ai == NULL || ai->ai_family != AF_INET) {
		snprintf(text, sizeof text, "host %.300s", why != NULL ? why :
		    "has no IPv4 address (the storage bounces IPv4 echoes)");
		fail(j, text);
		return;
	}
	memcpy(&j->cfg.dst, ai->ai_addr, sizeof j->cfg.dst);
	start(j);
}

struct storage_job *
storage_job_new(struct loop *loop, struct evlog *log,
    const struct storage_config *cfg, storage_job_done_fn done, void *arg,
    char *err, size_t errlen)
{
	struct storage_job *j;

	if (cfg->via[0] == '\0' || cfg->path[0] == '\0') {
		snprintf(err, errlen, "want a file and a host");
		return NULL;
	}
	if ((j = calloc(1, sizeof *j)) == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	j->loop = loop;
	j->log = log;
	j->cfg = *cfg;
	j->done = done;
	j->done_arg = arg;
	/* done never runs in here: an address too is answered from the loop */
	if ((j->lookup = resolve_start(loop, cfg->via, on_lookup, j, err,
	    errlen)) == NULL) {
		storage_job_free(j);
		return NULL;
	}
	return j;
}

struct storage *
storage_job_storage(struct storage_job *j)
{
	return j->storage;
}

void
storage_job_free(struct storage_job *j)
{
	if (j == NULL)
		return;
	resolve_free(j->lookup);
	storage_free(j->storage);
	free(j);
}
