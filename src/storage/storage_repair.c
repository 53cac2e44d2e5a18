/*
 * storage_repair.c: rebuilding lost chunks. A group that lost a chunk gets
 * one of STORAGE_REPAIRS buffers; the group's chunks are copied into it as
 * they pass by (they are re-sent as usual); once k are there, Reed-Solomon
 * gives back the missing ones, which are re-injected, and the buffer is
 * freed. Groups waiting for a free buffer are served in order of number.
 * These buffers are the only file bytes the program holds.
 */
#include <stdlib.h>
#include <string.h>

#include "../core/evlog.h"
#include "storage_int.h"

int
storage_repair_init(struct storage *s)
{
	unsigned n = s->cfg.k + s->cfg.m, i, j;

	for (i = 0; i < STORAGE_REPAIRS; i++) {
		s->repairs[i].group = -1;
		if (s->cfg.m == 0)
			continue;	/* nothing to rebuild from */
		for (j = 0; j < n; j++)
			if ((s->repairs[i].blocks[j] = malloc(STORAGE_CHUNK_MAX)) == NULL)
				return -1;
	}
	return 0;
}

void
storage_repair_free(struct storage *s)
{
	unsigned i, j;

	for (i = 0; i < STORAGE_REPAIRS; i++)
		for (j = 0; j < GROUP_MAX; j++) {
			free(s->repairs[i].blocks[j]);
			s->repairs[i].blocks[j] = NULL;
		}
}

static void
release(struct storage *s, struct repair *r)
{
	if (r->group >= 0)
		s->groups[r->group].repair = -1;
	r->group = -1;
}

/* A free buffer goes to the lowest-numbered group still waiting. */
static void
serve_waiting(struct storage *s)
{
	unsigned g;

	for (g = 0; g < s->ngroups; g++)
		if (s->groups[g].want_repair && s->groups[g].repair < 0 &&
		    !s->groups[g].gone) {
			storage_repair_want(s, g);
			if (s->groups[g].repair < 0)
				return;		/* all busy again */
		}
}

void
storage_repair_drop(struct storage *s, unsigned group)
{
	int i = s->groups[group].repair;

	if (i >= 0) {
		release(s, &s->repairs[i]);
		serve_waiting(s);
	}
}

void
storage_repair_want(struct storage *s, unsigned group)
{
	struct group *g = &s->groups[group];
	struct repair *r = NULL;
	unsigned i, real = storage_real_data(s, group);

	g->want_repair = true;
	if (g->repair >= 0 || g->gone || s->cfg.m == 0)
		return;
	for (i = 0; i < STORAGE_REPAIRS && r == NULL; i++)
		if (s->repairs[i].group < 0)
			r = &s->repairs[i];
	if (r == NULL)
		return;		/* served when one frees */
	r->group = (int)group;
	g->repair = (int)(r - s->repairs);
	memset(r->have, 0, sizeof r->have);
	r->nhave = 0;
	/* The short last group's missing data chunks are zeros, known. */
	for (i = real; i < s->cfg.k; i++) {
		memset(r->blocks[i], 0, STORAGE_CHUNK_MAX);
		r->have[i] = true;
		r->nhave++;
	}
}

bool
storage_repair_holds(const struct storage *s, unsigned member)
{
	int i = s->groups[storage_group_of(s, member)].repair;

	return i >= 0 && s->repairs[i].have[storage_pos_of(s, member)];
}

static void
report_repaired(struct storage *s, unsigned member)
{
	struct ev ev;

	ev_init(&ev, "storage", "chunk_repaired");
	ev_int(&ev, "chunk", member < s->ndata ? (int64_t)member :
	    (int64_t)storage_pos_of(s, member) - s->cfg.k);
	ev_str(&ev, "kind", member < s->ndata ? "data" : "parity");
	ev_int(&ev, "group", storage_group_of(s, member));
	ev_int(&ev, "copies", s->cfg.copies);
	evlog_push(s->log, &ev);
}

/* k blocks are in: rebuild the rest and put back what has no copy left. */
static void
finish(struct storage *s, struct repair *r)
{
	unsigned group = (unsigned)r->group, n = s->cfg.k + s->cfg.m, pos, mb;
	uint8_t pkt[STORAGE_CHUNK_HDR + STORAGE_CHUNK_MAX];
	size_t len;

	if (storage_rs_rebuild(&s->rs, r->blocks, r->have, STORAGE_CHUNK_MAX) != 0)
		return;		/* fewer than k: cannot be, nhave >= k */
	for (pos = 0; pos < n; pos++) {
		if (pos < s->cfg.k && pos >= storage_real_data(s, group))
			continue;	/* padding, never on the wire */
		mb = storage_member_at(s, group, pos);
		if (!s->members[mb].dead)
			continue;
		if ((len = storage_build(s, mb, r->blocks[pos], pkt, sizeof pkt)) == 0)
			continue;
		if (storage_revive(s, mb, pkt, len) == 0)
			continue;
		s->st.repaired++;
		s->cells[mb] = STORAGE_CELL_REPAIRED;
		if (mb < s->ndata)
			storage_recall_block(s, mb, r->blocks[pos],
			    len - STORAGE_CHUNK_HDR);
		report_repaired(s, mb);
	}
	s->groups[group].want_repair = false;
	release(s, r);
	serve_waiting(s);
}

void
storage_repair_offer(struct storage *s, unsigned member,
    const struct storage_chunk *c)
{
	int i = s->groups[storage_group_of(s, member)].repair;
	unsigned pos = storage_pos_of(s, member);
	struct repair *r;

	if (i < 0)
		return;
	r = &s->repairs[i];
	if (!r->have[pos]) {
		memcpy(r->blocks[pos], c->payload, c->len);
		memset(r->blocks[pos] + c->len, 0, STORAGE_CHUNK_MAX - c->len);
		r->have[pos] = true;
		r->nhave++;
	}
	if (r->nhave >= (int)s->cfg.k)
		finish(s, r);
}
