/* mesh_seal.c: room key, pair keys, seal and open (see mesh_seal.h). */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "mesh_seal.h"

#define NONCE_LEN crypto_aead_xchacha20poly1305_ietf_NPUBBYTES

/*
 * Peers share nothing but the secret, so the salt is fixed: the same
 * secret must give the same key on every machine. A fixed salt lets an
 * attacker precompute guesses against every punchline room at once; a
 * long secret is the answer to that (said in the man page).
 */
static const uint8_t room_salt[crypto_pwhash_SALTBYTES] = "punchline room1";

int
seal_room_key(const char *secret, uint8_t key[SEAL_KEY_LEN], char *err,
    size_t errlen)
{
	if (sodium_init() < 0) {
		snprintf(err, errlen, "libsodium did not start");
		return -1;
	}
	if (crypto_pwhash(key, SEAL_KEY_LEN, secret, strlen(secret), room_salt,
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE,
	    crypto_pwhash_ALG_ARGON2ID13) != 0) {
		snprintf(err, errlen, "room key: Argon2id needs %zu MiB of "
		    "memory", (size_t)crypto_pwhash_MEMLIMIT_INTERACTIVE >> 20);
		return -1;
	}
	return 0;
}

static void
put_be64(uint8_t *p, uint64_t v)
{
	int i;

	for (i = 7; i >= 0; i--, v >>= 8)
		p[i] = (uint8_t)v;
}

/* Both sides must hash the same bytes: the lower (key, id) goes first. */
static void
order_parties(uint8_t lo[MESH_KEY_LEN + 8], uint8_t hi[MESH_KEY_LEN + 8],
    const uint8_t *a_pk, uint64_t a_id, const uint8_t *b_pk, uint64_t b_id)
{
	uint8_t a[MESH_KEY_LEN + 8], b[MESH_KEY_LEN + 8];

	memcpy(a, a_pk, MESH_KEY_LEN);
	put_be64(a + MESH_KEY_LEN, a_id);
	memcpy(b, b_pk, MESH_KEY_LEN);
	put_be64(b + MESH_KEY_LEN, b_id);
	if (memcmp(a, b, sizeof a) < 0) {
		memcpy(lo, a, sizeof a);
		memcpy(hi, b, sizeof b);
	} else {
		memcpy(lo, b, sizeof b);
		memcpy(hi, a, sizeof a);
	}
}

int
seal_pair_key(const uint8_t room[SEAL_KEY_LEN], const struct mesh_identity *me,
    uint64_t my_id, const uint8_t their_pk[MESH_KEY_LEN], uint64_t their_id,
    uint8_t out[SEAL_KEY_LEN])
{
	uint8_t shared[crypto_scalarmult_BYTES];
	uint8_t lo[MESH_KEY_LEN + 8], hi[MESH_KEY_LEN + 8];
	crypto_generichash_state st;

	if (crypto_scalarmult(shared, me->sk, their_pk) != 0)
		return -1;
	order_parties(lo, hi, me->pk, my_id, their_pk, their_id);
	crypto_generichash_init(&st, room, SEAL_KEY_LEN, SEAL_KEY_LEN);
	crypto_generichash_update(&st, shared, sizeof shared);
	crypto_generichash_update(&st, lo, sizeof lo);
	crypto_generichash_update(&st, hi, sizeof hi);
	crypto_generichash_final(&st, out, SEAL_KEY_LEN);
	sodium_memzero(shared, sizeof shared);
	return 0;
}

void
seal_payload(const uint8_t key[SEAL_KEY_LEN], const uint8_t *header,
    const uint8_t *body, size_t blen, uint8_t *out)
{
	randombytes_buf(out, NONCE_LEN);
	crypto_aead_xchacha20poly1305_ietf_encrypt(out + NONCE_LEN, NULL, body,
	    blen, header, MESH_HEADER_LEN, NULL, out, key);
}

bool
seal_open(const uint8_t key[SEAL_KEY_LEN], const uint8_t *header,
    const uint8_t *payload, size_t plen, uint8_t *out, size_t *outlen)
{
	unsigned long long n;

	if (plen < MESH_SEAL_OVERHEAD)
		return false;
	if (crypto_aead_xchacha20poly1305_ietf_decrypt(out, &n, NULL,
	    payload + NONCE_LEN, plen - NONCE_LEN, header, MESH_HEADER_LEN,
	    payload, key) != 0)
		return false;
	*outlen = (size_t)n;
	return true;
}
