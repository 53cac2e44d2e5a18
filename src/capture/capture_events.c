/* capture_events.c: the capture engine's events; see capture_events.h. */
#include <stdio.h>

#include "capture_events.h"

void
capture_report_started(struct evlog *log, const char *source,
    const char *filter)
{
	struct ev ev;
	char text[300];

	ev_init(&ev, "capture", "started");
	ev_str(&ev, "source", source);
	if (filter != NULL && *filter != '\0')
		ev_str(&ev, "filter", filter);
	snprintf(text, sizeof text, "capturing on %s%s%s", source,
	    filter != NULL && *filter != '\0' ? ", filter " : "",
	    filter != NULL ? filter : "");
	ev_str(&ev, "text", text);
	evlog_push(log, &ev);
}

void
capture_report_stats(struct evlog *log, const char *source,
    const struct capture_stats *st)
{
	struct ev ev;

	ev_init(&ev, "capture", "stats");
	ev_str(&ev, "source", source);
	ev_int(&ev, "captured", (int64_t)st->seen);
	ev_int(&ev, "received", (int64_t)st->received);
	ev_int(&ev, "dropped", (int64_t)st->dropped);
	ev_int(&ev, "if_dropped", (int64_t)st->if_dropped);
	evlog_push(log, &ev);
}

void
capture_report_error(struct evlog *log, const char *source, const char *why)
{
	struct ev ev;

	ev_init(&ev, "capture", "error");
	if (source != NULL)
		ev_str(&ev, "source", source);
	ev_str(&ev, "why", why);
	ev_str(&ev, "text", why);
	evlog_push(log, &ev);
}

void
capture_report_saved(struct evlog *log, const char *path, long packets)
{
	struct ev ev;
	char text[300];

	ev_init(&ev, "capture", "saved");
	ev_str(&ev, "path", path);
	ev_int(&ev, "packets", packets);
	snprintf(text, sizeof text, "saved %ld packets to %s", packets, path);
	ev_str(&ev, "text", text);
	evlog_push(log, &ev);
}
