#!/usr/bin/env bash
# Checks the files that put Kaizen on the desktop, as built or as installed by the package:
#
#   check-metadata.sh KAIZEN METAINFO DESKTOP MANPAGE
#
# The AppStream metadata validates and its newest <release> is kaizen's version; the desktop entry
# validates; the man page (roff, gzipped or not) is of kaizen's version and names every sub-command
# and every option that `kaizen --help` and `kaizen COMMAND --help` print. Exits 77 (skipped) when
# a validator is not installed (.ci/install-deps installs them).
set -euo pipefail
kaizen=$1 metainfo=$2 desktop=$3 manpage=$4

for tool in appstreamcli desktop-file-validate; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIPPED: $tool is not installed (bash .ci/install-deps)"
        exit 77
    fi
done
failed=0
fail() {
    echo "FAIL: $*"
    failed=1
}

version=$("$kaizen" --version | sed -n 's/^kaizen //p')
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "kaizen --version printed '$version'"

echo "== appstreamcli validate --no-net $metainfo"
appstreamcli validate --no-net "$metainfo" || fail "the AppStream metadata does not validate"
release=$(grep -o '<release version="[^"]*"' "$metainfo" | head -n 1 | cut -d'"' -f2)
[[ $release == "$version" ]] ||
    fail "the metainfo's newest release is '$release' but kaizen is $version: add its <release> notes"

echo "== desktop-file-validate $desktop"
if ! report=$(desktop-file-validate "$desktop" 2>&1) || [[ -n $report ]]; then
    echo "$report"
    fail "desktop-file-validate complained about $desktop"
fi

echo "== man page $manpage"
man=$(zcat -f "$manpage")
grep -q "^\.TH KAIZEN 1 .*\"Kaizen $version\"" <<<"$man" || fail "the man page's .TH line does not say Kaizen $version"
mapfile -t commands < <("$kaizen" --help | sed -n 's/^  kaizen \([a-z][a-z]*\) .*/\1/p' | sort -u)
((${#commands[@]} > 10)) || fail "kaizen --help lists ${#commands[@]} commands"
for command in "" "${commands[@]}"; do # "": the window's options, in the whole usage
    if [[ -n $command ]] && ! grep -Eq "^\.B[IR]? \"?${command}[ \"]" <<<"$man"; then
        fail "the man page does not describe the command '$command'"
    fi
    arguments=(${command:+"$command"} --help)
    help=$("$kaizen" "${arguments[@]}") || fail "kaizen ${arguments[*]} failed"
    while read -r option; do
        grep -qF -- "${option//-/\\-}" <<<"$man" || fail "the man page does not name $option (kaizen ${arguments[*]})"
    done < <(grep -oE -- '(^|[][ ,|])--?[a-z][a-z-]*' <<<"$help" | sed 's/^[^-]*//' | sort -u)
done
((failed == 0)) && echo "metadata and man page: OK"
exit $failed
