# test_sockets_pane.sh: the Sockets pane in tmux, with punchline running
# inside a network namespace this test makes (pl-sockpane-PID), joined by
# a veth pair to a second one (pl-sockpeer-PID) whose address is the
# first one's default gateway. A listener and a connection on the
# namespace's loopback appear, the typed filter narrows the list, Enter
# shows tcp_info, closing the client shows ESTAB->FIN-WAIT-2, and the
# routes sub-view shows the namespace's default route. Root only; no
# packet leaves the two namespaces.
. "$(dirname "$0")/../lib/testlib.sh"

if ! is_root; then
	skip "sockets pane" "needs root to create network namespaces: sudo make check"
	exit 0
fi
for tool in tmux ip python3; do
	command -v $tool >/dev/null || { skip "sockets pane" "needs $tool (make deps)"; exit 0; }
done

ns=pl-sockpane-$$
peer=pl-sockpeer-$$
SOCK="pl-sockpane-$$"
pids=()
tmx() { tmux -u -L "$SOCK" "$@"; }
cleanup() {
	local p
	tmux -L "$SOCK" kill-server 2>/dev/null
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
	for p in $(ip netns pids "$ns" 2>/dev/null); do kill "$p" 2>/dev/null; done
	wait 2>/dev/null
	ip netns del "$ns" 2>/dev/null
	ip netns del "$peer" 2>/dev/null
}
trap cleanup EXIT

ip netns add "$ns" && ip netns add "$peer" || { fail "create namespaces"; exit 0; }
ip -n "$ns" link set lo up
ip -n "$ns" link add veth0 type veth peer name veth1 netns "$peer"
ip -n "$ns" addr add 10.231.0.1/24 dev veth0
ip -n "$peer" addr add 10.231.0.2/24 dev veth1
ip -n "$ns" link set veth0 up
ip -n "$peer" link set veth1 up
ip -n "$ns" route add default via 10.231.0.2

port=$((30000 + RANDOM % 20000))
# The server accepts and keeps its end open; the client connects and
# holds its end until killed (then its side goes FIN-WAIT-2).
ip netns exec "$ns" python3 -c '
import socket, sys, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(5)
c, _ = s.accept()
time.sleep(600)' "$port" & pids+=($!)
sleep 0.3

screen() { tmx capture-pane -p -t main; }
on_screen() { screen | grep -qE -- "$1"; }
# On a miss the screen is kept in $PL_OUT for the reader.
wait_screen() {
	retry "${2:-6}" on_screen "$1" && return 0
	screen >"$PL_OUT/sockets-pane-miss-$((++misses)).txt"
	return 1
}
not_on_screen() { ! screen | grep -qE -- "$1"; }

tmx -f /dev/null new-session -d -s main -x 160 -y 40 \
    "env LC_ALL=C.UTF-8 TERM=screen bash --norc --noprofile"
tmx send-keys -t main "ip netns exec $ns $PL_BIN --sockets-interval 0.5; echo EXIT=\$?" Enter
sleep 1
tmx send-keys -t main F3
tmx send-keys -t main z
check "sockets pane: the header names ss's columns" \
    wait_screen "Proto Recv-Q Send-Q Local +Peer +State +PID/Program +User"
check "sockets pane: our listener shows LISTEN with its python3 owner" \
    wait_screen "tcp +0 +[0-9]+ 127\.0\.0\.1:$port +LISTEN +[0-9]+/python3"

ip netns exec "$ns" python3 -c '
import socket, sys, time
c = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
c.send(b"hello")
time.sleep(600)' "$port" & client=$!
pids+=($client)
check "sockets pane: the new connection appears, marked new (+)" \
    wait_screen "^.\+tcp +[0-9]+ +[0-9]+ 127\.0\.0\.1:[0-9]+ +127\.0\.0\.1:$port +ESTAB"

tmx send-keys -t main -l -- "/port:$port state:estab"
check "sockets pane: the filter line shows what is typed" \
    wait_screen "filter> port:$port state:estab"
tmx send-keys -t main Enter
check "sockets pane: the filter narrows the list to the two ends" \
    wait_screen "2/[0-9]+ sockets .*filter: port:$port state:estab"
check "sockets pane: and hides the listener and the UNIX sockets" \
    sh -c "! tmux -u -L $SOCK capture-pane -p -t main | grep -qE 'LISTEN|^.(.)?unix '"
tmx send-keys -t main -l -- "/dport:$port state:estab"
tmx send-keys -t main Enter
check "sockets pane: dport: leaves the client's end alone" \
    wait_screen "1/[0-9]+ sockets .*filter: dport:$port state:estab"
tmx send-keys -t main Enter
check "sockets pane: Enter shows the socket's tcp_info" \
    wait_screen "tcp_info: rtt [0-9.]+ ms \(var [0-9.]+\)  cwnd [0-9]+  retransmits 0"
check "sockets pane: and bytes acked (the client sent 5 bytes)" \
    wait_screen "bytes acked 6 "
# A process is mapped to its sockets within OWNER_FULL_SECONDS at worst.
check "sockets pane: and its process command line" \
    wait_screen "command [^ ]*python3 -c  import socket" 8
tmx send-keys -t main Escape
tmx send-keys -t main -l -- "/port:$port"
tmx send-keys -t main Enter
check "sockets pane: a filter replaced shows the listener again" \
    wait_screen "127\.0\.0\.1:$port +LISTEN"
tmx send-keys -t main -l -- "/state:bogus"
tmx send-keys -t main Enter
check "sockets pane: a bad filter word is named, not a crash" \
    wait_screen "filter: .*bogus"

kill "$client"
# The marks last 5 s, so both ends are looked for in one wait. The client's
# end may be caught in FIN-WAIT-1 by one refresh and FIN-WAIT-2 by the
# next (a slow machine, a sanitizer build): either way it ends FIN-WAIT-2.
client_changed() { screen | grep -qE "(ESTAB|FIN-WAIT-1)->FIN-WAIT-2"; }
server_changed() { screen | grep -qE "ESTAB->CLOSE-WAIT"; }
seen_client=false seen_server=false
for _ in $(seq 1 60); do	# 6 s: each end's mark is seen while it lasts
	client_changed && seen_client=true
	server_changed && seen_server=true
	$seen_client && $seen_server && break
	sleep 0.1
done
if $seen_client && $seen_server; then
	pass "sockets pane: closing the client shows its end ->FIN-WAIT-2"
	pass "sockets pane: and the server's end ESTAB->CLOSE-WAIT"
else
	screen >"$PL_OUT/sockets-pane-miss-close.txt"
	fail "sockets pane: closing the client shows its end ->FIN-WAIT-2 and the server's ESTAB->CLOSE-WAIT" \
	    "see $PL_OUT/sockets-pane-miss-close.txt"
fi

# Names: 127.0.0.1 is named from /etc/hosts (nsswitch's files, through
# core/rdns); no DNS server is reachable from the namespace.
tmx send-keys -t main n
check "sockets pane: n names hosts (127.0.0.1: localhost from /etc/hosts)" \
    wait_screen "localhost:$port +LISTEN"
tmx send-keys -t main n
check "sockets pane: n again: numbers" wait_screen "127\.0\.0\.1:$port +LISTEN"

# The server exits: its listener and its end vanish; while they fade out
# they are counted apart from the snapshot's sockets.
kill "${pids[0]}"
check "sockets pane: closed rows are counted apart (+N closed)" \
    wait_screen "[0-9]+/[0-9]+ sockets \+[0-9]+ closed"

tmx send-keys -t main s
check "sockets pane: s sorts by the next column" wait_screen "sort Recv-Q\^"
tmx send-keys -t main S
check "sockets pane: S reverses it" wait_screen "sort Recv-Qv"
tmx send-keys -t main p
check "sockets pane: p pauses the refresh" wait_screen "PAUSED"
tmx send-keys -t main p

tmx send-keys -t main r
check "sockets pane: r shows the namespace's default route, marked" \
    wait_screen "\* inet +default +via 10\.231\.0\.2 dev veth0 +table main"
check "sockets pane: and its interfaces with addresses" \
    wait_screen "veth0 +UP +mtu 1500 +10\.231\.0\.1/24"
check "sockets pane: and the nsswitch hosts line" wait_screen "nsswitch hosts: "
ip -n "$ns" route add 10.232.0.0/24 via 10.231.0.2
check "sockets pane: a route added now shows at once (rtnetlink events)" \
    wait_screen "inet +10\.232\.0\.0/24 +via 10\.231\.0\.2 dev veth0"
check "sockets pane: and the change is said" \
    wait_screen "route_added 10\.232\.0\.0/24 dev veth0"
tmx send-keys -t main r

tmx send-keys -t main z		# back to the grid: the pane is half as wide
tmx resize-window -t main -x 120 -y 30
check "sockets pane: a narrow pane drops columns rather than wrap" \
    wait_screen "$(printf '\342\224\202\342\224\202') Local +Peer +State "
check "sockets pane: (no User, no queues left in the narrow header)" \
    not_on_screen "Recv-Q +Send-Q|PID/Program +User"
tmx resize-window -t main -x 30 -y 10 2>/dev/null
tmx send-keys -t main C-l
check "sockets pane: a tiny terminal says so" wait_screen "terminal too small"
tmx resize-window -t main -x 160 -y 40 2>/dev/null
tmx send-keys -t main F10
check "sockets pane: F10 quits (exit 0)" wait_screen "EXIT=0"
