/* assets.c: locate and read data files shipped with punchline. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "assets.h"

#ifndef PUNCHLINE_DATADIR
#define PUNCHLINE_DATADIR "/usr/local/share/punchline"
#endif

#define ASSET_MAX_SIZE (4u << 20)

static int
exe_dir(char *dir, size_t len)
{
	ssize_t n = readlink("/proc/self/exe", dir, len - 1);
	char *slash;

	if (n <= 0)
		return -1;
	dir[n] = '\0';
	if ((slash = strrchr(dir, '/')) == NULL)
		return -1;
	*slash = '\0';
	return 0;
}

static int
candidate(int i, const char *rel, char *path, size_t len)
{
	const char *env = getenv("PUNCHLINE_ASSETS");
	char dir[PATH_MAX];

	switch (i) {
	case 0:
		if (env == NULL || *env == '\0')
			return -1;
		snprintf(path, len, "%s/%s", env, rel);
		return 0;
	case 1:
		if (exe_dir(dir, sizeof dir) != 0)
			return -1;
		snprintf(path, len, "%s/assets/%s", dir, rel);
		return 0;
	case 2:
		snprintf(path, len, "%s/%s", PUNCHLINE_DATADIR, rel);
		return 0;
	}
	return -1;
}

const char *
assets_path(const char *rel)
{
	static char path[PATH_MAX + 64];
	struct stat st;
	int i;

	for (i = 0; i < 3; i++)
		if (candidate(i, rel, path, sizeof path) == 0 &&
		    stat(path, &st) == 0 && S_ISREG(st.st_mode))
			return path;
	return NULL;
}

char *
assets_read(const char *rel, size_t *len)
{
	const char *path = assets_path(rel);
	char *buf, *shrunk;
	FILE *f;
	size_t n;

	if (path == NULL) {
		errno = ENOENT;
		return NULL;
	}
	if ((f = fopen(path, "r")) == NULL)
		return NULL;
	if ((buf = malloc(ASSET_MAX_SIZE + 1)) == NULL) {
		fclose(f);
		return NULL;
	}
	n = fread(buf, 1, ASSET_MAX_SIZE, f);
	fclose(f);
	buf[n] = '\0';
	shrunk = realloc(buf, n + 1);	/* read with room to spare; give it back */
	if (shrunk != NULL)
		buf = shrunk;
	if (len != NULL)
		*len = n;
	return buf;
}
