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


if __name__ == "__main__":
    sys.exit(cmsclient.run([t_format_access_list], None))
