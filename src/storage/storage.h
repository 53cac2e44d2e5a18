/*
 * storage.h: the storage in flight. A file lives only in ICMP echoes
 * bounced off a far host: each chunk is sent again the moment its reply
 * returns, its bytes taken from the reply. What the program holds is
 * bounded (STORAGE_REPAIRS group buffers, one group being loaded, one
 * packet): see storage_window_bytes() and the man page.
 *
 * Redundancy against loss: every chunk in `copies` copies, and per group
 * of k data chunks m Reed-Solomon parity chunks. A chunk is lost when a
 * later echo returns before it (the wire keeps order) or when it is not
 * back within the retransmission timeout computed from the RTT. A lost
 * copy is put back from a sibling copy as it passes; a chunk with no copy
 * left is rebuilt once k chunks of its group have passed by (collected in
 * a repair buffer) and re-injected. A group with fewer than k chunks left
 * is lost for good.
 */
#ifndef STORAGE_STORAGE_H
#define STORAGE_STORAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <netinet/in.h>

struct loop;
struct evlog;
struct storage;

#define STORAGE_REPAIRS		4	/* groups repaired at once, at most */
#define STORAGE_MAX_SLOTS	16384	/* chunks times copies in flight */
#define STORAGE_SILENCE_S	5.0	/* no reply this long: far is gone */
#define STORAGE_RTO_MIN_S	0.5	/* the retransmission timeout, at least */

struct storage_config {
	char		 path[4096];	/* the file to store */
	char		 via[256];	/* the host, as typed */
	struct sockaddr_in dst;
	unsigned	 copies;	/* 1-8 */
	unsigned	 k, m;		/* data and parity chunks per group */
	bool		 classic;	/* for the name in events only */
};

/* A chunk's state, for the grid of the Storage view. */
enum storage_cell {
	STORAGE_CELL_FLIGHT,		/* on the wire */
	STORAGE_CELL_LOST,		/* no copy left, waiting for repair */
	STORAGE_CELL_REPAIRED,		/* rebuilt and back on the wire */
	STORAGE_CELL_GONE,		/* lost for good */
	STORAGE_CELL_RECALLED,		/* written to the recall file */
};

struct storage_stats {
	unsigned	 data_chunks, parity_chunks, copies, k, m;
	uint64_t	 size;
	unsigned	 in_flight_chunks;	/* distinct chunks */
	unsigned	 in_flight_packets;	/* with copies */
	uint64_t	 in_flight_bytes;	/* echo payloads on the wire */
	double		 rtt_ms;
	uint64_t	 sent, received, lost, copies_restored, repaired;
	unsigned	 lost_for_good;		/* data chunks */
	size_t		 window_bytes;		/* what the program may hold */
	const char	*socket_kind;
	bool		 loading, recalling, ended;
};

/* status: 0 recalled intact; 1 not intact (or far silent, or stopped). */
typedef void (*storage_done_fn)(void *arg, int status);

/* Opens the socket and checks the file; NULL with a reason in err. */
struct storage	*storage_new(struct loop *, struct evlog *,
		     const struct storage_config *, char *err, size_t errlen);
/* Reads the file into flight, group by group, then closes it. */
int		 storage_start(struct storage *, storage_done_fn, void *arg,
		     char *err, size_t errlen);
/* Collects every data chunk as it passes into out; ends the storage. */
int		 storage_recall(struct storage *, const char *out, char *err,
		     size_t errlen);
/* Stops without recalling: what was in flight is let go. */
void		 storage_stop(struct storage *);
void		 storage_free(struct storage *);
void		 storage_get_stats(const struct storage *, struct storage_stats *);
/* One cell per chunk (data first, then parity); n set to the count. */
const uint8_t	*storage_cells(const struct storage *, size_t *n);
size_t		 storage_window_bytes(unsigned k, unsigned m);

#endif
