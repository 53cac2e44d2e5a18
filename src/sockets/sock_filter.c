/*
 * sock_filter.c: parsing and matching the sockets FILTER (see
 * sock_filter.h). Pure, so it is unit-tested on its own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/socket.h>

#include "sock_filter.h"
#include "sock_format.h"

static int
number(const char *s, long max, long *out)
{
	char *end;

	if (*s < '0' || *s > '9')
		return -1;
	*out = strtol(s, &end, 10);
	return *end == '\0' && *out <= max ? 0 : -1;
}

static int
add_port(unsigned *list, unsigned *n, const char *v)
{
	long p;

	if (*n >= SOCK_FILTER_MAX || number(v, 65535, &p) != 0)
		return -1;
	list[(*n)++] = (unsigned)p;
	return 0;
}

static int
add_name(char *list, size_t size, unsigned *n, const char *v)
{
	if (*n >= SOCK_FILTER_MAX || *v == '\0' || strlen(v) >= size)
		return -1;
	memcpy(list + size * (*n)++, v, strlen(v) + 1);
	return 0;
}

static int
add_term(struct sock_filter *f, const char *key, const char *v)
{
	long n;
	int i;

	if (strcmp(key, "proto") == 0 && (i = sock_proto_parse(v)) >= 0)
		f->protos |= 1u << i;
	else if (strcmp(key, "state") == 0 && (i = sock_state_parse(v)) >= 0)
		f->states |= 1u << i;
	else if (strcmp(key, "family") == 0 && (strcmp(v, "4") == 0 ||
	    strcmp(v, "inet") == 0))
		f->families |= 1u;
	else if (strcmp(key, "family") == 0 && (strcmp(v, "6") == 0 ||
	    strcmp(v, "inet6") == 0))
		f->families |= 2u;
	else if (strcmp(key, "port") == 0)
		return add_port(f->ports, &f->nports, v);
	else if (strcmp(key, "sport") == 0)
		return add_port(f->sports, &f->nsports, v);
	else if (strcmp(key, "dport") == 0)
		return add_port(f->dports, &f->ndports, v);
	else if (strcmp(key, "pid") == 0 && f->npids < SOCK_FILTER_MAX &&
	    number(v, 1L << 30, &n) == 0)
		f->pids[f->npids++] = (int)n;
	else if (strcmp(key, "prog") == 0)
		return add_name(f->progs[0], sizeof f->progs[0], &f->nprogs, v);
	else if (strcmp(key, "user") == 0)
		return add_name(f->users[0], sizeof f->users[0], &f->nusers, v);
	else
		return -1;
	return 0;
}

static bool
known_key(const char *key)
{
	static const char *const keys[] = { "proto", "state", "port", "sport",
	    "dport", "pid", "prog", "user", "family" };
	size_t i;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (strcmp(key, keys[i]) == 0)
			return true;
	return false;
}

static int
parse_word(struct sock_filter *f, const char *word, char *err, size_t errlen)
{
	char key[16];
	const char *colon = strchr(word, ':');
	size_t klen = colon == NULL ? 0 : (size_t)(colon - word);

	if (colon == NULL || klen == 0 || klen >= sizeof key) {
		snprintf(err, errlen, "bad filter '%s': want KEY:VALUE, e.g. "
		    "state:listen port:22 prog:sshd proto:tcp", word);
		return -1;
	}
	memcpy(key, word, klen);
	key[klen] = '\0';
	if (!known_key(key)) {
		snprintf(err, errlen, "bad filter '%s': unknown key '%s' (want "
		    "proto, state, port, sport, dport, pid, prog, user or family)",
		    word, key);
		return -1;
	}
	if (add_term(f, key, colon + 1) != 0) {
		snprintf(err, errlen, "bad filter '%s': bad or too many values "
		    "for %s", word, key);
		return -1;
	}
	return 0;
}

int
sock_filter_parse(struct sock_filter *f, int argc, char *const *argv,
    char *err, size_t errlen)
{
	int i;

	memset(f, 0, sizeof *f);
	for (i = 0; i < argc; i++)
		if (parse_word(f, argv[i], err, errlen) != 0)
			return -1;
	return 0;
}

static bool
port_in(const unsigned *list, unsigned n, unsigned port)
{
	unsigned i;

	for (i = 0; i < n; i++)
		if (list[i] == port)
			return true;
	return false;
}

static bool
name_in(const char *list, size_t size, unsigned n, const char *name)
{
	unsigned i;

	for (i = 0; name != NULL && i < n; i++)
		if (strcmp(list + size * i, name) == 0)
			return true;
	return false;
}

static bool
pid_in(const struct sock_filter *f, int pid)
{
	unsigned i;

	for (i = 0; i < f->npids; i++)
		if (f->pids[i] == pid)
			return true;
	return false;
}

bool
sock_filter_match(const struct sock_filter *f, const struct sock *s,
    const char *user)
{
	bool inet = s->proto != SP_UNIX;

	if (f->protos && !(f->protos & 1u << s->proto))
		return false;
	if (f->states && !(f->states & 1u << s->state))
		return false;
	if (f->families && !(inet && (f->families &
	    (s->family == AF_INET6 ? 2u : 1u))))
		return false;
	if (f->nports && !(inet && (port_in(f->ports, f->nports, s->lport) ||
	    port_in(f->ports, f->nports, s->rport))))
		return false;
	if (f->nsports && !(inet && port_in(f->sports, f->nsports, s->lport)))
		return false;
	if (f->ndports && !(inet && port_in(f->dports, f->ndports, s->rport)))
		return false;
	if (f->npids && !pid_in(f, s->pid))
		return false;
	if (f->nprogs && (s->pid == 0 || !name_in(f->progs[0],
	    sizeof f->progs[0], f->nprogs, s->comm)))
		return false;
	if (f->nusers && !name_in(f->users[0], sizeof f->users[0], f->nusers,
	    user))
		return false;
	return true;
}

bool
sock_filter_empty(const struct sock_filter *f)
{
	return !f->protos && !f->states && !f->families && !f->nports && !f->nsports &&
	    !f->ndports && !f->npids && !f->nprogs && !f->nusers;
}
