"""CMS's file system end to end (docs/CMS.md, "The file system"): FORMAT,
ACCESS and RELEASE, LISTFILE, TYPE, STATE, ERASE, RENAME, QUERY DISK and
SEARCH, typed over a line-mode socket; the disks cross-checked with the
host's cmsdisk (build/bin/cmsdisk) when it is there, and read and
damaged directly in the volume image (Hercules CKD format)."""
import glob, json, os, re, signal, struct, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cmsclient  # noqa: E402

BIN = sys.argv[1]
CMSDISK = os.path.join(BIN, "cmsdisk")


# ---- The volume image, as the tests see it ------------------------------------------


class Minidisk:
    """A user's minidisk in the volume image of a stopped (or idle) system:
    800-byte CMS blocks by number, read and written in place."""

    def __init__(self, sysm, userid, addr="191"):
        d = json.load(open(sysm.directory))
        dev = [x for u in d["users"] if u["userid"] == userid for x in u["devices"]
               if x.get("address") == addr][0]
        path = glob.glob(os.path.join(sysm.data, "volumes", dev["volume"] + ".*"))[0]
        self.f = open(path, "r+b")
        h = self.f.read(512)
        assert h[:8] == b"CKD_P370"
        self.heads, self.tsize = struct.unpack("<II", h[8:16])
        self.pertrack = 19 if h[16] == 0x50 else 14
        self.first = dev["cylinder"]

    def _locate(self, b):
        t, r = divmod(b - 1, self.pertrack)
        c, h = divmod(t, self.heads)
        base = 512 + ((self.first + c) * self.heads + h) * self.tsize
        self.f.seek(base)
        trk = self.f.read(self.tsize)
        off = 5
        while trk[off:off + 8] != b"\xff" * 8:
            kl, dl = trk[off + 5], struct.unpack(">H", trk[off + 6:off + 8])[0]
            if trk[off + 4] == r + 1 and off != 5:
                return base + off + 8, dl
            off += 8 + kl + dl
        raise AssertionError("block %d: no record" % b)

    def read(self, b):
        at, dl = self._locate(b)
        self.f.seek(at)
        return bytearray(self.f.read(dl))

    def write(self, b, data):
        at, dl = self._locate(b)
        assert len(data) == dl
        self.f.seek(at)
        self.f.write(bytes(data))
        self.f.flush()

    def fsts(self):
        """The MFD's FST blocks and the files' FSTs: [(block, index, fst)]."""
        m = self.read(4)
        out, off = [], 0
        while True:
            n = struct.unpack(">H", m[off:off + 2])[0]
            if n in (0xFFFF, 0xFFFD):
                break
            blk = self.read(n)
            for i in range(20):
                e = blk[40 * i:40 * i + 40]
                if any(e):
                    out.append((n, i, e))
            off += 2
        return out

    def fill(self, leave, low=False):
        """Marks blocks in use in the MFD's QMSK (no file owns them: as a
        disk whose space is gone) until `leave` are free: the last blocks
        first, or (low) the first."""
        m = self.read(4)
        num, used = struct.unpack(">II", m[364:372])
        assert num <= 1720
        b = 1 if low else num
        while num - used > leave:
            k = b - 1
            if not m[384 + k // 8] & (0x80 >> (k % 8)):
                m[384 + k // 8] |= 0x80 >> (k % 8)
                used += 1
            b += 1 if low else -1
        last = max(i for i in range(215) if m[384 + i])
        m[368:380] = struct.pack(">III", used, num - used, last)
        self.write(4, m)

    def close(self):
        self.f.close()


def ebc(s):
    return s.encode("cp037")


def asc(b):
    return bytes(b).decode("cp037")


def cmsdisk_raw(sysm, *args, userid="ALICE", addr="191"):
    """Runs build/bin/cmsdisk on a user's minidisk: (status, stdout bytes,
    stderr)."""
    r = subprocess.run([CMSDISK, "--data", sysm.data, "--user", userid, "--addr", addr] + list(args),
                       capture_output=True)
    return r.returncode, r.stdout, r.stderr.decode("latin-1")


def cmsdisk(sysm, *args, **kw):
    st, out, err = cmsdisk_raw(sysm, *args, **kw)
    return st, out.decode("latin-1") + err


def host_file(sysm, name, text):
    p = os.path.join(sysm.work, name)
    with open(p, "w") as f:
        f.write(text)
    return p


def have_cmsdisk():
    return os.path.exists(CMSDISK)


def answer_format(c, cmd, label):
    """FORMAT with its two questions answered YES and `label`; (output
    after the label, rc)."""
    c.send(cmd)
    c.expect(r"DMSFOR603R FORMAT WILL ERASE ALL FILES ON DISK '.\(...\)'\. DO YOU WISH TO CONTINUE\? "
             r"\(YES\|NO\):")
    c.send("yes")
    c.expect("DMSFOR605R ENTER DISK LABEL:")
    return c.cmd(label, 120)


def logon(s, userid="ALICE"):
    return cmsclient.Cms(s, userid)


# ---- Tests ---------------------------------------------------------------------------


def t_format_access_list(_):
    """FORMAT (its questions, every track, the label), QUERY DISK and
    SEARCH; files cmsdisk wrote read by LISTFILE and TYPE; LISTFILE
    (EXEC's CMS EXEC read back by cmsdisk byte for byte."""
    s = cmsclient.system(BIN, [cmsclient.user("ALICE", disks=(("191", 2),))])
    try:
        c = logon(s)
        out, rc = answer_format(c, "FORMAT 191 A", "alice1")
        assert rc == 0, out
        assert out == ["DMSFOR733I FORMATTING DISK 'A'",
                       "DMSFOR732I 2 CYLINDERS FORMATTED ON DISK 'A(191)'"], out
        out = c.ok("QUERY DISK")
        assert out == ["A (191): 0 FILES; 5 REC IN USE, 1135 LEFT (OF 1140), 1% FULL (2 CYL), 3350, R/W"], out
        out = c.ok("QUERY SEARCH")
        assert out[0] == "ALICE1 191  A    R/W", out
        assert out[1].startswith("CMS190 190  S    R/O"), out
        out, rc = c.cmd("LISTFILE")
        assert out == ["DMSLST002E FILE NOT FOUND"] and rc == 28, (out, rc)
        c.logoff()
        if not have_cmsdisk():
            print("(cmsdisk not built: no cross-check)")
            return
        st, o = cmsdisk(s, "stat")
        assert st == 0 and "ALICE1: 0 FILES; 5 REC IN USE, 1135 LEFT (OF 1140)" in o, o
        text = "".join("line %d of the file\n" % i for i in range(1, 31))
        st, o = cmsdisk(s, "write", host_file(s, "a.txt", text), "HELLO", "TEXT", "A1")
        assert st == 0, o
        vtext = "short\n" + "x" * 200 + "\nthird\n"
        st, o = cmsdisk(s, "write", host_file(s, "v.txt", vtext), "VFILE", "DATA", "A1", "--recfm", "V")
        assert st == 0, o
        c = logon(s)
        out = c.ok("LISTFILE")
        assert out == ["HELLO    TEXT     A1", "VFILE    DATA     A1"], out
        out = c.ok("LISTFILE * * A (LABEL HEADER")
        assert out[0] == "FILENAME FILETYPE FM F LRECL   RECS BLOCKS DATE     TIME  LABEL", out
        assert re.match(r"HELLO    TEXT     A1 F    80     30      3 \d\d/\d\d/\d\d \d\d:\d\d ALICE1$", out[1]), out
        assert re.match(r"VFILE    DATA     A1 V   200      3      1 ", out[2]), out
        out = c.ok("TYPE HELLO TEXT A 2 3")
        assert out == ["line 2 of the file", "line 3 of the file"], out
        out = c.ok("TYPE HELLO TEXT * 30 *")
        assert out == ["line 30 of the file"], out
        out = c.ok("TYPE VFILE DATA")
        assert out == ["short", "x" * 130, "x" * 70, "third"], out
        out = c.ok("TYPE VFILE DATA A 1 1 (HEX")
        assert out == ["A2889699 A3"], out
        out = c.ok("TYPE HELLO TEXT A 10 10 (COL 3-6")
        assert out == ["ne 1"], out
        c.ok("LISTFILE * * A (EXEC")
        out = c.ok("TYPE CMS EXEC")
        assert out == ["&1 &2 HELLO    TEXT     A1", "&1 &2 VFILE    DATA     A1"], out
        c.logoff()
        st, raw, err = cmsdisk_raw(s, "read", "CMS", "EXEC", "A", "--binary")
        assert st == 0, err
        assert raw == ebc("&1 &2 HELLO    TEXT     A1".ljust(80) + "&1 &2 VFILE    DATA     A1".ljust(80)), raw
        st, lst = cmsdisk(s, "list", "CMS", "EXEC")
        assert st == 0 and lst.startswith("CMS      EXEC     A1 F    80      2     1 "), lst
    finally:
        s.stop()



def t_commands(_):
    """STATE, STATEW, ERASE (wildcards, TYPE), RENAME (=, errors), LISTFILE's
    options, TYPE's errors, FORMAT answered NO, FORMAT (LABEL, QUERY DISK *,
    ACCESS and RELEASE errors; LOGOFF and LOGON: the files are there."""
    s = cmsclient.system(BIN, [cmsclient.user("ALICE", disks=(("191", 2), ("192", 1)))])
    try:
        c = logon(s)
        c.send("FORMAT 192 B")
        c.expect(r"DO YOU WISH TO CONTINUE\? \(YES\|NO\):")
        out, rc = c.cmd("no")
        assert out == ["DMSFOR705I DISK REMAINS UNCHANGED"] and rc == 0, (out, rc)
        out, rc = answer_format(c, "FORMAT 191 A", "ALI191")
        assert rc == 0, out
        out, rc = answer_format(c, "FORMAT 192 B 1", "ALI192")
        assert out[-1] == "DMSFOR732I 1 CYLINDERS FORMATTED ON DISK 'B(192)'" and rc == 0, out
        out, rc = c.cmd("STATE CMS EXEC")
        assert out == ["DMSSTT002E FILE 'CMS EXEC *' NOT FOUND"] and rc == 28, (out, rc)
        # Files made by LISTFILE (EXEC, then renamed.
        c.ok("LISTFILE * * S (EXEC")
        c.ok("RENAME CMS EXEC A ONE EXEC =")
        c.ok("LISTFILE * * S (EXEC")
        c.ok("RENAME CMS EXEC A TWO EXEC A2")
        c.ok("LISTFILE * * S (EXEC")
        c.ok("RENAME CMS EXEC A THREE DATA A")
        out = c.ok("LISTFILE * * A")
        assert out == ["ONE      EXEC     A1", "TWO      EXEC     A2", "THREE    DATA     A1"], out
        out, rc = c.cmd("RENAME ONE EXEC A TWO EXEC A")
        assert out == ["DMSRNM024E FILE 'TWO EXEC A' ALREADY EXISTS"] and rc == 28, (out, rc)
        out, rc = c.cmd("RENAME NONE EXEC A X Y A")
        assert out == ["DMSRNM002E FILE 'NONE EXEC A' NOT FOUND"] and rc == 28, (out, rc)
        out, rc = c.cmd("RENAME ONE EXEC A X Y")
        assert out == ["DMSRNM054E INCOMPLETE FILEID SPECIFIED"] and rc == 24, (out, rc)
        out, rc = c.cmd("RENAME ONE EXEC A X Y B")
        assert out == ["DMSRNM048E INVALID MODE 'B'"] and rc == 24, (out, rc)
        out, rc = c.cmd("RENAME ONE EXEC A X.Y Z A")
        assert out == ["DMSRNM070E INVALID PARAMETER 'X.Y'"] and rc == 24, (out, rc)
        # STATE: * and modes; STATEW on a R/O disk; the disk not accessed.
        assert c.ok("STATE * EXEC") == []
        assert c.ok("STATE TWO * A2") == []
        out, rc = c.cmd("STATE TWO EXEC A1")
        assert out == ["DMSSTT002E FILE 'TWO EXEC A1' NOT FOUND"] and rc == 28, (out, rc)
        out, rc = c.cmd("STATE TWO EXEC Q")
        assert out == ["DMSSTT069E DISK 'Q' NOT ACCESSED"] and rc == 36, (out, rc)
        out, rc = c.cmd("STATE TWO EXEC 1")
        assert out == ["DMSSTT048E INVALID MODE '1'"] and rc == 24, (out, rc)
        out, rc = c.cmd("STATE TWO")
        assert out == ["DMSSTT054E INCOMPLETE FILEID SPECIFIED"] and rc == 24, (out, rc)
        s_file = c.ok("LISTFILE * * S (FMODE")[0].split()
        assert c.ok("STATE %s %s" % (s_file[0], s_file[1])) == []
        out, rc = c.cmd("STATEW %s %s" % (s_file[0], s_file[1]))
        assert out == ["DMSSTT002E FILE '%s %s *' NOT FOUND" % (s_file[0], s_file[1])] and rc == 28, (out, rc)
        # LISTFILE: options, errors.
        out, rc = c.cmd("LISTFILE * * A (XYZ")
        assert out == ["DMSLST003E INVALID OPTION 'XYZ'"] and rc == 24, (out, rc)
        out, rc = c.cmd("LISTFILE * * Q")
        assert out == ["DMSLST069E DISK 'Q' NOT ACCESSED"] and rc == 36, (out, rc)
        out = c.ok("LISTFILE * EXEC A (FNAME HEADER")
        assert out == ["FILENAME", "ONE", "TWO"], out
        out = c.ok("LISTFILE T* * A (FTYPE")
        assert out == ["TWO      EXEC", "THREE    DATA"], out
        out = c.ok("LISTFILE * * A2 (DATE")
        assert re.match(r"TWO      EXEC     A2 F    80 +\d+ +\d+ \d\d/\d\d/\d\d \d\d:\d\d$", out[0]), out
        # TYPE's errors.
        out, rc = c.cmd("TYPE NONE EXEC")
        assert out == ["DMSTYP002E FILE 'NONE EXEC *' NOT FOUND"] and rc == 28, (out, rc)
        out, rc = c.cmd("TYPE ONE")
        assert out == ["DMSTYP054E INCOMPLETE FILEID SPECIFIED"] and rc == 24, (out, rc)
        out, rc = c.cmd("TYPE ONE EXEC A (FOO")
        assert out == ["DMSTYP003E INVALID OPTION 'FOO'"] and rc == 24, (out, rc)
        # ERASE: wildcards, (TYPE, errors.
        out, rc = c.cmd("ERASE * * *")
        assert out == ["DMSERS071E ERASE * * * NOT ALLOWED"] and rc == 24, (out, rc)
        out, rc = c.cmd("ERASE X Y S")
        assert out == ["DMSERS037E DISK 'S' IS READ/ONLY"] and rc == 36, (out, rc)
        out, rc = c.cmd("ERASE X Y")
        assert out == ["DMSERS002E FILE 'X Y A' NOT FOUND"] and rc == 28, (out, rc)
        out = c.ok("ERASE * EXEC A (TYPE")
        assert out == ["ONE      EXEC     A1", "TWO      EXEC     A2"], out
        assert c.ok("LISTFILE") == ["THREE    DATA     A1"]
        # QUERY DISK * and SEARCH, RELEASE and ACCESS.
        out = c.ok("QUERY DISK *")
        assert out[0].startswith("A (191): 1 FILES;") and out[1].startswith("B (192): 0 FILES; 5 REC IN USE, 565 LEFT (OF 570)"), out
        assert out[2].startswith("S (190): ") and out[2].endswith(", 3350, R/O"), out
        c.ok("RELEASE B")
        out, rc = c.cmd("QUERY DISK B")
        assert out == ["DMSQRY069E DISK 'B' NOT ACCESSED"] and rc == 36, (out, rc)
        out, rc = c.cmd("RELEASE B")
        assert out == ["DMSARE069E DISK 'B' NOT ACCESSED"] and rc == 36, (out, rc)
        out, rc = c.cmd("ACCESS 333 B")
        assert out == ["DMSACC113S B(333) NOT ATTACHED"] and rc == 100, (out, rc)
        out, rc = c.cmd("ACCESS 00C B")
        assert out == ["DMSACC112S B(00C) DEVICE ERROR"] and rc == 100, (out, rc)
        out, rc = c.cmd("ACCESS XYZ B")
        assert out == ["DMSACC017E INVALID DEVICE ADDRESS 'XYZ'"] and rc == 24, (out, rc)
        out, rc = c.cmd("ACCESS 192 BB")
        assert out == ["DMSACC048E INVALID MODE 'BB'"] and rc == 24, (out, rc)
        out, rc = c.cmd("ACCESS 192 B (FOO")
        assert out == ["DMSACC003E INVALID OPTION 'FOO'"] and rc == 24, (out, rc)
        c.ok("ACCESS 192 B")
        # The same R/W disk at another mode: it moves.
        out = c.ok("ACCESS 192 C")
        assert out == ["DMSACC726I 192 B RELEASED"], out
        out = c.ok("ACCESS 192 A")
        assert out == ["DMSACC724I 192 REPLACES A (191)", "DMSACC726I 192 C RELEASED"] or \
            out == ["DMSACC726I 192 C RELEASED", "DMSACC724I 192 REPLACES A (191)"], out
        c.ok("ACCESS 191 A")
        c.ok("ACCESS 192 B")
        # FORMAT (LABEL: only the label.
        c.send("FORMAT 192 B (LABEL")
        c.expect("DMSFOR605R ENTER DISK LABEL:")
        c.ok("NEWLAB")
        out = c.ok("QUERY SEARCH")
        assert out[1] == "NEWLAB 192  B    R/W", out
        c.logoff()
        # Logged on again: the files are there.
        c = logon(s)
        assert c.ok("LISTFILE * * *")[:1] == ["THREE    DATA     A1"]
        out = c.ok("TYPE THREE DATA A 1 1")
        assert out[0].startswith("&1 &2 "), out
        c.logoff()
    finally:
        s.stop()


def t_recomp(_):
    """FORMAT nocyl, then (RECOMP: the CMS area grows to the whole disk and
    shrinks back, the files kept; not when a block in use is past the new
    end (DMSFOR214W)."""
    s = cmsclient.system(BIN, [cmsclient.user("ALICE", disks=(("191", 3),))])
    try:
        c = logon(s)
        out, rc = answer_format(c, "FORMAT 191 A 1", "RECOMP")
        assert out[-1] == "DMSFOR732I 1 CYLINDERS FORMATTED ON DISK 'A(191)'", out
        c.ok("LISTFILE * * S (EXEC")
        before = c.ok("TYPE CMS EXEC")
        out = c.ok("FORMAT 191 A (RECOMP")
        assert out == ["DMSFOR732I 3 CYLINDERS FORMATTED ON DISK 'A(191)'"], out
        out = c.ok("QUERY DISK")
        assert re.match(r"A \(191\): 1 FILES; \d+ REC IN USE, \d+ LEFT \(OF 1710\), \d+% FULL \(3 CYL\)", out[0]), out
        assert c.ok("TYPE CMS EXEC") == before
        # A file whose blocks reach past cylinder 1, then a smaller area.
        c.logoff()
        d = Minidisk(s, "ALICE")
        d.fill(1710 - 575, low=True)         # blocks 1 to 575 in use
        d.close()
        c = logon(s)
        c.ok("LISTFILE * * S (EXEC APPEND")
        out, rc = c.cmd("FORMAT 191 A 1 (RECOMP")
        assert out == ["DMSFOR214W CANNOT RECOMPUTE WITHOUT LOSS OF DATA. NO CHANGE."] and rc == 8, (out, rc)
        c.ok("FORMAT 191 A 2 (RECOMP")
        out = c.ok("QUERY DISK")
        assert "(OF 1140)" in out[0] and "(2 CYL)" in out[0], out
        assert c.ok("TYPE CMS EXEC")[:len(before)] == before
        c.logoff()
        if have_cmsdisk():
            st, o = cmsdisk(s, "stat")
            assert st == 0 and "RECOMP: 1 FILES;" in o and "(OF 1140)" in o, o
    finally:
        s.stop()


# A program that calls RDBUF, WRBUF, FINIS, STATE and ERASE through SVC
# 202 with R6's FSCBs, step by step, each with the return code (and for
# reads the bytes read) it must give; it types the steps that do not.
FSTEST = """\
         REGEQU
         MACRO
&L       STEP  &FN,&NAME,&TYPE,&FM,&ITEM,&BUF,&SIZE,&FV,&N,&RC,&BYTES
&L       DC    F'&RC',F'&BYTES'
         DC    CL8'&FN',CL8'&NAME',CL8'&TYPE',CL2'&FM',AL2(&ITEM)
         DC    A(&BUF),F'&SIZE',CL2'&FV',H'&N',F'0'
         MEND
FSTEST   CSECT
         STM   R14,R12,12(R13)
         LR    R12,R15
         USING FSTEST,R12
         LA    R9,TABLE
         SR    R10,R10
         SR    R11,R11
LOOP     CLI   0(R9),X'FF'
         BE    DONE
         LA    R10,1(,R10)
         LA    R1,8(,R9)
         SVC   202
         DC    AL4(1)
         C     R15,0(,R9)
         BNE   BAD
         L     R2,4(,R9)
         LTR   R2,R2
         BM    NEXT
         C     R2,48(,R9)
         BNE   BAD
NEXT     LA    R9,52(,R9)
         B     LOOP
BAD      LA    R11,1(,R11)
         CVD   R10,DW
         UNPK  MSG+5(3),DW+6(2)
         OI    MSG+7,X'F0'
         CVD   R15,DW
         UNPK  MSG+12(3),DW+6(2)
         OI    MSG+14,X'F0'
         L     R2,48(,R9)
         CVD   R2,DW
         UNPK  MSG+22(5),DW+5(3)
         OI    MSG+26,X'F0'
         WRTERM MSG,L'MSG
         B     NEXT
DONE     FSSTATE 'T3 DATA A'
         CLC   26(2,R1),=AL2(65533)
         BE    DONE2
         WRTERM 'STATE: NOT 65533 RECORDS'
         LA    R11,1(,R11)
DONE2    LTR   R11,R11
         BNZ   OUT
         WRTERM 'FSTEST OK'
OUT      LR    R15,R11
         L     R14,12(,R13)
         LM    R0,R12,20(R13)
         BR    R14
DW       DS    D
MSG      DC    C'STEP nnn RC=nnn BYTES=nnnnn'
REC1     DC    CL80'RECORD 1'
REC2     DC    CL80'RECORD 2'
REC3     DC    CL80'RECORD 3'
REC10    DC    CL80'RECORD 10'
BUF      DC    300C'V'
BIG      DS    CL300
TABLE    DS    0F
 STEP WRBUF,T1,DATA,A1,0,REC1,80,F,1,0,-1
 STEP WRBUF,T1,DATA,A1,0,REC2,80,F,1,0,-1
 STEP WRBUF,T1,DATA,A1,0,REC3,80,F,1,0,-1
 STEP WRBUF,T1,DATA,A1,10,REC10,80,F,1,0,-1
 STEP WRBUF,T1,DATA,A1,0,REC1,80,V,1,16,-1
 STEP WRBUF,T1,DATA,A1,0,REC1,40,F,1,15,-1
 STEP FINIS,T1,DATA,A1,0,0,0,F,0,0,-1
 STEP FINIS,T1,DATA,A1,0,0,0,F,0,6,-1
 STEP RDBUF,T1,DATA,*,5,BIG,80,F,1,0,80
 STEP RDBUF,T1,DATA,*,11,BIG,80,F,1,12,-1
 STEP RDBUF,T1,DATA,*,1,BIG,240,F,3,0,240
 STEP RDBUF,T1,DATA,*,0,BIG,40,F,1,8,40
 STEP WRBUF,T1,DATA,A1,0,REC1,80,F,1,9,-1
 STEP RDBUF,T1,DATA,*,0,BIG,80,F,0,5,-1
 STEP RDBUF,T1,DATA,*,0,0,80,F,1,2,-1
 STEP FINIS,*,*,*,0,0,0,F,0,0,-1
 STEP WRBUF,T2,DATA,A1,0,BUF,5,V,1,0,-1
 STEP WRBUF,T2,DATA,A1,0,BUF,300,V,1,0,-1
 STEP WRBUF,T2,DATA,A1,0,BUF,10,V,1,0,-1
 STEP WRBUF,T2,DATA,A1,2,BUF,300,V,1,0,-1
 STEP WRBUF,T2,DATA,A1,5,BUF,10,V,1,7,-1
 STEP WRBUF,T2,DATA,A1,0,BUF,10,V,2,18,-1
 STEP WRBUF,T2,DATA,A1,0,BUF,70000,V,1,17,-1
 STEP FINIS,T2,DATA,A1,0,0,0,V,0,0,-1
 STEP RDBUF,T2,DATA,A,2,BIG,100,V,1,8,100
 STEP RDBUF,T2,DATA,A,3,BIG,100,V,1,0,10
 STEP RDBUF,T2,DATA,A,2,BIG,300,V,2,11,-1
 STEP RDBUF,T2,DATA,A,4,BIG,300,V,1,12,-1
 STEP RDBUF,T2,DATA,A,1,BIG,300,V,1,0,5
 STEP FINIS,T2,DATA,A,0,0,0,V,0,0,-1
 STEP WRBUF,T2,DATA,A1,2,BUF,20,V,1,0,-1
 STEP FINIS,T2,DATA,A,0,0,0,V,0,0,-1
 STEP RDBUF,T2,DATA,A,3,BIG,300,V,1,12,-1
 STEP RDBUF,T2,DATA,A,2,BIG,300,V,1,0,20
 STEP FINIS,T2,DATA,A,0,0,0,V,0,0,-1
 STEP WRBUF,T.1,DATA,A1,0,REC1,80,F,1,20,-1
 STEP WRBUF,T1,DA/TA,A1,0,REC1,80,F,1,21,-1
 STEP WRBUF,T1,DATA,1A,0,REC1,80,F,1,4,-1
 STEP WRBUF,T1,DATA,AX,0,REC1,80,F,1,5,-1
 STEP WRBUF,T1,DATA,A1,0,REC1,0,F,1,8,-1
 STEP WRBUF,T1,DATA,A1,0,REC1,80,X,1,11,-1
 STEP WRBUF,T1,DATA,A1,0,REC1,80,F,3,14,-1
 STEP WRBUF,T5,DATA,S1,0,REC1,80,F,1,12,-1
 STEP RDBUF,NONE,DATA,*,0,BIG,80,F,1,1,-1
 STEP WRBUF,T3,DATA,A1,65533,REC1,1,F,1,0,-1
 STEP WRBUF,T3,DATA,A1,65534,REC1,1,F,1,6,-1
 STEP FINIS,T3,DATA,A1,0,0,0,F,0,0,-1
 STEP WRBUF,T4,DATA,A1,197,BIG,65535,F,1,19,-1
 STEP FINIS,T4,DATA,A1,0,0,0,F,0,0,-1
 STEP RDBUF,T4,DATA,A1,1,BIG,80,F,1,1,-1
 STEP ERASE,T1,DATA,A1,0,0,0,F,0,0,-1
 STEP ERASE,T1,DATA,A1,0,0,0,F,0,28,-1
         DC    X'FF'
         LTORG
         END   FSTEST
"""


# Writes a record without FINIS, then divides by zero: the abend closes
# the file (DMSABN calls FSABEND), which is kept.
ABENDW = """\
         REGEQU
ABENDW   CSECT
         USING ABENDW,R15
         LR    R12,R15
         DROP  R15
         USING ABENDW,R12
         FSWRITE 'AB DATA A1',BUFFER=REC,BSIZE=80,RECFM=F
         SR    R2,R2
         L     R3,=F'10'
         SR    R4,R4
         DR    R2,R4
         BR    R14
REC      DC    CL80'WRITTEN BEFORE THE ABEND'
         LTORG
         END   ABENDW
"""


def t_fscb_program(_):
    """The program interface: a program assembled, loaded and run in CMS
    drives RDBUF, WRBUF, FINIS, STATE and ERASE with R6's FSCBs through
    every return code they have; the files it made checked by cmsdisk."""
    s = cmsclient.system(BIN, [cmsclient.user("ALICE", disks=(("191", 2),))])
    try:
        if not have_cmsdisk():
            print("(cmsdisk not built: skipped)")
            return
        st, o = cmsdisk(s, "format", "ALICE")
        assert st == 0, o
        st, o = cmsdisk(s, "write", host_file(s, "fstest.asm", FSTEST), "FSTEST", "ASSEMBLE", "A1")
        assert st == 0, o
        st, o = cmsdisk(s, "write", host_file(s, "abendw.asm", ABENDW), "ABENDW", "ASSEMBLE", "A1")
        assert st == 0, o
        c = logon(s)
        out, rc = c.cmd("ASSEMBLE FSTEST", 60)
        if any("undefined operation code REGEQU" in l for l in out):
            print("(no macro library for ASSEMBLE here: skipped)")
            c.logoff()
            return
        assert rc == 0, (out, rc)
        out, rc = c.cmd("INCLUDE FSTEST")
        assert rc == 0, (out, rc)
        out, rc = c.cmd("START", 60)
        assert out[-1] == "FSTEST OK" and rc == 0, (out, rc)
        out = c.ok("LISTFILE T* DATA A (ALLOC")
        assert out == ["T2       DATA     A1 V   300      2      1",
                       "T3       DATA     A1 F     1  65533     82"], out
        c.ok("ASSEMBLE ABENDW", 60)
        c.ok("INCLUDE ABENDW")
        out, rc = c.cmd("START")
        assert any("SYSTEM ABEND 0C9" in l for l in out), out
        out = c.ok("TYPE AB DATA")
        assert out == ["WRITTEN BEFORE THE ABEND"], out
        c.logoff()
        st, raw, err = cmsdisk_raw(s, "read", "T3", "DATA", "--binary")
        assert st == 0 and raw == bytes(65532) + ebc("R"), (len(raw), err)
        st, raw, err = cmsdisk_raw(s, "read", "T2", "DATA", "--binary")
        assert st == 0 and raw == b"\x00\x05" + ebc("V" * 5) + b"\x00\x14" + ebc("V" * 20), raw
    finally:
        s.stop()


def t_3330(_):
    """A 3330 minidisk: 14 blocks a track, 19 tracks a cylinder, unit type
    X'09'; FORMAT, files written and read, QUERY DISK, cmsdisk's view."""
    d330 = {"address": "193", "type": "minidisk", "volume": "USR330", "devtype": "3330", "cylinder": 1,
            "cylinders": 3, "mode": "MR", "read": "ALL", "write": "ALL"}
    s = cmsclient.system(BIN, [cmsclient.user("ALICE", disks=(), extra=(d330,))])
    try:
        c = logon(s)
        out, rc = answer_format(c, "FORMAT 193 C", "DSK330")
        assert out[-1] == "DMSFOR732I 3 CYLINDERS FORMATTED ON DISK 'C(193)'" and rc == 0, out
        out = c.ok("QUERY DISK C")
        assert out == ["C (193): 0 FILES; 5 REC IN USE, 793 LEFT (OF 798), 1% FULL (3 CYL), 3330, R/W"], out
        c.ok("ACCESS 193 A")
        for i in range(4):
            c.ok("LISTFILE * * S (EXEC APPEND")
        n = int(c.ok("LISTFILE CMS EXEC A (ALLOC")[0].split()[5])
        lines = c.ok("TYPE CMS EXEC")
        assert len(lines) == n and all(l.startswith("&1 &2 ") for l in lines), (n, len(lines))
        c.logoff()
        if have_cmsdisk():
            st, o = cmsdisk(s, "stat", addr="193")
            assert st == 0 and "DSK330: 1 FILES;" in o and ", 3330" in o, o
            st, o = cmsdisk(s, "read", "CMS", "EXEC", addr="193")
            assert st == 0 and o.count("&1 &2 ") == n, o[:200]
    finally:
        s.stop()


def t_links_and_extensions(_):
    """A disk linked read-only (CP's RR link: R/O from CP's refusal of a
    write), a read-only extension (ACCESS cuu mode/ext, a subset of its
    files), mode 0 files hidden on a R/O disk."""
    bob = cmsclient.user("BOB", disks=(), extra=({"address": "195", "type": "link", "user": "ALICE",
                                                  "to": "191", "mode": "RR"},))
    s = cmsclient.system(BIN, [cmsclient.user("ALICE", disks=(("191", 2), ("192", 1))), bob])
    try:
        a = logon(s)
        answer_format(a, "FORMAT 191 A", "ALICE")
        answer_format(a, "FORMAT 192 B", "ALIB")
        a.ok("LISTFILE * * S (EXEC")
        a.ok("RENAME CMS EXEC A PUBLIC EXEC A1")
        a.ok("LISTFILE * * S (EXEC")
        a.ok("RENAME CMS EXEC A SECRET EXEC A0")
        a.ok("LISTFILE * * S (EXEC")
        a.ok("RENAME CMS EXEC A SHARED DATA A2")
        # A file on 192 (accessed as A for LISTFILE (EXEC), then 191 back.
        out = a.ok("ACCESS 192 A")
        assert out == ["DMSACC724I 192 REPLACES A (191)", "DMSACC726I 192 B RELEASED"], out
        a.ok("LISTFILE * * S (EXEC")
        a.ok("RENAME CMS EXEC A BFILE DATA A")
        a.ok("ACCESS 191 A")
        # An extension of A: found through A, read-only, a subset.
        out = a.ok("ACCESS 192 C/A")
        assert out == ["DMSACC723I C (192) R/O"], out
        assert a.ok("STATE BFILE DATA A") == []
        out, rc = a.cmd("ERASE BFILE DATA C")
        assert out == ["DMSERS037E DISK 'C' IS READ/ONLY"] and rc == 36, (out, rc)
        out = a.ok("QUERY SEARCH")
        assert "ALIB   192  C/A  R/O" in out, out
        a.ok("RELEASE C")
        out = a.ok("ACCESS 191 D/A * * A2")
        out = a.ok("LISTFILE * * D")
        assert out == ["SHARED   DATA     D2"], out
        a.ok("RELEASE D")
        a.logoff()
        # BOB: ALICE's 191 linked read-only, accessed R/O; mode 0 hidden.
        b = logon(s, "BOB")
        out = b.ok("ACCESS 195 C")
        assert out == ["DMSACC723I C (195) R/O"], out
        out = b.ok("LISTFILE * * C")
        assert out == ["PUBLIC   EXEC     C1", "SHARED   DATA     C2"], out
        out, rc = b.cmd("ERASE PUBLIC EXEC C")
        assert out == ["DMSERS037E DISK 'C' IS READ/ONLY"] and rc == 36, (out, rc)
        out = b.ok("QUERY DISK C")
        assert out[0].startswith("C (195): 2 FILES;") and out[0].endswith(", 3350, R/O"), out
        out, rc = b.cmd("LISTFILE (EXEC")
        assert rc == 36, (out, rc)
        b.logoff()
    finally:
        s.stop()



def s_files(c):
    return len(c.ok("LISTFILE * * S"))


def t_disk_full(_):
    """A full disk: WRBUF's 13 (DMSLST105S ERROR 13 from LISTFILE (EXEC),
    what was written before it kept and closed, the disk consistent (the
    commit's blocks were kept free); ERASE gives the space back."""
    s = cmsclient.system(BIN, [cmsclient.user("ALICE", disks=(("191", 1),))])
    try:
        c = logon(s)
        answer_format(c, "FORMAT 191 A", "FULL")
        n = s_files(c)
        per = (n * 80 + 799) // 800                      # blocks a LISTFILE (EXEC adds
        c.logoff()
        d = Minidisk(s, "ALICE")
        d.fill(2 * per + per // 2 + 4)
        d.close()
        c = logon(s)
        out = c.ok("QUERY DISK")
        left = int(re.search(r"(\d+) LEFT", out[0]).group(1))
        assert left == 2 * per + per // 2 + 4, out
        rc, tries = 0, 0
        while rc == 0 and tries < 10:
            out, rc = c.cmd("LISTFILE * * S (EXEC APPEND")
            tries += 1
        assert out == ["DMSLST105S ERROR 13 WRITING FILE 'CMS EXEC A1' ON DISK"] and rc == 13, (out, rc)
        assert tries == 3, tries
        out = c.ok("LISTFILE CMS EXEC A (ALLOC")
        recs = int(out[0].split()[5])
        assert 2 * n < recs < 3 * n, (n, recs, out)
        out = c.ok("QUERY DISK")
        assert re.search(r"\b[0-9] LEFT", out[0]), out
        out = c.ok("TYPE CMS EXEC A %d %d" % (recs, recs))
        assert out[0].startswith("&1 &2 "), out
        c.logoff()
        if have_cmsdisk():
            st, o = cmsdisk(s, "list")
            assert st == 0 and o.startswith("CMS      EXEC     A1 F    80 %6d" % recs), o
            st, o = cmsdisk(s, "read", "CMS", "EXEC")
            assert st == 0 and o.count("&1 &2 ") == recs, o[-300:]
        c = logon(s)
        c.ok("ERASE CMS EXEC")
        out = c.ok("QUERY DISK")
        assert "0 FILES" in out[0] and int(re.search(r"(\d+) LEFT", out[0]).group(1)) > 2 * per, out
        c.ok("LISTFILE * * S (EXEC")
        c.logoff()
    finally:
        s.stop()


def t_kill_after_ready(_):
    """A file closed is a file kept: vm370 killed (SIGKILL) right after
    the ready message of the command that wrote it; restarted, the file
    and the disk are whole."""
    s = cmsclient.system(BIN, [cmsclient.user("ALICE", disks=(("191", 2),))])
    try:
        c = logon(s)
        answer_format(c, "FORMAT 191 A", "KILL")
        c.ok("LISTFILE * * S (EXEC")
        c.ok("RENAME CMS EXEC A KEEP DATA A")
        before = c.ok("TYPE KEEP DATA")
        c.ok("LISTFILE * * S (EXEC")
        s.p.send_signal(signal.SIGKILL)
        s.p.wait()
        s.start()
        c = logon(s)
        out = c.ok("LISTFILE")
        assert out == ["KEEP     DATA     A1", "CMS      EXEC     A1"], out
        assert c.ok("TYPE KEEP DATA") == before
        assert c.ok("TYPE CMS EXEC") == before
        c.logoff()
        if have_cmsdisk():
            st, o = cmsdisk(s, "stat")
            assert st == 0 and "KILL: 2 FILES;" in o, o
    finally:
        s.stop()


def t_corrupt_disks(_):
    """Damaged disks give CMS's messages, never an abend or a loop: a bad
    MFD, label, unit type, FST (a first chain link outside the disk, more
    records than its blocks hold, garbage), a data block pointer outside
    the disk, a block used twice in a chain, a V file's garbage record
    lengths. CMS and CP go on."""
    import random, shutil
    rnd = random.Random(370)
    s = cmsclient.system(BIN, [cmsclient.user("ALICE", disks=(("191", 1),))])
    try:
        c = logon(s)
        answer_format(c, "FORMAT 191 A", "BAD")
        c.ok("LISTFILE * * S (EXEC")
        c.ok("RENAME CMS EXEC A FFILE DATA A")
        good = c.ok("TYPE FFILE DATA")
        c.logoff()
        have_v = have_cmsdisk()
        if have_v:
            st, o = cmsdisk(s, "write", host_file(s, "v.txt", "".join("v record %d\n" % i for i in range(300))),
                            "VFILE", "DATA", "A1", "--recfm", "V")
            assert st == 0, o
        vol = glob.glob(os.path.join(s.data, "volumes", "USR001.*"))[0]
        good_vol = os.path.join(s.work, "good.vol")
        shutil.copy(vol, good_vol)

        def fst_of(d, name):
            for blk, i, e in d.fsts():
                if asc(e[:8]).strip() == name:
                    return blk, i, e
            raise AssertionError(name)

        def damage(fn):
            shutil.copy(good_vol, vol)
            d = Minidisk(s, "ALICE")
            fn(d)
            d.close()

        def set_fst(d, name, off, data):
            blk, i, e = fst_of(d, name)
            b = d.read(blk)
            b[40 * i + off:40 * i + off + len(data)] = data
            d.write(blk, b)

        def device_error(label):
            c = logon(s)
            assert "DMSACC112S A(191) DEVICE ERROR" in c.c.buf, (label, c.c.buf[-500:])
            out, rc = c.cmd("QUERY DISK A")
            assert out == ["DMSQRY069E DISK 'A' NOT ACCESSED"] and rc == 36, (label, out, rc)
            out, rc = c.cmd("ACCESS 191 A")
            assert out == ["DMSACC112S A(191) DEVICE ERROR"] and rc == 100, (label, out, rc)
            assert c.ok("QUERY RDYMSG") == ["RDYMSG = LMSG"]
            c.logoff()

        damage(lambda d: d.write(4, bytes(rnd.randrange(256) for _ in range(800))))
        device_error("MFD garbage")
        damage(lambda d: d.write(3, bytes(rnd.randrange(256) for _ in range(800))))
        device_error("label garbage")

        def unit(d):
            m = d.read(4)
            m[599] = 0x09
            d.write(4, m)
        damage(unit)
        device_error("unit type")
        damage(lambda d: set_fst(d, "FFILE", 28, struct.pack(">H", 60000)))
        device_error("first chain link outside")
        damage(lambda d: set_fst(d, "FFILE", 26, struct.pack(">H", 65000)))
        device_error("records")

        def fst_garbage(d):
            blk, i, e = fst_of(d, "FFILE")
            g = bytearray(rnd.randrange(256) for _ in range(800))
            g[30] = 0x00                                  # no F or V
            d.write(blk, g)
        damage(fst_garbage)
        device_error("FST block garbage")

        # A data block outside the disk: ACCESS is fine, reading fails.
        def data_out(d):
            blk, i, e = fst_of(d, "FFILE")
            fcl = struct.unpack(">H", e[28:30])[0]
            b = d.read(fcl)
            b[82:84] = struct.pack(">H", 0xFFF0)          # data block 2
            d.write(fcl, b)
        damage(data_out)
        c = logon(s)
        out, rc = c.cmd("TYPE FFILE DATA")
        assert out[:10] == good[:10] and out[-1] == "DMSTYP104S ERROR 3 READING FILE 'FFILE DATA A1' FROM DISK" \
            and rc == 100, (out, rc)
        assert c.ok("QUERY RDYMSG") == ["RDYMSG = LMSG"]
        c.ok("ERASE FFILE DATA")                          # (its bad pointer left alone)
        c.logoff()

        # A block twice in a chain: read twice, no loop; erased.
        def twice(d):
            blk, i, e = fst_of(d, "FFILE")
            fcl = struct.unpack(">H", e[28:30])[0]
            b = d.read(fcl)
            b[82:84] = b[80:82]
            d.write(fcl, b)
        damage(twice)
        c = logon(s)
        out = c.ok("TYPE FFILE DATA")
        assert out[:10] == good[:10] and out[10:20] == good[:10], out[:20]
        c.ok("ERASE FFILE DATA")
        c.logoff()

        if have_v:
            def vgarbage(d):
                blk, i, e = fst_of(d, "VFILE")
                fcl = struct.unpack(">H", e[28:30])[0]
                first = struct.unpack(">H", d.read(fcl)[80:82])[0]
                b = d.read(first)
                b[0:2] = b"\xff\xf0"                      # a record longer than the file
                d.write(first, b)
            damage(vgarbage)
            c = logon(s)
            out, rc = c.cmd("TYPE VFILE DATA")
            assert out == ["DMSTYP104S ERROR 13 READING FILE 'VFILE DATA A1' FROM DISK"] and rc == 100, (out, rc)
            out = c.ok("TYPE FFILE DATA A 1 2")
            assert out == good[:2], out
            c.logoff()
        shutil.copy(good_vol, vol)
    finally:
        s.stop()


def t_mode3_and_nomsg(_):
    """A file of mode number 3 is erased after it is read (TYPE closes
    it), on the disk too; one of mode 1 stays. &CONTROL NOMSG silences
    FILE NOT FOUND of STATE, ERASE, LISTFILE and RENAME in an EXEC, the
    return codes unchanged; MSG brings them back."""
    s = cmsclient.system(BIN, [cmsclient.user("ALICE", disks=(("191", 2),))])
    try:
        c = logon(s)
        out, rc = answer_format(c, "FORMAT 191 A", "ALI191")
        assert rc == 0, out
        c.logoff()
        if not have_cmsdisk():
            print("(cmsdisk not built: not run)")
            return
        for name, fm, text in (("TEMP", "A3", "temporary one\ntemporary two\n"),
                               ("KEEP", "A1", "kept one\n")):
            st, o = cmsdisk(s, "write", host_file(s, name, text), name, "DATA", fm)
            assert st == 0, o
        nomsg = ("&CONTROL OFF NOMSG\nSTATE NONE FILE A\n&TYPE STATE &RETCODE\n"
                 "ERASE NONE FILE A\n&TYPE ERASE &RETCODE\nLISTFILE NONE FILE A\n"
                 "&TYPE LISTFILE &RETCODE\nRENAME NONE FILE A X Y A\n&TYPE RENAME &RETCODE\n"
                 "&CONTROL MSG\nSTATE NONE FILE A\n&TYPE STATE &RETCODE\n")
        st, o = cmsdisk(s, "write", host_file(s, "nomsg", nomsg), "NOMSG", "EXEC", "A1")
        assert st == 0, o
        c = logon(s)
        out = c.ok("LISTFILE * DATA A")
        assert sorted(out) == ["KEEP     DATA     A1", "TEMP     DATA     A3"], out
        out = c.ok("TYPE TEMP DATA A")
        assert out == ["temporary one", "temporary two"], out
        out, rc = c.cmd("STATE TEMP DATA A")
        assert rc == 28, (out, rc)
        out = c.ok("TYPE KEEP DATA A")
        assert out == ["kept one"], out
        out = c.ok("LISTFILE * DATA A")
        assert out == ["KEEP     DATA     A1"], out
        out = c.ok("NOMSG")
        assert out == ["STATE 28", "ERASE 28", "LISTFILE 28", "RENAME 28",
                       "DMSSTT002E FILE 'NONE FILE A' NOT FOUND", "STATE 28"], out
        c.logoff()
        st, o = cmsdisk(s, "list")
        assert st == 0 and "KEEP" in o and "TEMP" not in o, o
    finally:
        s.stop()


if __name__ == "__main__":
    sys.exit(cmsclient.run([t_format_access_list, t_commands, t_recomp, t_fscb_program, t_3330, t_links_and_extensions, t_disk_full,
                             t_kill_after_ready, t_corrupt_disks, t_mode3_and_nomsg], None))
