#!/usr/bin/env python3
"""levels_errors.py -- s370run --levels: bad options, and a guest CP that
cannot go on (docs/VM-UNDER-VM.md).

- `--levels` out of range, without `--vm`, or with `--suspend-after`:
  exit 1 and one line on stderr.
- A guest of 16M that touches every page: bare it ends normally; under a
  guest CP (which has no paging device and less than 16M of frames) the
  CP stops, s370run says so on stderr and exits 3, never a wrong result.

usage: levels_errors.py --s370run PATH
"""
import argparse, json, os, shutil, subprocess, sys, tempfile

TOUCH_ALL = """
        .include "lowcore.inc"
start:  sr    2,2                       # a store into every 4K page
        l     3,PAGES
1:      st    2,0(2)
        la    2,4095(2)
        la    2,1(2)
        bct   3,1b
        EXIT
        .balign 4
PAGES:  .long 4095                      # all but the one EXIT runs in
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--s370run", required=True)
    a = ap.parse_args()
    failures = []

    def expect(args, code, words, what):
        r = subprocess.run([a.s370run] + args, capture_output=True, text=True, timeout=120)
        err = r.stderr.strip()
        ok = r.returncode == code and all(w in err for w in words) and (code != 1 or len(err.splitlines()) == 1)
        print("%s %s: exit %d, %s" % ("ok  " if ok else "FAIL", what, r.returncode, err[:160]))
        if not ok:
            failures.append(what)
        return r

    with tempfile.TemporaryDirectory() as w:
        img = os.path.join(w, "x.bin")
        open(img, "wb").write(bytes(8))
        expect(["--vm", "--levels", "0", img], 1, ["--levels"], "--levels 0")
        expect(["--vm", "--levels", "9", img], 1, ["--levels"], "--levels 9")
        expect(["--levels", "2", img], 1, ["--vm"], "--levels without --vm")
        expect(["--vm", "--levels", "2", "--suspend-after", "5", "--state", os.path.join(w, "s"), img], 1,
               ["--levels"], "--levels with --suspend-after")
        tools = ("s390x-linux-gnu-as", "s390x-linux-gnu-ld", "s390x-linux-gnu-objcopy")
        if all(shutil.which(t) for t in tools):
            inc = os.path.join(os.path.dirname(os.path.dirname(os.path.realpath(__file__))), "include")
            src, obj, elf, big = (os.path.join(w, "t" + x) for x in (".s", ".o", ".elf", ".bin"))
            open(src, "w").write(TOUCH_ALL)
            subprocess.run([tools[0], "-m31", "-I", inc, "-o", obj, src], check=True)
            subprocess.run([tools[1], "-m", "elf_s390", "-Ttext=0", "-e", "0", "-o", elf, obj], check=True)
            subprocess.run([tools[2], "-O", "binary", "-j", ".text", elf, big], check=True)
            r = subprocess.run([a.s370run, "--json", big], capture_output=True, text=True, timeout=60)
            bare_ok = r.returncode == 0 and json.loads(r.stdout)["psw"].endswith("C0DE")
            print("%s 16M touched bare: exit %d" % ("ok  " if bare_ok else "FAIL", r.returncode))
            if not bare_ok:
                failures.append("bare")
            expect(["--vm", "--levels", "2", "--json", big], 3, ["level 2", "no storage left"],
                   "16M touched under a guest CP")
        else:
            print("the s390x binutils are missing: the storage case skipped")
    print("%d failed" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
