/*
 * udp_probe.h: a line of assets/scan/udp-probes, "PORT HEX HEX ...": the
 * datagram the UDP scan sends to that port (spaces between hex pairs are
 * free). Pure: text in, bytes out, every character checked.
 */
#ifndef PROTOCOLS_UDP_PROBE_H
#define PROTOCOLS_UDP_PROBE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UDP_PROBE_MAX	128

struct udp_probe {
	uint16_t	 port;
	uint16_t	 len;
	uint8_t		 bytes[UDP_PROBE_MAX];
};

/* false if the line (len bytes, no newline) is not such a line. */
bool	 udp_probe_parse(const char *line, size_t len, struct udp_probe *);

#endif
