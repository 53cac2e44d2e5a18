/*
 * evjson.h: events as JSON lines, the headless consumer of the event log.
 * Each line is one object: {"ts":..., "event":KIND, "engine":ENGINE, fields...}.
 */
#ifndef CORE_EVJSON_H
#define CORE_EVJSON_H

#include <stdio.h>

#include "evlog.h"
#include "strbuf.h"

void	 evjson_format(const struct ev *, struct strbuf *);
/* An evlog consumer: arg is the FILE * to write to; flushes every line. */
void	 evjson_consumer(const struct ev *, void *arg);

#endif
