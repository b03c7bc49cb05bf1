#!/usr/bin/env python3
"""The demonstration: assembles samples/primes.asm with asm370, runs it on
s370run and prints what the program left in storage (EBCDIC turned into
ASCII). With --check it is a test: the numbers must be the primes below
1000, as Python finds them.

usage: run-demo.py BINDIR [--check]    (BINDIR holds asm370 and s370run)
"""
import json, os, subprocess, sys, tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
bindir = sys.argv[1]
asm370, s370run = os.path.join(bindir, "asm370"), os.path.join(bindir, "s370run")
src = os.path.join(root, "samples", "primes.asm")
with tempfile.TemporaryDirectory() as work:
    img = os.path.join(work, "primes.bin")
    print("$ asm370 -I samples/maclib -o primes.bin samples/primes.asm")
    subprocess.run([asm370, "-I", os.path.join(root, "samples", "maclib"), "-o", img, src], check=True)
    print("$ s370run --json --dump 1F00.4 --dump 2000.4B0 primes.bin")
    r = subprocess.run([s370run, "--json", "--dump", "1F00.4", "--dump", "2000.4B0", img],
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
        want = [n for n in range(2, 1000) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
        got = [int(text[i:i + 6]) for i in range(0, len(text), 6)]
        if st["status"] != "wait" or not st["psw"].endswith("C0DE") or got != want:
            sys.exit("demo check FAILED: %d numbers, first %s" % (len(got), got[:5]))
        print("demo check passed")
