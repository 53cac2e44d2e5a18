/*
 * storage_chunk.h: punchline's own header inside an ICMP echo payload, the
 * unit of the storage in flight (src/storage/). A file is cut into chunks
 * of at most STORAGE_CHUNK_MAX bytes; every group of k data chunks gets m
 * Reed-Solomon parity chunks. No RFC: the format is ours, version 1.
 *
 *  0               1               2               3
 *  +---------------+---------------+---------------+---------------+
 *  |  'P'   'L'   's'   't'  (magic)                               |
 *  +---------------+---------------+---------------+---------------+
 *  |    version    | kind 0 data   |   k (data     |   m (parity   |
 *  |      (1)      |   1 parity    |  per group)   |  per group)   |
 *  +---------------+---------------+---------------+---------------+
 *  |                           file id                             |
 *  +-------------------------------+-------------------------------+
 *  |  index (data: chunk number;   |        group                  |
 *  |   parity: number in group)    |                               |
 *  +-------------------------------+-------------------------------+
 *  |  count (data chunks in file)  |  payload length               |
 *  +-------------------------------+-------------------------------+
 *  |                      file size (bytes)                        |
 *  +---------------------------------------------------------------+
 *  |     CRC32C of the 24 bytes above and of the payload            |
 *  +---------------------------------------------------------------+
 *  |     payload (payload length bytes)
 */
#ifndef PROTOCOLS_STORAGE_CHUNK_H
#define PROTOCOLS_STORAGE_CHUNK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define STORAGE_CHUNK_MAGIC	0x504c7374u	/* "PLst" */
#define STORAGE_CHUNK_VERSION	1
#define STORAGE_CHUNK_HDR	28
#define STORAGE_CHUNK_MAX	1024		/* payload bytes at most */

enum storage_kind { STORAGE_DATA = 0, STORAGE_PARITY = 1 };

enum storage_chunk_status {
	STORAGE_CHUNK_OK,
	STORAGE_CHUNK_TRUNCATED,	/* shorter than its header says */
	STORAGE_CHUNK_NOT_OURS,		/* no magic: someone else's echo */
	STORAGE_CHUNK_BAD_VERSION,
	STORAGE_CHUNK_BAD_FIELDS,	/* kind, k, m, index or length impossible */
	STORAGE_CHUNK_BAD_CHECKSUM,
};

struct storage_chunk {
	uint8_t		 version;
	uint8_t		 kind;		/* enum storage_kind */
	uint8_t		 k, m;
	uint32_t	 file_id;
	uint16_t	 index, group, count, len;
	uint32_t	 file_size;
	uint32_t	 crc;		/* as read (parse) */
	const uint8_t	*payload;	/* into the caller's buffer (parse) */
};

/* CRC32C (Castagnoli), continuing from crc (0 to start). */
uint32_t	 storage_crc32c(uint32_t crc, const uint8_t *p, size_t len);
/* Header and payload (c->len bytes) into out; returns the length written,
 * or 0 if it does not fit or a field is out of range. */
size_t		 storage_chunk_build(uint8_t *out, size_t outlen,
		     const struct storage_chunk *c, const uint8_t *payload);
/* Reads one chunk from an echo payload; fills c as far as it got. */
enum storage_chunk_status storage_chunk_parse(const uint8_t *buf, size_t len,
		     struct storage_chunk *c);
const char	*storage_chunk_status_name(enum storage_chunk_status);

#endif
