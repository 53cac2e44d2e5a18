# test_chat_lab.sh: the chat mesh through the lab's real NATs (issue 4,
# tests 1, 2, 4 and 5). All traffic stays inside the lab's namespaces.
. "$(dirname "$0")/../lib/testlib.sh"
. "$(dirname "$0")/../lib/chatlib.sh"

if ! is_root; then
	skip "chat through NATs" "needs root for network namespaces: sudo make check"
	exit 0
fi
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

# 1. Two cone NATs: join through the rendezvous, punch, chat directly.
peer_start rdv rendezvous --plaintext
peer_start alice alice --plaintext 198.51.100.10
peer_start bob bob --plaintext 198.51.100.10
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
peer_start carol alice --plaintext --port 12346 192.168.10.2
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
