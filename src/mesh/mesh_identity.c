/*
 * mesh_identity.c: the identity key file. It holds one line,
 * "punchline-identity-1 <64 hex digits of the X25519 secret key>"; the
 * public key is derived from it. A file that others can read is refused,
 * as ssh refuses a private key with loose modes.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include <sodium.h>

#include "mesh_identity.h"

#define MAGIC	"punchline-identity-1 "

static int
default_path(char *out, size_t len, char *err, size_t errlen)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	int n;

	if (xdg != NULL && *xdg == '/')
		n = snprintf(out, len, "%s/punchline/identity", xdg);
	else if (home != NULL && *home == '/')
		n = snprintf(out, len, "%s/.config/punchline/identity", home);
	else {
		snprintf(err, errlen, "identity key: no HOME or XDG_CONFIG_HOME "
		    "(use --identity FILE)");
		return -1;
	}
	if (n < 0 || (size_t)n >= len) {
		snprintf(err, errlen, "identity key: path too long");
		return -1;
	}
	return 0;
}

/* mkdir -p for the directories above path, mode 0700. */
static int
make_parents(const char *path, char *err, size_t errlen)
{
	char dir[4096];
	char *slash;

	snprintf(dir, sizeof dir, "%s", path);
	for (slash = strchr(dir + 1, '/'); slash != NULL;
	    slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			snprintf(err, errlen, "identity key: mkdir %s: %s", dir,
			    strerror(errno));
			return -1;
		}
		*slash = '/';
	}
	return 0;
}

static int
create_key(const char *path, struct mesh_identity *id, char *err,
    size_t errlen)
{
	char hex[2 * MESH_KEY_LEN + 1];
	FILE *f;
	int fd;

	if (make_parents(path, err, errlen) != 0)
		return -1;
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) < 0) {
		snprintf(err, errlen, "identity key: create %s: %s", path,
		    strerror(errno));
		return -1;
	}
	crypto_box_keypair(id->pk, id->sk);
	sodium_bin2hex(hex, sizeof hex, id->sk, sizeof id->sk);
	f = fdopen(fd, "w");
	if (f == NULL || fprintf(f, MAGIC "%s\n", hex) < 0 || fclose(f) != 0) {
		snprintf(err, errlen, "identity key: write %s: %s", path,
		    strerror(errno));
		if (f == NULL)
			close(fd);
		sodium_memzero(hex, sizeof hex);
		return -1;
	}
	sodium_memzero(hex, sizeof hex);
	return 0;
}

static int
parse_key(const char *line, const char *path, struct mesh_identity *id,
    char *err, size_t errlen)
{
	size_t len = 0;

	if (strncmp(line, MAGIC, strlen(MAGIC)) != 0 ||
	    sodium_hex2bin(id->sk, sizeof id->sk, line + strlen(MAGIC),
	    2 * MESH_KEY_LEN, NULL, &len, NULL) != 0 || len != MESH_KEY_LEN) {
		snprintf(err, errlen, "identity key %s: not a punchline "
		    "identity (move it away and a new one is made)", path);
		return -1;
	}
	crypto_scalarmult_base(id->pk, id->sk);
	return 0;
}

static int
read_key(const char *path, struct mesh_identity *id, char *err,
    size_t errlen)
{
	char line[128] = "";
	struct stat st;
	FILE *f;
	int rc;

	if ((f = fopen(path, "re")) == NULL) {
		snprintf(err, errlen, "identity key: %s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fileno(f), &st) != 0 || (st.st_mode & 077) != 0) {
		snprintf(err, errlen, "identity key %s: readable by others "
		    "(chmod 600 %s)", path, path);
		fclose(f);
		return -1;
	}
	if (fgets(line, sizeof line, f) == NULL)
		line[0] = '\0';
	fclose(f);
	rc = parse_key(line, path, id, err, errlen);
	sodium_memzero(line, sizeof line);
	return rc;
}

int
identity_load(const char *path, struct mesh_identity *id, char *err,
    size_t errlen)
{
	char buf[4096];

	if (sodium_init() < 0) {
		snprintf(err, errlen, "libsodium did not start");
		return -1;
	}
	if (path == NULL || *path == '\0') {
		if (default_path(buf, sizeof buf, err, errlen) != 0)
			return -1;
		path = buf;
	}
	if (access(path, F_OK) != 0)
		return create_key(path, id, err, errlen);
	return read_key(path, id, err, errlen);
}

void
identity_fingerprint(const uint8_t pk[MESH_KEY_LEN], char *out, size_t outlen)
{
	uint8_t h[8];

	crypto_generichash(h, sizeof h, pk, MESH_KEY_LEN, NULL, 0);
	snprintf(out, outlen, "%02x%02x %02x%02x %02x%02x %02x%02x", h[0], h[1],
	    h[2], h[3], h[4], h[5], h[6], h[7]);
}
