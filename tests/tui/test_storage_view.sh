# test_storage_view.sh: the Storage view in tmux, run inside the lab's
# alice: F11 puts it in place of the focused pane, Enter stores notes.txt
# (16 KiB) via far, the grid of chunk cells and the figures appear (bytes in
# flight, RTT, the bound on what is held), Enter recalls it intact into
# notes.txt.recalled, F11 puts the pane back. Root (the lab, under its lock).
. "$(dirname "$0")/../lib/testlib.sh"

if ! is_root; then
	skip "storage view" "needs root for the lab: sudo make check"
	exit 0
fi
. "$(dirname "$0")/../lib/lablock.sh"
lab_lock_or_reexec bash "$0" "$@"
SOCK="pl-storeview-$$"
tmx() { tmux -u -L "$SOCK" "$@"; }
lab() { "$PL_BIN" lab "$@" 2>>"$PL_OUT/lab-stderr.log"; }
tmp=$(mktemp -d)
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; lab down >/dev/null 2>&1; rm -rf "$tmp"' EXIT
screen() { tmx capture-pane -p -t main; }
on_screen() { screen | grep -qE -- "$1"; }
wait_screen() { retry "${2:-5}" on_screen "$1"; }
keys() { tmx send-keys -t main "$@"; }
title_row() { screen | grep -nE -- "(─|-)(\[ | )$1( \]| )(─|-)" | head -1 | cut -d: -f1; }

head -c 16384 /dev/urandom >"$tmp/notes.txt"
lab down >/dev/null
lab up >/dev/null || { fail "storage view: lab up"; exit 0; }
tmx -f /dev/null new-session -d -s main -x 120 -y 40 \
    "cd $tmp && env LC_ALL=C.UTF-8 TERM=screen ip netns exec pl-alice $PL_BIN; echo EXIT=\$?; sleep 30"
wait_screen "F10Quit" || { fail "storage view: the screen starts"; exit 0; }
check "storage view: F11 is in the key bar" on_screen "F11Storage"
keys F4 F11
storage_shown() { [ -n "$(title_row Storage)" ] && [ -z "$(title_row Scanner)" ]; }
scanner_back() { [ -z "$(title_row Storage)" ] && [ -n "$(title_row Scanner)" ]; }
check "storage view: F11 shows Storage where Scanner was" retry 3 storage_shown
check "storage view: the form has the file, far and the mode" \
    wait_screen "File notes.txt +Via 203.0.113.10 +<ours>"
keys Enter
check "storage view: 16 chunks and 8 parity in 2 copies over a raw socket" \
    wait_screen "16384 B: 16 data \+ 8 parity chunks, 2 copies, raw socket" 5
check "storage view: bytes in flight and RTT" \
    wait_screen "in flight 24 chunks 50496 B +RTT [0-9.]+ ms" 5
check "storage view: losses and repairs" on_screen "lost [0-9]+ +repaired [0-9]+ +copies back [0-9]+ +lost for good 0"
check "storage view: the bound on what the program holds" \
    on_screen "this program holds at most 63488 B of it"
check "storage view: the grid shows 16 data cells in flight" \
    wait_screen "^│?################ *│?" 3
check "storage view: and the legend" on_screen "# flying ! lost \+ repaired x gone = recalled"
keys F10
check "storage view: quitting while stored asks first" \
    wait_screen "Quit\? a file is stored in flight" 3
keys n
sleep 2
keys Enter
check "storage view: Enter recalls it, intact" wait_screen "recalled .*intact=yes" 6
check "storage view: the grid shows the recalled cells" \
    wait_screen "^│?================ *│?" 3
check "storage view: notes.txt.recalled is the file" cmp "$tmp/notes.txt" "$tmp/notes.txt.recalled"
keys F11
check "storage view: F11 again puts the Scanner back" retry 3 scanner_back
keys F10
check "storage view: F10 quits when idle" wait_screen "EXIT=0" 5
