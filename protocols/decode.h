/*
 * decode.h: the status every protocol decoder in protocols/ returns.
 *
 * DECODE_TRUNCATED means the bytes ended before the header did (a short
 * capture, a quoted packet cut after 8 bytes); the fields read so far are
 * filled. DECODE_BAD means the bytes cannot be this protocol (wrong
 * version, a length smaller than the header).
 */
#ifndef PROTOCOLS_DECODE_H
#define PROTOCOLS_DECODE_H

enum decode_status {
	DECODE_OK = 0,
	DECODE_TRUNCATED,
	DECODE_BAD,
};

const char	*decode_status_name(enum decode_status);

#endif
