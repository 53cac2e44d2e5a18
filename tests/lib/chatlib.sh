# chatlib.sh: robot chat peers for the tests. Each runs `punchline chat
# --json`, reads its stdin from a FIFO and writes events to $PL_OUT/NAME.out.
#   peer_start NAME NODE|- ARGS...   (NODE "-": this namespace)
#   peer_say NAME TEXT               peer_stop NAME (EOF: bye and exit)
#   peer_wait NAME REGEX [SECONDS]   peer_kill NAME (SIGKILL, no bye)
#   peer_count NAME REGEX            peer_kill_pid NAME (the same, by PID)
#   peer_pid NAME                    peers_stop_all (EOF to all, then wait)
# peer_kill matches the command line, so on a shared machine it can reach
# another run's peer of the same name; for NODE "-" the recorded PID is
# punchline's own, and peer_kill_pid and peer_pid use it.

declare -A PEER_FD PEER_PID

peer_start() {
	local name=$1 node=$2
	shift 2
	local fifo="$PL_OUT/$name.in" out="$PL_OUT/$name.out"
	rm -f "$fifo" "$out"
	mkfifo "$fifo"
	local -a run=("$PL_BIN" chat --json --name "$name" "$@")
	[ "$node" = - ] || run=("$PL_BIN" lab exec "$node" "${run[@]}")
	# The other peers' FIFO ends are closed in this one: a peer sees EOF
	# only if no one else holds its FIFO open.
	(
		for fd in "${PEER_FD[@]}"; do eval "exec $fd>&-"; done
		exec "${run[@]}"
	) <"$fifo" >"$out" 2>&1 &
	PEER_PID[$name]=$!
	disown "$!"	# no job-control notices when a test kills it
	exec {fd}>"$fifo"
	PEER_FD[$name]=$fd
	retry 5 grep -q '"event":"ready"' "$out"
}

peer_say() { echo "$2" >&"${PEER_FD[$1]}"; }
peer_wait() { retry "${3:-10}" grep -qE "$2" "$PL_OUT/$1.out"; }
peer_count() { grep -cE "$2" "$PL_OUT/$1.out"; }

peer_stop() {
	local fd=${PEER_FD[$1]}
	[ -n "$fd" ] && exec {fd}>&-
	unset "PEER_FD[$1]"
}

# peer_gone NAME: waits (10 s at most) until the peer's process has ended,
# after peer_stop: it sends its last acks and BYE before it lets go of its
# port, which a restart on that port needs.
peer_gone() { retry 10 sh -c "! kill -0 ${PEER_PID[$1]} 2>/dev/null"; }

peer_kill() {
	pkill -9 -f -- "--name $1( |\$)" 2>/dev/null
	peer_stop "$1"
}

peer_pid() { echo "${PEER_PID[$1]}"; }

peer_kill_pid() {
	kill -9 "${PEER_PID[$1]}" 2>/dev/null
	peer_stop "$1"
}

# Forgets the PIDs it has waited for: a later call (an EXIT trap) must not
# wait for, or kill, an unrelated process that reused one.
peers_stop_all() {
	local n
	for n in "${!PEER_FD[@]}"; do peer_stop "$n"; done
	for n in "${!PEER_PID[@]}"; do
		retry 10 sh -c "! kill -0 ${PEER_PID[$n]} 2>/dev/null" ||
			kill -9 "${PEER_PID[$n]}" 2>/dev/null
		unset "PEER_PID[$n]"
	done
}
