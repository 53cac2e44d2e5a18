/* udp_probe.c: a line of the UDP probe table (see udp_probe.h). */
#include "hex.h"
#include "udp_probe.h"

bool
udp_probe_parse(const char *line, size_t len, struct udp_probe *p)
{
	size_t i = 0;
	unsigned port = 0;
	int hi, lo;

	for (; i < len && line[i] >= '0' && line[i] <= '9' && port <= 65535; i++)
		port = port * 10 + (unsigned)(line[i] - '0');
	if (i == 0 || port < 1 || port > 65535)
		return false;
	p->port = (uint16_t)port;
	p->len = 0;
	while (i < len) {
		if (line[i] == ' ' || line[i] == '\t') {
			i++;
			continue;
		}
		if (i + 1 >= len || (hi = hex_nibble(line[i])) < 0 ||
		    (lo = hex_nibble(line[i + 1])) < 0 || p->len == UDP_PROBE_MAX)
			return false;
		p->bytes[p->len++] = (uint8_t)(hi << 4 | lo);
		i += 2;
	}
	return true;
}
