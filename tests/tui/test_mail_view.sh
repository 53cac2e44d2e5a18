# test_mail_view.sh: the Mail view in tmux against the scripted SMTP
# server of tests/net/mail/fake_server.py on 127.0.0.1: F9 puts it in place
# of the focused pane; guided mode walks the classic session (EHLO, MAIL
# FROM, RCPT TO, DATA, a Subject, the empty line, a body line, ".", QUIT),
# each step suggested with why and sent with Enter (one edited first); the
# annotations beside the replies and the state strip follow; the bytes
# that reached the server are checked. Then free mode: RCPT before MAIL
# (503 explained), AUTH refused in the clear, STARTTLS against the fake
# server's self-signed certificate (the TLS line, the certificate's names
# and dates; the session held on a question until y, the choice said),
# C-a, AUTH inside TLS made by the helper with the password masked; Esc
# closes; POP3 guided: USER, PASS, STAT, LIST, RETR 1, QUIT; POP3 in TLS
# from the start: the greeting held behind the question, y lets it
# through, n closes. The CA file and Name fields: smtps against a
# certificate for mail.lab.test signed by a CA made here: without them
# the question (unknown issuer); a CA file that is not there is said, no
# crash; with the CA and the name the TLS line says trusted, the name
# went as SNI and the session goes on without a question; the two rows
# of the form read whole at 80x24, zoomed. Quitting with a session open
# asks first.
. "$(dirname "$0")/../lib/testlib.sh"
. "$(dirname "$0")/../net/mail/certs.sh"

SOCK="pl-mailview-$$"
pids=()
tmx() { tmux -u -L "$SOCK" "$@"; }
cleanup() {
	tmux -L "$SOCK" kill-server 2>/dev/null
	[ ${#pids[@]} -eq 0 ] || kill "${pids[@]}" 2>/dev/null
	rm -rf "$tls"
	return 0
}
trap cleanup EXIT
if ! command -v python3 >/dev/null; then
	skip "mail view" "python3 is not installed: make deps"
	exit 0
fi
screen() { tmx capture-pane -p -t main; }
on_screen() { screen | grep -qE -- "$1"; }
wait_screen() { retry "${2:-5}" on_screen "$1"; }
keys() { tmx send-keys -t main "$@"; }
title_row() { screen | grep -nE -- "(─|-)(\[ | )$1( \]| )(─|-)" | head -1 | cut -d: -f1; }
strip() { wait_screen "State .*\[$1\]" 3; }

port=$((41000 + RANDOM % 20000))
# A self-signed certificate for the fake server's STARTTLS.
tls=$(mktemp -d /tmp/pl-mailview-$$.XXXX)
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=lab.test \
    -addext subjectAltName=DNS:lab.test,IP:127.0.0.1 -keyout "$tls/cert.key" \
    -out "$tls/cert.pem" >/dev/null 2>&1
# And a test CA with a certificate it signed for mail.lab.test.
make_ca "$tls"
make_cert "$tls" signed mail.lab.test
# fake SCENARIO [CERT]: a one-connection fake server on the next port (TLS
# with CERT, default the self-signed one); its wire log in $wire.
fake() {
	port=$((port + 1))
	wire=$PL_OUT/mailview-$1-$port.wire
	: >"$wire"
	python3 "$(dirname "$0")/../net/mail/fake_server.py" "$port" "$1" "$wire" \
	    "$tls/${2:-cert}.pem" "$tls/${2:-cert}.key" &
	pids+=($!)
	retry 5 sh -c "ss -Htln 'sport = :$port' | grep -q ."
}
# connect: the port field set to $port, then Enter.
connect() {
	keys Down BSpace BSpace BSpace BSpace BSpace
	keys "$port" Up Enter
}

fake smtp
tmx -f /dev/null new-session -d -s main -x 120 -y 40 \
    "env LC_ALL=C.UTF-8 TERM=screen $PL_BIN; echo EXIT=\$?; sleep 30"
wait_screen "F10Quit" || { fail "mail view: the screen starts"; exit 0; }
check "mail view: F9 is in the key bar" on_screen "F9Mail"
keys F4 F9
mail_shown() { [ -n "$(title_row Mail)" ] && [ -z "$(title_row Scanner)" ]; }
check "mail view: F9 shows Mail where Scanner was" retry 3 mail_shown
keys F7	# zoom: z would be typed into the Host field
check "mail view: the form (host, port, protocol, mode)" \
    wait_screen "Host 127\.0\.0\.1 +Port 25 +Protocol <smtp> Mode <guided>"
connect
check "mail view: the greeting, annotated beside it" \
    wait_screen "< 220 fake\.test ESMTP +# -> greeting: service ready: the server greets you"
check "mail view: state strip at greeting" strip greeting
check "mail view: TLS status says plaintext" on_screen "TLS +none: plaintext, anyone on the path can read"
ehlo_suggested() { on_screen 'Next: say hello: EHLO' && on_screen '^│> EHLO punchline\.test'; }
check "mail view: guided: EHLO suggested with why" ehlo_suggested
keys Enter
check "mail view: EHLO's capabilities as sent, the last annotated" \
    wait_screen "< 250 ENHANCEDSTATUSCODES +# -> ehlo: requested action okay"
check "mail view: state strip at EHLO" strip EHLO
check "mail view: MAIL FROM suggested, STARTTLS pointed out" \
    wait_screen "Next: the envelope sender, never checked.*offers STARTTLS"
# The user edits the suggestion: bar.com becomes bar.org.
keys BSpace BSpace BSpace BSpace "org>" Enter
check "mail view: the edited MAIL FROM went, 2.1.0 annotated" \
    wait_screen "< 250 2\.1\.0 Ok +# -> mail: requested action okay, completed; other address status"
check "mail view: state strip at MAIL" strip MAIL
keys Enter
check "mail view: RCPT TO the lab user, 2.1.5" wait_screen "< 250 2\.1\.5 Ok +# -> rcpt: requested action okay"
check "mail view: state strip at RCPT" strip RCPT
keys Enter
check "mail view: DATA gets 354, explained" wait_screen "< 354 End data.* # -> data: start mail input"
check "mail view: state strip at DATA" strip DATA
keys Enter
check "mail view: after the Subject the empty line is suggested" \
    wait_screen "Next: an empty line ends the headers"
keys Enter
check "mail view: then a body line" wait_screen "Next: the body"
keys Enter
check "mail view: then the lone dot" wait_screen "Next: a lone '\.' ends the message"
keys Enter
check "mail view: queued, state sent" wait_screen "< 250 2\.0\.0 Ok: queued as 1 +# -> sent:"
check "mail view: state strip at sent" strip sent
keys Enter
check "mail view: QUIT, 221, closed by the client" wait_screen "\* closed by client \(state quit\)"
check "mail view: state strip at QUIT" strip QUIT
both_sides() { on_screen '^│> RCPT TO:<alice@lab\.test>' && on_screen '^│< 221 2\.0\.0 Bye'; }
check "mail view: our lines and the server's in the transcript" both_sides
check "mail view: the server got the edited sender" grep -q $'^MAIL FROM:<foo@bar\\.org>\r$' "$wire"
message_sent() {
	grep -qx $'Subject: hello from punchline\r' "$wire" && grep -qx $'\r' "$wire" &&
	    grep -qx $'This mail was typed by hand.\r' "$wire" && grep -qx $'.\r' "$wire"
}
check "mail view: ... the Subject, the empty line, the body and the dot, CRLF" message_sent
check "mail view: ... one line per step, 9 in all" test "$(wc -l <"$wire")" = 9

# Free mode: nothing suggested; wrong order, AUTH refused then allowed.
fake smtp
keys C-g
check "mail view: C-g switches to free mode" wait_screen "Mode <free>"
keys Down BSpace BSpace BSpace BSpace BSpace "$port" Up Enter
wait_screen "< 220 fake\.test" 5
check "mail view: free mode suggests nothing" eval '! on_screen "Next:"'
keys "RCPT TO:<alice@lab.test>" Enter
check "mail view: RCPT before MAIL: 503 explained" \
    wait_screen "< 503 5\.5\.1 .* # -> greeting: bad sequence of commands"
keys "EHLO me" Enter
wait_screen "< 250 ENHANCEDSTATUSCODES" 3
keys "AUTH PLAIN alice secret" Enter
check "mail view: AUTH in the clear refused, said on screen" wait_screen "! refused to send AUTH"
keys STARTTLS Enter
check "mail view: STARTTLS: the TLS line names version, cipher and verdict" \
    wait_screen "^│TLS +TLSv1\.3 TLS_[A-Z0-9_]+, certificate self-signed: /CN=lab\.test, valid to 20"
check "mail view: the certificate's names and validity in the transcript" \
    wait_screen "^│\*   names DNS:lab\.test, IP:127\.0\.0\.1, valid 20[0-9-]+T[0-9:]+Z to "
screen >"$PL_OUT/mailview-tls.screen"
check "mail view: the untrusted certificate holds the session on a question" \
    wait_screen "^│The certificate is not trusted \(self-signed\)\. y: go on anyway \(insecure\)  n: close"
check "mail view: ... said in the transcript too" \
    on_screen "! the certificate is not trusted \(self-signed\): go on anyway\?"
keys "EHLO me"
keys y
input_row() { screen | grep '^│' | tail -1; }
check "mail view: ... letters typed meanwhile do not reach the input line" \
    eval 'wait_screen "going on with an untrusted" 3 && input_row | grep -qE "^│> +│$"' 
check "mail view: y: going on with the untrusted certificate is said" \
    wait_screen "! going on with an untrusted certificate \(your choice\)"
check "mail view: ... and the TLS strip says insecure" \
    on_screen "^│TLS +TLSv1\.3 .*certificate self-signed \(insecure: your choice\): /CN=lab\.test"
check "mail view: after STARTTLS the strip is back at greeting" strip greeting
keys "EHLO me" Enter
wait_screen "< 250 ENHANCEDSTATUSCODES" 3
keys C-a
check "mail view: C-a allows AUTH in the clear, with the warning" \
    wait_screen "AUTH with a password outside TLS: allowed"
keys C-a
keys "AUTH PLAIN alice secret" Enter
masked() { wait_screen '< 235 2\.7\.0' 3 && screen | grep -qF '> AUTH PLAIN <base64 of "\0alice\0********">'; }
check "mail view: inside TLS AUTH goes: the helper's line shown masked, 235" masked
keys "AUTH LOGIN alice secret" Enter
check "mail view: AUTH LOGIN's 334 challenge decoded beside it" \
    wait_screen "^│< 334 VXNlcm5hbWU6 +# -> ehlo: the server asks: Username:; authentication challenge"
check "mail view: no password on screen" eval '! on_screen secret'
check "mail view: the server got the base64 of \\0alice\\0secret" \
    grep -q "^AUTH PLAIN $(printf '\0alice\0secret' | base64)"$'\r$' "$wire"

# POP3, guided: USER, PASS, STAT, LIST, RETR 1, QUIT suggested in turn.
keys Escape
check "mail view: Esc closes the session" wait_screen "\* closed by client"
fake pop3
keys C-g Down Down Right Right Right
check "mail view: protocol pop3 sets port 110" wait_screen "Port 110 +Protocol <pop3> Mode <guided>"
keys Up BSpace BSpace BSpace "$port" Up Enter
check "mail view: pop3 greeting annotated" \
    wait_screen "< \+OK fake POP3 ready +# -> authorization: success"
check "mail view: pop3 strip" strip authorization
for step in "USER alice" "PASS secret" STAT LIST "RETR 1"; do
	wait_screen "^│> $step" 3 || break
	keys Enter
done
check "mail view: pop3 guided walk reaches transaction, RETR's lines shown" \
    wait_screen "^│< Subject: hi"
check "mail view: pop3 strip at transaction" strip transaction
check "mail view: QUIT suggested last" wait_screen "^│> QUIT" 3
check "mail view: the server got the walk in order" \
    test "$(tr -d '\r' <"$wire" | tr '\n' ,)" = "USER alice,PASS secret,STAT,LIST,RETR 1,"
keys Enter
check "mail view: pop3 strip at update" strip update

# POP3 in TLS from the start: the greeting waits behind the question;
# y lets it through, n closes without it.
greetings() { screen | grep -c "< +OK fake POP3 ready"; }
greetings_are() { [ "$(greetings)" = "$1" ]; }
held_greeting() { wait_screen "y: go on anyway" 5 && greetings_are "$1"; }
greeting_then_user() { retry 5 greetings_are "$1" && wait_screen "^│> USER alice" 3; }
refused() {
	wait_screen "! the untrusted certificate was refused: the session is closed" 5 &&
	    on_screen "\* closed by client" && greetings_are "$1"
}
fake pop3s
seen=$(greetings)
keys Down Down Right Up BSpace BSpace BSpace "$port" Up Enter
check "mail view: pop3s asks about the self-signed certificate before any greeting" \
    held_greeting "$seen"
keys y
check "mail view: ... y: the greeting held meanwhile comes through, USER suggested" \
    greeting_then_user $((seen + 1))
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
keys "AUTH LOGIN alice secret" Enter
check "mail view: pop3 AUTH LOGIN's + challenges decoded beside them" \
    wait_screen "^│< \+ UGFzc3dvcmQ6 +# -> authorization: the server asks: Password:; send the next"
keys Escape
wait_screen "\* closed by client" 3
fake pop3s
connect
wait_screen "y: go on anyway" 5
seen=$(greetings)
keys n
check "mail view: n refuses the certificate: said, the session closed, no greeting" refused "$seen"

# A certificate from a private CA: asked about without the CA file, trusted
# with it and the name it carries.
fake smtps signed
keys Down Down Left Left
check "mail view: the form's second row: CA file and Name, empty" \
    wait_screen "^│CA file +Name +│" 3
keys Up BSpace BSpace BSpace "$port" Up Enter
check "mail view: without the CA file the private CA's certificate is asked about" \
    wait_screen "^│The certificate is not trusted \(unknown issuer\)\. y: go on anyway"
keys n
wait_screen "\* closed by client" 3
fake smtps signed
keys Up Up "$tls/none.pem" Down mail.lab.test Down Down
keys BSpace BSpace BSpace BSpace BSpace "$port" Up Enter
check "mail view: a CA file that is not there: said in the view" \
    wait_screen "^│! cannot read the CAs to trust from $tls/none\.pem" 3
keys Up Up BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace ca.pem Down Down
check "mail view: the CA file and the name in the form" \
    wait_screen "^│CA file $tls/ca\.pem +Name mail\.lab\.test +│" 3
keys Enter
check "mail view: with the CA file and the name the TLS line says trusted" \
    wait_screen "^│TLS +TLSv1\.3 TLS_[A-Z0-9_]+, certificate trusted: /CN=mail\.lab\.test, valid to 20"
check "mail view: ... and the session goes on without a question" \
    eval 'wait_screen "^│> EHLO punchline\.test" 3 && ! on_screen "y: go on anyway"'
check "mail view: ... the name went as SNI" grep -qx mail.lab.test "$wire.sni"
keys Enter
check "mail view: ... EHLO answered inside TLS" wait_screen "< 250 ENHANCEDSTATUSCODES" 3
tmx resize-window -t main -x 80 -y 24
check "mail view: at 80x24, zoomed, the first row of the form reads whole" \
    wait_screen "^│Host 127\.0\.0\.1 +Port [0-9]+ +Protocol <smtps> Mode <guided>  Esc" 3
check "mail view: ... and the second" \
    on_screen "^│CA file $tls/ca\.pem +Name mail\.lab\.test +│"
screen >"$PL_OUT/mailview-80x24.screen"
keys Escape
wait_screen "\* closed by client" 3

fake pop3
keys Down Down Right Up BSpace BSpace BSpace "$port" Up Enter
wait_screen "fake POP3 ready" 5
keys F10
check "mail view: quitting with a session open asks first" wait_screen "Quit\? a mail session is still running" 3
keys y
check "mail view: y quits" wait_screen "EXIT=0" 5
