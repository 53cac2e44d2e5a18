# test_capture_golden.sh: punchline capture -r on the small pcaps of
# tests/golden/capture (every link type, DNS, mesh, cut by the snaplen,
# malformed, pcapng, a file cut mid-record, a file that is no capture)
# must print exactly what NAME.out holds: lines, errors and exit status.
. "$(dirname "$0")/../lib/testlib.sh"
PL_GOLDEN_DIR=$PL_ROOT/tests/golden/capture
. "$PL_GOLDEN_DIR/run.sh"

while read -r name input flags; do
	case $name in ''|'#'*) continue ;; esac
	if [ ! -f "$PL_GOLDEN_DIR/$name.out" ]; then
		fail "capture golden $name" "no $name.out: run tests/golden/capture/update"
		continue
	fi
	# shellcheck disable=SC2086
	if golden_run "$input" $flags | diff -u "$PL_GOLDEN_DIR/$name.out" - \
	    >"$PL_OUT/golden-$name.diff"; then
		pass "capture golden $name"
	else
		fail "capture golden $name" "$(sed -n '4,6p' "$PL_OUT/golden-$name.diff" | tr '\n' ' ')"
	fi
done <"$PL_GOLDEN_DIR/list"
