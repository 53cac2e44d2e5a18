/* dns.c: DNS messages and name compression (RFC 1035); see dns.h. */
#include <string.h>

#include "dns.h"
#include "reader.h"

/* Append one label to name, escaping dots and unprintable bytes as '?'. */
static bool
append_label(struct reader *label, size_t n, char *name, size_t *used)
{
	size_t i;

	if (*used + n + 2 > DNS_NAME_MAX)
		return false;
	if (*used > 0)
		name[(*used)++] = '.';
	for (i = 0; i < n; i++) {
		uint8_t c = rd_u8(label);

		name[(*used)++] = (c > 0x20 && c < 0x7f && c != '.') ? (char)c : '?';
	}
	name[*used] = '\0';
	return !label->truncated;
}

/*
 * Read a name at rd's position into name; rd moves past the name as it
 * stands in the message (a pointer counts two bytes). Pointers must point
 * before the place they are read from, so every jump goes backwards.
 */
static enum decode_status
read_name(const uint8_t *msg, size_t msglen, struct reader *rd, char *name)
{
	struct reader at = *rd;
	size_t used = 0, here = rd->pos, jumps = 0;
	bool jumped = false;

	name[0] = '\0';
	for (;;) {
		uint8_t len = rd_u8(&at);

		if (at.truncated)
			return DECODE_TRUNCATED;
		if (len == 0)
			break;
		if ((len & 0xc0) == 0xc0) {
			size_t target = (size_t)(len & 0x3f) << 8 | rd_u8(&at);

			if (at.truncated)
				return DECODE_TRUNCATED;
			if (target >= here || ++jumps > DNS_MAX_JUMPS)
				return DECODE_BAD;
			if (!jumped)
				rd->pos = at.pos;
			jumped = true;
			rd_init(&at, msg, msglen);
			rd_skip(&at, target);
			here = target;
			continue;
		}
		if ((len & 0xc0) != 0)
			return DECODE_BAD;	/* 0x40 and 0x80: obsolete/unknown */
		if (!append_label(&at, len, name, &used))
			return at.truncated ? DECODE_TRUNCATED : DECODE_BAD;
	}
	if (!jumped)
		rd->pos = at.pos;
	if (used == 0)
		strcpy(name, ".");
	return DECODE_OK;
}

static enum decode_status
read_rdata(const uint8_t *msg, size_t msglen, struct reader *rd,
    struct dns_record *r)
{
	struct reader data = *rd;
	enum decode_status st = DECODE_OK;

	data.end = rd->pos + r->rdlength;	/* rd_skip below checks it */
	if (!rd_skip(rd, r->rdlength))
		return DECODE_TRUNCATED;
	switch (r->type) {
	case DNS_TYPE_A:
		if (r->rdlength != 4 || !rd_bytes(&data, r->addr, 4))
			return DECODE_BAD;
		break;
	case DNS_TYPE_AAAA:
		if (r->rdlength != 16 || !rd_bytes(&data, r->addr, 16))
			return DECODE_BAD;
		break;
	case DNS_TYPE_MX:
		r->preference = rd_be16(&data);
		/* FALLTHROUGH */
	case DNS_TYPE_CNAME: case DNS_TYPE_NS: case DNS_TYPE_PTR:
		st = read_name(msg, msglen, &data, r->target);
		break;
	default:
		break;
	}
	return st;
}

static enum decode_status
read_question(const uint8_t *msg, size_t len, struct reader *rd,
    struct dns_question *q)
{
	enum decode_status st = read_name(msg, len, rd, q->name);

	if (st != DECODE_OK)
		return st;
	q->type = rd_be16(rd);
	q->class = rd_be16(rd);
	return rd->truncated ? DECODE_TRUNCATED : DECODE_OK;
}

static enum decode_status
read_record(const uint8_t *msg, size_t len, struct reader *rd,
    struct dns_record *r)
{
	enum decode_status st = read_name(msg, len, rd, r->name);

	if (st != DECODE_OK)
		return st;
	r->type = rd_be16(rd);
	r->class = rd_be16(rd);
	r->ttl = rd_be32(rd);
	r->rdlength = rd_be16(rd);
	if (rd->truncated)
		return DECODE_TRUNCATED;
	return read_rdata(msg, len, rd, r);
}

static void
read_header(struct reader *rd, struct dns_msg *out)
{
	uint16_t flags;

	out->id = rd_be16(rd);
	flags = rd_be16(rd);
	out->response = flags >> 15;
	out->opcode = (flags >> 11) & 0xf;
	out->aa = (flags >> 10) & 1;
	out->tc = (flags >> 9) & 1;
	out->rd = (flags >> 8) & 1;
	out->ra = (flags >> 7) & 1;
	out->rcode = flags & 0xf;
	out->qdcount = rd_be16(rd);
	out->ancount = rd_be16(rd);
	out->nscount = rd_be16(rd);
	out->arcount = rd_be16(rd);
}

enum decode_status
dns_decode(const uint8_t *buf, size_t len, struct dns_msg *out)
{
	struct reader rd;
	enum decode_status st;
	struct dns_record skipped;
	size_t i;

	memset(out, 0, sizeof *out);
	rd_init(&rd, buf, len);
	read_header(&rd, out);
	if (rd.truncated)
		return DECODE_TRUNCATED;
	for (i = 0; i < out->qdcount; i++) {
		struct dns_question q;

		if ((st = read_question(buf, len, &rd, &q)) != DECODE_OK)
			return st;
		if (out->question_count < DNS_KEEP)
			out->questions[out->question_count++] = q;
	}
	for (i = 0; i < out->ancount; i++) {
		struct dns_record *r = out->answer_count < DNS_KEEP ?
		    &out->answers[out->answer_count] : &skipped;

		memset(r, 0, sizeof *r);
		if ((st = read_record(buf, len, &rd, r)) != DECODE_OK)
			return st;
		if (r != &skipped)
			out->answer_count++;
	}
	return DECODE_OK;
}

const char *
dns_type_name(uint16_t type)
{
	switch (type) {
	case DNS_TYPE_A:	return "A";
	case DNS_TYPE_NS:	return "NS";
	case DNS_TYPE_CNAME:	return "CNAME";
	case DNS_TYPE_PTR:	return "PTR";
	case DNS_TYPE_MX:	return "MX";
	case DNS_TYPE_TXT:	return "TXT";
	case DNS_TYPE_AAAA:	return "AAAA";
	default:		return NULL;
	}
}
