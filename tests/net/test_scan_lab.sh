# test_scan_lab.sh: the SYN and connect scans from alice, behind nat-a,
# to far, three routers away, in the NAT lab: the NAT translates our raw
# SYNs and the answers back like any connection's. Listeners on far that
# this test starts; every port's state asserted, and compared with
# nmap -sS run in the same test. Root only.
. "$(dirname "$0")/../lib/testlib.sh"
. "$(dirname "$0")/../lib/scanlib.sh"

if ! is_root; then
	skip "scans through the lab" "needs root for network namespaces: sudo make check"
	exit 0
fi
. "$(dirname "$0")/../lib/lablock.sh"
lab_lock_or_reexec bash "$0" "$@"
lab() { "$PL_BIN" lab "$@" 2>>"$PL_OUT/lab-stderr.log"; }
trap 'lab down >/dev/null 2>&1' EXIT
FAR=203.0.113.10
lab down >/dev/null
lab up >/dev/null || { fail "scan lab: lab up"; exit 0; }
for p in 8081 8085; do
	ip netns exec pl-far socat TCP4-LISTEN:$p,reuseaddr,fork SYSTEM:'sleep 1' \
	    >/dev/null 2>&1 &
done
retry 5 ip netns exec pl-alice socat -u OPEN:/dev/null TCP4:$FAR:8085 ||
	{ fail "scan lab: listeners on far"; exit 0; }

for kind in syn connect; do
	out=$PL_OUT/scan-lab-$kind.json
	ip netns exec pl-alice "$PL_BIN" scan $FAR -p 8080-8089 --$kind --closed \
	    --json >"$out"
	check "scan lab --$kind: 8081 and 8085 open on far" \
	    test "$(port_states "$out" open syn-ack)" = "8081 8085"
	check "scan lab --$kind: the other 8 closed (reset through the NAT)" \
	    test "$(port_states "$out" closed reset | wc -w)" = 8
done
if command -v nmap >/dev/null; then
	nmap_out=$(ip netns exec pl-alice nmap -n -sS -Pn -p 8080-8089 -oG - $FAR)
	check "scan lab: the same open set as nmap -sS" \
	    test "$(nmap_ports "$nmap_out" open)" = "8081 8085"
fi
