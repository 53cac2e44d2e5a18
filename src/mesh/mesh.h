/*
 * mesh.h: the peer mesh engine. One UDP socket on the loop; peers met
 * through any member, holes punched through NATs, keepalives, and chat
 * messages delivered to every peer exactly once and in order per sender.
 * Everything it does is reported as events of engine "mesh".
 *
 * This first engine speaks plaintext only (the teaching mode); sealed
 * rooms (libsodium) come next.
 */
#ifndef MESH_MESH_H
#define MESH_MESH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mesh_addr.h"

struct loop;
struct evlog;

struct mesh_config {
	char		 name[MESH_NAME_MAX + 1];
	uint16_t	 port;		/* 0: MESH_DEFAULT_PORT */
	double		 keepalive;	/* seconds between keepalives */
	bool		 bound;		/* bind to this address only */
	struct sockaddr_in6 bind;	/* and advertise only it */
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
uint16_t	 mesh_port(const struct mesh *);
/* Fragments queued to the busiest peer, and how many fit: a sender that
 * reads from a pipe stops reading while this is high (backpressure). */
size_t		 mesh_backlog(const struct mesh *);
size_t		 mesh_backlog_max(void);

#endif
