#!/usr/bin/env python3
"""machine_diff.py -- the same bare-machine programs on our machine and on
Hercules 3.13, with the same devices: compares the final PSW, storage ranges,
printer and punch files, and console lines.

  machine_diff.py MACHINE_RUN HERC_ORACLE PROGRAM.s...

A program names its devices and what to compare in header comments:

  # DEVICE: 00C 2540R deck=cards.txt mode=ascii   (deck relative to the program)
  # DEVICE: 00D 2540P
  # DEVICE: 00F 1403
  # DEVICE: 009 3215
  # DUMP: 800.100                                  (storage compared)

Our devices map to Hercules' 3505 reader, 3525 punch, 1403 printer and
3215-C console. Console output is compared line by line (Hercules logs it).
Skipped, with a message, when Hercules or GNU as is missing. Exit 1 on any
difference.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
INCLUDES = [os.path.join(HERE, "diff"), os.path.join(HERE, "..", "include")]


def build(src, work):
    base = os.path.join(work, os.path.basename(src)[:-2])
    inc = []
    for d in [os.path.dirname(os.path.abspath(src))] + INCLUDES:
        inc += ["-I", d]
    for cmd in (["s390x-linux-gnu-as", "-m31"] + inc + ["-o", base + ".o", src],
                ["s390x-linux-gnu-ld", "-m", "elf_s390", "-Ttext=0", "-e", "0", "-o", base + ".elf", base + ".o"],
                ["s390x-linux-gnu-objcopy", "-O", "binary", "-j", ".text", base + ".elf", base + ".bin"]):
        subprocess.run(cmd, check=True)
    return base + ".bin"


def header(src):
    devices, dumps = [], []
    for line in open(src):
        m = re.match(r"#\s*DEVICE:\s*(\w+)\s+(\w+)(.*)", line)
        if m:
            opts = dict(kv.split("=", 1) for kv in m.group(3).split())
            devices.append((m.group(1).upper(), m.group(2), opts))
        m = re.match(r"#\s*DUMP:\s*([0-9A-Fa-f]+\.[0-9A-Fa-f]+)", line)
        if m:
            dumps.append(m.group(1))
    return devices, dumps


def console_lines(log):
    """Hercules logs console output among its messages: the lines after the
    start of the program that are not Hercules messages or commands."""
    out, on = [], False
    for line in log.splitlines():
        if line.startswith("* ORACLE-START"):
            on = True
            continue
        if not on:
            continue
        if line.startswith("HHCCP011I") or line.startswith("* ORACLE"):
            break
        # Hercules' messages, their continuation lines ("          tid=..."),
        # blank lines.
        if line.startswith("HHC") or line.startswith("          ") or not line.strip():
            continue
        if not out and line.strip() == "start":  # the echo of the start command
            continue
        out.append(line.rstrip())
    return out


def run_one(src, machine_run, oracle, work):
    name = os.path.basename(src)
    img = build(src, work)
    devices, dumps = header(src)
    srcdir = os.path.dirname(os.path.abspath(src))
    ours_dir = os.path.join(work, "ours")
    herc_dir = os.path.join(work, "herc")
    for d in (ours_dir, herc_dir):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
    conf = {"mainsize": 2, "devices": []}
    cnf = []
    outputs = []
    for addr, typ, opts in devices:
        entry = {"address": addr, "type": typ}
        hdev = "%04X" % int(addr, 16)
        if typ == "2540R":
            deck = os.path.join(srcdir, opts["deck"])
            entry["file"] = deck
            mode = opts.get("mode", "ebcdic")
            entry["mode"] = mode
            cnf.append("%s 3505 %s %s" % (hdev, deck, mode))
        elif typ in ("2540P", "1403"):
            fname = "%s.%s" % (addr, "punch" if typ == "2540P" else "print")
            entry["file"] = os.path.join(ours_dir, fname)
            cnf.append("%s %s %s" % (hdev, "3525" if typ == "2540P" else "1403", os.path.join(herc_dir, fname)))
            outputs.append(fname)
        elif typ == "3215":
            cnf.append("%s 3215-C noprompt" % hdev)
        elif typ in ("3330", "3350"):
            # A fresh image from Hercules' dasdinit, one copy for each
            # machine; the two are compared at the end.
            fname = "%s.ckd" % addr
            base = os.path.join(work, fname)
            if not os.path.exists(base):
                subprocess.run(["dasdinit", "-r", base, typ], check=True, capture_output=True)
            for d in (ours_dir, herc_dir):
                subprocess.run(["cp", "--sparse=always", base, os.path.join(d, fname)], check=True)
            entry["file"] = os.path.join(ours_dir, fname)
            cnf.append("%s %s %s" % (hdev, typ, os.path.join(herc_dir, fname)))
            outputs.append(fname)
        conf["devices"].append(entry)
    cfg = os.path.join(work, "devices.json")
    with open(cfg, "w") as f:
        json.dump(conf, f)

    args = [machine_run, "--config", cfg, "--json"]
    for d in dumps:
        args += ["--dump", d]
    r = subprocess.run(args + [img], capture_output=True, text=True, timeout=120)
    try:
        mine = json.loads(r.stdout)
    except ValueError:
        return ["%s: machine_run gave no JSON (exit %d): %s" % (name, r.returncode, r.stderr.strip()[:300])]
    my_console = [l.rstrip() for l in r.stderr.splitlines() if l.strip()]

    log = os.path.join(work, "herc.log")
    hargs = [oracle, "-j", "--log", log]
    for c in cnf:
        hargs += ["--cnf", c]
    for d in dumps:
        hargs += ["-d", d]
    h = subprocess.run(hargs + [img], capture_output=True, text=True, timeout=120)
    try:
        ref = json.loads(h.stdout)
    except ValueError:
        return ["%s: herc-oracle gave no JSON: %s" % (name, h.stderr.strip()[:300])]

    errors = []
    if mine.get("status") != "wait" or ref.get("status") != "WAIT":
        errors.append("%s: status %s, Hercules %s" % (name, mine.get("status"), ref.get("status")))
    if str(mine.get("psw", "")).upper() != str(ref.get("psw_noilc", "")).upper():
        errors.append("%s: PSW %s, Hercules %s" % (name, mine.get("psw"), ref.get("psw_noilc")))
    for d in dumps:
        a = int(d.split(".")[0], 16)
        want = "".join(v for k, v in ref["storage"].items() if int(k, 16) == a).upper()
        got = mine["storage"].get(d.split(".")[0], "").upper()
        if want != got:
            for i in range(0, max(len(want), len(got)), 32):
                if want[i:i + 32] != got[i:i + 32]:
                    errors.append("%s: storage %X: %s, Hercules %s" % (name, a + i // 2, got[i:i + 32], want[i:i + 32]))
    for fname in outputs:
        a = open(os.path.join(ours_dir, fname), "rb").read() if os.path.exists(os.path.join(ours_dir, fname)) else b""
        b = open(os.path.join(herc_dir, fname), "rb").read() if os.path.exists(os.path.join(herc_dir, fname)) else b""
        if a != b:
            first = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
            errors.append("%s: %s differs at byte %d (%d bytes, Hercules %d): %r / %r" %
                          (name, fname, first, len(a), len(b), a[first:first + 40], b[first:first + 40]))
    if any(t == "3215" for _, t, _ in devices):
        herc_console = console_lines(open(log, errors="replace").read())
        if my_console != herc_console:
            errors.append("%s: console %r, Hercules %r" % (name, my_console[:10], herc_console[:10]))
    return errors


def main():
    if len(sys.argv) < 4:
        print(__doc__)
        return 2
    machine_run, oracle, programs = sys.argv[1], sys.argv[2], sys.argv[3:]
    if not shutil.which("hercules") or not os.path.exists(oracle):
        print("machine_diff: Hercules is not installed; skipped")
        return 0
    if not shutil.which("s390x-linux-gnu-as"):
        print("machine_diff: s390x-linux-gnu-as is not installed; skipped")
        return 0
    failures = 0
    for src in programs:
        with tempfile.TemporaryDirectory() as work:
            errors = run_one(src, machine_run, oracle, work)
        print(("FAIL " if errors else "ok   ") + os.path.basename(src))
        for e in errors:
            print("     " + e)
        failures += bool(errors)
    print("%d passed, %d failed" % (len(programs) - failures, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
