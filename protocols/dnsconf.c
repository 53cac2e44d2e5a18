/* dnsconf.c: resolv.conf and the hosts line of nsswitch.conf (see dnsconf.h). */
#include <string.h>

#include "dnsconf.h"
#include "reader.h"
#include "textline.h"

/* The rest of the line, blanks squeezed to one space, comments cut. */
static void
rest_of_line(struct reader *line, char *out, size_t len)
{
	char tok[DNS_LINE_MAX];
	size_t used = 0, n;

	out[0] = '\0';
	while (tl_token(line, tok, sizeof tok) > 0) {
		if (tok[0] == '#' || tok[0] == ';')
			break;
		n = strlen(tok);
		if (used + n + 2 > len)
			break;
		if (used > 0)
			out[used++] = ' ';
		memcpy(out + used, tok, n + 1);
		used += n;
	}
}

static void
search_line(struct reader *line, struct dns_resolv *r)
{
	char tok[DNS_NAME_MAX];

	r->nsearch = 0;			/* the last search or domain wins */
	while (tl_token(line, tok, sizeof tok) > 0 &&
	    r->nsearch < DNS_MAX_SEARCH) {
		if (tok[0] == '#' || tok[0] == ';')
			break;
		memcpy(r->search[r->nsearch++], tok, sizeof tok);
	}
}

static void
resolv_line(struct reader *line, struct dns_resolv *r)
{
	char key[16], tok[DNS_ADDR_MAX];

	if (tl_token(line, key, sizeof key) == 0)
		return;
	if (strcmp(key, "nameserver") == 0) {
		if (tl_token(line, tok, sizeof tok) > 0 &&
		    tok[0] != '#' && r->nns < DNS_MAX_NS)
			memcpy(r->ns[r->nns++], tok, sizeof tok);
	} else if (strcmp(key, "search") == 0 || strcmp(key, "domain") == 0)
		search_line(line, r);
	else if (strcmp(key, "options") == 0)
		rest_of_line(line, r->options, sizeof r->options);
}

void
dnsconf_parse_resolv(const char *text, size_t len, struct dns_resolv *r)
{
	struct reader rd, line;

	memset(r, 0, sizeof *r);
	rd_init(&rd, text, len);
	while (tl_next_line(&rd, &line))
		resolv_line(&line, r);
}

bool
dnsconf_parse_hosts(const char *text, size_t len, char *out, size_t outlen)
{
	struct reader rd, line;
	char key[16];

	if (outlen == 0)
		return false;
	out[0] = '\0';
	rd_init(&rd, text, len);
	while (tl_next_line(&rd, &line)) {
		if (tl_token(&line, key, sizeof key) == 0 ||
		    strcmp(key, "hosts:") != 0)
			continue;
		rest_of_line(&line, out, outlen);
		return true;
	}
	return false;
}

bool
dnsconf_is_loopback(const char *addr)
{
	return strncmp(addr, "127.", 4) == 0 || strcmp(addr, "::1") == 0;
}
