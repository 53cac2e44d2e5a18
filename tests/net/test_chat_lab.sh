# test_chat_lab.sh: the chat mesh through the lab's real NATs (issue 4,
# tests 1, 2, 4 and 5). All traffic stays inside the lab's namespaces.
. "$(dirname "$0")/../lib/testlib.sh"
. "$(dirname "$0")/../lib/chatlib.sh"

if ! is_root; then
	skip "chat through NATs" "needs root for network namespaces: sudo make check"
	exit 0
fi
. "$(dirname "$0")/../lib/lablock.sh"
lab_lock_or_reexec bash "$0" "$@"
lab() { "$PL_BIN" lab "$@" 2>>"$PL_OUT/lab-stderr.log"; }
cleanup() { peers_stop_all; lab down >/dev/null 2>&1; }
trap cleanup EXIT
lab down >/dev/null
lab up >/dev/null || { fail "chat lab" "lab up failed"; exit 0; }

# Counts chat datagrams (mesh type 5 at byte 3 of the UDP payload) that
# reach a node, so a test can prove which way chat went.
# At bob, chat from alice's NAT and chat from the rendezvous are counted
# apart. (The rendezvous is a member too and gets its own copy.)
watch_chat() {
	lab exec bob nft -f - <<-'NFT'
	table inet pl_watch {
	  chain input {
	    type filter hook input priority 0;
	    ip saddr 198.51.100.2 udp dport 12345-12400 @th,88,8 5 counter comment "from nat-a"
	    ip saddr 198.51.100.10 udp dport 12345-12400 @th,88,8 5 counter comment "from rendezvous"
	  }
	}
	NFT
}
chat_seen() {
	lab exec bob nft list table inet pl_watch | grep -F "comment \"$1\"" |
	    grep -oE 'packets [0-9]+' | grep -oE '[0-9]+'
}

# 1. Two cone NATs: join through the rendezvous, punch, chat directly, in
# a sealed room (the header, type included, stays readable: nft counts it).
room() { echo --room lab-room-1 --identity "$PL_OUT/lab-ids/$1"; }
# shellcheck disable=SC2046
peer_start rdv rendezvous $(room rdv)
# shellcheck disable=SC2046
peer_start alice alice $(room alice) 198.51.100.10
# shellcheck disable=SC2046
peer_start bob bob $(room bob) 198.51.100.10
watch_chat
check "cone/cone: alice punches through to bob" \
    peer_wait alice '"name":"bob","state":"direct","endpoint":"198\.51\.100\.3:[0-9]+","path":"public"'
check "cone/cone: bob punches through to alice" \
    peer_wait bob '"name":"alice","state":"direct","endpoint":"198\.51\.100\.2:[0-9]+","path":"public"'
check "a member tells alice her NAT's public face" \
    peer_wait alice '"event":"public_endpoint".*"endpoint":"198\.51\.100\.2:'
peer_say alice "hello bob, direct"
check "alice's message reaches bob" peer_wait bob '"from":"alice","text":"hello bob, direct"'
check "alice sees it delivered to bob" peer_wait alice '"event":"delivered".*"to":"bob"'
check "bob got alice's chat straight from her NAT" test "$(chat_seen "from nat-a")" -gt 0
check "no chat reached bob by way of the rendezvous" test "$(chat_seen "from rendezvous")" = 0

peer_kill rdv
check "rendezvous killed" retry 5 sh -c "! kill -0 ${PEER_PID[rdv]} 2>/dev/null"
peer_say alice "still here?"
peer_say bob "yes, no rendezvous needed"
check "after the rendezvous died: alice -> bob" peer_wait bob '"text":"still here\?"'
check "after the rendezvous died: bob -> alice" peer_wait alice '"text":"yes, no rendezvous needed"'

# 2. A third peer joins through alice (not the rendezvous) and reaches bob.
# shellcheck disable=SC2046
peer_start carol alice $(room carol) --port 12346 192.168.10.2
check "carol, joining through alice, punches through to bob" \
    peer_wait carol '"name":"bob","state":"direct"' 12
peer_say carol "hi bob, carol here"
check "carol's message reaches bob" peer_wait bob '"from":"carol","text":"hi bob, carol here"'
peer_stop carol
check "carol's bye removes her at once" peer_wait bob '"name":"carol","state":"gone"'
peers_stop_all

# 4. Both NATs symmetric: no direct path, said honestly. New ports, so the
# old conntrack entries of the cone run do not help.
lab up --nat-a symmetric --nat-b symmetric >/dev/null
peer_start rdv rendezvous --plaintext --port 12360
peer_start alice alice --plaintext --port 12361 198.51.100.10:12360
peer_start bob bob --plaintext --port 12362 198.51.100.10:12360
check "symmetric/symmetric: alice is told bob exists" peer_wait alice '"name":"bob","state":"punching"'
check "symmetric/symmetric: no direct path, said so" \
    peer_wait alice '"name":"bob","state":"lost","endpoint":"198\.51\.100\.3:[0-9]+","path":"none".*"reason":"no direct path' 10
check "symmetric/symmetric: never claims a direct path" \
    test "$(peer_count alice '"name":"bob","state":"direct"')" = 0
peers_stop_all

# 5. One cone (nat-a), one symmetric (nat-b). bob's probes leave nat-b from
# a new port that nat-a never sent to, so nat-a drops them; alice's probes
# go to the port nat-b opened for the rendezvous only, so nat-b drops
# those. Linux's "cone" NAT filters by address and port: no direct path.
lab up --nat-a cone --nat-b symmetric >/dev/null
peer_start rdv rendezvous --plaintext --port 12370
peer_start alice alice --plaintext --port 12371 198.51.100.10:12370
peer_start bob bob --plaintext --port 12372 198.51.100.10:12370
check "cone/symmetric: no direct path, said so" \
    peer_wait alice '"name":"bob","state":"lost".*"reason":"no direct path' 10
check "cone/symmetric: nat-a dropped bob's probes as unsolicited" \
    test "$(lab exec nat-a nft list table inet pl_nat | grep 'unsolicited to router' | grep -oE 'packets [0-9]+' | grep -oE '[0-9]+')" -gt 0
peers_stop_all

# 3. 20% loss on both NAT uplinks: 1000 messages each way, all delivered
# once and in order. (20% each way on each uplink: a round trip through
# both NATs fails about 59% of the time.)
lab up --loss nat-a=20 --loss nat-b=20 >/dev/null
peer_start rdv3 rendezvous --plaintext --port 12380
peer_start alice3 alice --plaintext --port 12381 198.51.100.10:12380
peer_start bob3 bob --plaintext --port 12382 198.51.100.10:12380
if peer_wait alice3 '"name":"bob3","state":"direct"' 15 && peer_wait bob3 '"name":"alice3","state":"direct"' 15; then
	pass "20% loss: alice3 and bob3 still punch through"
	for i in $(seq 1 1000); do peer_say alice3 "a$i"; peer_say bob3 "b$i"; done
	all_at_bob3() { test "$(peer_count bob3 '"from":"alice3","text":"a[0-9]+"')" -ge 1000; }
	all_at_alice3() { test "$(peer_count alice3 '"from":"bob3","text":"b[0-9]+"')" -ge 1000; }
	check "20% loss: 1000 messages reach bob3" retry 90 all_at_bob3
	check "20% loss: 1000 messages reach alice3" retry 90 all_at_alice3
	in_order() {
		test "$(grep -oE "\"from\":\"$2\",\"text\":\"$3[0-9]+\"" "$PL_OUT/$1.out" |
		    sed -E 's/.*"text":"[a-z]+([0-9]+)"/\1/' | tr '\n' ' ')" = "$(seq 1 1000 | tr '\n' ' ')"
	}
	check "20% loss: exactly once and in order at bob3" in_order bob3 alice3 a
	check "20% loss: exactly once and in order at alice3" in_order alice3 bob3 b
	check "20% loss: no message reported failed" \
	    test "$(cat "$PL_OUT/alice3.out" "$PL_OUT/bob3.out" | grep -c '"event":"failed".*"to":"\(alice3\|bob3\)"')" = 0
else
	fail "20% loss: alice3 and bob3 still punch through" "no direct path"
fi
peers_stop_all
lab up >/dev/null

# 9. IPv6: far joins the rendezvous over IPv6 (two routers between them).
peer_start v6rdv rendezvous --plaintext --port 12390
peer_start v6far far --plaintext --port 12391 '[2001:db8:100::10]:12390'
check "IPv6: far and the rendezvous meet" \
    peer_wait v6far '"name":"v6rdv","state":"direct","endpoint":"\[2001:db8:100::10\]:12390"'
peer_say v6far "over IPv6"
check "IPv6: the message arrives" peer_wait v6rdv '"from":"v6far","text":"over IPv6"'
peers_stop_all

# A killed peer (no bye) is marked lost within 5 s of the answer it owed.
peer_start rdv9 rendezvous --plaintext --port 12395 --keepalive 2
peer_start alice9 alice --plaintext --port 12396 --keepalive 2 198.51.100.10:12395
peer_wait rdv9 '"name":"alice9","state":"direct"'
peer_kill alice9
killed_at=$(date +%s.%N)
check "a killed peer is marked lost" peer_wait rdv9 '"name":"alice9","state":"lost"' 15
lost_ts=$(grep -E '"name":"alice9","state":"lost"' "$PL_OUT/rdv9.out" | grep -oE '"ts":[0-9.]+' | cut -d: -f2)
# Deadline: keepalive 2 s after the last thing heard; lost at most 5 s later.
check "lost within keepalive + 5 s of the kill ($(awk -v a="$killed_at" -v b="$lost_ts" 'BEGIN { printf "%.1f", b - a }') s)" \
    awk -v a="$killed_at" -v b="$lost_ts" 'BEGIN { exit !(b - a <= 2 + 5 + 0.5) }'
peers_stop_all
