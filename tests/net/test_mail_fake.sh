# test_mail_fake.sh: punchline mail against scripted servers on loopback
# (tests/net/mail/fake_server.py): the classic SMTP session and the bytes
# it really sends (dot-stuffing), 503 for a wrong order, 500 for an
# unknown command, a server closing mid-DATA, garbage and an overlong
# line, a POP3 LIST/RETR with a stuffed line. No root needed.
. "$(dirname "$0")/../lib/testlib.sh"
pids=()
cleanup() { [ ${#pids[@]} -eq 0 ] || kill "${pids[@]}" 2>/dev/null; }
trap cleanup EXIT
if ! command -v python3 >/dev/null; then
	skip "mail against fake servers" "python3 is not installed: make deps"
	exit 0
fi
fake=$(dirname "$0")/mail/fake_server.py
port=$((41000 + RANDOM % 20000))
# run SCENARIO ARGS...: a fresh fake server on the next port, then
# punchline mail with the script on stdin; output in $out, wire in $wire.
run() {
	local scenario=$1
	shift
	port=$((port + 1))
	wire=$PL_OUT/mail-$scenario-$port.wire
	out=$PL_OUT/mail-$scenario-$port.out
	: >"$wire"
	python3 "$fake" "$port" "$scenario" "$wire" &
	pids+=($!)
	retry 5 sh -c "ss -Htln 'sport = :$port' | grep -q ."
	"$PL_BIN" mail "${mail_host:-127.0.0.1}":"$port" --timeout 5 "$@" >"$out" 2>&1
	rc=$?
}
# run_stdin SCENARIO ARGS...: the same with the script on stdin (the
# caller's pipe makes it a subshell, so it runs its checks on $out here).
run_stdin() {
	run "$@"
	cp "$out" "$PL_OUT/mail-stdin.out"
}

printf '%s\n' 'HELO lab.test' 'MAIL FROM: foo@bar.com' 'RCPT TO: <alice@lab.test>' \
    DATA 'Subject: hello' '' '.starts with a dot' 'body' . QUIT >"$PL_OUT/classic.script"
run smtp --script "$PL_OUT/classic.script" --json
check "mail: classic session exits 0" test "$rc" = 0
check "mail: greeting 220 explained" \
    grep -q '"event":"reply".*"code":220.*"meaning":"service ready: the server greets you","state":"greeting"' "$out"
check "mail: RCPT 250 with enhanced 2.1.5, state rcpt" \
    grep -q '"code":250,"enhanced":"2.1.5".*"state":"rcpt"' "$out"
check "mail: 354 puts the session in data" grep -q '"code":354.*"state":"data"' "$out"
check "mail: queued after the dot, state sent" grep -q '"code":250,"enhanced":"2.0.0".*"state":"sent"' "$out"
check "mail: the dotted line is reported stuffed" \
    grep -q '"event":"sent".*"line":".starts with a dot","stuffed":true' "$out"
check "mail: on the wire the line went with two dots and CRLF" \
    grep -q $'^\\.\\.starts with a dot\r$' "$wire"
check "mail: the end of data is a lone dot on the wire" grep -q $'^\\.\r$' "$wire"
check "mail: 221 closes, closed by client in state quit" \
    grep -q '"event":"closed".*"by":"client","state":"quit"' "$out"
check "mail: every command waited for its reply (one sent per reply)" \
    test "$(grep -c '"event":"sent"' "$out")" = 10

check "mail: teaching warning: nobody checked the sender (no AUTH)" \
    grep -q '"event":"warning".*"text":"nothing checks this sender: without AUTH' "$out"
check "mail: teaching warning: no From: and no Date: header, at the dot" \
    grep -q '"event":"warning".*"text":"the message has no From: and no Date: header' "$out"

# After AUTH as alice: a foreign MAIL FROM is pointed out, her own is not;
# a message with From: and Date: gets no header warning.
printf '%s\n' 'EHLO lab.test' 'AUTH PLAIN alice secret' 'MAIL FROM:<bob@bar.com>' RSET \
    'MAIL FROM:<alice@lab.test>' 'RCPT TO:<alice@lab.test>' DATA 'From: alice@lab.test' \
    'Date: Wed, 25 Nov 2026 10:00:00 +0000' '' hi . QUIT >"$PL_OUT/identity.script"
run smtp --json --allow-plaintext-auth --script "$PL_OUT/identity.script"
check "mail: teaching warning: MAIL FROM not the identity logged in as" \
    grep -q '"text":"MAIL FROM <bob@bar.com> is not who you logged in as (alice)' "$out"
check "mail: ... only for the foreign sender, none about headers or an unchecked sender" \
    sh -c "test \$(grep -c 'not who you logged in as' '$out') = 1 &&
	! grep -q -e 'no From:' -e 'nothing checks this sender' '$out'"

printf '%s\n' 'EHLO lab.test' 'RCPT TO:<alice@lab.test>' QUIT >"$PL_OUT/order.script"
run smtp --json --script "$PL_OUT/order.script"
check "mail: RCPT before MAIL gets 503, explained as bad sequence" \
    grep -q '"code":503,"enhanced":"5.5.1".*"meaning":"bad sequence of commands: not legal in this state".*"state":"ehlo"' "$out"
check "mail: the EHLO reply is joined (4 lines)" \
    grep -q '"text":"fake.test\\nPIPELINING\\nSTARTTLS\\nAUTH PLAIN LOGIN\\nENHANCEDSTATUSCODES"' "$out"

# AUTH helpers: refused in the clear unless allowed; then PLAIN and LOGIN
# made by punchline (the server checks alice/secret), the password masked.
printf '%s\n' 'EHLO lab.test' 'AUTH PLAIN alice secret' QUIT >"$PL_OUT/auth.script"
run smtp --json --script "$PL_OUT/auth.script"
check "mail: AUTH in the clear is refused with a warning, nothing sent" \
    sh -c "grep -q '\"event\":\"warning\".*refused to send AUTH.*--allow-plaintext-auth' '$out' &&
	! grep -q AUTH '$wire' && grep -q '\"code\":221' '$out'"
printf '%s\n' 'EHLO lab.test' 'AUTH PLAIN alice secret' 'AUTH LOGIN alice secret' \
    'auth login alice wrong' QUIT >"$PL_OUT/auth.script"
run smtp --json --allow-plaintext-auth --script "$PL_OUT/auth.script"
check "mail: allowed AUTH in the clear still warns" \
    grep -q '"event":"warning".*sending a password in the clear (allowed)' "$out"
check "mail: AUTH PLAIN on the wire is base64 of \\0alice\\0secret" \
    grep -q "^AUTH PLAIN $(printf '\0alice\0secret' | base64)"$'\r$' "$wire"
check "mail: AUTH PLAIN shown masked" grep -qF \
    '"line":"AUTH PLAIN <base64 of \"\\0alice\\0********\">","helper":true' "$out"
check "mail: AUTH PLAIN and LOGIN accepted (235 twice)" test "$(grep -c '"code":235' "$out")" = 2
check "mail: AUTH LOGIN's challenges decoded (Username:, Password:)" \
    sh -c "grep -q '\"code\":334.*\"challenge\":\"Username:\"' '$out' &&
	grep -q '\"code\":334.*\"challenge\":\"Password:\"' '$out'"
check "mail: AUTH LOGIN sends the user name in base64" grep -qx "$(printf alice | base64)"$'\r' "$wire"
check "mail: ... and the password in base64" grep -qx "$(printf secret | base64)"$'\r' "$wire"
check "mail: ... shown masked" grep -qF '"line":"<base64 of \"********\">","helper":true' "$out"
check "mail: no event shows the password, in clear or base64" \
    sh -c "! grep -q -e secret -e '$(printf secret | base64)' -e '$(printf '\0alice\0secret' | base64)' '$out'"
check "mail: a wrong password gets 535 5.7.8" grep -q '"code":535,"enhanced":"5.7.8"' "$out"

printf '%s\n' 'EHLO lab.test' 'FROB' QUIT | run_stdin smtp
out=$PL_OUT/mail-stdin.out
check "mail: an unknown command gets 500 (text mode, script on stdin)" \
    grep -q '^< 500 5.5.2 Error: command not recognized  # syntax error, command unrecognised' "$out"
check "mail: text mode shows multi-line replies as sent" grep -q '^< 250-STARTTLS$' "$out"

printf '%s\n' 'EHLO a' 'MAIL FROM:<a@b>' 'RCPT TO:<c@d>' DATA 'Subject: x' 'more' . QUIT \
    >"$PL_OUT/middata.script"
run middata --json --script "$PL_OUT/middata.script"
check "mail: server closing mid-DATA warns that the message was lost" \
    grep -q '"event":"warning","engine":"mail","text":"the connection closed in the middle of DATA' "$out"
check "mail: ... and reports closed by the server in state data" \
    grep -q '"event":"closed".*"by":"server","state":"data"' "$out"

echo QUIT >"$PL_OUT/quit.script"
run garbage --json --script "$PL_OUT/quit.script"
check "mail: garbage greeting is an error, not a crash" \
    grep -q '"event":"error".*"text":"a reply line starts with a three-digit code"' "$out"
check "mail: garbage exits 1" test "$rc" = 1

run overlong --json --script "$PL_OUT/quit.script"
check "mail: a 5000-byte line without end is refused" \
    grep -q '"event":"error".*"text":"the server sent a line longer than 1024 bytes"' "$out"
check "mail: overlong exits 1" test "$rc" = 1

printf '%s\n' 'USER alice' 'PASS secret' LIST 'RETR 1' NOOP QUIT >"$PL_OUT/pop3.script"
run pop3 --pop3 --json --script "$PL_OUT/pop3.script"
check "mail: pop3 session exits 0" test "$rc" = 0
check "mail: pop3 USER in plaintext gets the teaching warning" \
    grep -q '"event":"warning".*in the clear' "$out"
check "mail: pop3 PASS +OK moves to transaction" \
    grep -q '"status":"+OK".*"state":"transaction"' "$out"
check "mail: pop3 RETR data unstuffed" grep -q '"event":"data".*"line":".dot line"' "$out"
check "mail: pop3 -ERR with [SYS/PERM] explained" \
    grep -q '"status":"-ERR","code":"SYS/PERM".*"meaning":"a permanent system problem (RFC 3206)"' "$out"
check "mail: pop3 QUIT ends in update" grep -q '"event":"closed".*"state":"update"' "$out"

# POP3 AUTH LOGIN (RFC 5034): the server's "+ base64" challenges decoded.
printf '%s\n' 'AUTH LOGIN alice secret' STAT QUIT >"$PL_OUT/pop3auth.script"
run pop3 --pop3 --json --allow-plaintext-auth --script "$PL_OUT/pop3auth.script"
check "mail: pop3 AUTH LOGIN's + challenges decoded in the event (Username:, Password:)" \
    sh -c "grep -q '\"status\":\"+\",.*\"text\":\"VXNlcm5hbWU6\",.*\"challenge\":\"Username:\"' '$out' &&
	grep -q '\"status\":\"+\",.*\"text\":\"UGFzc3dvcmQ6\",.*\"challenge\":\"Password:\"' '$out'"
check "mail: ... answered by the helper, logged in (transaction)" \
    sh -c "[ $rc = 0 ] && grep -q '\"status\":\"+OK\",.*\"text\":\"logged in\".*\"state\":\"transaction\"' '$out'"
run pop3 --pop3 --allow-plaintext-auth --script "$PL_OUT/pop3auth.script"
check "mail: ... and in text mode: \"the server asks: Username:\"" \
    grep -qx '< + VXNlcm5hbWU6  # the server asks: Username:; send the next authentication line \[authorization\]' "$out"

port=$((port + 10))	# run_stdin's port was used in a subshell
# A host name is looked up without blocking the loop (from /etc/hosts).
mail_host=localhost run smtp --json --script "$PL_OUT/quit.script"
check "mail: a name from /etc/hosts (localhost) is looked up, then connected" \
    sh -c "[ $rc = 0 ] && grep -q '\"event\":\"connected\".*\"host\":\"localhost\"' '$out' &&
	grep -q '\"code\":221' '$out'"
if is_root && command -v unshare >/dev/null; then
	# No network at all: the lookup fails at once, no DNS is asked.
	unshare -n "$PL_BIN" mail nosuch.invalid --json </dev/null >"$PL_OUT/mail-nohost.out" 2>&1
	rc=$?
	check "mail: an unknown name is an error event, exit 1" \
	    sh -c "[ $rc = 1 ] && grep -q '\"event\":\"error\".*nosuch.invalid' '$PL_OUT/mail-nohost.out'"
fi
check "mail: a bad port is a usage error" \
    sh -c "$PL_BIN mail 127.0.0.1:0 </dev/null >/dev/null 2>&1; [ \$? = 2 ]"
