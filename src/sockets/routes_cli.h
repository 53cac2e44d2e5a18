/* routes_cli.h: `punchline routes` and `punchline dns`, headless. */
#ifndef SOCKETS_ROUTES_CLI_H
#define SOCKETS_ROUTES_CLI_H

extern const char routes_cli_usage[], dns_cli_usage[];
int	 routes_cli_main(int argc, char **argv);
int	 dns_cli_main(int argc, char **argv);

#endif
