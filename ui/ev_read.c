/* ev_read.c: event fields with a plain value for a missing one (see
 * ev_read.h). */
#include "ev_read.h"

int64_t
ev_read_int(const struct ev *ev, const char *key)
{
	const struct ev_field *f = ev_find(ev, key);

	return f != NULL && f->type == EV_INT ? f->v.i : 0;
}

double
ev_read_real(const struct ev *ev, const char *key)
{
	const struct ev_field *f = ev_find(ev, key);

	if (f == NULL)
		return 0;
	if (f->type == EV_REAL)
		return f->v.d;
	return f->type == EV_INT ? (double)f->v.i : 0;
}

const char *
ev_read_str(const struct ev *ev, const char *key)
{
	const char *s = ev_get_str(ev, key);

	return s != NULL ? s : "";
}
