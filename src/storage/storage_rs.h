/*
 * storage_rs.h: Reed-Solomon erasure coding for the storage in flight, on
 * Intel ISA-L (libisal): k data blocks make m parity blocks, and any k of
 * the k + m blocks give back all of them. The coding matrix is a Cauchy
 * matrix (gf_gen_cauchy1_matrix), so every k-row subset is invertible.
 */
#ifndef STORAGE_STORAGE_RS_H
#define STORAGE_STORAGE_RS_H

#include <stdbool.h>
#include <stdint.h>

#define STORAGE_RS_MAX_K	32
#define STORAGE_RS_MAX_M	16

struct storage_rs {
	int	 k, m;
	uint8_t	 matrix[(STORAGE_RS_MAX_K + STORAGE_RS_MAX_M) * STORAGE_RS_MAX_K];
	uint8_t	 tables[32 * STORAGE_RS_MAX_K * STORAGE_RS_MAX_M];
};

/* 0, or -1 if k or m is out of range (m may be 0: nothing to code). */
int	 storage_rs_init(struct storage_rs *, int k, int m);
/* parity[0..m-1] from data[0..k-1], each len bytes. */
void	 storage_rs_encode(const struct storage_rs *, uint8_t *const *data,
	     uint8_t *const *parity, int len);
/*
 * blocks[0..k+m-1] (data, then parity), len bytes each; have[i] says which
 * hold their block. Fills every missing one. 0, or -1 if fewer than k are
 * present (nothing is changed then).
 */
int	 storage_rs_rebuild(const struct storage_rs *, uint8_t *const *blocks,
	     const bool *have, int len);

#endif
