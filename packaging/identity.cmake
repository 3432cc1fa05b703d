# Who the application is, in one place: the executable's bundle (app/CMakeLists.txt), the Linux
# desktop files and every installer (packaging/CMakeLists.txt) read these. Included from the
# top-level CMakeLists.txt so that both directories see them.

# Reverse-DNS id: AppStream component, Flatpak app id, macOS CFBundleIdentifier. The Flatpak
# manifest repeats it in its file name and `id:` (packaging_files checks that they agree).
set(CONNECT_DESKTOP_APP_ID "invalid.example.ConnectDesktop")
# The file name of the Linux desktop entry, the icon name, and the Debian/RPM package name.
# QGuiApplication::setDesktopFileName() in src/app/Application.cpp uses the same name.
set(CONNECT_DESKTOP_PACKAGE_NAME "connect-desktop")
set(CONNECT_DESKTOP_DISPLAY_NAME "Connect Desktop")
# The URL scheme the installers register (links connectdesktop://connect?integration=ID).
set(CONNECT_DESKTOP_URL_SCHEME "connectdesktop")
set(CONNECT_DESKTOP_VENDOR "Connect Desktop developers")
set(CONNECT_DESKTOP_MAINTAINER "Connect Desktop developers <dev@example.invalid>")
# The date PROJECT_VERSION was released (YYYY-MM-DD): AppStream <release>, the man page, the
# Debian changelog. Change it with the version.
set(CONNECT_DESKTOP_RELEASE_DATE "2026-11-21")
# SPDX identifier of the project's licence. The repository states none yet, so the packages say
# so (LicenseRef-proprietary, text in packaging/license-not-stated.txt); a LICENSE file at the
# top of the repository replaces that text everywhere, and this identifier should follow it.
set(CONNECT_DESKTOP_LICENSE "LicenseRef-proprietary")
if(EXISTS "${PROJECT_SOURCE_DIR}/LICENSE")
    set(CONNECT_DESKTOP_LICENSE_FILE "${PROJECT_SOURCE_DIR}/LICENSE")
else()
    set(CONNECT_DESKTOP_LICENSE_FILE "${PROJECT_SOURCE_DIR}/packaging/license-not-stated.txt")
endif()
# The one source of every icon: the PNG sizes are drawn from it at build time (Linux), the .ico
# and .icns in resources/icons/ by resources/icons/make-icons.py.
set(CONNECT_DESKTOP_ICON_SVG "${PROJECT_SOURCE_DIR}/src/ui/resources/app-logo.svg")
