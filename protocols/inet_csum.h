/*
 * inet_csum.h: the Internet checksum (RFC 1071) and the pseudo-headers of
 * TCP/UDP over IPv4 (RFC 793, RFC 768) and of TCP/UDP/ICMPv6 over IPv6
 * (RFC 8200 section 8.1).
 *
 * The sum is kept unfolded in 32 bits so pieces can be added one after
 * the other: only the last piece may have an odd length.
 *
 *   sum = inet_pseudo4(src, dst, IPPROTO_TCP, tcp_len);
 *   sum = inet_csum_add(sum, tcp, tcp_len);     (checksum field zeroed)
 *   csum = inet_csum_fold(sum);                 (store big-endian)
 *
 * A received segment checks out when inet_csum_fold over pseudo-header
 * and segment (checksum field included) is 0.
 */
#ifndef PROTOCOLS_INET_CSUM_H
#define PROTOCOLS_INET_CSUM_H

#include <stddef.h>
#include <stdint.h>

uint32_t	 inet_csum_add(uint32_t sum, const void *buf, size_t len);
/* Fold and complement: the value to put in the header. */
uint16_t	 inet_csum_fold(uint32_t sum);
/* The checksum of one buffer: inet_csum_fold(inet_csum_add(0, ...)). */
uint16_t	 inet_csum(const void *buf, size_t len);
uint32_t	 inet_pseudo4(const uint8_t src[4], const uint8_t dst[4],
		     uint8_t proto, uint16_t len);
uint32_t	 inet_pseudo6(const uint8_t src[16], const uint8_t dst[16],
		     uint8_t next_header, uint32_t len);

#endif
