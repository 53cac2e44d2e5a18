# test_sockets.sh: `punchline sockets` and `punchline routes` against ss and
# ip, in a network namespace of its own (pl-socktest-PID). Traffic stays on
# that namespace's loopback. Root only.
. "$(dirname "$0")/../lib/testlib.sh"

if ! is_root; then
	skip "sockets in a namespace" "needs root to create a network namespace: sudo make check"
	exit 0
fi
for tool in socat ss ip ping python3; do
	command -v $tool >/dev/null || { skip "sockets in a namespace" "needs $tool (make deps)"; exit 0; }
done

ns=pl-socktest-$$
out=$PL_OUT/sockets
mkdir -p "$out"
pids=()
cleanup() {
	local p
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
	wait 2>/dev/null
	# What socat forked (EXEC:sleep) lives on in the namespace: end it too.
	for p in $(ip netns pids "$ns" 2>/dev/null); do kill "$p" 2>/dev/null; done
	ip netns del "$ns" 2>/dev/null
	rm -f /tmp/pl-socktest-$$.sock
}
trap cleanup EXIT
ip netns add "$ns" || { fail "create namespace $ns"; exit 0; }
ip -n "$ns" link set lo up
nsx() { ip netns exec "$ns" "$@"; }
# A simple command in the background, so $! is the process itself.
bg() { ip netns exec "$ns" "$@" 2>/dev/null & pids+=($!); }

# Listeners and connections of each kind, on the namespace's loopback.
bg socat TCP4-LISTEN:5000,reuseaddr,fork EXEC:'sleep 600'
bg socat TCP6-LISTEN:5001,reuseaddr,ipv6only=1,fork EXEC:'sleep 600'
bg socat TCP6-LISTEN:5002,reuseaddr,fork EXEC:'sleep 600'
bg socat -u UDP4-RECV:6000 /dev/null
bg socat -u UDP6-RECV:6001 /dev/null
bg socat UNIX-LISTEN:/tmp/pl-socktest-$$.sock,fork EXEC:'sleep 600'
bg socat ABSTRACT-LISTEN:pl-socktest-$$,fork EXEC:'sleep 600'
sleep 0.5
bg socat EXEC:'sleep 600' TCP4:127.0.0.1:5000
bg socat EXEC:'sleep 600' TCP6:[::1]:5001
bg socat EXEC:'sleep 600' UDP4:127.0.0.1:6000
bg socat EXEC:'sleep 600' UNIX-CONNECT:/tmp/pl-socktest-$$.sock
bg ping -q -i 1 127.0.0.1 >/dev/null
# A big fd table with holes (read by fd number), and a listener on 7000
# held only by fd 901, far past the numbers tried (found by the listing).
bg python3 -c '
import os, socket, time
held = []
for i in range(150):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(1); held.append(s)
for s in held[10:20]: s.close()
x = socket.socket(); x.bind(("127.0.0.1", 7000)); x.listen(1)
os.dup2(x.fileno(), 901); x.close()
time.sleep(600)'
retry 5 sh -c "ip netns exec $ns ss -tan | grep -q 'ESTAB.*:5001'"
retry 10 sh -c "ip netns exec $ns ss -tln | grep -q '127.0.0.1:7000 '"
sleep 0.5

# norm: "proto state local peer pid" lines, sorted, from our JSON.
norm_pl() {
	python3 -c '
import json, sys
for line in sys.stdin:
    o = json.loads(line)
    if o["event"] != "socket": continue
    if o["proto"] == "unix" and o["local"] == "*" and o["peer"] in ("", "*"): continue
    print(o["proto"], o["state"], o["local"], o["peer"] or "-", o["pid"], o["inode"])' | sort
}
# The same from ss -tuanpwx, whose users:() may list several pids.
norm_ss() {
	python3 -c '
import re, sys
names = {"tcp": "tcp", "udp": "udp", "raw": "raw", "u_str": "unix", "u_dgr": "unix", "u_seq": "unix"}
for line in sys.stdin:
    f = line.split()
    if not f or f[0] not in names: continue
    proto = names[f[0]]
    pids = re.findall(r"pid=(\d+)", line) or ["0"]
    if proto == "unix":
        local, peer, ino = f[4], f[6], f[5]
        if local == "*" and peer == "*": continue
        peer = "-" if f[7] == "0" else peer
    else:
        local, peer, ino = f[4], f[5], "?"
        if peer.endswith(":*") and peer.rsplit(":", 1)[0] in ("0.0.0.0", "*", "[::]"): peer = "-"
    print(proto, f[1], local, peer, ",".join(pids), ino)' | sort
}
# match: every ss line has our line with the same tuple, state and a pid
# ss lists.
compare() {
	python3 - "$1" "$2" <<'PY'
import sys
ours = [l.split() for l in open(sys.argv[1])]
theirs = [l.split() for l in open(sys.argv[2])]
bad = 0
for t in theirs:
    hit = [o for o in ours if o[:4] == t[:4] and (t[5] == "?" or o[5] == t[5])]
    if not hit:
        print("missing:", " ".join(t)); bad += 1; continue
    if not any(o[4] in t[4].split(",") for o in hit):
        print("pid differs:", " ".join(t), "ours", hit[0][4]); bad += 1
if len(ours) != len(theirs):
    print("count: ours", len(ours), "ss", len(theirs)); bad += 1
sys.exit(1 if bad else 0)
PY
}

nsx "$PL_BIN" sockets --json --once >"$out/once.json" 2>"$out/once.err"
nsx ss -tuanpwx >"$out/ss.txt"
norm_pl <"$out/once.json" >"$out/ours.txt"
norm_ss <"$out/ss.txt" >"$out/theirs.txt"
if compare "$out/ours.txt" "$out/theirs.txt" >"$out/compare.txt"; then
	pass "sockets --json --once matches ss -tuanpwx ($(wc -l <"$out/theirs.txt") sockets)"
else
	fail "sockets --json --once matches ss -tuanpwx" "$(head -3 "$out/compare.txt" | tr '\n' ';')"
fi
check "every JSON line has ts, event and engine" \
    python3 -c '
import json, sys
for l in open(sys.argv[1]):
    o = json.loads(l)
    assert {"ts", "event", "engine"} <= set(o), o
    if o["event"] == "socket":
        assert {"proto", "local", "peer", "state", "pid", "program", "user", "inode"} <= set(o), o' "$out/once.json"
for kind in "tcp LISTEN 0.0.0.0:5000" "tcp LISTEN \[::\]:5001" "tcp LISTEN \*:5002" \
    "udp UNCONN 0.0.0.0:6000" "tcp ESTAB 127.0.0.1:5000" "udp ESTAB 127.0.0.1:" \
    "raw UNCONN 0.0.0.0:1" "unix LISTEN /tmp/pl-socktest" "unix LISTEN @pl-socktest" \
    "unix ESTAB /tmp/pl-socktest"; do
	check "sees $kind" grep -q "^$kind" "$out/ours.txt"
done
check "the listener held only by fd 901 of a 140-fd process has its owner" \
    grep -q '"local":"127.0.0.1:7000".*"pid":[1-9].*"program":"python3"' "$out/once.json"
check "tcp has tcp_info (rtt, cwnd)" grep -q '"proto":"tcp".*"state":"ESTAB".*"rtt_ms":[0-9.]*,.*"cwnd":[1-9]' "$out/once.json"
check "the /proc fallback sees the same TCP and UDP sockets" sh -c "
	ip netns exec $ns $PL_BIN sockets --json --once --source proc proto:tcp proto:udp 2>/dev/null | grep -c '\"event\":\"socket\"' >$out/proc.n &&
	ip netns exec $ns $PL_BIN sockets --json --once proto:tcp proto:udp | grep -c '\"event\":\"socket\"' >$out/nl.n &&
	cmp -s $out/proc.n $out/nl.n"
check "filter state:listen port:5000 keeps one socket" \
    test "$(nsx "$PL_BIN" sockets --json --once state:listen port:5000 | grep -c '"event":"socket"')" = 1
check "filter prog:socat proto:unix keeps only socat's unix sockets" \
    sh -c "ip netns exec $ns $PL_BIN sockets --json --once prog:socat proto:unix | grep '\"event\":\"socket\"' | grep -v '\"program\":\"socat\"' | grep -q . && exit 1; exit 0"
check "text output is an ss-like table" \
    sh -c "ip netns exec $ns $PL_BIN sockets --once | grep -q '^Netid State.*Local Address:Port.*Peer Address:Port.*Process'"

# Live: a connection opened, then closed, comes as events in order.
ip netns exec "$ns" "$PL_BIN" sockets --json --interval 0.2 port:7000 >"$out/live.json" 2>&1 &
live=$!
pids+=($live)
bg socat TCP4-LISTEN:7000,reuseaddr EXEC:'sleep 600'
sleep 1
nsx bash -c 'exec 3<>/dev/tcp/127.0.0.1/7000; sleep 1; exec 3>&-'
sleep 1.5
kill "$live" 2>/dev/null
wait "$live" 2>/dev/null
check "live: events in order: new ESTAB, then FIN-WAIT or TIME-WAIT or closed" \
    python3 -c '
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
mine = [e for e in ev if e["event"].startswith("socket_") and e["proto"] == "tcp" and e["local"] != "0.0.0.0:7000" and e["peer"] == "127.0.0.1:7000"]
kinds = [(e["event"], e.get("old"), e["state"]) for e in mine]
assert kinds and kinds[0][0] == "socket_new" and kinds[0][2] == "ESTAB", kinds
later = kinds[1]
assert later[0] == "socket_closed" or (later[0] == "socket_state" and later[1] == "ESTAB" and later[2] in ("FIN-WAIT-1", "FIN-WAIT-2", "TIME-WAIT")), kinds
assert any(e["event"] in ("socket", "socket_new") and e["state"] == "LISTEN" for e in ev), "no listener"
' "$out/live.json"
check "live: a state change carries old and new" \
    grep -q '"event":"socket_state".*"old":"ESTAB".*"new":"\(FIN-WAIT-[12]\|TIME-WAIT\)"' "$out/live.json"

# Routes: v4 and v6, a second table, compared with ip -j route.
ip -n "$ns" link add pl-st0 type veth peer name pl-st1
ip -n "$ns" link set pl-st0 up; ip -n "$ns" link set pl-st1 up
ip -n "$ns" addr add 10.77.0.1/24 dev pl-st0
ip -n "$ns" -6 addr add fd77::1/64 dev pl-st0 nodad
ip -n "$ns" route add default via 10.77.0.254
ip -n "$ns" route add 10.88.0.0/16 via 10.77.0.2
ip -n "$ns" route add 10.99.0.0/24 dev pl-st0 table 100
ip -n "$ns" -6 route add fd88::/32 via fd77::2
ip -n "$ns" rule add from 10.77.0.0/24 lookup 100 priority 1000
nsx "$PL_BIN" routes --json >"$out/routes.json"
{ nsx ip -j route show table all; echo; nsx ip -6 -j route show table all; } >"$out/ip-routes.json"
check "routes --json: same routes as ip -j route show table all (dst, gateway, dev, table)" \
    python3 - "$out/routes.json" "$out/ip-routes.json" <<'PY'
import json, sys
ours = set()
for l in open(sys.argv[1]):
    o = json.loads(l)
    if o["event"] == "route":
        ours.add((o["dst"], o["gateway"], o["dev"], o["table"]))
theirs = set()
for chunk in open(sys.argv[2]).read().split("\n"):
    if not chunk.strip(): continue
    for r in json.loads(chunk):
        theirs.add((r["dst"], r.get("gateway", ""), r.get("dev", ""), str(r.get("table", "main"))))
missing, extra = theirs - ours, ours - theirs
if missing or extra:
    print("missing", missing, "extra", extra); sys.exit(1)
PY
check "routes: the default route is marked" \
    grep -q '"dst":"default","gateway":"10.77.0.254".*"default":true' "$out/routes.json"
check "routes: the policy rule to table 100 is listed" \
    grep -q '"event":"rule".*"priority":1000,"from":"10.77.0.0/24".*"table":"100"' "$out/routes.json"
check "routes: pl-st0 is listed with its addresses" \
    grep -q '"event":"link".*"name":"pl-st0".*"addrs":"10.77.0.1/24 fd77::1/64' "$out/routes.json"
