/* resolve.c: a host name looked up off the loop (see resolve.h). */
#include <netdb.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/event.h>

#include "loop.h"
#include "resolve.h"

#define POLL_USEC	10000

struct resolve {
	struct gaicb		 req;
	struct addrinfo		 hints;
	struct event		*poll;
	resolve_fn		 done;
	void			*arg;
	bool			 orphan;	/* freed by its owner: free on the end */
	bool			 literal;	/* an address: answered, no gaicb */
	char			 name[256];	/* glibc reads it while it runs */
	char			 why[320];
};

static void
lookup_destroy(struct resolve *l)
{
	if (l->req.ar_result != NULL)
		freeaddrinfo(l->req.ar_result);
	event_free(l->poll);
	free(l);
}

static void
arm(struct resolve *l)
{
	struct timeval tv = { 0, POLL_USEC };

	event_add(l->poll, &tv);
}

static void
on_poll(evutil_socket_t fd, short what, void *arg)
{
	struct resolve *l = arg;
	int rc = l->literal ? 0 : gai_error(&l->req);

	(void)fd;
	(void)what;
	if (l->literal) {
		l->done(l->arg, l->req.ar_result, NULL);
		return;
	}
	if (rc == EAI_INPROGRESS) {
		arm(l);
		return;
	}
	if (l->orphan) {
		lookup_destroy(l);
		return;
	}
	if (rc != 0) {
		snprintf(l->why, sizeof l->why, "'%s': %s", l->name,
		    gai_strerror(rc));
		l->done(l->arg, NULL, l->why);
	} else
		l->done(l->arg, l->req.ar_result, NULL);
}

/* An address is its own answer: no thread, no poll, the next loop turn. */
static bool
answer_literal(struct resolve *l)
{
	struct addrinfo hints = l->hints;

	hints.ai_flags |= AI_NUMERICHOST;
	if (getaddrinfo(l->name, NULL, &hints, &l->req.ar_result) != 0) {
		l->req.ar_result = NULL;
		return false;
	}
	l->literal = true;
	event_active(l->poll, EV_TIMEOUT, 0);
	return true;
}

struct resolve *
resolve_start(struct loop *loop, const char *name, resolve_fn done, void *arg,
    char *err, size_t errlen)
{
	struct resolve *l = calloc(1, sizeof *l);
	struct gaicb *list[1];
	int rc;

	if (l == NULL || (l->poll = event_new(loop_base(loop), -1, 0, on_poll,
	    l)) == NULL) {
		snprintf(err, errlen, "out of memory");
		free(l);
		return NULL;
	}
	l->done = done;
	l->arg = arg;
	l->hints.ai_socktype = SOCK_STREAM;
	snprintf(l->name, sizeof l->name, "%s", name);
	l->req.ar_name = l->name;
	l->req.ar_request = &l->hints;
	if (answer_literal(l))
		return l;
	list[0] = &l->req;
	if ((rc = getaddrinfo_a(GAI_NOWAIT, list, 1, NULL)) != 0) {
		snprintf(err, errlen, "'%s': %s", l->name, gai_strerror(rc));
		lookup_destroy(l);
		return NULL;
	}
	arm(l);
	return l;
}

void
resolve_free(struct resolve *l)
{
	if (l == NULL)
		return;
	if (!l->literal && gai_error(&l->req) == EAI_INPROGRESS &&
	    gai_cancel(&l->req) != EAI_CANCELED) {
		l->orphan = true;	/* glibc still owns req: wait for it */
		return;
	}
	lookup_destroy(l);
}

const struct addrinfo *
resolve_ipv4_first(const struct addrinfo *res)
{
	const struct addrinfo *ai;

	for (ai = res; ai != NULL; ai = ai->ai_next)
		if (ai->ai_family == AF_INET)
			return ai;
	return res;
}
