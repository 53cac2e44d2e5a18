# test_mail_smtpd.sh: punchline mail against a real Postfix and a real
# Dovecot (tests/net/mail/servers.sh) that this test starts in a network
# namespace of its own (pl-mailtest-PID, lo only): the classic session
# lands a message in the maildir (dot-stuffing checked in the stored
# file), MAIL FROM without <> gets 501, wrong order 503, an unknown
# command 500; swaks sends the same way for comparison; STARTTLS on 25 and
# 587 with AUTH PLAIN and LOGIN (helpers) inside TLS, AUTH refused in the
# clear, 465 in TLS from the start, each beside
# openssl s_client; then Dovecot serves the maildir back over POP3, STLS
# and 995.
. "$(dirname "$0")/../lib/testlib.sh"
. "$(dirname "$0")/mail/servers.sh"
if ! is_root; then
	skip "mail against Postfix" "needs root for a network namespace"
	exit 0
fi
for tool in postfix dovecot openssl; do
	if ! command -v $tool >/dev/null; then
		skip "mail against Postfix" "$tool is not installed: make deps"
		exit 0
	fi
done
# The packages may start system daemons on the host's ports: stop them,
# so nothing listens there (idempotent; no systemd on some machines).
for unit in postfix dovecot; do
	if command -v systemctl >/dev/null && systemctl is-system-running >/dev/null 2>&1; then
		systemctl disable --now $unit >/dev/null 2>&1
	else
		service $unit stop >/dev/null 2>&1
	fi
done
ns=pl-mailtest-$$
dir=$(mktemp -d /tmp/pl-mailtest-$$.XXXX)
cleanup() {
	servers_stop
	ip netns del "$ns" 2>/dev/null
	cp "$dir/postfix.log" "$dir/dovecot.log" "$PL_OUT/" 2>/dev/null
	rm -rf "$dir"
}
trap cleanup EXIT
ip netns add "$ns" && ip -n "$ns" link set lo up
if ! servers_start "$dir" "$ns"; then
	fail "Postfix and Dovecot start in $ns" "$(tail -n 3 "$dir/postfix.log" "$dir/dovecot.log" 2>&1)"
	exit 0
fi
in_ns() { ip netns exec "$ns" "$@"; }
# mail SCRIPT ARGS...: punchline mail to the namespace's 127.0.0.1.
mail() {
	local script=$1
	shift
	in_ns "$PL_BIN" mail 127.0.0.1 --timeout 10 --json --script "$script" "$@"
}
# script NAME LINE...: a script file in the test's directory.
script() {
	local name=$1
	shift
	printf '%s\n' "$@" >"$dir/$name"
	echo "$dir/$name"
}
stored() { grep -rl "$1" "$dir/Maildir" | head -1; }

out=$PL_OUT/mail-smtpd-classic.json
mail "$(script classic 'HELO lab.test' 'MAIL FROM:<foo@bar.com>' 'RCPT TO:<alice@lab.test>' \
    DATA 'Subject: punchline classic' '' '.a line that starts with a dot' 'bye' . QUIT)" >"$out"
check "smtpd: classic session exits 0" test $? = 0
check "smtpd: Postfix greets with 220" grep -q '"code":220,.*ESMTP Postfix' "$out"
check "smtpd: a forged MAIL FROM is taken (250 2.1.0)" grep -q '"code":250,"enhanced":"2.1.0"' "$out"
check "smtpd: RCPT accepted (250 2.1.5)" grep -q '"code":250,"enhanced":"2.1.5"' "$out"
check "smtpd: DATA 354, state data" grep -q '"code":354.*"state":"data"' "$out"
check "smtpd: message queued, state sent" grep -q '"code":250,"enhanced":"2.0.0".*"state":"sent"' "$out"
retry 10 sh -c "grep -rlq 'punchline classic' '$dir/Maildir'"
check "smtpd: the message is in the maildir" test -n "$(stored 'punchline classic')"
check "smtpd: the dotted line arrived with one dot (stuffing undone)" \
    grep -qx '.a line that starts with a dot' "$(stored 'punchline classic')"

out=$PL_OUT/mail-smtpd-501.json
mail "$(script nobrackets 'HELO lab.test' 'MAIL FROM: foo@bar.com' QUIT)" >"$out"
check "smtpd: MAIL FROM without <> gets 501 5.1.7, explained" \
    grep -q '"code":501,"enhanced":"5.1.7",.*"meaning":"syntax error in parameters or arguments"' "$out"

out=$PL_OUT/mail-smtpd-order.json
mail "$(script order 'EHLO lab.test' 'RCPT TO:<alice@lab.test>' 'FROBNICATE' QUIT)" >"$out"
check "smtpd: EHLO lists capabilities (joined reply)" grep -q '"code":250,.*\\nSTARTTLS\\n' "$out"
check "smtpd: RCPT before MAIL gets 503" grep -q '"code":503,"enhanced":"5.5.1".*"meaning":"bad sequence' "$out"
check "smtpd: an unknown command gets 500 5.5.2, explained" grep -q '"code":500,"enhanced":"5.5.2",.*"meaning":"syntax error, command unrecognised' "$out"

if command -v swaks >/dev/null; then
	in_ns swaks --server 127.0.0.1 --from foo@bar.com --to alice@lab.test \
	    --header 'Subject: swaks classic' >"$PL_OUT/swaks.log" 2>&1
	check "smtpd: swaks sends the same message (250 queued)" \
	    grep -q '<-  250 2.0.0 Ok: queued' "$PL_OUT/swaks.log"
	check "smtpd: swaks and punchline saw the same greeting" \
	    grep -q "<-  220 $(grep -o '"code":220,"enhanced":"","text":"[^"]*' \
	    "$PL_OUT/mail-smtpd-classic.json" | sed 's/.*"text":"//')" "$PL_OUT/swaks.log"
	check "smtpd: swaks's message is in the maildir too" \
	    retry 10 sh -c "grep -rlq 'swaks classic' '$dir/Maildir'"
else
	skip "smtpd: swaks comparison" "swaks is not installed: make deps"
fi

# STARTTLS on 25, then AUTH (alice, secret) inside TLS, made by the
# helper (tls_session NAME MECH), and a mail.
auth_plain=$(printf '\0alice\0secret' | base64)
tls_session() {
	script "$1" 'EHLO lab.test' STARTTLS 'EHLO lab.test' "AUTH $2 alice secret" \
	    'MAIL FROM:<alice@lab.test>' 'RCPT TO:<alice@lab.test>' DATA "Subject: $1" '' hi . QUIT
}
out=$PL_OUT/mail-smtpd-auth-clear.json
mail "$(script authclear 'EHLO lab.test' 'AUTH PLAIN alice secret' QUIT)" >"$out"
check "smtpd: AUTH before STARTTLS refused by punchline (warning, not sent)" \
    sh -c "grep -q 'refused to send AUTH' '$out' && ! grep -q '\"line\":\"AUTH' '$out'"
mail "$dir/authclear" --allow-plaintext-auth >"$out"
check "smtpd: forced AUTH in the clear: warned, and Postfix refuses it (503 5.5.1)" \
    sh -c "grep -q 'sending a password in the clear (allowed)' '$out' &&
	grep -q '\"code\":503,\"enhanced\":\"5.5.1\"' '$out'"
out=$PL_OUT/mail-smtpd-starttls25.json
mail "$(tls_session starttls25 PLAIN)" >"$out"
check "smtpd: STARTTLS without --insecure: self-signed, refused (exit 1)" \
    sh -c "[ $? = 1 ] && grep -q '\"event\":\"tls\".*\"verify\":\"self-signed\",\"subject\":\"/CN=lab.test\"' '$out' &&
	grep -q 'not trusted (self-signed): the session ends here (--insecure' '$out' && ! grep -q '\"line\":\"AUTH' '$out'"
mail "$dir/starttls25" --insecure >"$out"
check "smtpd: STARTTLS on 25: 220 2.0.0, then a TLS 1.3 handshake" \
    sh -c "grep -q '\"code\":220,\"enhanced\":\"2.0.0\"' '$out' &&
	grep -q '\"event\":\"tls\",.*\"version\":\"TLSv1.3\"' '$out'"
check "smtpd: AUTH offered only inside TLS (EHLO before and after)" \
    sh -c "test \$(grep -c 'AUTH PLAIN LOGIN' '$out') = 1 &&
	grep -n 'AUTH PLAIN LOGIN' '$out' | grep -q '^[0-9]*:.*\"state\":\"ehlo\"' &&
	test \$(grep -n '\"event\":\"tls\"' '$out' | cut -d: -f1) -lt \$(grep -n 'AUTH PLAIN LOGIN' '$out' | cut -d: -f1)"
check "smtpd: AUTH PLAIN helper inside TLS: 235 2.7.0" grep -q '"code":235,"enhanced":"2.7.0"' "$out"
check "smtpd: ... the password masked in the sent event" grep -qF \
    '"line":"AUTH PLAIN <base64 of \"\\0alice\\0********\">"' "$out"
check "smtpd: ... and no warning about the clear inside TLS" sh -c "! grep -q 'in the clear' '$out'"
check "smtpd: the mail sent inside TLS is queued and stored" \
    sh -c "grep -q '\"code\":250,\"enhanced\":\"2.0.0\".*\"state\":\"sent\"' '$out' &&
	retry() { i=0; while ! grep -rlq 'Subject: starttls25' '$dir/Maildir'; do i=\$((i+1)); [ \$i -gt 50 ] && return 1; sleep 0.2; done; }; retry"
# The certificate report: SANs and validity as openssl x509 reads them.
iso() { date -u -d "$(openssl x509 -noout "$1" -in "$dir/cert.pem" | cut -d= -f2)" +%Y-%m-%dT%H:%M:%SZ; }
check "smtpd: tls event names the SANs" \
    grep -q '"sans":"DNS:lab.test, DNS:mail.lab.test, IP:127.0.0.1"' "$out"
check "smtpd: tls event has notBefore and notAfter as openssl x509 reads them ($(iso -startdate))" \
    grep -q "\"issuer\":\"/CN=lab.test\",.*\"not_before\":\"$(iso -startdate)\",\"not_after\":\"$(iso -enddate)\"" "$out"
in_ns "$PL_BIN" mail 127.0.0.1 --timeout 10 --insecure --script "$dir/starttls25" >"$PL_OUT/mail-smtpd-starttls25.txt"
check "smtpd: text mode shows names and validity" \
    grep -q "^\*      names DNS:lab.test, DNS:mail.lab.test, IP:127.0.0.1, valid $(iso -startdate) to $(iso -enddate)" \
    "$PL_OUT/mail-smtpd-starttls25.txt"
echo QUIT | in_ns timeout 10 openssl s_client -starttls smtp -connect 127.0.0.1:25 \
    >"$PL_OUT/s_client-smtp25.log" 2>&1
cipher=$(grep -o '"cipher":"[^"]*' "$out" | head -1 | cut -d'"' -f4)
check "smtpd: openssl s_client -starttls smtp on 25 agrees on the cipher ($cipher)" \
    grep -q "Cipher is $cipher" "$PL_OUT/s_client-smtp25.log"
check "smtpd: ... and on the verdict (self-signed)" \
    grep -q 'Verify return code: 18 (self-signed certificate)' "$PL_OUT/s_client-smtp25.log"

out=$PL_OUT/mail-smtpd-587-plain.json
mail "$(script plain587 'EHLO lab.test' 'MAIL FROM:<alice@lab.test>' QUIT)" --submission >"$out"
check "smtpd: 587 refuses MAIL before STARTTLS (530 5.7.0) and says to send STARTTLS" \
    sh -c "grep -q '\"code\":530,\"enhanced\":\"5.7.0\"' '$out' &&
	grep -q '\"event\":\"warning\".*send STARTTLS' '$out'"
out=$PL_OUT/mail-smtpd-starttls587.json
mail "$(tls_session starttls587 LOGIN)" --submission --insecure >"$out"
check "smtpd: STARTTLS on 587 with the AUTH LOGIN helper: 334 Username:/Password:, 235, queued" \
    sh -c "grep -q '\"event\":\"tls\"' '$out' && grep -q '\"code\":235' '$out' &&
	grep -q '\"challenge\":\"Username:\"' '$out' && grep -q '\"challenge\":\"Password:\"' '$out' &&
	grep -q '\"code\":250,\"enhanced\":\"2.0.0\".*\"state\":\"sent\"' '$out'"
echo QUIT | in_ns timeout 10 openssl s_client -starttls smtp -connect 127.0.0.1:587 \
    >"$PL_OUT/s_client-smtp587.log" 2>&1
cipher=$(grep -o '"cipher":"[^"]*' "$out" | head -1 | cut -d'"' -f4)
check "smtpd: openssl s_client -starttls smtp on 587 agrees on the cipher ($cipher)" \
    grep -q "Cipher is $cipher" "$PL_OUT/s_client-smtp587.log"

out=$PL_OUT/mail-smtpd-465.json
mail "$(script smtps 'EHLO lab.test' "AUTH PLAIN $auth_plain" QUIT)" --smtps --insecure >"$out"
check "smtpd: --smtps on 465: handshake first, then the greeting and AUTH (base64 typed)" \
    sh -c "head -1 '$out' | grep -q '\"event\":\"tls\"' && grep -q '\"code\":220,' '$out' &&
	grep -q '\"code\":235' '$out'"

# POP3: Dovecot serves the maildir Postfix filled (ours, swaks's and the
# TLS ones, in no set order).
out=$PL_OUT/mail-pop3.json
mail "$(script pop3 'USER alice' 'PASS secret' STAT LIST 'RETR 1' 'RETR 2' 'RETR 3' \
    'RETR 4' 'RETR 5' 'RETR 99' QUIT)" --pop3 >"$out"
check "pop3: session exits 0" test $? = 0
check "pop3: Dovecot greets +OK" grep -q '"status":"+OK","code":"","text":"Dovecot' "$out"
check "pop3: the password in the clear gets the warning" grep -q '"event":"warning".*in the clear' "$out"
check "pop3: logged in, state transaction" grep -q '"status":"+OK".*"state":"transaction"' "$out"
check "pop3: LIST shows the stored messages" \
    test "$(grep -cE '"event":"data".*"line":"[0-9] [0-9]+"' "$out")" = "$(find "$dir/Maildir/new" "$dir/Maildir/cur" -type f | grep -c .)"
check "pop3: RETR brings the message back, dotted line unstuffed" \
    grep -q '"event":"data".*"line":".a line that starts with a dot"' "$out"
check "pop3: RETR 99 gets -ERR" grep -q '"status":"-ERR"' "$out"
check "pop3: QUIT ends in update" grep -q '"event":"closed".*"state":"update"' "$out"

# TLS: STLS on 110 and POP3S on 995, the self-signed certificate named
# and refused without --insecure; openssl s_client agrees on the cipher.
script stls CAPA STLS 'USER alice' 'PASS secret' STAT QUIT >/dev/null
out=$PL_OUT/mail-pop3-stls-refused.json
mail "$dir/stls" --pop3 >"$out"
check "pop3: STLS without --insecure: tls event, self-signed, refused (exit 1)" \
    sh -c "[ $? = 1 ] && grep -q '\"event\":\"tls\".*\"verify\":\"self-signed\",\"subject\":\"/CN=lab.test\"' '$out' &&
	grep -q 'not trusted (self-signed): the session ends here (--insecure' '$out' && ! grep -q '\"line\":\"PASS' '$out'"
out=$PL_OUT/mail-pop3-stls.json
mail "$dir/stls" --pop3 --insecure >"$out"
check "pop3: STLS with --insecure: TLS, then login in transaction" \
    sh -c "grep -q '\"event\":\"tls\",.*\"version\":\"TLSv1.3\"' '$out' &&
	grep -q '\"status\":\"+OK\".*\"state\":\"transaction\"' '$out' &&
	grep -q '\"event\":\"closed\".*\"by\":\"client\",\"state\":\"update\"' '$out'"
check "pop3: no plaintext warning for the password sent inside TLS" \
    sh -c "! grep -q 'in the clear' '$out'"
out=$PL_OUT/mail-pop3-auth.json
mail "$(script pop3auth STLS 'AUTH LOGIN alice secret' STAT QUIT)" --pop3 --insecure >"$out"
check "pop3: the AUTH LOGIN helper inside STLS: two + challenges answered, transaction" \
    sh -c "test \$(grep -c '\"status\":\"+\"' '$out') = 2 &&
	grep -q '\"status\":\"+OK\".*\"state\":\"transaction\"' '$out' &&
	grep -qF '\"line\":\"<base64 of \\\"********\\\">\"' '$out'"
check "pop3: Dovecot's + challenges decoded (Username:, Password:)" \
    sh -c "grep -q '\"status\":\"+\".*\"challenge\":\"Username:\"' '$out' &&
	grep -q '\"status\":\"+\".*\"challenge\":\"Password:\"' '$out'"
mail "$(script pop3plain 'AUTH PLAIN alice secret' QUIT)" --pop3 >"$out"
check "pop3: AUTH PLAIN in the clear refused by punchline" \
    sh -c "grep -q 'refused to send AUTH' '$out' && ! grep -q '\"line\":\"AUTH' '$out'"
out=$PL_OUT/mail-pop3s.json
mail "$(script pop3s 'USER alice' 'PASS secret' 'LIST' QUIT)" --pop3s --insecure >"$out"
check "pop3: --pop3s on 995: handshake first, then +OK greeting and LIST" \
    sh -c "head -1 '$out' | grep -q '\"event\":\"tls\"' && grep -q '\"event\":\"data\"' '$out'"
echo QUIT | in_ns timeout 10 openssl s_client -starttls pop3 -connect 127.0.0.1:110 \
    >"$PL_OUT/s_client.log" 2>&1
cipher=$(grep -o '"cipher":"[^"]*' "$PL_OUT/mail-pop3-stls.json" | head -1 | cut -d'"' -f4)
check "pop3: openssl s_client -starttls pop3 agrees on the cipher ($cipher)" \
    grep -q "Cipher is $cipher" "$PL_OUT/s_client.log"
