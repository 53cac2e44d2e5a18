/* capture_place.c: place names kept once; see capture_place.h. */
#include <stdio.h>
#include <string.h>

#include "capture_pkt.h"
#include "capture_place.h"

/* One table for the process: the loop is one thread, and names are only
 * ever added (a handle opened again finds its names already there). */
static char	 places[CAPTURE_PLACES_MAX][CAPTURE_WHERE_MAX];
static size_t	 nplaces;

const char *
capture_place(const char *node, const char *ifname)
{
	char name[CAPTURE_WHERE_MAX];
	size_t i;

	snprintf(name, sizeof name, "%.*s:%.*s", CAPTURE_WHERE_MAX / 2 - 1,
	    node, CAPTURE_WHERE_MAX / 2 - 2, ifname);
	for (i = 0; i < nplaces; i++)
		if (strcmp(places[i], name) == 0)
			return places[i];
	if (nplaces == CAPTURE_PLACES_MAX)
		return "";
	memcpy(places[nplaces], name, sizeof name);
	return places[nplaces++];
}
