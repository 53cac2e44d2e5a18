/*
 * ladder.h: the hole-punch ladder as data. Punchline's mesh datagrams,
 * seen at one place or at several at once (one capture per lab
 * namespace, so both sides of each NAT are seen), become arrows of a
 * sequence diagram: the copies of one datagram (same sender id, sequence,
 * type and first bytes) merge into ONE arrow from its sender's column to
 * its receiver's, with its addresses as sent and as last seen (before and
 * after each NAT's translation). A datagram that reaches a NAT's public
 * side and never the LAN behind it (within LADDER_GRACE_MS) is dropped
 * there.
 *
 * Columns are roles (alice, nat-a, rendezvous, nat-b, bob) when a role
 * table is given (the lab's: src/main.c fills it, src/capture knows
 * nothing of the lab), else one per endpoint address:port, named after
 * the peer whose hello came from it. Pure logic: no I/O, no curses.
 */
#ifndef CAPTURE_LADDER_H
#define CAPTURE_LADDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/time.h>

#include "../../protocols/dissect.h"
#include "capture_pkt.h"

#define LADDER_ROLES_MAX	8
#define LADDER_TAPS_MAX		12
#define LADDER_ADDRS_MAX	4
#define LADDER_ADDR_LEN		48	/* "[2001:db8:100::10]:12345" */
#define LADDER_NAME_LEN		(MESH_NAME_MAX + 1)
#define LADDER_COPIES_MAX	8
#define LADDER_GRACE_MS		300
#define LADDER_ARROWS_DEFAULT	1024

struct ladder_role {
	char		 name[LADDER_NAME_LEN];	/* "nat-b" */
	char		 netns[LADDER_NAME_LEN];	/* "pl-nat-b", "" if none */
	bool		 nat;
	/* Its addresses: an IP ("198.51.100.3"), or without a role table
	 * the one endpoint of the column ("127.0.0.1:12345"). */
	char		 addr[LADDER_ADDRS_MAX][LADDER_ADDR_LEN];
	size_t		 naddr;
};

/* The roles in column order, and the places captured ("nat-b:wan0") in
 * the order a datagram from the first column to the last passes them. */
struct ladder_roles {
	struct ladder_role	 role[LADDER_ROLES_MAX];
	size_t			 nrole;
	char			 tap[LADDER_TAPS_MAX][CAPTURE_WHERE_MAX];
	size_t			 ntap;
};

/* One copy of a datagram: where it was seen and its addresses there. */
struct ladder_copy {
	int		 pos;		/* index of its tap, -1 if none */
	struct timeval	 ts;
	char		 where[CAPTURE_WHERE_MAX];
	char		 src[LADDER_ADDR_LEN], dst[LADDER_ADDR_LEN];
};

struct ladder_arrow {
	struct timeval	 ts;		/* of the first copy */
	uint64_t	 sender;
	uint32_t	 seq, hash;
	uint8_t		 type, flags;
	bool		 done;		/* no more copies will join */
	int		 from, to;	/* columns, -1 if unknown */
	int		 dropped_at;	/* the NAT's column, or -1 */
	/* Never reached the receiver's places, though they see traffic
	 * (a probe to a private address the public side cannot route). */
	bool		 lost;
	/* Sorted at the end: nearest the sender first. */
	struct ladder_copy copy[LADDER_COPIES_MAX];
	size_t		 ncopy;
};

struct ladder;

/* roles NULL: a column per endpoint. keep: arrows kept for ladder_get. */
struct ladder	*ladder_new(const struct ladder_roles *, size_t keep);
void		 ladder_free(struct ladder *);
void		 ladder_clear(struct ladder *);
/* A packet and its dissection; anything but a mesh datagram is ignored.
 * True if it was one. */
bool		 ladder_add(struct ladder *, const struct capture_pkt *,
		     const struct dissect *);
typedef void	(*ladder_arrow_fn)(const struct ladder *,
		     const struct ladder_arrow *, void *arg);
/* Ends, oldest first, every arrow whose last copy is LADDER_GRACE_MS older
 * than now (all of them if now is NULL: the end of a file) and hands each
 * to fn (may be NULL). Arrows end in the order their first copies came. */
size_t		 ladder_flush(struct ladder *, const struct timeval *now,
		     ladder_arrow_fn, void *arg);

/* The arrows kept, ended or not, 0 the oldest. */
size_t		 ladder_count(const struct ladder *);
const struct ladder_arrow *ladder_get(const struct ladder *, size_t i);
size_t		 ladder_columns(const struct ladder *);
const struct ladder_role *ladder_column(const struct ladder *, int col);
/* The column's name, "?" for -1. */
const char	*ladder_column_name(const struct ladder *, int col);
/* The addresses as sent and as last seen. */
const struct ladder_copy *ladder_before(const struct ladder_arrow *);
const struct ladder_copy *ladder_after(const struct ladder_arrow *);
/* The column of the role a place belongs to ("nat-b:wan0" -> nat-b's),
 * or -1. */
int		 ladder_place_column(const struct ladder *, const char *where);
/* The tap's index in the role table, or -1. */
int		 ladder_tap_index(const struct ladder_roles *, const char *where);

#endif
