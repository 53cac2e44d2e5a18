/*
 * mesh.h: punchline's peer mesh protocol, one UDP datagram at a time.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-------------------------------+---------------+---------------+
 * |        magic 0x50 0x4c "PL"   |  version (1)  |     type      |
 * +---------------+---------------+---------------+---------------+
 * |     flags     |   reserved    |        payload length         |
 * +---------------+---------------+-------------------------------+
 * |                     sender id (64 bits)                       |
 * |                                                               |
 * +---------------------------------------------------------------+
 * |                       sequence (32 bits)                      |
 * +---------------------------------------------------------------+
 * |  payload: the body of the type, or with flag SEALED (0x01) a  |
 * |  24-byte nonce and the body sealed with XChaCha20-Poly1305    |
 * |  (16 bytes more). Flag REPLY (0x02) marks a HELLO answering a |
 * |  HELLO, which is not answered again.                          |
 *
 * All integers big-endian. A datagram is at most MESH_MAX_DATAGRAM bytes;
 * the payload length must match the datagram exactly. Bodies:
 *   endpoint   family (4|6) u8, port be16, address 4|16 bytes
 *   name       length u8 (1-32), UTF-8 without control characters
 *   HELLO      name, key[32], count u8 (0-4), endpoint... (the sender's own)
 *   INTRODUCE  peer id be64, name, key[32], observed endpoint, count u8,
 *              endpoint... (what the peer says of itself)
 *   PROBE, PROBE_ACK, SCAN, SCAN_REPLY, KEEPALIVE, KEEPALIVE_ACK
 *              token be64 (an ack echoes the token it answers)
 *   CHAT       message id be32, fragment be16, fragments be16 (1-16),
 *              length be16, text (a fragment may end inside a character)
 *   ACK        message id be32, fragment be16
 *   BYE        nothing
 * Pure parse and build: no I/O, no allocation; every byte read through
 * reader.h, every byte written through writer.h.
 */
#ifndef PROTOCOLS_MESH_H
#define PROTOCOLS_MESH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MESH_MAGIC		0x504c
#define MESH_VERSION		1
#define MESH_HEADER_LEN		20
#define MESH_MAX_DATAGRAM	1200
#define MESH_NAME_MAX		32
#define MESH_KEY_LEN		32
#define MESH_MAX_ENDPOINTS	4
#define MESH_SEAL_OVERHEAD	(24 + 16)	/* nonce + tag */
#define MESH_FRAGMENT_MAX	1100
#define MESH_MAX_FRAGMENTS	16
#define MESH_MESSAGE_MAX	(MESH_FRAGMENT_MAX * MESH_MAX_FRAGMENTS)

enum mesh_type {
	MESH_HELLO = 1,
	MESH_INTRODUCE,
	MESH_PROBE,
	MESH_PROBE_ACK,
	MESH_CHAT,
	MESH_ACK,
	MESH_KEEPALIVE,
	MESH_KEEPALIVE_ACK,
	MESH_BYE,
	MESH_SCAN,
	MESH_SCAN_REPLY,
	MESH_TYPE_MAX = MESH_SCAN_REPLY
};

#define MESH_FLAG_SEALED 0x01	/* payload is nonce + sealed body */
#define MESH_FLAG_REPLY  0x02	/* a HELLO that answers a HELLO: no answer */

enum mesh_err {
	MESH_OK,
	MESH_ERR_SHORT,		/* shorter than a header */
	MESH_ERR_MAGIC,		/* not ours */
	MESH_ERR_VERSION,	/* ours, but a version we do not speak */
	MESH_ERR_TYPE,
	MESH_ERR_SIZE,		/* longer than MESH_MAX_DATAGRAM */
	MESH_ERR_LENGTH,	/* payload length disagrees with the datagram */
	MESH_ERR_TRUNCATED,	/* body shorter than its fields */
	MESH_ERR_TRAILING,	/* bytes left after the body */
	MESH_ERR_NAME,		/* empty, too long, or not clean UTF-8 */
	MESH_ERR_FIELD,		/* a field out of its range */
};

struct mesh_header {
	uint8_t		 version;
	uint8_t		 type;
	uint8_t		 flags;
	uint16_t	 length;
	uint64_t	 sender;
	uint32_t	 seq;
};

struct mesh_endpoint {
	uint8_t		 family;	/* 4 or 6 */
	uint16_t	 port;
	uint8_t		 addr[16];	/* 4 bytes used for IPv4 */
};

struct mesh_peer_info {
	uint64_t		 id;		/* INTRODUCE only */
	char			 name[MESH_NAME_MAX + 1];
	uint8_t			 key[MESH_KEY_LEN];
	struct mesh_endpoint	 observed;	/* INTRODUCE only */
	uint8_t			 nlocal;
	struct mesh_endpoint	 local[MESH_MAX_ENDPOINTS];
};

struct mesh_chat {
	uint32_t	 msg_id;
	uint16_t	 fragment;
	uint16_t	 fragments;
	uint16_t	 len;
	const uint8_t	*text;		/* points into the parsed buffer */
};

struct mesh_body {
	union {
		struct mesh_peer_info	 peer;		/* HELLO, INTRODUCE */
		uint64_t		 token;		/* PROBE ... KEEPALIVE_ACK */
		struct mesh_chat	 chat;
		struct {
			uint32_t	 msg_id;
			uint16_t	 fragment;
		}			 ack;
	} u;
};

const char	*mesh_type_name(uint8_t type);	/* "hello", "chat", ... */
const char	*mesh_err_str(enum mesh_err);

/* The header; on MESH_OK, *payload and *plen are the bytes after it. */
enum mesh_err	 mesh_parse_header(const uint8_t *buf, size_t len,
		     struct mesh_header *, const uint8_t **payload, size_t *plen);
/* The body of a type, from an unsealed payload. */
enum mesh_err	 mesh_parse_body(uint8_t type, const uint8_t *buf, size_t len,
		     struct mesh_body *);
/* The body's bytes into buf and their count into *len (a BYE has none);
 * false if a field is out of range or buf is too small. */
bool		 mesh_build_body(uint8_t type, const struct mesh_body *,
		     uint8_t *buf, size_t cap, size_t *len);
/* Header and payload into buf (length filled in); the total, or 0. */
size_t		 mesh_build(const struct mesh_header *, const uint8_t *payload,
		     size_t plen, uint8_t *buf, size_t cap);

#endif
