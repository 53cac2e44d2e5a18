# test_capture_flows.sh: punchline capture --flows agrees with tshark's
# conversation tables (tshark -q -z conv,udp -z conv,tcp) on a pcap this
# test makes: tcpdump on lo inside a network namespace of its own
# (unshare -n) while UDP over IPv4 and IPv6 and one TCP connection talk
# there; per flow and per direction, packets and bytes. Then the JSON
# objects' keys, and -c on a live capture (root only: the namespace).
. "$(dirname "$0")/../lib/testlib.sh"

if ! is_root || ! command -v tshark >/dev/null || ! command -v tcpdump >/dev/null; then
	skip "capture flows" "needs root (a namespace), tcpdump and tshark"
	exit 0
fi
dir=$(mktemp -d "$PL_OUT/capture-flows.XXXX")
pcap=$dir/talk.pcap

cat >"$dir/talk.py" <<'PY'
import socket, time
def udp(fam, addr, port):
    s = socket.socket(fam, socket.SOCK_DGRAM); s.bind((addr, port)); return s
a, b, srv = udp(2, "127.0.0.1", 40001), udp(2, "127.0.0.1", 40002), udp(2, "127.0.0.1", 5353)
for i in range(3): a.sendto(b"a" * (10 + i), ("127.0.0.1", 5353))
for i in range(2): srv.sendto(b"r" * 20, ("127.0.0.1", 40001))
for i in range(5): b.sendto(b"b" * 7, ("127.0.0.1", 5353))
v6 = udp(10, "::1", 40003); v6peer = udp(10, "::1", 5354)
for i in range(4): v6.sendto(b"six", ("::1", 5354))
v6peer.sendto(b"back", ("::1", 40003))
lsn = socket.socket(); lsn.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
lsn.bind(("127.0.0.1", 8080)); lsn.listen(1)
c = socket.create_connection(("127.0.0.1", 8080), source_address=("127.0.0.1", 40100))
s, _ = lsn.accept()
c.sendall(b"hello"); time.sleep(0.05); s.recv(100)
s.sendall(b"world!!"); time.sleep(0.05); c.recv(100)
c.close(); time.sleep(0.05); s.close(); time.sleep(0.1)
PY
# The capture and the talk, in a namespace that ends with the command.
unshare -n bash -c '
	ip link set lo up
	tcpdump -i lo -U -w "$1" 2>/dev/null & dump=$!
	sleep 0.5
	python3 "$2"
	sleep 0.3
	kill $dump; wait $dump' _ "$pcap" "$dir/talk.py"

# Both as "proto A B A>B-frames A>B-bytes B>A-frames B>A-bytes", sorted.
tshark -q -z conv,udp -z conv,tcp -r "$pcap" 2>/dev/null | awk '
	/^(TCP|UDP) Conversations/ { proto = tolower($1) }
	$2 == "<->" { print proto, $1, $3, $7, $8, $4, $5 }' | sort >"$dir/tshark"
"$PL_BIN" capture --flows --json -r "$pcap" >"$dir/flows.json"
python3 - "$dir/flows.json" <<'PY' | sort >"$dir/punchline"
import json, sys
for line in open(sys.argv[1]):
    f = json.loads(line)
    if f["proto"] not in ("udp", "tcp"): continue
    ep = lambda s: s.replace("[", "").replace("]", "")
    print(f["proto"], ep(f["a"]), ep(f["b"]), f["packets_ab"], f["bytes_ab"],
          f["packets_ba"], f["bytes_ba"])
PY
check "capture flows: tshark sees the 4 conversations" \
    test "$(wc -l <"$dir/tshark")" -eq 4
if diff -u "$dir/tshark" "$dir/punchline" >"$dir/diff"; then
	pass "capture flows: --flows matches tshark conv,udp and conv,tcp per direction"
else
	fail "capture flows: --flows matches tshark conv" "$(tail -n +3 "$dir/diff" | tr '\n' ' ')"
fi
keys_ok() {
	python3 -c '
import json, sys
for line in open(sys.argv[1]):
    f = json.loads(line)
    assert f["event"] == "flow" and f["engine"] == "capture"
    for k in ("proto", "a", "b", "packets", "bytes", "first", "last"):
        assert k in f, k
    assert f["packets"] == f["packets_ab"] + f["packets_ba"]
    assert f["first"] <= f["last"]' "$1"
}
check "capture flows: --json objects carry proto a b packets bytes first last" \
    keys_ok "$dir/flows.json"
check "capture flows: the text form, most bytes first (the TCP connection)" \
    sh -c "'$PL_BIN' capture --flows -r '$pcap' | head -1 | grep -qE '^tcp +127\.0\.0\.1:40100 <-> 127\.0\.0\.1:8080 packets 11 \([0-9]+/[0-9]+\) bytes '"
# Live: -c stops after 6 packets, then the one flow they make.
live() {
	unshare -n bash -c '
		ip link set lo up
		"$1" capture -i lo -c 6 --flows udp >"$2" 2>/dev/null & cap=$!
		sleep 0.5
		python3 -c "import socket
s = socket.socket(2, 2)
for i in range(8): s.sendto(b\"x\" * 22, (\"127.0.0.1\", 9))"
		wait $cap' _ "$PL_BIN" "$dir/live"
	grep -qE '^udp +127\.0\.0\.1:[0-9]+ <-> 127\.0\.0\.1:9 packets 6 \(6/0\) bytes 384 ' "$dir/live" &&
	    [ "$(wc -l <"$dir/live")" -eq 1 ]
}
check "capture flows: -c 6 live on lo, then one flow of 6 packets" live
