# test_scanner_pane.sh: the Scanner pane in tmux: fill in the form, scan
# listeners this test starts on loopback, read the results, the banner,
# a UDP scan, the history, a bad port range, and (as root, in a namespace
# of its own whose loopback drops everything) stopping a slow scan.
. "$(dirname "$0")/../lib/testlib.sh"

# Each start gets its own tmux server: reusing one races with its exit.
RUNS=0
SOCK="pl-scanpane-$$-0"
tmx() { tmux -u -L "$SOCK" "$@"; }
pids=()
ns=pl-scanpane-$$
cleanup() {
	local i
	for i in $(seq 0 "$RUNS"); do tmux -L "pl-scanpane-$$-$i" kill-server 2>/dev/null; done
	[ ${#pids[@]} -eq 0 ] || kill "${pids[@]}" 2>/dev/null
	ip netns del "$ns" 2>/dev/null
	return 0
}
trap cleanup EXIT
screen() { tmx capture-pane -p -t main; }
on_screen() { screen | grep -qE -- "$1"; }
wait_screen() { retry "${2:-5}" on_screen "$1"; }
keys() { tmx send-keys -t main "$@"; }
# Empties the focused text field and types $1 into it.
type_field() { keys End; for _ in $(seq 1 30); do keys BSpace; done; keys -l "$1"; }

if ! command -v socat >/dev/null; then
	skip "scanner pane" "socat is not installed: make deps"
	exit 0
fi
base=$((41000 + RANDOM % 20000))
printf 'SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n' >"$PL_OUT/scanpane-greeting"
socat TCP-LISTEN:"$base",bind=127.0.0.1,reuseaddr,fork \
    SYSTEM:"cat $PL_OUT/scanpane-greeting; sleep 1" 2>/dev/null &
pids+=($!)
socat TCP-LISTEN:$((base + 5)),bind=127.0.0.1,reuseaddr,fork SYSTEM:"sleep 1" 2>/dev/null &
pids+=($!)
socat UDP-RECVFROM:$((base + 7)),bind=127.0.0.1,fork EXEC:'echo pong' 2>/dev/null &
pids+=($!)
retry 5 socat -u OPEN:/dev/null TCP:127.0.0.1:"$base"

# start [PREFIX...]: punchline in a 120x40 tmux, the Scanner pane zoomed.
start() {
	tmx kill-server 2>/dev/null
	RUNS=$((RUNS + 1))
	SOCK="pl-scanpane-$$-$RUNS"
	tmx -f /dev/null new-session -d -s main -x 120 -y 40 \
	    "env LC_ALL=C.UTF-8 TERM=screen $* $PL_BIN; echo EXIT=\$?; sleep 30"
	wait_screen "F10Quit" && keys F4 && keys F7 && wait_screen "Target"
}

start || { fail "scanner pane: the screen starts"; exit 0; }
# wait_screen: "Target" is on screen before the zoom's redraw widens the form.
check "scanner pane: the form shows target, ports, type and banners" \
    wait_screen "Target .*127\.0\.0\.1.*Ports .*1-1024"
keys Down
type_field "$base-$((base + 9))"
keys Down Down Space		# Banners: on
keys Enter
wait_screen "done in" 10
check "scanner pane: the listener is open with its ssh banner" \
    on_screen "$base/tcp +open +syn-ack +ssh .*SSH-2\.0-OpenSSH_9\.2p1"
check "scanner pane: the second listener is open" on_screen "$((base + 5))/tcp +open"
check "scanner pane: progress at 100%, counts 2 open 8 closed" \
    on_screen "100% 10/10 .*done in .*open 2 +closed 8 +filtered 0"
check "scanner pane: the scan is in the history" \
    on_screen "127\.0\.0\.1 $base-$((base + 9)) connect \+banners: 2 open, 8 closed"
keys Space Up Right		# Banners off, then Type: connect -> syn -> udp
check "scanner pane: Right cycles the type to syn" wait_screen "Type <syn>" 3
keys Right
check "scanner pane: and to udp" wait_screen "Type <udp>" 3
keys Enter
wait_screen "udp: 1 open" 10
check "scanner pane: the UDP responder is open with what it said" \
    on_screen "$((base + 7))/udp +open +udp-response .*pong"
keys Up
type_field "90-80"
keys Enter
check "scanner pane: a backwards range is a clear error" wait_screen "range 90-80 runs backwards" 3
keys Down Down Right Right	# back to connect (udp -> connect)
check "scanner pane: still running after bad input" on_screen "F10Quit"
keys F10
check "scanner pane: F10 quits when idle" wait_screen "EXIT=0" 5

if is_root && command -v nft >/dev/null && ip netns add "$ns" 2>/dev/null; then
	ip -n "$ns" link set lo up
	ip netns exec "$ns" nft -f - <<'EOF'
table inet pl_scanpane {
	chain input {
		type filter hook input priority 0;
		tcp dport 1-65535 drop
	}
}
EOF
	start ip netns exec "$ns" || { fail "scanner pane: starts in a namespace"; exit 0; }
	keys Down
	type_field "1-65535"
	keys Enter
	wait_screen "ETA" 5
	keys Escape
	check "scanner pane: Esc stops a running scan" wait_screen "stopped" 5
	keys F10
	check "scanner pane: quits after a stopped scan" wait_screen "EXIT=0" 5
else
	skip "scanner pane: stopping a slow scan" "needs root and nft for a namespace"
fi
