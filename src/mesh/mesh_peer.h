/*
 * mesh_peer.h: what the engine keeps per peer, and the engine's own state.
 * Shared by the engine's files only (mesh.c, mesh_deliver.c); others use
 * mesh.h.
 */
#ifndef MESH_MESH_PEER_H
#define MESH_MESH_PEER_H

#include <stdbool.h>
#include <stdint.h>

#include "mesh.h"
#include "mesh_identity.h"
#include "mesh_replay.h"
#include "mesh_scan.h"
#include "mesh_seal.h"
#include "mesh_sources.h"

#define MESH_MAX_PEERS		64
#define MESH_MAX_CANDIDATES	(MESH_MAX_ENDPOINTS + 4)
#define MESH_OUTQ		512	/* fragments queued per peer */
#define MESH_WINDOW		128	/* fragments in flight per peer */
#define MESH_RX_SLOTS		128	/* messages reassembled ahead */

enum peer_state { PEER_PUNCHING, PEER_DIRECT, PEER_LOST, PEER_GONE };
enum peer_path { PATH_NONE, PATH_PUBLIC, PATH_LAN };

struct out_frag {
	uint32_t	 seq;		/* message number on this link */
	uint32_t	 local_msg;	/* the sender's own message number */
	uint16_t	 fragment, fragments, len;
	bool		 acked;
	int		 tries;
	double		 sent_at, rto;
	uint8_t		 text[MESH_FRAGMENT_MAX];
};

struct rx_msg {
	uint32_t	 seq;
	uint16_t	 fragments;
	uint16_t	 have;		/* bit per fragment received */
	uint16_t	 lens[MESH_MAX_FRAGMENTS];
	uint8_t		*buf;		/* fragments * MESH_FRAGMENT_MAX */
};


struct mesh_peer {
	bool			 used;
	uint64_t		 id;
	char			 name[MESH_NAME_MAX + 1];
	uint8_t			 key[MESH_KEY_LEN];
	uint8_t			 pair_key[SEAL_KEY_LEN];	/* sealed rooms */
	char			 fingerprint[MESH_FINGERPRINT_LEN];
	struct replay		 replay;
	enum peer_state		 state;
	enum peer_path		 path;
	struct sockaddr_in6	 addr;		/* the path in use */
	struct mesh_endpoint	 locals[MESH_MAX_ENDPOINTS];
	uint8_t			 nlocals;
	struct sockaddr_in6	 cands[MESH_MAX_CANDIDATES];
	int			 ncands;
	uint64_t		 punch_token;
	double			 punch_started, punch_last;
	double			 last_heard, last_sent, lost_at, last_probe;
	double			 srtt;		/* 0 until measured */
	unsigned		 rejected;	/* its datagrams we dropped */
	/* delivery */
	uint32_t		 tx_next, rx_next;
	double			 last_progress;	/* last ack, or queue empty */
	struct out_frag		*outq;		/* ring of MESH_OUTQ */
	size_t			 out_head, out_len;
	struct rx_msg		 rx[MESH_RX_SLOTS];
};

struct mesh {
	struct loop		*loop;
	struct evlog		*log;
	struct mesh_config	 cfg;
	int			 fd;
	uint16_t		 port;
	uint64_t		 id;
	uint32_t		 seq;
	struct mesh_identity	 identity;	/* sealed rooms only */
	uint8_t			 room_key[SEAL_KEY_LEN];
	char			 fingerprint[MESH_FINGERPRINT_LEN];
	struct sources		 sources;
	struct bucket		 scan_answers;	/* all sources together */
	struct mesh_scan	 scan;
	uint32_t		 next_msg;
	struct event		*read_ev, *tick_ev;
	struct mesh_peer	 peers[MESH_MAX_PEERS];
	struct mesh_endpoint	 locals[MESH_MAX_ENDPOINTS];
	int			 nlocals;
	bool			 has_public;	/* a member told us our face */
	struct sockaddr_in6	 public_ep;
	bool			 joining;
	struct sockaddr_in6	 join_addr;
	double			 join_started, join_last, joined_at;
	unsigned		 rejected;	/* every datagram dropped */
	bool			 closing;
	double			 close_started;
	void			(*close_done)(void *);
	void			*close_arg;
};

/* mesh.c */
/* Sends one datagram; sealed rooms seal it with the room key, or with the
 * pair key of p for the types only peers exchange (p may be NULL for the
 * others). */
int	 mesh_send(struct mesh *, const struct mesh_peer *p,
	     const struct sockaddr_in6 *, uint8_t type, uint8_t flags,
	     const struct mesh_body *);
void	 mesh_emit_peer(struct mesh *, const struct mesh_peer *, const char *why);
void	 mesh_rtt_sample(struct mesh_peer *, double rtt);

/* mesh_deliver.c */
void	 deliver_init(struct mesh_peer *);
void	 deliver_free(struct mesh_peer *);
void	 deliver_queue(struct mesh *, struct mesh_peer *, uint32_t local_msg,
	     const char *text, size_t len);
void	 deliver_on_chat(struct mesh *, struct mesh_peer *, const struct mesh_chat *);
void	 deliver_on_ack(struct mesh *, struct mesh_peer *, uint32_t seq,
	     uint16_t fragment);
void	 deliver_tick(struct mesh *, struct mesh_peer *, double now);
bool	 deliver_idle(const struct mesh_peer *);
/* Reports every queued message to this peer as failed, and drops them. */
void	 deliver_fail_all(struct mesh *, struct mesh_peer *, const char *why);

#endif
