/* decode.c: names of the decoder statuses, for errors and JSON. */
#include "decode.h"

const char *
decode_status_name(enum decode_status st)
{
	switch (st) {
	case DECODE_OK:		return "ok";
	case DECODE_TRUNCATED:	return "truncated";
	case DECODE_BAD:	return "malformed";
	}
	return "unknown";
}
