# test_layers.sh: the floors of ../shared/ARCHITECTURE.md, checked on the
# source: arrows point down only, curses stays in ui/, privileged calls
# stay in the one file allowed to make them, protocols/ does no I/O.
. "$(dirname "$0")/../lib/testlib.sh"
cd "$PL_ROOT" || exit 1

# offenders PATTERN FILES...: the files that match, or nothing.
offenders() {
	local pattern=$1
	shift
	grep -lE "$pattern" "$@" 2>/dev/null | tr '\n' ' '
}
expect_none() {
	local name=$1 found=$2
	[ -z "$found" ] && pass "$name" || fail "$name" "$found"
}

engines=$(ls src/*/*.[ch] | grep -v '^src/core/')
expect_none "protocols/ includes nothing from above" \
    "$(offenders '#include "\.\./(src|ui)/' protocols/*.[ch])"
expect_none "protocols/ does no I/O and no allocation" \
    "$(offenders '\b(malloc|calloc|realloc|free|read|write|send|recv|socket|fopen|printf)\(' protocols/*.c)"
expect_none "core includes no engine and no ui" \
    "$(offenders '#include "\.\./(lab|mesh|sockets|scan|capture|mail|storage|trace)/|#include "\.\./\.\./ui/|ui/' src/core/*.[ch])"
expect_none "engines include no ui" \
    "$(offenders '#include "(\.\./)+ui/' $engines)"
expect_none "curses only in ui/" \
    "$(offenders '#include <n?curses' src/*/*.[ch] protocols/*.[ch])"
expect_none "ui/ opens no socket and no capture" \
    "$(offenders '\b(socket|bind|connect|sendto|recvfrom|pcap_[a-z_]+|setns)\(' ui/*.c)"
expect_none "capability calls only in src/core/priv.c" \
    "$(offenders '\bcapng_|\bcapset\(|\bsetuid\(|\bsetgid\(' $(ls src/*.c src/*/*.c ui/*.c | grep -v '^src/core/priv.c$'))"
expect_none "only main.c knows every floor" \
    "$(offenders '#include "(\.\./)*ui/tui\.h"' $(ls src/*/*.c ui/*.c))"
