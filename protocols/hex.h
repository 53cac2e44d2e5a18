/* hex.h: hexadecimal digits, for the tables we write in text (probes,
 * banner patterns). */
#ifndef PROTOCOLS_HEX_H
#define PROTOCOLS_HEX_H

/* 0-15, or -1 if c is not a hex digit. */
int	 hex_nibble(char c);

#endif
