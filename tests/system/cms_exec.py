"""CMS end to end: EXEC procedures (R6's EXEC 1 language, docs/CMS.md
"EXEC"). The EXEC files are put on the user's 191 from the host with
cmsdisk while the user is logged off, then run as a user would type
them: by the EXEC command, by their names (implied EXEC), PROFILE EXEC
at the first command after IPL."""
import os, re, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cmsclient  # noqa: E402

BIN = sys.argv[1]
CMSDISK = os.path.join(BIN, "cmsdisk")

EXECS = {
    # Arguments, &INDEX, &0, &EXEC, % for a blank one.
    "ARGS": """\
&CONTROL OFF
&TYPE ARGS &INDEX &1 &2 &3 NAME &0 &EXEC
&ARGS X % Z
&TYPE AGAIN &INDEX &1 &2 &3
""",
    # Assignment and arithmetic, built-in functions, &A&I as arrays.
    "ARITH": """\
&CONTROL OFF
&A = 7
&B = &A + 10 - 3
&C = &B * 3 / 2 - 1
&D = -5 + &A
&TYPE ARITH &A &B &C &D
&I = 2
&V2 = SECOND
&TYPE ARRAY &V&I
&W&I = WSET
&TYPE LEFT &W2
&E = &CONCAT AB CD &A
&F = &LENGTH HELLO
&G = &SUBSTR ABCDEFGH 3 4
&H = &DATATYPE 123
&J = &DATATYPE A12
&K = &LITERAL &A
&TYPE FUNCS &E &F &G &H &J &K
""",
    # &IF in both forms, &GOTO, &SKIP, &LOOP by count, label and
    # condition, nested loops, and a loop that counts to 100.
    "FLOW": """\
&CONTROL OFF
&IF 5 EQ 05 &TYPE IF1
&IF ABC < ABD &TYPE IF2
&IF 10 GE 9 &IF X NE Y &TYPE IF3
&IF .&1 = . &TYPE NOARGS
&IF &UNDEF EQ 1 &TYPE NEVER
&N = 0
-AGAIN &N = &N + 1
&IF &N LT 100 &GOTO -AGAIN
&TYPE GOTO &N
&SKIP 1
&TYPE SKIPPED
&T = 0
&LOOP 2 3
&T = &T + 1
&T = &T + 10
&TYPE COUNT &T
&K = 0
&LOOP -DONE &K GE 100
&K = &K + 1
-DONE
&TYPE UNTIL &K
&P = 0
&LOOP 3 4
&LOOP 1 5
&P = &P + 1
&P = &P + 100
&TYPE NESTED &P
&IF &1 EQ AGAIN &EXIT 5
&ARGS AGAIN
&GOTO TOP
""",
    # The console stack: &STACK, &BEGSTACK, &READ, a nested EXEC that
    # reads what this one stacked, &READFLAG.
    "STACKS": """\
&CONTROL OFF
&STACK FIRST LINE
&STACK LIFO ZERO
&STACK FIFO LAST ONE
&TYPE FLAG &READFLAG
&READ VARS &A &B
&READ ARGS
&READ VARS &C
&TYPE READ &A &B ARGS &INDEX &1 &2 &C
&STACK FROM CALLER
EXEC READER
&TYPE BACK &RETCODE FLAG &READFLAG
&BEGSTACK
&TYPE STACKED LINE RUN BY READ
&END
&READ 1
&STACK CP QUERY TIME
""",
    "READER": """\
&CONTROL OFF
&READ VARS &X &Y
&TYPE READER GOT &X &Y LEVEL &GLOBAL
&EXIT 3
""",
    # &RETCODE, &ERROR, &CONTROL's summary, +++ R(nnnnn) +++.
    "ERRORS": """\
&CONTROL OFF
STATE NOSUCH FILE A
&TYPE RC &RETCODE
&ERROR &TYPE ERROR ACTION &RETCODE
STATE NOSUCH FILE A
&ERROR &GOTO -FAILED
STATE NOSUCH FILE A
&TYPE NOT HERE
-FAILED &TYPE AT FAILED
&ERROR &CONTINUE
&CONTROL CMS
QUERY IMPCP
NOSUCH ONE
&CONTROL ERROR
QUERY IMPCP
NOSUCH TWO
&CONTROL ALL
&X = 5
&TYPE X &X
&CONTROL OFF
NOSUCH THREE
&TYPE OFF &RETCODE
""",
    # &BEGTYPE ... &END, &EMSG, &SPACE, &EXIT with a return code.
    "BLOCKS": """\
&CONTROL OFF
&BEGTYPE
THIS LINE IS TYPED AS WRITTEN, WITH WORDS LONGER THAN EIGHT LETTERS
  AND ITS BLANKS
&END
&EMSG TST001E A MESSAGE
&STACK HT
&TYPE HIDDEN &TYPEFLAG
&STACK RT
&TYPE SHOWN &TYPEFLAG
&PUNCH CARD ONE
&BEGPUNCH
CARD TWO, AS WRITTEN
&END
CP CLOSE 00D
&TYPE &1
&EXIT &1
""",
    # The disks: A (191, read/write) and S (190, read-only).
    "DISKS": """\
&CONTROL OFF
&TYPE DISKS &DISKA &DISKS &DISKZ &DISK* &DISK?
""",
    # &READ from the terminal (in upper case).
    "ASK": """\
&CONTROL OFF
&TYPE WHAT?
&READ VARS &A &B
&TYPE GOT &A &B &READFLAG
""",
    # Nesting: EXEC calls EXEC, &GLOBAL and &GLOBALn.
    "OUTER": """\
&CONTROL OFF
&GLOBAL1 = 10
&TYPE OUTER LEVEL &GLOBAL
EXEC INNER 5
&TYPE OUTER GOT &RETCODE GLOBAL1 &GLOBAL1
""",
    "INNER": """\
&CONTROL OFF
&GLOBAL1 = &GLOBAL1 + &1
&TYPE INNER LEVEL &GLOBAL ARG &1
&EXIT 4
""",
    # A recursion with no end: R6's 19 levels, then an error.
    "DEEP": """\
&CONTROL OFF
EXEC DEEP
&EXIT &RETCODE
""",
    # Malformed EXECs: R6's messages and return codes, no abend.
    "BADCOND": """\
&CONTROL OFF
&TYPE BEFORE
&IF A ZZ B &TYPE X
&TYPE AFTER
""",
    "BADARITH": """\
&X = 99999999 + 1
""",
    "BADGOTO": """\
&TYPE ONE
&GOTO -NOWHERE
""",
}


def big_exec():
    """An EXEC of 5,000 lines: a jump to a label near its end, then back
    near the top, then 4,990 assignments."""
    lines = ["&CONTROL OFF", "&X = 0", "&GOTO -NEAREND", "-BACK &X = &X + 1"]
    lines += ["&X = &X + 1"] * (5000 - 8)
    lines += ["&TYPE X IS &X LINES &LINENUM", "&EXIT 0", "-NEAREND &GOTO -BACK", "&TYPE NEVER"]
    assert len(lines) == 5000
    return "\n".join(lines) + "\n"


def host_write(sysm, disk, text, fn, ft, recfm="F"):
    """Writes a host text file onto the user's 191 (logged off)."""
    vol, first, cyls = disk
    with tempfile.NamedTemporaryFile("w", delete=False, suffix=".txt") as f:
        f.write(text)
        path = f.name
    try:
        img = "%s:%d:%d" % (os.path.join(sysm.data, "volumes", vol + ".3350"), first, cyls)
        subprocess.run([CMSDISK, img, "write", path, fn, ft, "A1", "--recfm", recfm], check=True,
                       capture_output=True)
    finally:
        os.unlink(path)


def setup(users, execs):
    users = cmsclient.place(users)
    disk = [(d["volume"], d["cylinder"], d["cylinders"]) for d in users[0]["devices"]
            if d.get("address") == "191"][0]
    s = cmsclient.system(BIN, users)
    img = "%s:%d:%d" % (os.path.join(s.data, "volumes", disk[0] + ".3350"), disk[1], disk[2])
    subprocess.run([CMSDISK, img, "format", users[0]["userid"]], check=True, capture_output=True)
    for i, (name, text) in enumerate(sorted(execs.items())):
        host_write(s, disk, text, name, "EXEC", "V" if i % 2 else "F")
    return s, disk


def t_language(_):
    s, disk = setup([cmsclient.user("ALICE")], EXECS)
    try:
        c = cmsclient.Cms(s, "ALICE")
        out, rc = c.cmd("EXEC ARGS A B C")
        assert out == ["ARGS 3 A B C NAME ARGS ARGS", "AGAIN 3 X Z"] and rc == 0, (out, rc)
        # Implied EXEC: the name alone.
        out = c.ok("ARITH")
        assert out == ["ARITH 7 14 20 2", "ARRAY SECOND", "LEFT WSET",
                       "FUNCS ABCD7 5 CDEF NUM CHAR &A"], out
        # FLOW runs twice (&GOTO TOP after &ARGS AGAIN), then &EXIT 5.
        out, rc = c.cmd("FLOW")
        once = ["IF1", "IF2", "IF3", "GOTO 100", "COUNT 33", "UNTIL 100", "NESTED 420"]
        assert out == once[:3] + ["NOARGS"] + once[3:] + once and rc == 5, (out, rc)
        out = c.ok("STACKS")
        assert out == ["FLAG STACK", "READ ZERO ARGS 2 FIRST LINE LAST", "READER GOT FROM CALLER LEVEL 2",
                       "BACK 3 FLAG CONSOLE", "STACKED LINE RUN BY READ"], out
        # What STACKS stacked last, command level reads as a command.
        text = c.expect(cmsclient.READY)
        assert re.search(r"TIME IS", text), text
        out, rc = c.cmd("ERRORS")
        assert "NOT FOUND" in out[0] and out[1] == "RC 28", out
        assert "NOT FOUND" in out[2] and out[3] == "ERROR ACTION 28", out
        assert "NOT FOUND" in out[4] and out[5] == "AT FAILED", out
        i = out.index("AT FAILED")
        assert out[i + 1:] == ["QUERY IMPCP", "IMPCP = ON", "NOSUCH ONE", "+++ R(-0003) +++",
                               "IMPCP = ON", "NOSUCH TWO", "+++ R(-0003) +++",
                               "&X = 5", "&TYPE X 5", "X 5", "&CONTROL OFF", "OFF -3"], out
        assert rc == 0, rc
        out, rc = c.cmd("BLOCKS 12")
        assert out[:4] == ["THIS LINE IS TYPED AS WRITTEN, WITH WORDS LONGER THAN EIGHT LETTERS",
                           "  AND ITS BLANKS", "DMSTST001E A MESSAGE", "SHOWN RT"], out
        assert out[4].startswith("PUN FILE") and out[5:] == ["12"] and rc == 12, (out, rc)
        c.send("ASK")
        c.expect(r"WHAT\?")
        out = c.ok("hello there")
        assert out == ["GOT HELLO THERE CONSOLE"], out
        # SET IMPEX OFF: the name alone is no longer an EXEC's.
        c.ok("SET IMPEX OFF")
        out, rc = c.cmd("ASK")
        assert out == ["UNKNOWN CP/CMS COMMAND"] and rc == -1, (out, rc)
        c.ok("SET IMPEX ON")
        out = c.ok("DISKS")
        assert out == ["DISKS CMS CMS NA A A"], out
        out, rc = c.cmd("EXEC OUTER")
        assert out == ["OUTER LEVEL 1", "INNER LEVEL 2 ARG 5", "OUTER GOT 4 GLOBAL1 15"] and rc == 0, out
        # Errors: R6's message and return code; CMS goes on.
        out, rc = c.cmd("BADCOND")
        assert out == ["BEFORE", "DMSEXT072E ERROR IN EXEC FILE BADCOND, LINE 3 - INVALID FORM OF CONDITION"] \
            and rc == 808, (out, rc)
        out, rc = c.cmd("BADARITH")
        assert out == ["DMSEXT072E ERROR IN EXEC FILE BADARITH, LINE 1 - EXEC ARITHMETIC OVERFLOW"] \
            and rc == 818, (out, rc)
        out, rc = c.cmd("BADGOTO")
        assert out == ["ONE", "DMSEXT072E ERROR IN EXEC FILE BADGOTO, LINE 2 - &SKIP OR &GOTO ERROR"] \
            and rc == 802, (out, rc)
        out, rc = c.cmd("EXEC NOSUCH")
        assert out == ["DMSEXT072E ERROR IN EXEC FILE NOSUCH, LINE 0 - FILE NOT FOUND"] and rc == 801, out
        out, rc = c.cmd("DEEP")
        assert out == ["DMSEXT072E ERROR IN EXEC FILE DEEP, LINE 0 - TOO MANY NESTED EXECS"] \
            and rc == 821, (out, rc)
        # Still well: an EXEC runs, and an unknown name is still unknown.
        out, rc = c.cmd("EXEC ARGS")
        assert out == ["ARGS 0 NAME ARGS ARGS", "AGAIN 3 X Z"], out
        out, rc = c.cmd("NOSUCHNAME")
        assert out == ["UNKNOWN CP/CMS COMMAND"] and rc == -1, (out, rc)
        c.logoff()
    finally:
        s.stop()


def t_profile_and_big(_):
    execs = {"PROFILE": "&CONTROL OFF\n&TYPE PROFILE RAN\n", "BIG": big_exec(),
             "FOREVER": "&CONTROL OFF\n-L &CONTINUE\n&GOTO -L\n"}
    s, disk = setup([cmsclient.user("ALICE")], execs)
    try:
        c = cmsclient.Cms(s, "ALICE")
        out = c.ok("QUERY IMPEX")
        assert out == ["PROFILE RAN", "IMPEX = ON"], out
        out = c.ok("QUERY IMPEX")
        assert out == ["IMPEX = ON"], out
        # ACCESS (NOPROF as the first command: no PROFILE EXEC.
        c.send("#CP IPL CMS")
        c.expect(r"CMS VERSION 6\.0", 30)
        out = c.ok("ACCESS (NOPROF")
        assert "PROFILE RAN" not in out, out
        out = c.ok("QUERY IMPEX")
        assert out == ["IMPEX = ON"], out
        # An EXEC of 5,000 lines.
        t0 = time.time()
        out = c.ok("BIG", 120)
        assert out == ["X IS 4993 LINES 4997"], out
        print("5,000-line EXEC: %.2fs" % (time.time() - t0))
        # A loop forever: an attention and the immediate command HX end
        # it; or CP's EXTERNAL stops it (DEBUG) and HX ends it.
        c.send("FOREVER")
        time.sleep(1)
        c.c.send_raw(b"\xff\xf3")  # telnet BREAK: the attention key
        time.sleep(0.5)
        c.send("HX")
        c.expect(cmsclient.READY, 20)
        c.send("FOREVER")
        time.sleep(1)
        c.send("#CP EXTERNAL")
        c.expect(r"DMSDBG728I DEBUG ENTERED", 20)
        c.send("HX")
        c.expect(cmsclient.READY, 20)
        out = c.ok("EXEC PROFILE")
        assert out == ["PROFILE RAN"], out
        c.logoff()
    finally:
        s.stop()

def t_hi(_):
    execs = {"FOREVER": "&CONTROL OFF\n-L &CONTINUE\n&GOTO -L\n",
             "OUTER": "&CONTROL OFF\nEXEC FOREVER\n&TYPE OUTER GOES ON\n",
             "AFTER": "&CONTROL OFF\n&TYPE AFTER RAN\n"}
    s, disk = setup([cmsclient.user("ALICE")], execs)
    try:
        c = cmsclient.Cms(s, "ALICE")
        # HI ends every EXEC running, each before its next statement
        # (the outer one types nothing more), with return code 0; the
        # next EXEC runs whole.
        c.send("OUTER")
        time.sleep(1)
        c.c.send_raw(b"\xff\xf3")
        time.sleep(0.5)
        c.send("HI")
        text = c.expect(cmsclient.READY, 20)
        assert "OUTER GOES ON" not in text and "R;" in text, text
        out = c.ok("AFTER")
        assert out == ["AFTER RAN"], out
        c.logoff()
    finally:
        s.stop()


if __name__ == "__main__":
    sys.exit(cmsclient.run([t_language, t_profile_and_big, t_hi], None))
