# test_routes_watch.sh: `punchline routes --watch --json` in a namespace of
# its own (pl-rtwatch-PID): a veth pair, an address and a route in a table
# named in an rt_tables file the test writes are added and deleted, and
# each change arrives as its event, in order. Root only; no packet is sent.
. "$(dirname "$0")/../lib/testlib.sh"

if ! is_root; then
	skip "routes --watch" "needs root to create a network namespace: sudo make check"
	exit 0
fi
ns=pl-rtwatch-$$
out=$PL_OUT/routes-watch
mkdir -p "$out"
pid=
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null
	wait 2>/dev/null
	ip netns del "$ns" 2>/dev/null
}
trap cleanup EXIT
ip netns add "$ns" || { fail "create namespace $ns"; exit 0; }
printf '# test tables\n100\tpl-isp\n' >"$out/rt_tables"
PUNCHLINE_RT_TABLES=$out/rt_tables ip netns exec "$ns" "$PL_BIN" routes --watch --json \
    >"$out/events" 2>"$out/stderr" &
pid=$!
retry 5 grep -q '"event":"rule"' "$out/events"

ipn() { ip -n "$ns" "$@"; }
ipn link add pl-v0 type veth peer name pl-v1
ipn link set pl-v0 up
ipn addr add 10.97.0.1/24 dev pl-v0
ipn route add 10.96.0.0/24 via 10.97.0.2 dev pl-v0 table 100
ipn route del 10.96.0.0/24 table 100
ipn addr del 10.97.0.1/24 dev pl-v0
ipn link del pl-v0

has() { grep -qE "$1" "$out/events"; }
wait_has() { retry 5 has "$1"; }
check "routes --watch: a new link arrives as link_changed" \
    wait_has '"event":"link_changed".*"name":"pl-v0"'
check "routes --watch: an address added (addr_added, with its device)" \
    wait_has '"event":"addr_added".*"addr":"10\.97\.0\.1/24","dev":"pl-v0"'
check "routes --watch: a route added, its table named from rt_tables" \
    wait_has '"event":"route_added".*"dst":"10\.96\.0\.0/24","gateway":"10\.97\.0\.2","dev":"pl-v0","table":"pl-isp"'
check "routes --watch: the route deleted" \
    wait_has '"event":"route_deleted".*"dst":"10\.96\.0\.0/24"'
check "routes --watch: the address deleted" \
    wait_has '"event":"addr_deleted".*"addr":"10\.97\.0\.1/24"'
check "routes --watch: the link deleted" \
    wait_has '"event":"link_deleted".*"name":"pl-v0"'
order=$(grep -oE '"event":"(route_added|route_deleted|addr_added|addr_deleted)","engine":"routes","(family":"inet","addr":"10\.97\.0\.1/24|family":"inet","dst":"10\.96\.0\.0/24)' "$out/events" |
    cut -d'"' -f4 | tr '\n' ' ')
check "routes --watch: in the order they happened ($order)" \
    test "$order" = "addr_added route_added route_deleted addr_deleted "
kill "$pid"
wait "$pid"
check "routes --watch: SIGTERM ends it cleanly (exit 0)" test $? = 0
pid=
check "routes --watch: a bad argument is a usage error (exit 2)" \
    sh -c "'$PL_BIN' routes --bogus; test \$? = 2"
