/* fuzz_pop3_reply.c: POP3 responses come from any server. The input is
 * split at '\n': the first line is a status line (a "+ " continuation's
 * base64 challenge decoded by the parser), the rest lines of a multi-line
 * response until its ".". */
#include <string.h>

#include "fuzz.h"
#include "../../protocols/pop3_reply.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct pop3_reply r;
	static char out[POP3_LINE_MAX + 1];
	const uint8_t *p = data, *end = data + size;
	bool first = true;
	size_t n;

	while (p < end) {
		const uint8_t *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl != NULL ? (size_t)(nl - p) : (size_t)(end - p);

		if (first) {
			if (pop3_reply_parse(&r, p, len) != POP3_BAD) {
				(void)pop3_code_meaning(r.code);
				(void)pop3_capa_meaning(r.text);
			}
			first = false;
		} else if (pop3_ml_line(p, len, out, &n) == POP3_ML_END) {
			first = true;
		}
		p += len + (nl != NULL);
	}
	return 0;
}
