#!/usr/bin/env bash
# CTest packaging_files: validates every file the installers carry, with the tool made for each
# where this machine has it. Nothing on the system changes.
#   check_files.sh SOURCE_DIR BUILD_DIR CONNECT_DESKTOP_BINARY APP_ID VERSION
# Exit 0: all checks passed; 1: a check failed; 77 (skipped): a required tool is missing.
set -uo pipefail

source_dir=$1 build_dir=$2 binary=$3 app_id=$4 version=$5
packaging=$source_dir/packaging
generated=$build_dir/packaging
failures=0
checks=0

pass() { checks=$((checks + 1)); echo "ok    $*"; }
fail() { checks=$((checks + 1)); failures=$((failures + 1)); echo "FAIL  $*"; }

# Tools. dev.sh installs all of them (desktop-file-utils, appstream, libxml2-utils, python3-yaml,
# man-db, librsvg2-bin); without one the test says which and is skipped, never silently passes.
missing=()
for tool in desktop-file-validate appstreamcli xmllint man; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
python=""
for candidate in python3 /usr/bin/python3; do
    if command -v "$candidate" >/dev/null && "$candidate" -c 'import yaml' 2>/dev/null; then
        python=$candidate
        break
    fi
done
[ -n "$python" ] || missing+=("python3 with PyYAML (Debian: python3-yaml)")
if [ ${#missing[@]} -gt 0 ]; then
    echo "packaging_files skipped: missing ${missing[*]} (./dev.sh installs them)"
    exit 77
fi

# --- Desktop entry -------------------------------------------------------------------------------
desktop=$packaging/linux/connect-desktop.desktop
if out=$(desktop-file-validate "$desktop" 2>&1) && [ -z "$out" ]; then
    pass "desktop-file-validate $desktop"
else
    fail "desktop-file-validate $desktop: $out"
fi
grep -qx 'MimeType=x-scheme-handler/connectdesktop;' "$desktop" \
    && pass "the desktop entry registers x-scheme-handler/connectdesktop" \
    || fail "the desktop entry must say MimeType=x-scheme-handler/connectdesktop;"
grep -qx 'Exec=connect-desktop %u' "$desktop" \
    && pass "the desktop entry passes the link to the program (Exec with %u)" \
    || fail "the desktop entry must say Exec=connect-desktop %u"
grep -qx 'Icon=connect-desktop' "$desktop" \
    && pass "the desktop entry names the installed icon" \
    || fail "the desktop entry must say Icon=connect-desktop"

# --- AppStream metadata --------------------------------------------------------------------------
metainfo=$generated/$app_id.metainfo.xml
if out=$(appstreamcli validate --no-net --explain "$metainfo" 2>&1); then
    pass "appstreamcli validate --no-net $(basename "$metainfo")"
else
    fail "appstreamcli validate --no-net $metainfo:"$'\n'"$out"
fi
grep -q "<release version=\"$version\"" "$metainfo" \
    && pass "the metainfo lists release $version" \
    || fail "the metainfo must list <release version=\"$version\">"

# --- Man page ------------------------------------------------------------------------------------
manpage=$generated/man/connect-desktop.1
if out=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$manpage" 2>&1 >/dev/null) \
        && [ -z "$out" ]; then
    pass "man --warnings renders connect-desktop.1 cleanly"
else
    fail "man --warnings connect-desktop.1: $out"
fi
# Every option of the command line is documented: the help texts are the reference.
undocumented=()
for command in "" connect sandbox check doctor history diagnostics; do
    # shellcheck disable=SC2086
    help=$("$binary" $command --help 2>&1) || { fail "connect-desktop $command --help exits non-zero"; continue; }
    for option in $(grep -oE -- '--[a-z][a-z-]*' <<<"$help" | sort -u); do
        [ "$option" = "--help-all" ] && continue # Qt's own, the same for every Qt program
        escaped=${option//-/\\-}
        grep -qF -- "$escaped" "$manpage" || undocumented+=("${command:-(main)} $option")
    done
done
if [ ${#undocumented[@]} -eq 0 ]; then
    pass "the man page documents every option of every command's --help"
else
    fail "packaging/linux/connect-desktop.1.in does not document: ${undocumented[*]}"
fi

# --- Icons ---------------------------------------------------------------------------------------
if out=$("$python" - "$generated/icons/hicolor" "$source_dir/resources/icons" <<'EOF'
import pathlib, struct, sys
hicolor, committed = map(pathlib.Path, sys.argv[1:3])
problems = []
for size in (16, 22, 24, 32, 48, 64, 128, 256, 512):
    png = hicolor / f"{size}x{size}" / "apps" / "connect-desktop.png"
    if not png.exists():
        problems.append(f"{png} was not drawn (is rsvg-convert installed?)")
        continue
    data = png.read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n" or struct.unpack(">II", data[16:24]) != (size, size):
        problems.append(f"{png} is not a {size}x{size} PNG")
ico = (committed / "connect-desktop.ico").read_bytes()
reserved, kind, count = struct.unpack("<HHH", ico[:6])
sizes = set()
for i in range(count):
    w, h, _, _, _, _, length, offset = struct.unpack("<BBBBHHII", ico[6 + 16 * i:22 + 16 * i])
    if ico[offset:offset + 8] != b"\x89PNG\r\n\x1a\n" or offset + length > len(ico):
        problems.append(f"connect-desktop.ico entry {i} is not a PNG inside the file")
    sizes.add(w or 256)
if (reserved, kind) != (0, 1) or not {16, 24, 32, 48, 256} <= sizes:
    problems.append(f"connect-desktop.ico holds sizes {sorted(sizes)}, needs 16 24 32 48 256")
icns = (committed / "connect-desktop.icns").read_bytes()
if icns[:4] != b"icns" or struct.unpack(">I", icns[4:8])[0] != len(icns):
    problems.append("connect-desktop.icns has no valid header")
types, at = set(), 8
while at < len(icns):
    kind, length = icns[at:at + 4], struct.unpack(">I", icns[at + 4:at + 8])[0]
    if length < 8 or icns[at + 8:at + 16] != b"\x89PNG\r\n\x1a\n":
        problems.append(f"connect-desktop.icns element {kind!r} is not a PNG")
        break
    types.add(kind.decode())
    at += length
if not {"ic07", "ic08", "ic09", "ic10", "icp4", "icp5"} <= types:
    problems.append(f"connect-desktop.icns holds {sorted(types)}, needs 16 to 1024 pixels")
print("\n".join(problems))
sys.exit(1 if problems else 0)
EOF
); then
    pass "icons: PNG 16..512 drawn from the SVG; the .ico and .icns hold PNGs of every size"
else
    fail "icons: $out"
fi

# --- Windows: WiX patch and resource script ------------------------------------------------------
wix=$packaging/windows/wix-patch.xml
if out=$(xmllint --noout "$wix" 2>&1); then
    pass "xmllint $wix"
else
    fail "xmllint $wix: $out"
fi
if out=$("$python" - "$wix" <<'EOF'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
fragments = {f.get("Id"): f for f in root.iter("CPackWiXFragment")}
problems = []
component = next(fragments["#PRODUCT"].iter("Component"), None) if "#PRODUCT" in fragments else None
if component is None:
    problems.append("no Component in the #PRODUCT fragment")
else:
    scheme = next((k for k in component.iter("RegistryKey")
                   if k.get("Key") == r"Software\Classes\connectdesktop"), None)
    values = {(v.get("Name") or ""): v.get("Value") for v in scheme.iter("RegistryValue")} if scheme is not None else {}
    command = scheme.find("RegistryKey[@Key='shell\\open\\command']/RegistryValue") if scheme is not None else None
    if scheme is None or scheme.get("Root") != "HKMU" or scheme.get("ForceDeleteOnUninstall") != "yes":
        problems.append(r"HKMU\Software\Classes\connectdesktop, deleted on uninstall, is missing")
    if "URL Protocol" not in values:
        problems.append("the scheme key has no \"URL Protocol\" value")
    if command is None or '"%1"' not in command.get("Value", "") or "connect-desktop.exe" not in command.get("Value", ""):
        problems.append(r"shell\open\command must start connect-desktop.exe with \"%1\"")
    refs = [r.get("Id") for r in fragments.get("#PRODUCTFEATURE", ET.Element("x")).iter("ComponentRef")]
    if component.get("Id") not in refs:
        problems.append("the #PRODUCTFEATURE fragment does not reference the scheme's component")
print("\n".join(problems))
sys.exit(1 if problems else 0)
EOF
); then
    pass "WiX: the connectdesktop scheme is one component of the product feature (removed on uninstall)"
else
    fail "WiX: $out"
fi
grep -q 'resources/icons/connect-desktop.ico' "$packaging/windows/connect-desktop.rc.in" \
    && [ -f "$source_dir/resources/icons/connect-desktop.ico" ] \
    && pass "the Windows resource script names the committed .ico" \
    || fail "packaging/windows/connect-desktop.rc.in must name resources/icons/connect-desktop.ico"

# --- macOS: Info.plist and entitlements ----------------------------------------------------------
for plist in "$packaging/macos/Info.plist.in" "$packaging/macos/QtWebEngineProcess.entitlements"; do
    # The plist DOCTYPE resolves to tests/packaging/plist.dtd through a catalog: no network.
    if out=$(XML_CATALOG_FILES="$source_dir/tests/packaging/plist-catalog.xml" \
             xmllint --noout --nonet --valid "$plist" 2>&1) && [ -z "$out" ]; then
        pass "xmllint --valid $(basename "$plist") (the plist grammar)"
    else
        fail "xmllint --valid $plist: $out"
    fi
done
if out=$("$python" - "$packaging/macos/Info.plist.in" "$packaging/macos/QtWebEngineProcess.entitlements" <<'EOF'
import plistlib, re, sys
template = open(sys.argv[1], encoding="utf-8").read()
# What CMake puts in for the MACOSX_BUNDLE_* placeholders (app/CMakeLists.txt).
values = {"MACOSX_BUNDLE_EXECUTABLE_NAME": "connect-desktop", "MACOSX_BUNDLE_GUI_IDENTIFIER": "id",
          "MACOSX_BUNDLE_BUNDLE_NAME": "Connect Desktop", "MACOSX_BUNDLE_ICON_FILE": "connect-desktop.icns",
          "MACOSX_BUNDLE_SHORT_VERSION_STRING": "1.2.3", "MACOSX_BUNDLE_BUNDLE_VERSION": "1.2.3",
          "MACOSX_BUNDLE_COPYRIGHT": "(c)"}
problems = [f"unknown placeholder ${{{name}}}" for name in re.findall(r"\$\{(\w+)\}", template) if name not in values]
info = plistlib.loads(re.sub(r"\$\{(\w+)\}", lambda m: values.get(m.group(1), ""), template).encode())
schemes = [s for t in info.get("CFBundleURLTypes", []) for s in t.get("CFBundleURLSchemes", [])]
if schemes != ["connectdesktop"]:
    problems.append(f"CFBundleURLTypes declares {schemes}, expected ['connectdesktop']")
for key in ("CFBundleExecutable", "CFBundleIdentifier", "CFBundleIconFile", "CFBundleShortVersionString", "CFBundleVersion"):
    if not info.get(key):
        problems.append(f"{key} is missing")
if info.get("CFBundlePackageType") != "APPL":
    problems.append("CFBundlePackageType must be APPL")
entitlements = plistlib.load(open(sys.argv[2], "rb"))
if entitlements.get("com.apple.security.cs.allow-jit") is not True:
    problems.append("the WebEngine helper's entitlements must allow JIT")
print("\n".join(problems))
sys.exit(1 if problems else 0)
EOF
); then
    pass "Info.plist: a valid plist with CFBundleURLTypes for connectdesktop, icon and versions"
else
    fail "Info.plist: $out"
fi

# --- Flatpak manifest and AppImage script ---------------------------------------------------------
manifest=$packaging/flatpak/$app_id.yml
if out=$("$python" - "$manifest" "$app_id" <<'EOF'
import sys, yaml
path, app_id = sys.argv[1:3]
manifest = yaml.safe_load(open(path, encoding="utf-8"))
problems = []
expect = {"id": app_id, "runtime": "org.kde.Platform", "sdk": "org.kde.Sdk",
          "base": "io.qt.qtwebengine.BaseApp", "command": "connect-desktop"}
for key, value in expect.items():
    if manifest.get(key) != value:
        problems.append(f"{key} is {manifest.get(key)!r}, expected {value!r}")
if not str(manifest.get("runtime-version", "")).startswith("6."):
    problems.append("runtime-version must be a KDE 6.x runtime")
if str(manifest.get("base-version")) != str(manifest.get("runtime-version")):
    problems.append("base-version must equal runtime-version")
modules = manifest.get("modules", [])
app = modules[-1] if modules else {}
if app.get("name") != "connect-desktop" or app.get("buildsystem") not in ("cmake", "cmake-ninja"):
    problems.append("the last module must build connect-desktop with CMake")
for key, value in (("rename-desktop-file", "connect-desktop.desktop"), ("rename-icon", "connect-desktop")):
    if manifest.get(key) != value:
        problems.append(f"{key} must be {value!r} (Flatpak exports files named after the app id)")
for module in modules:
    for source in module.get("sources", []):
        if source.get("type") in ("git", "archive") and not (source.get("tag") or source.get("commit") or source.get("sha256")):
            problems.append(f"module {module.get('name')}: a source without a tag, commit or sha256")
print("\n".join(problems))
sys.exit(1 if problems else 0)
EOF
); then
    pass "Flatpak manifest $(basename "$manifest"): valid YAML, KDE 6 runtime with the QtWebEngine BaseApp"
else
    fail "Flatpak manifest $manifest: $out"
fi
appimage=$packaging/appimage/build-appimage.sh
if out=$(bash -n "$appimage" 2>&1); then
    pass "bash -n $(basename "$appimage")"
else
    fail "bash -n $appimage: $out"
fi
if command -v shellcheck >/dev/null; then
    if out=$(shellcheck --severity=warning "$appimage" "$source_dir"/tests/packaging/*.sh 2>&1); then
        pass "shellcheck of the packaging scripts"
    else
        fail "shellcheck: $out"
    fi
fi

echo "packaging_files: $((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
