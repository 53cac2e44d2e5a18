/* rttables.c: routing table names from rt_tables text (see rttables.h). */
#include <stdio.h>

#include "rttables.h"
#include "textline.h"

bool
rttables_lookup(const char *text, size_t len, uint32_t id, char *name,
    size_t namelen)
{
	struct reader rd, line;
	char tok[RTTABLES_NAME_MAX];
	uint64_t num;

	if (namelen == 0)
		return false;
	rd_init(&rd, text, len);
	while (tl_next_line(&rd, &line)) {
		tl_skip_blank(&line);
		if (!tl_dec(&line, &num) || num != id)
			continue;	/* a comment, a blank line or another id */
		tl_skip_blank(&line);
		if (tl_token(&line, tok, sizeof tok) == 0 || tok[0] == '#')
			continue;
		snprintf(name, namelen, "%s", tok);
		return true;
	}
	return false;
}
