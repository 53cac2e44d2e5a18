/*
 * term.h: giving the terminal back, whatever happens.
 * endwin() covers normal exit, SIGINT, SIGTERM and fatal(); for a crash
 * (SIGSEGV, SIGBUS, SIGFPE, SIGABRT) an async-signal-safe restore puts back
 * the saved termios and leaves the alternate screen before the signal kills
 * the process as it would have.
 */
#ifndef UI_TERM_H
#define UI_TERM_H

/* Saves the terminal state; call before initscr(). */
void	 term_save(void);
void	 term_install_crash_restore(void);
/* endwin() if curses is active, and the saved termios back. */
void	 term_restore(void);

#endif
