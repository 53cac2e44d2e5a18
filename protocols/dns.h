/*
 * dns.h: DNS messages (RFC 1035 section 4; AAAA RFC 3596): the header,
 * the questions and the answer records, names decompressed.
 *
 *  0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15
 * +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 * |                      ID                       |
 * |QR|  Opcode   |AA|TC|RD|RA|   Z    |   RCODE   |
 * |      QDCOUNT  |  ANCOUNT  |  NSCOUNT  | ARCOUNT |
 * +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 * question: QNAME QTYPE QCLASS; record: NAME TYPE CLASS TTL RDLENGTH RDATA
 *
 * A name is labels (length 1-63) ending in a zero byte, or a pointer
 * (two top bits set) to an earlier name. Pointers may only go backwards
 * and at most DNS_MAX_JUMPS are followed, so a loop ends as DECODE_BAD.
 */
#ifndef PROTOCOLS_DNS_H
#define PROTOCOLS_DNS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode.h"

#define DNS_HDR_LEN	12
#define DNS_NAME_MAX	256	/* 253 characters, the dot and NUL */
#define DNS_MAX_JUMPS	32
#define DNS_KEEP	4	/* questions and answers kept of each */

#define DNS_TYPE_A	1
#define DNS_TYPE_NS	2
#define DNS_TYPE_CNAME	5
#define DNS_TYPE_PTR	12
#define DNS_TYPE_MX	15
#define DNS_TYPE_TXT	16
#define DNS_TYPE_AAAA	28

struct dns_question {
	char		 name[DNS_NAME_MAX];
	uint16_t	 type;
	uint16_t	 class;
};

struct dns_record {
	char		 name[DNS_NAME_MAX];
	uint16_t	 type;
	uint16_t	 class;
	uint32_t	 ttl;
	uint16_t	 rdlength;
	uint8_t		 addr[16];	/* A: 4 bytes, AAAA: 16 */
	char		 target[DNS_NAME_MAX];	/* CNAME, NS, PTR, MX */
	uint16_t	 preference;	/* MX */
};

struct dns_msg {
	uint16_t	 id;
	bool		 response;
	uint8_t		 opcode;
	bool		 aa, tc, rd, ra;
	uint8_t		 rcode;
	uint16_t	 qdcount, ancount, nscount, arcount;
	size_t		 question_count;	/* kept, at most DNS_KEEP */
	struct dns_question questions[DNS_KEEP];
	size_t		 answer_count;
	struct dns_record answers[DNS_KEEP];
};

enum decode_status dns_decode(const uint8_t *buf, size_t len,
		     struct dns_msg *out);
/* "A", "AAAA", "CNAME"...; NULL for other types. */
const char	*dns_type_name(uint16_t type);

#endif
