# scanlib.sh: two namespaces joined by a veth pair for the scanner's
# tests and benchmark: pl-scantest-PID-s (the scanner, 10.77.0.1) and
# pl-scantest-PID-t (the target, 10.77.0.2). Nothing leaves them. Source
# after testlib.sh; call scanlib_up, and scanlib_down from a trap.

SCANLIB_NS_S=pl-scantest-$$-s
SCANLIB_NS_T=pl-scantest-$$-t
SCANLIB_SCANNER=10.77.0.1
SCANLIB_TARGET=10.77.0.2
scanlib_err=

scanlib_up() {
	local s=$SCANLIB_NS_S t=$SCANLIB_NS_T
	ip netns add "$s" && ip netns add "$t" ||
		{ scanlib_err="cannot create namespaces"; return 1; }
	ip -n "$s" link add veth0 type veth peer name veth0 netns "$t" &&
	ip -n "$s" addr add "$SCANLIB_SCANNER/24" dev veth0 &&
	ip -n "$t" addr add "$SCANLIB_TARGET/24" dev veth0 &&
	ip -n "$s" link set veth0 up && ip -n "$t" link set veth0 up &&
	ip -n "$s" link set lo up && ip -n "$t" link set lo up ||
		{ scanlib_err="cannot make the veth pair"; return 1; }
	# The target answers every closed UDP port: without this, the
	# kernel's ICMP rate limit (1/s per peer after a burst of 6) would
	# make the UDP verdicts depend on timing.
	ip netns exec "$t" sysctl -qw net.ipv4.icmp_ratelimit=0 || true
	retry 5 ip netns exec "$s" ping -c1 -W1 "$SCANLIB_TARGET" ||
		{ scanlib_err="the target does not answer ping"; return 1; }
}

scanlib_down() {
	local ns p
	for ns in "$SCANLIB_NS_S" "$SCANLIB_NS_T"; do
		for p in $(ip netns pids "$ns" 2>/dev/null); do kill "$p" 2>/dev/null; done
	done
	sleep 0.1
	for ns in "$SCANLIB_NS_S" "$SCANLIB_NS_T"; do
		for p in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$p" 2>/dev/null; done
		ip netns del "$ns" 2>/dev/null
	done
	return 0
}

scanlib_scanner() { ip netns exec "$SCANLIB_NS_S" "$@"; }

# scanlib_target CMD...: a process in the target, in the background.
scanlib_target() { ip netns exec "$SCANLIB_NS_T" "$@" >/dev/null 2>&1 & }

# scanlib_tcp_listener PORT [GREETING]
scanlib_tcp_listener() {
	local greet=$PL_OUT/scanlib-greeting.$$.$1
	printf '%s' "${2:+$2$'\r\n'}" >"$greet"
	scanlib_target socat TCP4-LISTEN:"$1",reuseaddr,fork \
	    SYSTEM:"cat $greet; sleep 1"
}

# scanlib_nft RULES: an input chain on the target with these rules (the
# table lives in the target's namespace and goes with it).
scanlib_nft() {
	ip netns exec "$SCANLIB_NS_T" nft -f - <<EOF
table inet pl_scantest {
	chain input {
		type filter hook input priority 0; policy accept;
		$1
	}
}
EOF
}

# scanlib_reachable PORT...: each port accepts a connection.
scanlib_reachable() {
	local p
	for p in "$@"; do
		scanlib_scanner socat -u OPEN:/dev/null TCP4:"$SCANLIB_TARGET":"$p" \
		    2>/dev/null || return 1
	done
}

# port_states JSONFILE STATE [REASON]: the ports in that state, sorted,
# on one line.
port_states() {
	python3 - "$@" <<'EOF'
import json, sys
f, state = sys.argv[1], sys.argv[2]
reason = sys.argv[3] if len(sys.argv) > 3 else None
ports = []
for line in open(f):
    o = json.loads(line)
    if o.get("event") == "port" and o["state"] == state and \
       (reason is None or o["reason"] == reason):
        ports.append(o["port"])
print(" ".join(str(p) for p in sorted(ports)))
EOF
}

# nmap_ports "GREPABLE OUTPUT" STATE: the ports nmap -oG - lists in it.
nmap_ports() {
	grep -o 'Ports: .*' <<<"$1" | sed 's/^Ports: //; s/\t.*//' | tr ',' '\n' |
	    awk -F/ -v st="$2" '{ gsub(/^ +/, "", $1) } $2 == st { print $1 }' |
	    sort -n | tr '\n' ' ' | sed 's/ $//'
}
