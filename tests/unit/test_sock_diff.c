/* test_sock_diff.c: the diff between two refreshes: its events, whether
 * anything shown changed, and where each old socket went. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <cmocka.h>

#include "../../src/sockets/sock_diff.h"

struct seen {
	int	 news, states, closed;
	uint16_t last_closed_port;
};

static void
count(enum sock_change c, const struct sock *s, const struct sock *old,
    void *arg)
{
	struct seen *n = arg;

	(void)old;
	if (c == SOCK_NEW)
		n->news++;
	else if (c == SOCK_STATE)
		n->states++;
	else {
		n->closed++;
		n->last_closed_port = s->rport;
	}
}

/* A TCP connection 127.0.0.1:80 -> 127.0.0.1:rport. */
static void
add_conn(struct sock_table *t, uint16_t rport, int state, uint32_t rq)
{
	struct sock *s = sock_table_add(t);

	assert_non_null(s);
	s->proto = SP_TCP;
	s->family = AF_INET;
	s->state = (uint8_t)state;
	s->laddr[0] = s->raddr[0] = 127;
	s->laddr[3] = s->raddr[3] = 1;
	s->lport = 80;
	s->rport = rport;
	s->rqueue = rq;
	s->inode = 1000u + rport;
	s->pid = 42;
}

/* prev: ports 1..n, ESTAB; cur from the callers. */
static void
fill(struct sock_table *t, uint16_t from, uint16_t to)
{
	uint16_t p;

	for (p = from; p <= to; p++)
		add_conn(t, p, ST_ESTAB, 0);
}

static bool
diff(struct sock_table *prev, struct sock_table *cur, struct seen *n,
    uint32_t *now_at)
{
	memset(n, 0, sizeof *n);
	assert_int_equal(sock_table_index(prev), 0);
	assert_int_equal(sock_table_index(cur), 0);
	if (now_at != NULL)
		memset(now_at, 0, prev->n * sizeof *now_at);
	return sock_diff(prev, cur, count, n, now_at);
}

static void
same_sockets_in_another_order_change_nothing(void **state)
{
	struct sock_table prev, cur;
	uint32_t now_at[100];
	struct seen n;
	size_t i;

	(void)state;
	sock_table_init(&prev);
	sock_table_init(&cur);
	fill(&prev, 1, 100);
	for (i = 100; i >= 1; i--)
		add_conn(&cur, (uint16_t)i, ST_ESTAB, 0);
	assert_false(diff(&prev, &cur, &n, now_at));
	assert_int_equal(n.news + n.states + n.closed, 0);
	for (i = 0; i < 100; i++) {	/* port i + 1 went to index 99 - i */
		assert_int_equal(now_at[i], 100 - i);
		assert_int_equal(cur.v[now_at[i] - 1].rport, prev.v[i].rport);
	}
	assert_false(diff(&prev, &cur, &n, NULL));	/* the same without */
	sock_table_free(&prev);
	sock_table_free(&cur);
}

static void
a_queue_or_owner_change_is_a_change_without_events(void **state)
{
	struct sock_table prev, cur;
	uint32_t now_at[10];
	struct seen n;

	(void)state;
	sock_table_init(&prev);
	sock_table_init(&cur);
	fill(&prev, 1, 10);
	fill(&cur, 1, 10);
	cur.v[4].rqueue = 7;
	assert_true(diff(&prev, &cur, &n, now_at));
	assert_int_equal(n.news + n.states + n.closed, 0);
	cur.v[4].rqueue = 0;
	strcpy(cur.v[9].comm, "other");
	assert_true(diff(&prev, &cur, &n, now_at));
	sock_table_free(&prev);
	sock_table_free(&cur);
}

static void
new_state_and_closed_are_reported(void **state)
{
	struct sock_table prev, cur;
	uint32_t now_at[10];
	struct seen n;

	(void)state;
	sock_table_init(&prev);
	sock_table_init(&cur);
	fill(&prev, 1, 10);
	fill(&cur, 2, 10);			/* port 1 closed */
	cur.v[0].state = ST_FIN_WAIT1;		/* port 2 */
	add_conn(&cur, 11, ST_SYN_SENT, 0);	/* new */
	assert_true(diff(&prev, &cur, &n, now_at));
	assert_int_equal(n.news, 1);
	assert_int_equal(n.states, 1);
	assert_int_equal(n.closed, 1);
	assert_int_equal(n.last_closed_port, 1);
	assert_int_equal(now_at[0], 0);		/* closed: nowhere */
	assert_int_equal(now_at[1], 1);
	sock_table_free(&prev);
	sock_table_free(&cur);
}

/* One identity twice in the new table must not hide a closed socket
 * (the count of old sockets found again is of distinct ones). */
static void
a_duplicate_does_not_hide_a_close(void **state)
{
	struct sock_table prev, cur;
	uint32_t now_at[2];
	struct seen n;

	(void)state;
	sock_table_init(&prev);
	sock_table_init(&cur);
	fill(&prev, 1, 2);
	fill(&cur, 1, 1);
	fill(&cur, 1, 1);			/* port 1 twice, port 2 gone */
	assert_true(diff(&prev, &cur, &n, now_at));
	assert_int_equal(n.closed, 1);
	assert_int_equal(n.last_closed_port, 2);
	sock_table_free(&prev);
	sock_table_free(&cur);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_sockets_in_another_order_change_nothing),
		cmocka_unit_test(a_queue_or_owner_change_is_a_change_without_events),
		cmocka_unit_test(new_state_and_closed_are_reported),
		cmocka_unit_test(a_duplicate_does_not_hide_a_close),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
