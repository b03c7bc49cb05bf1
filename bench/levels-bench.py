#!/usr/bin/env python3
"""VM under VM: what each level of guest CP costs (docs/VM-UNDER-VM.md).

1. Each CPU benchmark program (bench/programs, as run-bench.py runs them)
   at levels 1, 2 and 3 (s370run --vm --levels N): no privileged
   instruction in its loop, so no guest CP should cost anything (target:
   level 2 at least 0.9x of level 1).
2. Two loops of privileged work at each level, assist off and on: the
   trap loop (bench/programs/traps.s: SSM, LPSW, SPT, STPT, ISK) and a
   guest operating system's (bench/programs/guestos.s: SSM, SVC and LPSW
   back, a page fault resolved and LPSW back, IPTE): the time per entry
   into the innermost CP, (time at level N - time bare) / its entries,
   and how many entries into each CP below one of them costs.

usage: levels-bench.py S370RUN [--runs N] [--scale K] [--only NAME]...
CPU time (user + system) of the s370run process, medians of --runs runs,
less the time of the same command with a count of 1 (the start-up: two
guest CPs clear their tables). A benchmark, not a test: it never fails on
a number.
"""
import argparse, os, statistics, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
import importlib.util  # noqa: E402
# The CP benchmark's timed run, and through it the CPU benchmark's programs.
_spec = importlib.util.spec_from_file_location("run_cp_bench", os.path.join(ROOT, "bench", "run-cp-bench.py"))
run_cp_bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(run_cp_bench)
run_bench = run_cp_bench.run_bench

TRAPS = [("traps", 0x00040000), ("guestos", 0x00010000)]


def cmd(exe, img, count, level, assist="off"):
    c = [exe, "--json", "--set", "1E0=%08X" % count]
    if level:
        c += ["--vm", "--assist", assist, "--levels", str(level)]
    return c + [img]


def median_time(exe, img, count, level, runs, assist="off"):
    ts, j = [], None
    for _ in range(runs):
        j, t = run_cp_bench.timed(cmd(exe, img, count, level, assist))
        ts.append(t)
    t0 = [run_cp_bench.timed(cmd(exe, img, 1, level, assist))[1] for _ in range(runs)]
    return max(0.0, statistics.median(ts) - statistics.median(t0)), j


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("s370run")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--only", action="append")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as work:
        print("%-8s %10s %10s %10s %8s %8s" % ("program", "level 1 s", "level 2 s", "level 3 s", "2/1", "3/1"))
        for name, base in run_bench.PROGRAMS:
            if a.only and name not in a.only:
                continue
            img = run_bench.build(name, work)
            count = max(1, int(base * a.scale))
            t = [median_time(a.s370run, img, count, lv, a.runs)[0] for lv in (1, 2, 3)]
            print("%-8s %10.3f %10.3f %10.3f %7.2fx %7.2fx" % (name, t[0], t[1], t[2], t[0] / t[1], t[0] / t[2]))
        if a.only and "traps" not in a.only:
            return 0
        for name, base in TRAPS:
            img = run_bench.build(name, work)
            count = max(1, int(base * a.scale))
            bare = median_time(a.s370run, img, count, 0, a.runs)[0]
            print("\n%s, %d iterations; bare %.3f s" % (name, count, bare))
            print("%-6s %-6s %9s %12s %s" % ("level", "assist", "time s", "ns per entry",
                                             "entries into each CP per entry into the innermost"))
            for lv in (1, 2, 3):
                for assist in ("off", "on"):
                    t, j = median_time(a.s370run, img, count, lv, a.runs, assist)
                    levels = j["cp"].get("levels") or [dict(j["cp"], level=1)]
                    inner = levels[-1]["traps"] if lv > 1 else j["cp"]["traps"]
                    if lv == 1 and assist == "on":
                        inner = None  # nothing enters CP: per entry of assist off's count
                    if not inner:
                        _, j_off = median_time(a.s370run, img, count, 1, 1, "off")
                        inner = j_off["cp"]["traps"]
                    per = (t - bare) / inner * 1e9
                    ratio = "  ".join("L%d %.1f" % (x["level"], x["traps"] / inner) for x in levels)
                    print("%-6d %-6s %9.3f %12.0f %s" % (lv, assist, t, per, ratio))
    return 0


if __name__ == "__main__":
    sys.exit(main())
