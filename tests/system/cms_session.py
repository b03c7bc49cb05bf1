"""CMS end to end, one user's session as the issue tells it: log on, IPL
CMS, FORMAT a new minidisk, create files with EDIT (driven through the
console), list, type, copy, rename and erase them, run an EXEC that loops,
reads from the stack and tests return codes, PUNCH a file to another user
who READCARDs it, DISK DUMP/LOAD a binary file, write, ASSEMBLE, LOAD and
run a program that reads and writes files through the macros, GENMOD it
and run the MODULE, LOGOFF; the files are there at the next logon and
after a kill -9 of vm370."""
import os, re, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cmsclient  # noqa: E402

BIN = sys.argv[1] if len(sys.argv) > 1 else "build/bin"

# Reads NOTES TEXT and writes its lines, upper-cased, to UPPER TEXT.
UPPERPGM = [
    "         REGEQU",
    "UPPERPGM CSECT",
    "         STM   R14,R12,12(R13)",
    "         LR    R12,R15",
    "         USING UPPERPGM,R12",
    "LOOP     FSREAD 'NOTES TEXT A',BUFFER=REC,BSIZE=80,ERROR=EOF",
    "         OC    REC,=80C' '",
    "         FSWRITE 'UPPER TEXT A1',BUFFER=REC,BSIZE=80,RECFM=F",
    "         B     LOOP",
    "EOF      FSCLOSE 'UPPER TEXT A1'",
    "         WRTERM 'UPPERPGM DONE'",
    "         SR    R15,R15",
    "         L     R14,12(,R13)",
    "         LM    R0,R12,20(R13)",
    "         BR    R14",
    "REC      DS    CL80",
    "         LTORG",
    "         END   UPPERPGM",
]


def edit_new(c, fileid, lines, mixed=False):
    """EDIT a new file: its lines in input mode (CASE M: as typed, else
    upper case as R6's EDIT made most filetypes), then FILE."""
    c.send("EDIT " + fileid)
    c.expect(r"NEW FILE:")
    c.expect(r"(?m)^EDIT:$")
    if mixed:
        c.send("CASE M")
    c.send("INPUT")
    c.expect(r"(?m)^INPUT:$")
    for l in lines:
        c.send(l)
    c.send("")
    c.expect(r"(?m)^EDIT:$")
    c.send("FILE")
    c.expect(cmsclient.READY)


def format_a(c, addr, mode, label):
    c.send("FORMAT %s %s" % (addr, mode))
    c.expect(r"DMSFOR603R FORMAT WILL ERASE ALL FILES ON DISK")
    c.send("YES")
    c.expect("DMSFOR605R ENTER DISK LABEL:")
    out, rc = c.cmd(label, 120)
    assert rc == 0, out


def t_session(_):
    alice = cmsclient.user("ALICE", disks=(("191", 10), ("192", 5)))
    bob = cmsclient.user("BOB")
    s = cmsclient.system(BIN, [alice, bob])
    try:
        b = cmsclient.Cms(s, "BOB")
        format_a(b, "191", "A", "BOB191")
        a = cmsclient.Cms(s, "ALICE")
        format_a(a, "191", "A", "ALI191")
        # A new minidisk: FORMAT 192 as B.
        format_a(a, "192", "B", "ALI192")
        out = a.ok("QUERY DISK B")
        assert any("192" in l for l in out), out
        # Files made with EDIT.
        edit_new(a, "NOTES TEXT A", ["first line of notes", "second line", "third line"], mixed=True)
        edit_new(a, "LOOPER EXEC A", cmsclient.LOOPEXEC)
        edit_new(a, "UPPERPGM ASSEMBLE A", UPPERPGM)
        out = a.ok("LISTFILE * * A")
        assert set(out) >= {"NOTES    TEXT     A1", "LOOPER   EXEC     A1", "UPPERPGM ASSEMBLE A1"}, out
        out = a.ok("TYPE NOTES TEXT A")
        assert out == ["first line of notes", "second line", "third line"], out
        # Copy, rename, erase.
        a.ok("COPYFILE NOTES TEXT A = COPY B")
        out = a.ok("TYPE NOTES COPY B")
        assert out[0] == "first line of notes", out
        a.ok("RENAME NOTES COPY B NOTES SAVED B")
        out, rc = a.cmd("STATE NOTES COPY B")
        assert rc == 28, (out, rc)
        a.ok("ERASE NOTES SAVED B")
        out, rc = a.cmd("LISTFILE * * B")
        assert rc == 28, (out, rc)
        # The EXEC: a loop, the stack, return codes; its &EXIT code.
        out, rc = a.cmd("LOOPER")
        assert out[:3] == ["READ: LINE 1", "READ: LINE 2", "READ: LINE 3"], out
        assert "STATE SAID 28" in out and "NOTES TEXT IS THERE" in out, out
        assert rc == 3, (out, rc)
        # A program through the macros, assembled, loaded and run.
        out = a.ok("ASSEMBLE UPPERPGM")
        a.ok("LOAD UPPERPGM")
        out = a.ok("START")
        assert "UPPERPGM DONE" in out, out
        out = a.ok("TYPE UPPER TEXT A")
        assert out == ["FIRST LINE OF NOTES", "SECOND LINE", "THIRD LINE"], out
        a.ok("GENMOD UPPERPGM")
        a.ok("ERASE UPPER TEXT A")
        out = a.ok("UPPERPGM")
        assert out == ["UPPERPGM DONE"], out
        a.ok("STATE UPPER TEXT A")
        # PUNCH to Bob, who READCARDs it.
        a.ok("CP SPOOL PUNCH TO BOB")
        a.ok("PUNCH NOTES TEXT A")
        time.sleep(0.5)
        out = b.ok("READCARD *")
        out = b.ok("TYPE NOTES TEXT A")
        assert out == ["first line of notes", "second line", "third line"], out
        # DISK DUMP/LOAD of a binary file (the MODULE) to Bob, exactly.
        a.ok("DISK DUMP UPPERPGM MODULE A")
        time.sleep(0.5)
        b.ok("DISK LOAD")
        img_a = os.path.join(s.data, "volumes", "USR001.3350")
        cyl = {u["userid"]: [d for d in u["devices"] if d.get("address") == "191"][0] for u in (alice, bob)}

        def host_read(user, fn, ft):
            d = cyl[user]
            return subprocess.run([os.path.join(BIN, "cmsdisk"), "%s:%d:%d" % (img_a, d["cylinder"], d["cylinders"]),
                                   "read", fn, ft, "A", "--binary"], check=True, capture_output=True).stdout

        assert host_read("ALICE", "UPPERPGM", "MODULE") == host_read("BOB", "UPPERPGM", "MODULE")
        out = b.ok("UPPERPGM")  # Bob runs the module he was sent
        assert out == ["UPPERPGM DONE"], out
        # LOGOFF and back: the files are there.
        a.logoff()
        a = cmsclient.Cms(s, "ALICE")
        out = a.ok("LISTFILE * * A")
        assert set(out) >= {"NOTES    TEXT     A1", "UPPERPGM MODULE   A1", "UPPER    TEXT     A1"}, out
        # A file written, the ready message seen, vm370 killed at once.
        edit_new(a, "LAST WORDS A", ["written just before the crash"], mixed=True)
        s.kill()
        s.start()
        a = cmsclient.Cms(s, "ALICE")
        out = a.ok("TYPE LAST WORDS A")
        assert out == ["written just before the crash"], out
        out = a.ok("TYPE NOTES TEXT A")
        assert len(out) == 3, out
        a.logoff()
    finally:
        s.stop()


if __name__ == "__main__":
    sys.exit(cmsclient.run([t_session], None))
