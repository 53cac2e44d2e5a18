/*
 * sockets_owner.c: socket inode -> owning process, from /proc/PID/fd,
 * with a per-pid cache so a refresh rescans only what changed (see
 * sockets_owner.h).
 */
#include <sys/stat.h>
#include <dirent.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../../protocols/procnet.h"
#include "sockets_owner.h"

#define USERS_MAX	64
#define PROBE_MIN_FDS	64	/* fd tables probed by number from this size */

struct proc_ent {
	int		 pid;
	long		 nfds;		/* size of /proc/PID/fd; -1 unknown */
	uint32_t	 uid;
	char		 comm[SOCK_COMM_MAX];
	uint32_t	*inodes;
	size_t		 n, cap;
	bool		 moved;		/* to the next list (cache hit or rescan) */
};

struct inode_slot {
	uint32_t	 inode;		/* 0: empty */
	uint32_t	 proc;		/* index in procs */
};

struct sockets_owner {
	struct proc_ent		*procs, *next;
	size_t			 nprocs, nnext, cap_procs, cap_next;
	struct inode_slot	*map;
	size_t			 nslots;
	double			 last_full, last_walk;
	unsigned		 scanned;	/* in the last walk */
	struct { uint32_t uid; char name[33]; } users[USERS_MAX];
	size_t			 nusers;
};

static double
now_mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

struct sockets_owner *
sockets_owner_new(void)
{
	struct sockets_owner *o = calloc(1, sizeof *o);

	if (o != NULL)
		o->last_full = o->last_walk = -1e9;
	return o;
}

static void
free_procs(struct proc_ent *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(p[i].inodes);
}

void
sockets_owner_free(struct sockets_owner *o)
{
	if (o == NULL)
		return;
	free_procs(o->procs, o->nprocs);
	free(o->procs);
	free(o->next);
	free(o->map);
	free(o);
}

static void
add_inode(struct proc_ent *p, uint32_t inode)
{
	uint32_t *v;
	size_t cap;

	if (p->n == p->cap) {
		cap = p->cap == 0 ? 16 : p->cap * 2;
		if ((v = realloc(p->inodes, cap * sizeof *v)) == NULL)
			return;
		p->inodes = v;
		p->cap = cap;
	}
	p->inodes[p->n++] = inode;
}

/* The command name from /proc/PID/comm, without its newline. */
static void
read_comm(int procfd, char *comm)
{
	ssize_t n;
	int fd;

	comm[0] = '\0';
	if ((fd = openat(procfd, "comm", O_RDONLY | O_CLOEXEC)) < 0)
		return;
	n = read(fd, comm, SOCK_COMM_MAX - 1);
	close(fd);
	if (n <= 0)
		n = 0;
	comm[n] = '\0';
	comm[strcspn(comm, "\n")] = '\0';
}

/* The decimal digits of v, NUL-terminated, in buf[12]. */
static const char *
fd_name(long v, char *buf)
{
	char *p = buf + 11;

	*p = '\0';
	do {
		*--p = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	return p;
}

/* Notes the fd's socket inode, if it is a socket; false if no such fd. */
static bool
read_link(struct proc_ent *p, int fddir, const char *name)
{
	char link[64];
	uint32_t inode;
	ssize_t n;

	if ((n = readlinkat(fddir, name, link, sizeof link)) < 0)
		return false;
	if (procnet_socket_inode(link, (size_t)n, &inode))
		add_inode(p, inode);
	return true;
}

/*
 * Every "socket:[N]" among the fds, read with readlinkat relative to the
 * fd directory (no path walk). Big fd tables are mostly dense, so their
 * fds are first tried by number, 0 up, until nfds (the directory's size)
 * were found: that spares listing the directory, whose every entry costs
 * the kernel a dentry lookup of its own (a tenth of a 40k-socket
 * refresh). Holes past a bound, or fds opened meanwhile, send the rest to
 * the listing: only entries above the numbers tried are read. Small
 * tables (a shell's 0, 1, 2 and 255) are listed at once.
 */
static void
scan_fds(struct proc_ent *p, int fddir, long nfds)
{
	long fd = 0, found = 0, bound = nfds + nfds / 8 + 16, num;
	struct dirent *de;
	char name[12];
	char *end;
	DIR *d;

	for (; nfds >= PROBE_MIN_FDS && found < nfds && fd < bound; fd++)
		found += read_link(p, fddir, fd_name(fd, name));
	if (nfds >= PROBE_MIN_FDS && found >= nfds) {
		close(fddir);
		return;
	}
	if ((d = fdopendir(fddir)) == NULL) {
		close(fddir);
		return;
	}
	while ((de = readdir(d)) != NULL) {
		num = strtol(de->d_name, &end, 10);
		if (de->d_name[0] != '.' && *end == '\0' && num >= fd)
			read_link(p, dirfd(d), de->d_name);
	}
	closedir(d);
}

/* Scans pid afresh into p (whose old inodes are reused as storage). */
static void
scan_proc(struct sockets_owner *o, struct proc_ent *p, int procfd, int fddir,
    long nfds)
{
	struct stat st;

	p->n = 0;
	p->nfds = nfds;
	p->uid = fstat(procfd, &st) == 0 ? st.st_uid : 0;
	read_comm(procfd, p->comm);
	o->scanned++;
	scan_fds(p, fddir, nfds);
}

static struct proc_ent *
old_entry(struct sockets_owner *o, int pid, size_t *hint)
{
	/* Both lists come from /proc in pid order: walk them together. */
	while (*hint < o->nprocs && o->procs[*hint].pid < pid)
		(*hint)++;
	if (*hint < o->nprocs && o->procs[*hint].pid == pid)
		return &o->procs[*hint];
	return NULL;
}

static int
grow_next(struct sockets_owner *o)
{
	struct proc_ent *v;
	size_t cap;

	if (o->nnext < o->cap_next)
		return 0;
	cap = o->cap_next == 0 ? 256 : o->cap_next * 2;
	if ((v = realloc(o->next, cap * sizeof *v)) == NULL)
		return -1;
	o->next = v;
	o->cap_next = cap;
	return 0;
}

/* One /proc entry: kept from the cache if its fd count is unchanged. */
static bool
visit(struct sockets_owner *o, int procdir, int pid, bool full, size_t *hint)
{
	struct proc_ent *old = old_entry(o, pid, hint), *p;
	char name[16];
	struct stat st;
	int procfd, fddir;
	bool changed = true;

	snprintf(name, sizeof name, "%d", pid);
	if (grow_next(o) != 0 ||
	    (procfd = openat(procdir, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return old != NULL;
	p = &o->next[o->nnext++];
	memset(p, 0, sizeof *p);
	p->pid = pid;
	if (old != NULL) {
		*p = *old;
		old->inodes = NULL;
		old->moved = true;
	}
	fddir = openat(procfd, "fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fddir < 0)
		p->n = 0;
	else if (fstat(fddir, &st) == 0 && old != NULL && !full &&
	    st.st_size > 0 && st.st_size == old->nfds) {
		changed = false;
		close(fddir);
	} else
		scan_proc(o, p, procfd, fddir, fstat(fddir, &st) == 0 ?
		    (long)st.st_size : -1);
	close(procfd);
	return changed;
}

static int
pid_cmp(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/* The pids in /proc, sorted; NULL when /proc cannot be read. */
static int *
list_pids(DIR *d, size_t *n)
{
	struct dirent *de;
	size_t cap = 0;
	int *v = NULL, *nv;
	char *end;
	long pid;

	*n = 0;
	while ((de = readdir(d)) != NULL) {
		pid = strtol(de->d_name, &end, 10);
		if (*end != '\0' || pid <= 0)
			continue;
		if (*n == cap) {
			cap = cap == 0 ? 512 : cap * 2;
			if ((nv = realloc(v, cap * sizeof *v)) == NULL)
				break;
			v = nv;
		}
		v[(*n)++] = (int)pid;
	}
	if (*n > 1)
		qsort(v, *n, sizeof *v, pid_cmp);
	return v;
}

/* Lists /proc and rescans what changed; true if anything did. */
static bool
walk_procs(struct sockets_owner *o, bool full)
{
	struct proc_ent *tmp;
	size_t npids, i, hint = 0, cap;
	bool changed = false;
	int *pids;
	DIR *d;

	if ((d = opendir("/proc")) == NULL)
		return false;
	pids = list_pids(d, &npids);
	o->nnext = 0;
	o->scanned = 0;
	for (i = 0; i < o->nprocs; i++)
		o->procs[i].moved = false;
	for (i = 0; i < npids; i++)
		changed |= visit(o, dirfd(d), pids[i], full, &hint);
	closedir(d);
	free(pids);
	for (i = 0; i < o->nprocs; i++)
		changed |= !o->procs[i].moved;	/* a process went away */
	free_procs(o->procs, o->nprocs);
	tmp = o->procs;
	o->procs = o->next;
	o->next = tmp;
	o->nprocs = o->nnext;
	cap = o->cap_procs;
	o->cap_procs = o->cap_next;
	o->cap_next = cap;
	return changed;
}

static void
map_put(struct sockets_owner *o, uint32_t inode, uint32_t proc)
{
	size_t slot = (inode * 2654435761u) & (o->nslots - 1);

	while (o->map[slot].inode != 0 && o->map[slot].inode != inode)
		slot = (slot + 1) & (o->nslots - 1);
	if (o->map[slot].inode == 0) {	/* lowest pid first: keep the first */
		o->map[slot].inode = inode;
		o->map[slot].proc = proc;
	}
}

static const struct proc_ent *
map_get(const struct sockets_owner *o, uint32_t inode)
{
	size_t slot;

	if (o->nslots == 0 || inode == 0)
		return NULL;
	slot = (inode * 2654435761u) & (o->nslots - 1);
	for (; o->map[slot].inode != 0; slot = (slot + 1) & (o->nslots - 1))
		if (o->map[slot].inode == inode)
			return &o->procs[o->map[slot].proc];
	return NULL;
}

static void
build_map(struct sockets_owner *o)
{
	size_t total = 0, want = 1024, i, j;

	for (i = 0; i < o->nprocs; i++)
		total += o->procs[i].n;
	while (want < total * 2)
		want *= 2;
	free(o->map);
	if ((o->map = calloc(want, sizeof *o->map)) == NULL) {
		o->nslots = 0;
		return;
	}
	o->nslots = want;
	for (i = 0; i < o->nprocs; i++)		/* in pid order */
		for (j = 0; j < o->procs[i].n; j++)
			map_put(o, o->procs[i].inodes[j], (uint32_t)i);
}

/* Sets the owners; how many sockets with an inode have none. */
static size_t
assign(const struct sockets_owner *o, struct sock_table *t)
{
	const struct proc_ent *p;
	size_t i, missing = 0;
	struct sock *s;

	for (i = 0; i < t->n; i++) {
		s = &t->v[i];
		if ((p = map_get(o, s->inode)) == NULL) {
			s->pid = 0;
			s->comm[0] = '\0';
			missing += s->inode != 0;
			continue;
		}
		s->pid = p->pid;
		s->owner_uid = p->uid;
		memcpy(s->comm, p->comm, sizeof s->comm);
	}
	return missing;
}

void
sockets_owner_refresh(struct sockets_owner *o, struct sock_table *t)
{
	double now = now_mono();
	bool full = now - o->last_full >= OWNER_FULL_SECONDS && o->nprocs == 0;

	/* Every socket's inode already mapped: no /proc walk at all, but a
	 * check of the fd counts now and then for owners that changed (an
	 * exec, a fork that inherited sockets, an exit). */
	if (o->map != NULL && now - o->last_walk < OWNER_CHECK_SECONDS &&
	    assign(o, t) == 0)
		return;
	o->last_walk = now;
	if (full)
		o->last_full = now;
	if (walk_procs(o, full) || o->map == NULL)
		build_map(o);
	if (assign(o, t) == 0 || now - o->last_full < OWNER_FULL_SECONDS)
		return;
	o->last_full = now;	/* ownerless sockets: look everywhere */
	walk_procs(o, true);
	build_map(o);
	assign(o, t);
}

const char *
sockets_owner_user(struct sockets_owner *o, uint32_t uid)
{
	struct passwd *pw;
	size_t i;

	for (i = 0; i < o->nusers; i++)
		if (o->users[i].uid == uid)
			return o->users[i].name;
	i = o->nusers < USERS_MAX ? o->nusers++ : uid % USERS_MAX;
	o->users[i].uid = uid;
	if ((pw = getpwuid(uid)) != NULL)
		snprintf(o->users[i].name, sizeof o->users[i].name, "%s",
		    pw->pw_name);
	else
		snprintf(o->users[i].name, sizeof o->users[i].name, "%u", uid);
	return o->users[i].name;
}

unsigned
sockets_owner_scanned(const struct sockets_owner *o)
{
	return o->scanned;
}
