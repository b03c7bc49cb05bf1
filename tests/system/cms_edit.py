"""CMS's EDIT end to end (docs/CMS.md, "EDIT"): R6's context editor
typed over a line-mode socket (input and edit modes, the subcommands,
FILE and SAVE checked with TYPE and the host's cmsdisk), a big file
written from the host and searched to its end, storage and record
limits, and the display mode on a 3270 (s3270), when s3270 is there."""
import os, re, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cmsclient  # noqa: E402
from s3270client import S3270, have_s3270  # noqa: E402

BIN = sys.argv[1]
CMSDISK = os.path.join(BIN, "cmsdisk")


def disk_of(users, userid):
    u = [u for u in users if u["userid"] == userid][0]
    return [(d["volume"], d["cylinder"], d["cylinders"]) for d in u["devices"] if d.get("address") == "191"][0]


def image(sysm, disk):
    vol, first, cyls = disk
    return "%s:%d:%d" % (os.path.join(sysm.data, "volumes", vol + ".3350"), first, cyls)


def format_191(sysm, disk, label):
    subprocess.run([CMSDISK, image(sysm, disk), "format", label], check=True, capture_output=True)


def host_write(sysm, disk, lines, fn, ft, recfm="F"):
    with tempfile.NamedTemporaryFile("w", delete=False, suffix=".txt") as f:
        f.write("".join(l + "\n" for l in lines))
        path = f.name
    try:
        subprocess.run([CMSDISK, image(sysm, disk), "write", path, fn, ft, "A1", "--recfm", recfm],
                       check=True, capture_output=True)
    finally:
        os.unlink(path)


def host_write_ebcdic(sysm, disk, lines, fn, ft):
    """An F 80 file of the lines in EBCDIC as they are (cmsdisk's text
    mode would expand a tab): a tab is X'05', a backspace X'16'."""
    data = b"".join(l.encode("cp037").ljust(80, b"\x40") for l in lines)
    with tempfile.NamedTemporaryFile(delete=False) as f:
        f.write(data)
        path = f.name
    try:
        subprocess.run([CMSDISK, image(sysm, disk), "write", path, fn, ft, "A1", "--recfm", "F",
                        "--lrecl", "80", "--binary"], check=True, capture_output=True)
    finally:
        os.unlink(path)


def host_list(sysm, disk, fn, ft):
    """cmsdisk's list line split: fn ft fm recfm lrecl records blocks ..."""
    r = subprocess.run([CMSDISK, image(sysm, disk), "list", fn, ft], capture_output=True, text=True)
    return r.stdout.split() if r.returncode == 0 else None


def host_read(sysm, disk, fn, ft):
    r = subprocess.run([CMSDISK, image(sysm, disk), "read", fn, ft], check=True, capture_output=True,
                       text=True)
    return r.stdout.split("\n")[:-1]


class Editor:
    """EDIT in line mode on a Cms session. Each subcommand is followed by
    `?`, which types the last subcommand: that line ends its output."""

    def __init__(self, cms, upper=True):
        self.c = cms
        self.upper = upper

    def start(self, line, first=r"EDIT:"):
        self.c.send(line)
        return self.lines(self.c.expect(r"(?m)^(%s)$" % first, 30))

    def sub(self, line, echo=None, timeout=30):
        """Types a subcommand; returns the lines it answered."""
        if echo is None:
            echo = line.upper() if self.upper else line
        self.c.send(line)
        self.c.send("?")
        text = self.c.expect(r"(?m)^%s$" % re.escape(echo), timeout)
        return self.lines(text)[:-1]

    def input(self, lines):
        """Input mode from edit mode (a null line), the lines, a null line."""
        self.c.send("")
        self.c.expect(r"(?m)^INPUT:$")
        for l in lines:
            self.c.send(l)
        self.c.send("")
        out = self.lines(self.c.expect(r"(?m)^EDIT:$"))
        return out[:-1]

    def end(self, line):
        """FILE or QUIT: (the lines before the ready message, its code)."""
        self.c.send(line)
        text = self.c.expect(cmsclient.READY, 60)
        m = list(cmsclient.READY.finditer(text))[-1]
        rc = int(m.group(2)) if m.group(2) else 0
        return self.lines(text[:m.start()]), rc

    @staticmethod
    def lines(text):
        return [l for l in text.split("\n") if l.strip() != ""]


def t_line_mode(_):
    """A file made in input mode and FILEd; edited again: the pointer
    (TOP, BOTTOM, NEXT, UP, LOCATE, /string/, FIND, =, ?), CHANGE with a
    count, G and the zone, DELETE, INPUT, INSERT, REPLACE, SAVE under
    another name, QUIT; CASE M, SERIAL, TABSET and the filetypes'
    defaults; the errors."""
    users = cmsclient.place([cmsclient.user("ALICE")])
    s = cmsclient.system(BIN, users)
    try:
        disk = disk_of(users, "ALICE")
        format_191(s, disk, "ALICE")
        c = cmsclient.Cms(s, "ALICE")
        e = Editor(c)
        # A new file: NEW FILE:, EDIT:, input mode, FILE.
        out = e.start("EDIT TEST DATA")
        assert out == ["NEW FILE:", "EDIT:"], out
        c.send("input")
        c.expect(r"(?m)^INPUT:$")
        for l in ("alpha one", "beta two", "gamma three", "delta four", "epsilon five"):
            c.send(l)
        c.send("")
        c.expect(r"(?m)^EDIT:$")
        out, rc = e.end("file")
        assert out == [] and rc == 0, (out, rc)
        assert c.ok("TYPE TEST DATA") == ["ALPHA ONE", "BETA TWO", "GAMMA THREE", "DELTA FOUR", "EPSILON FIVE"]
        ent = host_list(s, disk, "TEST", "DATA")
        assert ent[3:6] == ["F", "80", "5"], ent
        # Again: the pointer.
        assert e.start("edit test data") == ["EDIT:"]
        assert e.sub("l /gamma/") == ["GAMMA THREE"]
        assert e.sub("/BETA/") == ["EOF:"]              # not below: EOF
        assert e.sub("=", echo="/BETA/") == ["BETA TWO"]  # from EOF: the top
        assert e.sub("top") == ["TOF:"]
        assert e.sub("n 2") == ["BETA TWO"]
        assert e.sub("up") == ["ALPHA ONE"]
        assert e.sub("up 5") == ["TOF:"]
        assert e.sub("bottom") == ["EPSILON FIVE"]
        assert e.sub("next") == ["EOF:"]
        assert e.sub("t") == ["EOF:"]
        assert e.sub("top") == ["TOF:"]
        assert e.sub("t 3") == ["TOF:", "ALPHA ONE", "BETA TWO"]
        assert e.sub("f GAM") == ["GAMMA THREE"]
        assert e.sub("f AMMA") == ["EOF:"]                # FIND: column 1
        assert e.sub("top") == ["TOF:"]
        assert e.sub("f DE TA") == ["DELTA FOUR"]         # a blank: any one
        # CHANGE: a count, G, not found.
        assert e.sub("top") == ["TOF:"]
        assert e.sub("n") == ["ALPHA ONE"]
        assert e.sub("c /A/4/ 2 g") == ["4LPH4 ONE", "BET4 TWO"]
        assert e.sub("c/E/3/") == ["B3T4 TWO"]             # no blank needed
        assert e.sub("c /ZZZ/Y/") == ["NOT FOUND"]
        assert e.sub("c .TWO.2.") == ["B3T4 2"]             # any delimiter
        assert e.sub("c /3T4/") == ["B 2"]                  # s2 null
        assert e.sub("c //X/") == ["XB 2"]                  # s1 null
        # DELETE, INPUT, INSERT, REPLACE.
        assert e.sub("top") == ["TOF:"]
        assert e.sub("f GAMMA") == ["GAMMA THREE"]
        assert e.sub("del") == []
        assert e.sub("t") == ["DELTA FOUR"]
        assert e.sub("del 0") == ["?EDIT: DEL 0"]
        assert e.sub("del 5") == ["EOF:"]
        assert e.sub("i new last") == []
        assert e.sub("t") == ["NEW LAST"]
        assert e.sub("top") == ["TOF:"]
        assert e.sub("n") == ["4LPH4 ONE"]
        assert e.sub("r replaced first") == []
        assert e.sub("insert after first") == []
        assert e.sub("top") == ["TOF:"]
        out = e.sub("t *")
        assert out == ["TOF:", "REPLACED FIRST", "AFTER FIRST", "XB 2", "NEW LAST", "EOF:"], out
        # A null line in edit mode is input mode, after the current line.
        assert e.sub("l /AFTER/") == ["AFTER FIRST"]
        assert e.input(["from a null line", "and another"]) == []
        assert e.sub("t") == ["AND ANOTHER"]
        # The zone: what LOCATE and CHANGE see.
        assert e.sub("zone 1 5") == []
        assert e.sub("zone") == ["ZONE 1 5"]
        assert e.sub("top") == ["TOF:"]
        assert e.sub("l /LAST/") == ["EOF:"]              # LAST is in 5-8
        assert e.sub("top") == ["TOF:"]
        assert e.sub("c /E/-/ * g") == ["R-PLACED FIRST", "AFT-R FIRST", "N-W LAST", "EOF:"]
        assert e.sub("zone 1 3") == []
        assert e.sub("c /ABCD/X/") == ["ZONE ERROR"]
        assert e.sub("zone 1 80") == []
        assert e.sub("zone 9 8") == ["?EDIT: ZONE 9 8"]
        # ? and = ; invalid subcommands (LONG and SHORT).
        assert e.sub("bogus") == ["?EDIT: BOGUS"]
        assert e.sub("short") == []
        assert e.sub("bogus") == ["?"]
        assert e.sub("long") == []
        # TRUNCATED: an input line longer than the record.
        out = e.sub("i " + "X" * 85)
        assert out == ["TRUNCATED"], out
        assert e.sub("t") == ["X" * 80]
        # SAVE under another name: the file is that one from now on.
        assert e.sub("save copy data") == []
        out, rc = e.end("quit")
        assert out == [] and rc == 0, (out, rc)
        copy = c.ok("TYPE COPY DATA")
        assert copy[0] == "R-PLACED FIRST" and copy[-1] == "X" * 80 and len(copy) == 7, copy
        assert c.ok("TYPE TEST DATA")[0] == "ALPHA ONE"     # not written since
        # QUIT after changes: nothing written.
        assert e.start("edit copy data") == ["EDIT:"]
        assert e.sub("del *") == ["EOF:"]
        out, rc = e.end("quit")
        assert rc == 0
        assert len(c.ok("TYPE COPY DATA")) == 7
        c.logoff()
    finally:
        s.stop()


def t_cases_and_filetypes(_):
    """CASE M with mixed-case input (MEMO files are CASE M and V), CASE U
    again; ASSEMBLE's defaults (TRUNC 71, tabs, serial numbers in 73-80
    when FILEd), SERIAL ALL and OFF; the command's errors."""
    users = cmsclient.place([cmsclient.user("ALICE")])
    s = cmsclient.system(BIN, users)
    try:
        disk = disk_of(users, "ALICE")
        format_191(s, disk, "ALICE")
        c = cmsclient.Cms(s, "ALICE")
        e = Editor(c, upper=False)
        assert e.start("EDIT NOTES MEMO") == ["NEW FILE:", "EDIT:"]
        assert e.sub("case") == ["CASE M"]
        assert e.input(["Hello World", "Mixed Case Line"]) == []
        assert e.sub("top") == ["TOF:"]
        assert e.sub("l /World/") == ["Hello World"]
        assert e.sub("c /World/There/") == ["Hello There"]
        assert e.sub("c /case/CASE/") == ["NOT FOUND"]     # exact case
        assert e.sub("n") == ["Mixed Case Line"]
        assert e.sub("case u") == []
        e.upper = True
        assert e.sub("i upper me") == []
        assert e.sub("case") == ["CASE U"]
        out, rc = e.end("FILE")
        assert rc == 0, out
        assert c.ok("TYPE NOTES MEMO") == ["Hello There", "Mixed Case Line", "UPPER ME"]
        ent = host_list(s, disk, "NOTES", "MEMO")
        assert ent[3] == "V" and ent[5] == "3", ent
        # ASSEMBLE: R6's defaults; serial numbers when written.
        assert e.start("edit prog assemble") == ["NEW FILE:", "EDIT:"]
        assert e.sub("trunc") == ["TRUNC 71"]
        assert e.sub("zone") == ["ZONE 1 71"]
        assert e.sub("tabset") == ["TABSET 1 10 16 31 36 41 46 69 72"]
        assert e.sub("serial") == ["SERIAL PRO 10"]
        assert e.sub("verify") == ["VERIFY ON"]
        assert e.input(["PROG     CSECT", "         BR    R14", "         END"]) == []
        out, rc = e.end("file")
        assert rc == 0, out
        lines = host_read(s, disk, "PROG", "ASSEMBLE")
        assert [l[72:] for l in lines] == ["PRO00010", "PRO00020", "PRO00030"], lines
        assert lines[1][:17] == "         BR    R1"
        assert e.start("edit prog assemble") == ["EDIT:"]
        assert e.sub("serial all 5") == []
        assert e.sub("top") == ["TOF:"]
        assert e.sub("n") == ["PROG     CSECT"]          # 73-80 not typed
        out, rc = e.end("file")
        assert [l[72:] for l in host_read(s, disk, "PROG", "ASSEMBLE")] == ["00000005", "00000010",
                                                                            "00000015"]
        assert e.start("edit prog assemble") == ["EDIT:"]
        assert e.sub("serial xyz") == []
        assert e.sub("serial") == ["SERIAL XYZ 10"]
        out, rc = e.end("file")
        assert [l[72:] for l in host_read(s, disk, "PROG", "ASSEMBLE")] == ["XYZ00010", "XYZ00020",
                                                                            "XYZ00030"]
        # A V file has no serial numbers; RECFM and FNAME shown.
        assert e.start("edit notes memo") == ["EDIT:"]
        e.upper = False
        assert e.sub("serial on") == ["WRONG FILE FORMAT FOR SERIALIZATION"]
        assert e.sub("recfm") == ["V"]
        assert e.sub("fname") == ["NOTES"]
        assert e.sub("fmode") == ["A1"]
        out, rc = e.end("quit")
        # The command's errors.
        out, rc = c.cmd("EDIT")
        assert out == ["DMSEDI054E INCOMPLETE FILEID SPECIFIED"] and rc == 24, (out, rc)
        out, rc = c.cmd("EDIT X Y Q")
        assert out == ["DMSEDI069E DISK 'Q' NOT ACCESSED"] and rc == 36, (out, rc)
        out, rc = c.cmd("EDIT X Y A (FOO")
        assert out == ["DMSEDI003E INVALID OPTION 'FOO'"] and rc == 24, (out, rc)
        out, rc = c.cmd("EDIT X Y (LRECL 200")
        assert out == ["DMSEDI044E RECORD LENGTH EXCEEDS ALLOWABLE MAXIMUM"] and rc == 24, (out, rc)
        out, rc = c.cmd("EDIT X Y % ")
        assert rc == 24, (out, rc)
        c.logoff()
    finally:
        s.stop()


def t_more_subcommands(_):
    """GETFILE, DSTRING, OVERLAY, ALTER, STACK, PRESERVE and RESTORE,
    TRUNC, and the editor driven from an EXEC through the console stack."""
    users = cmsclient.place([cmsclient.user("ALICE")])
    s = cmsclient.system(BIN, users)
    try:
        disk = disk_of(users, "ALICE")
        format_191(s, disk, "ALICE")
        host_write(s, disk, ["LINE %05d OF THE FILE" % i for i in range(1, 41)], "BIG", "DATA")
        host_write(s, disk, ["&STACK INPUT", "&STACK FROM AN EXEC", "&STACK", "&STACK FILE",
                             "EDIT STACKED DATA", "&EXIT &RETCODE"], "STK", "EXEC")
        c = cmsclient.Cms(s, "ALICE")
        e = Editor(c)
        assert e.start("EDIT A B") == ["NEW FILE:", "EDIT:"]
        assert e.sub("getfile big data a 3 2") == ["LINE 00004 OF THE FILE"]
        assert e.sub("getfile big data * 39") == ["LINE 00040 OF THE FILE"]
        assert e.sub("getfile big data 50") == ["GIVEN STARTING LINE IS BEYOND EOF"]
        assert e.sub("getfile nosuch data") == ["FILE NOT FOUND"]
        assert e.sub("top") == ["TOF:"]
        assert e.sub("t *") == ["TOF:"] + ["LINE %05d OF THE FILE" % i for i in (3, 4, 39, 40)] + ["EOF:"]
        # DSTRING: down to the line with the string.
        assert e.sub("top") == ["TOF:"]
        assert e.sub("ds /00039/") == ["LINE 00039 OF THE FILE"]
        assert e.sub("ds /NOWHERE/") == ["STRING NOT FOUND, NO DELETIONS MADE"]
        # OVERLAY, ALTER (a character or two hex digits).
        assert e.sub("o     X _") == ["LINEX0 039 OF THE FILE"]  # _ is a blank
        assert e.sub("t") == ["LINEX0 039 OF THE FILE"]
        assert e.sub("alter X 5B") == ["LINE$0 039 OF THE FILE"]
        assert e.sub("alter 0 O * g") == ["LINE$O O39 OF THE FILE", "LINE OOO4O OF THE FILE", "EOF:"]
        # PRESERVE, RESTORE; TRUNC.
        assert e.sub("preserve") == []
        assert e.sub("zone 3 4") == []
        assert e.sub("trunc 10") == []
        assert e.sub("restore") == []
        assert e.sub("zone") == ["ZONE 1 80"]
        assert e.sub("trunc") == ["TRUNC 80"]
        assert e.sub("trunc 10") == []
        assert e.sub("i 123456789012") == ["TRUNCATED"]
        assert e.sub("t") == ["1234567890"]
        out, rc = e.end("quit")
        assert rc == 0
        # From an EXEC: the stacked lines are read first.
        out, rc = c.cmd("STK")
        assert rc == 0 and "NEW FILE:" in out, (out, rc)
        assert c.ok("TYPE STACKED DATA") == ["FROM AN EXEC"]
        c.logoff()
    finally:
        s.stop()


def t_x_y_repeat(_):
    """X and Y keep a subcommand and run it n times (*: to the end of
    the file, stopping at EOF:); REPEAT n makes the next OVERLAY work on
    n lines."""
    users = cmsclient.place([cmsclient.user("ALICE")])
    s = cmsclient.system(BIN, users)
    try:
        disk = disk_of(users, "ALICE")
        format_191(s, disk, "ALICE")
        host_write(s, disk, ["LINE %02d OF TEN" % i for i in range(1, 11)], "TEN", "DATA")
        c = cmsclient.Cms(s, "ALICE")
        e = Editor(c)
        assert e.start("EDIT TEN DATA") == ["EDIT:"]
        assert e.sub("x") == ["?EDIT: X"]                 # nothing kept yet
        assert e.sub("format") == ["FORMAT LINE"]
        assert e.sub("format display") == ["?EDIT: FORMAT DISPLAY"]   # no 3270 here
        assert e.sub("n") == ["LINE 01 OF TEN"]
        assert e.sub("x c/LINE/ROW/") == []               # kept, not run
        assert e.sub("t") == ["LINE 01 OF TEN"]
        assert e.sub("x") == ["ROW 01 OF TEN"]
        assert e.sub("y n 2") == []
        assert e.sub("y") == ["LINE 03 OF TEN"]
        assert e.sub("x 1") == ["ROW 03 OF TEN"]
        assert e.sub("y 2") == ["LINE 05 OF TEN", "LINE 07 OF TEN"]
        assert e.sub("=", echo="Y 2") == ["LINE 09 OF TEN", "EOF:"]   # stops at EOF:
        assert e.sub("up 4") == ["LINE 07 OF TEN"]
        assert e.sub("x n") == []
        assert e.sub("x *") == ["LINE 08 OF TEN", "LINE 09 OF TEN", "LINE 10 OF TEN", "EOF:"]
        assert e.sub("x bogus") == []
        assert e.sub("x 3") == ["?EDIT: BOGUS"]           # a failure stops it
        assert e.sub("x x") == []
        assert e.sub("x") == ["?EDIT: X"]                 # not X from X
        assert e.sub("x 0") == ["?EDIT: X 0"]
        # REPEAT: the next OVERLAY on n lines, the pointer down to each.
        assert e.sub("top") == ["TOF:"]
        assert e.sub("n 2") == ["LINE 02 OF TEN"]
        assert e.sub("repeat 3") == []
        assert e.sub("o      **") == ["LINE ** OF TEN", "ROW 0**OF TEN", "LINE ** OF TEN"]
        assert e.sub("n") == ["LINE 05 OF TEN"]
        assert e.sub("repe 2") == []
        assert e.sub("n") == ["LINE 06 OF TEN"]          # not an OVERLAY: gone
        assert e.sub("o =") == ["=INE 06 OF TEN"]
        assert e.sub("n 2") == ["LINE 08 OF TEN"]
        assert e.sub("repeat *") == []
        assert e.sub("o ____") == ["     08 OF TEN", "     09 OF TEN", "     10 OF TEN", "EOF:"]
        out, rc = e.end("file")
        assert rc == 0, (out, rc)
        assert host_read(s, disk, "TEN", "DATA") == [
            "ROW 01 OF TEN", "LINE ** OF TEN", "ROW 0**OF TEN", "LINE ** OF TEN", "LINE 05 OF TEN",
            "=INE 06 OF TEN", "LINE 07 OF TEN", "     08 OF TEN", "     09 OF TEN", "     10 OF TEN"]
        c.logoff()
    finally:
        s.stop()


def t_line_numbers(_):
    """LINEMODE (VSBASIC and FREEFORT files are numbered on the left),
    input mode prompting with line numbers (PROMPT's step, halfway when
    the next line is in the way), nnnnn text replacing or inserting the
    line with that number, nnnnn moving to it, RENUM; LINEMODE RIGHT
    (columns 76-80 of an F 80 file)."""
    users = cmsclient.place([cmsclient.user("ALICE")])
    s = cmsclient.system(BIN, users)
    try:
        disk = disk_of(users, "ALICE")
        format_191(s, disk, "ALICE")
        c = cmsclient.Cms(s, "ALICE")
        e = Editor(c)

        def numbered_input(pairs, end="EDIT:"):
            """Input mode: each (prompt, line); a null line after the last."""
            c.send("input")
            c.expect(r"(?m)^INPUT:$")
            for prompt, line in pairs:
                c.expect(r"(?m)^%s$" % prompt)
                c.send(line)
            c.send("")
            return e.lines(c.expect(r"(?m)^%s$" % end))

        assert e.start("EDIT PROG VSBASIC") == ["NEW FILE:", "EDIT:"]
        assert e.sub("linemode") == ["LINEMODE LEFT"]
        assert e.sub("prompt") == ["PROMPT 10"]
        numbered_input([("00010", "print 'hello'"), ("00020", "end")])
        assert e.sub("15 let x=1") == []                    # goes between
        assert e.sub("t") == ["00015 LET X=1"]
        assert e.sub("20 stop") == []                       # replaces
        assert e.sub("top") == ["TOF:"]
        assert e.sub("t *") == ["TOF:", "00010 PRINT 'HELLO'", "00015 LET X=1", "00020 STOP", "EOF:"]
        assert e.sub("15") == ["00015 LET X=1"]
        assert e.sub("12") == ["00010 PRINT 'HELLO'"]       # the one before
        assert e.sub("5") == ["TOF:"]
        # Input after 10: 20 is past 15, so halfway; none left: edit mode.
        assert e.sub("10") == ["00010 PRINT 'HELLO'"]
        c.send("input")
        c.expect(r"(?m)^INPUT:$")
        for n in ("00012", "00013", "00014"):
            c.expect(r"(?m)^%s$" % n)
            c.send("rem %s" % n)
        c.expect(r"(?m)^NO LINE NUMBER LEFT HERE: RENUM$")
        c.expect(r"(?m)^EDIT:$")
        assert e.sub("renum") == []
        assert e.sub("top") == ["TOF:"]
        assert e.sub("t *") == ["TOF:", "00010 PRINT 'HELLO'", "00020 REM 00012", "00030 REM 00013",
                                "00040 REM 00014", "00050 LET X=1", "00060 STOP", "EOF:"]
        assert e.sub("renum 100 5") == []
        assert e.sub("prompt 2") == []
        assert e.sub("bottom") == ["00125 STOP"]
        numbered_input([("00127", "go to 100")])
        assert e.sub("renum 99990 5") == ["?EDIT: RENUM 99990 5"]   # 99990 + 6*5: too large
        assert e.sub("100000 x") == ["?EDIT: 100000 X"]
        out, rc = e.end("file")
        assert rc == 0, (out, rc)
        assert host_read(s, disk, "PROG", "VSBASIC") == [
            "00100 PRINT 'HELLO'", "00105 REM 00012", "00110 REM 00013", "00115 REM 00014",
            "00120 LET X=1", "00125 STOP", "00127 GO TO 100"]
        # Without LINEMODE a number is no subcommand; RENUM neither.
        assert e.start("EDIT PROG VSBASIC") == ["EDIT:"]
        assert e.sub("linemode off") == []
        assert e.sub("10 x") == ["?EDIT: 10 X"]
        assert e.sub("renum") == ["?EDIT: RENUM"]
        e.end("quit")
        # FREEFORT: eight digits, the text from column 9.
        assert e.start("EDIT CALC FREEFORT") == ["NEW FILE:", "EDIT:"]
        numbered_input([("00000010", "x=1"), ("00000020", "print x")])
        assert e.sub("15 y=2") == []
        e.end("file")
        assert host_read(s, disk, "CALC", "FREEFORT") == ["00000010X=1", "00000015Y=2", "00000020PRINT X"]
        # LINEMODE RIGHT: the numbers in columns 76-80 of an F 80 file.
        assert e.start("EDIT CARDS DATA") == ["NEW FILE:", "EDIT:"]
        assert e.sub("linemode right") == ["TRUNC SET TO 72", "END ZONE SET TO 72"]
        numbered_input([("00010", "first card"), ("00020", "second card")])
        assert e.sub("10 card one") == []
        assert e.sub("linemode") == ["LINEMODE RIGHT"]
        e.end("file")
        assert host_read(s, disk, "CARDS", "DATA") == [
            "CARD ONE".ljust(75) + "00010", "SECOND CARD".ljust(75) + "00020"]
        c.logoff()
    finally:
        s.stop()


def t_image_backspaces(_):
    """IMAGE ON: a backspace (X'16', here from an EXEC through the
    console stack: the terminal's own backspace erases) takes the column
    back and the next character replaces the one there; IMAGE CANON
    keeps the overstrikes, in column order; a tab goes to the next tab
    stop in both; IMAGE OFF keeps the line as typed."""
    users = cmsclient.place([cmsclient.user("ALICE")])
    s = cmsclient.system(BIN, users)
    try:
        disk = disk_of(users, "ALICE")
        format_191(s, disk, "ALICE")
        bs = "\x08"                    # EBCDIC X'16' on the disk
        tab = "\t"                     # EBCDIC X'05'
        host_write_ebcdic(s, disk, ["&STACK TABSET 1 5 10",
                             "&STACK INPUT ABC%s%s__D" % (bs, bs),
                             "&STACK INPUT AB%s_C" % bs,
                             "&STACK INPUT A%sB" % tab,
                             "&STACK IMAGE CANON",
                             "&STACK INPUT X%sY%s_" % (tab, bs),
                             "&STACK IMAGE",
                             "&STACK INPUT ABC%s%s__" % (bs, bs),
                             "&STACK INPUT %s%sX" % (bs, bs),
                             "&STACK IMAGE OFF",
                             "&STACK INPUT P%sQ" % bs,
                             "&STACK FILE",
                             "EDIT BS DATA", "&EXIT &RETCODE"], "BS", "EXEC")
        c = cmsclient.Cms(s, "ALICE")
        out, rc = c.cmd("BS")
        assert rc == 0 and "IMAGE CANON" in out, (out, rc)
        got = host_read(s, disk, "BS", "DATA")
        assert got == [
            "A__D", "A_C", "A   B", "X   Y%s_" % bs, "AB%s_C%s_" % (bs, bs), "X", "P%sQ" % bs], got
        c.logoff()
    finally:
        s.stop()


def t_cms_subset(_):
    """CMS: the CMS subset inside EDIT: nucleus commands and transient
    modules run (R; after each), a MODULE that loads into the user area
    (the editor's) and the commands that use it are refused, RETURN is
    EDIT again with the file as it was; CMS command runs one command."""
    users = cmsclient.place([cmsclient.user("ALICE")])
    s = cmsclient.system(BIN, users)
    try:
        disk = disk_of(users, "ALICE")
        format_191(s, disk, "ALICE")
        host_write(s, disk, ["THE OTHER FILE"], "OTHER", "DATA")
        host_write(s, disk, ["COPYFILE OTHER DATA A THIRD DATA A", "&EXIT &RETCODE"], "CPY", "EXEC")
        c = cmsclient.Cms(s, "ALICE")
        e = Editor(c)
        assert e.start("EDIT NOTE DATA") == ["NEW FILE:", "EDIT:"]
        e.input(["FIRST LINE", "SECOND LINE"])

        def subset(line, last):
            c.send(line)
            return e.lines(c.expect(r"(?m)^%s$" % re.escape(last), 30))

        assert subset("cms", "CMS SUBSET") == ["CMS SUBSET"]
        assert subset("type other data", "R;") == ["THE OTHER FILE", "R;"]
        assert subset("listfile * data", "R;")[-1] == "R;"
        assert subset("copyfile other data a third data a", "R(-0002);") == [
            "INVALID CMS SUBSET COMMAND", "R(-0002);"]                 # a module at X'20000'
        assert subset("load other", "R(-0002);") == ["INVALID CMS SUBSET COMMAND", "R(-0002);"]
        assert subset("edit other data", "R(-0002);") == ["INVALID CMS SUBSET COMMAND", "R(-0002);"]
        assert subset("cpy", "R(-0002);") == [                           # from an EXEC too
            "COPYFILE OTHER DATA A THIRD DATA A", "INVALID CMS SUBSET COMMAND", "+++ R(-0002) +++", "R(-0002);"]
        assert subset("nosuch", "R(-0001);") == ["UNKNOWN CP/CMS COMMAND", "R(-0001);"]
        assert subset("state other data", "R;") == ["R;"]
        assert subset("state third data", "R(00028);")[-1] == "R(00028);"
        assert subset("return", "EDIT:") == ["EDIT:"]
        assert e.sub("t") == ["SECOND LINE"]                 # the editor as it was
        assert e.sub("up") == ["FIRST LINE"]
        assert e.sub("cms erase other data") == ["R;"]
        out, rc = e.end("file")
        assert rc == 0, (out, rc)
        assert host_read(s, disk, "NOTE", "DATA") == ["FIRST LINE", "SECOND LINE"]
        assert host_list(s, disk, "OTHER", "DATA") is None
        # After EDIT, COPYFILE runs again (the subset ended with it).
        assert c.ok("COPYFILE NOTE DATA A THIRD DATA A") == []
        c.logoff()
    finally:
        s.stop()


def t_macros(_):
    """$DUP n copies the current line n times; $MOVE n UP|DOWN m moves n
    lines (to the top or the end at most); any other $name runs the
    EXEC $name, whose stacked lines are then read as subcommands."""
    users = cmsclient.place([cmsclient.user("ALICE")])
    s = cmsclient.system(BIN, users)
    try:
        disk = disk_of(users, "ALICE")
        format_191(s, disk, "ALICE")
        host_write(s, disk, ["L%d" % i for i in range(1, 7)], "SIX", "DATA")
        host_write(s, disk, ["&STACK TOP", "&STACK NEXT &1", "&EXIT 0"], "$GO", "EXEC")
        c = cmsclient.Cms(s, "ALICE")
        e = Editor(c)

        def lines():
            e.sub("top")
            return e.sub("t *")[1:-1]

        assert e.start("EDIT SIX DATA") == ["EDIT:"]
        assert e.sub("n 2") == ["L2"]
        assert e.sub("$dup 2") == ["L2"]
        assert e.sub("t") == ["L2"]
        assert lines() == ["L1", "L2", "L2", "L2", "L3", "L4", "L5", "L6"]
        assert e.sub("$dup") == ["?EDIT: $DUP"]                 # at TOF
        assert e.sub("$go 5", echo="NEXT 5") == ["TOF:", "L3"]  # a macro: EXEC $GO 5 stacks TOP, NEXT 5
        assert e.sub("$move 2 down 2") == ["L4"]                # L3 L4 after L6
        assert lines() == ["L1", "L2", "L2", "L2", "L5", "L6", "L3", "L4"]
        assert e.sub("top") == ["TOF:"]
        assert e.sub("n") == ["L1"]
        assert e.sub("$move 1 down 99") == ["L1"]               # to the end
        assert e.sub("up 3") == ["L6"]
        assert e.sub("$move 9 up 1") == ["L1"]                  # L6 .. the end, up one
        assert lines() == ["L2", "L2", "L2", "L6", "L3", "L4", "L1", "L5"]
        assert e.sub("top") == ["TOF:"]
        assert e.sub("n 4") == ["L6"]
        assert e.sub("$move 1 up 99") == ["L6"]                 # to the top
        assert e.sub("$move 1 sideways 2") == ["?EDIT: $MOVE 1 SIDEWAYS 2"]
        assert e.sub("$nosuch") == ["?EDIT: $NOSUCH"]
        out, rc = e.end("file")
        assert rc == 0, (out, rc)
        assert host_read(s, disk, "SIX", "DATA") == ["L6", "L2", "L2", "L2", "L3", "L4", "L1", "L5"]
        c.logoff()
    finally:
        s.stop()


def t_big_file(_):
    """A file of 10,000 records written from the host: read, searched to
    its end at once, changed everywhere, written back."""
    n = 10000
    users = cmsclient.place([cmsclient.user("ALICE", disks=(("191", 20),))])
    s = cmsclient.system(BIN, users)
    try:
        disk = disk_of(users, "ALICE")
        format_191(s, disk, "ALICE")
        host_write(s, disk, ["RECORD %05d OF THE BIG FILE" % i for i in range(1, n + 1)], "BIG", "DATA")
        c = cmsclient.Cms(s, "ALICE")
        e = Editor(c)
        t0 = time.time()
        assert e.start("EDIT BIG DATA") == ["EDIT:"]
        assert e.sub("l /%05d/" % n) == ["RECORD %05d OF THE BIG FILE" % n]
        took = time.time() - t0
        assert took < 10, took
        print("  read and located to record %d in %.2fs" % (n, took))
        assert e.sub("top") == ["TOF:"]
        assert e.sub("verify off") == []
        t0 = time.time()
        assert e.sub("c /BIG/HUGE/ * g") == ["EOF:"]
        print("  changed %d records in %.2fs" % (n, time.time() - t0))
        assert e.sub("up") == []                         # VERIFY OFF
        assert e.sub("verify on") == []
        assert e.sub("t") == ["RECORD %05d OF THE HUGE FILE" % n]
        out, rc = e.end("file")
        assert rc == 0, out
        lines = host_read(s, disk, "BIG", "DATA")
        assert len(lines) == n and lines[0] == "RECORD 00001 OF THE HUGE FILE", lines[:2]
        c.logoff()
    finally:
        s.stop()


def t_limits(_):
    """Storage exhausted (a 512K machine): a file too big is R6's
    DMSEDI132S; GETFILE that fills storage stops with AVAILABLE STORAGE
    IS NOW FULL and FILE still works. 65,533 records, the most a CMS file
    holds: one more is refused. A disk too full for the new copy: FILE
    fails (DMSEDI105S), the old file is as it was, editing goes on."""
    users = cmsclient.place([cmsclient.user("SMALL", storage="512K", disks=(("191", 20),)),
                             cmsclient.user("LARGE", storage="8M", disks=(("191", 45),)),
                             cmsclient.user("TINY", disks=(("191", 1),))])
    s = cmsclient.system(BIN, users)
    try:
        small, large = disk_of(users, "SMALL"), disk_of(users, "LARGE")
        format_191(s, small, "SMALL")
        format_191(s, large, "LARGE")
        host_write(s, small, ["RECORD %05d OF A FILE TOO BIG FOR THE MACHINE" % i for i in range(1, 20001)],
                   "HUGE", "DATA")
        host_write(s, small, ["RECORD %05d OF A FILE THAT FITS IN THE MACHINE" % i for i in range(1, 2001)],
                   "PART", "DATA")
        c = cmsclient.Cms(s, "SMALL")
        out, rc = c.cmd("EDIT HUGE DATA", 120)
        assert out == ["DMSEDI132S FILE 'HUGE DATA A1' TOO LARGE"] and rc == 88, (out, rc)
        e = Editor(c)
        assert e.start("EDIT PART DATA") == ["EDIT:"]
        assert e.sub("bottom") == ["RECORD 02000 OF A FILE THAT FITS IN THE MACHINE"]
        full = None
        for _ in range(20):
            out = e.sub("getfile part data")
            if "AVAILABLE STORAGE IS NOW FULL" in out:
                full = out
                break
        assert full and full[-2:] == ["GETFILE IS INCOMPLETE", full[-1]], full
        out, rc = e.end("file")
        assert rc == 0, out
        out = c.ok("LISTFILE PART DATA A (LABEL")
        assert int(out[0].split()[5]) > 4000, out
        c.logoff()
        # 65,533 records.
        n = 65533
        host_write(s, large, ["%05d" % i for i in range(1, n + 1)], "MAX", "DATA")
        c = cmsclient.Cms(s, "LARGE")
        e = Editor(c)
        assert e.start("EDIT MAX DATA") == ["EDIT:"]
        assert e.sub("bottom") == ["%05d" % n]
        assert e.sub("i one more") == ["FILE IS FULL: 65533 RECORDS"]
        assert e.sub("del") == ["EOF:"]
        assert e.sub("i last") == []
        out, rc = e.end("file")
        assert rc == 0, out
        ent = host_list(s, large, "MAX", "DATA")
        assert ent[5] == str(n), ent
        c.logoff()
        # A disk with no room for the new copy (one cylinder: 570 blocks).
        tiny = disk_of(users, "TINY")
        format_191(s, tiny, "TINY")
        host_write(s, tiny, ["RECORD %04d" % i for i in range(1, 3001)], "FULL", "DATA")
        c = cmsclient.Cms(s, "TINY")
        e = Editor(c)
        assert e.start("EDIT FULL DATA") == ["EDIT:"]
        assert e.sub("c /RECORD/LINE/ * g")[-1] == "EOF:"
        assert e.sub("save") == ["DMSEDI105S ERROR '13' WRITING FILE 'EDIT CMSUT1 A1' ON DISK"]
        assert e.sub("file") == ["DMSEDI105S ERROR '13' WRITING FILE 'EDIT CMSUT1 A1' ON DISK"]
        assert host_read(s, tiny, "FULL", "DATA")[-1] == "RECORD 3000"   # as it was
        assert host_list(s, tiny, "EDIT", "CMSUT1") is None
        assert e.sub("top") == ["TOF:"]
        assert e.sub("del 2000") == []
        out, rc = e.end("file")
        assert rc == 0, (out, rc)
        lines = host_read(s, tiny, "FULL", "DATA")
        assert len(lines) == 1000 and lines[0] == "LINE 2001", lines[:2]
        assert host_list(s, tiny, "EDIT", "CMSUT1") is None
        c.logoff()
    finally:
        s.stop()


def t_display_3270(_):
    """On a 3270 the editor draws the lines around the current one in
    CP's output area (DIAGNOSE X'58' X'19'): the current line on row 10,
    the messages on row 20, the mode and the file on row 21; TYPE types
    as in line mode; (NODISP keeps line mode."""
    if not have_s3270():
        print("SKIP: s3270 is not installed (scripts/setup.sh installs it)")
        return
    users = cmsclient.place([cmsclient.user("ALICE")])
    s = cmsclient.system(BIN, users)
    t = S3270("3279-2")
    try:
        disk = disk_of(users, "ALICE")
        format_191(s, disk, "ALICE")
        host_write(s, disk, ["LINE %05d OF THE FILE" % i for i in range(1, 41)], "BIG", "DATA")
        t.connect("127.0.0.1", s.port)
        t.enter("LOGON ALICE")
        t.wait_for("ENTER PASSWORD")
        t.enter("PW")
        t.wait_for(r"CMS VERSION 6\.0", 30)
        t.wait_status("VM READ")

        def row(n):
            return t.screen()[n - 1].rstrip()

        t.enter("EDIT BIG DATA")
        t.wait_for(r"EDIT: +BIG DATA A1", 30)
        assert row(10) == "TOF:" and row(11) == "LINE 00001 OF THE FILE", t.text()
        assert row(19) == "LINE 00009 OF THE FILE" and row(1) == "", t.text()
        t.enter("n 15")
        t.wait_for(r"(?m)^LINE 00015 OF THE FILE *\n(.*\n){8}LINE 00024", where=lambda sc: sc[9:19])
        assert row(1) == "LINE 00006 OF THE FILE" and row(10) == "LINE 00015 OF THE FILE", t.text()
        t.enter("c /OF/XX/")
        t.wait_for("1 LINE\\(S\\) CHANGED", where=lambda sc: sc[19:20])
        assert row(10) == "LINE 00015 XX THE FILE", t.text()
        t.enter("input")
        t.wait_for(r"INPUT: +BIG DATA", where=lambda sc: sc[20:21])
        t.enter("a new line")
        t.wait_for(r"^A NEW LINE", where=lambda sc: sc[9:10])
        assert row(9) == "LINE 00015 XX THE FILE" and row(11) == "LINE 00016 OF THE FILE", t.text()
        t.enter()
        t.wait_for(r"EDIT: +BIG DATA A1 .*SIZE=41", where=lambda sc: sc[20:21])
        t.enter("bottom")
        t.wait_for(r"^EOF:", where=lambda sc: sc[10:11])
        assert row(10) == "LINE 00040 OF THE FILE", t.text()
        t.enter("t 2")                 # typed: the area cleared, the lines on top
        t.wait_for(r"^LINE 00040 OF THE FILE", where=lambda sc: sc[0:1])
        assert row(2) == "EOF:", t.text()
        t.enter("bogus")
        t.wait_for(r"\?EDIT: BOGUS", where=lambda sc: sc[19:20])
        # The CMS subset: typed in CP's area; RETURN draws the lines again.
        t.enter("cms")
        t.wait_for(r"(?m)^CMS SUBSET", where=lambda sc: sc[0:1])
        t.enter("state big data")
        t.wait_for(r"(?m)^R;", where=lambda sc: sc[0:3])
        t.enter("return")
        t.wait_for(r"EDIT: +BIG DATA A1", where=lambda sc: sc[20:21])
        assert row(10) == "EOF:", t.text()
        # FORMAT LINE: line mode on the 3270; FORMAT DISPLAY: drawn again.
        t.enter("format line")
        t.enter("t")
        t.wait_for(r"(?m)^t *\nEOF:", where=lambda sc: sc[0:20])     # typed, not drawn
        t.enter("format display")
        t.wait_for(r"EDIT: +BIG DATA A1", where=lambda sc: sc[20:21])
        t.enter("format")
        t.wait_for("FORMAT DISPLAY", where=lambda sc: sc[19:20])
        # Line numbers: input mode's next number on the message row.
        t.enter("linemode right")
        t.wait_for("TRUNC SET TO 72", where=lambda sc: sc[19:20])
        t.enter("input")
        t.wait_for(r"^00010", where=lambda sc: sc[19:20])
        t.enter()
        t.wait_for(r"EDIT: +BIG DATA A1", where=lambda sc: sc[20:21])
        t.enter("file")
        t.wait_for(r"^R; T=", where=lambda sc: sc[0:1])
        # NODISP: line mode on the 3270.
        t.enter("EDIT BIG DATA (NODISP")
        t.wait_for(r"(?m)^EDIT:")
        t.enter("l /00040/")
        t.wait_for(r"(?m)^LINE 00040 OF THE FILE")
        t.enter("quit")
        t.wait_for(r"(?m)^R; T=.*\n(.*\n)*", 10)
        lines = host_read(s, disk, "BIG", "DATA")
        assert len(lines) == 41 and lines[15] == "A NEW LINE" and lines[14] == "LINE 00015 XX THE FILE", lines
        t.enter("LOGOFF")
    finally:
        t.close()
        s.stop()


if __name__ == "__main__":
    sys.exit(cmsclient.run([t_line_mode, t_cases_and_filetypes, t_more_subcommands, t_x_y_repeat, t_line_numbers, t_image_backspaces, t_cms_subset, t_macros, t_big_file, t_limits,
                            t_display_3270], None))
