/*
 * capture_json.h: one JSON object per packet and line, the headless
 * contract of `punchline capture --json`:
 *   {"event":"packet","engine":"capture","no":1,"ts":1700000000.000001,
 *    "len":74,"caplen":74,"status":"ok","layers":[{"proto":"ethernet",...},
 *    {"proto":"ipv4","src":"127.0.0.1",...},{"proto":"udp",...},
 *    {"proto":"dns","id":4660,"questions":[{"name":"a.lan.","type":"A"}]}]}
 * Each layer carries "proto" and, when not whole, "status" ("truncated" or
 * "malformed"); its other keys are the decoder's fields (see the man page).
 */
#ifndef CAPTURE_CAPTURE_JSON_H
#define CAPTURE_CAPTURE_JSON_H

#include "../../protocols/dissect.h"
#include "../core/strbuf.h"
#include "capture_pkt.h"

/* Appends the object (no newline). */
void	 capture_json_packet(struct strbuf *, const struct capture_pkt *,
	     const struct dissect *, enum decode_status);
/* One layer's object, {"proto":...}: the pane's detail tree reads it. */
void	 capture_json_layer(struct strbuf *, const struct dissect_layer *);

#endif
