#!/usr/bin/env python3
"""End-to-end tests of vm370's 3270 consoles, driven by the Debian s3270
scripting emulator as a person at a 3270 would: connect, read the logo,
log on in the screen's input area, run CP commands and read their
responses on the screen, MORE... and PA2, PA1 to CP READ, a message from
another user, SET PFnn, disconnect and reconnect, every model size,
plain TN3270 and TN3270E, and the same over TLS.

usage: vm370_tn3270.py BINDIR [TEST...]     (BINDIR holds vm370 and asm370)
"""
import os, re, shutil, subprocess, sys, tempfile, time, traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vmclient  # noqa: E402
from s3270client import S3270, have_s3270  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = sys.argv[1]
VM370 = os.path.join(BIN, "vm370")
ASM370 = os.path.join(BIN, "asm370")
WORK = tempfile.mkdtemp(prefix="vm370-tn3270-")
HOST = "127.0.0.1"


def deck(src):
    base = os.path.join(WORK, os.path.splitext(os.path.basename(src))[0])
    subprocess.run([ASM370, "-I", os.path.join(ROOT, "samples", "bare"), "-o", base + ".bin", src], check=True)
    subprocess.run([sys.executable, os.path.join(ROOT, "samples", "bare", "mkdeck.py"), base + ".bin",
                    base + ".deck"], check=True)
    return base + ".deck"


ECHO = deck(os.path.join(ROOT, "tests", "system", "echo.asm"))
DIAG58 = deck(os.path.join(ROOT, "tests", "system", "diag58.asm"))
GRAF = deck(os.path.join(ROOT, "tests", "system", "graf.asm"))
DIAG24 = deck(os.path.join(ROOT, "tests", "system", "diag24.asm"))
UR = [{"address": "009", "type": "console"}, {"address": "00C", "type": "reader", "class": "*"},
      {"address": "00D", "type": "punch"}, {"address": "00E", "type": "printer"}]
USERS = [
    {"userid": "OPERATOR", "password": "OPPW", "privclass": "ABCDEFG", "storage": "1M", "devices": UR},
    {"userid": "ALICE", "password": "ALICEPW", "privclass": "G", "storage": "1M", "devices": UR},
    {"userid": "BOB", "password": "BOBPW", "privclass": "G", "storage": "1M", "devices": UR},
]
SIZES = {"2": (24, 80), "3": (32, 80), "4": (43, 80), "5": (27, 132)}


def send_deck(sysm, user, path):
    r = subprocess.run([VM370, "--data", sysm.data, "send", user, path], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def terminal(sysm, model="3279-2", prefix="", lu="", port=None, extra=()):
    t = S3270(model, extra)
    t.connect(HOST, port or sysm.port, prefix, lu)
    return t


def t_logo_and_logon(sysm):
    """The logo, the status area, the non-display password, a command."""
    t = terminal(sysm)
    try:
        scr = t.wait_for("ONLINE")
        assert "VM/370" in scr and "LOGON" in scr.upper(), scr
        assert t.rows_cols() == (24, 80)
        t.wait_status("CP READ")
        assert t.screen()[-1].rstrip().endswith("VM/370"), t.screen()[-1]
        t.enter("LOGON ALICE")
        t.wait_for("ENTER PASSWORD")
        t.type("ALICEPW")  # typed into a non-display field: not on the screen
        assert "ALICEPW" not in t.text(), t.text()
        t.enter()
        t.wait_for("LOGON AT")
        assert "ALICEPW" not in t.text()
        # The command is echoed in the output area, its response below it.
        t.enter("QUERY NAMES")
        scr = t.wait_for(r"ALICE +- 0[0-9A-F]{2}")
        assert re.search(r"QUERY NAMES *\n *ALICE +- 0[0-9A-F]{2} , OPERATOR - SYSC", scr), scr
        t.wait_status("CP READ")
        t.enter("LOGOFF")
        sysm.expect_operator("LOGOFF AS +ALICE", 10)
    finally:
        t.close()


def t_models(sysm):
    """Every model: the alternate size, the status area in its last row."""
    for m, (rows, cols) in SIZES.items():
        t = terminal(sysm, "3279-" + m)
        try:
            t.wait_for("ONLINE")
            assert t.rows_cols() == (rows, cols), (m, t.rows_cols())
            scr = t.screen()
            assert len(scr) == rows and len(scr[-1]) == cols, (m, len(scr), len(scr[-1]))
            assert "CP READ" in scr[-1] and scr[-1].rstrip().endswith("VM/370"), scr[-1]
            t.logon("BOB", "BOBPW")
            t.enter("QUERY TIME")
            t.wait_for("TIME IS")
            t.enter("LOGOFF")
            time.sleep(0.3)
        finally:
            t.close()
    # IBM-DYNAMIC: the size from the terminal's Query Reply, TN3270E and not.
    for prefix in ("", "N:"):
        t = terminal(sysm, "3279-5", prefix=prefix, extra=("-tn", "IBM-DYNAMIC"))
        try:
            t.wait_for("ONLINE")
            assert t.do("Query(TerminalName)") == ["IBM-DYNAMIC"]
            assert t.rows_cols() == (27, 132), t.rows_cols()
            scr = t.screen()
            assert "CP READ" in scr[-1] and scr[-1].rstrip().endswith("VM/370"), scr[-1]
        finally:
            t.close()


def t_more_and_pa2(sysm):
    """Output beyond the screen: MORE..., ENTER to hold, PA2 to go on; every
    line shown once, in order."""
    t = terminal(sysm)
    try:
        t.logon("ALICE", "ALICEPW")
        t.enter("DISPLAY L0-3FF")  # 64 lines
        t.wait_status("MORE...")
        seen = []

        def take():
            for row in t.screen()[:22]:
                m = re.match(r"(0003F0|000[0-3][0-9A-F]0)  ", row)
                if m and (not seen or int(m.group(1), 16) > seen[-1]):
                    seen.append(int(m.group(1), 16))

        take()
        t.enter()  # ENTER alone holds the screen
        t.wait_status("HOLDING")
        time.sleep(0.3)
        assert "HOLDING" in t.status_word()
        for _ in range(10):
            if "CP READ" in t.status_word():
                break
            t.key("PA(2)")
            time.sleep(0.3)
            take()
        t.wait_status("CP READ")
        take()
        assert seen == list(range(0, 0x400, 16)), [hex(x) for x in seen]
        t.key("Clear()")  # CLEAR: an empty output area, redrawn whole
        time.sleep(0.3)
        assert not any(r.strip() for r in t.screen()[:22]), t.text()
        t.wait_status("CP READ")
        t.enter("LOGOFF")
    finally:
        t.close()


def t_guest_console(sysm):
    """A guest's 3215 on the screen: VM READ, RUNNING, PA1 to CP READ,
    BEGIN, a message from another user with the alarm."""
    t = terminal(sysm)
    bob = None
    try:
        t.logon("ALICE", "ALICEPW")
        send_deck(sysm, "ALICE", ECHO)
        t.wait_for("RDR FILE")
        t.enter("IPL 00C")
        t.wait_for("ECHO READY", 20)
        t.wait_status("VM READ")
        t.enter("hello there")
        t.wait_for("ECHO: hello there")
        t.key("PA(1)")
        t.wait_status("CP READ")
        t.enter("QUERY VIRTUAL STORAGE")
        t.wait_for("STORAGE = 01024K")
        t.enter("BEGIN")
        t.wait_status("VM READ")
        t.enter("again")
        t.wait_for("ECHO: again")
        # The guest loops: RUNNING, and a line typed meanwhile waits for it.
        t.enter("LOOP")
        t.wait_status("RUNNING")
        bob = vmclient.Client(sysm.port)
        bob.expect("ONLINE")
        bob.send("LOGON BOB")
        bob.expect("ENTER PASSWORD")
        bob.send("BOBPW")
        bob.expect("LOGON AT")
        bob.cmd("MSG ALICE lunch is ready", r"\n")
        t.wait_for("MSG FROM BOB *: lunch is ready")
        t.enter("#CP SYSTEM RESET")
        t.wait_for("SYSTEM RESET")
        t.wait_status("CP READ")
        t.enter("LOGOFF")
        bob.send("LOGOFF")
    finally:
        t.close()
        if bob:
            bob.close()


def t_pf_keys(sysm):
    """SET PFnn: a key that runs its command, one that puts it in the input
    area, an undefined key as ENTER."""
    t = terminal(sysm)
    try:
        t.logon("BOB", "BOBPW")
        t.enter("SET PF3 QUERY TIME")
        t.enter("SET PF4 DELAYED QUERY NAMES")
        t.enter("QUERY PF")
        t.wait_for(r"PF03 IMMED +QUERY TIME")
        t.key("PF(3)")
        t.wait_for("TIME IS")
        t.key("PA(2)")
        t.key("PF(4)")
        t.wait_for("QUERY NAMES", where=lambda s: s[-2:])  # in the input area
        t.enter()
        t.wait_for(r"BOB +- 0")
        t.type("QUERY USERID")
        t.key("PF(9)")  # undefined: ENTER
        t.wait_for(r"BOB +AT VM/370")
        t.enter("LOGOFF")
    finally:
        t.close()


def t_disconnect_reconnect(sysm):
    """DISCONNECT, the machine runs on, a new 3270 session reconnects."""
    t = terminal(sysm)
    try:
        t.logon("ALICE", "ALICEPW")
        send_deck(sysm, "ALICE", ECHO)
        t.wait_for("RDR FILE")
        t.enter("IPL 00C")
        t.wait_for("ECHO READY", 20)
        t.enter("#CP DISCONN")
        sysm.expect_operator("DSCONNECT ALICE", 10)
    finally:
        t.close()
    t = terminal(sysm, "3279-4")
    try:
        t.logon("ALICE", "ALICEPW")
        t.wait_status("VM READ")
        t.enter("still here")
        t.wait_for("ECHO: still here")
        t.enter("#CP LOGOFF")
    finally:
        t.close()


def t_diagnose_58(sysm):
    """A guest's screen by DIAGNOSE X'58': a line in CP's output area, then
    the whole screen (its own field, read back after ENTER), a message
    over it (HOLDING, PA2 back), PA1 to CP READ and BEGIN, a reconnect
    that redraws it, and CP's screen again at the end."""
    t = terminal(sysm, "3279-3")
    try:
        t.logon("ALICE", "ALICEPW")
        send_deck(sysm, "ALICE", DIAG58)
        t.wait_for("RDR FILE")
        t.enter("IPL 00C")
        scr = t.wait_for("DIAG 58 DISPLAYS THIS ON LINE 3", 20)
        assert t.screen()[2].startswith("DIAG 58 DISPLAYS THIS ON LINE 3"), scr
        t.wait_status("VM READ")
        t.enter("go")
        t.wait_for("FULL SCREEN GUEST")
        assert "CP READ" not in t.text() and "VM/370" not in t.screen()[-1], t.text()
        t.type("hello screen")  # the cursor is in the guest's field
        t.enter()
        t.wait_for("YOU TYPED: hello screen")
        # A message: CP's screen over the guest's, HOLDING; PA2 gives it back.
        bob = vmclient.Client(sysm.port)
        bob.expect("ONLINE")
        bob.send("LOGON BOB")
        bob.expect("ENTER PASSWORD")
        bob.send("BOBPW")
        bob.expect("LOGON AT")
        bob.cmd("MSG ALICE are you there", r"\n")
        t.wait_for("MSG FROM BOB *: are you there")
        t.wait_status("HOLDING")
        t.key("PA(2)")
        t.wait_for("YOU TYPED: hello screen")
        # PA1: CP READ on CP's screen; BEGIN: the guest's screen again.
        t.key("PA(1)")
        t.wait_status("CP READ")
        t.enter("QUERY TIME")
        t.wait_for("TIME IS")
        t.enter("BEGIN")
        t.wait_for("FULL SCREEN GUEST")
        t.wait_for("YOU TYPED: hello screen")
        # Disconnect; the screen comes back on the next terminal.
        t.key("PA(1)")
        t.wait_status("CP READ")
        t.enter("DISCONN")
        sysm.expect_operator("DSCONNECT ALICE", 10)
        t.close()
        t = terminal(sysm, "3279-3")
        t.logon("ALICE", "ALICEPW")
        t.enter("BEGIN")
        t.wait_for("YOU TYPED: hello screen")
        t.type("again")
        t.enter()
        t.wait_for("YOU TYPED: again")
        # X'19' while the guest has the screen: CP's screen, its line on top.
        t.key("PF(4)")
        t.wait_for("DIAG 58 BACK ON CP SCREEN", where=lambda s: s[:1])
        t.wait_status("VM READ")
        assert "FULL SCREEN GUEST" not in t.text(), t.text()
        t.enter("go")
        t.wait_for("FULL SCREEN GUEST")
        t.key("PF(3)")
        t.wait_for("DIAG58 DONE")
        t.wait_for("DISABLED WAIT PSW '00020000 0000C0DE'")
        t.wait_status("CP READ")
        t.enter("LOGOFF")
        bob.send("LOGOFF")
        bob.close()
    finally:
        t.close()


def t_diagnose_24(sysm):
    """DIAGNOSE X'24' for the virtual console: Ry the virtual 3215's
    codes, Ry+1 the terminal behind it: a 3270 (its model from its size)
    after a logon from a 3279-3 and after a reconnect from a 3279-5, the
    typewriter's codes under GCP and from a line-mode terminal."""
    t = terminal(sysm, "3279-3")
    try:
        t.logon("ALICE", "ALICEPW")
        send_deck(sysm, "ALICE", DIAG24)
        t.wait_for("RDR FILE")
        t.enter("IPL 00C")
        t.wait_for("DIAG24 009 80100000 C0040300", 20)
        t.enter("DISCONN")
        sysm.expect_operator("DSCONNECT ALICE", 10)
        t.close()
        t = terminal(sysm, "3279-5")
        t.logon("ALICE", "ALICEPW")
        send_deck(sysm, "ALICE", DIAG24)
        t.wait_for("RDR FILE")
        t.enter("IPL 00C")
        t.wait_for("DIAG24 009 80100000 C0040500", 20)
        # Under GCP (VM under VM) the console's terminal is GCP's own, a
        # typewriter: GCP gives its guest no display. (The deck read to its
        # last card is still open: CLOSE, or GCP's READ IPL would meet its
        # end of file, as a real reader's would.)
        t.enter("CLOSE 00C")
        send_deck(sysm, "ALICE", DIAG24)
        t.wait_for(r"CLOSE 00C(.|\n)*RDR FILE")
        t.enter("IPL GCP")
        t.wait_for("IPL GCP:", 30)
        t.enter("IPL 00C")
        t.wait_for("DIAG24 009 80100000 80100000", 30)
    finally:
        t.close()
        # No deck of this test left in the reader for the next ones.
        sysm.operator("PURGE ALICE RDR ALL")
        sysm.expect_operator("FILES? PURGED", 10)
    bob = vmclient.Client(sysm.port)
    try:
        bob.expect("ONLINE")
        bob.send("LOGON BOB")
        bob.expect("ENTER PASSWORD")
        bob.send("BOBPW")
        bob.expect("LOGON AT")
        send_deck(sysm, "BOB", DIAG24)
        bob.expect("RDR FILE")
        bob.send("IPL 00C")
        bob.expect("DIAG24 009 80100000 80100000", 20)
    finally:
        bob.close()


def t_define_graf_and_dial(sysm):
    """A guest with a 3270 of its own (DEFINE GRAF) driven by its channel
    programs; another terminal DIALs to it and is that 3270's screen; RESET
    drops it back to the logo."""
    a = vmclient.System.logon(sysm, "ALICE", "ALICEPW")  # line mode
    t = None
    try:
        a.cmd("DEFINE GRAF 0C0", "GRAF 0C0 DEFINED")
        a.cmd("QUERY VIRTUAL 0C0", "GRAF 0C0 3278-2 NOT DIALED")
        send_deck(sysm, "ALICE", GRAF)
        a.expect("RDR FILE")
        a.send("IPL 00C")
        time.sleep(0.5)
        t = terminal(sysm)
        t.wait_for("ONLINE")
        t.enter("DIAL BOB")
        t.wait_for("DMKDIA045E BOB NOT LOGGED ON")
        t.enter("DIAL ALICE")
        t.wait_for("GRAF GUEST ON ITS OWN 3270")
        sysm.expect_operator(r"GRAF 0[0-9A-F]{2} DIALED TO ALICE +DIALED = 1", 10)
        a.cmd("#CP QUERY VIRTUAL 0C0", r"GRAF 0C0 3278-2 DIALED FROM 0[0-9A-F]{2}")
        t.type("dialed in")
        t.enter()
        t.wait_for("YOU TYPED: dialed in")
        t.key("PA(1)")  # the guest's key, not CP's: nothing happens to ALICE
        time.sleep(0.3)
        assert "CP READ" not in a.quiet(0.3)
        t.key("PF(3)")
        t.wait_for("GRAF GUEST ENDS")
        a.expect("DISABLED WAIT PSW '00020000 0000C0DE'", 10)
        a.cmd("RESET 0C0", "GRAF 0C0 RESET")
        t.wait_for("DROP FROM ALICE +0C0")
        t.wait_for("ONLINE")
        t.wait_status("CP READ")
        sysm.expect_operator(r"DROP FROM ALICE +DIALED = 0", 10)
        t.logon("BOB", "BOBPW")  # the terminal is a CP terminal again
        t.enter("LOGOFF")
        a.cmd("DETACH 0C0", "GRAF 0C0 DETACHED")
        a.send("LOGOFF")
        a.expect("LOGOFF AT")
    finally:
        if t:
            t.close()
        a.close()


def t_plain_tn3270_and_lu(sysm):
    """RFC 1576 TN3270 (s3270's N: prefix: no TN3270E), and a TN3270E LU
    name asked for."""
    t = terminal(sysm, prefix="N:")
    try:
        t.wait_for("ONLINE")
        t.logon("BOB", "BOBPW")
        t.enter("QUERY TIME")
        t.wait_for("TIME IS")
        t.enter("LOGOFF")
    finally:
        t.close()
    t = terminal(sysm, lu="TERMA1")
    try:
        t.wait_for("ONLINE")
        assert t.do("Query(LuName)") == ["TERMA1"], t.do("Query(LuName)")
    finally:
        t.close()


def t_line_mode_same_port(sysm):
    """A client that negotiates nothing still gets the line-mode console."""
    c = vmclient.Client(sysm.port)
    c.expect("ONLINE", 10)
    c.send("LOGON BOB")
    c.expect("ENTER PASSWORD")
    c.send("BOBPW")
    c.expect("LOGON AT")
    c.cmd("QUERY TIME", "TIME IS")
    c.send("LOGOFF")
    c.expect("LOGOFF AT")
    c.close()


def t_tls(sysm):
    """The same over TLS on the second port (the certificate made on first
    start; s3270 told to trust it)."""
    if not sysm.tls_port:
        raise AssertionError("vm370 has no --tls-port")
    cert = os.path.join(sysm.data, "tls", "cert.pem")
    t = terminal(sysm, prefix="L:", port=sysm.tls_port, extra=("-cafile", cert, "-accepthostname", "localhost"))
    try:
        t.wait_for("ONLINE")
        t.logon("ALICE", "ALICEPW")
        t.enter("QUERY NAMES")
        t.wait_for(r"ALICE +- 0")
        t.enter("LOGOFF")
    finally:
        t.close()


def main():
    if not have_s3270():
        print("SKIP: s3270 is not installed (scripts/setup.sh installs it)")
        sys.exit(0)
    only = sys.argv[2:]
    tests = [t_logo_and_logon, t_models, t_more_and_pa2, t_guest_console, t_pf_keys, t_disconnect_reconnect,
             t_diagnose_58, t_diagnose_24, t_define_graf_and_dial, t_plain_tn3270_and_lu, t_line_mode_same_port, t_tls]
    tls_port = vmclient.free_port()
    help_text = subprocess.run([VM370, "--help"], capture_output=True, text=True)
    extra = ["--tls-port", str(tls_port)] if "--tls-port" in help_text.stdout + help_text.stderr else []
    sysm = vmclient.System(VM370, USERS, extra=extra)
    sysm.tls_port = tls_port if extra else 0
    failed = 0
    try:
        for t in tests:
            if only and t.__name__ not in only:
                continue
            t0 = time.time()
            try:
                if sysm.p.poll() is not None:
                    sysm.start()
                t(sysm)
                print("PASS %s (%.1fs)" % (t.__name__, time.time() - t0), flush=True)
            except Exception:
                failed += 1
                print("FAIL %s" % t.__name__, flush=True)
                traceback.print_exc()
                sysm.read_operator()
                print("---- operator console (last 2000 chars) ----\n" + sysm.out[-2000:])
            if sysm.p.poll() is None:
                for u in ("ALICE", "BOB"):
                    sysm.operator("FORCE " + u)
                time.sleep(0.3)
    finally:
        if sysm.p.poll() is None:
            rc = sysm.stop()
            if rc != 0:
                print("FAIL vm370 ended with %s on SIGTERM" % rc)
                failed += 1
        shutil.rmtree(WORK, ignore_errors=True)
    print("%d failed" % failed)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
