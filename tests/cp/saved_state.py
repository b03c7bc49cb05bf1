#!/usr/bin/env python3
"""saved_state.py -- suspend a running guest to a file, resume it in a new
process, and it ends in the same state as an uninterrupted run.

For each program (the guest programs of tests/cp/programs, the guest with
page faults tests/diff/programs/c_guest_dat.s, and generated programs of
tests/diff/gen.py), with the assist off and on: one uninterrupted
`s370run --vm` run, then for several suspension points N: a run with
`--suspend-after N --state FILE` and a second process `--resume FILE`.
The resumed run's JSON report must equal the uninterrupted one, counters
included. A damaged or foreign file must be refused with exit 1.

usage: saved_state.py --s370run PATH [--seeds 1-40]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.realpath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "diff"))
import difftest  # noqa: E402
import equivalence  # noqa: E402


def report(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if r.returncode not in (0, 2):
        raise RuntimeError("%s: exit %d: %s" % (" ".join(cmd[:3]), r.returncode, r.stderr.strip()[-300:]))
    return json.loads(r.stdout)


def check(s370run, prog, work):
    image = prog.image if prog.image is not None else difftest.assemble(prog.source, work)
    path = os.path.join(work, "image.bin")
    with open(path, "wb") as f:
        f.write(image)
    problems = []
    dumps = sum((["--dump", "%X.%X" % d] for d in prog.dumps), [])
    for mode in ("off", "on"):
        whole = report(equivalence.command(s370run, prog, path, mode))
        total = whole["instructions"]
        for n in sorted({1, 7, total // 3, total // 2, total - 1}):
            if n < 1 or n >= total:
                continue
            state = os.path.join(work, "vm.sav")
            first = report(equivalence.command(s370run, prog, path, mode) + ["--suspend-after", str(n),
                                                                              "--state", state])
            if first["status"] != "suspended":
                # Interruptions count in the limit too: it may end first.
                continue
            second = report([s370run, "--json", "--resume", state] + dumps)
            if second != whole:
                diff = [k for k in whole if whole[k] != second.get(k)]
                problems.append("assist %s, suspended after %d: %s differ" % (mode, n, ", ".join(diff)))
    return problems


def refusals(s370run, work):
    """Files that are not a saved state, of another version, or cut short."""
    problems = []
    good = None
    for name in sorted(os.listdir(os.path.join(HERE, "programs"))):
        if name.endswith(".s"):
            prog = difftest.parse_directives(os.path.join(HERE, "programs", name))
            image = difftest.assemble(prog.source, work)
            path = os.path.join(work, "r.bin")
            with open(path, "wb") as f:
                f.write(image)
            good = os.path.join(work, "good.sav")
            report(equivalence.command(s370run, prog, path, "off") + ["--suspend-after", "5", "--state", good])
            break
    data = open(good, "rb").read()
    cases = {"foreign": b"not a saved state at all", "version": data[:8] + b"\x00\x00\x00\x63" + data[12:],
             "cut short": data[:len(data) // 2], "empty": b""}
    for what, content in cases.items():
        p = os.path.join(work, "bad.sav")
        with open(p, "wb") as f:
            f.write(content)
        r = subprocess.run([s370run, "--json", "--resume", p], capture_output=True, text=True, timeout=60)
        if r.returncode != 1 or not r.stderr.startswith("s370run: "):
            problems.append("a %s file: exit %d, stderr %r" % (what, r.returncode, r.stderr[:120]))
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--s370run", required=True)
    ap.add_argument("--seeds", default="1-40")
    a = ap.parse_args()
    progs = []
    if equivalence.have_binutils():
        progs += [difftest.parse_directives(os.path.join(HERE, "programs", f))
                  for f in sorted(os.listdir(os.path.join(HERE, "programs"))) if f.endswith(".s")]
        progs.append(difftest.parse_directives(os.path.join(difftest.PROGRAMS, "c_guest_dat.s")))
    progs += [difftest.generated_program(s) for s in difftest.parse_seeds(a.seeds)]
    passed = failed = 0
    with tempfile.TemporaryDirectory() as work:
        for prog in progs:
            try:
                problems = check(a.s370run, prog, work)
            except Exception as e:  # one program's failure must not hide the others
                problems = ["error: %s" % e]
            if problems:
                failed += 1
                print("FAIL %s: %s" % (prog.name, "; ".join(problems)[:500]), flush=True)
            else:
                passed += 1
        if equivalence.have_binutils():
            problems = refusals(a.s370run, work)
            if problems:
                failed += 1
                print("FAIL refusals: " + "; ".join(problems))
            else:
                passed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
