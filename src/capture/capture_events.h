/*
 * capture_events.h: what the capture engine reports into the event log,
 * engine "capture": "started" (source, filter), "stats" (source, captured,
 * received, dropped, if_dropped: pcap_stats), "error" (source, why: a file
 * cut short, no privilege, a bad filter) and "saved" (path, packets). The
 * packets themselves go out through capture_json.h, whose objects carry
 * their layers (more than an event's flat fields hold).
 */
#ifndef CAPTURE_CAPTURE_EVENTS_H
#define CAPTURE_CAPTURE_EVENTS_H

#include <stdint.h>

#include "../core/evlog.h"
#include "capture.h"

void	 capture_report_started(struct evlog *, const char *source,
	     const char *filter);
void	 capture_report_stats(struct evlog *, const char *source,
	     const struct capture_stats *);
void	 capture_report_error(struct evlog *, const char *source,
	     const char *why);
void	 capture_report_saved(struct evlog *, const char *path, long packets);

#endif
