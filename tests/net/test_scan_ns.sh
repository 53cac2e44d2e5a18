# test_scan_ns.sh: scans across a veth pair between two namespaces this
# test makes (pl-scantest-PID-s, the scanner, and -t, the target), with an
# nftables table on the target that drops some ports and rejects others
# with ICMP admin-prohibited. Every port's state and reason is asserted
# for the connect, SYN and UDP scans, and compared with nmap -sT, -sS and
# -sU run in the same test; then the SYN scan without CAP_NET_RAW. Root.
. "$(dirname "$0")/../lib/testlib.sh"
. "$(dirname "$0")/../lib/scanlib.sh"

if ! is_root; then
	skip "scans in namespaces" "needs root to create namespaces: sudo make check"
	exit 0
fi
for tool in socat nft ip python3; do
	command -v $tool >/dev/null || { skip "scans in namespaces" "needs $tool (make deps)"; exit 0; }
done
scanlib_up || { fail "scan namespaces: set up" "$scanlib_err"; exit 0; }
trap scanlib_down EXIT

# Target: TCP 2001-2003 open (2001 greets like sshd), 2010-2014 dropped,
# 2015-2019 rejected with ICMP; UDP 3001 answers, 3002 listens silently,
# 3010 dropped, 3011 rejected. The rest of 2000-2029 / 3000-3015 closed.
scanlib_tcp_listener 2001 'SSH-2.0-OpenSSH_9.2p1 Debian-2'
scanlib_tcp_listener 2002
scanlib_tcp_listener 2003
scanlib_target socat -T2 UDP4-RECVFROM:3001,fork EXEC:'echo pong'
scanlib_target socat -u UDP4-RECV:3002 /dev/null
scanlib_nft 'tcp dport 2010-2014 drop
	tcp dport 2015-2019 reject with icmp type admin-prohibited
	udp dport 3010 drop
	udp dport 3011 reject with icmp type admin-prohibited' ||
	{ fail "scan namespaces: nft rules"; exit 0; }
retry 5 scanlib_reachable 2001 2002 2003 || { fail "scan namespaces: listeners up"; exit 0; }

out=$PL_OUT/scan-ns-connect.json
scanlib_scanner "$PL_BIN" scan "$SCANLIB_TARGET" -p 2000-2029 --closed --json >"$out"
check "scan ns connect: a done line" grep -q '"event":"done".*"ports":30' "$out"
check "scan ns connect: 2001-2003 open, syn-ack" \
    test "$(port_states "$out" open syn-ack)" = "2001 2002 2003"
check "scan ns connect: 2010-2014 dropped = filtered, timeout" \
    test "$(port_states "$out" filtered timeout)" = "2010 2011 2012 2013 2014"
check "scan ns connect: 2015-2019 rejected = filtered, icmp-unreachable" \
    test "$(port_states "$out" filtered icmp-unreachable)" = "2015 2016 2017 2018 2019"
check "scan ns connect: the other 17 closed, reset" \
    test "$(port_states "$out" closed reset | wc -w)" = 17
check "scan ns connect: done counts 3 open, 17 closed, 10 filtered" \
    grep -q '"open":3,"closed":17,"filtered":10' "$out"

if command -v nmap >/dev/null; then
	nmap_out=$(scanlib_scanner nmap -n -sT -Pn -p 2000-2029 -oG - "$SCANLIB_TARGET")
	check "scan ns connect: open set as nmap -sT" \
	    test "$(nmap_ports "$nmap_out" open)" = "2001 2002 2003"
	check "scan ns connect: filtered set as nmap -sT" \
	    test "$(nmap_ports "$nmap_out" filtered)" = "$(port_states "$out" filtered)"
else
	skip "scan ns connect: compared with nmap -sT" "nmap is not installed: make deps"
fi

out=$PL_OUT/scan-ns-syn.json
scanlib_scanner "$PL_BIN" scan "$SCANLIB_TARGET" -p 2000-2029 --syn --closed --json >"$out"
check "scan ns syn: a done line" grep -q '"event":"done".*"ports":30.*"type":"syn"' "$out"
check "scan ns syn: 2001-2003 open, syn-ack" \
    test "$(port_states "$out" open syn-ack)" = "2001 2002 2003"
check "scan ns syn: 2010-2014 dropped = filtered, timeout" \
    test "$(port_states "$out" filtered timeout)" = "2010 2011 2012 2013 2014"
check "scan ns syn: 2015-2019 rejected = filtered, icmp-unreachable (the quote matched)" \
    test "$(port_states "$out" filtered icmp-unreachable)" = "2015 2016 2017 2018 2019"
check "scan ns syn: the other 17 closed, reset" \
    test "$(port_states "$out" closed reset | wc -w)" = 17
if command -v nmap >/dev/null; then
	nmap_out=$(scanlib_scanner nmap -n -sS -Pn -p 2000-2029 -oG - "$SCANLIB_TARGET")
	check "scan ns syn: open set as nmap -sS" \
	    test "$(nmap_ports "$nmap_out" open)" = "2001 2002 2003"
	check "scan ns syn: filtered set as nmap -sS" \
	    test "$(nmap_ports "$nmap_out" filtered)" = "$(port_states "$out" filtered)"
fi
# Without CAP_NET_RAW: a clear message naming the capability and the
# connect scan, exit 2; the connect scan then works as that user.
msg=$(setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
    --bounding-set=-all "$PL_BIN" scan 127.0.0.1 -p 1 --syn 2>&1)
check "scan --syn without CAP_NET_RAW: exit 2" test $? = 2
check "scan --syn without CAP_NET_RAW: says what is missing and what works" \
    grep -q 'needs CAP_NET_RAW.*--connect' <<<"$msg"
check "scan without CAP_NET_RAW: the connect scan works" \
    setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
    --bounding-set=-all "$PL_BIN" scan 127.0.0.1 -p 1

out=$PL_OUT/scan-ns-udp.json
scanlib_scanner "$PL_BIN" scan "$SCANLIB_TARGET" -p 3000-3015 --udp --closed --json >"$out"
check "scan ns udp: a done line" grep -q '"event":"done".*"ports":16.*"type":"udp"' "$out"
check "scan ns udp: 3001 open with what it answered" \
    grep -q '"port":3001,"proto":"udp","state":"open","reason":"udp-response","banner":"pong"' "$out"
check "scan ns udp: 3002 (silent) and 3010 (dropped) open|filtered" \
    test "$(port_states "$out" 'open|filtered' no-response)" = "3002 3010"
check "scan ns udp: 3011 rejected = filtered, icmp-unreachable" \
    test "$(port_states "$out" filtered icmp-unreachable)" = "3011"
check "scan ns udp: 12 closed, port-unreach" \
    test "$(port_states "$out" closed port-unreach | wc -w)" = 12
if command -v nmap >/dev/null; then
	nmap_out=$(scanlib_scanner nmap -n -sU -Pn -p 3000-3015 -oG - "$SCANLIB_TARGET")
	check "scan ns udp: open|filtered set as nmap -sU" \
	    test "$(nmap_ports "$nmap_out" 'open|filtered')" = "3002 3010"
	check "scan ns udp: filtered set as nmap -sU" \
	    test "$(nmap_ports "$nmap_out" filtered)" = "3011"
fi
