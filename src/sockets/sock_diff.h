/*
 * sock_diff.h: what changed between two refreshes: sockets that are new,
 * that changed state (OLD -> NEW), and that closed. Pure: it walks two
 * indexed tables and calls back, in that order.
 */
#ifndef SOCKETS_SOCK_DIFF_H
#define SOCKETS_SOCK_DIFF_H

#include <stdbool.h>

#include "sock_table.h"

enum sock_change { SOCK_NEW, SOCK_STATE, SOCK_CLOSED };

/* s: the socket now (for SOCK_CLOSED: as it was); old: as it was before
 * (NULL for SOCK_NEW). */
typedef void (*sock_diff_fn)(enum sock_change, const struct sock *s,
    const struct sock *old, void *arg);

/* Both tables must be indexed (sock_table_index). True when anything a
 * table shows differs: a socket new, closed or in another state, or its
 * queues or owner changed. now_at (prev->n zeroed entries) receives, for
 * each old socket, 1 + its index in cur, or 0 when it closed; NULL: not
 * wanted. */
bool	 sock_diff(const struct sock_table *prev, const struct sock_table *cur,
	     sock_diff_fn fn, void *arg, uint32_t *now_at);

#endif
