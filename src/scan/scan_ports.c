/* scan_ports.c: port sets (see scan_ports.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scan_ports.h"

void
ports_init(struct port_set *ps)
{
	memset(ps, 0, sizeof *ps);
}

void
ports_free(struct port_set *ps)
{
	free(ps->list);
	ports_init(ps);
}

bool
ports_has(const struct port_set *ps, uint16_t port)
{
	return (ps->seen[port / 8] >> (port % 8)) & 1;
}

static int
add_port(struct port_set *ps, unsigned port)
{
	if (ports_has(ps, (uint16_t)port))
		return 0;
	if (ps->list == NULL &&
	    (ps->list = malloc(PORTS_MAX * sizeof *ps->list)) == NULL)
		return -1;
	ps->seen[port / 8] |= (uint8_t)(1u << (port % 8));
	ps->list[ps->count++] = (uint16_t)port;
	return 0;
}

/* A decimal port 1-65535 at *s; advances *s past it. */
static int
read_port(const char **s, unsigned *out)
{
	unsigned long v = 0;
	const char *p = *s;

	if (*p < '0' || *p > '9')
		return -1;
	while (*p >= '0' && *p <= '9' && v <= 65535)
		v = v * 10 + (unsigned long)(*p++ - '0');
	if (v < 1 || v > 65535)
		return -1;
	*s = p;
	*out = (unsigned)v;
	return 0;
}

/* One item: N, N-M, -M, N-, or "-" alone (open ends mean 1 and 65535). */
static int
parse_item(const char **s, unsigned *lo, unsigned *hi)
{
	*lo = 1;
	*hi = 65535;
	if (**s != '-' && read_port(s, lo) != 0)
		return -1;
	if (**s != '-') {
		*hi = *lo;
		return 0;
	}
	(*s)++;
	if (**s == ',' || **s == '\0')
		return 0;
	return read_port(s, hi);
}

int
ports_parse(struct port_set *ps, const char *spec, char *err, size_t errlen)
{
	const char *s = spec;
	unsigned lo, hi, p;

	if (*s == '\0') {
		snprintf(err, errlen, "empty port list");
		return -1;
	}
	for (;;) {
		if (parse_item(&s, &lo, &hi) != 0 || (*s != ',' && *s != '\0')) {
			snprintf(err, errlen, "ports '%s': want N, N-M or -, "
			    "comma-separated, within 1-65535", spec);
			return -1;
		}
		if (lo > hi) {
			snprintf(err, errlen, "ports '%s': range %u-%u runs "
			    "backwards", spec, lo, hi);
			return -1;
		}
		for (p = lo; p <= hi; p++)
			if (add_port(ps, p) != 0) {
				snprintf(err, errlen, "%s", strerror(ENOMEM));
				return -1;
			}
		if (*s == '\0')
			return 0;
		s++;
	}
}

int
ports_add_top(struct port_set *ps, const char *text, size_t n, char *err,
    size_t errlen)
{
	const char *line = text;
	size_t added = 0;
	unsigned port;

	while (*line != '\0' && (n == 0 || added < n)) {
		const char *s = line;

		if (*s != '#' && *s != '\n' && read_port(&s, &port) == 0) {
			if (!ports_has(ps, (uint16_t)port) && add_port(ps, port) != 0) {
				snprintf(err, errlen, "%s", strerror(ENOMEM));
				return -1;
			}
			added++;
		}
		line = strchr(line, '\n');
		if (line == NULL)
			break;
		line++;
	}
	if (n > 0 && added < n) {
		snprintf(err, errlen, "--top %zu: the list has only %zu ports", n,
		    added);
		return -1;
	}
	return 0;
}
