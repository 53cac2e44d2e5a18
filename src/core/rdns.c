/* rdns.c: reverse lookups off the loop (see rdns.h). */
#include <netdb.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <event2/event.h>

#include "loop.h"
#include "rdns.h"

#define RDNS_CACHE	256

struct answer {
	unsigned	 slot;
	char		 name[NI_MAXHOST];
};

/* The writing end, shared with the threads: the last one out closes it,
 * so a thread never writes into an fd number reused for something else. */
struct channel {
	int		 wfd;
	atomic_int	 refs;
};

struct job {
	struct channel		*ch;
	unsigned		 slot;
	struct sockaddr_storage	 addr;
};

struct entry {
	struct sockaddr_storage	 addr;
	bool			 used, done;
	char			 name[NI_MAXHOST];
};

struct rdns {
	struct entry	 cache[RDNS_CACHE];
	unsigned	 next;		/* the slot to reuse when full */
	size_t		 pending;
	int		 rfd;
	struct event	*ev;
	struct channel	*ch;
	void		(*on_name)(void *);
	void		*arg;
};

static void
channel_put(struct channel *ch)
{
	if (atomic_fetch_sub(&ch->refs, 1) == 1) {
		close(ch->wfd);
		free(ch);
	}
}

static void *
lookup(void *arg)
{
	struct job *j = arg;
	struct answer a = { .slot = j->slot };
	socklen_t len = j->addr.ss_family == AF_INET6 ?
	    sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in);

	if (getnameinfo((struct sockaddr *)&j->addr, len, a.name, sizeof a.name,
	    NULL, 0, NI_NAMEREQD) != 0)
		a.name[0] = '\0';
	/* One datagram: whole or not at all; no SIGPIPE if we are gone. */
	(void)send(j->ch->wfd, &a, sizeof a, MSG_NOSIGNAL | MSG_DONTWAIT);
	channel_put(j->ch);
	free(j);
	return NULL;
}

static void
on_answer(evutil_socket_t fd, short what, void *arg)
{
	struct rdns *r = arg;
	struct answer a;

	(void)what;
	while (recv(fd, &a, sizeof a, MSG_DONTWAIT) == (ssize_t)sizeof a) {
		if (a.slot >= RDNS_CACHE || !r->cache[a.slot].used ||
		    r->cache[a.slot].done)
			continue;
		a.name[sizeof a.name - 1] = '\0';
		memcpy(r->cache[a.slot].name, a.name, sizeof a.name);
		r->cache[a.slot].done = true;
		r->pending--;
	}
	if (r->on_name != NULL)
		r->on_name(r->arg);
}

struct rdns *
rdns_new(struct loop *loop, void (*on_name)(void *), void *arg)
{
	struct rdns *r = calloc(1, sizeof *r);
	int sv[2];

	if (r == NULL || (r->ch = calloc(1, sizeof *r->ch)) == NULL ||
	    socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, sv) != 0) {
		if (r != NULL)
			free(r->ch);
		free(r);
		return NULL;
	}
	r->rfd = sv[0];
	r->ch->wfd = sv[1];
	atomic_init(&r->ch->refs, 1);
	r->on_name = on_name;
	r->arg = arg;
	if ((r->ev = event_new(loop_base(loop), r->rfd, EV_READ | EV_PERSIST,
	    on_answer, r)) == NULL || event_add(r->ev, NULL) != 0) {
		rdns_free(r);
		return NULL;
	}
	return r;
}

static bool
same(const struct sockaddr_storage *a, const struct sockaddr_storage *b)
{
	if (a->ss_family != b->ss_family)
		return false;
	if (a->ss_family == AF_INET6)
		return memcmp(&((const struct sockaddr_in6 *)a)->sin6_addr,
		    &((const struct sockaddr_in6 *)b)->sin6_addr, 16) == 0;
	return ((const struct sockaddr_in *)a)->sin_addr.s_addr ==
	    ((const struct sockaddr_in *)b)->sin_addr.s_addr;
}

static void
start(struct rdns *r, const struct sockaddr_storage *addr)
{
	struct entry *e = &r->cache[r->next];
	struct job *j = malloc(sizeof *j);
	pthread_attr_t attr;
	pthread_t tid;

	if (e->used && !e->done)
		r->pending--;	/* its answer will find the slot taken */
	memset(e, 0, sizeof *e);
	e->used = true;
	e->addr = *addr;
	if (j == NULL) {
		e->done = true;
		return;
	}
	j->ch = r->ch;
	j->slot = r->next;
	j->addr = *addr;
	r->next = (r->next + 1) % RDNS_CACHE;
	atomic_fetch_add(&r->ch->refs, 1);
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	if (pthread_create(&tid, &attr, lookup, j) != 0) {
		channel_put(r->ch);
		free(j);
		e->done = true;		/* no name rather than no answer */
	} else
		r->pending++;
	pthread_attr_destroy(&attr);
}

bool
rdns_name(struct rdns *r, const struct sockaddr_storage *addr, char *out,
    size_t len)
{
	unsigned i;

	for (i = 0; i < RDNS_CACHE; i++)
		if (r->cache[i].used && same(&r->cache[i].addr, addr)) {
			if (!r->cache[i].done)
				return false;
			snprintf(out, len, "%s", r->cache[i].name);
			return true;
		}
	start(r, addr);
	return false;
}

size_t
rdns_pending(const struct rdns *r)
{
	return r->pending;
}

void
rdns_free(struct rdns *r)
{
	if (r == NULL)
		return;
	if (r->ev != NULL)
		event_free(r->ev);
	close(r->rfd);
	channel_put(r->ch);
	free(r);
}
