#!/usr/bin/env bash
# CTest packaging_packages: builds the .deb, .rpm and tarball from a build directory with CPack
# (into BUILD_DIR/packaging-check, not beside the release packages) and inspects each: lintian
# for the .deb, rpm -qp for the .rpm, tar for the tarball. Nothing on the system changes.
#   check_packages.sh BUILD_DIR VERSION
# Exit 0: all checks passed; 1: a check failed; 77 (skipped): a required tool is missing.
set -uo pipefail

build_dir=$(cd "$1" && pwd) version=$2
out=$build_dir/packaging-check
failures=0
checks=0
pass() { checks=$((checks + 1)); echo "ok    $*"; }
fail() { checks=$((checks + 1)); failures=$((failures + 1)); echo "FAIL  $*"; }

missing=()
for tool in cpack dpkg-deb dpkg-shlibdeps lintian rpm rpmbuild tar file; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "packaging_packages skipped: missing ${missing[*]} (./dev.sh installs them: lintian, rpm, dpkg-dev, file)"
    exit 77
fi

rm -rf "$out"
mkdir -p "$out"
if ! cpack --config "$build_dir/CPackConfig.cmake" -G "DEB;RPM;TGZ" -B "$out" >"$out/cpack.log" 2>&1; then
    cat "$out/cpack.log"
    echo "FAIL  cpack -G DEB;RPM;TGZ"
    exit 1
fi
deb=$out/connect-desktop_${version}-1_amd64.deb
[ "$(dpkg --print-architecture)" = amd64 ] || deb=$(ls "$out"/connect-desktop_"${version}"-1_*.deb)
rpm=$(ls "$out"/connect-desktop-"${version}"-1.*.rpm 2>/dev/null | head -n 1)
tgz=$(ls "$out"/connect-desktop-"${version}"-Linux-*.tar.gz 2>/dev/null | head -n 1)
for package in "$deb" "$rpm" "$tgz"; do
    if [ -n "$package" ] && [ -f "$package" ]; then
        pass "cpack built $(basename "$package") ($(du -k "$package" | cut -f1) KiB)"
    else
        fail "cpack did not build one of .deb, .rpm, .tar.gz (see $out/cpack.log)"
    fi
done

# What every package carries, relative to the prefix.
expected=(
    bin/connect-desktop
    share/applications/connect-desktop.desktop
    share/man/man1/connect-desktop.1.gz
    share/doc/connect-desktop/copyright
    share/icons/hicolor/scalable/apps/connect-desktop.svg
)
for size in 16 22 24 32 48 64 128 256 512; do
    expected+=("share/icons/hicolor/${size}x${size}/apps/connect-desktop.png")
done
metainfo=$(find "$build_dir/packaging" -maxdepth 1 -name '*.metainfo.xml' -printf '%f\n')
expected+=("share/metainfo/$metainfo")

contains_all() { # listing prefix -- fails for each expected file not in the listing
    local listing=$1 prefix=$2 name=$3 absent=()
    for file in "${expected[@]}"; do
        grep -qxF "$prefix$file" <<<"$listing" || absent+=("$file")
    done
    if [ ${#absent[@]} -eq 0 ]; then
        pass "$name holds the program, desktop entry, metainfo, icons, man page and copyright"
    else
        fail "$name lacks ${absent[*]}"
    fi
}

# --- .deb ---------------------------------------------------------------------------------------
if [ -f "$deb" ]; then
    control=$(dpkg-deb -f "$deb")
    field() { sed -n "s/^$1: //p" <<<"$control"; }
    [ "$(field Package)" = connect-desktop ] && [ "$(field Section)" = net ] \
        && [ "$(field Maintainer)" = "Connect Desktop developers <dev@example.invalid>" ] \
        && [ "$(field Version)" = "$version-1" ] \
        && pass "control: connect-desktop $version-1, section net, maintainer set" \
        || fail "control fields: $control"
    depends=$(field Depends)
    # Computed by dpkg-shlibdeps (the web engine and Qt), plus the platform plugins listed by hand.
    for dependency in libqt6webenginewidgets6 libqt6webenginecore6 libqt6httpserver6 libqt6keychain1 libc6 qt6-qpa-plugins; do
        grep -q "$dependency" <<<"$depends" || fail "Depends lacks $dependency: $depends"
    done
    grep -q "libqt6webenginewidgets6 (>=" <<<"$depends" && pass "Depends computed by dpkg-shlibdeps: $depends"
    listing=$(dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./||')
    contains_all "$listing" "usr/" ".deb"
    grep -qxF usr/share/doc/connect-desktop/changelog.Debian.gz <<<"$listing" \
        && pass ".deb carries changelog.Debian.gz" || fail ".deb lacks usr/share/doc/connect-desktop/changelog.Debian.gz"
    extracted=$out/deb-root
    dpkg-deb -x "$deb" "$extracted"
    file "$extracted/usr/bin/connect-desktop" | grep -q ', stripped' \
        && pass "the packaged program is stripped" || fail "usr/bin/connect-desktop is not stripped"
    if readelf -d "$extracted/usr/bin/connect-desktop" | grep -qE 'RPATH|RUNPATH'; then
        fail "usr/bin/connect-desktop has an RPATH/RUNPATH: $(readelf -d "$extracted/usr/bin/connect-desktop" | grep -E 'RPATH|RUNPATH')"
    else
        pass "the packaged program has no RPATH (static internal libraries, system Qt)"
    fi
    gzip -t "$extracted/usr/share/man/man1/connect-desktop.1.gz" \
        && pass "the man page is gzipped" || fail "the man page is not a valid gzip file"
    # lintian: no errors and no warnings. The only accepted tag is overridden, with its reason, in
    # packaging/linux/lintian-overrides; informational tags are printed.
    lintian_out=$(lintian --fail-on error,warning --display-info "$deb" 2>&1 | grep -v 'running with root privileges')
    lintian_rc=${PIPESTATUS[0]}
    [ -n "$lintian_out" ] && echo "$lintian_out"
    if [ "$lintian_rc" -eq 0 ]; then
        pass "lintian: no errors, no warnings"
    else
        fail "lintian (exit $lintian_rc)"
    fi
fi

# --- .rpm ---------------------------------------------------------------------------------------
if [ -n "$rpm" ] && [ -f "$rpm" ]; then
    listing=$(rpm -qpl "$rpm" 2>/dev/null)
    contains_all "$listing" "/usr/" ".rpm"
    grep -q changelog.Debian <<<"$listing" && fail ".rpm carries Debian's changelog" \
        || pass ".rpm carries no Debian-only files"
    owned=$(grep -xE '/usr(/share(/(applications|icons|metainfo|man(/man1)?))?|/bin)?' <<<"$listing")
    [ -z "$owned" ] && pass ".rpm owns no system directory" || fail ".rpm owns system directories: $owned"
    requires=$(rpm -qpR "$rpm" 2>/dev/null)
    grep -q '^libQt6WebEngineWidgets.so.6()' <<<"$requires" && grep -q '^libqt6keychain.so.1()' <<<"$requires" \
        && pass ".rpm requirements computed by rpmbuild (Qt WebEngine, QtKeychain sonames)" \
        || fail ".rpm requirements: $requires"
    [ "$(rpm -qp --qf '%{NAME} %{VERSION} %{RELEASE}' "$rpm" 2>/dev/null)" = "connect-desktop $version 1" ] \
        && pass ".rpm is connect-desktop $version-1" || fail ".rpm name/version"
fi

# --- tarball ------------------------------------------------------------------------------------
if [ -n "$tgz" ] && [ -f "$tgz" ]; then
    top=$(basename "$tgz" .tar.gz)
    listing=$(tar tzf "$tgz")
    contains_all "$listing" "$top/" "tarball"
    grep -qE 'changelog.Debian|lintian' <<<"$listing" && fail "the tarball carries Debian-only files" \
        || pass "the tarball carries no Debian-only files"
fi

echo "packaging_packages: $((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
