"""COPYFILE's TRANS, OVLY, SINGLE, PROMPT/NOPROMPT, PACK and UNPACK end to
end (docs/CMS.md, "COPYFILE" and "The packed file"): files written from
the host with cmsdisk, copied by CMS, read back byte for byte. A packed
file is checked against the documented format by a decoder written here
from the documentation, and a file packed here (another valid encoding)
is unpacked by COPYFILE."""
import os, re, struct, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cmsclient  # noqa: E402
from cms_unitrec import BIN, Session, system, cmsdisk, put, get, vrecs, ebc  # noqa: E402


def unvrecs(data):
    out, i = [], 0
    while i < len(data):
        n = struct.unpack(">H", data[i:i + 2])[0]
        out.append(data[i + 2:i + 2 + n])
        i += 2 + n
    return out


def listed(s, user, fn, ft):
    """(recfm, lrecl, records) as cmsdisk lists the file."""
    st, out = cmsdisk(s, user, "list", fn, ft, "A")
    assert st == 0, out
    f = out.split()
    return f[3], int(f[4]), int(f[5])


# ---- the packed format, from docs/CMS.md ---------------------------------------------


def unpack_doc(data):
    """(recfm, lrecl, records) of a packed file's bytes."""
    assert data[:2] == b"\xcb\xff", data[:8].hex()
    lrecl = struct.unpack(">I", data[2:6])[0]
    recfm = data[6:7].decode("cp037")
    assert data[7] == 0
    stream, i = bytearray(), 8
    while True:
        k = data[i]
        i += 1
        if k < 0x80:
            stream += data[i:i + k + 1]
            i += k + 1
        elif k == 0x80:
            break
        else:
            stream += bytes([data[i]]) * (k - 126)
            i += 1
    assert not any(data[i:]), "the padding is X'00'"
    if recfm == "F":
        assert len(stream) % lrecl == 0
        recs = [bytes(stream[j:j + lrecl]) for j in range(0, len(stream), lrecl)]
    else:
        recs = unvrecs(bytes(stream))
    return recfm, lrecl, recs


def pack_literal(recfm, lrecl, records):
    """A packed file written another way: literal groups only, and runs
    of exactly 3 (still the documented format)."""
    stream = b"".join(records) if recfm == "F" else vrecs(records)
    out = bytearray(b"\xcb\xff" + struct.pack(">I", lrecl) + ebc(recfm) + b"\x00")
    i = 0
    while i < len(stream):
        if stream[i:i + 3] == bytes([stream[i]]) * 3:
            out += bytes([3 + 126, stream[i]])
            i += 3
            continue
        chunk = stream[i:i + 5]
        out += bytes([len(chunk) - 1]) + chunk
        i += len(chunk)
    out += b"\x80"
    out += b"\x00" * (-len(out) % 1024)
    return bytes(out)


F_RECS = [ebc(("RECORD %d" % i).ljust(40) + "*" * (i % 7) + "=" * 200)[:80].ljust(80, b"\x40")
          for i in range(1, 60)]
F_RECS.append(bytes(range(80)))
F_RECS.append(bytes(range(80, 160)))
F_RECS.append(bytes(range(176, 256)))
F_RECS.append(b"\x80" * 80)
V_RECS = [ebc("SHORT"), b"\x00\x00", ebc("A" * 300), ebc("AB" * 10 + "C" * 129 + "D" * 130 + "E" * 131),
          bytes(range(256)), ebc("x"), ebc("YY"), ebc("ZZZ") + b"\xcb\xff\x80\x80\x80"]
VMAX = max(len(r) for r in V_RECS)
# Hardly compressible: more than a 16K block of packed records.
BIG = [bytes((i * 7 + j * 13 + (j * j) // 5) & 0xFF for j in range(200)) for i in range(150)]


def t_pack_unpack(_):
    s = system([("ALICE", 6)])
    try:
        put(s, "ALICE", "FDATA", "FILE", b"".join(F_RECS), "--recfm", "F", "--lrecl", "80", "--binary")
        put(s, "ALICE", "VDATA", "FILE", vrecs(V_RECS), "--recfm", "V", "--binary")
        put(s, "ALICE", "BIG", "FILE", vrecs(BIG), "--recfm", "V", "--binary")
        put(s, "ALICE", "HOST", "PACKED",
            pack_literal("V", VMAX, V_RECS), "--recfm", "F", "--lrecl", "1024", "--binary")
        put(s, "ALICE", "PLAIN", "FILE", "NOT PACKED\n")
        # A packed file cut short: no end group.
        put(s, "ALICE", "CUT", "PACKED",
            pack_literal("V", 200, BIG)[:2048], "--recfm", "F", "--lrecl", "1024", "--binary")
        c = Session(s, "ALICE")
        c.ok("COPYFILE FDATA FILE A FDATA PACKED A (PACK")
        c.ok("COPYFILE VDATA FILE A VDATA PACKED A (PACK")
        c.ok("COPYFILE BIG FILE A BIG PACKED A (PACK")
        c.ok("COPYFILE FDATA PACKED A FDATA UNPACKED A (UNPACK")
        c.ok("COPYFILE VDATA PACKED A VDATA UNPACKED A (UNPACK")
        c.ok("COPYFILE BIG PACKED A BIG UNPACKED A (UNPACK")
        c.ok("COPYFILE HOST PACKED A HOST UNPACKED A (UNPACK")
        # A file packed in place, and unpacked in place (REPLACE).
        c.ok("COPYFILE FDATA FILE A INPLACE FILE A")
        c.ok("COPYFILE INPLACE FILE A = = = (PACK REPLACE")
        assert listed(s, "ALICE", "INPLACE", "FILE")[:2] == ("F", 1024)
        c.ok("COPYFILE INPLACE FILE A = = = (UNPACK REPLACE")
        # UNPACK's records go through the other options.
        c.ok("COPYFILE FDATA PACKED A PART UNPACKED A (UNPACK FROM 3 FOR 2 RECFM V TRUNC")
        c.err("COPYFILE PLAIN FILE A X Y A (UNPACK", ["DMSCPY606E FILE 'PLAIN FILE A1' IS NOT PACKED"], 32)
        c.err("COPYFILE CUT PACKED A X Y A (UNPACK", ["DMSCPY606E FILE 'CUT PACKED A1' IS NOT PACKED"], 32)
        c.err("COPYFILE FDATA FILE A X Y A (PACK UNPACK",
              ["DMSCPY066E 'PACK' AND 'UNPACK' ARE CONFLICTING OPTIONS"], 24)
        c.err("COPYFILE FDATA FILE A X Y A (PACK APPEND",
              ["DMSCPY066E 'APPEND' AND 'PACK' ARE CONFLICTING OPTIONS"], 24)
        c.logoff()
        # The packed files: F 1024, the documented format, the records.
        for fn, recfm, lrecl, recs in (("FDATA", "F", 80, F_RECS), ("VDATA", "V", VMAX, V_RECS),
                                       ("BIG", "V", 200, BIG)):
            fm, lr, n = listed(s, "ALICE", fn, "PACKED")
            data = get(s, "ALICE", fn, "PACKED")
            assert (fm, lr, len(data)) == ("F", 1024, n * 1024), (fn, fm, lr, n, len(data))
            assert data[:8] == b"\xcb\xff" + struct.pack(">I", lrecl) + ebc(recfm) + b"\x00", data[:8]
            assert unpack_doc(data) == (recfm, lrecl, recs), fn
        # Runs are compressed: 63 records of 80 (5,040 bytes, most of
        # them in runs) in two records of 1024.
        assert len(get(s, "ALICE", "FDATA", "PACKED")) == 2048
        assert listed(s, "ALICE", "BIG", "PACKED")[2] > 16, "more than one block"
        # Unpacked: the same records, format and length.
        assert listed(s, "ALICE", "FDATA", "UNPACKED")[:2] == ("F", 80)
        assert get(s, "ALICE", "FDATA", "UNPACKED") == b"".join(F_RECS)
        assert listed(s, "ALICE", "INPLACE", "FILE")[:2] == ("F", 80)
        assert get(s, "ALICE", "INPLACE", "FILE") == b"".join(F_RECS)
        assert listed(s, "ALICE", "VDATA", "UNPACKED")[0] == "V"
        assert unvrecs(get(s, "ALICE", "VDATA", "UNPACKED")) == V_RECS
        assert unvrecs(get(s, "ALICE", "BIG", "UNPACKED")) == BIG
        assert unvrecs(get(s, "ALICE", "HOST", "UNPACKED")) == V_RECS
        st, lst = cmsdisk(s, "ALICE", "list", "X", "Y")
        assert st == 28, lst                         # (erased after the error)
        assert unvrecs(get(s, "ALICE", "PART", "UNPACKED")) == [r.rstrip(b"\x40") for r in F_RECS[2:4]]
    finally:
        s.stop()


NAMES = ["SMITH     JOHN", "ADAMS     MARY", "JONES     PETE"]


def t_trans_prompt(_):
    s = system([("BOB", 4)])
    try:
        put(s, "BOB", "NAMES", "LIST", "\n".join(NAMES) + "\n", "--recfm", "V")
        c = Session(s, "BOB")
        out, rc = c.ask("COPYFILE NAMES LIST A TR LIST A (TRANS RECFM V TRUNC",
                        "DMSCPY602R ENTER TRANSLATION LIST:", "A a 40 _ S 5B c5 85 ")
        assert (out, rc) == ([], 0), (out, rc)
        # NOPROMPT: the lists are read without the prompts.
        c.c.send("COPYFILE NAMES LIST A NP LIST A (TRANS NOPROMPT SPECS RECFM V")
        time.sleep(1)
        c.c.send("1-5 1")
        time.sleep(1)
        out, rc = c.cmd("J j")
        assert rc == 0 and not any("DMSCPY60" in l for l in out), out
        out, rc = c.ask("COPYFILE NAMES LIST A X Y A (TRANS",
                        "DMSCPY602R ENTER TRANSLATION LIST:", "A")
        assert (out, rc) == (["DMSCPY605E INVALID TRANSLATION LIST"], 24), (out, rc)
        out, rc = c.ask("COPYFILE NAMES LIST A X Y A (TRANS",
                        "DMSCPY602R ENTER TRANSLATION LIST:", "ABC D")
        assert (out, rc) == (["DMSCPY605E INVALID TRANSLATION LIST"], 24), (out, rc)
        c.err("COPYFILE NAMES LIST A X Y A (PROMPT NOPROMPT",
              ["DMSCPY066E 'PROMPT' AND 'NOPROMPT' ARE CONFLICTING OPTIONS"], 24)
        c.logoff()
        tr = {"A": "a", " ": "_", "S": "$", "E": "e"}
        assert unvrecs(get(s, "BOB", "TR", "LIST")) == [ebc("".join(tr.get(ch, ch) for ch in n))
                                                         for n in NAMES]
        assert unvrecs(get(s, "BOB", "NP", "LIST")) == [ebc("SMITH"), ebc("ADAMS"), ebc("jONES")]
        st, lst = cmsdisk(s, "BOB", "list", "X", "Y")
        assert st == 28, lst
    finally:
        s.stop()


def t_ovly_single(_):
    s = system([("CAROL", 4)])
    try:
        put(s, "CAROL", "OLD", "DATA", "".join(l + "\n" for l in ["AAAAAAAAAA", "BBBBBBBBBB", "CCCCCCCCCC"]),
            "--recfm", "F", "--lrecl", "10")
        put(s, "CAROL", "NEW", "DATA", "12  5\n   X      Y\n")
        put(s, "CAROL", "OLDV", "DATA", "abc\nabcdef\n", "--recfm", "V")
        put(s, "CAROL", "NEWV", "DATA", "X  Y  Z\n", "--recfm", "V")
        put(s, "CAROL", "ONE", "SGL", "FIRST\n")
        put(s, "CAROL", "TWO", "SGL", "SECOND\n")
        c = Session(s, "CAROL")
        out = c.ok("COPYFILE NEW DATA A OLD DATA A (OVLY TYPE")
        assert out == ["DMSCPY721I COPY 'NEW DATA A1' TO 'OLD DATA A1' (OLD FILE)"], out
        c.ok("COPYFILE NEWV DATA A OLDV DATA A (OVLY")
        c.ok("COPYFILE NEWV DATA A FRESH DATA A (OVLY")       # no output yet: a new file
        # 721I's other kinds (the table's entries are 13 bytes apart).
        out = c.ok("COPYFILE NEWV DATA A FRESH DATA A (APPEND TYPE")
        assert out == ["DMSCPY721I COPY 'NEWV DATA A1' TO 'FRESH DATA A1' (APPEND)"], out
        c.err("COPYFILE NEW DATA A OLD DATA A (OVLY REPLACE",
              ["DMSCPY066E 'REPLACE' AND 'OVLY' ARE CONFLICTING OPTIONS"], 24)
        # SINGLE: only the first file that matches a '*' input.
        out = c.ok("COPYFILE * SGL A ALL OUT A")
        assert len(out) == 2, out
        out = c.ok("COPYFILE * SGL A FIRST OUT A (SINGLE")
        assert len(out) == 1, out
        first = re.match(r"DMSCPY721I COPY '(\w+) SGL A1'", out[0]).group(1)
        c.logoff()
        assert listed(s, "CAROL", "OLD", "DATA")[:2] == ("F", 10)
        assert get(s, "CAROL", "OLD", "DATA") == ebc("12AA5AAAAA" + "BBBXBBBBBB" + "CCCCCCCCCC")
        assert unvrecs(get(s, "CAROL", "OLDV", "DATA")) == [ebc("XbcY  Z"), ebc("abcdef")]
        assert unvrecs(get(s, "CAROL", "FRESH", "DATA")) == [ebc("X  Y  Z")] * 2
        both = get(s, "CAROL", "ALL", "OUT")
        assert both in (ebc("FIRST".ljust(80) + "SECOND".ljust(80)), ebc("SECOND".ljust(80) + "FIRST".ljust(80)))
        want = {"ONE": "FIRST", "TWO": "SECOND"}[first]
        assert get(s, "CAROL", "FIRST", "OUT") == ebc(want.ljust(80)), first
        assert both.startswith(ebc(want.ljust(80)))
    finally:
        s.stop()


if __name__ == "__main__":
    sys.exit(cmsclient.run([t_pack_unpack, t_trans_prompt, t_ovly_single], None))
