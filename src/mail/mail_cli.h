/* mail_cli.h: `punchline mail`, the Mail console without the screen. */
#ifndef MAIL_MAIL_CLI_H
#define MAIL_MAIL_CLI_H

extern const char mail_cli_usage[];
int	 mail_cli_main(int argc, char **argv);

#endif
