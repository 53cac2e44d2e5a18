# leftovers.sh: fails if the lab or a test left a pl- namespace, veth or
# nftables table behind in this machine's own namespace.
. "$(dirname "$0")/testlib.sh"

ns=$(ip netns list 2>/dev/null | awk '$1 ~ /^pl-/ {print $1}' | tr '\n' ' ')
links=$(ip -o link show 2>/dev/null | awk -F': ' '$2 ~ /^pl-|^p-/ {print $2}' | tr '\n' ' ')
tables=""
if is_root; then
	tables=$(nft list tables 2>/dev/null | grep -E 'pl[_-]' | tr '\n' ' ')
fi
[ -z "$ns" ] && pass "no pl- namespace remains" || fail "no pl- namespace remains" "$ns"
[ -z "$links" ] && pass "no pl- link remains" || fail "no pl- link remains" "$links"
if is_root; then
	[ -z "$tables" ] && pass "no pl nftables table remains" ||
		fail "no pl nftables table remains" "$tables"
else
	skip "no pl nftables table remains" "listing nftables needs root: sudo make check"
fi
