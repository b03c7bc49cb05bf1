#!/usr/bin/env python3
"""bench_dasd.py -- reading and writing 10 MiB through the DASD path, on
this machine (build/bin/s370) and on Hercules 3.13.

  bench_dasd.py S370 [--runs N] [--asm370 ASM370]

bench_dasd.asm (assembled by asm370, by default the one beside S370), IPLed from cards on both, writes 640 tracks of a 3350 with a
16 KiB record each (SEEK, SEARCH ID R0, TIC, WRITE CKD) and reads them back
(SEEK, SEARCH ID R1, TIC, READ DATA), one channel program a track, and
says on the console when each phase begins and ends. Each phase is timed
by the wall clock from the arrival of one console line to the next; the
median of N runs is printed, in MB/s (10 MiB a phase). The image is a fresh
file each run (the host's page cache holds it: these are figures for the
emulated path, not for a disk). Hercules is skipped when not installed.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, "..", "samples", "bare")
MIB10 = 10 * 1024 * 1024


def build(work, asm370):
    base = os.path.join(work, "bench_dasd")
    subprocess.run([asm370, "-I", SAMPLES, "-o", base + ".bin", os.path.join(HERE, "bench_dasd.asm")], check=True)
    subprocess.run([sys.executable, os.path.join(SAMPLES, "mkdeck.py"), base + ".bin", os.path.join(work, "deck.bin")],
                   check=True)
    return base + ".bin"


def fresh_disk(work):
    disk = os.path.join(work, "bench.ckd")
    subprocess.run([sys.executable, os.path.join(SAMPLES, "mkdisk.py"), disk, "3350"], check=True)
    return disk


def phases(lines):
    """Seconds of the write and the read phase from timestamped lines."""
    t = {}
    for when, line in lines:
        for key in ("WRITE START", "WRITE DONE", "READ DONE"):
            if key in line and key not in t:
                t[key] = when
    if len(t) < 3:
        raise RuntimeError("the benchmark did not finish: %r" % [l for _, l in lines[-5:]])
    return t["WRITE DONE"] - t["WRITE START"], t["READ DONE"] - t["WRITE DONE"]


def run_ours(s370, work):
    disk = fresh_disk(work)
    cfg = os.path.join(work, "machine.json")
    with open(cfg, "w") as f:
        f.write('{"mainsize": 1, "ipl": "00C", "devices": ['
                '{"address": "009", "type": "3215"},'
                '{"address": "00C", "type": "2540R", "file": "deck.bin", "mode": "ebcdic"},'
                '{"address": "190", "type": "3350", "file": "%s"}]}' % disk)
    p = subprocess.Popen([s370, "--config", cfg, "--json"], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    lines = [(time.monotonic(), l) for l in p.stderr]
    p.wait()
    return phases(lines)


def run_hercules(work):
    disk = fresh_disk(work)
    cnf = os.path.join(work, "h.cnf")
    with open(cnf, "w") as f:
        f.write("CPUSERIAL 000611\nCPUMODEL  3158\nMAINSIZE  2\nXPNDSIZE  0\nNUMCPU    1\nARCHMODE  S/370\n"
                "PANRATE   SLOW\nCPUPRIO   0\n0009 3215-C noprompt\n000C 3505 %s ebcdic\n0190 3350 %s\n"
                % (os.path.join(work, "deck.bin"), disk))
    rc = os.path.join(work, "h.rc")
    with open(rc, "w") as f:
        f.write("hao tgt HHCCP011I\nhao cmd quit\nipl 000C\npause 120\nquit\n")
    p = subprocess.Popen(["hercules", "-f", cnf], cwd=work, env=dict(os.environ, HERCULES_RC=rc),
                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                         errors="replace")
    lines = []
    for l in p.stdout:
        lines.append((time.monotonic(), l))
        if "READ DONE" in l:
            break
    p.kill()
    p.wait()
    return phases(lines)


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        return 2
    s370 = args[0]
    runs = int(args[args.index("--runs") + 1]) if "--runs" in args else 3
    asm370 = args[args.index("--asm370") + 1] if "--asm370" in args else \
        os.path.join(os.path.dirname(os.path.abspath(s370)), "asm370")
    with tempfile.TemporaryDirectory() as work:
        build(work, asm370)
        rows = [("s370", [run_ours(s370, work) for _ in range(runs)])]
        if shutil.which("hercules"):
            rows.append(("Hercules 3.13", [run_hercules(work) for _ in range(runs)]))
        else:
            print("bench_dasd: Hercules is not installed; our figures only")
    print("| machine | write MB/s | read MB/s | write s | read s |")
    print("|---|---:|---:|---:|---:|")
    for name, results in rows:
        w = statistics.median(r[0] for r in results)
        r = statistics.median(x[1] for x in results)
        print("| %s | %.0f | %.0f | %.3f | %.3f |" % (name, MIB10 / w / 1e6, MIB10 / r / 1e6, w, r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
