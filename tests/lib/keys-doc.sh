# keys-doc.sh update|check: the key lists in man/punchline.1 and README.md
# are generated from the key tables (`punchline keys`). "update" rewrites
# them between their markers; "check" fails if either has drifted.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${PL_BIN:-$root/punchline}
mode=${1:-check}

# splice FILE BEGIN END CONTENT: FILE with the lines between markers replaced.
# (Through the environment: awk -v would eat the backslash of .\".)
splice() {
	BEGIN_MARK=$2 END_MARK=$3 CONTENT=$4 awk '
		$0 == ENVIRON["BEGIN_MARK"] { print; print ENVIRON["CONTENT"]; skip = 1; next }
		$0 == ENVIRON["END_MARK"] { skip = 0 }
		!skip { print }' "$1"
}

man_keys=$("$bin" keys --man) || exit 1
readme_keys=$(printf '```\n%s\n```' "$("$bin" keys)") || exit 1
new_man=$(splice "$root/man/punchline.1" '.\" keys:begin' '.\" keys:end' "$man_keys")
new_readme=$(splice "$root/README.md" '<!-- keys:begin -->' '<!-- keys:end -->' "$readme_keys")

if [ "$mode" = update ]; then
	printf '%s\n' "$new_man" >"$root/man/punchline.1"
	printf '%s\n' "$new_readme" >"$root/README.md"
	exit 0
fi
[ "$new_man" = "$(cat "$root/man/punchline.1")" ] || { echo "man page keys drifted: make keys-doc" >&2; exit 1; }
[ "$new_readme" = "$(cat "$root/README.md")" ] || { echo "README keys drifted: make keys-doc" >&2; exit 1; }
