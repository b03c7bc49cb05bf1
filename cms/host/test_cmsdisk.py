#!/usr/bin/env python3
"""The cmsdisk tool end to end (docs/CMS-DISK.md section 9), on temporary
images: format, write a host text file, list, read it back, binary F and V
round trips, erase, rename, a minidisk extent, a minidisk named through a
vm370 data folder, and the exit codes (0; 28 file not found; 1 any other
error, with "cmsdisk: message" on stderr, never a crash).

usage: test_cmsdisk.py path/to/cmsdisk
"""
import json
import os
import struct
import subprocess
import sys
import tempfile

CMSDISK = sys.argv[1]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def make_image(path, cylinders, heads=30, track=19456, devtype=0x50):
    """A fresh Hercules CKD image (as CkdImage::create: home address, R0,
    end of track on every track)."""
    with open(path, "wb") as f:
        h = bytearray(512)
        h[0:8] = b"CKD_P370"
        h[8:12] = struct.pack("<I", heads)
        h[12:16] = struct.pack("<I", track)
        h[16] = devtype
        f.write(h)
        for c in range(cylinders):
            for hd in range(heads):
                t = bytes([0]) + struct.pack(">HH", c, hd) + struct.pack(">HHBBH", c, hd, 0, 0, 8) + bytes(8)
                t += b"\xff" * 8
                f.write(t + bytes(track - len(t)))


def run(*args, stdin=None):
    p = subprocess.run([CMSDISK, *args], capture_output=True, input=stdin)
    return p.returncode, p.stdout.decode("latin-1"), p.stderr.decode("latin-1")


def expect(args, code, out=None, err=None):
    rc, so, se = run(*args)
    check(rc == code, f"{' '.join(args)}: exit {rc}, wanted {code} (stderr {se!r})")
    if out is not None:
        check(out in so, f"{' '.join(args)}: {out!r} not in stdout {so!r}")
    if err is not None:
        check(err in se, f"{' '.join(args)}: {err!r} not in stderr {se!r}")
    if code:
        check(se.startswith("cmsdisk: "), f"{' '.join(args)}: stderr {se!r} is not 'cmsdisk: message'")
    return so


with tempfile.TemporaryDirectory() as tmp:
    img = os.path.join(tmp, "VOL001.3350")
    make_image(img, 3)

    # An unformatted disk; then FORMAT and QUERY DISK figures.
    expect([img, "list"], 1, err="not a CMS-formatted disk")
    expect([img, "format", "test01"], 0, out="FORMATTED TEST01")
    expect([img, "stat"], 0, out="TEST01: 0 FILES; 5 REC IN USE, 1705 LEFT (OF 1710), 1% FULL (3 CYL), 3350")
    expect([img, "list"], 28, err="not found")

    # A host text file: F 80 by default, trailing blanks dropped on the way back.
    text = "* PROFILE EXEC\n&TRACE OFF   \n\n" + "X" * 80 + "\n" + "\n".join(f"LINE {i}" for i in range(500)) + "\n"
    src = os.path.join(tmp, "profile.exec")
    with open(src, "w") as f:
        f.write(text)
    expect([img, "write", src, "profile", "exec"], 0)
    so = expect([img, "list"], 0)
    fields = so.split()
    check(fields[:7] == ["PROFILE", "EXEC", "A1", "F", "80", "504", "51"], f"list line {so!r}")
    check(fields[-1] == "TEST01", f"list label {so!r}")
    back = os.path.join(tmp, "back.exec")
    expect([img, "read", "profile", "exec", back], 0)
    with open(back) as f:
        check(f.read() == text.replace("OFF   \n", "OFF\n"), "text round trip")
    so = expect([img, "read", "PROFILE", "EXEC", "A"], 0)
    check(so == text.replace("OFF   \n", "OFF\n"), "read to stdout")
    expect([img, "read", "profile", "exec", "a2"], 28, err="not found")

    # V records; a line longer than LRECL is an error naming it.
    vsrc = os.path.join(tmp, "v.txt")
    with open(vsrc, "w") as f:
        f.write("short\n" + "y" * 200 + "\n\nend\n")
    expect([img, "write", vsrc, "notes", "script", "b5", "--recfm", "V"], 0)
    so = expect([img, "list", "notes", "*", "*"], 0)
    check(so.split()[:6] == ["NOTES", "SCRIPT", "B5", "V", "200", "4"], f"V list {so!r}")
    so = expect([img, "read", "notes", "script"], 0)
    check(so == "short\n" + "y" * 200 + "\n \nend\n", f"V text {so!r}")
    expect([img, "write", vsrc, "long", "file", "--lrecl", "100"], 1, err="line 2 is 200 characters, longer than LRECL 100")
    expect([img, "list", "long", "file"], 28)

    # Binary round trips: F LRECL 16, V with its length prefixes.
    fbin = os.path.join(tmp, "f.bin")
    data = bytes(range(256)) * 4
    with open(fbin, "wb") as f:
        f.write(data)
    expect([img, "write", fbin, "bin", "data", "--binary", "--lrecl", "16"], 0)
    out = subprocess.run([CMSDISK, img, "read", "bin", "data", "--binary"], capture_output=True).stdout
    check(out == data, "binary F round trip")
    vbin = os.path.join(tmp, "v.bin")
    vrecs = [b"", b"\x01", bytes(range(200)) * 5, b"\xff" * 3]
    vdata = b"".join(struct.pack(">H", len(r)) + r for r in vrecs)
    with open(vbin, "wb") as f:
        f.write(vdata)
    expect([img, "write", vbin, "vbin", "data", "--binary", "--recfm", "v"], 0)
    out = subprocess.run([CMSDISK, img, "read", "vbin", "data", "--binary"], capture_output=True).stdout
    check(out == vdata, "binary V round trip")
    with open(fbin, "wb") as f:
        f.write(data[:100])
    expect([img, "write", fbin, "bad", "data", "--binary", "--lrecl", "16"], 1, err="not a whole number")
    with open(vbin, "wb") as f:
        f.write(b"\x00\x10abc")
    expect([img, "write", vbin, "bad", "data", "--binary", "--recfm", "V"], 1, err="cut off")

    # Erase and rename; an empty host file writes no file.
    expect([img, "rename", "bin", "data", "a1", "bin2", "=", "c3"], 0)
    so = expect([img, "list", "bin*"], 0)
    check(so.split()[:3] == ["BIN2", "DATA", "C3"], f"renamed {so!r}")
    expect([img, "rename", "bin", "data", "a1", "x", "y", "a1"], 28)
    expect([img, "rename", "bin2", "data", "*", "profile", "exec", "a1"], 1, err="exists already")
    expect([img, "erase", "bin2", "data"], 0)
    expect([img, "erase", "bin2", "data"], 28, err="not found")
    empty = os.path.join(tmp, "empty")
    open(empty, "w").close()
    expect([img, "write", empty, "empty", "file"], 0, err="no file EMPTY FILE is written")
    expect([img, "list", "empty", "file"], 28)
    so = expect([img, "stat"], 0)
    check("TEST01: 3 FILES;" in so, f"stat after {so!r}")

    # Usage errors.
    expect([img], 1, err="no command")
    expect([img, "frobnicate"], 1, err="unknown command")
    expect([img, "read", "onlyone"], 1, err="wrong arguments")
    expect([img, "write", src, "bad.name", "x"], 1, err="is not a CMS file name")
    expect([img, "list", "--bogus"], 1, err="unknown option")
    expect([os.path.join(tmp, "none.3350"), "list"], 1, err="cannot open")

    # A minidisk extent of a volume: cylinders 1-2 of a 4-cylinder 3330.
    vol = os.path.join(tmp, "VOL002.3330")
    make_image(vol, 4, heads=19, track=13312, devtype=0x30)
    expect([vol + ":1:2", "format", "md0001"], 0)
    expect([vol + ":1:2", "stat"], 0, out="MD0001: 0 FILES; 5 REC IN USE, 527 LEFT (OF 532), 1% FULL (2 CYL), 3330")
    expect([vol, "list"], 1, err="not a CMS-formatted disk")  # cylinder 0 is not the minidisk's
    expect([vol + ":3:2", "list"], 1, err="not within")

    # A minidisk named through vm370's data folder.
    data_dir = os.path.join(tmp, "data")
    os.makedirs(os.path.join(data_dir, "volumes"))
    make_image(os.path.join(data_dir, "volumes", "USR001.3350"), 3)
    directory = {"version": 1, "users": [{"userid": "ALICE", "password": "x", "devices": [
        {"address": "009", "type": "console"},
        {"address": "191", "type": "minidisk", "volume": "usr001", "devtype": "3350", "cylinder": 1, "cylinders": 2}]}]}
    with open(os.path.join(data_dir, "directory.json"), "w") as f:
        json.dump(directory, f)
    dd = ["--data", data_dir, "--user", "alice", "--addr", "191"]
    expect(dd + ["format", "alice1"], 0)
    expect(dd + ["write", src, "profile", "exec"], 0)
    expect(dd + ["list"], 0, out="PROFILE  EXEC     A1 F    80")
    expect([os.path.join(data_dir, "volumes", "USR001.3350") + ":1:2", "read", "profile", "exec"], 0, out="LINE 499")
    expect(["--data", data_dir, "--user", "bob", "--addr", "191", "list"], 1, err="no user BOB")
    expect(["--data", data_dir, "--user", "alice", "--addr", "192", "list"], 1, err="has no device 192")
    expect(["--data", data_dir, "--user", "alice", "--addr", "009", "list"], 1, err="not a minidisk")

    # A corrupt disk gives a message, never a crash.
    with open(img, "r+b") as f:
        f.seek(512 + 5 + 16 + 3 * 808 + 8)  # block 4, the MFD
        f.write(b"\x00\x06" * 182)
    expect([img, "list"], 1, err="no sentinel")
    with open(img, "r+b") as f:
        f.truncate(512 + 19456 * 45)
    expect([img, "list"], 1, err="not a whole number of cylinders")
    with open(img, "wb") as f:
        f.write(os.urandom(4096))
    expect([img, "stat"], 1, err="not a CKD image")

if failures:
    print(f"{len(failures)} failures")
    sys.exit(1)
print("cmsdisk: all checks passed")
