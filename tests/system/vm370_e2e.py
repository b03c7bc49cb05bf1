#!/usr/bin/env python3
"""End-to-end tests of vm370 as people use it: the system started on a free
port with a throwaway data folder, users logging on over plain TCP
sockets (a line-mode telnet console), typing CP's commands and reading
the answers; the operator on stdin and stdout.

usage: vm370_e2e.py BINDIR [TEST...]     (BINDIR holds vm370 and asm370)
"""
import glob, json, os, re, shutil, signal, subprocess, sys, tempfile, time, traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vmclient  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = sys.argv[1]
VM370 = os.path.join(BIN, "vm370")
ASM370 = os.path.join(BIN, "asm370")
WORK = tempfile.mkdtemp(prefix="vm370-e2e-")


def deck(src, data=None):
    """An IPL deck of a stand-alone program (samples/bare/mkdeck.py)."""
    base = os.path.join(WORK, os.path.splitext(os.path.basename(src))[0])
    subprocess.run([ASM370, "-I", os.path.join(ROOT, "samples", "bare"), "-o", base + ".bin", src], check=True)
    args = [sys.executable, os.path.join(ROOT, "samples", "bare", "mkdeck.py"), base + ".bin", base + ".deck"]
    if data:
        args.append(data)
    subprocess.run(args, check=True)
    return base + ".deck"


ECHO = deck(os.path.join(ROOT, "tests", "system", "echo.asm"))
CARDIO = deck(os.path.join(ROOT, "samples", "bare", "cardio.asm"), os.path.join(ROOT, "samples", "bare", "cardio.txt"))
DIAG08 = deck(os.path.join(ROOT, "tests", "system", "diag08.asm"))
DIAG64 = deck(os.path.join(ROOT, "tests", "system", "diag64.asm"))
DIAG08LOOP = deck(os.path.join(ROOT, "tests", "system", "diag08loop.asm"))
DIAG64HI = deck(os.path.join(ROOT, "tests", "system", "diag64hi.asm"))
DASDIO = deck(os.path.join(ROOT, "samples", "bare", "dasdio.asm"))

UR = [{"address": "009", "type": "console"}, {"address": "00C", "type": "reader", "class": "*"},
      {"address": "00D", "type": "punch"}, {"address": "00E", "type": "printer"}]
USERS = [
    {"userid": "OPERATOR", "password": "OPPW", "privclass": "ABCDEFG", "storage": "1M", "maxstorage": "4M",
     "devices": UR},
    {"userid": "ALICE", "password": "ALICEPW", "privclass": "G", "storage": "1M", "maxstorage": "4M",
     "devices": UR + [{"address": "191", "type": "minidisk", "volume": "USR001", "cylinder": 1, "cylinders": 2,
                       "mode": "MR", "read": "RPW", "write": "WPW"},
                      {"address": "190", "type": "minidisk", "volume": "USR001", "cylinder": 10, "cylinders": 3,
                       "mode": "MR", "read": "ALL"}]},
    {"userid": "BOB", "password": "BOBPW", "privclass": "G", "storage": "1M", "devices": UR},
    {"userid": "CAROL", "password": "CAROLPW", "privclass": "G", "storage": "1M", "devices": UR},
    {"userid": "ERIN", "password": "ERINPW", "privclass": "G", "storage": "1M",
     "devices": UR + [{"address": "182", "type": "dedicate", "real": "182"}]},
    {"userid": "OWNER", "password": "NOLOG", "devices": []},
]


def send(data, user, path, *more):
    r = subprocess.run([VM370, "--data", data, "send", user, path] + list(more), capture_output=True, text=True)
    assert r.returncode == 0, "vm370 send: %s %s" % (r.stdout, r.stderr)
    m = re.search(r"file (\d{4})", r.stdout)
    assert m, r.stdout
    return m.group(1)


def t_logon_refusals(sysm):
    """A wrong password and an unknown user get the same answer; NOLOG too."""
    answers = []
    for user, pw in (("ALICE", "WRONG"), ("NOSUCHU", "WRONG"), ("OWNER", "NOLOG")):
        c = sysm.connect()
        c.expect("ONLINE")
        c.send("LOGON " + user)
        c.expect("ENTER PASSWORD:")
        # The client is asked to stop echoing: IAC WILL ECHO.
        c.pump(0.3)
        assert b"\xff\xfb\x01" in c.raw, "no WILL ECHO before the password"
        c.send(pw)
        answers.append(c.expect(r"DMK\w+ [^\n]*\n").strip())
        c.close()
    assert len(set(answers)) == 1, answers
    assert "DMKLOG050E" in answers[0], answers


def t_lockout(sysm):
    """Five wrong passwords in a row lock the userid, even to the right
    password, and the operator is told."""
    c = sysm.connect()
    c.expect("ONLINE")
    for _ in range(5):
        c.send("LOGON CAROL")
        c.expect("ENTER PASSWORD:")
        c.send("BAD")
        c.expect("DMKLOG050E")
    sysm.expect_operator(r"CAROL LOCKED AFTER 5 INCORRECT PASSWORDS")
    c.send("LOGON CAROL")
    c.expect("ENTER PASSWORD:")
    c.send("CAROLPW")
    c.expect("DMKLOG051E LOGON LOCKED")
    c.close()


def t_queries(sysm):
    a = sysm.logon("ALICE", "ALICEPW")
    a.expect("CP READ")
    t = a.cmd("QUERY TIME", r"CONNECT= \d\d:\d\d:\d\d VIRTCPU= \d{3}:\d\d\.\d\d TOTCPU= \d{3}:\d\d\.\d\d")
    assert re.search(r"TIME IS \d\d:\d\d:\d\d \w+ [A-Z]+DAY \d\d/\d\d/\d\d", t), t
    a.cmd("Q T", "TIME IS")
    a.cmd("Q USERS", r"\s*\d+ USERS,\s+\d+ DIALED")
    a.cmd("Q NAMES", r"ALICE    - [0-9A-F]{3}")
    a.cmd("Q ALICE", r"ALICE    - [0-9A-F]{3}")
    a.cmd("Q BOB", r"DMKCQG045E BOB NOT LOGGED ON")
    v = a.cmd("Q V ALL", r"DASD 191[^\n]*\n")
    for want in ("STORAGE = 01024K", "CONS 009 ON", "RDR  00C CL *", "PUN  00D CL A", "PRT  00E CL A"):
        assert want in v, (want, v)
    assert "USR001 R/W" in v, v
    a.cmd("Q V 191", r"DASD 191 ON 3350 USR001 R/W\s+2 CYL")
    a.cmd("Q SET", r"MSG ON , WNG ON , EMSG ON")
    a.cmd("Q FILES", r"FILES: NO RDR, NO PRT, NO PUN")
    a.cmd("FROBNICATE", r"\?CP: FROBNICATE")
    a.cmd("SET EMSG CODE", "")
    a.cmd("Q V 777", r"DMKCQG040E\n")
    a.cmd("SET EMSG TEXT", "")
    t = a.cmd("Q V 777", r"[^\n]*DOES NOT EXIST\n")
    assert "DMKCQG040E" not in t, t
    a.cmd("SET EMSG ON", "")
    a.cmd("Q V 777", r"DMKCQG040E DEV 777 DOES NOT EXIST")
    a.cmd("ECHO HELLO", "ECHO HELLO")
    a.cmd("SET MSG MAYBE", r"DMKCFS003E INVALID OPTION - MAYBE")
    a.cmd("LOGOFF", r"LOGOFF AT")
    assert a.wait_closed(), "the line stays up after LOGOFF"


def t_messages(sysm):
    a = sysm.logon("ALICE", "ALICEPW")
    b = sysm.logon("BOB", "BOBPW")
    a.send("MSG BOB Hello, Bob")
    b.expect(r"MSG FROM ALICE   : Hello, Bob")
    b.cmd("SET MSG OFF", "")
    b.cmd("Q SET", "MSG OFF")  # done before ALICE's next line (two sockets: no order between them)
    a.cmd("M BOB again", r"DMKMSG057W BOB NOT RECEIVING; MSG OFF")
    b.cmd("SET MSG ON", "")
    b.cmd("Q SET", "MSG ON ")
    a.cmd("MSG NOBODY hi", r"DMKMSG045E NOBODY NOT LOGGED ON")
    # The operator's WARNING and MSG ALL reach both.
    sysm.operator("WARNING ALICE system going down soon")
    a.expect(r"WNG FROM OPERATOR: system going down soon")
    sysm.operator("MSG ALL hello everyone")
    a.expect("MSG FROM OPERATOR: hello everyone")
    b.expect("MSG FROM OPERATOR: hello everyone")
    b.cmd("WARNING ALICE x", r"\?CP: WARNING")  # not class A or B
    a.send("LOGOFF")
    b.send("LOGOFF")
    a.expect("LOGOFF AT")
    b.expect("LOGOFF AT")


def t_ipl_from_reader(sysm):
    """A deck sent with vm370 send is IPLed from the reader: its console
    output is seen, it ends in a disabled wait, and its printer and punch
    files land in the data folder."""
    a = sysm.logon("ALICE", "ALICEPW")
    spid = send(sysm.data, "ALICE", CARDIO, "--name", "CARDIO DECK")
    a.expect(r"RDR FILE %s FROM SYSTEM RDR COPY 001 NOHOLD" % spid)
    q = a.cmd("Q RDR ALL", r"CARDIO +DECK[^\n]*\n")
    assert re.search(r"SYSTEM   %s A RDR \d{8} 001 NONE" % spid, q), q
    a.send("IPL 00C")
    a.expect("CARDIO", 20)
    a.expect(r"DMKDSP450W CP ENTERED; DISABLED WAIT PSW '00020000 0000C0DE'", 20)
    a.cmd("Q RDR", r"NO RDR FILES")  # read to its end: purged
    p = a.cmd("CLOSE PRT", r"PRT FILE (\d{4}) TO SYSTEM COPY 001 NOHOLD")
    u = a.cmd("CLOSE PUN", r"PUN FILE (\d{4}) TO SYSTEM COPY 001 NOHOLD")
    pid = re.search(r"PRT FILE (\d{4})", p).group(1)
    uid = re.search(r"PUN FILE (\d{4})", u).group(1)
    prt = os.path.join(sysm.data, "printer", "ALICE-%s.txt" % pid)
    pun = os.path.join(sysm.data, "punch", "ALICE-%s.pun" % uid)
    assert os.path.exists(prt) and os.path.exists(pun), os.listdir(os.path.join(sysm.data, "printer"))
    text = open(prt).read()
    cards = open(os.path.join(ROOT, "samples", "bare", "cardio.txt")).read().splitlines()
    for c in cards:
        assert c.rstrip() in text, (c, text[:500])
    assert os.path.getsize(pun) % 80 == 0 and os.path.getsize(pun) >= 80 * len(cards)
    a.send("LOGOFF")
    a.expect("LOGOFF AT")


def t_spool_exchange(sysm):
    """Two users exchange spool files: a punch spooled to another user's
    reader, TRANSFER, CHANGE, ORDER, PURGE, QUERY with R6's columns."""
    a = sysm.logon("ALICE", "ALICEPW")
    b = sysm.logon("BOB", "BOBPW")
    send(sysm.data, "ALICE", CARDIO)
    a.expect("RDR FILE")
    a.cmd("SPOOL PUN TO BOB CLASS B", "")
    a.cmd("Q V 00D", r"TO BOB")
    a.send("IPL 00C")
    a.expect("DISABLED WAIT", 20)
    t = a.cmd("CLOSE 00D NAME PUNCHED CARDS", r"PUN FILE (\d{4}) TO BOB COPY 001 NOHOLD")
    fid = re.search(r"PUN FILE (\d{4})", t).group(1)
    b.expect(r"RDR FILE %s FROM ALICE PUN COPY 001 NOHOLD" % fid)
    q = b.cmd("Q RDR ALL", r"PUNCHED +CARDS[^\n]*\n")
    assert re.search(r"ALICE    %s B PUN 000000\d\d 001 NONE" % fid, q), q
    # A second file for BOB, from ALICE's reader by TRANSFER.
    s2 = send(sysm.data, "ALICE", ECHO, "--name", "ECHO DECK")
    a.expect("RDR FILE %s" % s2)
    a.cmd("TRANSFER RDR %s TO BOB" % s2, r"0001 FILE TRANSFERRED")
    b.expect(r"RDR FILE %s FROM SYSTEM" % s2)
    b.cmd("Q FILES", r"FILES: 002 RDR")
    b.cmd("ORDER RDR %s" % s2, "0001 FILE ORDERED")
    q = b.cmd("Q RDR ALL", r"PUNCHED[^\n]*\n")
    assert q.index(s2) < q.index(fid), q
    b.cmd("CHANGE RDR %s CLASS C NAME NEW NAME" % fid, "0001 FILE CHANGED")
    b.cmd("Q RDR ALL", r"ALICE    %s C PUN[^\n]*NEW +NAME" % fid)
    b.cmd("CHANGE RDR 9999 CLASS C", r"DMKCSU042E SPOOLID 9999 DOES NOT EXIST")
    b.cmd("PURGE RDR %s" % fid, "0001 FILE PURGED")
    b.cmd("PURGE RDR ALL", "0001 FILE PURGED")
    b.cmd("Q RDR", "NO RDR FILES")
    a.cmd("SPOOL PUN OFF", "")
    a.send("LOGOFF")
    b.send("LOGOFF")
    a.expect("LOGOFF AT")
    b.expect("LOGOFF AT")


def t_diagnose_08(sysm):
    """A guest gives CP commands by DIAGNOSE X'08': a response in its
    buffer, a message written by CP, the return code of an unknown one."""
    a = sysm.logon("ALICE", "ALICEPW")
    send(sysm.data, "ALICE", DIAG08)
    a.expect("RDR FILE")
    a.send("IPL 00C")
    a.expect("STORAGE = 01024K", 20)  # written by the guest from its buffer
    a.expect(r"MSG FROM ALICE   : HELLO FROM DIAGNOSE")
    a.expect(r"DISABLED WAIT PSW '00020000 0000C0DE'")
    a.cmd("D G5", r"GPR  5 = 00000011")  # the response's length: 16 and X'15'
    a.cmd("D G7", r"GPR  7 = 00000000")
    a.cmd("D G8", r"GPR  8 = 00000001")  # unknown command: return code 1
    a.send("LOGOFF")
    a.expect("LOGOFF AT")


def t_diagnose_08_held(sysm):
    """A machine waiting for CP's answer to DIAGNOSE X'08' is not run again
    by the #CP commands its user types meanwhile (they stop and start the
    machine): every one of 5,000 answers is complete when the guest goes on."""
    a = sysm.logon("ALICE", "ALICEPW")
    send(sysm.data, "ALICE", DIAG08LOOP)
    a.expect("RDR FILE")
    a.send("IPL 00C")
    end = time.time() + 60
    while time.time() < end and "DISABLED WAIT" not in a.buf[a.pos:]:
        a.send("#CP DISPLAY PSW")
        a.pump(0.002)
    m = re.search(r"DISABLED WAIT PSW '00020000 0000(\w{4})'", a.expect("DISABLED WAIT PSW '[^']*'", 10))
    assert m and m.group(1) == "C0DE", "an incomplete DIAGNOSE X'08' answer (wait state %s)" % (m and m.group(1))
    a.send("LOGOFF")
    a.expect("LOGOFF AT")


def t_running_machine(sysm):
    """A running guest: console input and output, #CP while it runs,
    attention, BEGIN, DISCONNECT and reconnect, a dropped line."""
    a = sysm.logon("ALICE", "ALICEPW")
    send(sysm.data, "ALICE", ECHO)
    a.expect("RDR FILE")
    a.send("IPL 00C")
    a.expect("ECHO READY", 20)
    a.cmd("hello there", "ECHO: hello there")
    a.cmd("#CP Q T", "TIME IS")  # CP from VM mode; the guest goes on
    a.cmd("second line", "ECHO: second line")
    # Once the guest reads again (VM READ) the attention is CP's; while it
    # runs, the first one would be its own (R6's typewriter console).
    time.sleep(0.5)
    a.send_raw(b"\xff\xf3")  # telnet BREAK: attention
    a.expect("CP READ")
    a.cmd("Q V STOR", "STORAGE = 01024K")
    a.cmd("BEGIN", "")
    a.cmd("third", "ECHO: third")
    # TRACE shows the guest's I/O; ADSTOP stops it before an address.
    a.cmd("#CP SYSTEM RESET", "SYSTEM RESET")
    send(sysm.data, "ALICE", ECHO)
    a.expect("RDR FILE")
    a.cmd("TRACE SIO I/O", "")
    a.cmd("ADSTOP 200", "")
    a.send("IPL 00C")
    a.expect("ADSTOP AT 000200", 20)
    a.expect("CP READ")
    a.send("BEGIN")
    a.expect(r"\*\*\* SIO   009  CC 0", 20)
    a.expect(r"\*\*\* I/O  0009", 20)
    a.cmd("#CP TRACE END", "TRACE ENDED")
    a.cmd("fourth", "ECHO: fourth")
    a.cmd("#CP", "CP READ")
    a.send("B")
    a.send("LOOP")  # now it loops (once the line reached it)
    end = time.time() + 10
    while "PSW = 00000000 00" not in a.cmd("#CP DISPLAY PSW", r"PSW = [^\n]*\n") and time.time() < end:
        time.sleep(0.1)
    assert time.time() < end, "the guest does not loop"
    a.cmd("#CP INDICATE USER", r"TRAPS BY CAUSE:[^\n]*\n")
    a.cmd("#CP DISCONN", "DISCONNECT AT")
    assert a.wait_closed(), "DISCONNECT leaves the line up"
    sysm.expect_operator(r"DSCONNECT ALICE")
    b = sysm.logon("BOB", "BOBPW")
    b.cmd("Q ALICE", r"ALICE    - DSC")
    # ALICE's machine ran on: reconnect and it is still looping.
    a = sysm.connect()
    a.send("LOGON ALICE")
    a.expect("ENTER PASSWORD")
    a.send("ALICEPW")
    a.expect("RECONNECTED AT")
    a.cmd("#CP D PSW", "PSW =")
    a.cmd("#CP SYSTEM RESET", "SYSTEM RESET")
    a.cmd("D PSW", "PSW = 00000000 00000000")
    # A dropped line disconnects.
    a.close()
    end = time.time() + 10
    while sysm.out.count("DSCONNECT ALICE") < 2 and time.time() < end:
        sysm.read_operator()
        time.sleep(0.05)
    assert sysm.out.count("DSCONNECT ALICE") >= 2, "a dropped line does not disconnect"
    c = sysm.connect()
    c.send("LOGON ALICE")
    c.expect("ENTER PASSWORD")
    c.send("ALICEPW")
    c.expect("RECONNECTED AT")
    c.send("LOGOFF")
    c.expect("LOGOFF AT")
    b.send("LOGOFF")
    b.expect("LOGOFF AT")


def t_storage_commands(sysm):
    a = sysm.logon("ALICE", "ALICEPW")
    a.cmd("STORE L1000 C1C2C3C4 0A0B", "STORE COMPLETE")
    a.cmd("D L1000.6", r"001000  C1C2C3C4 0A0B\w*")
    a.cmd("STORE G5 12345678 9ABCDEF0", "STORE COMPLETE")
    a.cmd("D G5", r"GPR  5 = 12345678")
    a.cmd("D G6", r"GPR  6 = 9ABCDEF0")
    a.cmd("D G", r"GPR 12 = [^\n]*\n")
    a.cmd("STORE PSW 000A0000 00001234", "STORE COMPLETE")
    a.cmd("D PSW", "PSW = 000A0000 00001234")
    a.cmd("D X0", r"CR   0 = ")
    a.cmd("D LFFFFFF", r"DMKCDS160E")
    a.cmd("D LZZZ", r"DMKCDS004E INVALID HEXLOC - LZZZ")
    a.cmd("STORE L0 XYZ", r"DMKCDS005E INVALID HEXDATA - XYZ")
    a.cmd("SYSTEM CLEAR", "SYSTEM CLEARED")
    a.cmd("D L1000.4", r"001000  00000000")
    a.cmd("DEFINE PUNCH 01D", "PUN  01D DEFINED")
    a.cmd("DEFINE STORAGE 2M", "STORAGE = 02048K")
    a.cmd("Q V STOR", "STORAGE = 02048K")
    a.cmd("Q V 01D", r"PUN  01D CL A")  # the devices stay, those defined since logon too
    a.cmd("Q V 191", r"DASD 191 ON 3350 USR001 R/W")
    a.cmd("DEF STOR 8M", r"DMKDEF094E STORAGE EXCEEDS ALLOWED MAXIMUM")
    a.cmd("DEFINE PRINTER 00F", "PRT  00F DEFINED")
    a.cmd("Q V 00F", r"PRT  00F CL A")
    a.cmd("DETACH 00F", "PRT 00F DETACHED")
    a.cmd("DETACH 00F", r"DMKDET040E DEV 00F DOES NOT EXIST")
    a.cmd("EXTERNAL", "")  # the interruption is presented and the machine runs
    a.cmd("#CP", "CP READ")
    a.cmd("SLEEP 1 SEC", "")
    a.cmd("SET ASSIST ON", "")
    a.cmd("Q SET", "ASSIST ON")
    a.cmd("TERMINAL LINEND !", "")
    a.cmd("Q T!Q USERS", r"USERS,")
    a.send("LOGOFF")
    a.expect("LOGOFF AT")


def t_links(sysm):
    a = sysm.logon("ALICE", "ALICEPW")
    b = sysm.logon("BOB", "BOBPW")
    b.cmd("LINK ALICE 191 291 RR PASS=WRONG", r"DMKLNK114E PASSWORD INCORRECT")
    b.cmd("LINK ALICE 191 291 RR", r"DMKLNK113E")
    b.cmd("LINK ALICE 191 291 RR PASS=RPW", "")
    b.cmd("Q V 291", r"DASD 291 ON 3350 USR001 R/O\s+2 CYL LINKED TO ALICE")
    # ALICE writes 191: BOB's W link must fail, R too (R fails while
    # someone writes).
    b.cmd("LINK ALICE 191 292 W PASS=WPW", r"DMKLNK104E ALICE 191 NOT LINKED; R/W BY 1 USERS")
    b.cmd("LINK ALICE 190 190 RR", "")
    b.cmd("LINK ALICE 777 293 RR", r"DMKLNK040E ALICE 777 DOES NOT EXIST")
    b.cmd("LINK NOSUCH 191 294 RR", r"DMKLNK053E NOSUCH NOT IN CP DIRECTORY")
    b.cmd("DETACH 291", "DASD 291 DETACHED")
    b.cmd("Q V 291", r"DMKCQG040E")
    a.send("LOGOFF")
    b.send("LOGOFF")
    a.expect("LOGOFF AT")
    b.expect("LOGOFF AT")


def t_operator(sysm):
    b = sysm.logon("BOB", "BOBPW")
    sysm.operator("SET LOGMSG Welcome to the test system")
    sysm.operator("Q LOGMSG")  # (the operator's lines and BOB's arrive apart: in order from here)
    sysm.expect_operator("Welcome to the test system")
    b.cmd("Q LOGMSG", "Welcome to the test system")
    sysm.operator("DISABLE")
    sysm.expect_operator("LOGONS DISABLED")
    c = sysm.connect()
    c.send("LOGON ALICE")
    c.expect("ENTER PASSWORD")
    c.send("ALICEPW")
    c.expect("DMKLOG023E")
    sysm.operator("ENABLE")
    sysm.expect_operator("LOGONS ENABLED")
    sysm.operator("Q NAMES")
    sysm.expect_operator(r"BOB      - ")
    sysm.operator("INDICATE USER BOB")
    sysm.expect_operator(r"USERID=BOB")
    sysm.operator("FORCE BOB")
    b.expect("FORCED BY OPERATOR")
    b.expect("LOGOFF AT")
    sysm.expect_operator("USER BOB FORCED")
    sysm.operator("SET LOGMSG OFF")


def t_directory_changes(sysm):
    """A directory changed while the system runs is read again: a new user
    can log on (its plain password replaced by a hash); a malformed one is
    refused, the operator told, and the system keeps the one it had."""
    import json
    d = json.load(open(sysm.directory))
    d["users"].append({"userid": "DAVE", "password": "DAVEPW", "storage": "1M",
                       "devices": [{"address": "009", "type": "console"}]})
    tmp = sysm.directory + ".new"
    with open(tmp, "w") as f:
        json.dump(d, f)
    os.replace(tmp, sysm.directory)
    sysm.expect_operator("DMKDIR470I DIRECTORY UPDATED")
    c = sysm.logon("DAVE", "DAVEPW")
    c.cmd("Q V ALL", "CONS 009")
    c.send("LOGOFF")
    c.expect("LOGOFF AT")
    assert "DAVEPW" not in open(sysm.directory).read()
    good = open(sysm.directory).read()
    time.sleep(1.1)  # a new modification time
    with open(tmp, "w") as f:
        f.write(good.replace('"storage": "1M"', '"storage": "3Q"', 1))
    os.replace(tmp, sysm.directory)
    sysm.expect_operator(r"DMKDIR471E DIRECTORY NOT UPDATED: [^\n]*field \"storage\"")
    c = sysm.logon("ALICE", "ALICEPW")  # the directory it had
    c.cmd("Q V STOR", "STORAGE = 01024K")
    c.send("LOGOFF")
    c.expect("LOGOFF AT")
    with open(tmp, "w") as f:
        f.write(good)
    os.replace(tmp, sysm.directory)
    sysm.expect_operator("DMKDIR470I DIRECTORY UPDATED(?![\s\S]*DMKDIR471E)")


def t_spool_hold_copy(sysm):
    """SPOOL PRT COPY 2 prints a file twice; HOLD keeps it in the queue
    until CHANGE ... NOHOLD releases it to the printer."""
    a = sysm.logon("ALICE", "ALICEPW")
    a.cmd("PURGE RDR ALL", "PURGED|NO FILES")
    send(sysm.data, "ALICE", CARDIO)
    a.expect("RDR FILE")
    a.cmd("SPOOL PRT COPY 2 HOLD", "")
    a.send("IPL 00C")
    a.expect("DISABLED WAIT", 20)
    t = a.cmd("CLOSE PRT", r"PRT FILE (\d{4}) TO SYSTEM COPY 002 HOLD")
    fid = re.search(r"PRT FILE (\d{4})", t).group(1)
    out = os.path.join(sysm.data, "printer", "ALICE-%s.txt" % fid)
    a.cmd("Q PRT ALL", r"ALICE    %s A PRT \d{8} 002 USER" % fid)
    assert not os.path.exists(out), "a held file was printed"
    a.cmd("CHANGE PRT %s NOHOLD" % fid, "0001 FILE CHANGED")
    assert os.path.exists(out), "CHANGE NOHOLD did not print it"
    text = open(out).read()
    first = open(os.path.join(ROOT, "samples", "bare", "cardio.txt")).readline().rstrip()
    assert text.count(first) == 2, "not two copies: %r" % text[:300]
    a.cmd("Q PRT", "NO PRT FILES")
    a.cmd("SPOOL PRT COPY 1 NOHOLD", "")
    a.send("LOGOFF")
    a.expect("LOGOFF AT")


def t_saved_system(sysm):
    """SAVESYS (class E) saves a machine stopped by ADSTOP; two users IPL
    it by name, share its pages (INDICATE USER), and each runs on alone."""
    send(sysm.data, "OPERATOR", ECHO)
    sysm.expect_operator("RDR FILE")
    sysm.operator("ADSTOP 200")
    sysm.operator("IPL 00C")
    sysm.expect_operator("ADSTOP AT 000200", 20)
    sysm.operator("SAVESYS ECHOSYS")
    sysm.expect_operator("SYSTEM SAVED")
    # One page of the program's table, as a named segment (DIAGNOSE X'64').
    sysm.operator("SAVESYS ECHOSEG 1000-1FFF")
    sysm.expect_operator("SYSTEM SAVED[\\s\\S]*SYSTEM SAVED")
    sysm.operator("SYSTEM RESET")
    sysm.expect_operator("SYSTEM RESET")
    a = sysm.logon("ALICE", "ALICEPW")
    b = sysm.logon("BOB", "BOBPW")
    a.cmd("SAVESYS MINE", r"\?CP: SAVESYS")  # class G may not
    a.send("IPL ECHOSYS")
    a.expect("ECHO READY", 20)
    b.send("IPL ECHOSYS")
    b.expect("ECHO READY", 20)
    a.cmd("from alice", "ECHO: from alice")
    b.cmd("from bob", "ECHO: from bob")
    a.cmd("again", "ECHO: again")
    t = b.cmd("#CP INDICATE USER", r"FRAMES PRIVATE=(\d+) SHARED=(\d+)")
    m = re.search(r"PRIVATE=(\d+) SHARED=(\d+)", t)
    assert int(m.group(2)) >= 1, t  # pages of the saved system it never wrote
    a.cmd("#CP IPL NOSUCH", r"DMKCFG040E SYSTEM NOSUCH DOES NOT EXIST")
    # A named segment by DIAGNOSE X'64': FINDSYS, LOADSYS, FINDSYS, PURGESYS.
    a.cmd("#CP SYSTEM RESET", "SYSTEM RESET")
    send(sysm.data, "ALICE", DIAG64)
    a.expect("RDR FILE")
    a.send("IPL 00C")
    a.expect("DISABLED WAIT PSW '00020000 0000C0DE'", 20)
    regs = {}
    for m in re.finditer(r"GPR +(\d+) = ((?:[0-9A-F]{8} ?)+)", a.cmd("D G", r"GPR 12 = [^\n]*\n")):
        for k, v in enumerate(m.group(2).split()):
            regs[int(m.group(1)) + k] = int(v, 16)
    cc = lambda r: (regs[r] >> 28) & 3
    assert (cc(4), regs[5]) == (1, 0x1000), regs      # exists, not loaded; it would go at X'1000'
    assert (cc(6), regs[7]) == (1, 0x1000), regs      # loaded there, inside the machine's storage
    assert regs[15] == 0x1FFF, regs                    # the end of the storage it took
    assert (cc(8), regs[9]) == (0, 0x1FFF), regs      # loaded: first and last byte
    assert regs[10] == 0x5C5C5C5C, regs                # the table's bytes
    assert cc(11) == 0 and (cc(13), regs[14]) == (2, 44), regs
    # A segment saved from a bigger machine, above ALICE's 1M: LOADSYS
    # extends what she can address (cc 0); her size stays 1M.
    sysm.operator("DEFINE STORAGE 2M")
    sysm.expect_operator("STORAGE = 02048K")
    sysm.operator("STORE L180000 C8C9C7C8")
    sysm.expect_operator("STORE COMPLETE")
    sysm.operator("SAVESYS HIGHSEG 180000-180FFF")
    sysm.expect_operator("SYSTEM SAVED[\\s\\S]*SYSTEM SAVED[\\s\\S]*SYSTEM SAVED")
    sysm.operator("DEFINE STORAGE 1M")
    sysm.expect_operator("STORAGE = 01024K")
    a.cmd("SYSTEM RESET", "SYSTEM RESET")
    send(sysm.data, "ALICE", DIAG64HI)
    a.expect("RDR FILE")
    a.send("IPL 00C")
    a.expect("DISABLED WAIT PSW '00020000 0000C0DE'", 20)
    regs = {}
    for m in re.finditer(r"GPR +(\d+) = ((?:[0-9A-F]{8} ?)+)", a.cmd("D G", r"GPR 12 = [^\n]*\n")):
        for k, v in enumerate(m.group(2).split()):
            regs[int(m.group(1)) + k] = int(v, 16)
    assert (cc(4), regs[5]) == (0, 0x180000), regs    # loaded above her storage
    assert regs[6] == 0xC8C9C7C8, regs                 # its bytes
    assert regs[7] == 0x100000 and cc(8) == 0, regs    # DIAGNOSE X'60': still 1M; purged
    a.cmd("Q V STOR", "STORAGE = 01024K")
    a.send("#CP LOGOFF")
    b.send("#CP LOGOFF")
    a.expect("LOGOFF AT")
    b.expect("LOGOFF AT")


def t_dedicated(sysm):
    """Real devices of the system (DIR/devices.json): ATTACH (class B) to a
    user's machine, one user at a time, DETACH, a directory DEDICATE at
    logon, released at LOGOFF."""
    a = sysm.logon("ALICE", "ALICEPW")
    b = sysm.logon("BOB", "BOBPW")
    sysm.operator("ATTACH 180 TO ALICE AS 00F")
    sysm.expect_operator("DEV 180 ATTACHED TO ALICE 00F")
    a.expect("DEV 00F ATTACHED")
    a.cmd("Q V 00F", r"DEV  00F ON DEV 180 1403 DEDICATED")
    sysm.operator("ATTACH 180 TO BOB AS 00F")
    sysm.expect_operator("DMKATT121E DEV 180 ATTACHED TO ALICE")
    sysm.operator("ATTACH 999 TO BOB")
    sysm.expect_operator("DMKATT040E DEV 999 DOES NOT EXIST")
    b.cmd("ATTACH 180 TO BOB", r"\?CP: ATTACH")  # class G may not
    a.cmd("DETACH 00F", "DEV 00F DETACHED")
    sysm.operator("ATTACH 180 TO BOB AS 00E")
    sysm.expect_operator("DMKATT023E DEV 00E ALREADY DEFINED")
    sysm.operator("ATTACH 180 TO BOB AS 00F")
    sysm.expect_operator("DEV 180 ATTACHED TO BOB 00F")
    sysm.operator("DETACH 180 FROM BOB")
    sysm.expect_operator("DEV 180 DETACHED BOB")
    b.expect("DEV 00F DETACHED")
    c = sysm.logon("ERIN", "ERINPW")
    c.cmd("Q V 182", r"DEV  182 ON DEV 182 2540P DEDICATED")
    sysm.operator("ATTACH 182 TO ALICE")
    sysm.expect_operator("DMKATT121E DEV 182 ATTACHED TO ERIN")
    c.send("LOGOFF")
    c.expect("LOGOFF AT")
    sysm.operator("ATTACH 182 TO ALICE")
    sysm.expect_operator("DEV 182 ATTACHED TO ALICE 182")
    a.send("LOGOFF")
    b.send("LOGOFF")
    a.expect("LOGOFF AT")
    b.expect("LOGOFF AT")


def t_shutdown_and_restart(sysm):
    """SHUTDOWN by the operator ends vm370 with exit 0; the spool files and
    the hashed passwords are there at the next start."""
    a = sysm.logon("ALICE", "ALICEPW")
    send(sysm.data, "ALICE", ECHO, "--name", "KEEP ME")
    a.expect("RDR FILE")
    sysm.operator("SHUTDOWN")
    a.expect("SYSTEM SHUTDOWN")
    rc = sysm.p.wait(timeout=30)
    assert rc == 0, rc
    text = open(sysm.directory).read()
    assert "ALICEPW" not in text and "$argon2id$" in text, "plain passwords left in the directory"
    sysm.start()
    a = sysm.logon("ALICE", "ALICEPW")
    a.cmd("Q RDR ALL", r"KEEP +ME")
    a.cmd("PURGE RDR ALL", "PURGED")
    a.send("LOGOFF")
    a.expect("LOGOFF AT")


def t_kill9(sysm):
    """kill -9 right after CP said a spool file is closed and after a guest
    saw its minidisk writes complete: the next start has both."""
    a = sysm.logon("ALICE", "ALICEPW")
    a.cmd("PURGE RDR ALL", "PURGED")
    send(sysm.data, "ALICE", CARDIO)
    a.expect("RDR FILE")
    a.cmd("SPOOL PUN TO BOB", "")
    a.send("IPL 00C")
    a.expect("DISABLED WAIT", 20)
    t = a.cmd("CLOSE PUN", r"PUN FILE (\d{4}) TO BOB")
    fid = re.search(r"PUN FILE (\d{4})", t).group(1)
    vol = os.path.join(sysm.data, "volumes", "USR001.3350")
    before = open(vol, "rb").read()
    send(sysm.data, "ALICE", DASDIO)
    a.expect("RDR FILE")
    a.send("IPL 00C")
    a.expect(r"DISABLED WAIT PSW '00020000 0000C0DE'", 30)
    sysm.kill()
    after = open(vol, "rb").read()
    assert before != after, "the guest's minidisk writes are not in the volume image"
    sysm.start()
    b = sysm.logon("BOB", "BOBPW")
    b.cmd("Q RDR ALL", r"ALICE    %s A PUN" % fid)
    b.send("LOGOFF")
    b.expect("LOGOFF AT")


def t_first_start(_):
    """A first start in an empty folder makes a working system: a default
    directory with random passwords in a file only its owner can read."""
    data = os.path.join(WORK, "fresh")
    s = vmclient.System(VM370, None, data=data)
    try:
        pwfile = os.path.join(data, "initial-passwords.txt")
        assert oct(os.stat(pwfile).st_mode & 0o777) == "0o600", oct(os.stat(pwfile).st_mode)
        pws = dict(l.split() for l in open(pwfile).read().splitlines() if l.strip())
        assert "OPERATOR" in pws and "MAINT" in pws, pws
        user = [u for u in pws if u not in ("OPERATOR", "MAINT")][0]
        c = s.logon(user, pws[user])
        c.cmd("Q V ALL", "CONS 009")
        c.send("LOGOFF")
        c.expect("LOGOFF AT")
    finally:
        assert s.stop() == 0


def main():
    only = sys.argv[2:]
    tests = [t_logon_refusals, t_lockout, t_queries, t_messages, t_ipl_from_reader, t_spool_exchange,
             t_diagnose_08, t_diagnose_08_held, t_running_machine, t_storage_commands, t_links, t_operator, t_directory_changes, t_spool_hold_copy, t_saved_system,
             t_dedicated, t_shutdown_and_restart, t_kill9,
             t_first_start]
    sysm = vmclient.System(VM370, USERS, files={"devices.json": json.dumps({"devices": [
        {"address": "180", "type": "1403", "file": "real180.txt"},
        {"address": "182", "type": "2540P", "file": "real182.pun"}]})})
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
                # The next test starts with nobody logged on.
                if sysm.p.poll() is None:
                    for u in ("ALICE", "BOB", "CAROL"):
                        sysm.operator("FORCE " + u)
                    time.sleep(0.5)
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
