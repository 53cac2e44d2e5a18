# servers.sh: a real Postfix and a real Dovecot for the mail tests, run in
# a network namespace the test made, each with its own configuration under
# the test's directory (nothing in /etc is used or changed).
#   servers_start DIR NS   make the certificate, start Dovecot (POP3 110 and
#                          995, and the SASL socket Postfix authenticates
#                          through), then Postfix (25, 587 with TLS
#                          required, 465 implicit TLS), delivering
#                          alice@lab.test into DIR/Maildir
#   servers_stop           stop both and anything left in the namespace
# Any user name with the password "secret" logs in (Dovecot's static passdb).

# The self-signed certificate: names lab.test and mail.lab.test, and the
# address 127.0.0.1 the tests connect to, with two days of validity.
make_cert() {
	openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=lab.test \
	    -addext subjectAltName=DNS:lab.test,DNS:mail.lab.test,IP:127.0.0.1 \
	    -keyout "$1/key.pem" -out "$1/cert.pem" >/dev/null 2>&1
	chmod 600 "$1/key.pem"
}

dovecot_conf() {
	cat <<CONF
protocols = pop3
listen = 127.0.0.1
base_dir = $1/dovecot/run
state_dir = $1/dovecot/state
log_path = $1/dovecot.log
ssl = yes
ssl_cert = <$1/cert.pem
ssl_key = <$1/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:$1/Maildir
service pop3-login {
  inet_listener pop3 {
    port = 110
  }
  inet_listener pop3s {
    port = 995
    ssl = yes
  }
}
service auth {
  unix_listener $1/dovecot/auth-postfix {
    mode = 0666
  }
}
passdb {
  driver = static
  args = password=secret
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=$1/dovecot/home
}
CONF
}

# main.cf: lab.test is a virtual domain delivered as nobody into
# DIR/Maildir; AUTH is offered only inside TLS (smtpd_tls_auth_only) and
# checked by Dovecot; MAIL FROM must have its <> (strict envelopes).
postfix_main_cf() {
	cat <<CONF
compatibility_level = 3.6
queue_directory = $1/postfix/queue
data_directory = $1/postfix/data
maillog_file_prefixes = /tmp/pl-mailtest-
maillog_file = $1/postfix.log
mail_owner = postfix
setgid_group = postdrop
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
myhostname = mail.lab.test
mydestination =
mynetworks = 127.0.0.0/8
alias_maps =
alias_database =
local_recipient_maps =
strict_rfc821_envelopes = yes
virtual_mailbox_domains = lab.test
virtual_mailbox_base = $1
virtual_mailbox_maps = texthash:$1/vmailbox
virtual_uid_maps = static:$(id -u nobody)
virtual_gid_maps = static:$(getent group nogroup | cut -d: -f3)
smtpd_tls_cert_file = $1/cert.pem
smtpd_tls_key_file = $1/key.pem
smtpd_tls_security_level = may
smtpd_tls_auth_only = yes
smtpd_sasl_auth_enable = yes
smtpd_sasl_type = dovecot
smtpd_sasl_path = $1/dovecot/auth-postfix
smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination
CONF
}

# master.cf: the package's list of services, none chrooted (the chroot
# would need copies of /etc files), the delivery pipes dropped, and the
# submission (587, TLS before anything) and smtps (465) listeners added.
postfix_master_cf() {
	sed -E 's/^([a-z]+ +(inet|unix|unix-dgram) +[-ny] +[-ny] +)y /\1n /' \
	    /usr/share/postfix/master.cf.dist | grep -v '^[ #]' |
	    grep -Ev '^(maildrop|uucp|ifmail|bsmtp|scalemail|mailman)'
	echo 'submission inet n - n - - smtpd -o smtpd_tls_security_level=encrypt'
	echo 'smtps inet n - n - - smtpd -o smtpd_tls_wrappermode=yes'
}

listening() { ip netns exec "$servers_ns" ss -Htln "sport = :$1" | grep -q .; }

servers_start() {
	servers_dir=$1 servers_ns=$2
	mkdir -p "$1/postfix/conf" "$1/postfix/queue" "$1/postfix/data" \
	    "$1/Maildir" "$1/dovecot"
	chmod 755 "$1"
	chown nobody:nogroup "$1/Maildir"
	chown postfix "$1/postfix/data"
	make_cert "$1"
	printf 'alice@lab.test Maildir/\n' >"$1/vmailbox"
	dovecot_conf "$1" >"$1/dovecot.conf"
	postfix_main_cf "$1" >"$1/postfix/conf/main.cf"
	postfix_master_cf >"$1/postfix/conf/master.cf"
	ip netns exec "$2" dovecot -c "$1/dovecot.conf" || return 1
	retry 10 test -S "$1/dovecot/auth-postfix" || return 1
	ip netns exec "$2" postfix -c "$1/postfix/conf" start >/dev/null 2>&1 || return 1
	retry 10 listening 25 && retry 10 listening 587 && retry 10 listening 465 &&
	    retry 10 listening 110
}

# Postfix's and Dovecot's masters go on their own; whatever still runs in
# the namespace afterwards (a worker slow to leave) is killed by pid.
servers_stop() {
	[ -n "${servers_ns:-}" ] || return 0
	ip netns exec "$servers_ns" postfix -c "$servers_dir/postfix/conf" stop >/dev/null 2>&1
	[ -f "$servers_dir/dovecot/run/master.pid" ] &&
	    kill "$(cat "$servers_dir/dovecot/run/master.pid")" 2>/dev/null
	retry 5 sh -c "[ -z \"\$(ip netns pids '$servers_ns')\" ]" ||
	    kill -9 $(ip netns pids "$servers_ns") 2>/dev/null
}
