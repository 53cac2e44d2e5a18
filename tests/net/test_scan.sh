# test_scan.sh: the connect scan on loopback only (no root needed):
# listeners this test starts, with and without banners, every port's
# state, and the open set compared with nmap -sT run in the same test.
. "$(dirname "$0")/../lib/testlib.sh"
pids=()
cleanup() { [ ${#pids[@]} -eq 0 ] || kill "${pids[@]}" 2>/dev/null; }
trap cleanup EXIT
if ! command -v socat >/dev/null; then
	skip "connect scan on loopback" "socat is not installed: make deps"
	exit 0
fi

base=$((41000 + RANDOM % 20000))
listen() {	# PORT [GREETING]
	printf '%s' "${2:+$2$'\r\n'}" >"$PL_OUT/greeting.$1"
	socat TCP-LISTEN:"$1",bind=127.0.0.1,reuseaddr,fork \
	    SYSTEM:"cat $PL_OUT/greeting.$1; sleep 1" 2>/dev/null &
	pids+=($!)
}
listen "$base" 'SSH-2.0-OpenSSH_9.2p1 Debian-2'
listen $((base + 7)) '220 mail.example ESMTP Postfix'
listen $((base + 20)) '+OK POP3 ready'
listen $((base + 33))
up() { for p in "$base" $((base + 7)) $((base + 20)) $((base + 33)); do
	socat -u OPEN:/dev/null TCP:127.0.0.1:"$p" 2>/dev/null || return 1; done; }
retry 5 up
out="$PL_OUT/scan.json"
"$PL_BIN" scan 127.0.0.1 -p "$base-$((base + 49))" --banners --banner-wait 1 --closed --json >"$out"
check "scan: exits 0 with a done line" grep -q '"event":"done".*"ports":50' "$out"
open_set=$(grep -oE '"port":[0-9]+,"proto":"tcp","state":"open"' "$out" | grep -oE '[0-9]+' | sort -n | tr '\n' ' ')
check "scan: exactly the four listeners are open ($open_set)" \
    test "$open_set" = "$base $((base + 7)) $((base + 20)) $((base + 33)) "
check "scan: the other 46 ports closed, reason reset" \
    test "$(grep -c '"state":"closed","reason":"reset"' "$out")" = 46
check "scan: ssh banner and service" \
    grep -q "\"port\":$base,.*\"service\":\"ssh\",\"banner\":\"SSH-2.0-OpenSSH_9.2p1 Debian-2\"" "$out"
check "scan: smtp guessed from its greeting" grep -q "\"port\":$((base + 7)),.*\"service\":\"smtp\"" "$out"
check "scan: pop3 guessed from its greeting" grep -q "\"port\":$((base + 20)),.*\"service\":\"pop3\"" "$out"
check "scan: done counts 4 open, 46 closed" grep -q '"open":4,"closed":46,"filtered":0' "$out"
if command -v nmap >/dev/null; then
	nmap_set=$(nmap -n -sT -p "$base-$((base + 49))" 127.0.0.1 | awk -F/ '/\/tcp +open/ { print $1 }' | sort -n | tr '\n' ' ')
	check "scan: the same open set as nmap -sT ($nmap_set)" test "$open_set" = "$nmap_set"
else
	skip "scan: the same open set as nmap -sT" "nmap is not installed: make deps"
fi
text=$("$PL_BIN" scan 127.0.0.1 -p "$base")
check "scan: greppable text line" grep -qE "^127\.0\.0\.1 $base/tcp open syn-ack" <<<"$text"
