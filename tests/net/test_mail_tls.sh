# test_mail_tls.sh: the certificate verdicts of punchline mail with real
# TLS on loopback. A test CA made here with openssl signs the fake
# server's certificates (tests/net/mail/fake_server.py, STARTTLS and STLS
# with python3's ssl, or TLS from the start): for the right name ->
# trusted with --cafile (and --capath), the session goes on without
# --insecure; for another name -> name mismatch, refused, goes on with
# --insecure and says so; expired -> expired; signed by itself ->
# self-signed; the CA not given -> unknown issuer. Each verdict is
# compared with openssl s_client -verify_return_error against the same
# certificate. The name checked is the host typed or --servername, and
# it is sent as SNI (an address is not). No root needed.
. "$(dirname "$0")/../lib/testlib.sh"
. "$(dirname "$0")/mail/certs.sh"
pids=()
cleanup() {
	[ ${#pids[@]} -eq 0 ] || kill "${pids[@]}" 2>/dev/null
	rm -rf "$pki"
	return 0
}
trap cleanup EXIT
for tool in python3 openssl; do
	if ! command -v $tool >/dev/null; then
		skip "mail TLS verdicts" "$tool is not installed: make deps"
		exit 0
	fi
done
fake=$(dirname "$0")/mail/fake_server.py
port=$((41000 + RANDOM % 20000))
pki=$(mktemp -d /tmp/pl-mailtls-$$.XXXX)
make_ca "$pki"
make_cert "$pki" good mail.lab.test
make_cert "$pki" local localhost
make_cert "$pki" other other.lab.test
make_cert "$pki" old mail.lab.test 20200101000000Z 20200201000000Z
make_cert "$pki" oldother other.lab.test 20200101000000Z 20200201000000Z
make_self_signed "$pki" self mail.lab.test
mkdir "$pki/capath" && cp "$pki/ca.pem" "$pki/capath/" && openssl rehash "$pki/capath"

# serve CERT [SCENARIO]: a one-connection fake server with that
# certificate on the next port; its wire log in $wire.
serve() {
	port=$((port + 1))
	wire=$PL_OUT/mailtls-$1-$port.wire
	: >"$wire"
	rm -f "$wire.sni"
	python3 "$fake" "$port" "${2:-smtp}" "$wire" "$pki/$1.pem" "$pki/$1.key" &
	pids+=($!)
	retry 5 sh -c "ss -Htln 'sport = :$port' | grep -q ."
}
printf '%s\n' 'EHLO lab.test' STARTTLS 'EHLO lab.test' QUIT >"$PL_OUT/mailtls.script"
# mail CERT HOST ARGS...: punchline mail HOST:port against a fresh server
# with CERT, the STARTTLS script; JSON in $out, exit status in $rc.
mail() {
	local cert=$1 host=$2
	shift 2
	serve "$cert"
	out=$PL_OUT/mailtls-$cert-$port.json
	"$PL_BIN" mail "$host:$port" --timeout 5 --json \
	    --script "$PL_OUT/mailtls.script" "$@" >"$out" 2>&1
	rc=$?
}
verdict() { grep -o '"event":"tls".*' "$out" | grep -o '"verify":"[^"]*"' | cut -d'"' -f4; }
# s_client_verdict CERT ARGS...: openssl s_client's verify result against a
# fresh server with CERT, in punchline's words.
s_client_verdict() {
	local cert=$1 log code
	shift
	serve "$cert"
	log=$PL_OUT/mailtls-s_client-$cert-$port.log
	echo QUIT | timeout 10 openssl s_client -connect "127.0.0.1:$port" \
	    -starttls smtp -verify_return_error "$@" >"$log" 2>&1
	code=$(grep -o 'verify error:num=[0-9]*' "$log" | head -1 | cut -d= -f2)
	[ -n "$code" ] || code=$(grep -o 'Verify return code: [0-9]*' "$log" | head -1 | cut -d' ' -f4)
	case $code in
	0) echo trusted ;;
	18) echo self-signed ;;
	62|64) echo name mismatch ;;
	10) echo expired ;;
	20) echo unknown issuer ;;
	*) echo "openssl code '$code'" ;;
	esac
}
went_on() { grep -q '"event":"tls"' "$out" && test "$(grep -c '"code":250,' "$out")" = 2 && grep -q '"code":221' "$out"; }
stopped() {
	[ "$rc" = 1 ] && grep -q "\"event\":\"error\".*not trusted ($1): the session ends here (--insecure" "$out" &&
	    test "$(grep -c '"code":250,' "$out")" = 1 && ! grep -q '"code":221' "$out"
}
same_as_s_client() { test "$(verdict)" = "$1" && test "$2" = "$1"; }

# (a) Signed by the test CA for the name checked: trusted, no --insecure.
mail good 127.0.0.1 --cafile "$pki/ca.pem" --servername mail.lab.test
check "mail tls: CA-signed for the name, --cafile: trusted" test "$(verdict)" = trusted
check "mail tls: ... the session goes on inside TLS without --insecure (EHLO again, QUIT)" went_on
check "mail tls: ... exit 0, no warning" sh -c "[ $rc = 0 ] && ! grep -q '\"event\":\"warning\".*certificate' '$out'"
check "mail tls: ... the name checked is --servername" grep -q '"event":"tls".*"name":"mail.lab.test"' "$out"
check "mail tls: ... and it went as SNI" grep -qx mail.lab.test "$wire.sni"
check "mail tls: ... the certificate's issuer is the test CA" \
    grep -q '"event":"tls".*"subject":"/CN=mail.lab.test","issuer":"/CN=punchline test CA"' "$out"
s=$(s_client_verdict good -CAfile "$pki/ca.pem" -verify_hostname mail.lab.test -servername mail.lab.test)
check "mail tls: ... openssl s_client says the same ($s)" same_as_s_client trusted "$s"
mail good 127.0.0.1 --capath "$pki/capath" --servername mail.lab.test
check "mail tls: --capath (a rehashed directory) trusts the CA too" \
    sh -c "[ $rc = 0 ] && grep -q '\"verify\":\"trusted\"' '$out'"
mail local localhost --cafile "$pki/ca.pem"
check "mail tls: by host name (localhost): that name is checked and sent as SNI, trusted" \
    sh -c "[ $rc = 0 ] && grep -q '\"verify\":\"trusted\".*\"name\":\"localhost\"' '$out' &&
	grep -qx localhost '$wire.sni'"
mail good 127.0.0.1 --cafile "$pki/ca.pem"
check "mail tls: by address: no SNI, and a certificate without that IP is a name mismatch" \
    sh -c "[ $rc = 1 ] && grep -q '\"verify\":\"name mismatch\".*\"name\":\"127.0.0.1\"' '$out' &&
	test ! -s '$wire.sni'"

# (b) Signed by the CA for another name: refused, or on with --insecure.
mail other 127.0.0.1 --cafile "$pki/ca.pem" --servername mail.lab.test
check "mail tls: CA-signed for another name: name mismatch" test "$(verdict)" = "name mismatch"
check "mail tls: ... refused without --insecure: error event, nothing sent inside, exit 1" \
    stopped "name mismatch"
s=$(s_client_verdict other -CAfile "$pki/ca.pem" -verify_hostname mail.lab.test -servername mail.lab.test)
check "mail tls: ... openssl s_client says the same ($s)" same_as_s_client "name mismatch" "$s"
mail other 127.0.0.1 --cafile "$pki/ca.pem" --servername mail.lab.test --insecure
check "mail tls: ... with --insecure the session goes on inside TLS" went_on
check "mail tls: ... and a warning event says it is insecure" \
    grep -q '"event":"warning".*"text":"going on with an untrusted certificate (--insecure)' "$out"
check "mail tls: ... exit 0" test "$rc" = 0

# (c) Expired, signed by the CA for the right name.
mail old 127.0.0.1 --cafile "$pki/ca.pem" --servername mail.lab.test
check "mail tls: expired (2020-01-01 to 2020-02-01): expired" test "$(verdict)" = expired
check "mail tls: ... the dates as the certificate has them" \
    grep -q '"not_before":"2020-01-01T00:00:00Z","not_after":"2020-02-01T00:00:00Z"' "$out"
check "mail tls: ... refused without --insecure" stopped expired
s=$(s_client_verdict old -CAfile "$pki/ca.pem" -verify_hostname mail.lab.test -servername mail.lab.test)
check "mail tls: ... openssl s_client says the same ($s)" same_as_s_client expired "$s"
mail oldother 127.0.0.1 --cafile "$pki/ca.pem" --servername mail.lab.test
check "mail tls: expired and for another name: the name is found first (name mismatch)" \
    test "$(verdict)" = "name mismatch"

# (d) Signed by itself.
mail self 127.0.0.1 --cafile "$pki/ca.pem" --servername mail.lab.test
check "mail tls: self-signed: self-signed, refused" \
    sh -c "[ '$(verdict)' = self-signed ] && [ $rc = 1 ]"
s=$(s_client_verdict self -CAfile "$pki/ca.pem" -verify_hostname mail.lab.test -servername mail.lab.test)
check "mail tls: ... openssl s_client says the same ($s)" same_as_s_client self-signed "$s"

# The CA not given: the system's store does not know it.
mail good 127.0.0.1 --servername mail.lab.test
check "mail tls: the test CA not given: unknown issuer, refused" \
    sh -c "[ '$(verdict)' = 'unknown issuer' ] && [ $rc = 1 ]"
s=$(s_client_verdict good -verify_hostname mail.lab.test -servername mail.lab.test)
check "mail tls: ... openssl s_client says the same ($s)" same_as_s_client "unknown issuer" "$s"

# POP3: STLS, and TLS from the start (--pop3s), the same verdicts.
serve good pop3
printf '%s\n' STLS 'USER alice' 'PASS secret' QUIT >"$PL_OUT/mailtls-pop3.script"
out=$PL_OUT/mailtls-pop3-$port.json
"$PL_BIN" mail "127.0.0.1:$port" --pop3 --json --timeout 5 --cafile "$pki/ca.pem" \
    --servername mail.lab.test --script "$PL_OUT/mailtls-pop3.script" >"$out" 2>&1
check "mail tls: pop3 STLS, CA-signed: trusted, logged in inside TLS" \
    sh -c "[ $? = 0 ] && grep -q '\"verify\":\"trusted\"' '$out' && grep -q '\"state\":\"transaction\"' '$out'"
serve other pop3s
out=$PL_OUT/mailtls-pop3s-$port.json
echo QUIT | "$PL_BIN" mail "127.0.0.1:$port" --pop3s --json --timeout 5 --cafile "$pki/ca.pem" \
    --servername mail.lab.test >"$out" 2>&1
check "mail tls: --pop3s for another name: name mismatch before any greeting, exit 1" \
    sh -c "[ $? = 1 ] && grep -q '\"verify\":\"name mismatch\"' '$out' && ! grep -q '\"event\":\"reply\"' '$out'"
serve old smtps
out=$PL_OUT/mailtls-smtps-$port.json
echo QUIT | "$PL_BIN" mail "127.0.0.1:$port" --smtps --json --timeout 5 --cafile "$pki/ca.pem" \
    --servername mail.lab.test --insecure >"$out" 2>&1
check "mail tls: --smtps expired with --insecure: warned, then the greeting and QUIT" \
    sh -c "[ $? = 0 ] && grep -q '\"verify\":\"expired\"' '$out' && grep -q '\"code\":220' '$out' &&
	grep -q '\"code\":221' '$out'"

"$PL_BIN" mail 127.0.0.1:1 --cafile /nonexistent </dev/null >"$PL_OUT/mailtls-nocafile.out" 2>&1
check "mail tls: an unreadable --cafile is an error before connecting, exit 1" \
    sh -c "[ $? = 1 ] && grep -q 'cannot read the CAs to trust from /nonexistent' '$PL_OUT/mailtls-nocafile.out' &&
	! grep -q connected '$PL_OUT/mailtls-nocafile.out'"
