#!/usr/bin/env bash
# Builds Connect_Desktop-VERSION-ARCH.AppImage with linuxdeploy and its Qt plugin, which bring
# Qt, its plugins and Qt WebEngine (QtWebEngineProcess, resources, locales) into the AppDir.
#
#   packaging/appimage/build-appimage.sh [BUILD_DIR]      (default: build-appimage)
#
# A recipe: it downloads linuxdeploy's continuous builds, which the project's machines cannot,
# so it is not run there (packaging/README.md). Build on the oldest distribution you support:
# the AppImage runs on systems with the same or a newer glibc. Needs Qt 6.4+ with WebEngine,
# QtKeychain, CMake, Ninja, rsvg-convert and curl.
set -euo pipefail

cd "$(dirname "$0")/../.."
build=${1:-build-appimage}
arch=$(uname -m)
tools=$PWD/$build/tools
appdir=$PWD/$build/AppDir

mkdir -p "$tools"
for tool in linuxdeploy linuxdeploy-plugin-qt; do
    file=$tools/$tool-$arch.AppImage
    if [ ! -x "$file" ]; then
        curl -fL --retry 3 -o "$file" \
            "https://github.com/linuxdeploy/$tool/releases/download/continuous/$tool-$arch.AppImage"
        chmod +x "$file"
    fi
done

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
      -DCONNECT_DESKTOP_BUILD_TESTS=OFF
cmake --build "$build" --parallel
rm -rf "$appdir"
DESTDIR=$appdir cmake --install "$build" --strip
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")

# The plugin asks this Qt's qmake where Qt lives (Debian: qmake6 from qt6-base-dev-tools).
export QMAKE=${QMAKE:-$(command -v qmake6 || command -v qmake)}
# SVG icons and logos; Wayland besides X11 (xcb is always deployed).
export EXTRA_QT_MODULES="svg;"
export EXTRA_QT_PLUGINS="svg;"
export EXTRA_PLATFORM_PLUGINS="libqwayland-egl.so;libqwayland-generic.so"
export LINUXDEPLOY_OUTPUT_VERSION=$version
export OUTPUT="Connect_Desktop-$version-$arch.AppImage"

cd "$build"
"$tools/linuxdeploy-$arch.AppImage" --appdir "$appdir" \
    --executable "$appdir/usr/bin/connect-desktop" \
    --desktop-file "$appdir/usr/share/applications/connect-desktop.desktop" \
    --icon-file "$appdir/usr/share/icons/hicolor/256x256/apps/connect-desktop.png" \
    --icon-file "$appdir/usr/share/icons/hicolor/scalable/apps/connect-desktop.svg" \
    --plugin qt \
    --output appimage
echo "build-appimage: $PWD/$OUTPUT"
