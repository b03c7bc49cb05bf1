#!/usr/bin/env python3
"""vm_under_vm.py -- the demo of docs/VM-UNDER-VM.md, end to end through a
real client: a user logs on to vm370 over line-mode telnet, IPLs GCP (the
control program in S/370 code) at level 2, IPLs GCP again inside it (level
3), IPLs CMS from 190 inside that (level 4: CMS under GCP under GCP under
our CP: in s370run's terms, `--levels 3`), after using GCP's operator
console (QUERY its counters; a guest GCP told to STOP gives the console
back to the GCP below), formats a minidisk, creates an EXEC with EDIT, runs it (a loop,
the stack, return codes), and asks CP for the cost of each level.

usage: vm_under_vm.py [BIN]   (default build/bin)
"""
import os, re, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cmsclient, vmclient  # noqa: E402

BIN = sys.argv[1] if len(sys.argv) > 1 else "build/bin"

class Session(cmsclient.Cms):
    """A user whose machine starts in CP (no IPL in the directory)."""

    def __init__(self, sysm, userid):
        self.c = vmclient.Client(sysm.port)
        self.c.expect("ONLINE")
        self.c.send("LOGON " + userid)
        self.c.expect("ENTER PASSWORD")
        self.c.send("PW")
        self.c.expect("LOGON AT", 20)


def gcp_prompt(c, level=None):
    text = c.expect(r"IPL cuu \(a device of this machine\) or IPL GCP:", 60)
    assert level is None or "GCP/370 LEVEL %d" % level in text, text


def t_cms_under_two_gcps(_):
    s = cmsclient.system(BIN, [cmsclient.user("DEMO", storage="8M", ipl=None)])
    try:
        c = Session(s, "DEMO")
        c.send("IPL GCP")
        gcp_prompt(c, 2)
        # Not a command GCP knows: it asks again.
        c.send("HELLO")
        gcp_prompt(c)
        # GCP's operator: QUERY shows its counters; a guest that ends
        # (here a GCP of level 3 told to STOP) gives the console back.
        c.send("QUERY")
        text = c.expect(r"TRAPS +\d+ +EMULATED +\d+ +REFLECTED +\d+ +FRAMES +\d+", 30)
        gcp_prompt(c)
        c.send("IPL GCP")
        gcp_prompt(c, 3)
        c.send("STOP")
        c.expect("GCP/370 STOPS", 30)
        c.expect(r"GCP/370 LEVEL 2: PSW 000A0000 0000DEAD, GUEST ENDED", 30)
        c.expect(r"TRAPS +\d+ +EMULATED", 30)
        gcp_prompt(c)
        c.send("IPL GCP")
        gcp_prompt(c, 3)
        c.send("IPL 190")
        c.expect(r"CMS VERSION 6\.0 \d\d/\d\d/\d\d \d\d:\d\d", 120)
        out = c.ok("QUERY DISK S")
        assert any("S (190)" in l for l in out), out
        c.send("FORMAT 191 A")
        c.expect(r"DMSFOR603R FORMAT WILL ERASE ALL FILES ON DISK")
        c.send("YES")
        c.expect("DMSFOR605R ENTER DISK LABEL:")
        out, rc = c.cmd("DEMO191", 300)
        assert rc == 0, out
        c.send("EDIT LOOPER EXEC A")
        c.expect(r"NEW FILE:", 60)
        c.expect(r"(?m)^EDIT:$", 60)
        c.send("INPUT")
        c.expect(r"(?m)^INPUT:$", 60)
        for l in cmsclient.LOOPEXEC:
            c.send(l)
        c.send("")
        c.expect(r"(?m)^EDIT:$", 60)
        c.send("FILE")
        c.expect(cmsclient.READY, 60)
        out = c.ok("LISTFILE * * A")
        assert out == ["LOOPER   EXEC     A1"], out
        out, rc = c.cmd("LOOPER", 120)
        assert out[:3] == ["READ: LINE 1", "READ: LINE 2", "READ: LINE 3"], out
        assert "STATE SAID 28" in out, out
        assert rc == 3, (out, rc)
        # CP (level 1) answers the CP command CMS passes down through
        # both GCPs, and shows what each level cost.
        out = c.ok("CP QUERY LEVELS")
        assert out[0].startswith("LEVEL 1 CP      DEMO"), out
        lv = [l for l in out if re.match(r"LEVEL [23] GCP/370: TRAPS \d+ EMULATED \d+ REFLECTED \d+ FRAMES \d+$", l)]
        assert len(lv) == 2, out
        assert out[-1] == "THE GUEST OF LEVEL 3: WHAT IT IPLED", out
        traps = [int(re.search(r"TRAPS (\d+)", l).group(1)) for l in out[:3]]
        assert traps[0] > traps[1] > traps[2] > 0, out  # each level costs the one below more
        print("\n".join(out))
        c.logoff()
    finally:
        s.stop()


def t_gcp_from_the_reader(_):
    """GCP as a self-loading card deck (samples/bare/mkdeck.py) in the
    user's reader: IPL 00C starts it, as IPL GCP does."""
    import subprocess, tempfile
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    image = os.path.join(BIN, "..", "cp", "gcp.bin")
    s = cmsclient.system(BIN, [cmsclient.user("CARDS", storage="4M", ipl=None)])
    try:
        deck = os.path.join(s.work, "gcp.deck")
        subprocess.run([sys.executable, os.path.join(root, "samples", "bare", "mkdeck.py"), image, deck], check=True)
        r = subprocess.run([os.path.join(BIN, "vm370"), "--data", s.data, "send", "CARDS", deck],
                           capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        c = Session(s, "CARDS")
        c.send("IPL 00C")
        gcp_prompt(c, 2)
        c.send("IPL 190")
        c.expect(r"CMS VERSION 6\.0 \d\d/\d\d/\d\d \d\d:\d\d", 120)
        out = c.ok("CP QUERY LEVELS")
        assert len(out) == 3 and out[0].startswith("LEVEL 1 CP      CARDS") and out[1].startswith("LEVEL 2 GCP/370") and out[2] == "THE GUEST OF LEVEL 2: WHAT IT IPLED", out
        c.logoff()
    finally:
        s.stop()


def t_query_levels_without_gcp(_):
    s = cmsclient.system(BIN, [cmsclient.user("PLAIN"), cmsclient.user("FORGER", ipl=None)])
    try:
        c = cmsclient.Cms(s, "PLAIN")
        out = c.ok("CP QUERY LEVELS")
        assert out[0].startswith("LEVEL 1 CP      PLAIN") and out[1] == "NO CONTROL PROGRAM RUNS IN THIS MACHINE", out
        # A machine that forges GCP's VMBLOK, with its tables anywhere:
        # CP reads what it can (beyond storage: zeros) and goes on.
        f = Session(s, "FORGER")
        for line in ("STORE C00 C7C3D7E5D4C2D3D2", "STORE C9C 00FFF000FFFFF000", "STORE CAC FFFFFFFF"):
            f.c.send(line)
            f.c.expect("STORE COMPLETE")
        f.c.send("QUERY LEVELS")
        text = f.c.expect(r"THE GUEST OF LEVEL \d+: WHAT IT IPLED", 20)
        assert "LEVEL 2 GCP/370: TRAPS 4294967295" in text, text
        f.c.send("QUERY TIME")
        f.c.expect("TIME IS", 20)
        out = c.ok("CP QUERY TIME")  # and the others' machines go on
        c.logoff()
    finally:
        s.stop()


if __name__ == "__main__":
    sys.exit(cmsclient.run([t_cms_under_two_gcps, t_gcp_from_the_reader, t_query_levels_without_gcp], None))
