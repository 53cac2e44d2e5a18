/*
 * ladder_out.h: a ladder arrow as `punchline capture --ladder` prints it:
 * a text line, or with --json one object:
 *   {"event":"ladder","engine":"capture","ts":...,"type":"probe",
 *    "from":"alice","to":"nat-b","src":"192.168.10.2:12345",
 *    "dst":"198.51.100.3:12345","src_after":"198.51.100.2:12345",
 *    "dst_after":"198.51.100.3:12345","dropped_at":"nat-b",
 *    "sender":"...","seq":7,"seen":["alice:eth0",...]}
 * src/dst as sent (nearest the sender), *_after as last seen; dropped_at
 * only when a NAT dropped it; seen lists the places in path order.
 */
#ifndef CAPTURE_LADDER_OUT_H
#define CAPTURE_LADDER_OUT_H

#include "../core/strbuf.h"
#include "ladder.h"

/* "probe", "hello reply", "chat (sealed)"... */
void	 ladder_label(struct strbuf *, const struct ladder_arrow *);
void	 ladder_text_line(struct strbuf *, const struct ladder *,
	     const struct ladder_arrow *);
void	 ladder_json_line(struct strbuf *, const struct ladder *,
	     const struct ladder_arrow *);

#endif
