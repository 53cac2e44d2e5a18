# test_chat_pane.sh: the Chat pane in tmux, talking over loopback only to
# a headless robot peer (punchline chat --json): the peers list, a typed
# line reaching the robot with its delivery mark, the robot's line on the
# screen, /nick, letters going to the input line, PLAINTEXT marked.
. "$(dirname "$0")/../lib/testlib.sh"
. "$(dirname "$0")/../lib/chatlib.sh"
SOCK="pl-chat-$$"
tmx() { tmux -u -L "$SOCK" "$@"; }
cleanup() {
	tmux -L "pl-chat-$$" kill-server 2>/dev/null
	tmux -L "pl-chat-$$-2" kill-server 2>/dev/null
	peers_stop_all
}
trap cleanup EXIT
if ! command -v tmux >/dev/null; then
	skip "chat pane" "tmux is not installed: make deps"
	exit 0
fi
screen() { tmx capture-pane -p -t main; }
on_screen() { screen | grep -qF -- "$1"; }
wait_screen() { retry "${2:-5}" on_screen "$1"; }
typeline() { tmx send-keys -t main -l -- "$1"; tmx send-keys -t main Enter; }

q=$((20000 + RANDOM % 9000))
p=$((q + 1))
peer_start robot - --plaintext --bind 127.0.0.1 --port "$q"
tmx -f /dev/null new-session -d -s main -x 160 -y 40 \
    "env LC_ALL=C.UTF-8 TERM=screen bash --norc --noprofile"
tmx send-keys -t main "$PL_BIN --plaintext --bind 127.0.0.1 --port $p --connect 127.0.0.1:$q --name tui; echo EXIT=\$?" Enter
check "chat pane: PLAINTEXT marked on screen" wait_screen "PLAINTEXT: anyone on the path"
check "chat pane: the robot in the peers list, direct" wait_screen "robot        -                   direct"
typeline "hello robot, quite a queue"
check "chat pane: a typed line (with q, l, z) reaches the robot" \
    peer_wait robot '"from":"tui","text":"hello robot, quite a queue"'
check "chat pane: its mark says delivered to all" \
    wait_screen "hello robot, quite a queue [delivered to all]"
peer_say robot "hi tui"
check "chat pane: the robot's line shows with its sender" wait_screen "robot hi tui"
typeline "/nick teacher"
check "chat pane: /nick renames us at the robot" \
    peer_wait robot '"event":"renamed".*"from":"tui","to":"teacher"'
tmx send-keys -t main Up
check "chat pane: Up brings back the last line" wait_screen "> /nick teacher"
tmx send-keys -t main Down
typeline "/help"
check "chat pane: /help lists the commands" wait_screen "/connect HOST[:PORT|:scan]"
tmx send-keys -t main F10
check "chat pane: F10 quits (exit 0)" wait_screen "EXIT=0"
check "chat pane: the robot hears our bye" \
    peer_wait robot '"name":"teacher","state":"gone".*"reason":"said bye"'

tmx kill-server
SOCK="pl-chat-$$-2"	# a new server: reusing one races with its exit
tmx -f /dev/null new-session -d -s main -x 120 -y 30 \
    "env LC_ALL=C.UTF-8 TERM=screen XDG_CONFIG_HOME=$PL_OUT/tui-xdg bash --norc --noprofile"
tmx send-keys -t main "$PL_BIN; echo EXIT=\$?" Enter
check "chat pane without a mesh says how to start one" wait_screen "No mesh yet. Type /room SECRET"
ids="$PL_OUT/tui-ids"; rm -rf "$ids"
peer_start sealbot - --room pane-room-9 --identity "$ids/bot" --bind 127.0.0.1 --port $((q + 2))
tmx send-keys -t main -l -- "/room pane-"
check "the connect prompt hides the room secret as it is typed" wait_screen "> /room *****"
check "and never shows it" sh -c "! tmux -u -L $SOCK capture-pane -p -t main | grep -q 'pane-'"
typeline "room-9"
check "/room starts a sealed room from the pane" wait_screen "sealed room started"
typeline "/connect 127.0.0.1:$((q + 2))"
check "/connect joins a sealed peer; its fingerprint in the list" \
    wait_screen "sealbot      $(grep -oE '"fingerprint":"[^"]+"' "$PL_OUT/sealbot.out" | head -1 | cut -d'"' -f4) direct"
tmx send-keys -t main F10
check "and quits cleanly" wait_screen "EXIT=0"
check "the pane's identity key went to XDG_CONFIG_HOME, mode 600" \
    test "$(stat -c %a "$PL_OUT/tui-xdg/punchline/identity" 2>/dev/null)" = 600
