# test_chat_scan_rebind.sh: issue 4, tests 7 and 8, in the lab. host:scan
# from behind a NAT finds a member on a random port of a bounded range,
# paced (counted by nft at the target); and NAT rebinding mid-chat: nat-a
# gets a new mapping, the member believes alice's new endpoint only once a
# datagram under her pair key arrives from it, and the chat goes on.
. "$(dirname "$0")/../lib/testlib.sh"
. "$(dirname "$0")/../lib/chatlib.sh"

if ! is_root; then
	skip "host:scan and NAT rebinding in the lab" "needs root: sudo make check"
	exit 0
fi
. "$(dirname "$0")/../lib/lablock.sh"
lab_lock_or_reexec bash "$0" "$@"
lab() { "$PL_BIN" lab "$@" 2>>"$PL_OUT/lab-stderr.log"; }
cleanup() { peers_stop_all; lab down >/dev/null 2>&1; }
trap cleanup EXIT
lab down >/dev/null
lab up >/dev/null || { fail "scan/rebind lab" "lab up failed"; exit 0; }
room() { echo --room lab-room-2 --identity "$PL_OUT/lab-ids/$1"; }

# 7. host:scan. The member listens on a random port of 20000-21999; alice
# scans that range at 1000 probes/s from behind nat-a. nft at the
# rendezvous counts the SCAN datagrams (type 10 at byte 3) that arrive.
port=$((20000 + RANDOM % 2000))
lab exec rendezvous nft -f - <<-'NFT'
table inet pl_watch {
  chain input {
    type filter hook input priority 0;
    udp dport 20000-21999 @th,88,8 10 counter comment "scan probes"
  }
}
NFT
probes() {
	lab exec rendezvous nft list table inet pl_watch |
	    grep -oE 'packets [0-9]+' | grep -oE '[0-9]+'
}
# shellcheck disable=SC2046
peer_start rdv rendezvous $(room rdv) --port "$port"
t0=$(date +%s.%N)
# shellcheck disable=SC2046
peer_start alice alice $(room alice) --scan-range 20000-21999 --scan-rate 1000 198.51.100.10:scan
check "scan: alice finds the member's port through her NAT" \
    peer_wait alice "\"event\":\"scan_found\",\"engine\":\"mesh\",\"endpoint\":\"198\\.51\\.100\\.10:$port\"" 10
t1=$(date +%s.%N)
check "scan: then joins through it" peer_wait alice '"name":"rdv","state":"direct"'
check "scan: progress shown while it runs" \
    test $((port - 20000)) -lt 1000 -o "$(peer_count alice '"event":"scan_progress"')" -ge 1
sleep 1	# probes in flight would still count
n=$(probes)
want=$((port - 20000 + 1))
check "scan: stopped at the first answer ($n probes arrived, $want ports up to the member's)" \
    test "${n:-0}" -ge "$want" -a "${n:-0}" -le $((want + 30))
check "scan: paced at <= 1000/s ($n probes in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }') s)" \
    awk -v n="${n:-0}" -v a="$t0" -v b="$t1" 'BEGIN { exit !(n <= (b - a) * 1000 * 1.05 + 20) }'

# 8. NAT rebinding mid-chat, between alice (behind nat-a) and the member.
peer_say alice "before rebinding"
check "rebind: chat flows first" peer_wait rdv '"from":"alice","text":"before rebinding"'
old=$(grep -oE '"name":"alice","state":"direct","endpoint":"[^"]+"' "$PL_OUT/rdv.out" | tail -1 | grep -oE '[0-9.]+:[0-9]+')
# A forged datagram with alice's id from another endpoint: no pair key,
# so it is counted against alice and moves nothing.
id=$(grep -oE '"event":"ready".*"id":"[0-9a-f]+"' "$PL_OUT/alice.out" | grep -oE '[0-9a-f]{16}')
forged="PL\\x01\\x05\\x01\\x00\\x00\\x30$(sed 's/../\\x&/g' <<<"$id")\\x7f\\x00\\x00\\x01$(printf 'A%.0s' $(seq 1 48))"
printf "$forged" >"$PL_OUT/forged"
lab exec rendezvous socat -u "FILE:$PL_OUT/forged" "UDP-SENDTO:198.51.100.10:$port,sourceport=33333"
check "rebind: a forged datagram in alice's name is counted against her" \
    peer_wait rdv '"rejected".*"reason":"authentication failed[^"]*","from":"198\.51\.100\.10:33333".*"peer":"alice"'
check "rebind: and does not move her path" \
    test "$(peer_count rdv '"endpoint changed')" = 0
# New mapping at nat-a: masquerade into another port range, conntrack
# flushed, so alice's next datagram leaves from a new port.
new_mapping() {
	lab exec nat-a nft flush chain inet pl_nat postrouting &&
	lab exec nat-a nft add rule inet pl_nat postrouting oifname wan0 \
	    meta nfproto ipv4 meta l4proto udp masquerade to :40000-40999 &&
	lab exec nat-a conntrack -F 2>/dev/null
}
check "rebind: nat-a gets a new mapping (ports 40000-40999), conntrack flushed" new_mapping
peer_say alice "after rebinding"
check "rebind: the member takes alice's new endpoint" \
    peer_wait rdv '"name":"alice","state":"direct","endpoint":"198\.51\.100\.2:40[0-9]{3}".*"reason":"endpoint changed \(NAT rebinding\)"'
check "rebind: her message arrives" peer_wait rdv '"from":"alice","text":"after rebinding"'
peer_say rdv "still hear you"
check "rebind: the answer reaches alice at her new endpoint" \
    peer_wait alice '"from":"rdv","text":"still hear you"'
check "rebind: alice sees it delivered" peer_wait alice '"event":"delivered".*"to":"rdv"'
check "rebind: no message failed" test "$(peer_count alice '"event":"failed"')$(peer_count rdv '"event":"failed"')" = 00
echo "rebind: $old -> $(grep -oE '"endpoint":"198\.51\.100\.2:40[0-9]+' "$PL_OUT/rdv.out" | tail -1)" >>"$PL_OUT/rebind.log"
