#!/usr/bin/env bash
# Connect Desktop's commands (README.md's Quick start has the first two):
#   ./dev.sh run [connect-desktop arguments]   install what is missing, build, start connect-desktop
#   ./dev.sh test [ctest arguments]            install what is missing, build, run every test headless
#   ./dev.sh fuzz [seconds]                    build the libFuzzer targets (clang) and run each for
#                                              a bounded time (default 30 s); a crash fails
#   ./dev.sh package                           build the release and its .deb, .rpm and tarball in
#                                              build-release/ (packaging/README.md)
#   ./dev.sh bench [bench arguments]           build, then measure the app against bare Qt
#                                              baselines; one JSON object (docs/performance.md)
set -euo pipefail

cd "$(dirname "$0")"

# Debian 12 packages the build and the tests need. qt6-websockets-dev is listed because Debian's
# Qt6HttpServer CMake package requires it without depending on it.
PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-qpa-plugins libgl-dev
    qt6-webengine-dev qt6-svg-dev qt6-httpserver-dev qt6-websockets-dev
    qt6-tools-dev qt6-l10n-tools qtkeychain-qt6-dev libssl-dev libzip-dev
    xvfb xauth xdotool imagemagick fonts-dejavu-core openbox
    # Packaging (packaging/README.md): icons drawn from the SVG, CPack's DEB and RPM, and the
    # validators the packaging tests run.
    librsvg2-bin dpkg-dev rpm lintian desktop-file-utils appstream libxml2-utils python3-yaml
    man-db file
)

# Only for ./dev.sh fuzz.
FUZZ_PACKAGES=(clang libclang-rt-14-dev)

usage() {
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
}

install_missing() {
    local wanted=("${PACKAGES[@]}" "$@")
    if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
        echo "dev.sh: not a Debian-like system; install Qt 6.4+ (Core, Network, HttpServer, Gui, Widgets," \
             "Svg, WebEngine, LinguistTools), QtKeychain for Qt 6, CMake 3.21+ and Ninja yourself (see README.md)." >&2
        return 0
    fi
    local missing=()
    for package in "${wanted[@]}"; do
        if [ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null)" != "install ok installed" ]; then
            missing+=("$package")
        fi
    done
    # npm brings in Paragon's SDK from third_party/paragon's lockfile at configure time. Debian's
    # own npm, unless an npm is already there (NodeSource's nodejs ships one, and conflicts).
    command -v npm >/dev/null || missing+=(npm)
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "dev.sh: installing ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if ! command -v sudo >/dev/null; then
            echo "dev.sh: these packages are missing and sudo is not available; as root run:" >&2
            echo "  apt-get install ${missing[*]}" >&2
            exit 1
        fi
        sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
}

build() {
    cmake --preset default
    cmake --build --preset default
}

command=${1:-}
[ -n "$command" ] || usage
shift

case "$command" in
    run)
        install_missing
        build
        if [ "$(id -u)" -eq 0 ] && [ -z "${QTWEBENGINE_DISABLE_SANDBOX:-}" ]; then
            # Chromium refuses to run as root with its sandbox on. Only as root, and said out loud.
            echo "dev.sh: running as root, so the web engine's sandbox is turned off (QTWEBENGINE_DISABLE_SANDBOX=1)." >&2
            export QTWEBENGINE_DISABLE_SANDBOX=1
        fi
        exec ./build/app/connect-desktop "$@"
        ;;
    test)
        install_missing
        build
        # Each test sets QT_QPA_PLATFORM=offscreen itself (tests/CMakeLists.txt): no display needed.
        exec ctest --preset default "$@"
        ;;
    bench)
        # Standard output is the benchmark's JSON alone: installing and building talk on stderr.
        install_missing >&2
        build >&2
        exec build/bench/connect-desktop-bench "$@"
        ;;
    package)
        install_missing
        cmake --preset release
        cmake --build --preset release
        cd build-release
        exec cpack -G "DEB;RPM;TGZ"
        ;;
    fuzz)
        install_missing "${FUZZ_PACKAGES[@]}"
        cmake --preset fuzz
        cmake --build --preset fuzz
        exec tests/fuzz/run.sh build-fuzz "${1:-30}"
        ;;
    *)
        usage
        ;;
esac
