# testlib.sh: what every shell test shares. Source it; set T_GROUP first.
# Results go one per line to $PL_RESULTS: "PASS group: name",
# "FAIL group: name: why" or "SKIP group: name: why"; tests/run counts them.

PL_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PL_BIN=${PL_BIN:-$PL_ROOT/punchline}
PL_RESULTS=${PL_RESULTS:-/dev/stdout}
PL_OUT=${PL_OUT:-$PL_ROOT/tests/out}
T_GROUP=${T_GROUP:-test}
mkdir -p "$PL_OUT"

pass() { echo "PASS $T_GROUP: $1" >>"$PL_RESULTS"; }
fail() { echo "FAIL $T_GROUP: $1${2:+: $2}" >>"$PL_RESULTS"; }
skip() { echo "SKIP $T_GROUP: $1${2:+: $2}" >>"$PL_RESULTS"; }

# check NAME COMMAND...: passes if the command succeeds.
check() {
	local name=$1
	shift
	if "$@" >/dev/null 2>&1; then pass "$name"; else fail "$name" "$*"; fi
}

# retry SECONDS COMMAND...: runs the command every 0.1 s until it succeeds.
retry() {
	local deadline=$((SECONDS + $1))
	shift
	while ! "$@" >/dev/null 2>&1; do
		[ "$SECONDS" -ge "$deadline" ] && return 1
		sleep 0.1
	done
}

is_root() { [ "$(id -u)" = 0 ]; }
