#!/usr/bin/env python3
"""The CP benchmark (issue: efficiency, Popek and Goldberg's third property).

1. Each CPU benchmark program (bench/programs, as run-bench.py runs them)
   bare and under CP (s370run --vm, assist off and on): the speed under CP
   as a fraction of bare. They execute no privileged instruction in their
   loops, so CP should cost nothing (target: at least 0.95x).
2. The trap loop (bench/programs/traps.s: SSM, LPSW, SPT, STPT, ISK, BCT):
   the time per trapped instruction, (time under CP - time bare) / traps,
   with the assist off (every one traps) and on (none does).

usage: run-cp-bench.py S370RUN [--runs N] [--only NAME]...
CPU time (user + system) of the s370run process, medians of --runs runs. A
benchmark, not a test: it never fails on a number.
"""
import argparse, json, os, resource, statistics, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
import importlib.util  # noqa: E402
_spec = importlib.util.spec_from_file_location("run_bench", os.path.join(ROOT, "bench", "run-bench.py"))
run_bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(run_bench)

TRAPS = ("traps", 0x00100000)


def timed(cmd):
    """Runs an s370run command: its JSON report and its CPU time (also for
    bench/levels-bench.py)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    r = subprocess.run(cmd, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if r.returncode != 0:
        raise RuntimeError("%s: exit %d: %s" % (" ".join(cmd), r.returncode, r.stderr.strip()[-300:]))
    st = json.loads(r.stdout)
    if st["status"] != "wait" or not st["psw"].endswith("C0DE"):
        raise RuntimeError("%s did not end normally: %s" % (" ".join(cmd), st["psw"]))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return st, cpu


def median_run(exe, img, count, extra, runs):
    times, st = [], None
    for _ in range(runs):
        st, t = timed([exe, "--json", "--set", "1E0=%08X" % count] + extra + [img])
        times.append(t)
    return st, statistics.median(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("s370run")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", action="append")
    a = ap.parse_args()
    work = tempfile.mkdtemp()
    print("%-9s %10s %10s %8s %10s %8s" % ("program", "bare s", "vm off s", "ratio", "vm on s", "ratio"))
    for name, count in run_bench.PROGRAMS:
        if a.only and name not in a.only:
            continue
        img = run_bench.build(name, work)
        _, bare = median_run(a.s370run, img, count, [], a.runs)
        _, off = median_run(a.s370run, img, count, ["--vm", "--assist", "off"], a.runs)
        _, on = median_run(a.s370run, img, count, ["--vm", "--assist", "on"], a.runs)
        print("%-9s %10.3f %10.3f %7.2fx %10.3f %7.2fx" % (name, bare, off, bare / off, on, bare / on))
    if not a.only or "traps" in a.only:
        name, count = TRAPS
        img = run_bench.build(name, work)
        st, bare = median_run(a.s370run, img, count, [], a.runs)
        print("\ntrap loop: %d iterations, %d instructions" % (count, st["instructions"]))
        print("%-10s %8s %10s %12s" % ("mode", "time s", "traps", "ns per trap"))
        print("%-10s %8.3f %10s %12s" % ("bare", bare, "-", "-"))
        for mode in ("off", "on"):
            st, t = median_run(a.s370run, img, count, ["--vm", "--assist", mode], a.runs)
            traps = st["cp"]["traps"]
            privileged = 5 * count  # SSM, LPSW, SPT, STPT, ISK per iteration
            per = (t - bare) / privileged * 1e9
            print("%-10s %8.3f %10d %12.1f" % ("vm " + mode, t, traps, per))
        print("(ns per trap: the time under CP less the time bare, over the %d privileged "
              "instructions)" % (5 * count))


if __name__ == "__main__":
    main()
