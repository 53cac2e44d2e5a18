/*
 * rttables.h: iproute2's routing table names (/etc/iproute2/rt_tables,
 * ip-route(8)): one "NUMBER NAME" a line, '#' starts a comment.
 *
 *   255     local
 *   254     main
 *   # a comment
 *   100     isp2
 *
 * Pure: no I/O, no allocation.
 */
#ifndef PROTOCOLS_RTTABLES_H
#define PROTOCOLS_RTTABLES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RTTABLES_NAME_MAX	64

/* The name of table id into name (cut to fit); false if text has none. */
bool	 rttables_lookup(const char *text, size_t len, uint32_t id,
	     char *name, size_t namelen);

#endif
