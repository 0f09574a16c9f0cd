#!/usr/bin/env python3
"""Draws the MKBA add-in icons: a deep-teal rounded square with a white rising bar chart and a gold euro sign.

Writes assets/icon-16.png, icon-32.png, icon-64.png, icon-80.png and logo-filled.png (300x300) next to the
repository root (the folder above this script). Uses only the Python standard library (zlib + struct), with
supersampled anti-aliasing, and writes byte-identical files on every run.

Usage: python3 scripts/make-icons.py [OUTPUT_DIR]      (default: <repo>/assets)
"""
import math
import os
import struct
import sys
import zlib

TEAL_TOP = (14, 116, 128)      # #0E7480
TEAL_BOTTOM = (9, 72, 94)      # #09485E
WHITE = (255, 255, 255)
GOLD = (246, 196, 83)          # #F6C453

SIZES = {"icon-16.png": 16, "icon-32.png": 32, "icon-64.png": 64, "icon-80.png": 80, "logo-filled.png": 300}


def layout(size):
    """Shapes in unit coordinates (0..1, y down). Small icons get a simpler, bolder drawing."""
    if size <= 16:
        # No euro sign at 16 px (it would be a smudge): three bold bars on a baseline, on whole pixels.
        px = 1.0 / size
        bars = [(3 * px, 6 * px, 10 * px), (7 * px, 10 * px, 7 * px), (11 * px, 14 * px, 3 * px)]  # x0, x1, top
        return {"radius": 3 * px, "bars": bars, "bar_bottom": 13 * px, "baseline": None, "euro": None}
    return {
        "radius": 0.19,
        "bars": [(0.20, 0.34, 0.62), (0.43, 0.57, 0.47), (0.66, 0.80, 0.20)],
        "bar_bottom": 0.78,
        "baseline": (0.14, 0.86, 0.78, 0.84),  # x0, x1, y0, y1
        # centre x, centre y, outer radius, stroke, half-angle of the opening (degrees), bar half-height
        "euro": (0.33, 0.30, 0.145, 0.05 if size < 64 else 0.042, 42, 0.022 if size < 64 else 0.018),
    }


def in_rounded_square(x, y, r):
    if not (0.0 <= x <= 1.0 and 0.0 <= y <= 1.0):
        return False
    cx = min(max(x, r), 1.0 - r)
    cy = min(max(y, r), 1.0 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def in_euro(x, y, euro):
    cx, cy, ro, stroke, half_open, bar_h = euro
    dx, dy = x - cx, y - cy
    d = math.hypot(dx, dy)
    if ro - stroke <= d <= ro:
        ang = math.degrees(math.atan2(dy, dx))  # 0 = pointing right
        if abs(ang) > half_open:
            return True
    # the two horizontal strokes, from left of the ring to just right of the centre
    x0, x1 = cx - ro - 0.05, cx + 0.03
    for yc in (cy - 0.035, cy + 0.035):
        if x0 <= x <= x1 and abs(y - yc) <= bar_h:
            return True
    return False


def sample(x, y, lay):
    """RGBA colour of one sample point."""
    if not in_rounded_square(x, y, lay["radius"]):
        return None
    for x0, x1, top in lay["bars"]:
        if x0 <= x <= x1 and top <= y <= lay["bar_bottom"]:
            return WHITE
    if lay["baseline"]:
        x0, x1, y0, y1 = lay["baseline"]
        if x0 <= x <= x1 and y0 <= y <= y1:
            return WHITE
    if lay["euro"] and in_euro(x, y, lay["euro"]):
        return GOLD
    t = y
    return tuple(round(a + (b - a) * t) for a, b in zip(TEAL_TOP, TEAL_BOTTOM))


def render(size, ss=None):
    ss = ss or (8 if size <= 80 else 4)
    lay = layout(size)
    rows = []
    n = ss * ss
    for py in range(size):
        row = bytearray()
        for px in range(size):
            r = g = b = a = 0
            for sy in range(ss):
                y = (py + (sy + 0.5) / ss) / size
                for sx in range(ss):
                    c = sample((px + (sx + 0.5) / ss) / size, y, lay)
                    if c is not None:
                        r += c[0]; g += c[1]; b += c[2]; a += 1
            if a:
                row += bytes((round(r / a), round(g / a), round(b / a), round(255 * a / n)))
            else:
                row += b"\0\0\0\0"
        rows.append(bytes(row))
    return rows


def png(size, rows):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\0" + row for row in rows)  # filter type 0 per row
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))  # 8-bit RGBA
            + chunk(b"IDAT", zlib.compress(raw, 9))
            + chunk(b"IEND", b""))


def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(repo, "assets")
    os.makedirs(out, exist_ok=True)
    for name, size in SIZES.items():
        path = os.path.join(out, name)
        with open(path, "wb") as f:
            f.write(png(size, render(size)))
        print(f"{path} ({size}x{size})")


if __name__ == "__main__":
    main()
