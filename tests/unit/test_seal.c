/* test_seal.c: sealing (libsodium), pair keys and the replay window. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <sodium.h>

#include "../../src/mesh/mesh_replay.h"
#include "../../src/mesh/mesh_seal.h"

static uint8_t room[SEAL_KEY_LEN];

static int
setup(void **state)
{
	char err[128];

	(void)state;
	return seal_room_key("correct horse", room, err, sizeof err);
}

static void
room_key_is_the_same_for_the_same_secret(void **state)
{
	uint8_t again[SEAL_KEY_LEN], other[SEAL_KEY_LEN];
	char err[128];

	(void)state;
	assert_int_equal(seal_room_key("correct horse", again, err, sizeof err), 0);
	assert_memory_equal(room, again, SEAL_KEY_LEN);
	assert_int_equal(seal_room_key("correct horsf", other, err, sizeof err), 0);
	assert_memory_not_equal(room, other, SEAL_KEY_LEN);
}

static void
seal_then_open(void **state)
{
	uint8_t header[MESH_HEADER_LEN] = "PL\x01\x05headerheader", body[] = "hi there";
	uint8_t sealed[sizeof body + MESH_SEAL_OVERHEAD], out[sizeof body];
	size_t n = 0;

	(void)state;
	seal_payload(room, header, body, sizeof body, sealed);
	assert_null(memmem(sealed, sizeof sealed, "hi there", 8));
	assert_true(seal_open(room, header, sealed, sizeof sealed, out, &n));
	assert_int_equal(n, sizeof body);
	assert_memory_equal(out, body, sizeof body);
	header[3] = 6;		/* the header is authenticated too */
	assert_false(seal_open(room, header, sealed, sizeof sealed, out, &n));
	header[3] = 5;
	sealed[30] ^= 1;	/* and every byte of the payload */
	assert_false(seal_open(room, header, sealed, sizeof sealed, out, &n));
	assert_false(seal_open(room, header, sealed, MESH_SEAL_OVERHEAD - 1, out, &n));
}

static void
pair_keys_agree_and_differ(void **state)
{
	struct mesh_identity a, b, c;
	uint8_t ab[SEAL_KEY_LEN], ba[SEAL_KEY_LEN], ac[SEAL_KEY_LEN], same[2][SEAL_KEY_LEN];
	uint8_t zero[MESH_KEY_LEN] = { 0 };

	(void)state;
	crypto_box_keypair(a.pk, a.sk);
	crypto_box_keypair(b.pk, b.sk);
	crypto_box_keypair(c.pk, c.sk);
	assert_int_equal(seal_pair_key(room, &a, 1, b.pk, 2, ab), 0);
	assert_int_equal(seal_pair_key(room, &b, 2, a.pk, 1, ba), 0);
	assert_memory_equal(ab, ba, SEAL_KEY_LEN);
	assert_int_equal(seal_pair_key(room, &a, 1, c.pk, 3, ac), 0);
	assert_memory_not_equal(ab, ac, SEAL_KEY_LEN);
	/* Two instances sharing one identity file still agree (the lab). */
	assert_int_equal(seal_pair_key(room, &a, 1, a.pk, 9, same[0]), 0);
	assert_int_equal(seal_pair_key(room, &a, 9, a.pk, 1, same[1]), 0);
	assert_memory_equal(same[0], same[1], SEAL_KEY_LEN);
	assert_int_equal(seal_pair_key(room, &a, 1, zero, 2, ab), -1);
}

static void
replay_window(void **state)
{
	struct replay r;

	(void)state;
	memset(&r, 0, sizeof r);
	assert_true(replay_fresh(&r, 100));
	replay_accept(&r, 100);
	assert_false(replay_fresh(&r, 100));
	assert_true(replay_fresh(&r, 99));	/* late, not seen */
	replay_accept(&r, 105);
	assert_true(replay_fresh(&r, 103));
	assert_false(replay_fresh(&r, 100));
	replay_accept(&r, 103);
	assert_false(replay_fresh(&r, 103));
	replay_accept(&r, 105 + 70);		/* moves past a word boundary */
	assert_false(replay_fresh(&r, 105));
	assert_false(replay_fresh(&r, 103));
	assert_true(replay_fresh(&r, 104));
	replay_accept(&r, 100 + REPLAY_WINDOW + 200);
	assert_false(replay_fresh(&r, 104));	/* fell out of the window */
	assert_true(replay_fresh(&r, 100 + REPLAY_WINDOW + 201));
}

static void
replay_window_wraps(void **state)
{
	struct replay r;

	(void)state;
	memset(&r, 0, sizeof r);
	replay_accept(&r, 0xfffffffe);
	assert_true(replay_fresh(&r, 1));	/* after the wrap: newer */
	replay_accept(&r, 1);
	assert_false(replay_fresh(&r, 0xfffffffe));
	assert_true(replay_fresh(&r, 0xffffffff));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(room_key_is_the_same_for_the_same_secret),
		cmocka_unit_test(seal_then_open),
		cmocka_unit_test(pair_keys_agree_and_differ),
		cmocka_unit_test(replay_window),
		cmocka_unit_test(replay_window_wraps),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
