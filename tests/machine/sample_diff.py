#!/usr/bin/env python3
"""sample_diff.py -- the stand-alone samples (samples/bare) IPLed on this
machine (build/bin/s370) and on Hercules 3.13 with the same deck or disk
image: compares the console output, the final PSW, the printer and punch
files, and the disk images byte for byte.

  sample_diff.py S370 ASM370 SAMPLE.asm...

Each sample is assembled by asm370 (-I samples/bare for SETUP, DONE and
IOSUBS) and names what it needs in header comments:

  * IPL: cards 00C      (mkdeck.py makes the deck from the program)
  * IPL: disk 190       (mkdisk.py puts the program on track 0)
  * DATA: file.txt      (data cards after the program, cards only)
  * DEVICE: 009 3215    (2540R, 2540P, 1403, 3215, 3330, 3350)

Our run always happens (it must end in the wait state X'...C0DE'); the
comparison is skipped, with a message, when Hercules is not installed.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.normpath(os.path.join(HERE, "..", "..", "samples", "bare"))
HERC_TYPES = {"2540R": "3505", "2540P": "3525", "1403": "1403", "3215": "3215-C", "3330": "3330", "3350": "3350"}


def build(src, work, asm370):
    """The program image from address 0, assembled by asm370."""
    base = os.path.join(work, os.path.splitext(os.path.basename(src))[0])
    subprocess.run([asm370, "-I", SAMPLES, "-o", base + ".bin", "--list", base + ".lst", src], check=True)
    return base + ".bin"


def header(src):
    ipl, data, devices = None, None, []
    for line in open(src):
        m = re.match(r"[*#]\s*IPL:\s*(cards|disk)\s+(\w+)", line)
        if m:
            ipl = (m.group(1), m.group(2).upper())
        m = re.match(r"[*#]\s*DATA:\s*(\S+)", line)
        if m:
            data = os.path.join(os.path.dirname(os.path.abspath(src)), m.group(1))
        m = re.match(r"[*#]\s*DEVICE:\s*(\w+)\s+(\w+)", line)
        if m:
            devices.append((m.group(1).upper(), m.group(2)))
    return ipl, data, devices


def prepare(src, work, asm370):
    """The deck or disks in work/, and the two configurations."""
    img = build(src, work, asm370)
    ipl, data, devices = header(src)
    if not ipl:
        raise SystemExit("%s: no '* IPL:' line" % src)
    files = {}  # address -> (file name, compare?)
    for addr, typ in devices:
        if typ == "2540R":
            deck = os.path.join(work, "deck.bin")
            args = [sys.executable, os.path.join(SAMPLES, "mkdeck.py"), img, deck]
            if data:
                args.append(data)
            subprocess.run(args, check=True)
            files[addr] = ("deck.bin", False)
        elif typ in ("3330", "3350"):
            disk = os.path.join(work, "%s.ckd" % addr)
            args = [sys.executable, os.path.join(SAMPLES, "mkdisk.py"), disk, typ]
            if ipl == ("disk", addr):
                args.append(img)
            subprocess.run(args, check=True)
            files[addr] = ("%s.ckd" % addr, True)
        elif typ == "2540P":
            files[addr] = ("%s.punch" % addr, True)
        elif typ == "1403":
            files[addr] = ("%s.print" % addr, True)
    return ipl, devices, files


def run_ours(s370, work, ipl, devices, files, json_report=True):
    """s370 with --json (state from stdout, console from stderr) or, with
    json_report False, without it: then (stdout, stderr) as text, the
    console transcript alone on stdout and the report on stderr."""
    d = os.path.join(work, "ours" if json_report else "ours-text")
    os.makedirs(d)
    conf = {"mainsize": 2, "ipl": ipl[1], "devices": []}
    for addr, typ in devices:
        e = {"address": addr, "type": typ}
        if addr in files:
            name, _ = files[addr]
            if os.path.exists(os.path.join(work, name)):
                subprocess.run(["cp", "--sparse=always", os.path.join(work, name), os.path.join(d, name)], check=True)
            e["file"] = name
            if typ == "2540R":
                e["mode"] = "ebcdic"
        conf["devices"].append(e)
    with open(os.path.join(d, "machine.json"), "w") as f:
        json.dump(conf, f, indent=1)
    r = subprocess.run([s370, "--config", os.path.join(d, "machine.json")] + (["--json"] if json_report else []),
                       capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    if not json_report:
        return r.stdout, r.stderr
    try:
        state = json.loads(r.stdout)
    except ValueError:
        return None, None, d, "s370 gave no JSON (exit %d): %s" % (r.returncode, r.stderr.strip()[-300:])
    return state, [l.rstrip() for l in r.stderr.splitlines() if l.strip()], d, None


def run_hercules(work, ipl, devices, files):
    d = os.path.join(work, "herc")
    os.makedirs(d)
    cnf = os.path.join(d, "h.cnf")
    with open(cnf, "w") as f:
        f.write("CPUSERIAL 000611\nCPUMODEL  3158\nMAINSIZE  2\nXPNDSIZE  0\nNUMCPU    1\n"
                "ARCHMODE  S/370\nPANRATE   SLOW\nCPUPRIO   0\n")
        for addr, typ in devices:
            line = "%04X %s" % (int(addr, 16), HERC_TYPES[typ])
            if addr in files:
                name, _ = files[addr]
                if os.path.exists(os.path.join(work, name)):
                    subprocess.run(["cp", "--sparse=always", os.path.join(work, name), os.path.join(d, name)],
                                   check=True)
                line += " " + os.path.join(d, name)
                if typ == "2540R":
                    line += " ebcdic"
            elif typ == "3215":
                line += " noprompt"
            f.write(line + "\n")
    end = os.path.join(d, "end.rc")
    with open(end, "w") as f:
        f.write("* SAMPLE-END\npsw\n* SAMPLE-DONE\npause 1\nquit\n")
    rc = os.path.join(d, "h.rc")
    with open(rc, "w") as f:
        f.write("hao tgt HHCCP011I\nhao cmd script %s\n" % end)
        f.write("* SAMPLE-IPL\nipl %04X\npause 60\nquit\n" % int(ipl[1], 16))
    p = subprocess.Popen(["hercules", "-f", cnf], cwd=d, env=dict(os.environ, HERCULES_RC=rc),
                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                         errors="replace")
    killer = threading.Timer(90, p.kill)
    killer.start()
    lines, console, psw, on = [], [], None, False
    for line in p.stdout:
        line = line.rstrip("\n")
        lines.append(line)
        if line.startswith("* SAMPLE-IPL"):
            on = True
            continue
        if line.startswith("HHCCP011I"):
            on = False
        if line.startswith("PSW=") and psw is None:
            psw = line[4:].replace(" ", "")[:16]
        if line.startswith("* SAMPLE-DONE"):
            # Give Hercules a moment to close its files, then stop it.
            break
        if on and line.strip() and not line.startswith("HHC") and not line.startswith("ipl ") \
                and not line.startswith("          ") and not line.startswith("hao "):
            console.append(line.rstrip())
    try:
        p.stdin and p.stdin.close()
        p.wait(timeout=15)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()
    killer.cancel()
    return psw, console, d, lines


def main():
    if len(sys.argv) < 4:
        print(__doc__)
        return 2
    s370, asm370, samples = sys.argv[1], sys.argv[2], sys.argv[3:]
    have_herc = shutil.which("hercules") is not None
    if not have_herc:
        print("sample_diff: Hercules is not installed; our runs only, no comparison")
    failures = 0
    for src in samples:
        name = os.path.basename(src)
        errors = []
        with tempfile.TemporaryDirectory() as work:
            ipl, devices, files = prepare(src, work, asm370)
            # Without --json the report goes to stderr: stdout is the
            # console transcript alone (docs/MACHINE.md).
            text_out, text_err = run_ours(s370, work, ipl, devices, files, json_report=False)
            state, my_console, ours, err = run_ours(s370, work, ipl, devices, files)
            if err:
                errors.append(err)
            elif [l.rstrip() for l in text_out.splitlines() if l.strip()] != my_console:
                errors.append("stdout without --json is not the console transcript: %r" % text_out[-300:])
            elif not text_err.startswith("status wait  psw " + state.get("psw", "?")):
                errors.append("stderr without --json does not start with the report: %r" % text_err[:200])
            elif state.get("status") != "wait" or not str(state.get("psw", "")).endswith("C0DE"):
                errors.append("ends with status %s, PSW %s (want the wait X'C0DE')" % (state.get("status"),
                                                                                       state.get("psw")))
            if have_herc and not errors:
                psw, herc_console, herc, log = run_hercules(work, ipl, devices, files)
                if not psw:
                    errors.append("Hercules did not reach a disabled wait; log: %s" % " | ".join(log[-8:]))
                else:
                    hpsw = psw[:8] + "%02X" % (int(psw[8:10], 16) & 0x3F) + psw[10:]
                    if hpsw.upper() != state["psw"].upper():
                        errors.append("PSW %s, Hercules %s" % (state["psw"], hpsw))
                if my_console != herc_console:
                    errors.append("console %r, Hercules %r" % (my_console, herc_console))
                for addr, (fname, compare) in sorted(files.items()):
                    if not compare:
                        continue
                    a = os.path.join(ours, fname)
                    b = os.path.join(herc, fname)
                    if not (os.path.exists(a) and os.path.exists(b)):
                        errors.append("%s missing (ours %s, Hercules %s)" % (fname, os.path.exists(a),
                                                                             os.path.exists(b)))
                    elif subprocess.run(["cmp", "-s", a, b]).returncode != 0:
                        c = subprocess.run(["cmp", a, b], capture_output=True, text=True).stdout.strip()
                        errors.append("%s differs: %s" % (fname, c))
        print(("FAIL " if errors else "ok   ") + name + ("" if have_herc else " (not compared)"))
        for e in errors:
            print("     " + e)
        failures += bool(errors)
    print("%d passed, %d failed" % (len(samples) - failures, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
