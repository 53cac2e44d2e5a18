# test_storage.sh: the storage in flight through the lab. From alice
# (behind nat-a) a file is kept only in ICMP echoes bounced off far
# (203.0.113.10) across the far link's wire, then recalled: the seed's
# line and 64 KiB of random bytes come back intact; with 5% loss on the far
# link (both ways) and redundancy, intact with repairs counted; --classic
# under the same loss names the chunks it lost and exits 1; far going
# silent ends the store within a bounded time; without CAP_NET_RAW a ping
# socket is used where ping_group_range allows it, and a clear message
# where it does not. The lab is shared: every use holds /run/pl-lab.lock.
. "$(dirname "$0")/../lib/testlib.sh"

if ! is_root; then
	skip "storage through the lab" "needs root for network namespaces: sudo make check"
	exit 0
fi
. "$(dirname "$0")/../lib/lablock.sh"
lab_lock_or_reexec bash "$0" "$@"
lab() { "$PL_BIN" lab "$@" 2>>"$PL_OUT/lab-stderr.log"; }
tmp=$(mktemp -d)
chmod 755 "$tmp"
trap 'lab down >/dev/null 2>&1; rm -rf "$tmp"' EXIT
FAR=203.0.113.10
line="This line lives only in ICMP echoes between alice and far."
echo "$line" >"$tmp/line"
head -c 65536 /dev/urandom >"$tmp/random"
chmod 644 "$tmp/line" "$tmp/random"

store() { lab exec alice "$PL_BIN" store "$@" --json; }
field() { grep "\"event\":\"$1\"" "$2" | tail -1 | grep -oE "\"$3\":(\"[^\"]*\"|[^,}]*)" | cut -d: -f2- | tr -d '"'; }
has() { grep -qE "\"event\":\"$1\".*$2" "$3"; }

lab down >/dev/null
lab up >/dev/null || { fail "storage: lab up"; exit 0; }

out=$PL_OUT/store-line.json
store "$tmp/line" --via $FAR --hold 3 --out "$tmp/line.back" >"$out"
check "store the line via far: exit 0" test $? = 0
check "store the line: it comes back the same" cmp "$tmp/line" "$tmp/line.back"
check "store: the socket kind is said (raw as root)" has store_started '"socket":"raw"' "$out"
check "store: the bound on what the program holds is said" \
    has store_started '"window_bytes":[0-9]' "$out"

# The same chunks seen on the wire: punchline capture on far's side decodes
# our header inside the echoes (the storage layer of protocols/dissect.c).
cap=$PL_OUT/store-capture.json
lab exec far "$PL_BIN" capture -i eth0 -c 6 --json icmp >"$cap" 2>>"$PL_OUT/lab-stderr.log" &
cap_pid=$!
sleep 1
out=$PL_OUT/store-line-seen.json
store "$tmp/line" --via $FAR --hold 2 --out "$tmp/line.seen" >"$out"
for _ in $(seq 1 50); do kill -0 $cap_pid 2>/dev/null || break; sleep 0.1; done
kill $cap_pid 2>/dev/null; wait $cap_pid 2>/dev/null
fid=$(printf '%08x' "$(field store_started "$out" file_id)")
check "capture on far: the echoes carry a storage layer" \
    grep -q '"proto":"storage","file_id":"'"$fid"'","kind":"data","index":0,"group":0,"count":1' "$cap"
check "capture on far: the chunk's CRC checks out on the wire" \
    grep -q '"file_id":"'"$fid"'".*"check":"ok"' "$cap"
check "capture on far: requests and replies both carry it" \
    test "$(grep -c '"proto":"storage"' "$cap")" -ge 2

out=$PL_OUT/store-64k.json
store "$tmp/random" --via $FAR --hold 6 --out "$tmp/random.back" >"$out"
check "store 64 KiB via far: exit 0" test $? = 0
check "store 64 KiB: it comes back the same" cmp "$tmp/random" "$tmp/random.back"
check "store 64 KiB: recalled intact, 64 chunks" has recalled '"intact":true,"size":65536,"chunks":64,"recalled":64' "$out"
inflight=$(grep '"event":"stats"' "$out" | sed -n 3p | grep -oE '"in_flight_bytes":[0-9]+' | cut -d: -f2)
rtt=$(grep '"event":"stats"' "$out" | sed -n 3p | grep -oE '"rtt_ms":[0-9.]+' | cut -d: -f2)
window=$(field store_started "$out" window_bytes)
check "store 64 KiB: the wire holds more than the program ($inflight bytes in flight, window $window, RTT $rtt ms)" \
    test "${inflight:-0}" -gt $((2 * 65536)) -a "${window:-999999}" -lt 65536

# 5% loss each way on the far link: about 10% of round trips lost.
lab up --loss far=5 >/dev/null || { fail "storage: lab up --loss far=5"; exit 0; }
out=$PL_OUT/store-loss.json
store "$tmp/random" --via $FAR --hold 20 --out "$tmp/random.loss" >"$out"
check "store under 5% loss with redundancy: exit 0" test $? = 0
check "store under 5% loss: it comes back the same" cmp "$tmp/random" "$tmp/random.loss"
repaired=$(field stats "$out" repaired)
lost=$(field stats "$out" lost)
check "store under 5% loss: chunks lost ($lost) and repaired ($repaired)" \
    test "${repaired:-0}" -gt 0 -a "${lost:-0}" -gt 0
check "store under 5% loss: a chunk_repaired event" has chunk_repaired '"group"' "$out"
check "store under 5% loss: nothing lost for good" test "$(field stats "$out" lost_for_good)" = 0

out=$PL_OUT/store-classic.json
store "$tmp/random" --via $FAR --hold 20 --out "$tmp/random.classic" --classic >"$out"
rc=$?
check "store --classic under loss: exit 1" test $rc = 1
check "store --classic under loss: the chunks lost for good are named" \
    grep -qE '"event":"(recalled|file_lost)".*"missing_chunks":"[0-9]' "$out"
check "store --classic under loss: and why" \
    has chunk_lost_for_good '"why":"chunk [0-9]+: .*one copy, no parity' "$out"

# far goes silent: it drops every echo two seconds after the store starts.
lab up >/dev/null
out=$PL_OUT/store-silent.json
silence="table inet pl_silent_$$ { chain in { type filter hook input priority -400; meta l4proto icmp drop; }; }"
( sleep 2; ip netns exec pl-far nft "add $silence" ) &
start=$SECONDS
store "$tmp/random" --via $FAR --hold 60 --out "$tmp/random.silent" >"$out"
rc=$?
took=$((SECONDS - start))
wait
ip netns exec pl-far nft delete table inet pl_silent_$$
check "store when far stops answering: exit 1" test $rc = 1
check "store when far stops answering: ends in ${took}s, not 60" test $took -le 15
check "store when far stops answering: says far is not answering" \
    has error '"why":"no echo reply from 203.0.113.10 for [0-9.]+ s: 203.0.113.10 is not answering' "$out"
check "store when far stops answering: names the missing chunks" \
    has file_lost '"missing_chunks":"0-63"' "$out"

# Without privilege: no ping socket by default (ping_group_range "1 0").
nobody() { ip netns exec pl-alice setpriv --reuid=65534 --regid=65534 \
    --clear-groups --inh-caps=-all --bounding-set=-all "$PL_BIN" store "$@"; }
msg=$(nobody "$tmp/line" --via $FAR --hold 1 --out "$tmp/x" 2>&1)
check "store without CAP_NET_RAW or ping sockets: exit 2" test $? = 2
check "store without privilege: names CAP_NET_RAW and ping_group_range" \
    grep -q "needs CAP_NET_RAW.*ping_group_range" <<<"$msg"
ip netns exec pl-alice sysctl -qw net.ipv4.ping_group_range="0 2147483647"
chmod 777 "$tmp"
out=$PL_OUT/store-ping.json
nobody "$tmp/line" --via $FAR --hold 2 --out "$tmp/line.ping" --json >"$out"
check "store as a user with a ping socket: exit 0" test $? = 0
check "store as a user: the socket kind is ping" has store_started '"socket":"ping"' "$out"
check "store as a user: the line comes back" cmp "$tmp/line" "$tmp/line.ping"
