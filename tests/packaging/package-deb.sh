#!/usr/bin/env bash
# package_deb: builds the .deb with cpack from the build folder, installs it with apt-get as a user
# would, runs the INSTALLED /usr/bin/kaizen and removes the package again, also when a step fails.
#
#   package-deb.sh BUILD_DIR CHECK_METADATA_SCRIPT
#
# Needs root (it installs a system package): otherwise, or when a kaizen is installed already (the
# test would replace and then remove it), it exits 77, which CTest reports as skipped.
# CI builds the `ci` preset, so the package holds a sanitized kaizen and dpkg-shlibdeps adds
# libasan8 and libubsan1 to its dependencies: fine for this test. A release build's has neither.
set -euo pipefail
build=$(cd "$1" && pwd)
check_metadata=$2

skip() {
    echo "SKIPPED: $*"
    exit 77
}
[[ $(id -u) -eq 0 ]] || skip "installing the package needs root"
if dpkg-query -W -f='${Status}' kaizen 2>/dev/null | grep -q "ok installed"; then
    skip "a kaizen package is installed; this test would replace it, then remove it"
fi
[[ ! -e /usr/bin/kaizen ]] || skip "/usr/bin/kaizen exists; this test would overwrite it"

work=$(mktemp -d "$build/package-deb.XXXXXX")
cleanup() {
    local status=$?
    if dpkg-query -W kaizen >/dev/null 2>&1; then
        echo "== apt-get remove -y kaizen"
        DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq kaizen >"$work/remove.log" 2>&1 ||
            { cat "$work/remove.log"; status=1; }
        if [[ -e /usr/bin/kaizen ]] || dpkg-query -W -f='${Status}' kaizen 2>/dev/null | grep -q "ok installed"; then
            echo "FAIL: kaizen is still installed"
            status=1
        fi
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*"
    exit 1
}

echo "== cpack -G DEB"
(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work" >"$work/cpack.log" 2>&1) ||
    { cat "$work/cpack.log"; fail "cpack failed"; }
debs=("$work"/kaizen_*.deb)
if ((${#debs[@]} != 1)) || [[ ! -f ${debs[0]} ]]; then
    fail "cpack wrote no kaizen_*.deb (${debs[*]})"
fi
deb=${debs[0]}
echo "$(basename "$deb"): $(stat -c %s "$deb") bytes"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for library in libqt6core6 libqt6gui6 libqt6widgets6 libqt6charts6 libqt6svg6 libsqlite3-0; do
    grep -q "\b$library\b" <<<"$depends" || fail "Depends lacks $library"
done
contents=$(dpkg-deb -c "$deb" | awk '{print $NF}')
expected=(./usr/bin/kaizen ./usr/share/applications/kaizen.desktop ./usr/share/metainfo/io.kaizen.Kaizen.metainfo.xml
    ./usr/share/man/man1/kaizen.1.gz ./usr/share/icons/hicolor/scalable/apps/kaizen.svg)
for size in 16 24 32 48 64 128 256; do
    expected+=("./usr/share/icons/hicolor/${size}x${size}/apps/kaizen.png")
done
for path in "${expected[@]}"; do
    grep -qxF "$path" <<<"$contents" || fail "the package lacks $path"
done

echo "== apt-get install -y $deb"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >"$work/install.log" 2>&1 ||
    { cat "$work/install.log"; fail "apt-get install failed"; }

# The installed program, in a home of its own so that nothing of root's is read or written.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share
export QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=$work/runtime
mkdir -m 700 "$XDG_RUNTIME_DIR"
kaizen=/usr/bin/kaizen
version=$("$kaizen" --version) || fail "kaizen --version failed"
[[ $version =~ ^kaizen\ [0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "kaizen --version printed '$version'"
echo "$version"

store=$work/demo/mlflow.db
out=$("$kaizen" demo "$store") || fail "kaizen demo failed"
[[ $out == "$store" && -s $store ]] || fail "kaizen demo printed '$out'"

runs=$("$kaizen" runs "$store" --experiment mnist-cnn --filter "metrics.val_loss >= 0" --format json) ||
    fail "kaizen runs failed"
[[ $runs == \[* ]] || fail "kaizen runs printed no JSON array"
count=$(grep -o '"run_id":' <<<"$runs" | wc -l)
((count >= 3)) || fail "kaizen runs listed $count runs of mnist-cnn"
run=$(grep -oE '"run_id": ?"[0-9a-f]+"' <<<"$runs" | head -n 1 | grep -oE '[0-9a-f]{32}')
echo "runs: $count runs of mnist-cnn"

"$kaizen" plot "$store" --run "$run" --metric val_loss -o "$work/x.png" || fail "kaizen plot failed"
file "$work/x.png" | grep -q "PNG image data, 1200 x 700" || fail "kaizen plot wrote $(file -b "$work/x.png")"
echo "plot: $(file -b "$work/x.png")"

set +e
"$kaizen" runs "$work/missing.db" >/dev/null 2>&1
status=$?
set -e
((status == 3)) || fail "kaizen runs on a missing store exited with $status, not 3"

manpage=/usr/share/man/man1/kaizen.1.gz
if command -v man >/dev/null; then
    manpage=$(man -w kaizen) || fail "man -w kaizen finds no page"
fi
[[ -f $manpage ]] || fail "no man page at $manpage"
echo "man page: $manpage"
file -L /usr/share/icons/hicolor/48x48/apps/kaizen.png | grep -q "PNG image data, 48 x 48" ||
    fail "the 48x48 icon is $(file -b /usr/share/icons/hicolor/48x48/apps/kaizen.png)"
if [[ -f /usr/share/applications/mimeinfo.cache ]]; then # desktop-file-utils' trigger wrote it
    grep -q '^application/vnd.sqlite3=.*kaizen.desktop' /usr/share/applications/mimeinfo.cache ||
        fail "kaizen.desktop is not registered for application/vnd.sqlite3"
fi
bash "$check_metadata" "$kaizen" /usr/share/metainfo/io.kaizen.Kaizen.metainfo.xml \
    /usr/share/applications/kaizen.desktop "$manpage" || fail "the installed metadata does not check"
echo "package_deb: OK"
