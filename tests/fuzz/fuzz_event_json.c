/*
 * fuzz_event_json.c: strings from the wire (peer names, banners, DNS
 * names) go into events and out as JSON. Any bytes must come out as one
 * valid line: no raw control character, no cut UTF-8 sequence.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "../../src/core/evjson.h"
#include "../../src/core/evlog.h"
#include "../../protocols/utf8.h"

static void
assert_valid_line(const struct strbuf *sb)
{
	size_t i, n;

	for (i = 0; i < sb->len; i += n) {
		if ((unsigned char)sb->buf[i] < 0x20)
			abort();
		n = utf8_seq_len((const unsigned char *)sb->buf + i, sb->len - i);
		if (n == 0)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	struct strbuf sb;
	struct ev ev;

	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	ev_init(&ev, "fuzz", "text");
	ev_str(&ev, "a", text);
	ev_str(&ev, "b", text + size / 2);
	sb_init(&sb);
	evjson_format(&ev, &sb);
	assert_valid_line(&sb);
	sb_free(&sb);
	ev_release(&ev);
	free(text);
	return 0;
}
