# test_capture_file.sh: the Capture pane reads a saved capture. The test
# writes a pcap (UDP 10.0.0.1:1000 <-> 10.0.0.2:5300, 3 queries and 2
# answers; two ICMP echoes and their replies to 10.0.0.3), starts the
# screen with --capture-file on it (as nobody when root: a file needs no
# privilege), and checks the list, the flows view (F) with the right
# packets and bytes, sorting (s), Enter on a flow filtering the list, and
# o opening a file cut mid-record (the packets before, then libpcap's
# error) and a file that is no capture (the error, no crash).
. "$(dirname "$0")/../lib/testlib.sh"
. "$(dirname "$0")/../lib/tuilib.sh"

SOCK="pl-capfile-$$"
dir=$(mktemp -d /tmp/pl-capfile-$$.XXXX)
chmod 755 "$dir"
cleanup() {
	tmux -L "$SOCK" kill-server 2>/dev/null
	tmux -L "$SOCK-ascii" kill-server 2>/dev/null
	rm -rf "$dir"
	return 0
}
trap cleanup EXIT
# o, the prefilled path erased, a new one typed, Enter.
open_path() {
	keys o
	keys -N 80 BSpace
	keys -l "$1"
	keys Enter
}

python3 - "$dir/talk.pcap" <<'PY'
import struct, sys
def ip(src, dst, proto, payload):
    return struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), 0, 0, 64,
                       proto, 0, bytes(src), bytes(dst)) + payload
def frame(src, dst, proto, l4):
    return b"\0" * 12 + b"\x08\x00" + ip(src, dst, proto, l4)
def udp(sp, dp, n):
    return struct.pack("!HHHH", sp, dp, 8 + n, 0) + b"q" * n
def echo(t, ident, seq):
    return struct.pack("!BBHHH", t, 0, 0, ident, seq) + b"p" * 56
A, B, C = [10, 0, 0, 1], [10, 0, 0, 2], [10, 0, 0, 3]
pkts = []
for i in range(3):
    pkts.append(frame(A, B, 17, udp(1000, 5300, 10)))		# 52 bytes
    if i < 2:
        pkts.append(frame(B, A, 17, udp(5300, 1000, 30)))	# 72 bytes
for s in (1, 2):
    pkts.append(frame(A, C, 1, echo(8, 7, s)))			# 98 bytes
    pkts.append(frame(C, A, 1, echo(0, 7, s)))
out = open(sys.argv[1], "wb")
out.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
for i, p in enumerate(pkts):
    out.write(struct.pack("<IIII", 1700000000 + i, 0, len(p), len(p)) + p)
PY
# Cut in the middle of the sixth record; and a file of text.
head -c $((24 + 16 + 52 + 16 + 72 + 16 + 52 + 16 + 72 + 16 + 52 + 20)) \
    "$dir/talk.pcap" >"$dir/cut.pcap"
echo "no capture here" >"$dir/text.pcap"
chmod 644 "$dir"/*.pcap

as_user=
if is_root && id nobody >/dev/null 2>&1; then
	as_user="setpriv --reuid=nobody --regid=nogroup --clear-groups"
fi
tmx -f /dev/null new-session -d -s main -x 140 -y 40 \
    "env LC_ALL=C.UTF-8 TERM=screen HOME=$dir $as_user $PL_BIN --capture-file $dir/talk.pcap; echo EXIT=\$?; sleep 30"
wait_screen "F10Quit" || { fail "capture file: the screen starts"; exit 0; }
keys F5 z
check "capture file: --capture-file reads the 9 packets${as_user:+ (as nobody)}" \
    wait_screen "file $dir/talk.pcap: 9 packets, following"
check "capture file: the list shows the UDP query and the echo reply" \
    sh -c "tmux -L $SOCK capture-pane -p -t main | grep -E '10\.0\.0\.1:1000 +10\.0\.0\.2:5300 +udp +52 ' &&
           tmux -L $SOCK capture-pane -p -t main | grep -qE '10\.0\.0\.3 +10\.0\.0\.1 +icmp +98 ICMP echo reply, id 7, seq 2'"
screen >"$PL_OUT/capture-file.screen"
keys F
check "capture file: F shows 2 flows, by bytes" wait_screen "2 flows, by bytes"
check "capture file: the ICMP flow first: echo id 7, 4 packets, 392 bytes" \
    wait_screen "^│icmp +10\.0\.0\.1 +10\.0\.0\.3 echo id 7 +4 +392 "
check "capture file: the UDP flow: 5 packets, 300 bytes" \
    wait_screen "^│udp +10\.0\.0\.1:1000 +10\.0\.0\.2:5300 +5 +300 "
check "capture file: rates over the last 5 s of the file, sparklines by second" \
    sh -c "tmux -L $SOCK capture-pane -p -t main | grep -qE '392 +78 B/s +████ +│' &&
           tmux -L $SOCK capture-pane -p -t main | grep -qE '300 +10 B/s +▆█▆█▆ +│'"
keys s
udp_first() { screen | grep -A2 'by packets' | tail -1 | grep -qE '^│udp '; }
check "capture file: s sorts by packets (UDP first)" retry 3 udp_first
keys s
check "capture file: s again sorts by rate" wait_screen "2 flows, by rate"
keys s Down Enter
check "capture file: Enter on the UDP flow filters the list on it" \
    wait_screen "file $dir/talk.pcap, filter udp and host 10\.0\.0\.1 and port 1000 and host 10\.0\.0\.2 and port 5300: 5 packets"
check "capture file: the list is back, with the flow's packets only" \
    sh -c "! tmux -L $SOCK capture-pane -p -t main | grep -q icmp"
keys /
keys -N 120 BSpace
keys Enter
check "capture file: an empty filter reads all 9 again" \
    wait_screen "file $dir/talk.pcap: 9 packets"
open_path "$dir/cut.pcap"
check "capture file: a file cut short: the packets before and the error" \
    wait_screen "file $dir/cut.pcap: 5 packets.* \| $dir/cut.pcap: truncated dump file"
open_path "$dir/text.pcap"
check "capture file: no capture file: the error, an empty list" \
    wait_screen "^│$dir/text.pcap: unknown file format"
open_path "$dir/missing.pcap"
check "capture file: a missing file says so" \
    wait_screen "$dir/missing.pcap: No such file"
keys q
check "capture file: q quits at once (nothing runs), exit 0" wait_screen "EXIT=0" 5
# --ascii: the same sparklines in ASCII (a second server).
tmx kill-server
SOCK="$SOCK-ascii"
tmx -f /dev/null new-session -d -s main -x 140 -y 40 \
    "env LC_ALL=C.UTF-8 TERM=screen $PL_BIN --ascii --capture-file $dir/talk.pcap"
wait_screen "F10Quit" && keys F5 z F
check "capture file: --ascii draws the sparklines in ASCII" \
    wait_screen "300 +10 B/s +\*@\*@\* +\|"

