#!/usr/bin/env python3
"""The VM-under-VM demonstration (docs/VM-UNDER-VM.md): starts vm370 on a
free port with a throwaway data folder, logs a user on over line-mode
telnet and types, as a person would: IPL GCP (the control program in S/370
code, level 2), IPL GCP inside it (level 3), IPL 190 (CMS under both),
FORMAT, EDIT of an EXEC, the EXEC run, CP QUERY LEVELS (what each level
cost). Everything the terminal shows is printed as it comes.

usage: vm-under-vm.py [BINDIR]   (default build/bin; bash scripts/vm-under-vm.sh builds first)
"""
import os, re, sys, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(root, "tests", "system"))
import cmsclient, vmclient  # noqa: E402

bindir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "build", "bin")
READY = cmsclient.READY
EXEC = ["&CONTROL OFF", "&COUNT = 0", "-LOOP &COUNT = &COUNT + 1", "&TYPE LOOP &COUNT AT LEVEL 3",
        "&IF &COUNT LT 3 &GOTO -LOOP", "&EXIT &COUNT"]

s = cmsclient.system(bindir, [cmsclient.user("DEMO", storage="8M", ipl=None)])
c = vmclient.Client(s.port)
shown = 0


def show():
    global shown
    text = c.buf[shown:]
    shown = len(c.buf)
    sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")
    sys.stdout.flush()


def typed(line, until, timeout=120):
    show()
    print(line if line else "(an empty line)")
    c.send(line)
    c.expect(until, timeout)
    show()


try:
    c.expect("ONLINE")
    typed("LOGON DEMO", "ENTER PASSWORD")
    typed("PW", "LOGON AT")
    t0 = time.time()
    typed("IPL GCP", r"or IPL GCP:")
    typed("IPL GCP", r"LEVEL 3.*\n.*or IPL GCP:")
    typed("IPL 190", r"CMS VERSION.*\n")
    typed("FORMAT 191 A", "DMSFOR603R")
    typed("YES", "DMSFOR605R")
    typed("DEMO191", READY, 300)
    typed("EDIT DEMO EXEC A", r"(?m)^EDIT:$")
    typed("INPUT", r"(?m)^INPUT:$")
    for l in EXEC:
        c.send(l)
        print(l)
    typed("", r"(?m)^EDIT:$")
    typed("FILE", READY)
    typed("DEMO", READY)
    typed("CP QUERY LEVELS", READY)
    typed("#CP LOGOFF", "LOGOFF AT")
    print("\n(the session from IPL GCP to the end took %.1f s)" % (time.time() - t0))
finally:
    s.stop()
