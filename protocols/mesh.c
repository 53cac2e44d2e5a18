/* mesh.c: parse and build punchline mesh datagrams (format in mesh.h). */
#include <string.h>

#include "mesh.h"
#include "reader.h"
#include "utf8.h"
#include "writer.h"

static const char *const type_names[MESH_TYPE_MAX + 1] = {
	NULL, "hello", "introduce", "probe", "probe-ack", "chat", "ack",
	"keepalive", "keepalive-ack", "bye", "scan", "scan-reply",
};

static const char *const err_names[] = {
	"ok", "shorter than a header", "not a punchline datagram",
	"unknown protocol version", "unknown type", "datagram too large",
	"length does not match", "body truncated", "bytes after the body",
	"bad name", "field out of range",
};

const char *
mesh_type_name(uint8_t type)
{
	return type >= 1 && type <= MESH_TYPE_MAX ? type_names[type] : "unknown";
}

const char *
mesh_err_str(enum mesh_err err)
{
	return (size_t)err < sizeof err_names / sizeof err_names[0] ?
	    err_names[err] : "?";
}

enum mesh_err
mesh_parse_header(const uint8_t *buf, size_t len, struct mesh_header *h,
    const uint8_t **payload, size_t *plen)
{
	struct reader rd;

	if (len < MESH_HEADER_LEN)
		return MESH_ERR_SHORT;
	rd_init(&rd, buf, len);
	if (rd_be16(&rd) != MESH_MAGIC)
		return MESH_ERR_MAGIC;
	h->version = rd_u8(&rd);
	h->type = rd_u8(&rd);
	h->flags = rd_u8(&rd);
	(void)rd_u8(&rd);		/* reserved */
	h->length = rd_be16(&rd);
	h->sender = rd_be64(&rd);
	h->seq = rd_be32(&rd);
	if (h->version != MESH_VERSION)
		return MESH_ERR_VERSION;
	if (len > MESH_MAX_DATAGRAM)
		return MESH_ERR_SIZE;
	if (h->type < 1 || h->type > MESH_TYPE_MAX)
		return MESH_ERR_TYPE;
	if (h->length != rd_left(&rd))
		return MESH_ERR_LENGTH;
	*payload = buf + rd.pos;
	*plen = rd_left(&rd);
	return MESH_OK;
}

/* A name: 1-32 bytes of UTF-8 with no control characters. */
static enum mesh_err
read_name(struct reader *rd, char *out)
{
	uint8_t len = rd_u8(rd);
	size_t i, n;

	out[0] = '\0';
	if (len == 0 || len > MESH_NAME_MAX)
		return rd->truncated ? MESH_ERR_TRUNCATED : MESH_ERR_NAME;
	if (!rd_bytes(rd, out, len))
		return MESH_ERR_TRUNCATED;
	out[len] = '\0';
	for (i = 0; i < len; i += n) {
		n = utf8_seq_len((const unsigned char *)out + i, len - i);
		if (n == 0 || (n == 1 && ((unsigned char)out[i] < 0x20 ||
		    out[i] == 0x7f)))
			return MESH_ERR_NAME;
	}
	return MESH_OK;
}

static enum mesh_err
read_endpoint(struct reader *rd, struct mesh_endpoint *ep)
{
	memset(ep, 0, sizeof *ep);
	ep->family = rd_u8(rd);
	ep->port = rd_be16(rd);
	if (rd->truncated)
		return MESH_ERR_TRUNCATED;
	if (ep->family != 4 && ep->family != 6)
		return MESH_ERR_FIELD;
	if (!rd_bytes(rd, ep->addr, ep->family == 4 ? 4 : 16))
		return MESH_ERR_TRUNCATED;
	return MESH_OK;
}

static enum mesh_err
read_peer(struct reader *rd, struct mesh_peer_info *p, bool introduce)
{
	enum mesh_err err;
	size_t i;

	memset(p, 0, sizeof *p);
	if (introduce)
		p->id = rd_be64(rd);
	if ((err = read_name(rd, p->name)) != MESH_OK)
		return err;
	if (!rd_bytes(rd, p->key, sizeof p->key))
		return MESH_ERR_TRUNCATED;
	if (introduce && (err = read_endpoint(rd, &p->observed)) != MESH_OK)
		return err;
	p->nlocal = rd_u8(rd);
	if (rd->truncated)
		return MESH_ERR_TRUNCATED;
	if (p->nlocal > MESH_MAX_ENDPOINTS)
		return MESH_ERR_FIELD;
	for (i = 0; i < p->nlocal; i++)
		if ((err = read_endpoint(rd, &p->local[i])) != MESH_OK)
			return err;
	return MESH_OK;
}

static enum mesh_err
read_chat(struct reader *rd, struct mesh_chat *c)
{
	c->msg_id = rd_be32(rd);
	c->fragment = rd_be16(rd);
	c->fragments = rd_be16(rd);
	c->len = rd_be16(rd);
	if (rd->truncated)
		return MESH_ERR_TRUNCATED;
	if (c->fragments < 1 || c->fragments > MESH_MAX_FRAGMENTS ||
	    c->fragment >= c->fragments || c->len > MESH_FRAGMENT_MAX)
		return MESH_ERR_FIELD;
	if (c->len > rd_left(rd))
		return MESH_ERR_TRUNCATED;
	c->text = rd->start + rd->pos;
	rd_skip(rd, c->len);
	return MESH_OK;
}

enum mesh_err
mesh_parse_body(uint8_t type, const uint8_t *buf, size_t len,
    struct mesh_body *b)
{
	enum mesh_err err = MESH_OK;
	struct reader rd;

	memset(b, 0, sizeof *b);
	rd_init(&rd, buf, len);
	switch (type) {
	case MESH_HELLO:
	case MESH_INTRODUCE:
		err = read_peer(&rd, &b->u.peer, type == MESH_INTRODUCE);
		break;
	case MESH_PROBE: case MESH_PROBE_ACK: case MESH_SCAN:
	case MESH_SCAN_REPLY: case MESH_KEEPALIVE: case MESH_KEEPALIVE_ACK:
		b->u.token = rd_be64(&rd);
		break;
	case MESH_CHAT:
		err = read_chat(&rd, &b->u.chat);
		break;
	case MESH_ACK:
		b->u.ack.msg_id = rd_be32(&rd);
		b->u.ack.fragment = rd_be16(&rd);
		break;
	case MESH_BYE:
		break;
	default:
		return MESH_ERR_TYPE;
	}
	if (err != MESH_OK)
		return err;
	if (rd.truncated)
		return MESH_ERR_TRUNCATED;
	return rd_left(&rd) == 0 ? MESH_OK : MESH_ERR_TRAILING;
}

static bool
write_name(struct writer *wr, const char *name)
{
	size_t len = strnlen(name, MESH_NAME_MAX + 1);

	if (len == 0 || len > MESH_NAME_MAX)
		return false;
	wr_u8(wr, (uint8_t)len);
	wr_bytes(wr, name, len);
	return true;
}

static bool
write_endpoint(struct writer *wr, const struct mesh_endpoint *ep)
{
	if (ep->family != 4 && ep->family != 6)
		return false;
	wr_u8(wr, ep->family);
	wr_be16(wr, ep->port);
	wr_bytes(wr, ep->addr, ep->family == 4 ? 4 : 16);
	return true;
}

static bool
write_peer(struct writer *wr, const struct mesh_peer_info *p, bool introduce)
{
	size_t i;

	if (p->nlocal > MESH_MAX_ENDPOINTS)
		return false;
	if (introduce)
		wr_be64(wr, p->id);
	if (!write_name(wr, p->name))
		return false;
	wr_bytes(wr, p->key, sizeof p->key);
	if (introduce && !write_endpoint(wr, &p->observed))
		return false;
	wr_u8(wr, p->nlocal);
	for (i = 0; i < p->nlocal; i++)
		if (!write_endpoint(wr, &p->local[i]))
			return false;
	return true;
}

static bool
write_chat(struct writer *wr, const struct mesh_chat *c)
{
	if (c->fragments < 1 || c->fragments > MESH_MAX_FRAGMENTS ||
	    c->fragment >= c->fragments || c->len > MESH_FRAGMENT_MAX)
		return false;
	wr_be32(wr, c->msg_id);
	wr_be16(wr, c->fragment);
	wr_be16(wr, c->fragments);
	wr_be16(wr, c->len);
	wr_bytes(wr, c->text, c->len);
	return true;
}

bool
mesh_build_body(uint8_t type, const struct mesh_body *b, uint8_t *buf,
    size_t cap, size_t *len)
{
	struct writer wr;
	bool ok = true;

	wr_init(&wr, buf, cap);
	switch (type) {
	case MESH_HELLO:
	case MESH_INTRODUCE:
		ok = write_peer(&wr, &b->u.peer, type == MESH_INTRODUCE);
		break;
	case MESH_PROBE: case MESH_PROBE_ACK: case MESH_SCAN:
	case MESH_SCAN_REPLY: case MESH_KEEPALIVE: case MESH_KEEPALIVE_ACK:
		wr_be64(&wr, b->u.token);
		break;
	case MESH_CHAT:
		ok = write_chat(&wr, &b->u.chat);
		break;
	case MESH_ACK:
		wr_be32(&wr, b->u.ack.msg_id);
		wr_be16(&wr, b->u.ack.fragment);
		break;
	case MESH_BYE:
		break;
	default:
		return false;
	}
	*len = wr.pos;
	return ok && !wr.overflow;
}

size_t
mesh_build(const struct mesh_header *h, const uint8_t *payload, size_t plen,
    uint8_t *buf, size_t cap)
{
	struct writer wr;

	if (h->type < 1 || h->type > MESH_TYPE_MAX ||
	    plen > MESH_MAX_DATAGRAM - MESH_HEADER_LEN)
		return 0;
	wr_init(&wr, buf, cap < MESH_MAX_DATAGRAM ? cap : MESH_MAX_DATAGRAM);
	wr_be16(&wr, MESH_MAGIC);
	wr_u8(&wr, MESH_VERSION);
	wr_u8(&wr, h->type);
	wr_u8(&wr, h->flags);
	wr_u8(&wr, 0);
	wr_be16(&wr, (uint16_t)plen);
	wr_be64(&wr, h->sender);
	wr_be32(&wr, h->seq);
	wr_bytes(&wr, payload, plen);
	return wr.overflow ? 0 : wr.pos;
}
