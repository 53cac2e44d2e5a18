# test_tui.sh: the real binary in tmux, driven with send-keys and read with
# capture-pane. No network traffic: no engine sends anything yet.
. "$(dirname "$0")/../lib/testlib.sh"

# Each start gets its own tmux server: reusing one races with its exit.
RUNS=0
SOCK="pl-tui-$$-0"
tmx() { tmux -u -L "$SOCK" "$@"; }
cleanup() {
	local i
	for i in $(seq 0 "$RUNS"); do tmux -L "pl-tui-$$-$i" kill-server 2>/dev/null; done
}
trap cleanup EXIT
screen() { tmx capture-pane -p -t main; }
joined() { screen | tr -s ' \n' ' '; }
on_screen() { screen | grep -qF -- "$1"; }
not_on_screen() { ! screen | grep -qF -- "$1"; }
wait_screen() { retry "${2:-5}" on_screen "$1"; }

# start ENV...: a shell in a 100x30 tmux, then punchline in it; the shell
# prints EXIT=status afterwards so the test sees how punchline ended.
start() {
	tmx kill-server 2>/dev/null
	RUNS=$((RUNS + 1))
	SOCK="pl-tui-$$-$RUNS"
	tmx -f /dev/null new-session -d -s main -x 100 -y 30 \
	    "env LC_ALL=C.UTF-8 TERM=screen $* bash --norc --noprofile"
	tmx send-keys -t main "clear; echo MARK-BEFORE; $PL_BIN; echo EXIT=\$?" Enter
	wait_screen "F10Quit"
}

# The row of a pane title on the border, focused "[ T ]" or not " T ".
title_row() {
	screen | grep -nE -- "(─|-)(\[ | )$1( \]| )(─|-)" | head -1 | cut -d: -f1
}

titles_in_grid() {
	local chat sockets scanner capture
	chat=$(title_row Chat); sockets=$(title_row Sockets)
	scanner=$(title_row Scanner); capture=$(title_row Capture)
	[ -n "$chat" ] && [ "$chat" = "$sockets" ] && [ -n "$scanner" ] &&
	    [ "$scanner" = "$capture" ] && [ "$chat" -lt "$scanner" ]
}

titles_stacked() {
	local chat sockets scanner capture
	chat=$(title_row Chat); sockets=$(title_row Sockets)
	scanner=$(title_row Scanner); capture=$(title_row Capture)
	[ -n "$chat" ] && [ -n "$capture" ] && [ "$chat" -lt "${sockets:-0}" ] &&
	    [ "$sockets" -lt "${scanner:-0}" ] && [ "$scanner" -lt "$capture" ]
}

if ! command -v tmux >/dev/null; then
	skip "tmux tests" "tmux is not installed: make deps"
	exit 0
fi

start
check "four pane titles in a 2x2 grid" titles_in_grid
check "status bar names host and privileges" on_screen "host $(hostname)"
check "key bar is generated from the key table" on_screen "F1Help F2Chat F3Sockets F4Scanner F5Capture F6Layout F7Zoom F8Trace F9Mail F10Quit F11Storage"
check "the Capture pane says how to start a capture" on_screen "Enter captures on every interface"
check "the chat pane says how to start a mesh" on_screen "No mesh yet. Type /room"
check "Chat has focus at start" on_screen "[ Chat ]"

tmx send-keys -t main Tab
check "Tab moves focus to Sockets" retry 3 on_screen "[ Sockets ]"
tmx send-keys -t main BTab
check "Shift-Tab moves focus back to Chat" retry 3 on_screen "[ Chat ]"
tmx send-keys -t main F5
check "F5 focuses Capture" retry 3 on_screen "[ Capture ]"

tmx send-keys -t main z
zoomed() { [ -n "$(title_row Capture)" ] && [ -z "$(title_row Chat)" ] && [ -z "$(title_row Scanner)" ]; }
check "z zooms the focused pane" retry 3 zoomed
tmx send-keys -t main z
check "z again restores the grid" retry 3 titles_in_grid

tmx send-keys -t main l
check "l switches to the stacked layout" retry 3 titles_stacked
# Stacked, a pane is too low for the Mail view: it says so until zoomed.
tmx send-keys -t main F9
check "a view too small for its pane says so" retry 3 on_screen "Mail: too small (z zooms)"
tmx send-keys -t main F7
check "zoomed, the view has room for its form" retry 3 on_screen "Host 127.0.0.1"
tmx send-keys -t main F7 F9
check "F9 again: Capture is back in its pane" retry 3 titles_stacked
tmx send-keys -t main l
check "l again returns to the grid" retry 3 titles_in_grid

tmx send-keys -t main F2
retry 3 on_screen "[ Chat ]"
# A click at column 70, row 20 (the Capture quadrant), in xterm's X10
# mouse encoding: ESC [ M, button+32, column+33, row+33; press and release
# in one write. On a loaded machine the bytes after ESC can come later than
# curses waits for them (ESCDELAY 25 ms): the sequence then reads as Esc and
# keys typed into the Chat line, focus stays, so the click is made again.
click_capture() {
	local at
	at=$(printf '\\%03o\\%03o' $((70 + 33)) $((20 + 33)) | xargs -0 printf)
	tmx send-keys -t main -l $'\033[M '"$at"$'\033[M#'"$at"
	retry 2 on_screen "[ Capture ]"
}
check "a mouse click focuses the pane under it" retry 6 click_capture

tmx send-keys -t main F1
help_open() { on_screen "punchline keys" && on_screen "Capture pane" && on_screen "zoom the focused pane"; }
check "F1 shows every key of every pane" retry 3 help_open
tmx send-keys -t main q
check "q closes help without quitting" retry 3 titles_in_grid

tmx resize-window -t main -x 40 -y 10
too_small() { joined | grep -qF "terminal too small (have 40x10, need 80x24)"; }
check "40x10 says the terminal is too small" retry 3 too_small
tmx resize-window -t main -x 1 -y 1
sleep 0.3
tmx resize-window -t main -x 100 -y 30
check "1x1 and back: still running, layout restored" retry 3 titles_in_grid

tmx send-keys -t main q
check "q quits with status 0" retry 5 on_screen "EXIT=0"
check "the terminal is restored after q" \
    test "$(tmx display -p -t main '#{alternate_on}')" = 0
check "the shell's screen is back after q" on_screen "MARK-BEFORE"

start
pid=$(pgrep -P "$(tmx display -p -t main '#{pane_pid}')" punchline)
kill -TERM "$pid" 2>/dev/null
check "SIGTERM ends it cleanly" retry 5 on_screen "EXIT=0"
check "the terminal is restored after SIGTERM" \
    test "$(tmx display -p -t main '#{alternate_on}')" = 0

start
tmx send-keys -t main C-c
check "Ctrl-C (SIGINT) ends it cleanly" retry 5 on_screen "EXIT=0"
check "the terminal is restored after SIGINT" \
    test "$(tmx display -p -t main '#{alternate_on}')" = 0

colour_codes() { tmx capture-pane -p -e -t main | grep -cP '\e\[([0-9;]*;)?(3[0-7]|4[0-7]|9[0-7]|38;5)m' ; }
start
check "the default theme draws in colour" test "$(colour_codes)" -gt 0
check "UTF-8 locale: box-drawing borders" on_screen "┌─[ Chat ]"
tmx send-keys -t main F10
start NO_COLOR=1
check "NO_COLOR: no colour at all" test "$(colour_codes)" = 0
check "NO_COLOR: focus still visible as text" on_screen "[ Chat ]"
tmx send-keys -t main F10
start LC_ALL=C
check "C locale: ASCII borders" on_screen "+-[ Chat ]"
tmx send-keys -t main F10
retry 5 on_screen "EXIT=0"
