/* sockets_cli.h: `punchline sockets`, the sockets engine without the screen. */
#ifndef SOCKETS_SOCKETS_CLI_H
#define SOCKETS_SOCKETS_CLI_H

extern const char sockets_cli_usage[];
int	 sockets_cli_main(int argc, char **argv);

#endif
