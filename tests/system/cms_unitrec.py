"""CMS's file and unit-record commands end to end (docs/CMS.md, "Files,
cards and printing"): PRINT to the printer (DATA/printer), PUNCH to
another user who READCARDs it (two users logged on at once), decks with
several READ cards sent to a reader from the host, DISK DUMP and DISK
LOAD of binary files (every byte value, V records of mixed lengths)
checked byte for byte with cmsdisk, COPYFILE with its options and a
10 MB file, SORT and COMPARE, and bad input: R6's messages and return
codes, never an abend."""
import glob, os, re, struct, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cmsclient  # noqa: E402

BIN = sys.argv[1]
CMSDISK = os.path.join(BIN, "cmsdisk")


def ebc(s):
    return s.encode("cp037")


class Session:
    """A CMS user: every command's output is checked for abends."""

    def __init__(self, s, userid):
        self.c = cmsclient.Cms(s, userid)

    def cmd(self, line, timeout=60):
        out, rc = self.c.cmd(line, timeout)
        assert not any("DMSABN" in l for l in out), (line, out)
        # CP tells a user when a file arrives in the reader, at any time.
        return [l for l in out if not re.match(r"RDR FILE \d{4} (FROM|SENT FROM)", l)], rc

    def ok(self, line, timeout=60):
        out, rc = self.cmd(line, timeout)
        assert rc == 0, "%r: R(%d)\n%s" % (line, rc, "\n".join(out))
        return out

    def err(self, line, msgs, rc):
        out, r = self.cmd(line)
        assert (out, r) == (msgs, rc), (line, out, r)

    def ask(self, line, prompt, answer, timeout=60):
        """A command that asks a question: (output after the answer, rc)."""
        self.c.send(line)
        self.c.expect(re.escape(prompt))
        return self.cmd(answer, timeout)

    def logoff(self):
        self.c.logoff()


def system(users):
    """vm370 with `users` (userid, cylinders of 191), each 191 formatted
    from the host (cmsdisk) before anyone logs on."""
    s = cmsclient.system(BIN, [cmsclient.user(u, disks=(("191", n),)) for u, n in users])
    for u, _ in users:
        st, out = cmsdisk(s, u, "format", (u + "1")[:6])
        assert st == 0, out
    return s


def cmsdisk(s, user, *args, binary=False):
    r = subprocess.run([CMSDISK, "--data", s.data, "--user", user, "--addr", "191"] + list(args),
                       capture_output=True)
    out = r.stdout if binary else r.stdout.decode("latin-1")
    return r.returncode, out if binary or r.returncode == 0 else out + r.stderr.decode("latin-1")


def host_file(s, name, data):
    p = os.path.join(s.work, name)
    with open(p, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
    return p


def put(s, user, fn, ft, data, *opts):
    st, out = cmsdisk(s, user, "write", host_file(s, fn + "." + ft, data), fn, ft, "A1", *opts)
    assert st == 0, out


def get(s, user, fn, ft):
    st, out = cmsdisk(s, user, "read", fn, ft, "A", "--binary", binary=True)
    assert st == 0, (fn, ft, st)
    return out


def vrecs(records):
    """V records as cmsdisk --binary reads and writes them."""
    return b"".join(struct.pack(">H", len(r)) + r for r in records)


def spooled(s, kind, user):
    """The newest printer or punch file CP wrote for `user`."""
    files = sorted(glob.glob(os.path.join(s.data, kind, user + "-*")), key=os.path.getmtime)
    assert files, (kind, os.listdir(s.data))
    with open(files[-1], "rb") as f:
        return f.read()


def wait_spooled(s, kind, user, n, timeout=10):
    end = time.time() + timeout
    while time.time() < end:
        if len(glob.glob(os.path.join(s.data, kind, user + "-*"))) >= n:
            return
        time.sleep(0.1)
    raise AssertionError("no %d %s files for %s" % (n, kind, user))


HELLO = "".join("line %d of the file\n" % i for i in range(1, 31))
NAMES = ["SMITH     JOHN", "ADAMS     MARY", "JONES     PETE", "BROWN     ALAN", "ADAMS     ALEX",
         "ZED       ZOE", "BROWN     ALAN  2"]
CLOSED = re.compile(r"^(PRT|PUN) FILE \d{4} TO (SYSTEM|[A-Z0-9]+) COPY 001 NOHOLD$")


# ---- PRINT ---------------------------------------------------------------------------


def t_print(_):
    s = system([("ALICE", 3)])
    try:
        put(s, "ALICE", "HELLO", "TEXT", HELLO)
        put(s, "ALICE", "LOWER", "TEXT", "Mixed Case line\n")
        # ASA carriage control: blank, 0 (double), - (triple), 1 (new page), + (overprint)
        put(s, "ALICE", "REPORT", "LISTING", "1TITLE\n first\n0second\n-third\n+___\n1page two\n")
        c = Session(s, "ALICE")
        out = c.ok("PRINT HELLO TEXT")
        assert len(out) == 1 and CLOSED.match(out[0]), out
        wait_spooled(s, "printer", "ALICE", 1)
        assert spooled(s, "printer", "ALICE").decode("latin-1") == HELLO
        # LISTING: CC by default; the first column is carriage control.
        c.ok("PRINT REPORT LISTING")
        wait_spooled(s, "printer", "ALICE", 2)
        p = spooled(s, "printer", "ALICE").decode("latin-1")
        assert p == "TITLE\r\nfirst\r\n\nsecond\r\n\n\nthird\r___\r\fpage two\r", repr(p)
        c.ok("PRINT REPORT LISTING (NOCC")
        wait_spooled(s, "printer", "ALICE", 3)
        assert spooled(s, "printer", "ALICE").decode("latin-1").startswith("1TITLE\n first\n0second\n")
        # HEX, UPCASE, LINECOUN.
        c.ok("PRINT HELLO TEXT A (HEX")
        wait_spooled(s, "printer", "ALICE", 4)
        h = spooled(s, "printer", "ALICE").decode("latin-1").split("\n")
        assert h[0] == "RECORD 1  LENGTH 80", h[:3]
        assert h[1] == "  0000  93899585 40F14096 8640A388 85408689 93854040 40404040 40404040 " \
                       "40404040 *line 1 of the file              *", h[1]
        assert h[3] == "  0040  40404040 40404040 40404040 40404040" + " " * 37 + "*" + " " * 16 + "*", h[3]
        c.ok("PRINT LOWER TEXT (UPCASE")
        wait_spooled(s, "printer", "ALICE", 5)
        assert spooled(s, "printer", "ALICE") == b"MIXED CASE LINE\n"
        c.ok("PRINT HELLO TEXT (LINECOUN 10")
        wait_spooled(s, "printer", "ALICE", 6)
        p = spooled(s, "printer", "ALICE").decode("latin-1")
        assert p.count("\f") == 2 and p.replace("\f", "") == HELLO, repr(p)
        # Bad input.
        c.err("PRINT NOSUCH FILE", ["DMSPRT002E FILE 'NOSUCH FILE A' NOT FOUND"], 28)
        c.err("PRINT HELLO", ["DMSPRT054E INCOMPLETE FILEID SPECIFIED"], 24)
        c.err("PRINT", ["DMSPRT001E NO FILENAME SPECIFIED"], 24)
        c.err("PRINT HELLO TEXT (BAD", ["DMSPRT003E INVALID OPTION 'BAD'"], 24)
        c.err("PRINT HELLO TEXT (LINECOUN", ["DMSPRT005E NO 'LINECOUN' SPECIFIED"], 24)
        c.err("PRINT HELLO TEXT (LINECOUN X",
              ["DMSPRT029E INVALID PARAMETER 'X' IN THE OPTION 'LINECOUN' FIELD"], 24)
        c.err("PRINT HELLO TEXT Q", ["DMSPRT069E DISK 'Q' NOT ACCESSED"], 36)
        c.err("PRINT HELLO TEXT A9", ["DMSPRT048E INVALID MODE 'A9'"], 24)
        c.err("PRINT HELLO TEXT A EXTRA", ["DMSPRT070E INVALID PARAMETER 'EXTRA'"], 24)
        c.ok("CP DETACH 00E")
        c.err("PRINT HELLO TEXT", ["DMSPRT008E DEVICE 00E INVALID OR NONEXISTENT"], 36)
        c.logoff()
    finally:
        s.stop()


# ---- PUNCH and READCARD ---------------------------------------------------------------


def t_punch_readcard(_):
    """ALICE punches to BOB, both logged on; BOB reads the cards."""
    s = system([("ALICE", 3), ("BOB", 3)])
    try:
        put(s, "ALICE", "HELLO", "TEXT", HELLO)
        long = ["x" * 200, "short", "y" * 80, "z" * 81]
        put(s, "ALICE", "LONG", "DATA", "\n".join(long) + "\n", "--recfm", "V")
        a = Session(s, "ALICE")
        b = Session(s, "BOB")
        a.ok("CP SPOOL PUNCH TO BOB")
        out = a.ok("PUNCH HELLO TEXT")
        assert out[-1] == "PUN FILE 0001 TO BOB COPY 001 NOHOLD", out
        out = b.ok("READCARD *")
        assert re.match(r":READ  HELLO    TEXT     A1        \d\d/\d\d/\d\d  \d\d:\d\d$", out[0]), out
        assert len(out) == 1, out
        # NOHEADER; records longer than a card go on on the next card.
        a.ok("PUNCH LONG DATA A (NOHEADER")
        b.ok("READCARD CARDS DATA")
        b.err("READCARD *", ["DMSRDC205W READER EMPTY OR NOT READY"], 8)
        a.logoff()
        b.logoff()
        assert get(s, "BOB", "HELLO", "TEXT") == ebc("".join(l.ljust(80) for l in HELLO.split("\n")[:-1]))
        cards = ["x" * 80, "x" * 80, "x" * 40, "short", "y" * 80, "z" * 80, "z"]
        assert get(s, "BOB", "CARDS", "DATA") == ebc("".join(l.ljust(80) for l in cards))
        st, lst = cmsdisk(s, "BOB", "list")
        assert re.search(r"^CARDS    DATA     A1 F    80      7 ", lst, re.M), lst
        # A deck from the host with several READ cards, cards before the
        # first, a mode number on a card: READCARD * makes each file.
        deck = "leading card\n:READ  ONE      DATA     A1\nline one\n:READ TWO DATA B3\ntwo a\ntwo b\n"
        r = subprocess.run([os.path.join(BIN, "vm370"), "send", "BOB", host_file(s, "deck", deck), "--ascii",
                            "--data", s.data], capture_output=True)
        assert r.returncode == 0, r.stderr
        b = Session(s, "BOB")
        out = b.ok("READCARD *")
        assert out == ["DMSRDC702I READ CONTROL CARD MISSING. FOLLOWING ASSUMED:",
                       ":READ  READCARD CMSUT1   A1",
                       ":READ  ONE      DATA     A1",
                       ":READ TWO DATA B3"], out
        out = b.ok("LISTFILE * * A")
        assert out == ["HELLO    TEXT     A1", "CARDS    DATA     A1", "READCARD CMSUT1   A1",
                       "ONE      DATA     A1", "TWO      DATA     A3"], out
        # READCARD fn ft keeps the READ cards in the file.
        r = subprocess.run([os.path.join(BIN, "vm370"), "send", "BOB", host_file(s, "deck", deck), "--ascii",
                            "--data", s.data], capture_output=True)
        b.ok("READCARD WHOLE DECK")
        b.err("READCARD", ["DMSRDC001E NO FILENAME SPECIFIED"], 24)
        b.err("READCARD * * Q9", ["DMSRDC048E INVALID MODE 'Q9'"], 24)
        b.err("READCARD A", ["DMSRDC054E INCOMPLETE FILEID SPECIFIED"], 24)
        b.err("READCARD * * C", ["DMSRDC069E DISK 'C' NOT ACCESSED"], 36)
        b.err("READCARD X Y S", ["DMSRDC037E DISK 'S' IS READ/ONLY"], 36)
        b.ok("CP DETACH 00C")
        b.err("READCARD *", ["DMSRDC008E DEVICE 00C INVALID OR NONEXISTENT"], 36)
        b.logoff()
        assert get(s, "BOB", "WHOLE", "DECK") == ebc("".join(l.ljust(80) for l in deck.split("\n")[:-1]))
        assert get(s, "BOB", "TWO", "DATA") == ebc("two a".ljust(80) + "two b".ljust(80))
    finally:
        s.stop()


# ---- DISK DUMP and DISK LOAD ------------------------------------------------------------


def t_disk_dump_load(_):
    s = system([("ALICE", 3), ("BOB", 3)])
    try:
        import random
        rnd = random.Random(370)
        vr = [bytes(range(256)), bytes(range(255, -1, -1))]
        vr += [bytes(rnd.randrange(256) for _ in range(rnd.choice([1, 2, 3, 49, 50, 51, 99, 100, 256, 777])))
               for _ in range(60)]
        put(s, "ALICE", "BIN", "DATA", vrecs(vr), "--recfm", "V", "--binary")
        fdata = bytes((i * 7) % 256 for i in range(37 * 33))
        put(s, "ALICE", "BINF", "MODULE", fdata, "--lrecl", "37", "--binary")
        a = Session(s, "ALICE")
        b = Session(s, "BOB")
        # The deck's cards, as the system's punch shows them.
        a.ok("DISK DUMP BINF MODULE")
        wait_spooled(s, "punch", "ALICE", 1)
        d = spooled(s, "punch", "ALICE")
        cards = [d[i:i + 80] for i in range(0, len(d), 80)]
        assert len(cards) == 26, len(cards)
        for i, card in enumerate(cards):
            assert card[:4] == b"\x02" + ebc("CMS") and card[55:66] == ebc("F0003700033"), card
            assert card[72:80] == ebc("%08d" % (i + 1)), card
        assert all(c[4:5] == ebc(" ") for c in cards[:-1]) and cards[-1][4:5] == ebc("N")
        assert b"".join(c[5:55] for c in cards[:-1]) == fdata + bytes(50 * 25 - len(fdata))
        assert cards[-1][5:21] == ebc("BINF    MODULE  ") and cards[-1][29:31] == ebc("A1")
        # To BOB, who loads them.
        a.ok("CP SPOOL PUNCH TO BOB")
        a.ok("DISK DUMP BIN DATA A")
        a.ok("DISK DUMP BINF MODULE *")
        b.ok("DISK LOAD")
        b.ok("DISK LOAD")
        b.err("DISK LOAD", ["DMSDSK205W READER EMPTY OR NOT READY"], 8)
        out = b.ok("LISTFILE * * A (LABEL")
        assert re.match(r"BIN      DATA     A1 V   777     62 ", out[0]), out
        assert re.match(r"BINF     MODULE   A1 F    37     33 ", out[1]), out
        # Bad input: a deck that is not DISK DUMP's stays in the reader.
        r = subprocess.run([os.path.join(BIN, "vm370"), "send", "BOB", host_file(s, "junk", "not a deck\n"),
                            "--ascii", "--data", s.data], capture_output=True)
        assert r.returncode == 0, r.stderr
        b.err("DISK LOAD", ["DMSDSK078E INVALID CARD IN INPUT DECK"], 32)
        out = b.ok("CP QUERY READER ALL")
        assert len(out) == 2 and re.match(r"SYSTEM   \d{4} A RDR 00000001 ", out[1]), out
        b.ok("READCARD JUNK DATA")
        b.err("DISK", ["DMSDSK047E NO FUNCTION SPECIFIED"], 24)
        b.err("DISK SAVE", ["DMSDSK014E INVALID FUNCTION 'SAVE'"], 24)
        b.err("DISK DUMP NOSUCH FILE", ["DMSDSK002E FILE 'NOSUCH FILE A' NOT FOUND"], 28)
        b.err("DISK LOAD X", ["DMSDSK070E INVALID PARAMETER 'X'"], 24)
        a.logoff()
        b.logoff()
        assert get(s, "BOB", "BIN", "DATA") == vrecs(vr)
        assert get(s, "BOB", "BINF", "MODULE") == fdata
        assert get(s, "BOB", "JUNK", "DATA") == ebc("not a deck".ljust(80))
    finally:
        s.stop()


# ---- COPYFILE ---------------------------------------------------------------------------


def t_copyfile(_):
    s = system([("ALICE", 4)])
    try:
        put(s, "ALICE", "NAMES", "LIST", "\n".join(NAMES) + "\n")
        put(s, "ALICE", "NAMESV", "LIST", "\n".join(NAMES) + "\n", "--recfm", "V")
        c = Session(s, "ALICE")
        c.ok("COPYFILE NAMES LIST A NEW LIST A")
        c.err("COPYFILE NAMES LIST A NEW LIST A",
              ["DMSCPY024E FILE 'NEW LIST A1' ALREADY EXISTS -- SPECIFY 'REPLACE'"], 28)
        c.ok("COPYFILE NAMES LIST A NEW LIST A (REPLACE RECFM V TRUNC")
        c.ok("COPYFILE NAMES LIST A NEW LIST A (APPEND UPCASE FROM 2 FOR 2")
        c.ok("COPYFILE NAMES LIST A LOW LIST A (LRECL 20 LOWCASE")
        c.ok("COPYFILE NAMES LIST A LAB LIST A (FRLABEL JONES TOLABEL ZED RECFM V TRUNC")
        c.ok("COPYFILE NAMESV LIST A PAD LIST A (RECFM F LRECL 16 FILL *")
        out, rc = c.ask("COPYFILE NAMES LIST A SPEC LIST A (SPECS RECFM V",
                        "DMSCPY601R ENTER SPECIFICATION LIST:", "11-14 1 /-/ 5 1-5 6 X4B4C 12")
        assert rc == 0, out
        # '*' in the input, '=' in the output; TYPE says what is copied.
        out = c.ok("COPYFILE * LIST A = COPY A")
        assert sorted(out) == ["DMSCPY721I COPY '%s LIST A1' TO '%s COPY A1' (NEW FILE)" % (n, n)
                               for n in sorted(("NAMES", "NAMESV", "NEW", "LOW", "LAB", "PAD", "SPEC"))], out
        # Several inputs into one output; the input replaced by itself.
        c.ok("COPYFILE NAMES LIST A NAMESV LIST A ALL LIST A")
        c.ok("COPYFILE ALL LIST A = = = (REPLACE RECFM V TRUNC")
        c.err("COPYFILE NAMES LIST A = = =",
              ["DMSCPY024E FILE 'NAMES LIST A1' ALREADY EXISTS -- SPECIFY 'REPLACE'"], 28)
        # Bad input.
        c.err("COPYFILE X Y A Z Z A", ["DMSCPY002E INPUT FILE 'X Y A' NOT FOUND"], 28)
        c.err("COPYFILE X Y A", ["DMSCPY054E INCOMPLETE FILEID SPECIFIED"], 24)
        c.err("COPYFILE", ["DMSCPY042E NO FILEID(S) SPECIFIED"], 24)
        c.err("COPYFILE NAMES LIST A Z Z A (BAD", ["DMSCPY003E INVALID OPTION 'BAD'"], 24)
        c.err("COPYFILE NAMES LIST A Z Z A (REPLACE APPEND",
              ["DMSCPY066E 'REPLACE' AND 'APPEND' ARE CONFLICTING OPTIONS"], 24)
        c.err("COPYFILE NAMES LIST A Z Z A (LRECL", ["DMSCPY005E NO 'LRECL' SPECIFIED"], 24)
        c.err("COPYFILE NAMES LIST A Z Z A (LRECL X",
              ["DMSCPY029E INVALID PARAMETER 'X' IN THE OPTION 'LRECL' FIELD"], 24)
        c.err("COPYFILE NAMES LIST A Z Z A (RECFM U",
              ["DMSCPY029E INVALID PARAMETER 'U' IN THE OPTION 'RECFM' FIELD"], 24)
        c.err("COPYFILE NAMES LIST A Z Z A (TYPE TYPE", ["DMSCPY065E 'TYPE' OPTION SPECIFIED TWICE"], 24)
        c.err("COPYFILE NAMES LIST A Z Z C", ["DMSCPY069E DISK 'C' NOT ACCESSED"], 36)
        c.err("COPYFILE NAMES LIST A Z Z S", ["DMSCPY037E DISK 'S' IS READ/ONLY"], 36)
        c.err("COPYFILE NAMES LIST A Z Z A (FROM 99",
              ["DMSCPY173E NO RECORDS WERE COPIED TO OUTPUT FILE 'Z Z A1'"], 40)
        c.err("COPYFILE NOSUCH * A = = B", ["DMSCPY002E INPUT FILE 'NOSUCH * A' NOT FOUND"], 28)
        c.logoff()
        names80 = ebc("".join(n.ljust(80) for n in NAMES))
        assert get(s, "ALICE", "NEW", "LIST") == vrecs([ebc(n) for n in NAMES] +
                                                       [ebc(n.ljust(80)) for n in NAMES[1:3]])
        assert get(s, "ALICE", "LOW", "LIST") == ebc("".join(n.lower().ljust(20) for n in NAMES))
        assert get(s, "ALICE", "LAB", "LIST") == vrecs([ebc(n) for n in NAMES[2:5]])
        assert get(s, "ALICE", "PAD", "LIST") == ebc("".join(n[:16].ljust(16, "*") for n in NAMES))
        assert get(s, "ALICE", "SPEC", "LIST") == vrecs(
            [ebc(n[10:14].ljust(4) + "-" + n[:5] + " .<") for n in NAMES])
        assert get(s, "ALICE", "NAMES", "COPY") == names80
        assert get(s, "ALICE", "ALL", "LIST") == vrecs([ebc(n) for n in NAMES] * 2)
        st, lst = cmsdisk(s, "ALICE", "list", "Z", "Z")
        assert st == 28, lst
    finally:
        s.stop()


def t_copyfile_10mb(_):
    """A 10 MB file (13,108 F 800 records) copied and compared; the
    module streams it a block at a time."""
    s = system([("CAROL", 75)])
    try:
        n = 13108
        data = b"".join(b"%08d" % i + bytes((i + j) % 256 for j in range(792)) for i in range(n))
        put(s, "CAROL", "BIG", "DATA", data, "--lrecl", "800", "--binary")
        c = Session(s, "CAROL")
        t = time.time()
        c.ok("COPYFILE BIG DATA A BIG2 DATA A", 600)
        copy = time.time() - t
        t = time.time()
        out = c.ok("COMPARE BIG DATA A BIG2 DATA A", 600)
        cmp = time.time() - t
        assert out == ["DMSCMP179I COMPARING 'BIG DATA A1' WITH 'BIG2 DATA A1'"], out
        t = time.time()
        c.ok("COPYFILE BIG DATA A BIGV DATA A (RECFM V", 600)
        vcopy = time.time() - t
        c.logoff()
        assert get(s, "CAROL", "BIG2", "DATA") == data
        assert get(s, "CAROL", "BIGV", "DATA") == vrecs([data[i:i + 800] for i in range(0, len(data), 800)])
        print("COPYFILE of %d bytes: %.2f s (%.1f MB/s); COMPARE: %.2f s; to RECFM V: %.2f s" %
              (len(data), copy, len(data) / copy / 1e6, cmp, vcopy), flush=True)
    finally:
        s.stop()


# ---- SORT and COMPARE -------------------------------------------------------------------


def t_sort_compare(_):
    s = system([("ALICE", 3)])
    try:
        put(s, "ALICE", "NAMES", "LIST", "\n".join(NAMES) + "\n")
        put(s, "ALICE", "NAMESV", "LIST", "\n".join(NAMES) + "\n", "--recfm", "V")
        other = NAMES[:3] + ["CHANGED"] + NAMES[4:]
        put(s, "ALICE", "NAMES2", "LIST", "\n".join(other) + "\n")
        put(s, "ALICE", "SHORT", "LIST", "\n".join(NAMES[:5]) + "\n")
        c = Session(s, "ALICE")
        out, rc = c.ask("SORT NAMES LIST A NAMES SORTED A", "DMSSRT604R ENTER SORT FIELDS:", "1 10 11 20")
        assert (out, rc) == ([], 0), (out, rc)
        out, rc = c.ask("SORT NAMESV LIST A = SORTED A", "DMSSRT604R ENTER SORT FIELDS:", "11 14")
        assert (out, rc) == ([], 0), (out, rc)
        # An old output is replaced.
        out, rc = c.ask("SORT NAMES LIST A NAMES SORTED A", "DMSSRT604R ENTER SORT FIELDS:", "11 14 1 5")
        assert rc == 0, out
        out, rc = c.ask("SORT NAMES LIST A X Y A", "DMSSRT604R ENTER SORT FIELDS:", "1 100")
        assert (out, rc) == (["DMSSRT009E COLUMN '100' EXCEEDS RECORD LENGTH"], 24), out
        out, rc = c.ask("SORT NAMES LIST A X Y A", "DMSSRT604R ENTER SORT FIELDS:", "5 2")
        assert (out, rc) == (["DMSSRT053E INVALID SORT FIELD PAIR DEFINED"], 24), out
        out, rc = c.ask("SORT NAMES LIST A X Y A", "DMSSRT604R ENTER SORT FIELDS:", "1 2 3")
        assert (out, rc) == (["DMSSRT053E INVALID SORT FIELD PAIR DEFINED"], 24), out
        out, rc = c.ask("SORT NAMES LIST A X Y A", "DMSSRT604R ENTER SORT FIELDS:", "")
        assert (out, rc) == (["DMSSRT063E NO LIST ENTERED"], 24), out
        c.err("SORT NAMES LIST A NAMES LIST A", ["DMSSRT019E IDENTICAL FILEIDS"], 24)
        c.err("SORT NOPE LIST A X Y A", ["DMSSRT002E FILE 'NOPE LIST A' NOT FOUND"], 28)
        c.err("SORT NAMES LIST A X Y", ["DMSSRT054E INCOMPLETE FILEID SPECIFIED"], 24)
        c.err("SORT NAMES LIST A X Y S", ["DMSSRT037E DISK 'S' IS READ/ONLY"], 36)
        c.err("SORT NAMES LIST A X Y C", ["DMSSRT069E DISK 'C' NOT ACCESSED"], 36)
        # COMPARE.
        out = c.ok("COMPARE NAMES LIST A NAMES2 LIST A (COL 15-20")
        assert out == ["DMSCMP179I COMPARING 'NAMES LIST A1' WITH 'NAMES2 LIST A1'"], out
        out, rc = c.cmd("COMPARE NAMES LIST A NAMES2 = A")
        assert rc == 4 and out == ["DMSCMP179I COMPARING 'NAMES LIST A1' WITH 'NAMES2 LIST A1'",
                                   "BROWN     ALAN", "CHANGED",
                                   "DMSCMP209W FILES DO NOT COMPARE"], out
        out, rc = c.cmd("COMPARE NAMES LIST A SHORT = = (COL 1 14")
        assert rc == 4 and out == ["DMSCMP179I COMPARING 'NAMES LIST A1' WITH 'SHORT LIST A1'",
                                   "DMSCMP208W EOF REACHED ON FILE 'SHORT LIST A1'",
                                   "DMSCMP209W FILES DO NOT COMPARE"], out
        out, rc = c.cmd("COMPARE NAMES LIST A NAMESV = =")
        assert rc == 4 and len(out) == 2 + 2 * len(NAMES), out
        c.ok("COMPARE NAMES LIST A NAMESV = = (COL 1-20")
        c.err("COMPARE NAMES LIST A = = =", ["DMSCMP019E IDENTICAL FILEIDS"], 24)
        c.err("COMPARE NAMES LIST A = = B", ["DMSCMP069E DISK 'B' NOT ACCESSED"], 36)
        c.err("COMPARE NAMES LIST A X Y A", ["DMSCMP002E FILE 'X Y A' NOT FOUND"], 28)
        c.err("COMPARE NAMES LIST A", ["DMSCMP054E INCOMPLETE FILEID SPECIFIED"], 24)
        c.err("COMPARE NAMES LIST A NAMES2 LIST A (COL", ["DMSCMP005E NO 'COL' SPECIFIED"], 24)
        c.err("COMPARE NAMES LIST A NAMES2 LIST A (COL 9-3", ["DMSCMP211E COLUMN FIELDS OUT OF SEQUENCE"], 24)
        c.err("COMPARE NAMES LIST A NAMES2 LIST A (COL 99-100",
              ["DMSCMP009E COLUMN '99' EXCEEDS RECORD LENGTH"], 24)
        c.err("COMPARE NAMES LIST A NAMES2 LIST A (XYZ", ["DMSCMP003E INVALID OPTION 'XYZ'"], 24)
        c.logoff()
        assert get(s, "ALICE", "NAMES", "SORTED") == ebc("".join(n.ljust(80) for n in
                                                                 sorted(NAMES, key=lambda n: (n[10:14], n[:5]))))
        assert get(s, "ALICE", "NAMESV", "SORTED") == vrecs(
            [ebc(n) for n in sorted(NAMES, key=lambda n: n[10:14].ljust(4))])
        st, lst = cmsdisk(s, "ALICE", "list", "X", "Y")
        assert st == 28, lst
    finally:
        s.stop()


if __name__ == "__main__":
    sys.exit(cmsclient.run([t_print, t_punch_readcard, t_disk_dump_load, t_copyfile, t_copyfile_10mb,
                            t_sort_compare], None))
