# test_trace_view.sh: the Trace view in tmux: F8 puts it in place of the
# focused pane and back, Enter traces loopback round after round, the hop
# appears with its figures and sparkline, Enter stops, quitting while a
# trace runs asks first.
. "$(dirname "$0")/../lib/testlib.sh"

RUNS=0
SOCK="pl-traceview-$$-0"
tmx() { tmux -u -L "$SOCK" "$@"; }
cleanup() {
	local i
	for i in $(seq 0 "$RUNS"); do tmux -L "pl-traceview-$$-$i" kill-server 2>/dev/null; done
	return 0
}
trap cleanup EXIT
screen() { tmx capture-pane -p -t main; }
on_screen() { screen | grep -qE -- "$1"; }
wait_screen() { retry "${2:-5}" on_screen "$1"; }
keys() { tmx send-keys -t main "$@"; }
title_row() { screen | grep -nE -- "(─|-)(\[ | )$1( \]| )(─|-)" | head -1 | cut -d: -f1; }

start() {
	RUNS=$((RUNS + 1))
	SOCK="pl-traceview-$$-$RUNS"
	tmx -f /dev/null new-session -d -s main -x 120 -y 40 \
	    "env LC_ALL=C.UTF-8 TERM=screen $PL_BIN; echo EXIT=\$?; sleep 30"
	wait_screen "F10Quit"
}

start || { fail "trace view: the screen starts"; exit 0; }
check "trace view: F8 is in the key bar" on_screen "F8Trace"
keys F4 F8
trace_shown() { [ -n "$(title_row Trace)" ] && [ -z "$(title_row Scanner)" ]; }
scanner_back() { [ -z "$(title_row Trace)" ] && [ -n "$(title_row Scanner)" ]; }
check "trace view: F8 shows Trace where Scanner was" retry 3 trace_shown
keys Enter
check "trace view: loopback is hop 1, answered, in the table" \
    wait_screen "1\. +(127\.0\.0\.1|localhost) +0\.0% +[1-9]" 5
check "trace view: rounds go on (3 sent or more), the hop named from /etc/hosts" \
    wait_screen "1\. +localhost +0\.0% +([3-9]|[1-9][0-9])" 6
keys F10
check "trace view: quitting while a trace runs asks first" wait_screen "Quit\? a trace is running" 3
keys n
keys Enter
check "trace view: Enter stops it" wait_screen "stopped" 3
keys F8
check "trace view: F8 again puts the Scanner back" retry 3 scanner_back
keys F10
check "trace view: F10 quits when idle" wait_screen "EXIT=0" 5
