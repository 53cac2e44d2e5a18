# tuilib.sh: driving the real screen in tmux, for tests/tui. Source it
# after testlib.sh and set SOCK (a private tmux socket name) first; the
# session is "main".
tmx() { tmux -u -L "$SOCK" "$@"; }
screen() { tmx capture-pane -p -t main; }
on_screen() { screen | grep -qE -- "$1"; }
# wait_screen REGEX [SECONDS]: until the screen shows it (default 5 s).
wait_screen() { retry "${2:-5}" on_screen "$1"; }
keys() { tmx send-keys -t main "$@"; }
