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

usage: equivalence.py --s370run PATH [--seeds 1-500] [-j 2] [--no-programs] [PROGRAM.s ...]
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


def command(s370run, prog, path, vm):
    cmd = difftest.run_ours_cmdline(s370run, prog, path)
    cmd[1:1] = ["--max-instructions", str(difftest.MAX_INSNS)]
    if vm:
        cmd[1:1] = ["--vm", "--assist", vm]
    return cmd


def run(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if r.returncode not in (0, 2):
        raise RuntimeError("exit %d: %s" % (r.returncode, r.stderr.strip()[-300:]))
    return json.loads(r.stdout)


def check(s370run, prog):
    with tempfile.TemporaryDirectory() as work:
        image = prog.image if prog.image is not None else difftest.assemble(prog.source, work)
        path = os.path.join(work, "image.bin")
        with open(path, "wb") as f:
            f.write(image)
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
    a = ap.parse_args()
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
