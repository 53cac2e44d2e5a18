/* rdns.c: reverse lookups off the loop (see rdns.h). */
#include <netinet/in.h>
#include <netdb.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <event2/event.h>

#include "loop.h"
#include "rdns.h"

struct answer {
	unsigned		 slot;
	struct sockaddr_storage	 addr;	/* a slot may have been reused */
	char			 name[NI_MAXHOST];
};

/* The writing end, shared with the threads: the last one out closes it,
 * so a thread never writes into an fd number reused for something else.
 * inflight counts the threads still running (an answer may be lost). */
struct channel {
	int		 wfd;
	atomic_int	 refs;
	atomic_int	 inflight;
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
	struct entry	 cache[RDNS_CACHE];	/* by a hash of the address */
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
	struct answer a = { .slot = j->slot, .addr = j->addr };
	socklen_t len = j->addr.ss_family == AF_INET6 ?
	    sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in);

	if (getnameinfo((struct sockaddr *)&j->addr, len, a.name, sizeof a.name,
	    NULL, 0, NI_NAMEREQD) != 0)
		a.name[0] = '\0';
	/* Counted out before the answer goes: the loop, reading it, may
	 * start the next lookup at once. */
	atomic_fetch_sub(&j->ch->inflight, 1);
	/* One datagram: whole or not at all; no SIGPIPE if we are gone. */
	(void)send(j->ch->wfd, &a, sizeof a, MSG_NOSIGNAL | MSG_DONTWAIT);
	channel_put(j->ch);
	free(j);
	return NULL;
}

static bool	same(const struct sockaddr_storage *,
		    const struct sockaddr_storage *);

static void
on_answer(evutil_socket_t fd, short what, void *arg)
{
	struct rdns *r = arg;
	struct answer a;

	(void)what;
	while (recv(fd, &a, sizeof a, MSG_DONTWAIT) == (ssize_t)sizeof a) {
		if (a.slot >= RDNS_CACHE || !r->cache[a.slot].used ||
		    r->cache[a.slot].done || !same(&r->cache[a.slot].addr,
		    &a.addr))
			continue;	/* the slot went to another address */
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
	atomic_init(&r->ch->inflight, 0);
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

/* FNV-1a over the address bytes: its slot in the cache. */
static unsigned
slot_of(const struct sockaddr_storage *addr)
{
	const uint8_t *b;
	unsigned h = 2166136261u;
	size_t n, i;

	if (addr->ss_family == AF_INET6) {
		b = ((const struct sockaddr_in6 *)addr)->sin6_addr.s6_addr;
		n = 16;
	} else {
		b = (const uint8_t *)&((const struct sockaddr_in *)addr)->sin_addr;
		n = 4;
	}
	for (i = 0; i < n; i++)
		h = (h ^ b[i]) * 16777619u;
	return (h ^ addr->ss_family) % RDNS_CACHE;
}

/* A lookup thread for addr into its slot; false when none could start
 * (too many running: the caller asks again later). */
static bool
start(struct rdns *r, unsigned slot, const struct sockaddr_storage *addr)
{
	struct entry *e = &r->cache[slot];
	pthread_attr_t attr;
	struct job *j;
	pthread_t tid;

	if (atomic_load(&r->ch->inflight) >= RDNS_INFLIGHT ||
	    (j = malloc(sizeof *j)) == NULL)
		return false;
	if (e->used && !e->done)
		r->pending--;	/* its answer will find the slot taken */
	memset(e, 0, sizeof *e);
	e->used = true;
	e->addr = *addr;
	j->ch = r->ch;
	j->slot = slot;
	j->addr = *addr;
	atomic_fetch_add(&r->ch->refs, 1);
	atomic_fetch_add(&r->ch->inflight, 1);
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	if (pthread_create(&tid, &attr, lookup, j) != 0) {
		atomic_fetch_sub(&r->ch->inflight, 1);
		channel_put(r->ch);
		free(j);
		e->done = true;		/* no name rather than no answer */
	} else
		r->pending++;
	pthread_attr_destroy(&attr);
	return true;
}

const char *
rdns_lookup(struct rdns *r, const struct sockaddr_storage *addr)
{
	unsigned slot;
	struct entry *e;

	if (addr->ss_family != AF_INET && addr->ss_family != AF_INET6)
		return "";
	slot = slot_of(addr);
	e = &r->cache[slot];
	if (e->used && same(&e->addr, addr))
		return e->done ? e->name : NULL;
	start(r, slot, addr);
	return e->used && e->done && same(&e->addr, addr) ? e->name : NULL;
}

bool
rdns_name(struct rdns *r, const struct sockaddr_storage *addr, char *out,
    size_t len)
{
	const char *name = rdns_lookup(r, addr);

	if (name == NULL)
		return false;
	snprintf(out, len, "%s", name);
	return true;
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
