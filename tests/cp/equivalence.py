#!/usr/bin/env python3
"""equivalence.py -- Popek and Goldberg's equivalence property, tested.

Every program of the differential corpus (the hand-written programs of
tests/diff/programs and the generated ones of tests/diff/gen.py, which agree
with Hercules 3.13 bare), and the guest programs of tests/cp/programs
(timers: on the deterministic clock, not comparable with Hercules), runs on s370run bare and as the one virtual
machine of CP (`s370run --vm`, the assist off and on), with the same
options; the three JSON reports must be identical but for the "cp" field.
That field must show the assist mode asked for, and, with the assist off,
a trap for every privileged instruction: "direct" + the instructions
emulated = the instructions executed.

With --levels N (N >= 2) the second run is `s370run --vm --levels N`: the
program as the guest of N - 1 guest CPs (docs/VM-UNDER-VM.md); the reports
must be identical but for "cp" and "instructions". Programs listed in
levels-apart.txt use what the guest CP does not give yet; they must end
with its message saying so.

usage: equivalence.py --s370run PATH [--seeds 1-500] [-j 2] [--no-programs] [--levels N] [PROGRAM.s ...]
Prints one line per failing program, then `N passed, M failed`. Without the
s390x binutils the hand-written programs are skipped (the generated ones
still run).
"""
import argparse
import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.realpath(__file__))
DIFF = os.path.join(os.path.dirname(HERE), "diff")
sys.path.insert(0, DIFF)
import difftest  # noqa: E402


def command(s370run, prog, path, vm, levels=1):
    cmd = difftest.run_ours_cmdline(s370run, prog, path)
    # Under guest CPs each of the guest's privileged instructions costs
    # hundreds of the machine's: a larger budget, since the limit counts
    # the instructions of every level.
    budget = difftest.MAX_INSNS * (1 if levels == 1 else 200 ** (levels - 1))
    cmd[1:1] = ["--max-instructions", str(budget)]
    if vm:
        cmd[1:1] = ["--vm", "--assist", vm] + (["--levels", str(levels)] if levels > 1 else [])
    return cmd


def run(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    if r.returncode not in (0, 2):
        raise RuntimeError("exit %d: %s" % (r.returncode, r.stderr.strip()[-300:]))
    return json.loads(r.stdout)


# Programs compared otherwise under guest CPs (levels-apart.txt): those
# that read clocks ("clock": status and PSW only) and those that use what
# the guest CP does not give yet ("stop": they must end with s370run's
# message that the guest CP stopped, exit 3, never a wrong result).
APART = {}


def load_apart():
    path = os.path.join(HERE, "levels-apart.txt")
    if os.path.exists(path):
        for line in open(path):
            line = line.split("#", 1)[0].strip()
            if line:
                name, kind, reason = line.split(None, 2)
                APART[name] = (kind, reason)


def check_levels(s370run, prog, levels):
    """The program bare and under `levels` levels: the same final state but
    for "cp" and "instructions" (which counts every level's instructions)."""
    with tempfile.TemporaryDirectory() as work:
        path = write_image(prog, work)
        bare = run(command(s370run, prog, path, None))
        problems = []
        for mode in ("off", "on"):
            cmd = command(s370run, prog, path, mode, levels)
            r = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
            name = os.path.basename(prog.name)
            kind = APART.get(name, (None, None))[0]
            if kind == "stop":
                if r.returncode != 3 or "stopped" not in r.stderr:
                    problems.append("set apart (%s) but exit %d: %s" % (APART[name][1], r.returncode,
                                                                       r.stderr.strip()[-200:]))
                continue
            if r.returncode not in (0, 2):
                problems.append("--assist %s: exit %d: %s" % (mode, r.returncode, r.stderr.strip()[-300:]))
                continue
            v = json.loads(r.stdout)
            cp = v.pop("cp", None)
            if cp is None or len(cp.get("levels", [])) != levels:
                problems.append("--assist %s: no \"cp\" field with %d levels" % (mode, levels))
                continue
            keys = ("status", "psw") if kind == "clock" else [k for k in bare if k != "instructions"]
            for key in keys:
                if bare[key] != v.get(key):
                    problems.append("--assist %s: %s %s, bare %s" % (mode, key, json.dumps(v.get(key))[:120],
                                                                    json.dumps(bare[key])[:120]))
        return problems


def write_image(prog, work):
    """The program's image in `work` (assembled first if it is a source)."""
    image = prog.image if prog.image is not None else difftest.assemble(prog.source, work)
    path = os.path.join(work, "image.bin")
    with open(path, "wb") as f:
        f.write(image)
    return path


def check(s370run, prog):
    with tempfile.TemporaryDirectory() as work:
        path = write_image(prog, work)
        bare = run(command(s370run, prog, path, None))
        problems = []
        for mode in ("off", "on"):
            v = run(command(s370run, prog, path, mode))
            cp = v.pop("cp", None)
            if cp is None or cp.get("assist") != mode:
                problems.append("--assist %s: no \"cp\" field of that mode" % mode)
                continue
            for key in bare:
                if bare[key] != v.get(key):
                    problems.append("--assist %s: %s %s, bare %s" % (mode, key, json.dumps(v.get(key))[:120],
                                                                    json.dumps(bare[key])[:120]))
            if mode == "off" and cp["direct"] > bare["instructions"]:
                problems.append("--assist off: direct %d > instructions %d" % (cp["direct"], bare["instructions"]))
        return problems


def have_binutils():
    return all(shutil.which(t) for t in (difftest.AS, difftest.LD, difftest.OBJCOPY))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--s370run", required=True)
    ap.add_argument("--seeds", default="1-500")
    ap.add_argument("--no-programs", action="store_true")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--levels", type=int, default=1,
                    help="N >= 2: under N - 1 guest CPs (s370run --levels N) instead of --vm")
    a = ap.parse_args()
    load_apart()
    have_as = have_binutils()
    progs = []
    if not a.no_programs and have_as:
        paths = a.paths or [difftest.PROGRAMS, os.path.join(HERE, "programs")]
        for p in paths:
            files = [os.path.join(p, f) for f in sorted(os.listdir(p)) if f.endswith(".s")] \
                if os.path.isdir(p) else [os.path.abspath(p)]
            progs += [difftest.parse_directives(f) for f in files]
    elif not have_as:
        print("equivalence: the s390x binutils are missing: hand-written programs skipped")
    progs += difftest.parse_seeds(a.seeds)

    def task(item):
        if isinstance(item, int):
            item = difftest.generated_program(item)
        try:
            if a.levels > 1:
                return item.name, check_levels(a.s370run, item, a.levels)
            return item.name, check(a.s370run, item)
        except Exception as e:  # one program's failure must not hide the others
            return item.name, ["error: %s" % e]

    passed = failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        for name, problems in ex.map(task, progs):
            if problems:
                failed += 1
                print("FAIL %s: %s" % (name, "; ".join(problems)[:600]), flush=True)
            else:
                passed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
