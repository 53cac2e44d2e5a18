/*
 * capture_fmt.h: small pieces the text line and the JSON share: fast
 * decimal numbers, addresses, the packet's time, and the lengths the IP
 * header declares (which a short capture does not change).
 */
#ifndef CAPTURE_CAPTURE_FMT_H
#define CAPTURE_CAPTURE_FMT_H

#include <stdint.h>
#include <sys/time.h>

#include "../../protocols/dissect.h"
#include "../core/strbuf.h"

void	 fmt_u64(struct strbuf *, uint64_t);
void	 fmt_ipv4(struct strbuf *, const uint8_t addr[4]);
void	 fmt_ipv6(struct strbuf *, const uint8_t addr[16]);
void	 fmt_mac(struct strbuf *, const uint8_t mac[6]);
/* "HH:MM:SS.uuuuuu" in local time, as tcpdump prints it. */
void	 fmt_clock(struct strbuf *, const struct timeval *);
/* "1700000000.123456": exact, from the capture's own numbers. */
void	 fmt_epoch(struct strbuf *, const struct timeval *);
/* The IP layer's source or destination, v4 or v6. */
void	 fmt_ip_addr(struct strbuf *, const struct dissect_layer *ip, bool src);
/* Bytes of the upper layer as the IP header declares them: the "length"
 * tcpdump prints, whatever the snaplen cut. */
uint32_t fmt_ip_upper_len(const struct dissect_layer *ip);

#endif
