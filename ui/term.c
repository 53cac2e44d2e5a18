/* term.c: restore the terminal on exit, fatal errors and crashes. */
#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <curses.h>

#include "term.h"

static struct termios saved;
static bool have_saved;

void
term_save(void)
{
	have_saved = tcgetattr(STDIN_FILENO, &saved) == 0;
}

void
term_restore(void)
{
	if (!isendwin())
		endwin();
	if (have_saved)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved);
}

/* Under AddressSanitizer its own handler must see the crash and report it. */
#if defined(__SANITIZE_ADDRESS__)
void
term_install_crash_restore(void)
{
}
#else
/* Only async-signal-safe calls: write(2) and tcsetattr(3). */
static void
crash_restore(int sig)
{
	static const char reset[] =
	    "\033[0m\033[?1000l\033[?1006l\033[?25h\033[?1049l\r\n";
	ssize_t unused;

	if (have_saved)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved);
	unused = write(STDOUT_FILENO, reset, sizeof reset - 1);
	(void)unused;
	raise(sig);	/* SA_RESETHAND: now with the default action */
}

void
term_install_crash_restore(void)
{
	static const int sigs[] = { SIGSEGV, SIGBUS, SIGFPE, SIGABRT, SIGILL };
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = crash_restore;
	sa.sa_flags = (int)SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
}
#endif
