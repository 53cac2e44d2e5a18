/* evlog.c: typed events and the bounded ring that hands them to consumers. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "evlog.h"
#include "../../protocols/utf8.h"

void
ev_init(struct ev *ev, const char *engine, const char *kind)
{
	struct timespec now;

	clock_gettime(CLOCK_REALTIME, &now);
	ev->seq = 0;
	ev->ts = (double)now.tv_sec + now.tv_nsec / 1e9;
	ev->engine = engine;
	ev->kind = kind;
	ev->nfields = 0;
	ev->clipped = false;
	ev->arena_used = 0;
	ev->heap = NULL;
}

void
ev_release(struct ev *ev)
{
	free(ev->heap);
	ev->heap = NULL;
}

/* A value too long for the arena: the event's one heap string. */
static bool
str_to_heap(struct ev *ev, struct ev_field *f, const char *value)
{
	size_t len = strlen(value);

	if (ev->heap != NULL || len >= EV_LONG_MAX ||
	    (ev->heap = malloc(len + 1)) == NULL)
		return false;
	utf8_copy_clean(ev->heap, len + 1, value);
	f->v.off = EV_OFF_HEAP;
	return true;
}

static struct ev_field *
add_field(struct ev *ev, const char *key, enum ev_type type)
{
	struct ev_field *f;

	if (ev->nfields >= EV_MAX_FIELDS) {
		ev->clipped = true;
		return NULL;
	}
	f = &ev->fields[ev->nfields++];
	f->key = key;
	f->type = type;
	return f;
}

void
ev_str(struct ev *ev, const char *key, const char *value)
{
	size_t room = EV_ARENA_SIZE - ev->arena_used;
	struct ev_field *f;

	if ((f = add_field(ev, key, EV_STR)) == NULL)
		return;
	if (strlen(value) >= room && str_to_heap(ev, f, value))
		return;
	if (room == 0) {
		ev->nfields--;
		ev->clipped = true;
		return;
	}
	f->v.off = ev->arena_used;
	if (utf8_copy_clean(ev->arena + ev->arena_used, room, value) <
	    strlen(value))
		ev->clipped = true;
	ev->arena_used += strlen(ev->arena + ev->arena_used) + 1;
}

void
ev_int(struct ev *ev, const char *key, int64_t value)
{
	struct ev_field *f = add_field(ev, key, EV_INT);

	if (f != NULL)
		f->v.i = value;
}

void
ev_real(struct ev *ev, const char *key, double value)
{
	struct ev_field *f = add_field(ev, key, EV_REAL);

	if (f != NULL)
		f->v.d = value;
}

void
ev_bool(struct ev *ev, const char *key, bool value)
{
	struct ev_field *f = add_field(ev, key, EV_BOOL);

	if (f != NULL)
		f->v.b = value;
}

const struct ev_field *
ev_find(const struct ev *ev, const char *key)
{
	size_t i;

	for (i = 0; i < ev->nfields; i++)
		if (strcmp(ev->fields[i].key, key) == 0)
			return &ev->fields[i];
	return NULL;
}

const char *
ev_field_str(const struct ev *ev, const struct ev_field *f)
{
	if (f->type != EV_STR)
		return NULL;
	return f->v.off == EV_OFF_HEAP ? ev->heap : ev->arena + f->v.off;
}

const char *
ev_get_str(const struct ev *ev, const char *key)
{
	const struct ev_field *f = ev_find(ev, key);

	return f == NULL ? NULL : ev_field_str(ev, f);
}

/* Appends s to buf (size len, *used bytes in use), cutting what won't fit. */
static void
append(char *buf, size_t len, size_t *used, const char *s)
{
	size_t n = strlen(s);

	if (*used + 1 >= len)
		return;
	if (n > len - *used - 1)
		n = len - *used - 1;
	memcpy(buf + *used, s, n);
	*used += n;
	buf[*used] = '\0';
}

static void
format_value(const struct ev *ev, const struct ev_field *f, char *v, size_t n)
{
	switch (f->type) {
	case EV_STR:	snprintf(v, n, "%s", ev_field_str(ev, f)); break;
	case EV_INT:	snprintf(v, n, "%lld", (long long)f->v.i); break;
	case EV_REAL:	snprintf(v, n, "%g", f->v.d); break;
	case EV_BOOL:	snprintf(v, n, "%s", f->v.b ? "yes" : "no"); break;
	}
}

void
ev_format_text(const struct ev *ev, char *buf, size_t len)
{
	const char *text = ev_get_str(ev, "text");
	char value[EV_ARENA_SIZE];
	size_t used = 0, i;

	if (len == 0)
		return;
	buf[0] = '\0';
	if (text != NULL) {
		snprintf(buf, len, "%s", text);
		return;
	}
	append(buf, len, &used, ev->engine);
	append(buf, len, &used, " ");
	append(buf, len, &used, ev->kind);
	for (i = 0; i < ev->nfields; i++) {
		append(buf, len, &used, " ");
		append(buf, len, &used, ev->fields[i].key);
		append(buf, len, &used, "=");
		format_value(ev, &ev->fields[i], value, sizeof value);
		append(buf, len, &used, value);
	}
}

int
evlog_init(struct evlog *log, size_t capacity)
{
	memset(log, 0, sizeof *log);
	log->ring = calloc(capacity, sizeof *log->ring);
	if (log->ring == NULL)
		return -1;
	log->capacity = capacity;
	return 0;
}

void
evlog_free(struct evlog *log)
{
	size_t i;

	for (i = 0; log->ring != NULL && i < log->capacity; i++)
		free(log->ring[i].heap);
	free(log->ring);
	log->ring = NULL;
}

int
evlog_subscribe(struct evlog *log, evlog_consumer fn, void *arg)
{
	if (log->nsubs >= EVLOG_MAX_SUBSCRIBERS)
		return -1;
	log->subs[log->nsubs].fn = fn;
	log->subs[log->nsubs].arg = arg;
	log->nsubs++;
	return 0;
}

void
evlog_unsubscribe(struct evlog *log, evlog_consumer fn, void *arg)
{
	size_t i;

	for (i = 0; i < log->nsubs; i++)
		if (log->subs[i].fn == fn && log->subs[i].arg == arg) {
			log->subs[i] = log->subs[--log->nsubs];
			return;
		}
}

void
evlog_push(struct evlog *log, struct ev *ev)
{
	struct ev *slot;
	size_t i;

	ev->seq = log->next_seq++;
	slot = &log->ring[ev->seq % log->capacity];
	free(slot->heap);		/* the event this slot held before */
	*slot = *ev;
	ev->heap = NULL;		/* the ring owns it now */
	for (i = 0; i < log->nsubs; i++)
		log->subs[i].fn(slot, log->subs[i].arg);
}

size_t
evlog_count(const struct evlog *log)
{
	return log->next_seq < log->capacity ? log->next_seq : log->capacity;
}

const struct ev *
evlog_recent(const struct evlog *log, size_t i)
{
	if (i >= evlog_count(log))
		return NULL;
	return &log->ring[(log->next_seq - 1 - i) % log->capacity];
}
