#!/usr/bin/env python3
"""Draws the extension's icon for the Extension Manager: a 42×42 PNG (the size LibreOffice's extension guide asks
for) of the scissor effect — charges (orange) rising faster than the capped resources (white) on a blue tile.

Standard library only (no imaging package on the build machine): shapes are sampled 4×4 per pixel for smooth
edges and written as an RGBA PNG with zlib.   Usage: make_icon.py OUT.png [SIZE]
"""
from __future__ import annotations

import math
import struct
import sys
import zlib

BLUE = (31, 78, 121)      # tile
WHITE = (255, 255, 255)   # resources: capped growth
ORANGE = (242, 142, 43)   # charges: growing faster
SUPERSAMPLE = 4


def segment_distance(px: float, py: float, a: tuple, b: tuple) -> float:
    ax, ay = a
    bx, by = b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def inside_rounded_square(x: float, y: float, radius: float) -> bool:
    """The unit square [0, 1]² with rounded corners."""
    cx = min(max(x, radius), 1 - radius)
    cy = min(max(y, radius), 1 - radius)
    return 0 <= x <= 1 and 0 <= y <= 1 and math.hypot(x - cx, y - cy) <= radius


def colour_at(x: float, y: float) -> tuple:
    """RGBA of a point of the unit square (y downwards); later shapes are drawn over earlier ones."""
    if not inside_rounded_square(x, y, 0.18):
        return (0, 0, 0, 0)
    colour = BLUE
    # Resources: a flat line; charges: a steeper one crossing it a third of the way — the scissor.
    if segment_distance(x, y, (0.16, 0.62), (0.84, 0.50)) <= 0.045:
        colour = WHITE
    if segment_distance(x, y, (0.16, 0.74), (0.84, 0.22)) <= 0.055:
        colour = ORANGE
    return (*colour, 255)


def render(size: int) -> bytes:
    rows = []
    n = SUPERSAMPLE
    for py in range(size):
        row = bytearray([0])  # PNG filter type 0 for each scanline
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(n):
                for sx in range(n):
                    r, g, b, a = colour_at((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size)
                    acc[0] += r * a
                    acc[1] += g * a
                    acc[2] += b * a
                    acc[3] += a
            alpha = acc[3] / (n * n)
            rgb = [round(c / acc[3]) if acc[3] else 0 for c in acc[:3]]
            row += bytes([*rgb, round(alpha)])
        rows.append(bytes(row))
    return b"".join(rows)


def png(size: int, pixels: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(pixels, 9)) + \
        chunk(b"IEND", b"")


def main() -> int:
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    size = int(sys.argv[2]) if len(sys.argv) == 3 else 42
    with open(sys.argv[1], "wb") as f:
        f.write(png(size, render(size)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
