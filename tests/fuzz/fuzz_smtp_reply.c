/* fuzz_smtp_reply.c: replies come from any server. The input is split at
 * '\n' into reply lines fed one by one; every complete reply is also read
 * back as EHLO capabilities and explained, and its text decoded as a 334
 * challenge (base64) the way the mail engine does. */
#include <string.h>

#include "fuzz.h"
#include "../../protocols/base64.h"
#include "../../protocols/smtp_reply.h"

static void
use_reply(const struct smtp_reply *r)
{
	char kw[64], challenge[SMTP_LINE_MAX];
	unsigned i;

	(void)smtp_code_meaning(r->code);
	(void)smtp_enhanced_meaning(r->enhanced);
	for (i = 0; i <= r->lines; i++)
		if (smtp_ehlo_keyword(r, i, kw, sizeof kw))
			(void)smtp_ehlo_meaning(kw);
	(void)smtp_ehlo_has(r, "AUTH", kw, sizeof kw);
	(void)base64_text((const uint8_t *)r->text, strlen(r->text), challenge,
	    sizeof challenge);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct smtp_reply r;
	const uint8_t *p = data, *end = data + size;

	smtp_reply_init(&r);
	while (p < end) {
		const uint8_t *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl != NULL ? (size_t)(nl - p) : (size_t)(end - p);

		switch (smtp_reply_feed(&r, p, len)) {
		case SMTP_REPLY_DONE:
			use_reply(&r);
			/* FALLTHROUGH */
		case SMTP_REPLY_BAD:
			smtp_reply_init(&r);
			break;
		case SMTP_REPLY_MORE:
			break;
		}
		p += len + (nl != NULL);
	}
	return 0;
}
