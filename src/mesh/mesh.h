/*
 * mesh.h: the peer mesh engine. One UDP socket on the loop; peers met
 * through any member, holes punched through NATs, keepalives, and chat
 * messages delivered to every peer exactly once and in order per sender.
 * Everything it does is reported as events of engine "mesh".
 *
 * A room is sealed (every datagram encrypted and authenticated with a key
 * stretched from the room secret) unless the config asks for plaintext,
 * the readable teaching mode.
 */
#ifndef MESH_MESH_H
#define MESH_MESH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mesh_addr.h"

struct loop;
struct evlog;

#define MESH_ROOM_MAX		256
#define MESH_FINGERPRINT_LEN	20	/* "ab12 cd34 ef56 7890" + NUL */

struct mesh_config {
	char		 name[MESH_NAME_MAX + 1];
	uint16_t	 port;		/* 0: MESH_DEFAULT_PORT */
	double		 keepalive;	/* seconds between keepalives */
	bool		 bound;		/* bind to this address only */
	struct sockaddr_in6 bind;	/* and advertise only it */
	bool		 plaintext;	/* teaching mode: readable datagrams */
	char		 room[MESH_ROOM_MAX + 1];	/* the secret, if sealed */
	/* The identity key file; "" for $XDG_CONFIG_HOME/punchline/identity
	 * (~/.config/punchline/identity). */
	char		 identity[256];
};

/* One peer as the peers list shows it (a copy: the engine goes on). */
struct mesh_peer_view {
	char		 name[MESH_NAME_MAX + 1];
	char		 fingerprint[MESH_FINGERPRINT_LEN];	/* "" in plaintext */
	const char	*state;		/* punching, direct, lost */
	const char	*path;		/* none, public, lan */
	char		 endpoint[MESH_ADDR_STRLEN];	/* path in use, or "" */
	char		 local[MESH_ADDR_STRLEN];	/* first self-reported */
	double		 rtt_ms;	/* 0 until measured */
	double		 heard_ago;	/* seconds since last datagram */
	unsigned	 rejected;	/* datagrams from it that were dropped */
};

struct mesh;

/* Binds the socket; NULL with a reason in err. */
struct mesh	*mesh_new(struct loop *, struct evlog *, const struct mesh_config *,
		     char *err, size_t errlen);
void		 mesh_free(struct mesh *);
/* Joins the mesh through any member (HELLO until it answers). */
void		 mesh_join(struct mesh *, const struct sockaddr_in6 *);
/* Sends one chat line to every peer; returns its local message number. */
uint32_t	 mesh_send_text(struct mesh *, const char *text, size_t len);
/* Finishes what is queued (delivered or failed), says BYE, then calls done. */
void		 mesh_close(struct mesh *, void (*done)(void *), void *arg);
/* Looks for a member on every UDP port lo..hi of host, at most rate
 * probes a second; stops at the first answer and joins through it. */
void		 mesh_scan(struct mesh *, const struct sockaddr_in6 *host,
		     uint16_t lo, uint16_t hi, unsigned rate);
/* A new name, told to every peer at once. */
void		 mesh_set_name(struct mesh *, const char *name);
/* Up to max peers into out; returns the count. */
size_t		 mesh_peers(const struct mesh *, struct mesh_peer_view *out,
		     size_t max);
/* This instance: own fingerprint ("" in plaintext) and total rejects. */
const char	*mesh_fingerprint(const struct mesh *);
unsigned	 mesh_rejected(const struct mesh *);
bool		 mesh_plaintext(const struct mesh *);
uint16_t	 mesh_port(const struct mesh *);
/* Fragments queued to the busiest peer, and how many fit: a sender that
 * reads from a pipe stops reading while this is high (backpressure). */
size_t		 mesh_backlog(const struct mesh *);
size_t		 mesh_backlog_max(void);

#endif
