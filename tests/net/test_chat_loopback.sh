# test_chat_loopback.sh: the chat mesh on loopback only (no root needed):
# introductions, exactly-once in-order delivery, and bad datagrams.
. "$(dirname "$0")/../lib/testlib.sh"
. "$(dirname "$0")/../lib/chatlib.sh"
trap peers_stop_all EXIT
if ! command -v socat >/dev/null; then
	skip "chat on loopback" "socat is not installed: make deps"
	exit 0
fi

base=$((20000 + RANDOM % 20000))
peer_start ann - --plaintext --bind 127.0.0.1 --port "$base"
peer_start ben - --plaintext --bind 127.0.0.1 --port $((base + 1)) "127.0.0.1:$base"
peer_start cat - --plaintext --bind 127.0.0.1 --port $((base + 2)) "127.0.0.1:$base"
check "loopback: ben and cat meet through ann's introduction" \
    peer_wait cat '"name":"ben","state":"direct","endpoint":"127\.0\.0\.1:'
check "loopback: a path over 127.0.0.1 counts as same LAN" \
    peer_wait cat '"name":"ben","state":"direct".*"path":"lan"'

for i in $(seq 1 200); do peer_say ben "line $i"; done
cat_has_all() { test "$(peer_count cat '"from":"ben","text":"line [0-9]+"')" = 200; }
ben_sees_all() { test "$(peer_count ben '"event":"delivered".*"to":"cat"')" = 200; }
check "200 messages reach cat" retry 15 cat_has_all
got=$(grep -oE '"from":"ben","text":"line [0-9]+"' "$PL_OUT/cat.out" | grep -oE '[0-9]+' | tr '\n' ' ')
check "in order and exactly once" test "$got" = "$(seq 1 200 | tr '\n' ' ')"
check "ben sees 200 delivered to cat" retry 10 ben_sees_all

long=$(head -c 5000 /dev/zero | tr '\0' 'x')
peer_say ann "$long"
check "a 5000-byte line is split and put back whole" \
    peer_wait ben "\"from\":\"ann\",\"text\":\"$long\""

# Bad datagrams at ann: each refused and reported, none fatal. Written to
# a file first and sent whole by socat (bash's /dev/udp splits at NULs).
udp() {
	printf "$1" >"$PL_OUT/dgram"
	socat -u "FILE:$PL_OUT/dgram" "UDP-SENDTO:127.0.0.1:$base"
}
udp 'junk'					# shorter than a header
udp 'XXXXXXXXXXXXXXXXXXXXXXXX'			# not ours
udp 'PL\x09\x03\x00\x00\x00\x08ABCDEFGH\x00\x00\x00\x01TOKENTOK'	# version 9
udp 'PL\x01\x03\x00\x00\x00\x09ABCDEFGH\x00\x00\x00\x01TOKENTOK'	# length lies
udp 'PL\x01\x05\x00\x00\x00\x0aABCDEFGH\x00\x00\x00\x01\x00\x00\x00\x01\x00\x00\x00\x01\x00\x05'	# chat cut short
check "short datagram refused" peer_wait ann '"rejected".*"reason":"shorter than a header"'
check "foreign datagram refused" peer_wait ann '"rejected".*"reason":"not a punchline datagram"'
check "unknown version refused" peer_wait ann '"rejected".*"reason":"unknown protocol version"'
check "lying length refused" peer_wait ann '"rejected".*"reason":"length does not match"'
check "bad chat fields refused" peer_wait ann '"rejected".*"reason":"(field out of range|body truncated)"'
# 40 scan probes in a burst: a few answered, the rest refused, so a
# member cannot be made to send a flood at a spoofed address.
t0=$(date +%s.%N)
for i in $(seq 1 40); do
	udp 'PL\x01\x0a\x00\x00\x00\x08SCANNER!\x00\x00\x00\x01TOKENTOK'
done
t1=$(date +%s.%N)
check "scan replies are rate-limited" \
    peer_wait ann '"rejected".*"reason":"rate limited \(scan replies\)"'
replies=$(peer_count ann '"event":"scanned"')
check "scan replies: at most a burst of 5 plus 5/s ($replies to 40 probes)" \
    awk -v n="$replies" -v a="$t0" -v b="$t1" 'BEGIN { exit !(n <= 5 + (b - a) * 5 + 1) }'
peer_say ann "still alive"
check "ann still works after bad input" peer_wait cat '"from":"ann","text":"still alive"'

peer_stop ann
check "ann's bye: cat drops her at once" peer_wait cat '"name":"ann","state":"gone".*"reason":"said bye"'
peer_stop ben
peer_stop cat
check "peers exit on EOF" retry 10 sh -c "! kill -0 ${PEER_PID[cat]} 2>/dev/null"
