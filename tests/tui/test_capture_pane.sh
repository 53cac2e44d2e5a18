# test_capture_pane.sh: the Capture pane in tmux, in a namespace of its own
# (pl-capui-PID, root only): Enter starts a live capture, pings on lo appear
# in the list with their summary, the detail tree and the hex dump show the
# selected packet, "/" sets a BPF filter that keeps only UDP, a bad filter
# shows libpcap's message, p pauses, w saves the ring as a pcap tcpdump
# reads, d draws the ladder of a mesh chat between two peers, and
# quitting while capturing asks first. (The ladder of the lab with its
# role columns, --capture-lab, needs the lab: tests/net/test_capture_ladder.sh.)
. "$(dirname "$0")/../lib/testlib.sh"
. "$(dirname "$0")/../lib/tuilib.sh"

if ! is_root; then
	skip "capture pane" "needs root for a namespace and live capture"
	exit 0
fi
SOCK="pl-capui-$$"
ns="pl-capui-$$"
save_dir=$PL_OUT/capture-pane
cleanup() {
	tmux -L "$SOCK" kill-server 2>/dev/null
	ip netns del "$ns" 2>/dev/null
	return 0
}
trap cleanup EXIT
inns() { ip netns exec "$ns" "$@"; }

ip netns add "$ns" || { fail "capture pane: create namespace"; exit 0; }
ip -n "$ns" link set lo up
rm -rf "$save_dir"
mkdir -p "$save_dir"
tmx -f /dev/null new-session -d -s main -x 140 -y 44 \
    "env LC_ALL=C.UTF-8 TERM=screen TMPDIR=$save_dir ip netns exec $ns $PL_BIN; echo EXIT=\$?; sleep 30"
wait_screen "F10Quit" || { fail "capture pane: the screen starts"; exit 0; }
keys F5 z
check "capture pane: says how to start" wait_screen "Enter captures on every interface"
keys Enter
check "capture pane: Enter starts a live capture on any" wait_screen "capturing on any: 0 packets"
inns ping -c 2 -i 0.2 127.0.0.1 >/dev/null
check "capture pane: the pings are listed with tcpdump's summary" \
    wait_screen "127\.0\.0\.1 +127\.0\.0\.1 +icmp +100 ICMP echo reply, id [0-9]+, seq 2, length 64"
check "capture pane: the status counts 4 packets, follows the newest" \
    wait_screen "capturing on any: 4 packets, 0 dropped, following"
check "capture pane: the detail tree shows the layers of the selected packet" \
    wait_screen "^│ +icmp +type=0 +code=0 +name=echo reply"
keys Up
not_following() { ! screen | grep -q following; }
check "capture pane: Up selects the one before and leaves follow mode" \
    retry 3 not_following
keys x
check "capture pane: x shows the bytes in hex and ASCII" \
    wait_screen "0010  45 00 00 54 .*E\.\.T"
keys x / u d p Enter
check "capture pane: the filter applies (a new capture, filter udp)" \
    wait_screen "capturing on any, filter udp: 0 packets"
inns ping -c 1 127.0.0.1 >/dev/null
inns python3 -c 'import socket; socket.socket(2, 2).sendto(b"hi", ("127.0.0.1", 9))'
check "capture pane: only the UDP datagram passes the filter" \
    wait_screen "capturing on any, filter udp: 1 packets"
check "capture pane: the datagram's row has its ports" \
    wait_screen "127\.0\.0\.1:[0-9]+ +127\.0\.0\.1:9 +udp"
keys w
check "capture pane: w saves the ring" wait_screen "saved 1 packets to /"
check "capture pane: tcpdump reads the saved file (one UDP packet)" \
    sh -c "tcpdump -nn -r $save_dir/punchline-capture-*.pcap 2>/dev/null | grep -c 'UDP, length 2' | grep -qx 1"
keys p
inns python3 -c 'import socket; socket.socket(2, 2).sendto(b"hi", ("127.0.0.1", 9))'
check "capture pane: p pauses (counted, not kept)" wait_screen "2 packets, 0 dropped, PAUSED"
screen >"$PL_OUT/capture-pane.screen"
keys p / BSpace BSpace BSpace u d p Space p o r t Enter
check "capture pane: a bad filter shows libpcap's message" \
    wait_screen "filter 'udp port': .*syntax error"
keys / BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace Enter Enter
check "capture pane: Enter starts again without a filter" wait_screen "capturing on any: "
# The ladder: two chat peers meet in plaintext, ben says a line.
(sleep 3) | ip netns exec "$ns" timeout 3 "$PL_BIN" chat --json --plaintext \
    --name ann --bind 127.0.0.1 --port 12345 >/dev/null 2>&1 &
sleep 0.3
(sleep 1; echo "hi ann"; sleep 1.5) | inns timeout 2.5 "$PL_BIN" chat --json \
    --plaintext --name ben --bind 127.0.0.1 --port 12346 127.0.0.1:12345 \
    >/dev/null 2>&1
wait
keys d
check "capture pane: d shows the ladder, a column per peer named by its hello" \
    wait_screen "ben 127\.0\.0\.1:12346 +ann 127\.0\.0\.1:12345"
check "capture pane: the ladder's first rows: hello, hello reply, introduce" \
    sh -c "tmux -L $SOCK capture-pane -p -t main | grep -oE -- '-+ (hello|hello reply|introduce) -+' |
           head -3 | tr -s '-' | tr '\n' '|' | grep -qx -- '- hello -|- hello reply -|- introduce -|'"
check "capture pane: ben's chat is an arrow to ann, her ack comes back" \
    sh -c "tmux -L $SOCK capture-pane -p -t main | grep -A1 -E -- '-+ chat -+>' | grep -qE -- '<-+ ack -+'"
keys d
check "capture pane: d again is the packet list" wait_screen "No\. +Time +Source"
keys F10
check "capture pane: quitting while capturing asks first" wait_screen "Quit\? a capture is running" 3
keys y
check "capture pane: y quits, exit 0" wait_screen "EXIT=0" 5
