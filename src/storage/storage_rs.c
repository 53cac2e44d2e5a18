/* storage_rs.c: Reed-Solomon on ISA-L (see storage_rs.h). */
#include <string.h>

#include <isa-l/erasure_code.h>

#include "storage_rs.h"

int
storage_rs_init(struct storage_rs *rs, int k, int m)
{
	if (k < 1 || k > STORAGE_RS_MAX_K || m < 0 || m > STORAGE_RS_MAX_M)
		return -1;
	memset(rs, 0, sizeof *rs);
	rs->k = k;
	rs->m = m;
	if (m == 0)
		return 0;
	/* Rows 0..k-1 are the identity (the data as is), k..k+m-1 parity. */
	gf_gen_cauchy1_matrix(rs->matrix, k + m, k);
	ec_init_tables(k, m, &rs->matrix[k * k], rs->tables);
	return 0;
}

void
storage_rs_encode(const struct storage_rs *rs, uint8_t *const *data,
    uint8_t *const *parity, int len)
{
	if (rs->m > 0)
		ec_encode_data(len, rs->k, rs->m, (unsigned char *)rs->tables,
		    (unsigned char **)data, (unsigned char **)parity);
}

/* Writes the missing data blocks from k present ones (rows[] names them). */
static int
rebuild_data(const struct storage_rs *rs, uint8_t *const *blocks,
    const bool *have, const int *rows, int len)
{
	uint8_t sub[STORAGE_RS_MAX_K * STORAGE_RS_MAX_K];
	uint8_t inv[STORAGE_RS_MAX_K * STORAGE_RS_MAX_K];
	uint8_t decode[STORAGE_RS_MAX_K * STORAGE_RS_MAX_K];
	uint8_t tables[32 * STORAGE_RS_MAX_K * STORAGE_RS_MAX_K];
	unsigned char *src[STORAGE_RS_MAX_K], *out[STORAGE_RS_MAX_K];
	int k = rs->k, i, nout = 0;

	for (i = 0; i < k; i++) {
		memcpy(&sub[i * k], &rs->matrix[rows[i] * k], (size_t)k);
		src[i] = blocks[rows[i]];
	}
	if (gf_invert_matrix(sub, inv, k) != 0)
		return -1;	/* cannot happen with a Cauchy matrix */
	/* Data block d is row d of the inverse applied to the k sources. */
	for (i = 0; i < k; i++)
		if (!have[i]) {
			memcpy(&decode[nout * k], &inv[i * k], (size_t)k);
			out[nout++] = blocks[i];
		}
	if (nout == 0)
		return 0;
	ec_init_tables(k, nout, decode, tables);
	ec_encode_data(len, k, nout, tables, src, out);
	return 0;
}

/* Writes the missing parity blocks from the (now whole) data. */
static void
rebuild_parity(const struct storage_rs *rs, uint8_t *const *blocks,
    const bool *have, int len)
{
	uint8_t rows[STORAGE_RS_MAX_M * STORAGE_RS_MAX_K];
	uint8_t tables[32 * STORAGE_RS_MAX_K * STORAGE_RS_MAX_M];
	unsigned char *out[STORAGE_RS_MAX_M];
	int k = rs->k, p, nout = 0;

	for (p = 0; p < rs->m; p++)
		if (!have[k + p]) {
			memcpy(&rows[nout * k], &rs->matrix[(k + p) * k], (size_t)k);
			out[nout++] = blocks[k + p];
		}
	if (nout == 0)
		return;
	ec_init_tables(k, nout, rows, tables);
	ec_encode_data(len, k, nout, tables, (unsigned char **)blocks, out);
}

int
storage_rs_rebuild(const struct storage_rs *rs, uint8_t *const *blocks,
    const bool *have, int len)
{
	int rows[STORAGE_RS_MAX_K], i, n = 0;

	for (i = 0; i < rs->k + rs->m && n < rs->k; i++)
		if (have[i])
			rows[n++] = i;
	if (n < rs->k || rebuild_data(rs, blocks, have, rows, len) != 0)
		return -1;
	rebuild_parity(rs, blocks, have, len);
	return 0;
}
