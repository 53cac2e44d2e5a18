/* loop.c: the event loop (libevent), signal routing and clocks. */
#include <stdbool.h>
#include <stdlib.h>
#include <signal.h>
#include <time.h>
#include <sys/wait.h>

#include "loop.h"

#define LOOP_MAX_SIGNALS 8

struct loop_signal {
	struct event	*ev;
	loop_signal_fn	 fn;
	void		*arg;
};

struct loop {
	struct event_base	*base;
	struct loop_signal	 signals[LOOP_MAX_SIGNALS];
	int			 nsignals;
	bool			 exit_asked;	/* before loop_run, or inside it */
};

struct loop *
loop_new(void)
{
	struct loop *loop = calloc(1, sizeof *loop);

	if (loop == NULL)
		return NULL;
	loop->base = event_base_new();
	if (loop->base == NULL) {
		free(loop);
		return NULL;
	}
	return loop;
}

void
loop_free(struct loop *loop)
{
	int i;

	if (loop == NULL)
		return;
	for (i = 0; i < loop->nsignals; i++)
		event_free(loop->signals[i].ev);
	event_base_free(loop->base);
	free(loop);
}

struct event_base *
loop_base(struct loop *loop)
{
	return loop->base;
}

static void
on_signal(evutil_socket_t sig, short what, void *arg)
{
	struct loop_signal *ls = arg;

	(void)what;
	ls->fn((int)sig, ls->arg);
}

int
loop_on_signal(struct loop *loop, int sig, loop_signal_fn fn, void *arg)
{
	struct loop_signal *ls;

	if (loop->nsignals >= LOOP_MAX_SIGNALS)
		return -1;
	ls = &loop->signals[loop->nsignals];
	ls->fn = fn;
	ls->arg = arg;
	ls->ev = evsignal_new(loop->base, sig, on_signal, ls);
	if (ls->ev == NULL || evsignal_add(ls->ev, NULL) != 0) {
		if (ls->ev != NULL)
			event_free(ls->ev);
		return -1;
	}
	loop->nsignals++;
	return 0;
}

static void
reap(int sig, void *arg)
{
	(void)sig;
	(void)arg;
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
}

int
loop_reap_children(struct loop *loop)
{
	return loop_on_signal(loop, SIGCHLD, reap, NULL);
}

/* An exit asked for before the loop runs (work that finished at once,
 * inside its start function) ends the run at once: libevent forgets a
 * loopbreak made while no loop is running. */
int
loop_run(struct loop *loop)
{
	int rc = 0;

	if (!loop->exit_asked)
		rc = event_base_dispatch(loop->base);
	loop->exit_asked = false;
	return rc;
}

void
loop_exit(struct loop *loop)
{
	loop->exit_asked = true;
	event_base_loopbreak(loop->base);
}

double
clock_mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

double
clock_wall(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}
