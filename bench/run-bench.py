#!/usr/bin/env python3
"""The CPU benchmark: each program of bench/programs runs on s370run and on
Hercules 3.13 (through ../shared/tools/herc-oracle) with the same iteration
count; prints MIPS for both and the ratio (medians of --runs runs). A
benchmark, not a test: it never fails on a number.

usage: run-bench.py S370RUN [--runs N] [--scale K] [--only NAME]...
CPU time is compared: s370run's user+system time, Hercules' CPU thread time
(herc-oracle's CPU_S), so neither is charged for start-up or other load.
The runs of the two alternate. "ratio" is the ratio of the medians;
"paired" the median of each s370run run's ratio to the Hercules run
beside it.
"""
import argparse, json, os, resource, shutil, statistics, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ORACLE = os.path.join(ROOT, "..", "shared", "tools", "herc-oracle")
INC = os.path.join(ROOT, "tests", "include")
# Iterations per program at --scale 1, chosen for about a second on Hercules.
PROGRAMS = [("branch", 0x02000000), ("call", 0x01000000), ("callcl", 0x01000000), ("storage", 0x01000000),
            ("decimal", 0x00200000), ("float", 0x00800000), ("linkage", 0x01000000),
            ("hfplong", 0x00800000), ("hfpsig", 0x00400000)]


def build(name, work):
    src = os.path.join(ROOT, "bench", "programs", name + ".s")
    o, elf, img = (os.path.join(work, name + x) for x in (".o", ".elf", ".bin"))
    for cmd in (["s390x-linux-gnu-as", "-m31", "-I", INC, "-o", o, src],
                ["s390x-linux-gnu-ld", "-m", "elf_s390", "-Ttext=0", "-e", "0", "-o", elf, o],
                ["s390x-linux-gnu-objcopy", "-O", "binary", "-j", ".text", elf, img]):
        subprocess.run(cmd, check=True)
    return img


def run_ours(exe, img, count):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    r = subprocess.run([exe, "--json", "--set", "1E0=%08X" % count, img], capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    st = json.loads(r.stdout)
    if st["status"] != "wait" or not st["psw"].endswith("C0DE"):
        raise RuntimeError("s370run did not end normally: %s" % st["psw"])
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return st["instructions"], cpu


def run_hercules(img, count):
    r = subprocess.run([ORACLE, "-j", "-t", "300", "--quiet-pgm", "--set", "1E0=%08X" % count, img],
                       capture_output=True, text=True)
    st = json.loads(r.stdout)
    if st.get("status") != "WAIT" or not st["psw"].upper().endswith("C0DE"):
        raise RuntimeError("Hercules did not end normally: %s" % r.stdout[-300:])
    return float(st["cpu_s"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("s370run")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--only", action="append")
    a = ap.parse_args()
    have_herc = shutil.which("hercules") and os.path.exists(ORACLE)
    if not have_herc:
        print("Hercules (or ../shared/tools/herc-oracle) is missing: showing s370run figures only")
    print("%-8s %12s %9s %9s %9s %9s %7s %8s" % ("program", "instructions", "s370run s", "MIPS",
                                                 "Hercules s", "MIPS", "ratio", "paired"))
    with tempfile.TemporaryDirectory() as work:
        for name, base in PROGRAMS:
            if a.only and name not in a.only:
                continue
            img = build(name, work)
            count = max(1, int(base * a.scale))
            # The runs alternate between the two machines, so that a slow
            # spell of a shared host falls on both alike.
            ours, herc = [], []
            for _ in range(a.runs):
                ours.append(run_ours(a.s370run, img, count))
                if have_herc:
                    herc.append(run_hercules(img, count))
            insns = ours[0][0]
            t_ours = statistics.median(t for _, t in ours)
            line = "%-8s %12d %9.3f %9.1f" % (name, insns, t_ours, insns / t_ours / 1e6)
            if have_herc:
                t_h = statistics.median(herc)
                # Also the median of each run's ratio to the Hercules run
                # beside it: the two ran seconds apart, so a slow spell of
                # the host falls on both.
                paired = statistics.median(h / t for (_, t), h in zip(ours, herc))
                line += " %9.3f %9.1f %6.2fx %7.2fx" % (t_h, insns / t_h / 1e6, t_h / t_ours, paired)
            print(line, flush=True)


if __name__ == "__main__":
    main()
