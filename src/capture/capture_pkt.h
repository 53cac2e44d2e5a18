/*
 * capture_pkt.h: one captured packet as the engine hands it on: its number,
 * time, lengths and bytes, and the link type that says how to decode them.
 */
#ifndef CAPTURE_CAPTURE_PKT_H
#define CAPTURE_CAPTURE_PKT_H

#include <stdint.h>
#include <sys/time.h>

struct capture_pkt {
	uint64_t	 no;		/* 1 for the first packet */
	struct timeval	 ts;
	uint32_t	 len;		/* on the wire */
	uint32_t	 caplen;	/* bytes kept (snaplen) */
	uint32_t	 linktype;	/* LINKTYPE_* of protocols/dissect.h */
	const uint8_t	*data;
};

#endif
