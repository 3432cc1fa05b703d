#!/usr/bin/env bash
# CTest packaging_install: installs the .deb built from BUILD_DIR on this system with apt-get,
# runs the installed program (--version, --help, the sandbox, the window offscreen and under
# Xvfb with a screenshot), checks the desktop integration, then purges the package and checks
# that nothing of it is left.
#
# It changes the system, so it runs only when asked: CONNECT_DESKTOP_PACKAGING_TEST=1 (.ci/run
# sets it). Otherwise it exits 77, which CTest reports as skipped. It needs root (or sudo without
# a password) and refuses to touch a connect-desktop that was installed before it.
#   install_test.sh BUILD_DIR VERSION
set -uo pipefail

if [ "${CONNECT_DESKTOP_PACKAGING_TEST:-}" != 1 ]; then
    echo "packaging_install skipped: it installs and removes a system package; set" \
         "CONNECT_DESKTOP_PACKAGING_TEST=1 to run it (CI does)"
    exit 77
fi

build_dir=$(cd "$1" && pwd) version=$2
out=$build_dir/packaging-install
shots=$build_dir/packaging-shots
package=connect-desktop
failures=0
checks=0
pass() { checks=$((checks + 1)); echo "ok    $*"; }
fail() { checks=$((checks + 1)); failures=$((failures + 1)); echo "FAIL  $*"; }
die() { echo "FAIL  $*"; exit 1; }

command -v apt-get >/dev/null && command -v dpkg-query >/dev/null || die "needs a Debian-like system (apt-get)"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
    sudo -n true 2>/dev/null || die "needs root or sudo without a password"
    sudo=(sudo -n)
fi
installed() { [ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null)" = "install ok installed" ]; }
if installed || dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'config-files'; then
    die "$package is already on this system; the test would replace and then purge it. Remove it first (apt-get remove --purge $package)."
fi

# --- Build and install --------------------------------------------------------------------------
rm -rf "$out"
mkdir -p "$out" "$shots"
cpack --config "$build_dir/CPackConfig.cmake" -G DEB -B "$out" >"$out/cpack.log" 2>&1 \
    || { cat "$out/cpack.log"; die "cpack -G DEB"; }
deb=$(find "$out" -maxdepth 1 -name "${package}_${version}-1_*.deb" | head -n 1)
[ -n "$deb" ] || die "cpack built no ${package}_${version}-1_*.deb"

started=() # programs started in the background, stopped on any exit
purge() {
    for pid in "${started[@]}"; do
        kill "$pid" 2>/dev/null
    done
    if installed || dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'config-files'; then
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -qq "$package" >"$out/remove.log" 2>&1
    fi
    if [ -f "$out/packages-before.txt" ]; then
        mapfile -t extra < <(dpkg-query -W -f='${Package}\n' | sort | comm -13 "$out/packages-before.txt" -)
        [ ${#extra[@]} -eq 0 ] || "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -qq "${extra[@]}" >>"$out/remove.log" 2>&1
    fi
}
trap purge EXIT

# What apt pulls in besides the package is removed again at the end.
dpkg-query -W -f='${Package}\n' | sort >"$out/packages-before.txt"
if "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >"$out/install.log" 2>&1; then
    pass "apt-get install $(basename "$deb")"
else
    cat "$out/install.log"
    die "apt-get install $deb"
fi
mapfile -t files < <(dpkg -L "$package" | while read -r path; do [ -f "$path" ] && echo "$path"; done)

# --- The installed program ----------------------------------------------------------------------
[ "$(command -v connect-desktop)" = /usr/bin/connect-desktop ] \
    && pass "connect-desktop is /usr/bin/connect-desktop" \
    || fail "connect-desktop resolves to $(command -v connect-desktop)"
# A private home, runtime and temporary directory: settings, caches and the single-instance
# socket stay out of the real user's.
scratch=$(mktemp -d)
mkdir -m 700 "$scratch/home" "$scratch/runtime" "$scratch/tmp"
# An array, not a function: "${run[@]}" cmd & makes $! the program itself, so kill reaches it.
run=(env HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/runtime" TMPDIR="$scratch/tmp"
     XDG_CONFIG_HOME="$scratch/home/.config" XDG_DATA_HOME="$scratch/home/.local/share"
     XDG_CACHE_HOME="$scratch/home/.cache" QTWEBENGINE_DISABLE_SANDBOX=1)
got=$("${run[@]}" /usr/bin/connect-desktop --version 2>&1)
[ "$got" = "connect-desktop $version" ] && pass "connect-desktop --version: $got" \
    || fail "connect-desktop --version printed \"$got\""
"${run[@]}" /usr/bin/connect-desktop --help >/dev/null 2>&1 && pass "connect-desktop --help" \
    || fail "connect-desktop --help exits non-zero"
"${run[@]}" /usr/bin/connect-desktop connect --frobnicate >/dev/null 2>&1
[ $? -eq 2 ] && pass "a bad option exits 2 (bad usage)" || fail "a bad option does not exit 2"
if grep -rqs '^path-exclude=/usr/share/man' /etc/dpkg/dpkg.cfg.d/; then
    echo "note  dpkg on this system drops man pages (path-exclude in /etc/dpkg/dpkg.cfg.d): man not checked"
else
    man -w connect-desktop >/dev/null 2>&1 && pass "man connect-desktop finds the page" \
        || fail "man -w connect-desktop finds no page"
fi

# The sandbox from the installed files (its pages are compiled in).
"${run[@]}" /usr/bin/connect-desktop sandbox --port 0 >"$out/sandbox.log" 2>&1 &
sandbox=$!
started+=("$sandbox")
for _ in $(seq 1 50); do
    grep -q 'Connect sandbox listening on http://127.0.0.1:' "$out/sandbox.log" && break
    sleep 0.2
done
if grep -q 'Connect sandbox listening on http://127.0.0.1:' "$out/sandbox.log"; then
    pass "connect-desktop sandbox: $(grep -m1 -o 'listening on .*' "$out/sandbox.log")"
else
    fail "connect-desktop sandbox did not start: $(cat "$out/sandbox.log")"
fi
kill "$sandbox" 2>/dev/null
wait "$sandbox" 2>/dev/null

# The window, offscreen: still running after 8 seconds (the web engine started, no crash).
"${run[@]}" QT_QPA_PLATFORM=offscreen /usr/bin/connect-desktop >"$out/offscreen.log" 2>&1 &
window=$!
started+=("$window")
sleep 8
if kill -0 "$window" 2>/dev/null; then
    pass "the window runs offscreen from the installed files"
    kill "$window"
    wait "$window" 2>/dev/null
else
    wait "$window"
    fail "the window exited (status $?) within 8 s offscreen: $(tail -n 20 "$out/offscreen.log")"
fi

# Under Xvfb, with screenshots to look at: the main window, then a connectdesktop:// link given
# to a second launch, which hands it to the running window; its connect window shows the
# sandbox's modal (Qt WebEngine from the system's packages).
if command -v xvfb-run >/dev/null && command -v import >/dev/null; then
    main_shot=$shots/installed-main-window.png
    link_shot=$shots/installed-deep-link.png
    rm -f "$main_shot" "$link_shot"
    "${run[@]}" xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
        /usr/bin/connect-desktop >"$1" 2>&1 &
        pid=$!
        sleep 12
        kill -0 "$pid" || exit 3
        import -window root "$2"
        /usr/bin/connect-desktop "connectdesktop://connect?integration=hubspot" >"$4" 2>&1 || exit 4
        sleep 12
        kill -0 "$pid" || exit 5
        import -window root "$3"
        kill "$pid"; wait "$pid" 2>/dev/null; exit 0' _ "$out/xvfb.log" "$main_shot" "$link_shot" "$out/xvfb-link.log"
    status=$?
    for shot in "$main_shot" "$link_shot"; do
        colours=$(identify -format '%k' "$shot" 2>/dev/null || echo 0)
        if [ $status -eq 0 ] && [ "${colours:-0}" -gt 32 ]; then
            pass "draws under Xvfb ($colours colours): $shot"
        else
            fail "under Xvfb: status $status, $shot colours ${colours:-none}: $(tail -n 20 "$out/xvfb.log")"
        fi
    done
    grep -q 'already running' "$out/xvfb-link.log" \
        && pass "the second launch handed the link to the running window" \
        || fail "the second launch did not hand the link over: $(cat "$out/xvfb-link.log")"
fi

# Desktop integration: dpkg triggers of desktop-file-utils register the scheme handler.
if command -v update-desktop-database >/dev/null; then
    grep -q '^x-scheme-handler/connectdesktop=.*connect-desktop.desktop' /usr/share/applications/mimeinfo.cache \
        && pass "mimeinfo.cache: x-scheme-handler/connectdesktop is handled by connect-desktop.desktop" \
        || fail "mimeinfo.cache does not list connect-desktop.desktop for x-scheme-handler/connectdesktop"
fi
[ -f /usr/share/icons/hicolor/48x48/apps/connect-desktop.png ] && [ -f /usr/share/icons/hicolor/scalable/apps/connect-desktop.svg ] \
    && pass "icons installed in the hicolor theme" || fail "icons missing from /usr/share/icons/hicolor"
rm -rf "$scratch"

# --- Remove -------------------------------------------------------------------------------------
trap - EXIT
for pid in "${started[@]}"; do
    kill "$pid" 2>/dev/null
done
if "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -qq "$package" >"$out/remove.log" 2>&1; then
    pass "apt-get remove --purge $package"
else
    cat "$out/remove.log"
    fail "apt-get remove --purge $package"
fi
dpkg-query -W -f='${Package}\n' | sort >"$out/packages-after.txt"
mapfile -t pulled < <(comm -13 "$out/packages-before.txt" "$out/packages-after.txt")
if [ ${#pulled[@]} -gt 0 ]; then
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -qq "${pulled[@]}" >>"$out/remove.log" 2>&1 \
        && pass "removed what the install pulled in: ${pulled[*]}" \
        || fail "could not remove what the install pulled in: ${pulled[*]}"
fi
if dpkg-query -W -f='${Status}' "$package" >/dev/null 2>&1 && dpkg-query -W -f='${Status}' "$package" | grep -qv 'not-installed'; then
    fail "dpkg still knows $package: $(dpkg-query -W -f='${Status}' "$package")"
else
    pass "dpkg no longer knows $package"
fi
left=()
for path in "${files[@]}"; do
    [ -e "$path" ] && left+=("$path")
done
while read -r path; do left+=("$path"); done < <(find /usr /etc \( -path /usr/src -o -path /usr/local \) -prune -o \( -name '*connect-desktop*' -o -name '*ConnectDesktop*' \) -print 2>/dev/null)
if [ ${#left[@]} -eq 0 ]; then
    pass "nothing of $package is left in /usr or /etc (${#files[@]} files removed)"
else
    fail "left behind: ${left[*]}"
fi
if [ -f /usr/share/applications/mimeinfo.cache ] && grep -q 'connect-desktop.desktop' /usr/share/applications/mimeinfo.cache; then
    fail "mimeinfo.cache still names connect-desktop.desktop"
fi

echo "packaging_install: $((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
