# test_inet_decode.sh: the protocols/ decoders on packets the kernel made.
# In a namespace of its own (pl-inetdec-PID), UDP probes to closed ports on
# 127.0.0.1 and ::1 draw ICMP and ICMPv6 port unreachables, and pings draw
# echo replies; a libpcap helper decodes them with protocols/ and the quoted
# addresses and ports must be the probe's. Root only.
. "$(dirname "$0")/../lib/testlib.sh"

if ! is_root; then
	skip "decoders on kernel packets" "needs root to create a network namespace"
	exit 0
fi
for tool in ip python3 ping cc; do
	command -v $tool >/dev/null || { skip "decoders on kernel packets" "needs $tool"; exit 0; }
done

ns=pl-inetdec-$$
out=$PL_OUT/inet_decode
mkdir -p "$out"
helper=$out/icmp_quote_live
cleanup() {
	[ -n "${hpid:-}" ] && kill "$hpid" 2>/dev/null
	wait 2>/dev/null
	ip netns del "$ns" 2>/dev/null
}
trap cleanup EXIT
# same NAME GOT WANT: passes if the two strings are equal.
same() {
	if [ "$2" = "$3" ]; then pass "$1"; else fail "$1" "got '$2', want '$3'"; fi
}

if ! cc -std=c11 -D_DEFAULT_SOURCE -Wall -Wextra -Werror -o "$helper" \
    tests/net/helpers/icmp_quote_live.c protocols/icmp.c protocols/icmpv6.c \
    protocols/ip_quote.c protocols/ipv4.c protocols/ipv6.c \
    protocols/tcp.c protocols/inet_csum.c protocols/reader.c protocols/decode.c -lpcap \
    2>"$out/build.log"; then
	fail "decode helper builds" "$(head -3 "$out/build.log")"
	exit 0
fi
ip netns add "$ns" || { fail "create namespace $ns"; exit 0; }
ip -n "$ns" link set lo up
# Unreachables are rate-limited per host: lift the limit in our namespace.
ip netns exec "$ns" sysctl -qw net.ipv4.icmp_ratelimit=0 net.ipv6.icmp.ratelimit=0

# Six ICMP packets (two unreachables, two echo requests, two replies)
# and a TCP SYN, SYN-ACK and ACK to a listener of our own.
ip netns exec "$ns" "$helper" lo -1 10 "$out/dump.pcap" >"$out/decoded" 2>"$out/helper.err" &
hpid=$!
retry 5 grep -q ready "$out/decoded"
ip netns exec "$ns" python3 - <<'PY'
import socket
for fam, addr, sport, dport in ((socket.AF_INET, "127.0.0.1", 40001, 33434),
                                (socket.AF_INET6, "::1", 40002, 33435)):
    s = socket.socket(fam, socket.SOCK_DGRAM)
    s.bind((addr, sport))
    s.sendto(b"probe", (addr, dport))
    s.close()
PY
ip netns exec "$ns" python3 - <<'PY'
import socket
srv = socket.socket(); srv.bind(("127.0.0.1", 5050)); srv.listen()
c = socket.create_connection(("127.0.0.1", 5050)); a, _ = srv.accept()
a.close(); c.close(); srv.close()
PY
ip netns exec "$ns" ping -c 1 -W 1 127.0.0.1 >/dev/null
ip netns exec "$ns" ping -6 -c 1 -W 1 ::1 >/dev/null
sleep 0.5	# the last packets reach the helper
kill -USR1 "$hpid"
wait "$hpid"
hpid=
cat "$out/decoded" >>"$out/log"

line4=$(grep '^icmp .*type=3 code=3' "$out/decoded" | head -1)
same "ICMP port unreachable decoded, checksums verify" \
	"$(echo "$line4" | grep -c 'ipcsum=1 csum=1')" 1
same "ICMP quote: addresses, protocol and ports of the UDP probe" \
	"$(echo "$line4" | grep -o 'quote=.*')" \
	"quote=4 qsrc=127.0.0.1 qdst=127.0.0.1 qproto=17 qsport=40001 qdport=33434"
line6=$(grep '^icmp6 .*type=1 code=4' "$out/decoded" | head -1)
same "ICMPv6 port unreachable decoded, checksum verifies" \
	"$(echo "$line6" | grep -c 'csum=1')" 1
same "ICMPv6 quote: addresses, protocol and ports of the UDP probe" \
	"$(echo "$line6" | grep -o 'quote=.*')" \
	"quote=6 qsrc=::1 qdst=::1 qproto=17 qsport=40002 qdport=33435"
same "ICMP echo request and reply decoded" \
	"$(grep -cE '^icmp ipcsum=1 csum=1 type=(8|0) code=0 id=[0-9]+ seq=1$' "$out/decoded")" 2
same "ICMPv6 echo request and reply decoded" \
	"$(grep -cE '^icmp6 csum=1 type=(128|129) code=0 id=[0-9]+ seq=1$' "$out/decoded")" 2

# The handshake as tcpdump reads it from the same packets: flags, sequence
# numbers, window and options must agree field by field.
if command -v tcpdump >/dev/null; then
	tcpdump -nn -r "$out/dump.pcap" tcp 2>/dev/null | head -3 >"$out/tcpdump.txt"
	python3 - "$out/tcpdump.txt" >"$out/tcpdump.fields" <<'PY'
import re, sys
for line in open(sys.argv[1]):
    m = re.search(r"\.(\d+) > [\d.]+\.(\d+): Flags \[([^\]]+)\], seq (\d+)", line)
    if not m:
        m2 = re.search(r"\.(\d+) > [\d.]+\.(\d+): Flags \[([^\]]+)\], ack (\d+)", line)
        ack = int(m2.group(4)); seq = None; m = m2
    else:
        seq = int(m.group(4)); a = re.search(r", ack (\d+)", line); ack = int(a.group(1)) if a else 0
    win = re.search(r"win (\d+)", line).group(1)
    opts = []
    mss = re.search(r"mss (\d+)", line); opts += ["mss=" + mss.group(1)] if mss else []
    if "sackOK" in line: opts.append("sackOK")
    ts = re.search(r"TS val (\d+) ecr (\d+)", line); opts += ["TS=%s,%s" % ts.groups()] if ts else []
    ws = re.search(r"wscale (\d+)", line); opts += ["wscale=" + ws.group(1)] if ws else []
    print(m.group(1), m.group(2), m.group(3), seq, ack, win, " ".join(opts))
PY
	grep '^tcp ' "$out/decoded" | head -3 | python3 -c '
import re, sys
rows = [l.split() for l in sys.stdin]
for r in rows:
    f = dict(x.split("=", 1) for x in r[5:] if x.startswith(("seq=", "ack=", "win=")))
    opts = [x for x in r[5:] if not x.startswith(("seq=", "ack=", "win="))]
    print(r[1], r[3], r[4].strip("[]"), f["seq"], f["ack"], f["win"], " ".join(opts))
' >"$out/ours.fields"
	# tcpdump prints the bare ACK with relative numbers: compare the SYN and SYN-ACK.
	same "TCP handshake: ports, flags, seq, ack, window, options as tcpdump -nn" \
		"$(head -2 "$out/ours.fields")" "$(head -2 "$out/tcpdump.fields")"
else
	skip "TCP handshake against tcpdump" "tcpdump is not installed"
fi
