/* lab_netns.c: find, enter and empty network namespaces. */
#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <netinet/in.h>
#include <sys/stat.h>

#include "lab_netns.h"

static int
ns_path(const char *ns, char *buf, size_t len)
{
	if (strchr(ns, '/') != NULL || strcmp(ns, "..") == 0)
		return -1;
	snprintf(buf, len, "%s/%s", NETNS_RUN_DIR, ns);
	return 0;
}

bool
netns_exists(const char *ns)
{
	char path[256];
	struct stat st;

	return ns_path(ns, path, sizeof path) == 0 && stat(path, &st) == 0;
}

static bool
same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

bool
netns_is_current(const char *ns)
{
	char path[256];

	return ns_path(ns, path, sizeof path) == 0 &&
	    same_file(path, "/proc/self/ns/net");
}

/* Signals every process whose network namespace is the file at path. */
static int
signal_members(const char *path, int sig)
{
	char link[64];
	DIR *proc = opendir("/proc");
	struct dirent *de;
	pid_t pid;
	int n = 0;

	if (proc == NULL)
		return 0;
	while ((de = readdir(proc)) != NULL) {
		if ((pid = (pid_t)atoi(de->d_name)) <= 0 || pid == getpid())
			continue;
		snprintf(link, sizeof link, "/proc/%d/ns/net", (int)pid);
		if (same_file(path, link) && kill(pid, sig) == 0)
			n++;
	}
	closedir(proc);
	return n;
}

int
netns_kill_all(const char *ns)
{
	struct timespec pause = { 0, 50 * 1000 * 1000 };
	char path[256];
	int n, tries;

	if (ns_path(ns, path, sizeof path) != 0)
		return 0;
	n = signal_members(path, SIGTERM);
	for (tries = 0; tries < 20 && signal_members(path, 0) > 0; tries++)
		nanosleep(&pause, NULL);
	signal_members(path, SIGKILL);
	return n;
}

static void
add_addr(struct strbuf *out, const struct ifaddrs *ifa)
{
	char text[INET6_ADDRSTRLEN];
	const void *addr;
	unsigned bits = 0;
	int family = ifa->ifa_addr->sa_family;
	const unsigned char *m;
	size_t i, len;

	if (family == AF_INET) {
		addr = &((const struct sockaddr_in *)(const void *)ifa->ifa_addr)->sin_addr;
		m = (const unsigned char *)&((const struct sockaddr_in *)(const void *)ifa->ifa_netmask)->sin_addr;
		len = 4;
	} else {
		addr = &((const struct sockaddr_in6 *)(const void *)ifa->ifa_addr)->sin6_addr;
		m = (const unsigned char *)&((const struct sockaddr_in6 *)(const void *)ifa->ifa_netmask)->sin6_addr;
		len = 16;
	}
	for (i = 0; i < len; i++)
		bits += (unsigned)__builtin_popcount(m[i]);
	if (inet_ntop(family, addr, text, sizeof text) != NULL)
		sb_printf(out, "%s %s/%u\n", ifa->ifa_name, text, bits);
}

static int
collect_addrs(struct strbuf *out)
{
	struct ifaddrs *all, *ifa;

	if (getifaddrs(&all) != 0)
		return -1;
	for (ifa = all; ifa != NULL; ifa = ifa->ifa_next) {
		if (ifa->ifa_addr == NULL || ifa->ifa_netmask == NULL ||
		    (ifa->ifa_flags & IFF_LOOPBACK))
			continue;
		if (ifa->ifa_addr->sa_family == AF_INET ||
		    (ifa->ifa_addr->sa_family == AF_INET6 && !IN6_IS_ADDR_LINKLOCAL(
		    &((const struct sockaddr_in6 *)(const void *)ifa->ifa_addr)->sin6_addr)))
			add_addr(out, ifa);
	}
	freeifaddrs(all);
	return 0;
}

int
netns_addrs(const char *ns, struct strbuf *out)
{
	char path[256];
	int home, target, rc, saved;

	if (ns_path(ns, path, sizeof path) != 0) {
		errno = EINVAL;
		return -1;
	}
	if ((home = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	if ((target = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		saved = errno;
		close(home);
		errno = saved;
		return -1;
	}
	rc = setns(target, CLONE_NEWNET);
	if (rc == 0) {
		rc = collect_addrs(out);
		saved = errno;
		if (setns(home, CLONE_NEWNET) != 0)
			abort();	/* we must not stay in the lab */
		errno = saved;
	}
	close(target);
	close(home);
	return rc;
}
