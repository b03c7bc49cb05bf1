"""cmsdisk and CMS agree on every file either wrote: files of every record
format and many lengths written on the host by cmsdisk are listed by CMS
with the same format, length and count, and copied by CMS (COPYFILE);
cmsdisk reads CMS's copies byte for byte as the originals. Also a file of
65,533 records, many files across many FST blocks, an empty file (CMS has
none: cmsdisk writes none), and a full disk (CMS's own error; the disk
stays consistent for cmsdisk, every old file intact)."""
import os, random, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cmsclient  # noqa: E402

BIN = sys.argv[1] if len(sys.argv) > 1 else "build/bin"
CMSDISK = os.path.join(BIN, "cmsdisk")


def run(*args, check=True):
    return subprocess.run([CMSDISK] + list(args), check=check, capture_output=True)


def vrecords(data):
    """The --binary form of V records: each with its 2-byte length."""
    out = b""
    for r in data:
        out += len(r).to_bytes(2, "big") + r
    return out


def t_agree(_):
    users = cmsclient.place([cmsclient.user("ALICE", disks=(("191", 12), ("192", 1)))])
    devs = {d["address"]: d for d in users[0]["devices"] if d.get("type") == "minidisk"}
    s = cmsclient.system(BIN, users)
    work = tempfile.mkdtemp(prefix="cms-agree-")
    try:
        vol = os.path.join(s.data, "volumes", "USR001.3350")
        a191 = "%s:%d:%d" % (vol, devs["191"]["cylinder"], devs["191"]["cylinders"])
        a192 = "%s:%d:%d" % (vol, devs["192"]["cylinder"], devs["192"]["cylinders"])
        run(a191, "format", "AGREE")
        run(a192, "format", "SMALL")
        rnd = random.Random(370)
        files = {}  # (fn, ft) -> (recfm, lrecl, binary as cmsdisk reads it)
        for lrecl in (1, 80, 800, 801, 4096):
            data = bytes(rnd.randrange(256) for _ in range(lrecl * 37))
            p = os.path.join(work, "f%d" % lrecl)
            open(p, "wb").write(data)
            fn = "F%d" % lrecl
            run(a191, "write", p, fn, "DATA", "A1", "--recfm", "F", "--lrecl", str(lrecl), "--binary")
            files[(fn, "DATA")] = ("F", lrecl, data)
        recs = [bytes(rnd.randrange(256) for _ in range(n)) for n in (1, 2, 79, 80, 81, 799, 800, 801, 1600, 4000, 3)]
        p = os.path.join(work, "v")
        open(p, "wb").write(vrecords(recs))
        run(a191, "write", p, "VMIX", "DATA", "A1", "--recfm", "V", "--binary")
        files[("VMIX", "DATA")] = ("V", 4000, vrecords(recs))
        # 65,533 records, the most a CMS file may have.
        data = b"".join(("%010d" % i).encode("cp037") for i in range(65533))
        p = os.path.join(work, "max")
        open(p, "wb").write(data)
        run(a191, "write", p, "MAXREC", "DATA", "A1", "--recfm", "F", "--lrecl", "10", "--binary")
        files[("MAXREC", "DATA")] = ("F", 10, data)
        # Many small files: many FST blocks (20 entries each).
        one = os.path.join(work, "one")
        open(one, "w").write("ONE LINE\n")
        for i in range(150):
            run(a191, "write", one, "M%03d" % i, "MANY", "A1")
        # An empty host file: CMS has no empty files, so there is none.
        empty = os.path.join(work, "empty")
        open(empty, "w").close()
        run(a191, "write", empty, "EMPTY", "FILE", "A1")

        c = cmsclient.Cms(s, "ALICE")
        out = c.ok("LISTFILE * DATA A (LABEL")
        label = {tuple(l.split()[:2]): l.split() for l in out}
        for (fn, ft), (recfm, lrecl, data) in files.items():
            row = label[(fn, ft)]
            assert row[3] == recfm and int(row[4]) == lrecl, row
            n = len(data) // lrecl if recfm == "F" else len(recs)
            assert int(row[5]) == n, (row, n)
        out = c.ok("LISTFILE * MANY A")
        assert len(out) == 150, len(out)
        out, rc = c.cmd("STATE EMPTY FILE A")
        assert rc == 28, (out, rc)
        # CMS copies every file; cmsdisk reads the copies as the originals.
        for (fn, ft) in files:
            c.ok("COPYFILE %s %s A = COPY A" % (fn, ft), 120)
        for (fn, ft), (recfm, lrecl, data) in files.items():
            got = run(a191, "read", fn, "COPY", "A", "--binary").stdout
            assert got == data, (fn, len(got), len(data))
        out = c.ok("TYPE MAXREC COPY A 65533 65533")
        assert out == ["0000065532"], out
        # A full disk: CMS's own error, the old files intact.
        big = os.path.join(work, "big")
        open(big, "w").write("".join("LINE %06d\n" % i for i in range(3000)))
        run(a192, "write", big, "FILL", "DATA", "A1")
        c.ok("ACCESS 192 B")
        out, rc = c.cmd("COPYFILE MAXREC DATA A = = B", 120)
        assert rc != 0 and any(l.startswith("DMS") for l in out), (out, rc)
        lst = run(a192, "list").stdout.decode()
        assert "FILL" in lst and "MAXREC" not in lst, lst
        got = run(a192, "read", "FILL", "DATA", "A").stdout.decode()
        assert got.splitlines()[-1] == "LINE 002999", got[-40:]
        out = c.ok("TYPE FILL DATA B 3000 3000")
        assert out == ["LINE 002999"], out
        c.logoff()
    finally:
        import shutil
        shutil.rmtree(work, ignore_errors=True)
        s.stop()


if __name__ == "__main__":
    sys.exit(cmsclient.run([t_agree], None))
