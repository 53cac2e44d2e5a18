/*
 * sockets_owner.h: which process owns each socket, found by mapping the
 * socket inodes named in /proc/PID/fd ("socket:[N]").
 *
 * Incremental: a per-pid cache keeps each process's socket inodes and its
 * number of open fds (the size of /proc/PID/fd). A refresh whose sockets
 * are all mapped already reads nothing from /proc (but checks the fd
 * counts at least every OWNER_CHECK_SECONDS, for owners that changed);
 * otherwise it lists /proc, scans new processes and those whose fd count
 * changed, drops the gone, and keeps the rest as they were; only when
 * sockets stay ownerless does it rescan every process, at most every
 * OWNER_FULL_SECONDS. When several processes share a socket, the lowest
 * pid is shown.
 */
#ifndef SOCKETS_SOCKETS_OWNER_H
#define SOCKETS_SOCKETS_OWNER_H

#include "sock_table.h"

#define OWNER_FULL_SECONDS	5.0
#define OWNER_CHECK_SECONDS	5.0

struct sockets_owner;

struct sockets_owner	*sockets_owner_new(void);
void			 sockets_owner_free(struct sockets_owner *);
/* Sets pid, comm and owner_uid of every socket in t. */
void			 sockets_owner_refresh(struct sockets_owner *,
			     struct sock_table *t);
/* The user name of uid (cached), or its number as text. */
const char		*sockets_owner_user(struct sockets_owner *, uint32_t uid);
/* Processes scanned in the last walk of /proc (for tests and
 * benchmarks). */
unsigned		 sockets_owner_scanned(const struct sockets_owner *);

#endif
