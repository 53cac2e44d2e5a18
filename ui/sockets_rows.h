/*
 * sockets_rows.h: the Sockets pane's model: the rows shown (the engine's
 * snapshot after the pane's filter and toggles, plus closed sockets still
 * fading), their marks (new, OLD->NEW, closed) kept a few seconds after
 * the events that made them, the sort, and each socket's recent history.
 * No curses here: pane_sockets.c draws these rows.
 */
#ifndef UI_SOCKETS_ROWS_H
#define UI_SOCKETS_ROWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../src/core/evlog.h"
#include "../src/sockets/sock_filter.h"
#include "../src/sockets/sock_format.h"
#include "../src/sockets/sockets.h"

#define ROWS_MARK_SECONDS	5.0	/* new / OLD->NEW / closed are shown this long */
#define ROWS_MARKS		512
#define ROWS_HISTORY		256
#define ROWS_KEY_MAX		(2 * SOCK_ADDR_MAX + 32)

enum row_mark { MARK_NONE, MARK_NEW, MARK_STATE, MARK_CLOSED };

enum row_col {
	COL_PROTO, COL_RECVQ, COL_SENDQ, COL_LOCAL, COL_PEER, COL_STATE,
	COL_PROC, COL_USER, COL_COUNT
};

struct row {
	const struct sock *sk;		/* in the snapshot; NULL when closed */
	char		 proto[8];
	uint32_t	 rq, wq;
	char		 local[SOCK_ADDR_MAX], peer[SOCK_ADDR_MAX];
	char		 state[40];	/* "ESTAB", or "SYN-SENT->ESTAB" */
	int		 pid;
	char		 program[SOCK_COMM_MAX];
	char		 user[33];
	uint32_t	 inode;
	enum row_mark	 mark;
	bool		 own;
	char		 key[ROWS_KEY_MAX];
	uint32_t	 hash;		/* of key */
};

struct row_mark_rec {
	char		 key[ROWS_KEY_MAX];
	uint32_t	 hash;
	enum row_mark	 kind;
	double		 when;
	char		 old[16], new[16];
	struct row	 ghost;		/* a closed socket, as it was */
};

struct row_hist {
	char		 key[ROWS_KEY_MAX];
	double		 when;
	char		 what[48];	/* "new ESTAB", "ESTAB->FIN-WAIT-1", "closed" */
};

struct toggles {
	bool		 proto[SP_NPROTO];
	bool		 v4, v6, listening_only;
};

struct rows {
	struct row		*v;
	size_t			 n, cap, total;	/* total: in the snapshot */
	size_t			 closed;	/* of n: closed rows still shown */
	struct row_mark_rec	 marks[ROWS_MARKS];
	size_t			 nmarks;
	struct row_hist		 hist[ROWS_HISTORY];
	size_t			 nhist;		/* ever added */
	int			 sort_col;
	bool			 sort_reverse;
	struct sock_filter	 filter;
	struct toggles		 toggles;
	int			 own_pid;
};

void	 rows_init(struct rows *, int own_pid);
void	 rows_free(struct rows *);
/* A sockets engine event: marks and history. now: wall clock. */
void	 rows_on_event(struct rows *, const struct ev *);
/* Rebuilds the rows from the engine's snapshot, drops expired marks and
 * sorts. */
void	 rows_build(struct rows *, struct sockets *, double now);
/* Right after a refresh that changed nothing shown (see
 * sockets_generation): points the rows at the same sockets in the new
 * snapshot, for a fraction of a rebuild. False if one is missing. */
bool	 rows_repoint(struct rows *, struct sockets *);
/* The identity key of a socket as the events spell it. */
void	 rows_key(char *buf, size_t len, const char *proto, const char *local,
	     const char *peer, uint32_t inode, const char *state);
const char *rows_col_name(int col);
/* The row with this key, or -1. */
long	 rows_find(const struct rows *, const char *key);

#endif
