# test_cli.sh: the command line: versions, help, usage errors, exit codes.
. "$(dirname "$0")/../lib/testlib.sh"

pl() { "$PL_BIN" "$@"; }
status_of() { "$PL_BIN" "$@" >/dev/null 2>&1; echo $?; }
# offline_status_of ARGS: the same in a network namespace with no network,
# for names that must not resolve: a lookup there cannot leave the machine.
offline_status_of() {
	if [ "$(id -u)" = 0 ]; then unshare -n "$PL_BIN" "$@" >/dev/null 2>&1
	else unshare -rn "$PL_BIN" "$@" >/dev/null 2>&1; fi
	echo $?
}

check "--version prints punchline X.Y.Z" \
    grep -qE '^punchline [0-9]+\.[0-9]+\.[0-9]+$' <<<"$(pl --version)"
check "--help lists every command" \
    sh -c "$PL_BIN --help | grep -q '^  lab ' && $PL_BIN --help | grep -q '^  capture '"
check "an unknown flag exits 2" test "$(status_of --frobnicate)" = 2
check "an unknown flag names itself and shows usage" \
    sh -c "$PL_BIN --frobnicate 2>&1 | grep -q \"unknown or incomplete option '--frobnicate'\" &&
           $PL_BIN --frobnicate 2>&1 | grep -q '^usage:'"
check "an unknown command exits 2" test "$(status_of frobnicate)" = 2
check "-Z without a user exits 2" test "$(status_of -Z)" = 2
for cmd in chat sockets routes dns scan trace mail capture lab privs keys; do
	check "$cmd --help exits 0 with usage" \
	    sh -c "$PL_BIN $cmd --help | grep -q 'usage: punchline'"
done
check "chat with neither --room nor --plaintext asks for one, exit 2" \
    sh -c "env -u PUNCHLINE_ROOM $PL_BIN chat </dev/null 2>&1 | grep -q 'choose --room SECRET'; [ \$? = 0 ] &&
	env -u PUNCHLINE_ROOM $PL_BIN chat </dev/null >/dev/null 2>&1; [ \$? = 2 ]"
check "chat with both --room and --plaintext refuses" \
    sh -c "$PL_BIN chat --room a --plaintext 2>&1 | grep -q 'choose one'"
check "chat --scan-range checks its range" \
    sh -c "$PL_BIN chat --plaintext --scan-range 9-3 x:scan 2>&1 | grep -q 'want LO-HI'"
check "chat --scan-rate checks its rate" \
    sh -c "$PL_BIN chat --plaintext --scan-rate 0 x:scan 2>&1 | grep -q 'want 1-100000'"
check "chat without --plaintext exits 2" test "$(status_of chat)" = 2
check "chat with a bad port exits 2" test "$(status_of chat --plaintext --port 70000)" = 2
check "chat with a bad target exits 2" test "$(status_of chat --plaintext 127.0.0.1:99999)" = 2
check "chat with a bad --bind exits 2" test "$(offline_status_of chat --plaintext --bind nowhere)" = 2
check "chat with a 33-byte name exits 2" test "$(status_of chat --plaintext --name 123456789012345678901234567890123)" = 2
check "scan without a target exits 2" test "$(status_of scan)" = 2
check "scan with a backwards range exits 2" test "$(status_of scan 127.0.0.1 -p 90-80)" = 2
check "scan with an empty port list exits 2" test "$(status_of scan 127.0.0.1 -p '')" = 2
check "scan of too large a block exits 2" test "$(status_of scan 10.0.0.0/8)" = 2
check "scan of an unknown host exits 2" test "$(offline_status_of scan no-such-host.invalid)" = 2
check "trace without a host exits 2" test "$(status_of trace)" = 2
check "trace --cycles 0 exits 2" test "$(status_of trace 127.0.0.1 --cycles 0)" = 2
check "trace with two methods exits 2" test "$(status_of trace --udp --icmp 127.0.0.1)" = 2
check "trace --first-ttl beyond --max-ttl exits 2" test "$(status_of trace 127.0.0.1 --first-ttl 9 --max-ttl 3)" = 2
check "trace of an unknown host exits 2" test "$(offline_status_of trace no-such-host.invalid)" = 2
check "trace to loopback over UDP: one hop, reached" \
    sh -c "$PL_BIN trace -n 127.0.0.1 --cycles 1 --json | grep -q '\"reached\":true,\"hops\":1'"
check "trace names hops from /etc/hosts (127.0.0.1 is localhost there)" \
    sh -c "$PL_BIN trace 127.0.0.1 --cycles 1 | grep -qE '1\.\|-- +localhost'"
check "scan with two kinds of scan exits 2" test "$(status_of scan --syn --udp 127.0.0.1)" = 2
check "scan --udp with --banners exits 2" test "$(status_of scan --udp --banners 127.0.0.1)" = 2
check "capture with an unknown option exits 2" test "$(status_of capture --frobnicate)" = 2
check "capture -c 0 exits 2" test "$(status_of capture -c 0 -r /dev/null)" = 2
check "capture -r with -i exits 2" test "$(status_of capture -r x.pcap -i lo)" = 2
check "capture -r of a missing file exits 1 and names it" \
    sh -c "$PL_BIN capture -r /nonexistent.pcap 2>&1 | grep -q '/nonexistent.pcap: No such file'; [ \$? = 0 ]"
check "sockets with a bad filter exits 2" test "$(status_of sockets --once colour:red)" = 2
check "sockets with a bad filter names the word and the keys" \
    sh -c "$PL_BIN sockets --once colour:red 2>&1 | grep -q \"bad filter 'colour:red': unknown key 'colour'\""
check "sockets with a bad state exits 2" test "$(status_of sockets --once state:sleepy)" = 2
check "sockets with a bad --interval exits 2" test "$(status_of sockets --interval 0)" = 2
check "sockets with a bad --source exits 2" test "$(status_of sockets --source carrier-pigeon)" = 2
check "sockets --once --json prints socket events" \
    sh -c "$PL_BIN sockets --once --json | grep -v '\"event\":\"notice\"' | head -1 | grep -q '^{\"ts\":[0-9.]*,\"event\":\"socket\",\"engine\":\"sockets\",\"proto\"'"
check "routes with an extra argument exits 2" test "$(status_of routes --frobnicate)" = 2
check "routes --json marks the default route or has none" \
    sh -c "$PL_BIN routes --json | grep -q '\"event\":\"route\"'"
check "dns --json says the nameservers and the hosts line" \
    sh -c "$PL_BIN dns --json | grep -q '\"event\":\"dns\".*\"nameservers\".*\"hosts\"'"
check "dns names a local stub and its upstream" \
    sh -c "printf 'nameserver 127.0.0.53\nsearch lab.example\n' >$PL_OUT/resolv.stub &&
	   printf 'nameserver 192.0.2.53\n' >$PL_OUT/resolv.up &&
	   PUNCHLINE_RESOLV_CONF=$PL_OUT/resolv.stub PUNCHLINE_RESOLVED_CONF=$PL_OUT/resolv.up \
	   $PL_BIN dns --json | grep -q '\"local_stub\":true,\"stub\":\"systemd-resolved\",\"upstream\":\"192.0.2.53\"'"
check "lab with a bad action exits 2" test "$(status_of lab sideways)" = 2
check "lab up with a bad NAT mode exits 2" test "$(status_of lab up --nat-a full-cone)" = 2
check "lab up with a bad loss exits 2" test "$(status_of lab up --loss alice=200)" = 2
check "lab down takes no NAT options" test "$(status_of lab down --nat-a symmetric)" = 2
check "lab exec of an unknown node exits 2" test "$(status_of lab exec mars true)" = 2
check "the screen refuses to run without a terminal" \
    sh -c "$PL_BIN </dev/null 2>&1 | grep -q 'needs a terminal'"
check "an unknown theme is a clear error" \
    sh -c "script -qc '$PL_BIN --theme nope' /dev/null </dev/null 2>&1 | grep -q \"theme 'nope'\""
check "privs --json has ts and event" \
    grep -q '^{"ts":[0-9.]*,"event":"privs"' <<<"$(pl privs --json)"
if is_root; then
	# As the user who ran sudo: CAP_NET_RAW kept, everything else gone.
	out=$(SUDO_UID=65534 SUDO_GID=65534 "$PL_BIN" privs --json)
	check "sudo drop: runs as the invoking user" grep -q '"uid":65534' <<<"$out"
	check "sudo drop: keeps CAP_NET_RAW only" \
	    grep -q '"net_raw":true,"net_admin":false' <<<"$out"
	out=$("$PL_BIN" -Z nobody privs --json)
	check "-Z nobody: runs as nobody" grep -q "\"uid\":$(id -u nobody)" <<<"$out"
	check "-Z with an unknown user is a clear error" \
	    sh -c "$PL_BIN -Z no-such-user-here privs 2>&1 | grep -q \"unknown user 'no-such-user-here'\""
else
	out=$(pl privs --json)
	check "without privilege: says what is missing and how to grant it" \
	    grep -q 'needs CAP_NET_RAW; grant it with' <<<"$out"
	skip "privilege drop" "needs root: sudo make check"
fi
check "the man page lists every key of the key tables" bash "$PL_ROOT/tests/lib/keys-doc.sh" check
