# test_capture.sh: punchline capture on real traffic. In a namespace of its
# own (pl-capture-PID), tcpdump records pings (v4 and v6), a UDP datagram
# to a closed port (an ICMP unreachable comes back), a TCP handshake with
# data, a DNS query to a python responder, and a plaintext mesh chat
# between two `punchline chat` peers on 127.0.0.1. punchline's JSON is then
# compared field by field with tshark -T json, its lines with
# tcpdump -nn and tcpdump -nn -S; a live capture with -c, -w, a damaged file, and a user
# without CAP_NET_RAW follow. Root only.
. "$(dirname "$0")/../lib/testlib.sh"

if ! is_root; then
	skip "capture on real traffic" "needs root to create a network namespace"
	exit 0
fi
for tool in ip python3 ping tcpdump tshark setpriv; do
	command -v $tool >/dev/null ||
		{ skip "capture on real traffic" "needs $tool: make deps"; exit 0; }
done

ns=pl-capture-$$
out=$PL_OUT/capture
mkdir -p "$out"
chmod 755 "$out"
pids=()
cleanup() {
	local p
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
	wait 2>/dev/null
	ip netns del "$ns" 2>/dev/null
}
trap cleanup EXIT
inns() { ip netns exec "$ns" "$@"; }

ip netns add "$ns" || { fail "create namespace $ns"; exit 0; }
ip -n "$ns" link set lo up

# Background jobs run `ip netns exec` itself (not the inns function, whose
# subshell would be the pid we kill while the process lived on).
# The DNS responder: one A answer (10.9.8.7) to each query on 127.0.0.1:53.
ip netns exec "$ns" python3 - >"$out/dns.log" 2>&1 <<'PY' &
import socket, struct
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 53))
s.settimeout(8)
print("ready", flush=True)
try:
    while True:
        q, peer = s.recvfrom(512)
        qid, = struct.unpack("!H", q[:2])
        end = 12
        while q[end] != 0:
            end += q[end] + 1
        question = q[12:end + 5]
        hdr = struct.pack("!HHHHHH", qid, 0x8580, 1, 1, 0, 0)
        ans = b"\xc0\x0c" + struct.pack("!HHIH", 1, 1, 300, 4) + bytes([10, 9, 8, 7])
        s.sendto(hdr + question + ans, peer)
except socket.timeout:
    pass
PY
pids+=($!)
retry 5 grep -q ready "$out/dns.log"

pcap=$out/traffic.pcap
ip netns exec "$ns" tcpdump -i lo -U -w "$pcap" >/dev/null 2>"$out/tcpdump.err" &
pids+=($!)
retry 5 grep -q listening "$out/tcpdump.err"

inns ping -c 2 -i 0.2 127.0.0.1 >/dev/null
inns ping -6 -c 1 ::1 >/dev/null
inns python3 - <<'PY'
import socket, struct
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(("127.0.0.1", 40001)); u.sendto(b"probe", ("127.0.0.1", 33434))
srv = socket.socket(); srv.bind(("127.0.0.1", 5050)); srv.listen()
c = socket.create_connection(("127.0.0.1", 5050)); a, _ = srv.accept()
c.sendall(b"hello over tcp"); a.recv(100); a.sendall(b"and back"); c.recv(100)
c.close(); a.close(); srv.close()
d = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); d.settimeout(3)
name = b"".join(bytes([len(p)]) + p for p in b"printer.lab.test".split(b".")) + b"\0"
d.sendto(struct.pack("!HHHHHH", 0x1234, 0x0100, 1, 0, 0, 0) + name + b"\0\1\0\1",
         ("127.0.0.1", 53))
d.recvfrom(512)
PY
# The mesh: ann and ben meet on 127.0.0.1 in plaintext; ben says one line.
(sleep 4) | ip netns exec "$ns" timeout 4 "$PL_BIN" chat --json --plaintext --name ann \
    --bind 127.0.0.1 --port 12345 >"$out/ann.out" 2>&1 &
pids+=($!)
sleep 0.3
(sleep 1.5; echo "hi ann, from ben"; sleep 2) | inns timeout 4 "$PL_BIN" chat \
    --json --plaintext --name ben --bind 127.0.0.1 --port 12346 \
    127.0.0.1:12345 >"$out/ben.out" 2>&1
wait "${pids[2]}" 2>/dev/null	# ann
sleep 0.3
kill "${pids[1]}" 2>/dev/null	# tcpdump
wait "${pids[1]}" 2>/dev/null

check "the chat line reached ann (the mesh traffic is real)" \
    grep -q '"text":"hi ann, from ben"' "$out/ann.out"

# JSON, field by field against tshark.
"$PL_BIN" capture -r "$pcap" --json >"$out/ours.json" 2>"$out/ours.err"
check "capture -r --json exits 0" test $? = 0
tshark -r "$pcap" -T json >"$out/tshark.json" 2>/dev/null
if python3 tests/net/helpers/capture_compare.py "$out/ours.json" "$out/tshark.json" \
    >"$out/compare.log" 2>&1; then
	pass "JSON agrees with tshark: $(tail -1 "$out/compare.log")"
else
	fail "JSON agrees with tshark" "$(head -3 "$out/compare.log")"
fi

# Text, line by line against tcpdump -nn (relative TCP numbers) and with
# -S on both sides (absolute ones).
"$PL_BIN" capture -r "$pcap" >"$out/ours.txt"
tcpdump -nn -r "$pcap" >"$out/tcpdump.txt" 2>/dev/null
if python3 tests/net/helpers/capture_text_compare.py "$out/ours.txt" "$out/tcpdump.txt" \
    >"$out/text.log" 2>&1; then
	pass "lines agree with tcpdump -nn: $(tail -1 "$out/text.log")"
else
	fail "lines agree with tcpdump -nn" "$(head -4 "$out/text.log")"
fi
"$PL_BIN" capture -S -r "$pcap" >"$out/ours-S.txt"
tcpdump -nn -S -r "$pcap" >"$out/tcpdump-S.txt" 2>/dev/null
if python3 tests/net/helpers/capture_text_compare.py "$out/ours-S.txt" \
    "$out/tcpdump-S.txt" >"$out/text-S.log" 2>&1; then
	pass "with -S, lines agree with tcpdump -nn -S: $(tail -1 "$out/text-S.log")"
else
	fail "with -S, lines agree with tcpdump -nn -S" "$(head -4 "$out/text-S.log")"
fi

check "DNS query decoded: A? printer.lab.test." \
    grep -q '4660+ A? printer.lab.test. (34)' "$out/ours.txt"
check "DNS answer decoded: 10.9.8.7" \
    grep -q '4660\* 1/0/0 A 10.9.8.7 (50)' "$out/ours.txt"
check "mesh hello from ann decoded, with her name" \
    grep -q '"proto":"mesh","type":"hello".*"name":"ann"' "$out/ours.json"
check "mesh chat decoded with its plaintext" \
    grep -q '"proto":"mesh","type":"chat".*"text":"hi ann, from ben"' "$out/ours.json"
check "mesh ack of the chat decoded" \
    grep -q '"proto":"mesh","type":"ack"' "$out/ours.json"
check "a BPF filter applies to files: -f 'udp port 53' gives the 2 DNS packets" \
    test "$("$PL_BIN" capture -r "$pcap" -f 'udp port 53' | wc -l)" = 2
check "-c 3 stops after 3 packets" \
    test "$("$PL_BIN" capture -r "$pcap" -c 3 | wc -l)" = 3
"$PL_BIN" capture -r "$pcap" -f 'icmp' -w "$out/icmp.pcap" >/dev/null
check "-w writes what was captured (tcpdump reads it back: 5 ICMP packets)" \
    test "$(tcpdump -nn -r "$out/icmp.pcap" 2>/dev/null | wc -l)" = 5
"$PL_BIN" capture -r "$pcap" -f 'udp port' >/dev/null 2>"$out/badfilter.err"
st=$?
check "a bad filter exits 2 with libpcap's message" \
    sh -c "test $st = 2 && grep -q \"filter 'udp port': .*syntax error\" '$out/badfilter.err'"

# A damaged file: the packets before the damage, then the error, exit 1.
size=$(stat -c %s "$pcap")
head -c $((size - 7)) "$pcap" >"$out/cut.pcap"
"$PL_BIN" capture -r "$out/cut.pcap" >"$out/cut.txt" 2>"$out/cut.err"
st=$?
want=$(($(wc -l <"$out/ours.txt") - 1))
check "a cut file: every whole packet first ($want lines)" \
    test "$(wc -l <"$out/cut.txt")" = "$want"
check "a cut file: exit 1 and an error naming the file" \
    sh -c "test $st = 1 && grep -q '$out/cut.pcap: truncated dump file' '$out/cut.err'"
check "a cut file with --json: an error event on stdout after the packets" \
    sh -c "'$PL_BIN' capture -r '$out/cut.pcap' --json 2>/dev/null | tail -1 |
           grep -q '\"event\":\"error\",\"engine\":\"capture\".*truncated dump file'"
head -c 4000 /dev/urandom >"$out/garbage.pcap"
"$PL_BIN" capture -r "$out/garbage.pcap" >/dev/null 2>"$out/garbage.err"
st=$?
check "garbage: exit 1 and 'unknown file format' naming the file" \
    sh -c "test $st = 1 && grep -q '$out/garbage.pcap: unknown file format' '$out/garbage.err'"

# Live, on lo in the namespace, with -c.
ip netns exec "$ns" "$PL_BIN" capture -i lo -c 4 --json >"$out/live.json" \
    2>"$out/live.err" &
lpid=$!
pids+=($lpid)
sleep 0.5
inns ping -c 3 -i 0.2 127.0.0.1 >/dev/null
retry 5 sh -c "! kill -0 $lpid 2>/dev/null"
wait "$lpid"
st=$?
check "live capture on lo with -c 4: exit 0, 4 packets" \
    sh -c "test $st = 0 && test \$(grep -c '\"event\":\"packet\"' '$out/live.json') = 4"
check "live capture --json: a started event first, a stats event last" \
    sh -c "head -1 '$out/live.json' | grep -q '\"event\":\"started\",\"engine\":\"capture\",\"source\":\"lo\"' &&
           tail -1 '$out/live.json' | grep -q '\"event\":\"stats\".*\"captured\":4,.*\"dropped\":0'"
check "live capture: echo requests decoded" \
    grep -q '"proto":"icmp","type":8' "$out/live.json"
check "live capture: pcap_stats reported on stderr" \
    grep -q 'packets dropped by kernel' "$out/live.err"

# A user without CAP_NET_RAW.
cp "$pcap" "$out/nobody.pcap"
chmod 644 "$out/nobody.pcap"
nobody() { inns setpriv --reuid=nobody --regid=nogroup --clear-groups \
    --inh-caps=-all "$PL_BIN" capture "$@"; }
nobody -i lo -c 1 >/dev/null 2>"$out/nobody.err"
st=$?
check "without CAP_NET_RAW live capture exits 1 and says so" \
    sh -c "test $st = 1 && grep -q 'live capture needs CAP_NET_RAW' '$out/nobody.err'"
check "without CAP_NET_RAW -r still works" \
    test "$(nobody -r "$out/nobody.pcap" | wc -l)" = "$(wc -l <"$out/ours.txt")"
