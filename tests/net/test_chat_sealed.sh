# test_chat_sealed.sh: sealed rooms on loopback only (no root needed):
# the same secret talks, another secret sees nothing and is counted,
# plaintext and sealed peers say so, identity keys and fingerprints, and
# host:scan finding a member on an unknown port.
. "$(dirname "$0")/../lib/testlib.sh"
. "$(dirname "$0")/../lib/chatlib.sh"
trap peers_stop_all EXIT

base=$((50000 + RANDOM % 9000))
ids="$PL_OUT/identities"
rm -rf "$ids"
sealed() { echo --room "$1" --identity "$ids/$2" --bind 127.0.0.1; }

# shellcheck disable=SC2046
peer_start ann - $(sealed blue-harbour-7 ann) --port "$base"
# shellcheck disable=SC2046
peer_start ben - $(sealed blue-harbour-7 ben) --port $((base + 1)) "127.0.0.1:$base"
check "sealed: ben meets ann" peer_wait ben '"name":"ann","state":"direct"'
check "ready says the room is sealed, with our fingerprint" \
    peer_wait ann '"event":"ready".*"plaintext":false,"fingerprint":"[0-9a-f]{4}( [0-9a-f]{4}){3}"'
fp() { grep -oE '"event":"ready".*"fingerprint":"[^"]+"' "$PL_OUT/$1.out" | grep -oE '[0-9a-f]{4}( [0-9a-f]{4}){3}'; }
check "ben shows ann with ann's own fingerprint" \
    peer_wait ben "\"name\":\"ann\",\"state\":\"direct\".*\"fingerprint\":\"$(fp ann)\""
check "fingerprints differ between identities" test "$(fp ann)" != "$(fp ben)"
peer_say ann "sealed hello"
peer_say ben "sealed answer"
check "sealed: a message reaches ben" peer_wait ben '"from":"ann","text":"sealed hello"'
check "sealed: and one reaches ann" peer_wait ann '"from":"ben","text":"sealed answer"'
check "sealed: ann sees it delivered" peer_wait ann '"event":"delivered".*"to":"ben"'
check "identity file made with mode 600" test "$(stat -c %a "$ids/ann")" = 600
check "identity directory made with mode 700" test "$(stat -c %a "$ids")" = 700

# Another secret: sees nothing, and every datagram is counted at ann.
# shellcheck disable=SC2046
peer_start cal - $(sealed wrong-guess cal) --port $((base + 2)) "127.0.0.1:$base"
check "wrong secret: ann rejects and counts" \
    peer_wait ann '"rejected".*"reason":"authentication failed[^"]*","from":"127\.0\.0\.1:'"$((base + 2))"'","count":[0-9]+'
check "wrong secret: cal gets no answer and says why" \
    peer_wait cal '"event":"join_failed".*another room' 15
check "wrong secret: cal sees no peer and no message" \
    test "$(peer_count cal '"event":"(peer|message)"')" = 0
check "wrong secret: ann never lists cal" test "$(peer_count ann '"name":"cal"')" = 0

# Plaintext against sealed: both sides say so.
peer_start dot - --plaintext --bind 127.0.0.1 --port $((base + 3)) "127.0.0.1:$base"
check "sealed side: a clear event about a plaintext peer" \
    peer_wait ann '"event":"mode_mismatch","engine":"mesh","from":"127\.0\.0\.1:'"$((base + 3))"'","ours":"sealed","theirs":"plaintext"'
check "plaintext side: a clear event about the sealed room" \
    peer_wait dot '"event":"mode_mismatch".*"ours":"plaintext","theirs":"sealed"'
check "the mismatch is said once, not per datagram" \
    test "$(peer_count ann '"event":"mode_mismatch"')" = 1
check "plaintext peer never joins the sealed room" \
    test "$(peer_count dot '"event":"peer"')" = 0
peer_stop cal
peer_stop dot

# host:scan: eve looks for a member on 200 ports and finds ben's.
# shellcheck disable=SC2046
peer_start eve - $(sealed blue-harbour-7 eve) --port $((base + 500)) \
    --scan-range "$((base - 100))-$((base + 99))" --scan-rate 400 127.0.0.1:scan
# ann (base) and ben (base + 1) both answer; eve stops at the first answer
# to arrive, which on a loaded machine may be ben's (probes 2.5 ms apart).
check "scan: finds a member's port (ann's or ben's)" \
    peer_wait eve '"event":"scan_found","engine":"mesh","endpoint":"127\.0\.0\.1:('"$base|$((base + 1))"')"'
check "scan: then joins and meets both" peer_wait eve '"name":"ben","state":"direct"'
sent=$(grep -oE '"event":"scan_found".*"sent":[0-9]+' "$PL_OUT/eve.out" | grep -oE '[0-9]+$')
check "scan: stopped at the first answer (101 or 102 ports, lowest first)" \
    test "${sent:-0}" -ge 101 -a "${sent:-0}" -le 104
secs=$(grep -oE '"event":"scan_found".*"seconds":[0-9.]+' "$PL_OUT/eve.out" | grep -oE '[0-9.]+$')
check "scan: paced at 400/s (101 probes take >= 0.24 s)" \
    awk -v s="${secs:-0}" 'BEGIN { exit !(s >= 0.24) }'
check "scan: ann answered it" peer_wait ann '"event":"scanned"'

# The identity survives a restart; a key others can read is refused.
peer_stop ben
peer_gone ben
before=$(fp ben)
# shellcheck disable=SC2046
peer_start ben - $(sealed blue-harbour-7 ben) --port $((base + 1)) "127.0.0.1:$base"
check "identity: same fingerprint after a restart" test "$(fp ben)" = "$before"
chmod 644 "$ids/cal"
out=$("$PL_BIN" chat --json --room x --identity "$ids/cal" --bind 127.0.0.1 --port $((base + 4)) </dev/null 2>&1)
check "identity: a world-readable key is refused" \
    grep -q 'readable by others (chmod 600' <<<"$out"
echo "not a key" >"$ids/bad"; chmod 600 "$ids/bad"
out=$("$PL_BIN" chat --json --room x --identity "$ids/bad" --bind 127.0.0.1 --port $((base + 4)) </dev/null 2>&1)
check "identity: a file that is no key is refused" grep -q 'not a punchline identity' <<<"$out"
