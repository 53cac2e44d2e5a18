# test_lab.sh: the NAT lab, with real namespaces, veths and nftables.
# All traffic stays inside the pl- namespaces this test makes and removes.
. "$(dirname "$0")/../lib/testlib.sh"

if ! is_root; then
	skip "NAT lab tests" "need root for network namespaces: sudo make check"
	exit 0
fi
. "$(dirname "$0")/../lib/lablock.sh"
lab_lock_or_reexec bash "$0" "$@"
for tool in ip nft socat ping; do
	if ! command -v $tool >/dev/null; then
		skip "NAT lab tests" "$tool is not installed: make deps"
		exit 0
	fi
done

# The lab's warnings (e.g. no netem here) go to a log, not the test output.
lab() { "$PL_BIN" lab "$@" 2>>"$PL_OUT/lab-stderr.log"; }
trap 'lab down >/dev/null 2>&1' EXIT
lab down >/dev/null 2>&1

# udp_source FROM TO_NODE TO_ADDR SRCPORT: the "addr port" TO_NODE sees.
udp_source() {
	local out="$PL_OUT/udp-$$-$RANDOM"
	lab exec "$2" timeout 3 socat -u UDP-RECVFROM:4000 \
	    SYSTEM:'echo $SOCAT_PEERADDR $SOCAT_PEERPORT' >"$out" &
	local listener=$!
	sleep 0.3
	lab exec "$1" sh -c "echo probe | socat -u - UDP-SENDTO:$3:4000,sourceport=$4"
	wait $listener
	cat "$out"
	rm -f "$out"
}

nft_counter() {	# NODE COMMENT: the packets counted by that rule
	lab exec "$1" nft list table inet pl_nat |
	    grep -F "comment \"$2\"" | grep -oE 'packets [0-9]+' | grep -oE '[0-9]+'
}

check "lab up" lab up
json=$(lab up --json)
check "lab up again is idempotent" grep -q '"already":true' <<<"$json"
status=$(lab status --json)
check "status lists nine present nodes" \
    test "$(grep -c '"event":"node".*"present":true' <<<"$status")" = 9
check "status says up with two cone NATs" \
    grep -q '"up":true.*"nat_a":"cone","nat_b":"cone"' <<<"$status"
check "every status line has ts and event" \
    test "$(grep -c '^{"ts":[0-9.]*,"event":"' <<<"$status")" = "$(wc -l <<<"$status")"
check "addr prints alice's address" test "$(lab addr alice)" = 192.168.10.2
lab addr mars >/dev/null 2>&1; code=$?
check "addr of an unknown node exits 2" test "$code" = 2
check "exec keeps the current directory" test "$(lab exec alice pwd)" = "$PWD"
check "nothing of the lab in the host's namespace" \
    sh -c "! ip -o link | grep -qE ': (pl-|p-)'"

check "alice reaches far" lab exec alice ping -c 1 -W 2 203.0.113.10
hop() { lab exec alice ping -n -c 1 -W 2 -t "$1" 203.0.113.10 | grep -oE 'From [0-9.]+' | cut -d' ' -f2; }
check "hop 1 from alice is nat-a" test "$(hop 1)" = 192.168.10.1
check "hop 2 is r1" test "$(hop 2)" = 198.51.100.1
check "hop 3 is r2: at least three routers to far" test "$(hop 3)" = 192.0.2.2
check "IPv6 on the public segment reaches far" \
    lab exec rendezvous ping -6 -c 1 -W 2 2001:db8:113::10

seen_r=$(udp_source alice rendezvous 198.51.100.10 5555)
seen_f=$(udp_source alice far 203.0.113.10 5555)
check "alice reaches rendezvous with a translated source" \
    test "${seen_r% *}" = 198.51.100.2
check "a cone NAT keeps one public port for two destinations" \
    test -n "${seen_r#* }" -a "${seen_r#* }" = "${seen_f#* }"

before=$(nft_counter nat-a "unsolicited to router")
lab exec rendezvous sh -c 'echo knock | socat -u - UDP-SENDTO:198.51.100.2:7777'
after=$(nft_counter nat-a "unsolicited to router")
check "unsolicited inbound to a NAT router is dropped" test "$after" -gt "$before"
lab exec rendezvous ip route add 192.168.10.0/24 via 198.51.100.2
before=$(nft_counter nat-a "unsolicited from wan")
lab exec rendezvous ping -c 1 -W 1 192.168.10.2 >/dev/null
code=$?
after=$(nft_counter nat-a "unsolicited from wan")
check "unsolicited inbound to the LAN behind it is dropped" \
    test "$code" -ne 0 -a "$after" -gt "$before"

lab up --nat-a symmetric >/dev/null
check "status reports the symmetric NAT" \
    sh -c "$PL_BIN lab status --json | grep -q '\"nat_a\":\"symmetric\"'"
seen_r=$(udp_source alice rendezvous 198.51.100.10 5556)
seen_f=$(udp_source alice far 203.0.113.10 5556)
check "a symmetric NAT picks a new port per destination" \
    test -n "${seen_r#* }" -a "${seen_r#* }" != "${seen_f#* }"

lab up --loss alice=30 >/dev/null
got=$(lab exec alice ping -n -q -c 100 -i 0.01 -W 1 203.0.113.10 | grep -oE '[0-9]+ received' | cut -d' ' -f1)
# 30% each way: about 49 of 100 come back; 25-80 is far outside chance.
check "--loss alice=30 drops about half the round trips ($got of 100 back)" \
    test "${got:-0}" -ge 25 -a "${got:-100}" -le 80
lab up >/dev/null
got=$(lab exec alice ping -n -q -c 20 -i 0.01 -W 1 203.0.113.10 | grep -oE '[0-9]+ received' | cut -d' ' -f1)
check "lab up without --loss removes the loss" test "${got:-0}" = 20

(lab exec far sleep 300 >/dev/null 2>&1 &)
retry 3 pgrep -f "sleep 300"
down=$(lab down --json)
check "lab down stops what ran in the lab" grep -q '"killed":[1-9]' <<<"$down"
check "lab down removes every namespace" sh -c "! ip netns list | grep -q '^pl-'"
check "status after down says down" \
    sh -c "$PL_BIN lab status --json | grep -q '\"up\":false'"
