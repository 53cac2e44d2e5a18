# test_capture_ladder.sh: the hole-punch ladder (issue 7). `punchline
# capture --lab --ladder --json` watches all five roles while rendezvous,
# alice and bob (chatlib peers) punch through the lab's NATs and alice
# sends one line; the ladder must tell it in order: introduce(s), probes,
# a first probe dropped at the far NAT, a probe/ack that gets through,
# then alice's chat straight to bob. With nat-b symmetric, bob's public
# port differs per destination (the cone keeps one). The -w file read
# back with -r --lab gives the same ladder. Traffic stays in the lab.
# It takes the lab lock itself (tests/lib/lablock.sh).
. "$(dirname "$0")/../lib/testlib.sh"
. "$(dirname "$0")/../lib/chatlib.sh"

if ! is_root; then
	skip "capture ladder" "needs root for network namespaces: sudo make check"
	exit 0
fi
. "$(dirname "$0")/../lib/lablock.sh"
lab_lock_or_reexec bash "$0" "$@"
command -v jq >/dev/null || { skip "capture ladder" "needs jq: make deps"; exit 0; }
lab() { "$PL_BIN" lab "$@" 2>>"$PL_OUT/lab-stderr.log"; }
out=$PL_OUT/ladder
mkdir -p "$out"
cap=
cap_stop() {
	[ -n "$cap" ] || return 0
	kill -INT "$cap" 2>/dev/null
	wait "$cap" 2>/dev/null
	cap=
}
cleanup() { cap_stop; peers_stop_all; lab down >/dev/null 2>&1; }
trap cleanup EXIT

# cap_start NAME: the ladder into $out/NAME.json, the packets into
# $out/NAME.pcap, once all five handles are open.
cap_start() {
	"$PL_BIN" capture --lab --ladder --json -w "$out/$1.pcap" \
	    >"$out/$1.json" 2>"$out/$1.err" &
	cap=$!
	retry 5 sh -c "[ \$(grep -c '\"event\":\"started\"' '$out/$1.json') -ge 5 ]"
}

# The ladder's arrows as "type from to dropped_at seen-places" lines.
arrows() {
	jq -r 'select(.event == "ladder") |
	    [.type, .from, .to, (.dropped_at // "-"), (.seen | join(","))] |
	    join(" ")' "$out/$1.json"
}

# The line number of the first arrow matching an ERE, or 99999.
first() { arrows "$1" | grep -nE "$2" | head -1 | cut -d: -f1 | grep . || echo 99999; }

lab down >/dev/null
lab up >/dev/null || { fail "ladder: lab up" "see $PL_OUT/lab-stderr.log"; exit 0; }
# The rendezvous introduces both at once, so their first probes may cross
# in flight and open both holes at once: nothing is dropped. The class's
# case is one side slower: bob's probes are held back (an nft rule in
# bob's own namespace, lifted once alice has probed a while), so alice's
# first probe reaches nat-b before bob has opened it.
# hold_bob_probes PORT: bob's probes from PORT go nowhere until released.
hold_bob_probes() {
	lab exec bob nft -f - <<-NFT
	table inet pl_ladder_hold {
	  chain out {
	    type filter hook output priority 0;
	    udp sport $1 @th,88,8 3 drop
	  }
	}
	NFT
}
release_bob_probes() { lab exec bob nft delete table inet pl_ladder_hold; }

check "ladder: --lab opens a handle in each of the five roles" cap_start cone
peer_start rdv rendezvous --plaintext --port 12450
peer_start alice alice --plaintext --port 12451 198.51.100.10:12450
check "ladder: bob's probes held back" hold_bob_probes 12452
peer_start bob bob --plaintext --port 12452 198.51.100.10:12450
peer_wait alice '"name":"bob","state":"punching"'
sleep 0.6	# alice probes every 200 ms meanwhile
release_bob_probes
check "ladder: alice punches through to bob" \
    peer_wait alice '"name":"bob","state":"direct","endpoint":"198\.51\.100\.3:'
peer_say alice "hello bob, by the ladder"
check "ladder: the line reaches bob" peer_wait bob '"text":"hello bob, by the ladder"'
# One handle in one lab node's namespace: -i NODE:IF names the place.
check "ladder: -i nat-b:wan0 captures inside nat-b and says so" \
    sh -c "timeout 5 '$PL_BIN' capture -i nat-b:wan0 -c 1 udp 2>/dev/null |
	grep -qE '^[0-9:.]+ nat-b:wan0 IP 198\.51\.100\.'"
sleep 1		# past the ladder's grace
cap_stop
peers_stop_all
arrows cone >"$out/cone.arrows"

intro=$(first cone '^introduce rendezvous (alice|bob) ')
probe=$(first cone '^probe (alice|bob) ')
dropped=$(first cone '^probe (alice nat-b nat-b|bob nat-a nat-a) ')
# (through: it reached the receiver's own link, not lost on the way)
through=$(first cone '^probe(-ack)? (alice bob - .*bob:eth0|bob alice - .*alice:eth0)$')
chat=$(first cone '^chat alice bob - .*bob:eth0$')
check "ladder: the rendezvous introduces ($intro) before the first probe ($probe)" \
    test "$intro" -lt "$probe" -a "$probe" -lt 99999
check "ladder: a first probe is dropped at the far NAT (arrow $dropped)" \
    test "$dropped" -lt 99999
check "ladder: then a probe or ack gets through ($through)" \
    test "$dropped" -lt "$through" -a "$through" -lt 99999
check "ladder: then alice's chat goes straight to bob ($chat)" \
    test "$through" -lt "$chat" -a "$chat" -lt 99999
check "ladder: the chat never passes the rendezvous" \
    sh -c "! grep -E '^chat alice bob .*rendezvous' '$out/cone.arrows'"
check "ladder: the dropped probe was seen on nat-b's public side only" \
    grep -qE '^probe alice nat-b nat-b alice:eth0,nat-a:lan0,nat-a:wan0,nat-b:wan0$' "$out/cone.arrows"
check "ladder: the chat's addresses before and after both NATs" \
    sh -c "jq -e 'select(.event == \"ladder\" and .type == \"chat\" and .to == \"bob\") |
	select(.src == \"192.168.10.2:12451\" and .dst == \"198.51.100.3:12452\" and
	    .src_after == \"198.51.100.2:12451\" and .dst_after == \"192.168.20.2:12452\")' \
	'$out/cone.json' | grep -q ."

# The figures: arrows (datagrams), their copies, first hello to the
# direct chat.
jq -rs '[.[] | select(.event == "ladder")] as $a |
    ($a | map(select(.type == "hello")) | .[0].ts) as $h |
    ($a | map(select(.type == "chat" and .from == "alice" and .to == "bob")) | .[0].ts) as $c |
    "\($a | length) arrows from \($a | map(.seen | length) | add) copies; first hello to direct chat \((($c - $h) * 1000) | floor) ms"' \
    "$out/cone.json" >"$out/figures.txt"
echo "ladder figures: $(cat "$out/figures.txt")" >&2

"$PL_BIN" capture -r "$out/cone.pcap" --lab --ladder --json >"$out/cone-file.json" 2>"$out/cone-file.err"
check "ladder: the -w file read back gives the same ladder" \
    diff <(grep '"event":"ladder"' "$out/cone.json") <(grep '"event":"ladder"' "$out/cone-file.json")

# bob's public face per destination: "DST-IP PORT" of his datagrams as
# the far side saw them.
mapping() {
	jq -r 'select(.event == "ladder" and .from == "bob" and
	    (.src_after | startswith("198.51.100.3:"))) |
	    "\(.dst_after | sub(":[0-9]+$"; "")) \(.src_after | sub("^.*:"; ""))"' "$out/$1.json" |
	    sort -u
}
ports_for() { mapping "$1" | awk -v d="$2" '$1 == d { print $2 }' | sort -u | tr '\n' ' '; }
check "ladder: cone nat-b keeps bob's port for every destination ($(mapping cone | awk '{print $2}' | sort -u | tr '\n' ' '))" \
    test "$(mapping cone | awk '{ print $2 }' | sort -u | wc -l)" = 1

lab up --nat-b symmetric >/dev/null
check "ladder: symmetric nat-b, capture started" cap_start symmetric
peer_start rdv2 rendezvous --plaintext --port 12460
peer_start alice2 alice --plaintext --port 12461 198.51.100.10:12460
peer_start bob2 bob --plaintext --port 12462 198.51.100.10:12460
peer_wait alice2 '"name":"bob2","state":"(lost|direct)"' 10
sleep 1
cap_stop
peers_stop_all
to_rdv=$(ports_for symmetric 198.51.100.10)
to_nat_a=$(ports_for symmetric 198.51.100.2)
check "ladder: symmetric nat-b gives bob a new port toward alice's NAT ($to_nat_a) than toward the rendezvous ($to_rdv)" \
    test -n "$to_rdv" -a -n "$to_nat_a" -a "$to_rdv" != "$to_nat_a"

# The Capture pane's ladder of the lab (--capture-lab), in tmux: the five
# role columns, alice's probe ending in an x at nat-b, her chat to bob.
if command -v tmux >/dev/null; then
	SOCK="pl-ladder-$$"
	tmx() { tmux -u -L "$SOCK" "$@"; }
	trap 'tmux -L "$SOCK" kill-server 2>/dev/null; cleanup' EXIT
	screen() { tmx capture-pane -p -t main; }
	on_screen() { screen | grep -qE -- "$1"; }
	lab up >/dev/null
	hold_bob_probes 12472
	tmx -f /dev/null new-session -d -s main -x 160 -y 50 \
	    "env LC_ALL=C.UTF-8 TERM=screen $PL_BIN --capture-lab; echo EXIT=\$?; sleep 30"
	retry 5 on_screen "F10Quit"
	tmx send-keys -t main F5 z
	check "ladder pane: --capture-lab captures in the five namespaces" \
	    retry 5 on_screen "capturing in the lab \(5 namespaces\)"
	check "ladder pane: the role columns" \
	    retry 3 on_screen "Time +alice +nat-a +rendezvous +nat-b +bob"
	peer_start rdv3 rendezvous --plaintext --port 12470
	peer_start alice3 alice --plaintext --port 12471 198.51.100.10:12470
	peer_start bob3 bob --plaintext --port 12472 198.51.100.10:12470
	peer_wait alice3 '"name":"bob3","state":"punching"'
	# While bob's probes are held, alice's keep ending at nat-b.
	check "ladder pane: alice's probe, translated by nat-a, ends in an x at nat-b" \
	    retry 3 on_screen "\|-+ probe 192\.168\.10\.2:12471 as 198\.51\.100\.2:12471 -+x"
	screen >"$out/pane-held.screen"
	release_bob_probes
	peer_wait alice3 '"name":"bob3","state":"direct"'
	peer_say alice3 "seen from the pane"
	peer_wait bob3 '"text":"seen from the pane"'
	check "ladder pane: alice's chat is an arrow to bob" \
	    retry 3 on_screen "\|-+ chat 192\.168\.10\.2:12471 as 198\.51\.100\.2:12471 -+>"
	screen >"$out/pane.screen"
	peers_stop_all
	tmx send-keys -t main F10 y
	check "ladder pane: quits, exit 0" retry 5 on_screen "EXIT=0"
fi
