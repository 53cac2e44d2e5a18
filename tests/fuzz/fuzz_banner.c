/* fuzz_banner.c: banners come from any server, the table from disk. The
 * input is split at its first NUL into a table and a banner. */
#include <string.h>

#include "fuzz.h"
#include "../../protocols/banner.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);
	size_t tlen = nul != NULL ? (size_t)(nul - data) : size;
	const uint8_t *banner = nul != NULL ? nul + 1 : data + size;
	size_t blen = size - tlen - (nul != NULL);
	char clean[BANNER_MAX], service[SERVICE_MAX];

	banner_clean(banner, blen, clean);
	(void)banner_guess((const char *)data, tlen, banner, blen, service);
	return 0;
}
