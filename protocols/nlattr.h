/*
 * nlattr.h: netlink attributes (struct rtattr / struct nlattr), walked
 * through the bounds-checked reader. Used by the sock_diag and rtnetlink
 * payload parsers; libmnl carries the messages, these read what is in them.
 *
 *   0               1               2               3
 *  +-------------------------------+-------------------------------+
 *  |     length (host order)       |      type (host order)        |
 *  +-------------------------------+-------------------------------+
 *  |  payload: length - 4 bytes, then padding to a multiple of 4   |
 *
 * Pure: no I/O, no allocation.
 */
#ifndef PROTOCOLS_NLATTR_H
#define PROTOCOLS_NLATTR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reader.h"

/* The next attribute of rd: its type (flag bits cleared) and a reader
 * over its payload. False at the end or on a malformed attribute. */
bool	 nla_next(struct reader *rd, uint16_t *type, struct reader *payload);
/* The payload as a NUL-terminated string into out (cut to fit). */
void	 nla_string(struct reader *payload, char *out, size_t len);
/* Up to len bytes of the payload into out; how many were copied. */
size_t	 nla_copy(struct reader *payload, uint8_t *out, size_t len);

#endif
