#!/usr/bin/env python3
"""Draws the Windows .ico and the macOS .icns from the one application logo (SVG).

Linux icons are drawn at build time (packaging/CMakeLists.txt); Windows and macOS builds use the
two files this script writes next to itself, so that neither needs an SVG renderer. Run it
again after changing src/ui/resources/app-logo.svg:

    resources/icons/make-icons.py            # needs rsvg-convert (Debian: librsvg2-bin)

Both containers hold PNG images, which Windows Vista and later and macOS 10.7 and later read.
"""

import pathlib
import struct
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
SOURCE = HERE.parent.parent / "src" / "ui" / "resources" / "app-logo.svg"
NAME = "connect-desktop"

ICO_SIZES = [16, 20, 24, 32, 40, 48, 64, 128, 256]
# ICNS element types that hold PNG data, and the pixel size of each.
ICNS_TYPES = [
    (b"icp4", 16), (b"icp5", 32), (b"ic11", 32), (b"icp6", 64), (b"ic12", 64),
    (b"ic07", 128), (b"ic08", 256), (b"ic13", 256), (b"ic09", 512), (b"ic14", 512),
    (b"ic10", 1024),
]


def render(svg: pathlib.Path, size: int, workdir: pathlib.Path) -> bytes:
    out = workdir / f"{size}.png"
    if not out.exists():
        subprocess.run(["rsvg-convert", "--width", str(size), "--height", str(size),
                        "--keep-aspect-ratio", "--output", str(out), str(svg)], check=True)
    data = out.read_bytes()
    width, height = struct.unpack(">II", data[16:24])
    if (width, height) != (size, size):
        sys.exit(f"make-icons: {svg} drew {width}x{height} at size {size}: it must be square")
    return data


def ico(images: dict) -> bytes:
    """ICONDIR, one ICONDIRENTRY per size, then the PNG images."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in sorted(images.items()):
        dimension = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", dimension, dimension, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def icns(elements: list) -> bytes:
    """'icns', the total length, then (type, length, PNG) elements; lengths include headers."""
    body = b"".join(kind + struct.pack(">I", 8 + len(png)) + png for kind, png in elements)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> None:
    svg = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    with tempfile.TemporaryDirectory() as tmp:
        workdir = pathlib.Path(tmp)
        (HERE / f"{NAME}.ico").write_bytes(
            ico({size: render(svg, size, workdir) for size in ICO_SIZES}))
        (HERE / f"{NAME}.icns").write_bytes(
            icns([(kind, render(svg, size, workdir)) for kind, size in ICNS_TYPES]))
    print(f"make-icons: wrote {NAME}.ico and {NAME}.icns in {HERE} from {svg}")


if __name__ == "__main__":
    main()
