"""CMS end to end: a user writes, assembles, loads and runs programs
without leaving CMS (ASSEMBLE by this CP's DIAGNOSE X'370', LOAD, START,
GENMOD, the MODULE run by name), programs that read and write files
through the macro library, DEBUG's breakpoints, and wild programs that
cannot damage the shared nucleus (a protection exception ends them, not
CMS, and the other users' CMS is untouched)."""
import glob, os, re, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cmsclient  # noqa: E402

BIN = sys.argv[1] if len(sys.argv) > 1 else "build/bin"
CMSDISK = os.path.join(BIN, "cmsdisk")

# Copies its input file to an output file record by record through the
# macros, types the count, returns 0 (or the file system's code).
COPYPGM = """\
         REGEQU
COPYPGM  CSECT
         STM   R14,R12,12(R13)
         LR    R12,R15
         USING COPYPGM,R12
         SR    R9,R9
LOOP     FSREAD 'IN DATA A',BUFFER=REC,BSIZE=80,ERROR=EOF
         FSWRITE 'OUT DATA A1',BUFFER=REC,BSIZE=80,RECFM=F,ERROR=BAD
         LA    R9,1(,R9)
         B     LOOP
EOF      C     R15,=F'12'
         BNE   BAD
         FSCLOSE 'OUT DATA A1'
         CVD   R9,DW
         UNPK  MSG+7(3),DW+6(2)
         OI    MSG+9,X'F0'
         WRTERM MSG,L'MSG
         SR    R15,R15
         B     OUT
BAD      LR    R9,R15
         WRTERM 'COPYPGM FAILED'
         LR    R15,R9
OUT      L     R14,12(,R13)
         LM    R0,R12,20(R13)
         BR    R14
DW       DS    D
REC      DS    CL80
MSG      DC    C'COPIED nnn RECORDS'
         LTORG
         END   COPYPGM
"""

# Types HELLO WORLD and its first argument; returns 7.
HELLO = """\
         REGEQU
HELLO    CSECT
         STM   R14,R12,12(R13)
         LR    R12,R15
         USING HELLO,R12
         LR    R2,R1
         WRTERM 'HELLO WORLD'
         CLI   8(R2),X'FF'
         BE    DONE
         LA    R3,8(,R2)
         WRTERM (R3),8
DONE     LA    R15,7
         L     R14,12(,R13)
         LM    R0,R12,20(R13)
         BR    R14
         LTORG
         END   HELLO
"""

# LINEDIT's substitutions.
LINED = """\
         REGEQU
LINED    CSECT
         STM   R14,R12,12(R13)
         LR    R12,R15
         USING LINED,R12
         LA    R3,42
         LCR   R4,R3
         LINEDIT TEXT='FILE .. HAS .. RECORDS, HEX ..',SUB=(CHAR8,NAME,X
               DEC,(R3),HEX,(R3))
         LINEDIT TEXT='MINUS ....',SUB=(DEC,(R4)),DOT=NO
         SR    R15,R15
         L     R14,12(,R13)
         LM    R0,R12,20(R13)
         BR    R14
NAME     DC    CL8'MYFILE'
         LTORG
         END   LINED
"""

# Stores into the nucleus (X'10000', key F): a protection exception.
WILD = """\
         REGEQU
WILD     CSECT
         USING WILD,R15
         L     R2,=A(X'10000')
         MVC   0(8,R2),=CL8'GARBAGE'
         BR    R14
         LTORG
         END   WILD
"""

# Loops until stopped.
LOOP = """\
         REGEQU
LOOP     CSECT
         USING LOOP,R15
AGAIN    B     AGAIN
         END   LOOP
"""

# Divides by zero: a fixed-point divide exception (0C9).
DIVIDE = """\
         REGEQU
DIVIDE   CSECT
         USING DIVIDE,R15
         SR    R2,R2
         L     R3,=F'10'
         SR    R4,R4
         DR    R2,R4
         BR    R14
         LTORG
         END   DIVIDE
"""


# Two control sections and an entry point (LOAD MAP), and a section
# INCLUDE adds.
MAPPGM = """\
         REGEQU
MAPA     CSECT
         ENTRY MAPENT
         USING MAPA,R15
         SR    R15,R15
MAPENT   BR    R14
         DC    V(MAPB)
MAPB     CSECT
         DC    F'1'
         END   MAPA
"""
# CLEAR: BIGP leaves X'2A' at offset 63; SMALLP returns that byte of
# storage past its own end.
BIGP = """\
BIGP     CSECT
         DC    63X'00',X'2A'
         END
"""
SMALLP = """\
SMALLP   CSECT
         USING SMALLP,15
         SR    1,1
         IC    1,63(,15)
         LR    15,1
         BR    14
         END
"""
# DUP: DUPA twice (in D2 and D3); D1 returns DUPA's first word.
D1 = """\
D1       CSECT
         USING D1,15
         L     15,=V(DUPA)
         L     15,0(,15)
         BR    14
         LTORG
         END   D1
"""
D2 = """\
DUPA     CSECT
         DC    F'5'
         END
"""
D3 = """\
DUPA     CSECT
         DC    F'6'
         END
"""
MAPINC = """\
MAPC     CSECT
         DC    F'2'
         END
"""


# MACLIB: two macros in a MACRO file (a comment line before them), a
# COPY file, a new TWICE for REP; a program using them.
MYMACS = """\
* MY MACROS
         MACRO
&L       TWICE &X
&L       DC    AL1(&X,&X)
         MEND
         MACRO
&L       THRICE &X
&L       DC    AL1(&X,&X,&X)
         MEND
"""
NEWTWICE = """\
         MACRO
&L       TWICE &X
&L       DC    AL1(&X+1,&X+1)
         MEND
"""
CONSTS = """\
* CONSTANTS
./ * AN UPDATE CONTROL CARD: LEFT OUT
FORTY    EQU   40
"""
# Returns TWICE's second byte plus FORTY (a COPY member's EQU).
USEMAC = """\
         REGEQU
USEMAC   CSECT
         USING USEMAC,R15
         SR    R1,R1
         IC    R1,VALS+1
         LA    R1,FORTY(,R1)
         LR    R15,R1
         BR    R14
VALS     TWICE 7
         COPY  CONSTS
         END   USEMAC
"""
# A macro from a library the test builds on the host, byte by byte, from
# R6's layout (docs/CMS.md "Macro libraries").
USEHOST = """\
         REGEQU
USEHOST  CSECT
         USING USEHOST,R15
         HOSTRC
         BR    R14
         END   USEHOST
"""


# TXTLIB: a main program calling SUBB, an entry point of SUBA's; SUBB as
# a TEXT file of its own (AUTO finds it first); another member.
MAINP = """\
         REGEQU
MAINP    CSECT
         STM   R14,R12,12(R13)
         LR    R12,R15
         USING MAINP,R12
         L     R15,=V(SUBB)
         BALR  R14,R15
         L     R14,12(,R13)
         LM    R0,R12,20(R13)
         BR    R14
         LTORG
         END   MAINP
"""
SUBA = """\
         REGEQU
SUBA     CSECT
         ENTRY SUBB
         USING SUBA,R15
         DC    F'0'
SUBB     LA    R15,23
         BR    R14
         END
"""
SUBB = """\
         REGEQU
SUBB     CSECT
         LA    R15,24
         BR    R14
         END
"""
OTHER = """\
OTHER    CSECT
         DC    F'1'
         END
"""


def r6_maclib(members):
    """A MACLIB file's bytes in R6's layout: record 1 C'LIBPDS', H the
    directory's record, F its bytes; the members from record 2, each
    followed by a X'61FFFF61' record; the directory of 12-byte entries
    (CL8 name, H first record, H records), zero-filled to a record."""
    recs, entries = [], b""
    for name, lines in members:
        first = len(recs) + 2
        for l in lines:
            recs.append(l.ljust(80).encode("cp037"))
        recs.append(b"\x61\xff\xff\x61" + bytes(76))
        entries += name.ljust(8).encode("cp037") + first.to_bytes(2, "big") + len(lines).to_bytes(2, "big")
    hdr = "LIBPDS".encode("cp037") + (len(recs) + 2).to_bytes(2, "big") + len(entries).to_bytes(4, "big")
    dirb = entries + bytes(-len(entries) % 80)
    return hdr + bytes(80 - len(hdr)) + b"".join(recs) + dirb


def new_maclib(members):
    """The later 32-bit layout (a later CMS's): +6 zero, F the directory's
    bytes at +8, F its record at +12; 16-byte entries CL8 name, XL3 zero,
    X'80', F the first record."""
    recs, entries = [], b""
    for name, lines in members:
        first = len(recs) + 2
        recs += [l.ljust(80).encode("cp037") for l in lines] + [b"\x61\xff\xff\x61" + bytes(76)]
        entries += name.ljust(8).encode("cp037") + b"\0\0\0\x80" + first.to_bytes(4, "big")
    hdr = "LIBPDS".encode("cp037") + bytes(2) + len(entries).to_bytes(4, "big") + (len(recs) + 2).to_bytes(4, "big")
    return hdr + bytes(80 - len(hdr)) + b"".join(recs) + entries + bytes(-len(entries) % 80)


def alice_formatted():
    """A system whose user ALICE has a 191 that cmsdisk formatted: the
    system, the disk (volume, first cylinder, cylinders) and its image
    for cmsdisk."""
    users = cmsclient.place([cmsclient.user("ALICE")])
    disk = [(d["volume"], d["cylinder"], d["cylinders"]) for d in users[0]["devices"] if d.get("address") == "191"][0]
    s = cmsclient.system(BIN, users)
    try:
        img = "%s:%d:%d" % (os.path.join(s.data, "volumes", "USR001.3350"), disk[1], disk[2])
        subprocess.run([CMSDISK, img, "format", "ALICE"], check=True, capture_output=True)
    except Exception:
        s.stop()
        raise
    return s, disk, img


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


def t_write_assemble_load_run(_):
    users = cmsclient.place([cmsclient.user("ALICE"), cmsclient.user("BOB")])
    alice_disk = [(d["volume"], d["cylinder"], d["cylinders"]) for d in users[0]["devices"]
                  if d.get("address") == "191"][0]
    s = cmsclient.system(BIN, users)
    try:
        # Alice's 191 formatted and her sources put there from the host.
        img = "%s:%d:%d" % (os.path.join(s.data, "volumes", "USR001.3350"), alice_disk[1], alice_disk[2])
        subprocess.run([CMSDISK, img, "format", "ALICE"], check=True, capture_output=True)
        for name, text in (("HELLO", HELLO), ("COPYPGM", COPYPGM), ("WILD", WILD), ("DIVIDE", DIVIDE),
                           ("LOOP", LOOP), ("LINED", LINED)):
            host_write(s, alice_disk, text, name, "ASSEMBLE")
        host_write(s, alice_disk, "".join("RECORD %03d\n" % i for i in range(1, 43)), "IN", "DATA")
        a = cmsclient.Cms(s, "ALICE")
        b = cmsclient.Cms(s, "BOB")
        # ASSEMBLE, LOAD, START.
        out = a.ok("ASSEMBLE HELLO")
        out = a.ok("LISTFILE HELLO * A")
        assert any("TEXT" in l for l in out) and any("LISTING" in l for l in out), out
        out = a.ok("LOAD HELLO")
        out, rc = a.cmd("START * FRIEND")
        assert out[:3] == ["EXECUTION BEGINS...", "HELLO WORLD", "FRIEND"], out
        assert rc == 7, rc
        # GENMOD: the MODULE runs by its name.
        a.ok("GENMOD HELLO")
        out, rc = a.cmd("HELLO THERE")
        assert out == ["HELLO WORLD", "THERE"] and rc == 7, (out, rc)
        # A program reading and writing files through the macros.
        a.ok("ASSEMBLE COPYPGM")
        a.ok("LOAD COPYPGM")
        out = a.ok("START")
        assert out[-1] == "COPIED 042 RECORDS", out
        out = a.ok("TYPE OUT DATA A")
        assert out[0].startswith("RECORD 001") and out[-1].startswith("RECORD 042") and len(out) == 42, out
        # DEBUG: a breakpoint after the program set its base (LR R12,R15).
        a.ok("LOAD HELLO")
        a.send("DEBUG")
        a.expect("DMSDBG728I DEBUG ENTERED")
        a.send("BREAK 1 20006")
        a.send("RETURN")
        a.expect(r"(?m)^R;.*\n")
        a.send("START")
        a.expect(r"DMSDBG728I DEBUG ENTERED BREAKPOINT 01 AT 020006")
        a.send("GPR 12")
        a.expect(r"00020000")
        a.send("GO")
        out = a.expect(r"(?m)^R\(00007\);")
        assert "HELLO WORLD" in out, out
        # Wild programs: the nucleus is protected, CMS goes on.
        a.ok("ASSEMBLE WILD")
        a.ok("LOAD WILD")
        out, rc = a.cmd("START")
        assert any(re.match(r"DMSABN148T SYSTEM ABEND 0C4 CALLED FROM 02", l) for l in out), out
        assert rc == 0xC4, rc
        a.ok("ASSEMBLE DIVIDE")
        a.ok("LOAD DIVIDE")
        out, rc = a.cmd("START")
        assert any("SYSTEM ABEND 0C9" in l for l in out), out
        # LINEDIT.
        a.ok("ASSEMBLE LINED")
        a.ok("LOAD LINED")
        out = a.ok("START")
        assert out[1:] == ["FILE MYFILE HAS 42 RECORDS, HEX 0000002A.", "MINUS -42"], out
        # A program that loops: the attention key and HX (an immediate
        # command) end it; CP EXTERNAL stops it in DEBUG, HX ends it.
        a.ok("ASSEMBLE LOOP")
        a.ok("LOAD LOOP")
        a.send("START")
        a.expect("EXECUTION BEGINS...")
        import time
        time.sleep(0.5)
        a.c.send_raw(b"\xff\xf3")  # telnet BREAK: the attention key
        time.sleep(0.5)
        a.send("HX")
        a.expect(r"(?m)^R;.*\n")
        time.sleep(3.5)  # (two attentions within 3 s would be CP's)
        a.send("START")
        a.expect("EXECUTION BEGINS...")
        time.sleep(0.5)
        a.c.send_raw(b"\xff\xf3")  # twice: the second is CP's
        time.sleep(0.3)
        a.c.send_raw(b"\xff\xf3")
        a.expect("CP READ")
        a.send("BEGIN")
        a.send("RT")  # (CMS read the first: an immediate command that changes nothing)
        time.sleep(0.5)
        a.send("#CP EXTERNAL")
        a.expect(r"DMSDBG728I DEBUG ENTERED EXTERNAL INT AT 02000")
        a.send("HX")
        a.expect(r"(?m)^R;.*\n")
        # Alice's CMS and Bob's still work.
        out = a.ok("TYPE IN DATA A 1 1")
        assert out == ["RECORD 001"], out
        assert b.ok("QUERY RDYMSG") == ["RDYMSG = LMSG"]
        a.logoff()
        b.logoff()
    finally:
        s.stop()


def t_load_map(_):
    """LOAD writes LOAD MAP A5 (a line per section and entry point),
    INCLUDE adds to it, NOMAP writes none."""
    s, disk, img = alice_formatted()
    try:
        host_write(s, disk, MAPPGM, "MAPPGM", "ASSEMBLE")
        host_write(s, disk, MAPINC, "MAPINC", "ASSEMBLE")
        host_write(s, disk, BIGP, "BIGP", "ASSEMBLE")
        for name, text in (("D1", D1), ("D2", D2), ("D3", D3)):
            host_write(s, disk, text, name, "ASSEMBLE")
        host_write(s, disk, SMALLP, "SMALLP", "ASSEMBLE")
        a = cmsclient.Cms(s, "ALICE")
        a.ok("ASSEMBLE MAPPGM")
        a.ok("ASSEMBLE MAPINC")
        a.ok("LOAD MAPPGM")
        out = a.ok("TYPE LOAD MAP A5")
        assert out == ["MAPA     SD 020000", "MAPB     SD 020008", "MAPENT   LD 020002"], out
        out = a.ok("LISTFILE LOAD MAP A")
        assert out == ["LOAD     MAP      A5"], out
        a.ok("INCLUDE MAPINC")
        out = a.ok("TYPE LOAD MAP A5")
        assert out[3:] == ["MAPC     SD 020010"], out
        # TYPE: the map typed as well.
        out = a.ok("LOAD MAPPGM (TYPE")
        assert out == ["MAPA     SD 020000", "MAPB     SD 020008", "MAPENT   LD 020002"], out
        assert a.ok("LOAD MAPPGM") == []
        # CLEAR: the storage past what is loaded is zeros, not what the
        # program loaded before left there.
        a.ok("ASSEMBLE BIGP")
        a.ok("ASSEMBLE SMALLP")
        a.ok("LOAD BIGP")
        a.ok("LOAD SMALLP")
        out, rc = a.cmd("START")
        assert rc == 42, (out, rc)
        a.ok("LOAD BIGP")
        a.ok("LOAD SMALLP (CLEAR")
        out, rc = a.cmd("START")
        assert rc == 0, (out, rc)
        # A duplicate section is bypassed (DUP says so); the first one
        # is used.
        for name in ("D1", "D2", "D3"):
            a.ok("ASSEMBLE " + name)
        assert a.ok("LOAD D1 D2 D3") == []
        out = a.ok("TYPE LOAD MAP A5")
        assert out == ["D1       SD 020000", "DUPA     SD 020018"], out
        out, rc = a.cmd("START")
        assert rc == 5, (out, rc)
        out = a.ok("LOAD D1 D3 D2 (DUP")
        assert out == ["DMSLIO202W DUPLICATE IDENTIFIER 'DUPA'"], out
        out, rc = a.cmd("START")
        assert rc == 6, (out, rc)
        a.ok("ERASE LOAD MAP A5")
        a.ok("LOAD MAPPGM (NOMAP")
        out, rc = a.cmd("STATE LOAD MAP A5")
        assert rc == 28, (out, rc)
        a.logoff()
    finally:
        s.stop()


def t_maclib(_):
    """MACLIB GEN of a MACRO file's two macros, MAP, ASSEMBLE with them
    after GLOBAL MACLIB (and not before), ADD of a COPY file, REP, DEL,
    COMP; the library's bytes in R6's layout; a library built on the host
    from that layout used by ASSEMBLE."""
    s, disk, img = alice_formatted()
    try:
        host_write(s, disk, MYMACS, "MYMACS", "MACRO")
        host_write(s, disk, NEWTWICE, "TWICE", "MACRO")
        host_write(s, disk, CONSTS, "CONSTS", "COPY")
        host_write(s, disk, USEMAC, "USEMAC", "ASSEMBLE")
        host_write(s, disk, USEHOST, "USEHOST", "ASSEMBLE")
        lib = r6_maclib([("OTHER", ["         MACRO", "         OTHER", "         MEND"]),
                         ("HOSTRC", ["* FROM THE HOST", "         MACRO", "         HOSTRC",
                                     "         LA    R15,33", "         MEND"])])
        newlib = new_maclib([("HOSTRC", ["         MACRO", "         HOSTRC", "         LA    R15,34",
                                         "         MEND"])])
        for name, data in (("HOSTLIB", lib), ("NEWLIB", newlib)):
            with tempfile.NamedTemporaryFile(delete=False) as f:
                f.write(data)
            try:
                subprocess.run([CMSDISK, img, "write", f.name, name, "MACLIB", "A1", "--recfm", "F",
                                "--lrecl", "80", "--binary"], check=True, capture_output=True)
            finally:
                os.unlink(f.name)
        a = cmsclient.Cms(s, "ALICE")
        a.ok("MACLIB GEN MYLIB MYMACS")
        out = a.ok("MACLIB MAP MYLIB (TERM")
        assert out == ["MACRO    INDEX  SIZE", "TWICE        2     5        THRICE       8     4"], out
        a.ok("MACLIB MAP MYLIB")
        out = a.ok("TYPE MYLIB MAP A5")
        assert out[1] == "TWICE        2     5        THRICE       8     4", out
        # PRINT: to the printer (the file printed, then erased).
        a.ok("MACLIB MAP MYLIB (PRINT")
        end = time.time() + 10
        while time.time() < end and not glob.glob(os.path.join(s.data, "printer", "ALICE-*")):
            time.sleep(0.1)
        files = glob.glob(os.path.join(s.data, "printer", "ALICE-*"))
        assert files, os.listdir(s.data)
        with open(files[0], "rb") as f:
            printed = f.read().decode("latin-1")
        assert "TWICE        2     5        THRICE       8     4" in printed, printed
        out, rc = a.cmd("STATE MYLIB MAP A5")
        assert rc == 28, (out, rc)
        # Not found before GLOBAL MACLIB.
        out, rc = a.cmd("ASSEMBLE USEMAC")
        assert rc == 8, (out, rc)
        a.ok("GLOBAL MACLIB MYLIB")
        out, rc = a.cmd("ASSEMBLE USEMAC")
        assert rc == 8 and any("CONSTS" in l for l in out), (out, rc)  # COPY CONSTS: not yet
        a.ok("MACLIB ADD MYLIB CONSTS")
        a.ok("ASSEMBLE USEMAC")
        a.ok("LOAD USEMAC")
        out, rc = a.cmd("START")
        assert rc == 47, (out, rc)
        # REP: TWICE anew; the old entry goes, the new one is used.
        a.ok("MACLIB REP MYLIB TWICE")
        out = a.ok("MACLIB MAP MYLIB (TERM")
        assert out[1:] == ["THRICE       8     4        CONSTS      13     2",
                           "TWICE       16     4"], out
        a.ok("ASSEMBLE USEMAC")
        a.ok("LOAD USEMAC")
        out, rc = a.cmd("START")
        assert rc == 48, (out, rc)
        # DEL, then COMP: the records no entry names go.
        a.ok("MACLIB DEL MYLIB THRICE")
        out, rc = a.cmd("MACLIB DEL MYLIB NOSUCH")
        assert rc == 4 and out == ["DMSLBM013W MEMBER 'NOSUCH' NOT FOUND IN LIBRARY"], (out, rc)
        a.ok("MACLIB COMP MYLIB")
        out = a.ok("MACLIB MAP MYLIB (TERM")
        assert out[1:] == ["CONSTS       2     2        TWICE        5     4"], out
        out = a.ok("LISTFILE MYLIB MACLIB A (LABEL")
        # Errors.
        out, rc = a.cmd("MACLIB FOO MYLIB")
        assert rc == 24 and out == ["DMSLBM014E INVALID FUNCTION 'FOO'"], (out, rc)
        out, rc = a.cmd("MACLIB ADD NOLIB MYMACS")
        assert rc == 28, (out, rc)
        # A library whose every member was deleted stays a library.
        a.ok("MACLIB GEN EMPTYLIB TWICE")
        a.ok("MACLIB DEL EMPTYLIB TWICE")
        a.ok("MACLIB COMP EMPTYLIB")
        assert a.ok("MACLIB MAP EMPTYLIB (TERM") == ["MACRO    INDEX  SIZE"]
        a.ok("MACLIB ADD EMPTYLIB TWICE")
        out = a.ok("MACLIB MAP EMPTYLIB (TERM")
        assert out[1:] == ["TWICE        2     4"], out
        # The host's library, from R6's layout.
        a.ok("GLOBAL MACLIB HOSTLIB MYLIB")
        a.ok("ASSEMBLE USEHOST")
        a.ok("LOAD USEHOST")
        out, rc = a.cmd("START")
        assert rc == 33, (out, rc)
        # The later 32-bit layout, first in the list: its HOSTRC wins.
        a.ok("GLOBAL MACLIB NEWLIB HOSTLIB")
        a.ok("ASSEMBLE USEHOST")
        a.ok("LOAD USEHOST")
        out, rc = a.cmd("START")
        assert rc == 34, (out, rc)
        a.logoff()
        # Our library's bytes: R6's layout.
        got = subprocess.run([CMSDISK, img, "read", "MYLIB", "MACLIB", "A", "--binary"], check=True,
                             capture_output=True).stdout
        want = r6_maclib([("CONSTS", [l for l in CONSTS.splitlines() if not l.startswith("./")]),
                          ("TWICE", NEWTWICE.splitlines())])
        assert got == want, (got[:96].hex(), want[:96].hex())
    finally:
        s.stop()


def t_txtlib(_):
    """TXTLIB GEN of a TEXT file (an entry for its section and its entry
    point), MAP; LOAD resolving a name from the GLOBAL TXTLIB library,
    a TEXT file first when AUTO, none with NOLIBE; LOAD of a member by
    its name; ADD, DEL; the library's bytes."""
    s, disk, img = alice_formatted()
    try:
        for name, text in (("MAINP", MAINP), ("SUBA", SUBA), ("SUBB", SUBB), ("OTHER", OTHER)):
            host_write(s, disk, text, name, "ASSEMBLE")
        a = cmsclient.Cms(s, "ALICE")
        for name in ("MAINP", "SUBA", "OTHER"):
            a.ok("ASSEMBLE " + name)
        n = len(a.ok("TYPE SUBA TEXT A")) + 1  # (and the LDT card)
        a.ok("TXTLIB GEN MYTXT SUBA")
        out = a.ok("TXTLIB MAP MYTXT (TERM")
        assert out == ["ENTRY    INDEX  SIZE", "SUBA         2 %5d        SUBB         2 %5d" % (n, n),
                       "     2 ENTRIES IN LIBRARY"], out
        # Not searched before GLOBAL TXTLIB: SUBB stays undefined.
        a.ok("LOAD MAINP")
        out = a.ok("TYPE LOAD MAP A5")
        assert not any(l.startswith("SUBA") for l in out), out
        a.ok("GLOBAL TXTLIB MYTXT")
        a.ok("LOAD MAINP")
        out = a.ok("TYPE LOAD MAP A5")
        assert out[1:] == ["SUBA     SD 020020", "SUBB     LD 020024"], out
        out, rc = a.cmd("START")
        assert rc == 23, (out, rc)
        # A TEXT file of the name comes first (AUTO), the library with
        # NOAUTO; NOLIBE: none.
        a.ok("ASSEMBLE SUBB")
        a.ok("LOAD MAINP")
        out, rc = a.cmd("START")
        assert rc == 24, (out, rc)
        a.ok("LOAD MAINP (NOAUTO")
        out, rc = a.cmd("START")
        assert rc == 23, (out, rc)
        a.ok("ERASE SUBB TEXT A")
        a.ok("LOAD MAINP (NOLIBE")
        out = a.ok("TYPE LOAD MAP A5")
        assert len(out) == 1, out
        # A member loaded by its name (no SUBA TEXT file).
        a.ok("ERASE SUBA TEXT A")
        a.ok("LOAD SUBA")
        out = a.ok("TYPE LOAD MAP A5")
        assert out == ["SUBA     SD 020000", "SUBB     LD 020004"], out
        out, rc = a.cmd("LOAD SUBA (NOLIBE")
        assert rc == 28 and out == ["DMSLIO002E FILE 'SUBA TEXT' NOT FOUND"], (out, rc)
        # ADD, DEL (the library compressed).
        m = len(a.ok("TYPE OTHER TEXT A")) + 1
        a.ok("TXTLIB ADD MYTXT OTHER")
        out = a.ok("TXTLIB MAP MYTXT (TERM")
        assert out[2:] == ["OTHER   %6d%6d" % (n + 3, m), "     3 ENTRIES IN LIBRARY"], out
        out, rc = a.cmd("TXTLIB DEL MYTXT SUBB")  # an entry point: not a member's name
        assert rc == 4 and out == ["DMSLBT013W MEMBER 'SUBB' NOT FOUND IN LIBRARY"], (out, rc)
        a.ok("TXTLIB DEL MYTXT SUBA")
        out = a.ok("TXTLIB MAP MYTXT (TERM")
        assert out == ["ENTRY    INDEX  SIZE", "OTHER        2 %5d" % m, "     1 ENTRIES IN LIBRARY"], out
        out, rc = a.cmd("TXTLIB DEL MYTXT SUBA")
        assert rc == 4 and out == ["DMSLBT013W MEMBER 'SUBA' NOT FOUND IN LIBRARY"], (out, rc)
        a.ok("TXTLIB MAP MYTXT (PRINT")
        end = time.time() + 10
        while time.time() < end and not glob.glob(os.path.join(s.data, "printer", "ALICE-*")):
            time.sleep(0.1)
        files = glob.glob(os.path.join(s.data, "printer", "ALICE-*"))
        assert files, os.listdir(s.data)
        with open(files[0], "rb") as f:
            assert "     1 ENTRIES IN LIBRARY" in f.read().decode("latin-1")
        a.logoff()
        got = subprocess.run([CMSDISK, img, "read", "MYTXT", "TXTLIB", "A", "--binary"], check=True,
                             capture_output=True).stdout
        assert got[:6] == "LIBPDS".encode("cp037"), got[:16]
        dirrec = int.from_bytes(got[6:8], "big")
        assert dirrec == m + 3 and int.from_bytes(got[8:12], "big") == 12, got[:16].hex()
        assert got[m * 80:m * 80 + 80] == b"\x02" + "LDT".encode("cp037") + bytes([0x40]) * 76
        assert got[(m + 1) * 80:(m + 1) * 80 + 4] == b"\x61\xff\xff\x61"
        ent = got[(dirrec - 1) * 80:(dirrec - 1) * 80 + 12]
        assert ent == "OTHER   ".encode("cp037") + (2).to_bytes(2, "big") + m.to_bytes(2, "big"), ent.hex()
        assert len(got) == dirrec * 80
    finally:
        s.stop()


def t_files_survive_kill9(_):
    """A file CMS closed is a file kept: a program writes a file, the ready
    message comes, vm370 is killed (SIGKILL) at once; after a restart the
    file is there, read by CMS and by cmsdisk from the host; and the files
    are there at the next logon after a LOGOFF."""
    s, disk, img = alice_formatted()
    try:
        host_write(s, disk, COPYPGM, "COPYPGM", "ASSEMBLE")
        host_write(s, disk, "".join("LINE %05d\n" % i for i in range(1, 2001)), "IN", "DATA")
        a = cmsclient.Cms(s, "ALICE")
        a.ok("ASSEMBLE COPYPGM")
        a.ok("LOAD COPYPGM")
        out = a.ok("START")
        assert out[-1] == "COPIED 000 RECORDS" or "RECORDS" in out[-1], out
        s.kill()  # the moment the ready message was seen
        s.start()
        got = subprocess.run([CMSDISK, img, "read", "OUT", "DATA", "A"], check=True, capture_output=True, text=True).stdout
        lines = got.splitlines()
        assert len(lines) == 2000 and lines[0] == "LINE 00001" and lines[-1] == "LINE 02000", (len(lines), lines[:2])
        a = cmsclient.Cms(s, "ALICE")
        out = a.ok("TYPE OUT DATA A 2000 2000")
        assert out == ["LINE 02000"], out
        a.logoff()
        a = cmsclient.Cms(s, "ALICE")
        out = a.ok("LISTFILE * DATA A")
        assert out == ["IN       DATA     A1", "OUT      DATA     A1"] or sorted(out) == sorted(
            ["IN DATA A1", "OUT DATA A1"]), out
        a.logoff()
    finally:
        s.stop()


def t_rep_cards(_):
    """A REP card in a TEXT deck (OS/360's loader format, which R6's
    loader applied) patches the loaded section: LA 15,7 becomes LA 15,9,
    and the program's return code shows it; a REP card with a bad digit
    or an unknown ESD id makes LOAD fail."""
    s, disk, img = alice_formatted()
    work = tempfile.mkdtemp()
    try:
        src = os.path.join(work, "rept.asm")
        with open(src, "w") as f:
            f.write("REPT     CSECT\n         LA    15,7\n         BR    14\n         END   REPT\n")
        deck = os.path.join(work, "rept.deck")
        subprocess.run([os.path.join(BIN, "asm370"), "-o", os.path.join(work, "rept.bin"), "--deck", deck, src],
                       check=True, capture_output=True)
        data = open(deck, "rb").read()
        cards = [data[i:i + 80] for i in range(0, len(data), 80)]
        assert cards[-1][1:4] == "END".encode("cp037"), cards[-1]

        def write_deck(name, extra):
            path = os.path.join(work, name)
            with open(path, "wb") as f:
                f.write(b"".join(cards[:-1]) + b"".join(extra) + cards[-1])
            subprocess.run([CMSDISK, img, "write", path, name, "TEXT", "A1", "--recfm", "F", "--lrecl", "80",
                            "--binary"], check=True, capture_output=True)

        def rep(text):
            return b"\x02" + text.encode("cp037").ljust(79, b"\x40")

        write_deck("PLAIN", [])
        write_deck("GOOD", [rep("REP            000000  000141F0,0009")])
        write_deck("TWO", [rep("REP            000000  000141F0"), rep("REP            000002  0001000B")])
        write_deck("BADHEX", [rep("REP            00000G  000141F0,0009")])
        write_deck("BADID", [rep("REP            000000  000941F0,0009")])
        a = cmsclient.Cms(s, "ALICE")
        for name, want in (("PLAIN", 7), ("GOOD", 9), ("TWO", 11)):
            a.ok("LOAD " + name)
            out, rc = a.cmd("START")
            assert rc == want, (name, out, rc)
        for name in ("BADHEX", "BADID"):
            out, rc = a.cmd("LOAD " + name)
            assert rc != 0, (name, out, rc)
        a.logoff()
    finally:
        s.stop()

if __name__ == "__main__":
    sys.exit(cmsclient.run([t_write_assemble_load_run, t_load_map, t_maclib, t_txtlib, t_rep_cards, t_files_survive_kill9], None))
