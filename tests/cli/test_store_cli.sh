# test_store_cli.sh: punchline store's bad inputs, before any packet: no
# file, a missing or empty file, no --via, --hold without --out, --classic
# with redundancy, numbers out of range, a host that does not resolve
# (looked up in a namespace with no network). Each a clear message, exit 2.
. "$(dirname "$0")/../lib/testlib.sh"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "a line" >"$tmp/line"
: >"$tmp/empty"

# said ARGS... -- PATTERN: exit 2 and the message matches PATTERN.
said() {
	local args=() out rc
	while [ "$1" != -- ]; do args+=("$1"); shift; done
	out=$("$PL_BIN" store "${args[@]}" 2>&1); rc=$?
	[ "$rc" = 2 ] && grep -qE -e "$2" <<<"$out"
}
check "store --help exits 0 with usage" \
    sh -c "$PL_BIN store --help | grep -q 'usage: punchline store FILE --via HOST'"
check "store without FILE: exit 2, says so" said --via 127.0.0.1 -- 'no FILE to store'
check "store without --via: exit 2, says so" said "$tmp/line" -- 'no --via HOST'
check "store a missing file: exit 2, names it" \
    said "$tmp/nope" --via 127.0.0.1 -- "$tmp/nope: No such file or directory"
check "store an empty file: exit 2, nothing to store" \
    said "$tmp/empty" --via 127.0.0.1 -- 'is empty: there is nothing to store'
check "store a directory: exit 2, not a regular file" \
    said "$tmp" --via 127.0.0.1 -- 'not a regular file'
check "store --hold without --out: exit 2" \
    said "$tmp/line" --via 127.0.0.1 --hold 5 -- '--hold needs --out FILE'
check "store --classic --copies 2: exit 2" \
    said "$tmp/line" --via 127.0.0.1 --classic --copies 2 -- '--classic is one copy'
check "store --copies 9: exit 2" said "$tmp/line" --via 127.0.0.1 --copies 9 -- "want 1-8"
check "store --parity 17: exit 2" said "$tmp/line" --via 127.0.0.1 --parity 17 -- "want 0-16"
check "store --hold abc: exit 2" said "$tmp/line" --via 127.0.0.1 --hold abc --out x -- "want 0.1-86400"
check "store an IPv6 host: exit 2, IPv4 only" \
    said "$tmp/line" --via ::1 -- 'IPv4'
if is_root; then
	out=$(unshare -n "$PL_BIN" store "$tmp/line" --via nosuch.invalid 2>&1); rc=$?
	check "store via a name that does not resolve: exit 2" test "$rc" = 2
	check "store via a name that does not resolve: names the host" \
	    grep -q "host 'nosuch.invalid'" <<<"$out"
else
	skip "store via a name that does not resolve" "needs root for unshare -n"
fi
