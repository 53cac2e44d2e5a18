# run.sh: shared by the golden test and ./update. golden_run INPUT FLAGS...
# prints what the expected file holds: stdout, stderr, then "exit N".
golden_run() {
	local input=$1
	shift
	(cd "$PL_GOLDEN_DIR" && TZ=UTC "$PL_BIN" capture -r "$input" "$@" 2>&1
	 echo "exit $?")
}
