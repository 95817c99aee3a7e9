"""Checks that a PNG screenshot is not blank (standard library only).

Usage: python3 png_stats.py FILE.png
Decodes the PNG (8-bit RGB/RGBA/grey, non-interlaced, as Chromium writes
them), then requires some spread in the pixels: a blank or one-colour page
fails. Prints the numbers it judged by. Exit 0 pass, 1 fail.
"""

import struct
import sys
import zlib


def decode(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
    if depth != 8 or interlace:
        raise ValueError(f"unsupported PNG: depth {depth}, interlace {interlace}")
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        kind = raw[i]
        line = bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + b) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[x] = (line[x] + pred) & 0xFF
        rows.append(line)
        prev = line
    return width, height, channels, rows


def main():
    width, height, channels, rows = decode(sys.argv[1])
    grey = []
    colours = set()
    for line in rows[::2]:  # every other row and column is plenty
        for x in range(0, width * channels, channels * 2):
            px = tuple(line[x:x + min(channels, 3)])
            colours.add(px)
            grey.append(sum(px) / len(px))
    mean = sum(grey) / len(grey)
    variance = sum((g - mean) ** 2 for g in grey) / len(grey)
    background = max(set(grey), key=grey.count)
    inked = sum(1 for g in grey if abs(g - background) > 24) / len(grey)
    print(f"{width}x{height}: {len(colours)} colours, grey mean {mean:.1f}, variance {variance:.1f}, "
          f"{inked:.1%} of pixels away from the background")
    ok = variance > 50 and len(colours) > 16 and inked > 0.02
    if not ok:
        print("the screenshot looks blank")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
