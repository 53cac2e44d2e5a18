/*
 * scan_ports.h: which ports a scan probes, from what the user typed:
 * "22", "22,80,443", "1-1024", "-" or "1-65535" (every port), "U:53" is
 * not supported (one protocol per scan). `--top N` takes the first N ports
 * of assets/scan/top-ports, our own list ordered by how often a port is
 * found open. The set keeps each port once, in the order given.
 */
#ifndef SCAN_SCAN_PORTS_H
#define SCAN_SCAN_PORTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PORTS_MAX 65535

struct port_set {
	uint16_t	*list;		/* in probe order */
	size_t		 count;
	uint8_t		 seen[65536 / 8];
};

void	 ports_init(struct port_set *);
void	 ports_free(struct port_set *);
/* Adds the ports of spec; 0, or -1 with a reason in err. */
int	 ports_parse(struct port_set *, const char *spec, char *err,
	     size_t errlen);
/* Adds the first n ports (0: all) of the top-ports text (one port per
 * line, '#' comments); 0, or -1 with a reason in err. */
int	 ports_add_top(struct port_set *, const char *text, size_t n, char *err,
	     size_t errlen);
bool	 ports_has(const struct port_set *, uint16_t port);

#endif
