#!/usr/bin/env python3
"""levels_diag.py -- a guest asks which levels it runs under.

DIAGNOSE X'00' (store extended identification) at levels 1, 2 and 3
(s370run --vm --levels N): each guest CP stores its own 32-byte block
first and then what the CP below it stores, as each level of VM/370 under
VM/370 appended its own (docs/VM-UNDER-VM.md). The blocks must name the
levels in order, innermost first, and end with our CP's 'VM/370'.

usage: levels_diag.py --s370run PATH
"""
import argparse, json, os, shutil, subprocess, sys, tempfile

SOURCE = """
        .include "lowcore.inc"
start:  la    2,0x800                   # the buffer, doubleword aligned
        la    3,128                     # room for four blocks
        .insn rs,0x83000000,2,3,0       # DIAGNOSE X'00'
        la    2,0x900
        la    3,40                      # room for one block and a bit
        .insn rs,0x83000000,2,3,0
        EXIT
"""


def ebcdic(text):
    return text.encode("cp037")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--s370run", required=True)
    a = ap.parse_args()
    tools = ("s390x-linux-gnu-as", "s390x-linux-gnu-ld", "s390x-linux-gnu-objcopy")
    if not all(shutil.which(t) for t in tools):
        print("levels_diag: the s390x binutils are missing: skipped")
        return 0
    here = os.path.dirname(os.path.realpath(__file__))
    inc = os.path.join(os.path.dirname(here), "include")
    failures = 0
    with tempfile.TemporaryDirectory() as w:
        src, obj, elf, img = (os.path.join(w, "d" + x) for x in (".s", ".o", ".elf", ".bin"))
        open(src, "w").write(SOURCE)
        subprocess.run([tools[0], "-m31", "-I", inc, "-o", obj, src], check=True)
        subprocess.run([tools[1], "-m", "elf_s390", "-Ttext=0", "-e", "0", "-o", elf, obj], check=True)
        subprocess.run([tools[2], "-O", "binary", "-j", ".text", elf, img], check=True)
        for levels in (1, 2, 3):
            r = subprocess.run([a.s370run, "--vm", "--levels", str(levels), "--json", "--mainsize", "1",
                                "--dump", "800.80", "--dump", "900.30", img],
                               capture_output=True, text=True, timeout=60)
            j = json.loads(r.stdout)
            buf = bytes.fromhex(j["storage"]["800"])
            blocks = [buf[i:i + 32] for i in range(0, 128, 32)]
            want = [ebcdic("GCP/370 ")] * (levels - 1) + [ebcdic("VM/370  ")]
            problems = []
            if r.returncode != 0 or j["status"] != "wait" or not j["psw"].endswith("C0DE"):
                problems.append("did not end normally: exit %d %s" % (r.returncode, j["psw"]))
            for i, name in enumerate(want):
                if blocks[i][:8] != name:
                    problems.append("block %d is %r, not %r" % (i, blocks[i][:8], name))
                elif i < levels - 1:
                    level = levels - i
                    if blocks[i][9] != level or blocks[i][16:24] != ebcdic("LEVEL %d " % level):
                        problems.append("block %d does not say level %d: %s" % (i, level, blocks[i].hex()))
            if any(blocks[len(want)]):
                problems.append("more blocks than levels: %s" % blocks[len(want)].hex())
            # A short buffer gets the first block and as much of the next as fits.
            short = bytes.fromhex(j["storage"]["900"])
            if short[:32] != buf[:32] or short[32:40] != buf[32:40] or any(short[40:]):
                problems.append("the 40-byte buffer: %s" % short.hex())
            print("%s levels %d: %s" % ("FAIL" if problems else "ok  ", levels,
                                        "; ".join(problems) or " | ".join(b[:8].decode("cp037") for b in blocks[:levels])))
            failures += bool(problems)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
