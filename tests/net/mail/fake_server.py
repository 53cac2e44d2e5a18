#!/usr/bin/env python3
"""fake_server.py PORT SCENARIO LOG [CERT KEY]: a scripted SMTP/POP3 server
on 127.0.0.1 for test_mail_fake.sh and test_mail_view.sh. With CERT and
KEY (PEM files), STARTTLS and STLS are taken: 220 / +OK, then TLS on the
same socket; the name the client sent as SNI goes to LOG.sni. One
connection; every byte received is appended to LOG so the test can check
what punchline really sent.
Scenarios: smtp (an RFC 5321 order-checking server that takes AUTH PLAIN
and LOGIN for alice/secret), middata (closes after the first message
line), garbage, overlong, pop3 (USER/PASS, AUTH LOGIN for alice/secret
with its "+ " challenges), smtps and pop3s (smtp and pop3 in TLS from the
start)."""
import base64
import socket
import ssl
import sys

port, scenario, log = int(sys.argv[1]), sys.argv[2], open(sys.argv[3], "ab")
sni_log = sys.argv[3] + ".sni"
srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", port))
srv.listen(1)
conn, _ = srv.accept()
rfile = conn.makefile("rb")
tls_files = sys.argv[4:6]


def send(text):
    try:
        conn.sendall(text.encode() if isinstance(text, str) else text)
    except (ssl.SSLError, OSError):     # the client refused the certificate
        sys.exit(0)


def lines():
    """The client's lines, read from whatever rfile is now (TLS after
    STARTTLS)."""
    try:
        while True:
            raw = rfile.readline()
            if not raw:
                return
            log.write(raw)
            log.flush()
            yield raw.decode(errors="replace").rstrip("\r\n")
    except (ConnectionResetError, ssl.SSLError):    # the client gave up
        return


def note_sni(_sock, name, _ctx):
    with open(sni_log, "w") as f:
        f.write(name or "")


def wrap_tls():
    """The handshake on conn (the client may refuse the certificate)."""
    global conn, rfile
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(tls_files[0], tls_files[1])
    ctx.sni_callback = note_sni
    try:
        conn = ctx.wrap_socket(conn, server_side=True)
    except (ssl.SSLError, OSError):     # the client refused the certificate
        sys.exit(0)
    rfile = conn.makefile("rb")


def starttls(yes="220 2.0.0 Ready to start TLS\r\n"):
    """RFC 3207 (RFC 2595 for STLS): yes, then the handshake; the session
    starts over."""
    if len(tls_files) != 2:
        return "454 4.7.0 TLS not available\r\n" if yes[0] == "2" else \
            "-ERR TLS not available\r\n"
    send(yes)
    wrap_tls()
    return ""


def smtp(close_mid_data=False):
    send("220 fake.test ESMTP\r\n")
    state, data = "greeted", False
    feed = lines()
    for line in feed:
        if data:
            if close_mid_data:
                return
            if line == ".":
                data, state = False, "hello"
                send("250 2.0.0 Ok: queued as 1\r\n")
            continue
        verb = line.split(" ")[0].split(":")[0].upper()
        if verb == "HELO":
            state = "hello"
            send("250 fake.test\r\n")
        elif verb == "EHLO":
            state = "hello"
            send("250-fake.test\r\n250-PIPELINING\r\n250-STARTTLS\r\n"
                 "250-AUTH PLAIN LOGIN\r\n250 ENHANCEDSTATUSCODES\r\n")
        elif verb == "STARTTLS":
            state = "greeted"
            send(starttls())
        elif verb == "AUTH":
            send(auth(line.split(" ")[1:], feed))
        elif verb == "MAIL" and state == "hello":
            state = "mail"
            send("250 2.1.0 Ok\r\n")
        elif verb == "RCPT" and state in ("mail", "rcpt"):
            state = "rcpt"
            send("250 2.1.5 Ok\r\n")
        elif verb == "DATA" and state == "rcpt":
            data = True
            send("354 End data with <CR><LF>.<CR><LF>\r\n")
        elif verb == "RSET":
            state = "hello" if state != "greeted" else state
            send("250 2.0.0 Ok\r\n")
        elif verb in ("MAIL", "RCPT", "DATA"):
            send("503 5.5.1 Error: bad sequence of commands\r\n")
        elif verb == "QUIT":
            send("221 2.0.0 Bye\r\n")
            return
        else:
            send("500 5.5.2 Error: command not recognized\r\n")


def unb64(text):
    try:
        return base64.b64decode(text, validate=True)
    except ValueError:
        return b"?"


def auth(args, feed):
    """RFC 4954: PLAIN with an initial response, or LOGIN's two
    challenges; the reply to send."""
    mech = args[0].upper() if args else ""
    if mech == "PLAIN" and len(args) == 2:
        ok = unb64(args[1]) == b"\0alice\0secret"
    elif mech == "LOGIN" and len(args) == 1:
        send("334 VXNlcm5hbWU6\r\n")
        user = unb64(next(feed, ""))
        send("334 UGFzc3dvcmQ6\r\n")
        ok = user == b"alice" and unb64(next(feed, "")) == b"secret"
    else:
        return "504 5.5.4 Unrecognized authentication type\r\n"
    return ("235 2.7.0 Authentication successful\r\n" if ok else
            "535 5.7.8 Error: authentication failed\r\n")


def pop3_auth(args, feed):
    """RFC 5034 AUTH LOGIN: two "+ " challenges; the reply to send."""
    if [a.upper() for a in args] != ["LOGIN"]:
        return "-ERR unsupported mechanism\r\n"
    send("+ VXNlcm5hbWU6\r\n")
    user = unb64(next(feed, ""))
    send("+ UGFzc3dvcmQ6\r\n")
    ok = user == b"alice" and unb64(next(feed, "")) == b"secret"
    return "+OK logged in\r\n" if ok else "-ERR [AUTH] wrong password\r\n"


def pop3():
    send("+OK fake POP3 ready\r\n")
    feed = lines()
    for line in feed:
        verb = line.split(" ")[0].upper()
        if verb in ("USER", "PASS"):
            send("+OK\r\n")
        elif verb == "STLS":
            send(starttls("+OK begin TLS\r\n"))
        elif verb == "AUTH":
            send(pop3_auth(line.split(" ")[1:], feed))
        elif verb == "STAT":
            send("+OK 1 42\r\n")
        elif verb == "LIST":
            send("+OK 1 messages\r\n1 42\r\n.\r\n")
        elif verb == "RETR":
            send("+OK 42 octets\r\nSubject: hi\r\n\r\n..dot line\r\n.\r\n")
        elif verb == "QUIT":
            send("+OK bye\r\n")
            return
        else:
            send("-ERR [SYS/PERM] unknown command\r\n")


if scenario in ("smtps", "pop3s"):
    wrap_tls()
    scenario = scenario[:-1]
if scenario == "smtp":
    smtp()
elif scenario == "middata":
    smtp(close_mid_data=True)
elif scenario == "garbage":
    send(b"\x16\x03\x01 this is not smtp\r\n")
    for _ in lines():
        pass
elif scenario == "overlong":
    send(b"220 " + b"x" * 5000)
    for _ in lines():
        pass
elif scenario == "pop3":
    pop3()
conn.close()
