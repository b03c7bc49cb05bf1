#!/usr/bin/env python3
"""mkdisk.py -- a CKD disk image in Hercules' format, optionally IPL-able.

  mkdisk.py DISK TYPE [IMAGE]

Writes DISK as an empty 3330 or 3350 (TYPE), the same bytes as Hercules'
`dasdinit -r DISK TYPE`: the 512-byte device header, then on every track
the home address, record 0 (8 bytes of zeros) and the end-of-track marker.

With IMAGE (a raw program image from address 0, as asm370 -o makes it),
track 0 becomes an IPL track:

  R1  key 'IPL1', 24 bytes: the IPL PSW (BC, disabled, X'200') and a READ
      DATA of the next record into X'200' (no chaining: the IPL ends)
  R2  key 'IPL2', the program: what IMAGE holds from X'200' on

READ IPL reads R1's data; the READ DATA after it reads R2.
"""
import struct
import sys

GEOMETRY = {"3330": (19, 13312, 0x30, 404), "3350": (30, 19456, 0x50, 555)}
START = 0x200


def create(path, typ):
    heads, trksize, devtype, cyls = GEOMETRY[typ]
    with open(path, "wb") as f:
        f.write((b"CKD_P370" + struct.pack("<IIBBH", heads, trksize, devtype, 0, 0)).ljust(512, b"\0"))
        f.truncate(512 + cyls * heads * trksize)
        for c in range(cyls):
            for h in range(heads):
                f.seek(512 + (c * heads + h) * trksize)
                f.write(b"\0" + struct.pack(">HH", c, h) + struct.pack(">HHBBH", c, h, 0, 0, 8) + bytes(8) +
                        b"\xff" * 8)
    return trksize


def ipl_track(path, trksize, image):
    prog = image[START:]
    # EBCDIC 'IPL1', 'IPL2'
    key1, key2 = bytes([0xC9, 0xD7, 0xD3, 0xF1]), bytes([0xC9, 0xD7, 0xD3, 0xF2])
    psw = bytes(5) + bytes([(START >> 16) & 0xFF, (START >> 8) & 0xFF, START & 0xFF])
    read = bytes([0x06, (START >> 16) & 0xFF, (START >> 8) & 0xFF, START & 0xFF, 0x20, 0]) + struct.pack(">H", len(prog))
    r1 = struct.pack(">HHBBH", 0, 0, 1, 4, 24) + key1 + psw + read + bytes(8)
    r2 = struct.pack(">HHBBH", 0, 0, 2, 4, len(prog)) + key2 + prog
    # After the home address (5) and R0 (count 8, data 8).
    body = r1 + r2 + b"\xff" * 8
    if 21 + len(body) >= trksize:
        raise SystemExit("mkdisk: the program (%d bytes) does not fit on track 0" % len(prog))
    with open(path, "r+b") as f:
        f.seek(512 + 21)
        f.write(body)


def main():
    if len(sys.argv) not in (3, 4) or sys.argv[2] not in GEOMETRY:
        print(__doc__)
        return 2
    trksize = create(sys.argv[1], sys.argv[2])
    if len(sys.argv) == 4:
        ipl_track(sys.argv[1], trksize, open(sys.argv[3], "rb").read())
    return 0


if __name__ == "__main__":
    sys.exit(main())
