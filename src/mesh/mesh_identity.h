/*
 * mesh_identity.h: this instance's long-term identity, an X25519 key pair
 * kept in a file only its owner can read, and the short fingerprint by
 * which people recognise a peer ("3f9a 0c12 77be 41d0").
 */
#ifndef MESH_MESH_IDENTITY_H
#define MESH_MESH_IDENTITY_H

#include <stddef.h>
#include <stdint.h>

#include "../../protocols/mesh.h"

struct mesh_identity {
	uint8_t		 pk[MESH_KEY_LEN];
	uint8_t		 sk[MESH_KEY_LEN];
};

/* Loads the key from path, or creates it (directories 0700, file 0600)
 * when there is none; path "" means $XDG_CONFIG_HOME/punchline/identity
 * or ~/.config/punchline/identity. 0, or -1 with a reason in err. */
int	 identity_load(const char *path, struct mesh_identity *, char *err,
	     size_t errlen);
/* The first 8 bytes of BLAKE2b(pk) in four groups: 19 characters + NUL. */
void	 identity_fingerprint(const uint8_t pk[MESH_KEY_LEN], char *out,
	     size_t outlen);

#endif
