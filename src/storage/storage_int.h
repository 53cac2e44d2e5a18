/*
 * storage_int.h: the storage engine's own state, shared by its files only:
 * storage.c (loading, circulation, loss, recall, events) and
 * storage_repair.c (the bounded repair buffers and Reed-Solomon).
 */
#ifndef STORAGE_STORAGE_INT_H
#define STORAGE_STORAGE_INT_H

#include <stdio.h>

#include "../../protocols/storage_chunk.h"
#include "storage.h"
#include "storage_rs.h"
#include "storage_sock.h"

#define GROUP_MAX	(STORAGE_RS_MAX_K + STORAGE_RS_MAX_M)

enum slot_state { SLOT_IDLE, SLOT_FLIGHT, SLOT_DEAD };

/* One copy of one chunk on the wire. */
struct slot {
	uint16_t	 seq;		/* of its last send */
	uint8_t		 state;		/* enum slot_state */
	uint16_t	 bytes;		/* echo payload */
	double		 sent;
};

struct member {
	uint8_t		 alive;		/* copies in flight */
	bool		 dead;		/* counted in its group's dead */
	bool		 gone;		/* lost for good */
	bool		 written;	/* recalled */
};

struct group {
	uint8_t		 dead;		/* members with no copy in flight */
	bool		 want_repair, gone;
	int		 repair;	/* its repair buffer, or -1 */
};

/* The only place chunk payloads are held: one group, k of its chunks. */
struct repair {
	int		 group;		/* -1: free */
	int		 nhave;
	bool		 have[GROUP_MAX];
	uint8_t		*blocks[GROUP_MAX];	/* STORAGE_CHUNK_MAX each */
};

struct storage {
	struct loop		*loop;
	struct evlog		*log;
	struct storage_config	 cfg;
	struct storage_sock	 sock;
	struct storage_rs	 rs;
	int			 fd;		/* the file while loading */
	uint64_t		 size;
	uint32_t		 file_id;
	unsigned		 ndata, ngroups, nmembers, nslots;
	struct member		*members;
	struct slot		*slots;
	struct group		*groups;
	uint8_t			*cells;
	uint32_t		*seq_slot;	/* 65536: seq -> slot + 1 */
	uint16_t		 next_seq, head;
	struct repair		 repairs[STORAGE_REPAIRS];
	unsigned		 loaded_groups;
	double			 srtt, rttvar, last_reply, started;
	bool			 have_rtt, ended, stopping;
	struct storage_stats	 st;
	/* Recall. */
	int			 out_fd;
	char			 out[4096];
	unsigned		 written;
	double			 recall_deadline;
	char			 why_gone[200];
	struct event		*load_ev, *tick_ev, *stats_ev;
	storage_done_fn		 done;
	void			*done_arg;
};

/* Member numbering: data chunks 0..ndata-1, then m parity per group. */
unsigned storage_group_of(const struct storage *, unsigned member);
unsigned storage_pos_of(const struct storage *, unsigned member);
unsigned storage_member_at(const struct storage *, unsigned group, unsigned pos);
/* Data chunks of the group that exist (the last group may be short). */
unsigned storage_real_data(const struct storage *, unsigned group);
/* Builds the echo payload of a member from its (padded) block. */
size_t	 storage_build(const struct storage *, unsigned member,
	     const uint8_t *block, uint8_t *out, size_t outlen);
/* Sends bytes into every dead copy of member; returns how many. */
unsigned storage_revive(struct storage *, unsigned member, const uint8_t *bytes,
	     size_t len);
/* A data block reached us: written out if a recall is running. */
void	 storage_recall_block(struct storage *, unsigned member,
	     const uint8_t *payload, size_t len);
void	 storage_group_lost(struct storage *, unsigned group, const char *why);

/* storage.c */
void	 storage_end(struct storage *, int status);
void	 storage_push_stats(struct storage *, const char *kind);
void	 storage_push_error(struct storage *, const char *why);

/* storage_flight.c */
uint16_t storage_payload_len(const struct storage *, unsigned member);
double	 storage_rto(const struct storage *);
void	 storage_on_reply(void *arg, uint16_t seq, const uint8_t *data,
	     size_t len);
void	 storage_timeouts(struct storage *, double now, double limit);

/* storage_recall.c */
/* Nothing can come back: recall what is there, or say the file is lost. */
void	 storage_give_up(struct storage *);
void	 storage_finish_recall(struct storage *);

/* storage_repair.c */
int	 storage_repair_init(struct storage *);
void	 storage_repair_free(struct storage *);
/* The group lost a member: start (or queue) its repair. */
void	 storage_repair_want(struct storage *, unsigned group);
/* A member's chunk passed by: kept if its group is being repaired. */
void	 storage_repair_offer(struct storage *, unsigned member,
	     const struct storage_chunk *);
/* Whether the repair buffer holds member's block. */
bool	 storage_repair_holds(const struct storage *, unsigned member);
void	 storage_repair_drop(struct storage *, unsigned group);

#endif
