/*
 * sockets_proc.c: sockets from /proc/net text, line by line through
 * protocols/procnet.c, when sock_diag cannot be used.
 */
#include <sys/socket.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../protocols/procnet.h"
#include "sockets_proc.h"

static const char *const inet_files[SP_NPROTO][2] = {
	[SP_TCP] = { "/proc/net/tcp", "/proc/net/tcp6" },
	[SP_UDP] = { "/proc/net/udp", "/proc/net/udp6" },
	[SP_RAW] = { "/proc/net/raw", "/proc/net/raw6" },
};

static void
add_line(struct sock_table *t, int proto, int family, const char *line,
    size_t len)
{
	struct diag_inet di;
	struct diag_unix du;
	struct sock *s;

	if (proto == SP_UNIX ? procnet_parse_unix(line, len, &du) != 0 :
	    procnet_parse_inet(line, len, family, &di) != 0)
		return;
	if ((s = sock_table_add(t)) == NULL)
		return;
	s->proto = (uint8_t)proto;
	s->v6only = -1;
	if (proto == SP_UNIX) {
		s->family = AF_UNIX;
		s->state = du.state;
		s->unix_type = du.type;
		s->inode = du.inode;
		memcpy(s->unix_name, du.name, sizeof s->unix_name);
		return;
	}
	s->family = di.family;
	s->state = di.state;
	s->lport = di.sport;
	s->rport = di.dport;
	memcpy(s->laddr, di.src, 16);
	memcpy(s->raddr, di.dst, 16);
	s->uid = di.uid;
	s->inode = di.inode;
}

static int
read_file(const char *path, int proto, int family, struct sock_table *t)
{
	FILE *f = fopen(path, "re");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	if (f == NULL)
		return -1;
	while ((n = getline(&line, &cap, f)) > 0)
		add_line(t, proto, family, line, (size_t)n);
	free(line);
	fclose(f);
	return 0;
}

int
sockets_proc_read(int proto, struct sock_table *t, char *err, size_t errlen)
{
	const char *bad = NULL;

	if (proto == SP_UNIX) {
		if (read_file("/proc/net/unix", proto, AF_UNIX, t) != 0)
			bad = "/proc/net/unix";
	} else {
		if (read_file(inet_files[proto][0], proto, AF_INET, t) != 0)
			bad = inet_files[proto][0];
		/* No IPv6 in this kernel is not an error. */
		read_file(inet_files[proto][1], proto, AF_INET6, t);
	}
	if (bad == NULL)
		return 0;
	snprintf(err, errlen, "%s: %s", bad, strerror(errno));
	return -1;
}
