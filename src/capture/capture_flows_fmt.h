/*
 * capture_flows_fmt.h: a flow (capture_flows.h) as the headless output
 * and the pane show it: its endpoints, one text line, one JSON object
 * ({"event":"flow","engine":"capture","proto":..,"a":..,"b":..,
 * "packets":..,"bytes":..,"first":..,"last":.., and the counts per
 * direction}), and the BPF filter that keeps only its packets.
 */
#ifndef CAPTURE_CAPTURE_FLOWS_FMT_H
#define CAPTURE_CAPTURE_FLOWS_FMT_H

#include <stdbool.h>

#include "../core/strbuf.h"
#include "capture_flows.h"

/* "10.0.0.1:53", "[::1]:53"; ICMP and other protocols: the address. */
void	 capture_flow_endpoint(struct strbuf *, const struct capture_flow *,
	     bool b_side);
/* ICMP: "echo id 7" or "type 3" into sb; nothing for other flows. */
void	 capture_flow_icmp_label(struct strbuf *, const struct capture_flow *);
/* "udp 10.0.0.1:40000 <-> 10.0.0.2:53 packets 3 (2/1) bytes 246
 * (104/142) first 12:00:00.000005 last 12:00:02.000007". */
void	 capture_flow_text(struct strbuf *, const struct capture_flow *);
void	 capture_flow_json(struct strbuf *, const struct capture_flow *);
/* "udp and host 10.0.0.1 and port 40000 and host 10.0.0.2 and port 53". */
void	 capture_flow_bpf(struct strbuf *, const struct capture_flow *);

#endif
