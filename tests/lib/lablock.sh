# lablock.sh: one lock for everything that uses the lab or the fixed pl-*
# namespaces, so tests, benchmarks and people sharing a machine take
# turns. A script calls `lab_lock_or_reexec CMD...` (usually
# `bash "$0" "$@"`): it runs again under flock /run/pl-lab.lock, unless
# the lock is already held by this process or one of its ancestors (an
# outer `flock /run/pl-lab.lock make check`): locking again there would
# wait for ourselves forever, as flock locks belong to open files.
PL_LAB_LOCK=${PL_LAB_LOCK:-/run/pl-lab.lock}

# The pids holding the lock file, from /proc/locks (waiters, shown with
# "->", are not holders).
lab_lock_holders() {
	local ino
	[ -e "$PL_LAB_LOCK" ] || return 0
	ino=$(stat -c %i "$PL_LAB_LOCK") || return 0
	awk -v ino="$ino" '$2 == "FLOCK" { n = split($6, f, ":"); if (f[n] == ino) print $5 }' /proc/locks
}

# True when this shell or an ancestor holds the lock.
lab_lock_held() {
	local holders pid=$$
	holders=" $(lab_lock_holders | tr '\n' ' ') "
	while [ -n "$pid" ] && [ "$pid" -gt 1 ]; do
		case $holders in *" $pid "*) return 0 ;; esac
		pid=$(awk '/^PPid:/ { print $2 }' "/proc/$pid/status" 2>/dev/null)
	done
	return 1
}

lab_lock_or_reexec() {
	[ -n "${PL_LAB_LOCKED:-}" ] && return 0
	command -v flock >/dev/null || return 0
	lab_lock_held && return 0
	PL_LAB_LOCKED=1 exec flock "$PL_LAB_LOCK" "$@"
}

# with_lab_lock CMD...: runs CMD holding the lock (taken only if not held).
with_lab_lock() {
	if [ -n "${PL_LAB_LOCKED:-}" ] || lab_lock_held; then
		"$@"
	else
		flock "$PL_LAB_LOCK" "$@"
	fi
}
