# test_sockets_pane.sh: the Sockets pane in tmux, with punchline inside a
# namespace of its own (pl-sockpane-PID, and -peer for a veth and a
# default route): a listener and a connection this test makes appear, a
# closed connection shows its state change, the filter narrows the table,
# Enter shows tcp_info, C-o shows the routes with the default one.
# Traffic stays on that namespace's loopback. Root only.
. "$(dirname "$0")/../lib/testlib.sh"

if ! is_root; then
	skip "sockets pane" "needs root for a namespace: sudo make check"
	exit 0
fi
command -v socat >/dev/null || { skip "sockets pane" "socat is not installed: make deps"; exit 0; }
ns=pl-sockpane-$$
SOCK="pl-sockpane-$$"
tmx() { tmux -u -L "$SOCK" "$@"; }
cleanup() {
	local p
	tmx kill-server 2>/dev/null
	for p in $(ip netns pids "$ns" 2>/dev/null); do kill "$p" 2>/dev/null; done
	ip netns del "$ns" 2>/dev/null
	ip netns del "$ns-peer" 2>/dev/null
	return 0
}
trap cleanup EXIT
screen() { tmx capture-pane -p -t main; }
on_screen() { screen | grep -qE -- "$1"; }
wait_screen() { retry "${2:-5}" on_screen "$1"; }
keys() { tmx send-keys -t main "$@"; }

ip netns add "$ns" && ip netns add "$ns-peer" || { fail "sockets pane: namespaces"; exit 0; }
ip -n "$ns" link set lo up
ip -n "$ns" link add veth0 type veth peer name veth0 netns "$ns-peer"
ip -n "$ns" addr add 10.78.0.1/24 dev veth0 && ip -n "$ns" link set veth0 up
ip -n "$ns-peer" link set veth0 up
ip -n "$ns" route add default via 10.78.0.2
nsx() { ip netns exec "$ns" "$@"; }
nsx socat TCP4-LISTEN:7070,bind=127.0.0.1,reuseaddr,fork EXEC:'sleep 600' >/dev/null 2>&1 &
retry 5 sh -c "ip netns exec $ns ss -tln | grep -q 127.0.0.1:7070"
ip netns exec "$ns" socat -u EXEC:"sleep 600" TCP4:127.0.0.1:7070 >/dev/null 2>&1 &
client=$!

tmx -f /dev/null new-session -d -s main -x 130 -y 40 \
    "env LC_ALL=C.UTF-8 TERM=screen ip netns exec $ns $PL_BIN; echo EXIT=\$?; sleep 30"
wait_screen "F10Quit" || { fail "sockets pane: the screen starts"; exit 0; }
keys F3 F7
check "sockets pane: the listener, with its program" \
    wait_screen "tcp .*127\.0\.0\.1:7070 .*LISTEN .*[0-9]+/socat" 5
check "sockets pane: the connection, both ends ESTAB" \
    wait_screen "tcp .*127\.0\.0\.1:[0-9]+ +127\.0\.0\.1:7070 .*ESTAB" 5
keys -l "port:7070 state:listen"
keys Enter
listener_only() {
	retry 3 on_screen '^.1 sockets' && ! screen | grep -q 'ESTAB' &&
	    screen | grep -q '127.0.0.1:7070 .*LISTEN'
}
check "sockets pane: the filter leaves the listener only" listener_only
keys Escape
keys -l "port:7070 state:estab"
keys Enter
sleep 0.5
keys Enter		# same filter: the selected socket's details
check "sockets pane: Enter shows tcp_info of the selected connection" \
    wait_screen "tcp_info: rtt [0-9.]+ ms .*cwnd [0-9]+" 3
keys Enter Escape
kill "$client"
check "sockets pane: the closed connection's end shows OLD->NEW" \
    wait_screen "ESTAB->[A-Z-]+" 4
keys C-e
listening_only() {
	retry 3 on_screen 'v4\+v6 listening\]' &&
	    ! screen | grep -qE "ESTAB|CLOSE-WAIT|FIN-WAIT"
}
check "sockets pane: C-e shows listening sockets only" listening_only
keys C-e C-x
no_unix() { retry 3 on_screen '\[tcp udp raw +v4' && ! screen | grep -q '^.unix '; }
check "sockets pane: C-x hides UNIX sockets" no_unix
keys C-n
check "sockets pane: C-n names hosts (127.0.0.1 is localhost in /etc/hosts)" \
    wait_screen "localhost:7070 .*LISTEN" 4
keys C-n C-x
keys C-o
check "sockets pane: C-o shows the default route" \
    wait_screen "\* route +default +via 10\.78\.0\.2 +dev veth0" 3
check "sockets pane: and the interfaces" wait_screen "link +veth0 .*10\.78\.0\.1/24" 3
keys C-o F10
check "sockets pane: F10 quits" wait_screen "EXIT=0" 5
