/*
 * sock_table.h: one refresh's sockets, an array with a hash index on the
 * socket's identity, so two refreshes can be diffed in linear time.
 *
 * Identity: UNIX sockets by inode; TCP by protocol, family and both
 * endpoints (a connection keeps them from SYN-SENT to TIME-WAIT, when
 * its inode drops to 0), listeners also by inode (SO_REUSEPORT); UDP and
 * RAW by endpoints and inode.
 */
#ifndef SOCKETS_SOCK_TABLE_H
#define SOCKETS_SOCK_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "sock.h"

struct sock_table {
	struct sock	*v;
	size_t		 n, cap;
	struct sock_slot {
		uint32_t at;		/* 1 + array index; 0 empty */
		uint32_t hash;		/* of that socket's identity */
	}		*index;
	size_t		 nslots;	/* a power of two */
};

void		 sock_table_init(struct sock_table *);
void		 sock_table_free(struct sock_table *);
/* Empties the table, keeping its memory. */
void		 sock_table_clear(struct sock_table *);
/* A new zeroed entry at the end, or NULL when out of memory. It is not
 * indexed until sock_table_index. */
struct sock	*sock_table_add(struct sock_table *);
/* Drops the last entry (added, then found unwanted). */
void		 sock_table_drop_last(struct sock_table *);
/* (Re)builds the hash index over every entry: 0, or -1 (no memory). */
int		 sock_table_index(struct sock_table *);
/* The entry with the same identity as s, or NULL. */
const struct sock *sock_table_find(const struct sock_table *, const struct sock *s);
/* The UNIX socket with this inode, or NULL. */
const struct sock *sock_table_find_inode(const struct sock_table *, uint32_t);
/* Swaps two tables' contents. */
void		 sock_table_swap(struct sock_table *, struct sock_table *);

#endif
