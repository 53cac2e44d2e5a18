# certs.sh: certificates for the mail TLS tests, made with openssl.
# make_ca DIR: a test CA (DIR/ca.pem, ca.key) and the files `openssl ca`
# keeps. make_cert DIR FILE HOST [START END]: DIR/FILE.pem and FILE.key for
# HOST (CN and subjectAltName DNS:HOST), signed by DIR's CA, valid from
# START to END (YYYYMMDDHHMMSSZ, the past allowed: `openssl x509` of
# Debian 12's OpenSSL 3.0 has no -not_before/-not_after; default now to 2
# days on). make_self_signed DIR FILE HOST: the same, signed by itself.
make_ca() {
	local dir=$1
	mkdir -p "$dir/db"
	: >"$dir/db/index.txt"
	echo 1000 >"$dir/db/serial"
	cat >"$dir/ca.cnf" <<CNF
[ca]
default_ca = test_ca
[test_ca]
dir = $dir
database = \$dir/db/index.txt
serial = \$dir/db/serial
new_certs_dir = \$dir/db
certificate = \$dir/ca.pem
private_key = \$dir/ca.key
default_md = sha256
policy = any
unique_subject = no
copy_extensions = copy
email_in_dn = no
[any]
commonName = supplied
CNF
	openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=punchline test CA" \
	    -keyout "$dir/ca.key" -out "$dir/ca.pem" >/dev/null 2>&1
}
make_cert() {
	local dir=$1 file=$2 host=$3 start=${4:-} end=${5:-} days=(-days 2)
	[ -z "$end" ] || days=(-startdate "$start" -enddate "$end")
	openssl req -new -newkey rsa:2048 -nodes -subj "/CN=$host" \
	    -addext "subjectAltName=DNS:$host" -keyout "$dir/$file.key" \
	    -out "$dir/$file.csr" >/dev/null 2>&1 &&
	openssl ca -batch -config "$dir/ca.cnf" -notext -in "$dir/$file.csr" \
	    -out "$dir/$file.pem" "${days[@]}" >/dev/null 2>&1
}
make_self_signed() {
	openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$3" \
	    -addext "subjectAltName=DNS:$3" -keyout "$1/$2.key" \
	    -out "$1/$2.pem" >/dev/null 2>&1
}
