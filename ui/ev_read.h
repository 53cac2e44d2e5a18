/*
 * ev_read.h: an event's fields as the panes read them, with a plain value
 * where a field is missing: 0 for a number, "" for a string. (Beside
 * ev_get_str in src/core/evlog.h is where these would go once an engine
 * reads events too.)
 */
#ifndef UI_EV_READ_H
#define UI_EV_READ_H

#include <stdint.h>

#include "../src/core/evlog.h"

/* The int field, or 0 (missing, or not an int). */
int64_t		 ev_read_int(const struct ev *, const char *key);
/* The real field, or an int one as a real, or 0. */
double		 ev_read_real(const struct ev *, const char *key);
/* The string field, or "". */
const char	*ev_read_str(const struct ev *, const char *key);

#endif
