/*
 * mesh.c: the mesh engine: socket, join, introductions, hole punching,
 * keepalives and loss. Delivery of chat is in mesh_deliver.c.
 *
 * Join: a newcomer sends HELLO to any member until a HELLO answers. A
 * member that meets a new peer introduces it to every peer it knows and
 * every known peer to it (INTRODUCE: the endpoint observed on the wire and
 * the ones the peer reports for itself). Both sides of an introduction then
 * probe every candidate at once, every 200 ms for 5 s, until a probe is
 * answered: the answered address is the path. A probe from an address we
 * did not know (a symmetric NAT's new port) becomes a candidate too.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/random.h>
#include <sys/socket.h>

#include <sodium.h>

#include "../core/evlog.h"
#include "../core/loop.h"
#include "mesh_peer.h"

#define TICK		0.1	/* the engine's one timer */
#define JOIN_EVERY	0.5
#define JOIN_GIVE_UP	10.0
#define JOIN_SETTLE	3.0	/* keep saying hello this long after an answer,
				 * so each hello brings the introductions again
				 * and one lost INTRODUCE loses nothing */
#define PUNCH_EVERY	0.2
#define PUNCH_FOR	5.0
#define LOST_GRACE	4.0	/* lost this long after an answer was due
				 * (the 0.1 s tick keeps it within 5 s) */
#define FORGET_AFTER	60.0
#define READ_BUDGET	256	/* datagrams per wake-up: bounded work */
#define CLOSE_WAIT	5.0	/* on close, wait this long for acks */
#define REJECT_EVENTS_PER_S	10	/* logged per source; all counted */
#define REJECT_EVENTS_BURST	20
#define ANSWERS_PER_S	50	/* replies to a source that is no peer */
#define ANSWERS_BURST	100
#define SCAN_ANSWERS_PER_S	5	/* scan replies, all sources together:
					 * nobody can use us as an amplifier */

static const char *const state_names[] = { "punching", "direct", "lost", "gone" };
static const char *const path_names[] = { "none", "public", "lan" };

static uint64_t
random64(void)
{
	uint64_t v = 0;

	if (getrandom(&v, sizeof v, 0) != sizeof v)
		v = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
	return v;
}

void
mesh_rtt_sample(struct mesh_peer *p, double rtt)
{
	if (rtt <= 0 || rtt > 10)
		return;
	p->srtt = p->srtt == 0 ? rtt : 0.875 * p->srtt + 0.125 * rtt;
}

/* Types only two peers that know each other exchange: sealed with their
 * pair key, so they prove who sent them. */
static bool
is_pair_type(uint8_t type)
{
	return type == MESH_CHAT || type == MESH_ACK || type == MESH_KEEPALIVE ||
	    type == MESH_KEEPALIVE_ACK || type == MESH_BYE;
}

int
mesh_send(struct mesh *m, const struct mesh_peer *p,
    const struct sockaddr_in6 *to, uint8_t type, uint8_t flags,
    const struct mesh_body *b)
{
	uint8_t body[MESH_MAX_DATAGRAM], dgram[MESH_MAX_DATAGRAM];
	struct mesh_header h = { MESH_VERSION, type, flags, 0, m->id, ++m->seq };
	bool sealed = !m->cfg.plaintext;
	size_t blen, plen, n;

	if (sealed && is_pair_type(type) && p == NULL)
		return -1;
	if (sealed)
		h.flags |= MESH_FLAG_SEALED;
	if (!mesh_build_body(type, b, body, sizeof body, &blen))
		return -1;
	plen = sealed ? blen + MESH_SEAL_OVERHEAD : blen;
	if (plen > sizeof body ||
	    (n = mesh_build(&h, body, plen, dgram, sizeof dgram)) == 0)
		return -1;
	if (sealed)	/* the header is built: seal the body behind it */
		seal_payload(is_pair_type(type) ? p->pair_key : m->room_key,
		    dgram, body, blen, dgram + MESH_HEADER_LEN);
	return sendto(m->fd, dgram, n, 0, (const struct sockaddr *)to,
	    sizeof *to) == (ssize_t)n ? 0 : -1;
}

void
mesh_emit_peer(struct mesh *m, const struct mesh_peer *p, const char *why)
{
	char addr[MESH_ADDR_STRLEN] = "";
	struct ev ev;

	if (p->path != PATH_NONE)	/* the path in use, or the last one */
		mesh_addr_format(&p->addr, addr, sizeof addr);
	else if (p->ncands > 0)
		mesh_addr_format(&p->cands[0], addr, sizeof addr);
	ev_init(&ev, "mesh", "peer");
	ev_str(&ev, "name", p->name);
	ev_str(&ev, "state", state_names[p->state]);
	ev_str(&ev, "endpoint", addr);
	ev_str(&ev, "path", path_names[p->path]);
	if (p->fingerprint[0] != '\0')
		ev_str(&ev, "fingerprint", p->fingerprint);
	if (p->srtt > 0)
		ev_real(&ev, "rtt_ms", p->srtt * 1000);
	if (why != NULL)
		ev_str(&ev, "reason", why);
	evlog_push(m->log, &ev);
}

/* Every dropped datagram is counted (and against its peer, when the
 * sender id names one); the event is logged within a per-source budget so
 * a flood cannot flood the log too. */
static void
reject(struct mesh *m, struct mesh_peer *p, const struct sockaddr_in6 *from,
    const char *why)
{
	double now = clock_mono();
	char addr[MESH_ADDR_STRLEN];
	struct source *src = sources_get(&m->sources, from, now);
	struct ev ev;

	m->rejected++;
	if (p != NULL)
		p->rejected++;
	if (!bucket_take(&src->events, now, REJECT_EVENTS_PER_S,
	    REJECT_EVENTS_BURST))
		return;
	mesh_addr_format(from, addr, sizeof addr);
	ev_init(&ev, "mesh", "rejected");
	ev_str(&ev, "reason", why);
	ev_str(&ev, "from", addr);
	ev_int(&ev, "count", m->rejected);
	if (p != NULL)
		ev_str(&ev, "peer", p->name);
	evlog_push(m->log, &ev);
}

static struct mesh_peer *
peer_find(struct mesh *m, uint64_t id)
{
	size_t i;

	for (i = 0; i < MESH_MAX_PEERS; i++)
		if (m->peers[i].used && m->peers[i].id == id)
			return &m->peers[i];
	return NULL;
}

static void
add_candidate(struct mesh_peer *p, const struct sockaddr_in6 *a)
{
	int i;

	for (i = 0; i < p->ncands; i++)
		if (mesh_addr_equal(&p->cands[i], a))
			return;
	if (p->ncands < MESH_MAX_CANDIDATES)
		p->cands[p->ncands++] = *a;
}

/* A new peer from a HELLO or an INTRODUCE; NULL with the reason in *why
 * when the table is full or its key unusable. */
static struct mesh_peer *
peer_add(struct mesh *m, uint64_t id, const struct mesh_peer_info *info,
    const char **why)
{
	struct mesh_peer *p = NULL;
	uint8_t pair[SEAL_KEY_LEN];
	size_t i;

	*why = "peer table full";
	if (!m->cfg.plaintext && seal_pair_key(m->room_key, &m->identity, m->id,
	    info->key, id, pair) != 0) {
		*why = "identity key is a weak point";
		return NULL;
	}
	for (i = 0; i < MESH_MAX_PEERS && p == NULL; i++)
		if (!m->peers[i].used)
			p = &m->peers[i];
	if (p == NULL)
		return NULL;
	memset(p, 0, sizeof *p);
	p->used = true;
	p->id = id;
	memcpy(p->name, info->name, sizeof p->name);
	memcpy(p->key, info->key, sizeof p->key);
	if (!m->cfg.plaintext) {
		memcpy(p->pair_key, pair, sizeof pair);
		identity_fingerprint(p->key, p->fingerprint,
		    sizeof p->fingerprint);
	}
	p->nlocals = info->nlocal;
	memcpy(p->locals, info->local, sizeof p->locals);
	p->last_heard = clock_mono();
	deliver_init(p);
	return p;
}

static void
peer_remove(struct mesh *m, struct mesh_peer *p, const char *why)
{
	deliver_fail_all(m, p, why);
	p->state = PEER_GONE;	/* keeps its last path for the event */
	mesh_emit_peer(m, p, why);
	deliver_free(p);
	p->used = false;
}

static void
set_direct(struct mesh *m, struct mesh_peer *p, const struct sockaddr_in6 *a,
    const char *why)
{
	bool changed = p->state != PEER_DIRECT || !mesh_addr_equal(&p->addr, a);

	p->addr = *a;
	p->path = mesh_addr_is_private(a) ? PATH_LAN : PATH_PUBLIC;
	p->state = PEER_DIRECT;
	if (changed)
		mesh_emit_peer(m, p, why);
}

static void
send_hello(struct mesh *m, const struct sockaddr_in6 *to, uint8_t flags)
{
	struct mesh_body b;

	memset(&b, 0, sizeof b);
	memcpy(b.u.peer.name, m->cfg.name, sizeof b.u.peer.name);
	memcpy(b.u.peer.key, m->identity.pk, sizeof b.u.peer.key);
	b.u.peer.nlocal = (uint8_t)m->nlocals;
	memcpy(b.u.peer.local, m->locals, sizeof b.u.peer.local);
	mesh_send(m, NULL, to, MESH_HELLO, flags, &b);
}

/* Tells `to` about `about`, as this member sees it. */
static void
introduce(struct mesh *m, const struct mesh_peer *to,
    const struct mesh_peer *about)
{
	struct mesh_body b;

	memset(&b, 0, sizeof b);
	b.u.peer.id = about->id;
	memcpy(b.u.peer.name, about->name, sizeof b.u.peer.name);
	memcpy(b.u.peer.key, about->key, sizeof b.u.peer.key);
	mesh_addr_to_endpoint(&about->addr, &b.u.peer.observed);
	b.u.peer.nlocal = about->nlocals;
	memcpy(b.u.peer.local, about->locals, sizeof b.u.peer.local);
	mesh_send(m, NULL, &to->addr, MESH_INTRODUCE, 0, &b);
}

static void
introduce_all(struct mesh *m, const struct mesh_peer *newcomer)
{
	size_t i;

	for (i = 0; i < MESH_MAX_PEERS; i++) {
		struct mesh_peer *p = &m->peers[i];

		if (!p->used || p == newcomer || p->state != PEER_DIRECT)
			continue;
		introduce(m, newcomer, p);
		introduce(m, p, newcomer);
	}
}

/* Replies to a source that is not a peer are rate-limited per source. */
static bool
answer_allowed(struct mesh *m, const struct sockaddr_in6 *from)
{
	double now = clock_mono();
	struct source *src = sources_get(&m->sources, from, now);

	if (bucket_take(&src->answers, now, ANSWERS_PER_S, ANSWERS_BURST))
		return true;
	reject(m, NULL, from, "rate limited");
	return false;
}

static void
rename_peer(struct mesh *m, struct mesh_peer *p, const char *name)
{
	struct ev ev;

	if (strcmp(p->name, name) == 0)
		return;
	ev_init(&ev, "mesh", "renamed");
	ev_str(&ev, "from", p->name);
	ev_str(&ev, "to", name);
	evlog_push(m->log, &ev);
	snprintf(p->name, sizeof p->name, "%s", name);
}

static void
on_hello(struct mesh *m, const struct mesh_header *h,
    const struct mesh_peer_info *info, const struct sockaddr_in6 *from)
{
	struct mesh_peer *p = peer_find(m, h->sender);
	const char *why;

	if (p != NULL && memcmp(p->key, info->key, sizeof p->key) != 0) {
		reject(m, p, from, "identity key changed for a known peer id");
		return;
	}
	if (p == NULL && !answer_allowed(m, from))
		return;
	if (m->joining && m->joined_at == 0 &&
	    mesh_addr_equal(from, &m->join_addr))
		m->joined_at = clock_mono();
	if (!(h->flags & MESH_FLAG_REPLY))
		send_hello(m, from, MESH_FLAG_REPLY);
	if (p != NULL) {
		p->last_heard = clock_mono();
		rename_peer(m, p, info->name);
		set_direct(m, p, from, "hello");
		if (!(h->flags & MESH_FLAG_REPLY)) {	/* still joining */
			introduce(m, p, p);
			introduce_all(m, p);
		}
		return;
	}
	if ((p = peer_add(m, h->sender, info, &why)) == NULL) {
		reject(m, NULL, from, why);
		return;
	}
	set_direct(m, p, from, "met directly");
	introduce(m, p, p);	/* tells it the endpoint its NAT shows us */
	introduce_all(m, p);
}

static void
send_probes(struct mesh *m, struct mesh_peer *p)
{
	struct mesh_body b;
	int i;

	p->punch_last = clock_mono();
	b.u.token = p->punch_token;
	for (i = 0; i < p->ncands; i++)
		mesh_send(m, p, &p->cands[i], MESH_PROBE, 0, &b);
}

static void
start_punch(struct mesh *m, struct mesh_peer *p)
{
	p->state = PEER_PUNCHING;
	p->path = PATH_NONE;
	p->punch_token = random64();
	p->punch_started = clock_mono();
	mesh_emit_peer(m, p, "introduced");
}

/*
 * Candidates, most likely first: the endpoint the introducer saw, the
 * peer's own addresses, and, when the introducer met the peer on its own
 * LAN, the introducer's public address with the peer's port (a cone NAT
 * keeps ports, so that is where the peer's NAT will send it from).
 */
static void
add_candidates(struct mesh_peer *p, const struct mesh_peer_info *info,
    const struct mesh_peer *introducer)
{
	struct sockaddr_in6 a;
	size_t i;

	mesh_addr_from_endpoint(&info->observed, &a);
	add_candidate(p, &a);
	for (i = 0; i < info->nlocal; i++) {
		mesh_addr_from_endpoint(&info->local[i], &a);
		add_candidate(p, &a);
	}
	mesh_addr_from_endpoint(&info->observed, &a);
	if (introducer == NULL || !mesh_addr_is_private(&a) ||
	    mesh_addr_is_private(&introducer->addr))
		return;
	for (i = 0; i < info->nlocal; i++) {
		a = introducer->addr;
		a.sin6_port = htons(info->local[i].port);
		add_candidate(p, &a);
	}
}

static void
on_introduce(struct mesh *m, const struct mesh_header *h,
    const struct mesh_peer_info *info)
{
	struct sockaddr_in6 observed;
	struct mesh_peer *p;
	char addr[MESH_ADDR_STRLEN];
	const char *why;
	struct ev ev;
	bool known;

	mesh_addr_from_endpoint(&info->observed, &observed);
	if (info->id == m->id) {	/* how a member sees us: our NAT's face */
		if (m->has_public && mesh_addr_equal(&m->public_ep, &observed))
			return;
		m->has_public = true;
		m->public_ep = observed;
		mesh_addr_format(&observed, addr, sizeof addr);
		ev_init(&ev, "mesh", "public_endpoint");
		ev_str(&ev, "endpoint", addr);
		evlog_push(m->log, &ev);
		return;
	}
	if ((p = peer_find(m, info->id)) != NULL && p->state == PEER_DIRECT)
		return;
	known = p != NULL;
	if (known && memcmp(p->key, info->key, sizeof p->key) != 0)
		return;		/* the first introduction's key stands */
	if (!known && (p = peer_add(m, info->id, info, &why)) == NULL)
		return;
	add_candidates(p, info, peer_find(m, h->sender));
	if (known && p->state == PEER_PUNCHING)
		return;		/* introduced again: the punch goes on */
	start_punch(m, p);
	send_probes(m, p);
}

static void
on_probe(struct mesh *m, const struct mesh_header *h, uint64_t token,
    const struct sockaddr_in6 *from)
{
	struct mesh_peer *p = peer_find(m, h->sender);
	struct mesh_body b;

	if (p == NULL && !answer_allowed(m, from))
		return;
	b.u.token = token;
	mesh_send(m, p, from, MESH_PROBE_ACK, 0, &b);
	if (p == NULL || p->state != PEER_PUNCHING)
		return;
	add_candidate(p, from);	/* peer-reflexive */
	b.u.token = p->punch_token;		/* and our probe, at once */
	mesh_send(m, p, from, MESH_PROBE, 0, &b);
}

static void
on_probe_ack(struct mesh *m, struct mesh_peer *p, uint64_t token,
    const struct sockaddr_in6 *from)
{
	if (p->state == PEER_DIRECT || token != p->punch_token)
		return;
	mesh_rtt_sample(p, clock_mono() - p->punch_last);
	set_direct(m, p, from, "hole punched");
}

static void
on_keepalive(struct mesh *m, const struct mesh_peer *p, uint64_t token,
    const struct sockaddr_in6 *from)
{
	struct mesh_body b;

	b.u.token = token;
	mesh_send(m, p, from, MESH_KEEPALIVE_ACK, 0, &b);
}

/* Datagrams from a known peer: refresh it, then act on the type. */
static void
from_peer(struct mesh *m, struct mesh_peer *p, const struct mesh_header *h,
    const struct mesh_body *b, const struct sockaddr_in6 *from)
{
	p->last_heard = clock_mono();
	if (p->state == PEER_LOST) {
		p->state = PEER_DIRECT;
		mesh_emit_peer(m, p, "heard again");
	}
	if (p->state == PEER_DIRECT && !mesh_addr_equal(&p->addr, from) &&
	    h->type != MESH_PROBE_ACK && h->type != MESH_PROBE)
		set_direct(m, p, from, "endpoint changed (NAT rebinding)");
	/* It got through our NAT from there: the hole is open both ways
	 * (our NAT only lets in what answers our own probes). */
	if (p->state == PEER_PUNCHING && h->type != MESH_PROBE_ACK &&
	    h->type != MESH_BYE)
		set_direct(m, p, from, "hole punched (the peer spoke first)");
	switch (h->type) {
	case MESH_PROBE_ACK:	on_probe_ack(m, p, b->u.token, from); break;
	case MESH_KEEPALIVE:	on_keepalive(m, p, b->u.token, from); break;
	case MESH_KEEPALIVE_ACK:
		mesh_rtt_sample(p, clock_mono() - (double)b->u.token / 1e6);
		break;
	case MESH_CHAT:
		if (p->state == PEER_DIRECT)
			deliver_on_chat(m, p, &b->u.chat);
		break;
	case MESH_ACK:
		deliver_on_ack(m, p, b->u.ack.msg_id, b->u.ack.fragment);
		break;
	case MESH_BYE:		peer_remove(m, p, "said bye"); break;
	}
}

/* A SCAN is answered within a budget shared by all sources: a scanner
 * finds us, a flood of spoofed scans cannot aim our replies at someone. */
static void
on_scan(struct mesh *m, uint64_t token, const struct sockaddr_in6 *from)
{
	double now = clock_mono();
	char addr[MESH_ADDR_STRLEN];
	struct mesh_body b;
	struct ev ev;

	if (!bucket_take(&m->scan_answers, now, SCAN_ANSWERS_PER_S,
	    SCAN_ANSWERS_PER_S)) {
		reject(m, NULL, from, "rate limited (scan replies)");
		return;
	}
	if (!answer_allowed(m, from))
		return;
	b.u.token = token;
	mesh_send(m, NULL, from, MESH_SCAN_REPLY, 0, &b);
	mesh_addr_format(from, addr, sizeof addr);
	ev_init(&ev, "mesh", "scanned");
	ev_str(&ev, "from", addr);
	evlog_push(m->log, &ev);
}

/* Sealed and plaintext instances cannot talk: say so once per source,
 * not silently, and count every such datagram. */
static bool
same_mode(struct mesh *m, const struct mesh_header *h,
    const struct sockaddr_in6 *from)
{
	bool sealed = (h->flags & MESH_FLAG_SEALED) != 0;
	struct source *src;
	char addr[MESH_ADDR_STRLEN];
	struct ev ev;

	if (sealed != m->cfg.plaintext)
		return true;
	reject(m, peer_find(m, h->sender), from, sealed ?
	    "sealed datagram, but this peer runs --plaintext" :
	    "plaintext datagram, but this room is sealed");
	/* Our answer, in our mode, lets the other side say so too. */
	if (h->type == MESH_HELLO && !(h->flags & MESH_FLAG_REPLY) &&
	    answer_allowed(m, from))
		send_hello(m, from, MESH_FLAG_REPLY);
	src = sources_get(&m->sources, from, clock_mono());
	if (src->told_mode)
		return false;
	src->told_mode = true;
	mesh_addr_format(from, addr, sizeof addr);
	ev_init(&ev, "mesh", "mode_mismatch");
	ev_str(&ev, "from", addr);
	ev_str(&ev, "ours", m->cfg.plaintext ? "plaintext" : "sealed");
	ev_str(&ev, "theirs", sealed ? "sealed" : "plaintext");
	ev_str(&ev, "why", m->cfg.plaintext ? "they use --room: we cannot "
	    "read them and they will not read us" : "they use --plaintext: "
	    "a sealed room does not take readable datagrams");
	evlog_push(m->log, &ev);
	return false;
}

/* Opens a sealed payload into body with the key its type calls for, after
 * the replay window; false (and counted) if it does not authenticate. */
static bool
unseal(struct mesh *m, struct mesh_peer *p, const struct mesh_header *h,
    const uint8_t *dgram, const uint8_t *payload, size_t plen,
    uint8_t *body, size_t *blen, const struct sockaddr_in6 *from)
{
	const uint8_t *key = m->room_key;

	if (is_pair_type(h->type)) {
		if (p == NULL) {	/* a second BYE after the first is normal */
			if (h->type != MESH_BYE)
				reject(m, NULL, from, "sealed for a peer we do "
				    "not know");
			return false;
		}
		key = p->pair_key;
	}
	if (p != NULL && !replay_fresh(&p->replay, h->seq)) {
		reject(m, p, from, "replayed");
		return false;
	}
	if (!seal_open(key, dgram, payload, plen, body, blen)) {
		reject(m, p, from, "authentication failed (another room "
		    "secret?)");
		return false;
	}
	return true;
}

static void
act_on(struct mesh *m, const struct mesh_header *h, const struct mesh_body *b,
    const struct sockaddr_in6 *from)
{
	struct mesh_peer *p;

	switch (h->type) {
	case MESH_HELLO:	on_hello(m, h, &b->u.peer, from); return;
	case MESH_INTRODUCE:	on_introduce(m, h, &b->u.peer); return;
	case MESH_PROBE:	on_probe(m, h, b->u.token, from); return;
	case MESH_SCAN:		on_scan(m, b->u.token, from); return;
	case MESH_SCAN_REPLY:	hostscan_on_reply(m, b->u.token, from); return;
	}
	if ((p = peer_find(m, h->sender)) == NULL) {
		if (h->type != MESH_BYE)	/* a second BYE is expected */
			reject(m, NULL, from, "from an unknown peer");
		return;
	}
	from_peer(m, p, h, b, from);
}

static void
dispatch(struct mesh *m, const uint8_t *buf, size_t len,
    const struct sockaddr_in6 *from)
{
	uint8_t opened[MESH_MAX_DATAGRAM];
	const uint8_t *payload;
	struct mesh_header h;
	struct mesh_body b;
	struct mesh_peer *p;
	enum mesh_err err;
	size_t plen;

	if ((err = mesh_parse_header(buf, len, &h, &payload, &plen)) != MESH_OK) {
		reject(m, NULL, from, mesh_err_str(err));
		return;
	}
	if (h.sender == m->id || !same_mode(m, &h, from))
		return;
	p = peer_find(m, h.sender);
	if (!m->cfg.plaintext) {
		if (!unseal(m, p, &h, buf, payload, plen, opened, &plen, from))
			return;
		payload = opened;
	}
	if ((err = mesh_parse_body(h.type, payload, plen, &b)) != MESH_OK) {
		reject(m, p, from, mesh_err_str(err));
		return;
	}
	act_on(m, &h, &b, from);
	/* Seen only once it authenticated; a new peer's window starts here. */
	if (!m->cfg.plaintext && (p = peer_find(m, h.sender)) != NULL)
		replay_accept(&p->replay, h.seq);
}

static void
on_read(evutil_socket_t fd, short what, void *arg)
{
	uint8_t buf[MESH_MAX_DATAGRAM + 1];
	struct sockaddr_in6 from;
	socklen_t fromlen;
	struct mesh *m = arg;
	ssize_t n;
	int i;

	(void)what;
	for (i = 0; i < READ_BUDGET; i++) {
		fromlen = sizeof from;
		n = recvfrom(fd, buf, sizeof buf, 0, (struct sockaddr *)&from,
		    &fromlen);
		if (n < 0)
			return;		/* EAGAIN, or an ICMP error we ignore */
		if (fromlen == sizeof from)
			dispatch(m, buf, (size_t)n, &from);
	}
}

static void
punch_tick(struct mesh *m, struct mesh_peer *p, double now)
{
	if (now - p->punch_started > PUNCH_FOR) {
		p->state = PEER_LOST;
		p->lost_at = now;
		mesh_emit_peer(m, p, "no direct path: punching failed");
		deliver_fail_all(m, p, "no direct path");
		return;
	}
	if (now - p->punch_last >= PUNCH_EVERY)
		send_probes(m, p);
}

/* Keepalives hold the NAT's mapping; silence past the deadline is probed,
 * then marked lost LOST_GRACE later, then forgotten. */
static void
liveness_tick(struct mesh *m, struct mesh_peer *p, double now)
{
	double due = m->cfg.keepalive;
	struct mesh_body b;

	b.u.token = (uint64_t)(now * 1e6);
	if (p->state == PEER_LOST) {
		if (now - p->lost_at > FORGET_AFTER)
			peer_remove(m, p, "lost for too long");
		return;
	}
	if (now - p->last_sent >= due ||
	    (now - p->last_heard > due && now - p->last_probe >= 1.0)) {
		mesh_send(m, p, &p->addr, MESH_KEEPALIVE, 0, &b);
		p->last_sent = p->last_probe = now;
	}
	if (now - p->last_heard > due + LOST_GRACE) {
		p->state = PEER_LOST;
		p->lost_at = now;
		mesh_emit_peer(m, p, "silent past its deadline");
	}
}

static bool
all_idle(struct mesh *m)
{
	size_t i;

	for (i = 0; i < MESH_MAX_PEERS; i++)
		if (m->peers[i].used && m->peers[i].state == PEER_DIRECT &&
		    !deliver_idle(&m->peers[i]))
			return false;
	return true;
}

static void
finish_close(struct mesh *m)
{
	struct mesh_body b;
	size_t i;

	memset(&b, 0, sizeof b);
	for (i = 0; i < MESH_MAX_PEERS; i++)
		if (m->peers[i].used)
			deliver_fail_all(m, &m->peers[i], "not delivered before exit");
	for (i = 0; i < MESH_MAX_PEERS; i++)
		if (m->peers[i].used && m->peers[i].state == PEER_DIRECT) {
			mesh_send(m, &m->peers[i], &m->peers[i].addr,
			    MESH_BYE, 0, &b);
			mesh_send(m, &m->peers[i], &m->peers[i].addr,
			    MESH_BYE, 0, &b);
		}
	m->closing = false;
	m->close_done(m->close_arg);
}

static void
join_tick(struct mesh *m, double now)
{
	struct ev ev;

	if (m->joined_at > 0 && now - m->joined_at > JOIN_SETTLE) {
		m->joining = false;
		return;
	}
	if (m->joined_at == 0 && now - m->join_started > JOIN_GIVE_UP) {
		m->joining = false;
		ev_init(&ev, "mesh", "join_failed");
		ev_str(&ev, "reason", "no answer (nobody there, or a member of "
		    "another room: sealed rooms do not answer a wrong secret); "
		    "waiting for others to join us");
		evlog_push(m->log, &ev);
	} else if (now - m->join_last >= JOIN_EVERY) {
		m->join_last = now;
		send_hello(m, &m->join_addr, 0);
	}
}

static void
on_tick(evutil_socket_t fd, short what, void *arg)
{
	struct mesh *m = arg;
	double now = clock_mono();
	struct mesh_peer *p;
	size_t i;

	(void)fd;
	(void)what;
	if (m->joining)
		join_tick(m, now);
	for (i = 0; i < MESH_MAX_PEERS; i++) {
		p = &m->peers[i];
		if (!p->used)
			continue;
		if (p->state == PEER_PUNCHING)
			punch_tick(m, p, now);
		else
			liveness_tick(m, p, now);
		if (p->used)
			deliver_tick(m, p, now);
	}
	if (m->closing && (all_idle(m) || now - m->close_started > CLOSE_WAIT))
		finish_close(m);
}

static int
open_socket(const struct mesh_config *cfg, uint16_t port, char *err,
    size_t errlen)
{
	struct sockaddr_in6 a;
	int fd, off = 0;

	if ((fd = socket(AF_INET6, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC,
	    0)) < 0) {
		snprintf(err, errlen, "UDP socket: %s", strerror(errno));
		return -1;
	}
	setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof off);
	memset(&a, 0, sizeof a);
	a.sin6_family = AF_INET6;
	a.sin6_addr = cfg->bound ? cfg->bind.sin6_addr : in6addr_any;
	a.sin6_port = htons(port);
	if (bind(fd, (struct sockaddr *)&a, sizeof a) != 0) {
		snprintf(err, errlen, "UDP port %u: %s", port, strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

/* The endpoints we tell peers about: the bound address alone, or every
 * address of this host (what a peer on the same LAN could reach). */
static void
advertise_locals(struct mesh *m)
{
	struct sockaddr_in6 a;

	if (!m->cfg.bound) {
		m->nlocals = mesh_addr_local(m->port, m->locals,
		    MESH_MAX_ENDPOINTS);
		return;
	}
	a = m->cfg.bind;
	a.sin6_port = htons(m->port);
	mesh_addr_to_endpoint(&a, &m->locals[0]);
	m->nlocals = 1;
}

static void
emit_ready(struct mesh *m)
{
	char id[17];
	struct ev ev;

	snprintf(id, sizeof id, "%016llx", (unsigned long long)m->id);
	ev_init(&ev, "mesh", "ready");
	ev_int(&ev, "port", m->port);
	ev_str(&ev, "name", m->cfg.name);
	ev_str(&ev, "id", id);
	ev_bool(&ev, "plaintext", m->cfg.plaintext);
	if (!m->cfg.plaintext)
		ev_str(&ev, "fingerprint", m->fingerprint);
	evlog_push(m->log, &ev);
}

/* The identity key and the room key; the secret leaves the config. */
static int
load_keys(struct mesh *m, char *err, size_t errlen)
{
	int rc;

	if (identity_load(m->cfg.identity, &m->identity, err, errlen) != 0)
		return -1;
	identity_fingerprint(m->identity.pk, m->fingerprint,
	    sizeof m->fingerprint);
	rc = seal_room_key(m->cfg.room, m->room_key, err, errlen);
	sodium_memzero(m->cfg.room, sizeof m->cfg.room);
	return rc;
}

struct mesh *
mesh_new(struct loop *loop, struct evlog *log, const struct mesh_config *cfg,
    char *err, size_t errlen)
{
	struct timeval tick = { 0, (suseconds_t)(TICK * 1e6) };
	struct mesh *m = calloc(1, sizeof *m);

	if (m == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	m->loop = loop;
	m->log = log;
	m->cfg = *cfg;
	m->port = cfg->port != 0 ? cfg->port : MESH_DEFAULT_PORT;
	if (m->cfg.keepalive <= 0)
		m->cfg.keepalive = 15;
	m->id = random64();
	if ((!cfg->plaintext && load_keys(m, err, errlen) != 0) ||
	    (m->fd = open_socket(cfg, m->port, err, errlen)) < 0) {
		sodium_memzero(m, sizeof *m);
		free(m);
		return NULL;
	}
	m->scan_answers.tokens = -1;		/* a full bucket */
	m->scan_answers.last = clock_mono();
	advertise_locals(m);
	m->read_ev = event_new(loop_base(loop), m->fd, EV_READ | EV_PERSIST,
	    on_read, m);
	m->tick_ev = event_new(loop_base(loop), -1, EV_PERSIST, on_tick, m);
	event_add(m->read_ev, NULL);
	event_add(m->tick_ev, &tick);
	emit_ready(m);
	return m;
}

void
mesh_free(struct mesh *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < MESH_MAX_PEERS; i++)
		if (m->peers[i].used)
			deliver_free(&m->peers[i]);
	hostscan_stop(m);
	event_free(m->read_ev);
	event_free(m->tick_ev);
	close(m->fd);
	sodium_memzero(m, sizeof *m);	/* keys */
	free(m);
}

void
mesh_join(struct mesh *m, const struct sockaddr_in6 *to)
{
	m->join_addr = *to;
	m->joining = true;
	m->joined_at = 0;
	m->join_started = m->join_last = clock_mono();
	send_hello(m, to, 0);
}

uint32_t
mesh_send_text(struct mesh *m, const char *text, size_t len)
{
	uint32_t msg = ++m->next_msg;
	struct ev ev;
	size_t i;
	int n = 0;

	for (i = 0; i < MESH_MAX_PEERS; i++)
		if (m->peers[i].used && (m->peers[i].state == PEER_DIRECT ||
		    m->peers[i].state == PEER_PUNCHING)) {
			deliver_queue(m, &m->peers[i], msg, text, len);
			deliver_tick(m, &m->peers[i], clock_mono());  /* send now */
			n++;
		}
	ev_init(&ev, "mesh", "sent");
	ev_int(&ev, "msg", msg);
	ev_int(&ev, "peers", n);
	evlog_push(m->log, &ev);
	return msg;
}

void
mesh_close(struct mesh *m, void (*done)(void *), void *arg)
{
	m->closing = true;
	m->close_started = clock_mono();
	m->close_done = done;
	m->close_arg = arg;
}

void
mesh_set_name(struct mesh *m, const char *name)
{
	size_t i;

	snprintf(m->cfg.name, sizeof m->cfg.name, "%s", name);
	for (i = 0; i < MESH_MAX_PEERS; i++)	/* a REPLY hello: no answer */
		if (m->peers[i].used && m->peers[i].state == PEER_DIRECT)
			send_hello(m, &m->peers[i].addr, MESH_FLAG_REPLY);
}

static void
view_peer(const struct mesh_peer *p, double now, struct mesh_peer_view *v)
{
	struct sockaddr_in6 a;

	memset(v, 0, sizeof *v);
	memcpy(v->name, p->name, sizeof v->name);
	memcpy(v->fingerprint, p->fingerprint, sizeof v->fingerprint);
	v->state = state_names[p->state];
	v->path = path_names[p->path];
	if (p->path != PATH_NONE)
		mesh_addr_format(&p->addr, v->endpoint, sizeof v->endpoint);
	if (p->nlocals > 0) {
		mesh_addr_from_endpoint(&p->locals[0], &a);
		mesh_addr_format(&a, v->local, sizeof v->local);
	}
	v->rtt_ms = p->srtt * 1000;
	v->heard_ago = now - p->last_heard;
	v->rejected = p->rejected;
}

size_t
mesh_peers(const struct mesh *m, struct mesh_peer_view *out, size_t max)
{
	double now = clock_mono();
	size_t i, n = 0;

	for (i = 0; i < MESH_MAX_PEERS && n < max; i++)
		if (m->peers[i].used)
			view_peer(&m->peers[i], now, &out[n++]);
	return n;
}

const char *
mesh_fingerprint(const struct mesh *m)
{
	return m->fingerprint;
}

void
mesh_scan(struct mesh *m, const struct sockaddr_in6 *host, uint16_t lo,
    uint16_t hi, unsigned rate)
{
	hostscan_start(m, host, lo, hi, rate);
}

unsigned
mesh_rejected(const struct mesh *m)
{
	return m->rejected;
}

bool
mesh_plaintext(const struct mesh *m)
{
	return m->cfg.plaintext;
}

uint16_t
mesh_port(const struct mesh *m)
{
	return m->port;
}

size_t
mesh_backlog(const struct mesh *m)
{
	size_t i, most = 0;

	for (i = 0; i < MESH_MAX_PEERS; i++)
		if (m->peers[i].used && m->peers[i].out_len > most)
			most = m->peers[i].out_len;
	return most;
}

size_t
mesh_backlog_max(void)
{
	return MESH_OUTQ;
}
