#!/usr/bin/env python3
"""Builds samples/primes.s with GNU as, runs it on s370run and prints what
the program left in storage (EBCDIC turned into ASCII)."""
import json, os, subprocess, sys, tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
s370run = sys.argv[1]
inc = os.path.join(root, "tests", "include")  # lowcore.inc
src = os.path.join(root, "samples", "primes.s")
with tempfile.TemporaryDirectory() as work:
    o, elf, img = (os.path.join(work, n) for n in ("p.o", "p.elf", "p.bin"))
    for cmd in (["s390x-linux-gnu-as", "-m31", "-I", inc, "-o", o, src],
                ["s390x-linux-gnu-ld", "-m", "elf_s390", "-Ttext=0", "-e", "0", "-o", elf, o],
                ["s390x-linux-gnu-objcopy", "-O", "binary", "-j", ".text", elf, img]):
        subprocess.run(cmd, check=True)
    print("$ s370run --json --dump 1F00.4 --dump 2000.1000 primes.bin")
    r = subprocess.run([s370run, "--json", "--dump", "1F00.4", "--dump", "2000.1000", img],
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("s370run failed (exit %d): %s%s" % (r.returncode, r.stderr, r.stdout))
    st = json.loads(r.stdout)
    count = int(st["storage"]["1F00"], 16)
    text = bytes.fromhex(st["storage"]["2000"])[:6 * count].decode("cp037")
    print("status %s, PSW %s, %d instructions" % (st["status"], st["psw"], st["instructions"]))
    print("The program found %d primes below 1000 and formatted them with CVD and ED:" % count)
    for i in range(0, len(text), 60):
        print(text[i:i + 60])
    if "--check" in sys.argv:
        # The test: the primes below 1000 as Python finds them.
        want = [n for n in range(2, 1000) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
        got = [int(text[i:i + 6]) for i in range(0, len(text), 6)]
        if st["status"] != "wait" or not st["psw"].endswith("C0DE") or got != want:
            sys.exit("demo check FAILED: %d numbers, first %s" % (len(got), got[:5]))
        print("demo check passed")
