/* sock_diff.c: new, changed and closed sockets between two refreshes. */
#include <string.h>

#include "sock_diff.h"

/* What a table shows beside the state: queues and owner. */
static bool
looks_different(const struct sock *a, const struct sock *b)
{
	return a->rqueue != b->rqueue || a->wqueue != b->wqueue ||
	    a->pid != b->pid || a->owner_uid != b->owner_uid ||
	    strcmp(a->comm, b->comm) != 0;
}

bool
sock_diff(const struct sock_table *prev, const struct sock_table *cur,
    sock_diff_fn fn, void *arg, uint32_t *now_at)
{
	const struct sock *old;
	bool differs = prev->n != cur->n;
	size_t i, found = 0, at;

	for (i = 0; i < cur->n; i++) {
		old = sock_table_find(prev, &cur->v[i]);
		if (old == NULL) {
			fn(SOCK_NEW, &cur->v[i], NULL, arg);
			differs = true;
			continue;
		}
		at = (size_t)(old - prev->v);
		if (now_at != NULL) {
			found += now_at[at] == 0;	/* a table may hold
							 * one identity twice */
			now_at[at] = (uint32_t)i + 1;
		}
		if (old->state != cur->v[i].state) {
			fn(SOCK_STATE, &cur->v[i], old, arg);
			differs = true;
		} else if (!differs && looks_different(old, &cur->v[i]))
			differs = true;
	}
	if (now_at != NULL && found == prev->n)
		return differs;		/* every old socket is still there */
	for (i = 0; i < prev->n; i++)
		if (sock_table_find(cur, &prev->v[i]) == NULL) {
			fn(SOCK_CLOSED, &prev->v[i], NULL, arg);
			differs = true;
		}
	return differs;
}
