/* sock_diff.c: new, changed and closed sockets between two refreshes. */
#include "sock_diff.h"

void
sock_diff(const struct sock_table *prev, const struct sock_table *cur,
    sock_diff_fn fn, void *arg)
{
	const struct sock *old;
	size_t i;

	for (i = 0; i < cur->n; i++) {
		old = sock_table_find(prev, &cur->v[i]);
		if (old == NULL)
			fn(SOCK_NEW, &cur->v[i], NULL, arg);
		else if (old->state != cur->v[i].state)
			fn(SOCK_STATE, &cur->v[i], old, arg);
	}
	for (i = 0; i < prev->n; i++)
		if (sock_table_find(cur, &prev->v[i]) == NULL)
			fn(SOCK_CLOSED, &prev->v[i], NULL, arg);
}
