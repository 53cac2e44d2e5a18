/* storage_cli.h: `punchline store`, the storage in flight without the screen. */
#ifndef STORAGE_STORAGE_CLI_H
#define STORAGE_STORAGE_CLI_H

extern const char storage_cli_usage[];
int	 storage_cli_main(int argc, char **argv);

#endif
