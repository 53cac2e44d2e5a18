/*
 * mesh_seal.h: the keys of a sealed room and the sealing of datagrams
 * (libsodium; nothing home-made).
 *
 * The room key is the room secret stretched with Argon2id. Datagrams that
 * meet or find peers (HELLO, INTRODUCE, PROBE, SCAN and their answers) are
 * sealed with it; everything between two peers that know each other (chat,
 * acks, keepalives, bye) is sealed with their pair key, which only those
 * two can compute: BLAKE2b keyed with the room key over their X25519
 * shared secret and both public keys and session ids. So a datagram under
 * a pair key proves which peer sent it, and a NAT's new endpoint for a peer
 * is believed only when such a datagram arrives from it.
 *
 * Sealed payload: a random 24-byte nonce, then the body encrypted with
 * XChaCha20-Poly1305 (16-byte tag); the 20-byte header is the additional
 * data, so no header field can be changed on the way either.
 */
#ifndef MESH_MESH_SEAL_H
#define MESH_MESH_SEAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mesh_identity.h"

#define SEAL_KEY_LEN	32

/* 0, or -1 with a reason in err (out of memory: Argon2id takes 64 MiB). */
int	 seal_room_key(const char *secret, uint8_t key[SEAL_KEY_LEN], char *err,
	     size_t errlen);
/* -1 if their public key is a weak point (no shared secret). */
int	 seal_pair_key(const uint8_t room[SEAL_KEY_LEN],
	     const struct mesh_identity *me, uint64_t my_id,
	     const uint8_t their_pk[MESH_KEY_LEN], uint64_t their_id,
	     uint8_t out[SEAL_KEY_LEN]);
/* Nonce and sealed body into out (blen + MESH_SEAL_OVERHEAD bytes), with
 * the header as additional data. */
void	 seal_payload(const uint8_t key[SEAL_KEY_LEN], const uint8_t *header,
	     const uint8_t *body, size_t blen, uint8_t *out);
/* The body into out (plen - MESH_SEAL_OVERHEAD bytes); false if the
 * payload is too short or does not authenticate under key. */
bool	 seal_open(const uint8_t key[SEAL_KEY_LEN], const uint8_t *header,
	     const uint8_t *payload, size_t plen, uint8_t *out, size_t *outlen);

#endif
