# test_trace.sh: punchline trace from alice to far through the lab (nat-a,
# r1, r2: three routers), with UDP, ICMP and TCP probes, against
# traceroute -n and mtr -n -r run in the same test; loss on one link shown
# at that hop; an unreachable destination reported. All traffic stays in
# the lab's namespaces. Root only.
. "$(dirname "$0")/../lib/testlib.sh"

if ! is_root; then
	skip "trace through the lab" "needs root for network namespaces: sudo make check"
	exit 0
fi
. "$(dirname "$0")/../lib/lablock.sh"
lab_lock_or_reexec bash "$0" "$@"
lab() { "$PL_BIN" lab "$@" 2>>"$PL_OUT/lab-stderr.log"; }
trap 'lab down >/dev/null 2>&1' EXIT
FAR=203.0.113.10
want="192.168.10.1 198.51.100.1 192.0.2.2 $FAR"

# Routers answer at most about one ICMP error a second per destination
# (net.ipv4.icmp_ratelimit); the tools here run back to back, so the lab's
# nodes answer every probe: what is tested is the path, not the limit.
up() {
	lab down >/dev/null
	lab up "$@" >/dev/null || return 1
	local n
	for n in nat-a r1 r2 far; do
		lab exec "$n" sysctl -qw net.ipv4.icmp_ratelimit=0 || return 1
	done
}
# hops FILE: the "addr" of each hop object, in order, on one line.
hops() { grep '"event":"hop"' "$1" | grep -oE '"addr":"[^"]*"' | cut -d'"' -f4 | tr '\n' ' ' | sed 's/ $//'; }
trace() { lab exec alice "$PL_BIN" trace -n "$@"; }

up || { fail "trace: lab up"; exit 0; }
for m in udp icmp tcp; do
	out=$PL_OUT/trace-$m.json
	trace $FAR --$m --cycles 3 --interval 0.1 --json >"$out"
	check "trace --$m: the hops alice -> far are nat-a, r1, r2, far" \
	    test "$(hops "$out")" = "$want"
	check "trace --$m: far reached at TTL 4, nothing lost" \
	    grep -q '"event":"done".*"reached":true,"hops":4' "$out"
	check "trace --$m: every hop 3 of 3, 0% loss" \
	    test "$(grep -c '"loss":0,"sent":3,"received":3' "$out")" = 4
done
if command -v traceroute >/dev/null; then
	tr_hops=$(lab exec alice traceroute -n -q 1 $FAR | awk 'NR > 1 { print $2 }' | tr '\n' ' ' | sed 's/ $//')
	check "trace: the same hops as traceroute -n ($tr_hops)" test "$tr_hops" = "$want"
else
	skip "trace: compared with traceroute -n" "traceroute is not installed: make deps"
fi
if command -v mtr >/dev/null; then
	mtr_hops=$(lab exec alice mtr -n -r -c 2 $FAR | awk '/\|--/ { print $2 }' | tr '\n' ' ' | sed 's/ $//')
	check "trace: the same hops as mtr -n -r ($mtr_hops)" test "$mtr_hops" = "$want"
else
	skip "trace: compared with mtr -n -r" "mtr is not installed: make deps"
fi

# Without CAP_NET_RAW: UDP works, ICMP says what it needs and exits 2.
nobody() { ip netns exec pl-alice setpriv --reuid=65534 --regid=65534 \
    --clear-groups --inh-caps=-all --bounding-set=-all "$PL_BIN" trace -n "$@"; }
nobody $FAR --cycles 1 --json >"$PL_OUT/trace-nobody.json"
check "trace as a user without privileges: the UDP method reaches far" \
    grep -q '"reached":true,"hops":4' "$PL_OUT/trace-nobody.json"
msg=$(nobody $FAR --icmp 2>&1)
check "trace --icmp without CAP_NET_RAW: exit 2" test $? = 2
check "trace --icmp without CAP_NET_RAW: names it and the UDP method" \
    grep -q 'needs CAP_NET_RAW.*--udp' <<<"$msg"

# The text report reads like mtr -r.
trace $FAR --cycles 2 --interval 0.1 >"$PL_OUT/trace.txt"
check "trace: the text report has mtr's columns" \
    grep -q 'Loss%   Snt   Last   Avg  Best  Wrst StDev' "$PL_OUT/trace.txt"
check "trace: and one line per hop, far last" \
    test "$(grep -c '|-- ' "$PL_OUT/trace.txt")-$(grep '|-- ' "$PL_OUT/trace.txt" | tail -1 | awk '{ print $2 }')" = "4-$FAR"

# An address nobody has on far's LAN: r2 says host unreachable after ARP
# gives up, or nothing answers; either way the trace ends, not reached.
out=$PL_OUT/trace-unreach.json
trace 203.0.113.99 --cycles 2 --interval 0.1 --max-ttl 8 --json >"$out"
check "trace: an unreachable destination ends, reached false" \
    grep -q '"event":"done".*"reached":false' "$out"
check "trace: the routers before it are still shown" \
    test "$(hops "$out" | cut -d' ' -f1-3)" = "192.168.10.1 198.51.100.1 192.0.2.2"

# Loss on r2's uplink (both ways, 30%): r2 and far lose probes, nat-a and
# r1 none.
up --loss r2=30 || { fail "trace: lab up with loss"; exit 0; }
out=$PL_OUT/trace-loss.json
trace $FAR --icmp --cycles 40 --interval 0.05 --json >"$out"
loss_of() { grep "\"ttl\":$1," "$out" | grep -oE '"loss":[0-9.]+' | cut -d: -f2; }
check "trace with loss on r2: hops 1 and 2 lose nothing" \
    test "$(loss_of 1)" = 0 -a "$(loss_of 2)" = 0
check "trace with loss on r2: far loses probes ($(loss_of 4)%)" \
    awk -v l="$(loss_of 4)" 'BEGIN { exit !(l > 10) }'
