#!/usr/bin/env python3
"""gen.py -- random S/370 test programs for the differential test (difftest.py).

Each program is a raw image built here, byte by byte (no assembler), fully
determined by its seed.  It runs on a bare machine with 2M of storage,
started by PSW 00000000 00004000 (BC mode, key 0, supervisor), and ends in
the disabled wait PSW ...C0DE through SVC 255 (or ...EEEE when more than
LIMIT interruptions were taken).

Storage map (real = absolute while the prefix is 0):
  0000-01FF  PSA: new PSWs -> the handlers below (external, machine-check
             and I/O new PSWs are disabled waits: nothing may interrupt)
  0200-03FF  program-interruption and SVC handlers
  0400-04FF  handler constants; 0440-047F the handlers' register save area
  0500-0FFF  literal pool: base addresses, branch targets, PSWs, control-
             register images, EXECUTE targets, initial register values
  1000-1FFF  copy of 0000-0FFF: the page SET PREFIX may move the PSA to
  2000-3FFF  log: 2000 pointer, 2004 count, 2008 limit; from 2040 one
             96-byte entry per interruption: old PSW (8), X'88'-X'9F' (24:
             SVC and program codes with ILC, translation-exception address,
             monitor class, PER, monitor code) and the 16 GPRs (64)
  4000-7FFF  code: set-up, then the test body, then SVC 255
  8000-BFFF  data, eight 2K blocks with storage keys set from the seed:
             8000 random bytes, 8800 binary words (these two may be fetch-
             protected; with DAT on, page 8000 is invalid), 9000 packed
             decimal (16-byte cells), 9800 HFP numbers, A000 zoned/EBCDIC/
             edit patterns, A800 zeros (key = the program's key: always
             writable), B000 never accessed, B800 random (the only block
             ISK and RRB look at: its 4K partner B000 stays unreferenced)
  C000-CFFF  DAT tables (segment table C000, page tables from C400):
             segment 0 identity but page 8000, segment 1 -> real 9000 with
             length 0, 2 invalid, 3 page table beyond storage, 4 (2K pages)
             a PTE with bit 14 on

The test body is a random mix of every opcode of s370/opcodes.cpp (the
kTable rows are parsed, so new rows take part automatically), each preceded
by loads of its base registers and operands from the pool.  Storage
operands are aimed at the data area; some on purpose at places that make
program interruptions: addresses beyond storage, misaligned operands, odd
register numbers, invalid decimal data, protected blocks, invalid pages and
segments with DAT on.  Branches only go forward to the start of one of the
next instruction groups.  The program handler logs every interruption and
resumes after the instruction (nullified translation exceptions are skipped
by adding the ILC; invalid bits of an EC old PSW are cleared first).  Of
the storage operands of one instruction at most one is aimed where it can
fail; the other is then accessible and, for decimal, holds valid data.

Left out because the two machines cannot agree on them: STCK and STPT
(time), DIAGNOSE and SIGP in the supervisor state, I/O to devices that
exist, the interval timer at X'50', reference/change bits of a 2K block
whose 4K partner is accessed (Hercules keeps them per 4K frame), opcodes
Hercules implements and the emulator does not (HERC_EXTRA), page-table
lengths other than 0 and 15 (Hercules compares them unshifted), bits 13-14
of 4K page-table entries (Hercules: extended real addressing), the low
bits of the translation-exception address (unpredictable: masked in the log).
"""

import os
import random
import re
import struct
import sys

HERE = os.path.dirname(os.path.realpath(__file__))
OPCODES_CPP = os.path.join(os.path.dirname(os.path.dirname(HERE)), "s370", "opcodes.cpp")

START = 0x4000
CODE_END = 0x8000
DATA = 0x8000
DATA_END = 0xC000
BLOCK = 0x800
TABLES = 0xC000
POOL, POOL_END = 0x500, 0x1000
VARS, LOG, LOG_END = 0x2000, 0x2040, 0x4000
ENTRY = 96
LIMIT = (LOG_END - LOG) // ENTRY - 2
SAVE = 0x440
C_VARS, C_STOP, C_DONE, C_ZERO, C_7F, C_ECMASK, C_TEAMASK, C_SIX = (
    0x400, 0x408, 0x410, 0x418, 0x41C, 0x420, 0x428, 0x42C)

# Opcodes that Hercules 3.13 executes in S/370 mode but the emulator's table
# does not have (optional facilities: dual-address space, the MVS assists
# X'E500'-X'E50D' but TPROT, IPM, ISKE/RRBE/SSKE, TB, IUCV; the inventory is
# in docs/HERCULES-DIFFERENCES.md): never used as "unassigned" opcodes.
HERC_EXTRA = {0xDA, 0xDB, 0xB218, 0xB219, 0xB222, 0xB223, 0xB224, 0xB225, 0xB226, 0xB227, 0xB228,
              0xB229, 0xB22A, 0xB22B, 0xB22C, 0xB2F0} | {0xE500 | x for x in range(0x0E)}
# Two-byte opcode spaces whose second byte selects the instruction: an
# unassigned opcode there is any second byte the table and HERC_EXTRA lack.
TWO_BYTE = (0x01, 0xB2, 0xE5, 0xE6)
# Never generated in the supervisor state (results differ by design).
NONDETERMINISTIC = {"STCK", "STPT", "DIAG", "SIGP"}

INTERESTING = [0, 1, 2, 3, 7, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF, 0x10000, 0x7FFFFFFF, 0x80000000,
               0x80000001, 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFF8000, 0x12345678, 0xFEDCBA98, 0x40000000,
               0x00FFFFFF, 0x55555555, 0xAAAAAAAA]


# ---- The opcode table ------------------------------------------------------------

def opcode_table(path=OPCODES_CPP):
    rows = []
    with open(path) as f:
        text = f.read()
    for m in re.finditer(r'\{\s*0x([0-9A-Fa-f]+),\s*OpKind::(\w+),\s*"(\w+)",\s*Format::(\w+),\s*'
                         r'OpClass::(\w+),\s*(true|false),\s*(true|false),\s*&insn::\w+(,\s*false)?\}', text):
        # Rows of facilities the machine lacks (a trailing `false`) are
        # operation exceptions here and executed by Hercules: not generated.
        if m.group(8):
            continue
        rows.append({"opcode": int(m.group(1), 16), "kind": m.group(2), "mn": m.group(3),
                     "fmt": m.group(4), "cls": m.group(5), "priv": m.group(6) == "true"})
    if not rows:
        raise RuntimeError("no kTable rows found in " + path)
    return rows


def insn_len(op):
    return 2 if op < 0x40 else 4 if op < 0xC0 else 6


# ---- Encoding ---------------------------------------------------------------------

def bd(b, d):
    assert 0 <= d < 4096 and 0 <= b < 16
    return bytes([(b << 4) | (d >> 8), d & 0xFF])


def RR(op, r1, r2):
    return bytes([op, ((r1 & 15) << 4) | (r2 & 15)])


def RX(op, r1, x, b, d):
    return bytes([op, ((r1 & 15) << 4) | x]) + bd(b, d)


def RS(op, r1, r3, b, d):
    return bytes([op, ((r1 & 15) << 4) | (r3 & 15)]) + bd(b, d)


def SI(op, i2, b, d):
    return bytes([op, i2 & 0xFF]) + bd(b, d)


def S2(op16, b, d):
    return bytes([op16 >> 8, op16 & 0xFF]) + bd(b, d)


def SS(op, lbyte, b1, d1, b2, d2):
    return bytes([op, lbyte & 0xFF]) + bd(b1, d1) + bd(b2, d2)


def opbytes(row):
    """First two bytes' fixed parts: (byte0, byte1 or None)."""
    if row["kind"] == "Byte2":
        return row["opcode"] >> 8, row["opcode"] & 0xFF
    if row["kind"] == "Bit15":
        return row["opcode"] >> 8, row["opcode"] & 1
    return row["opcode"], None


# ---- The program builder ----------------------------------------------------------

class Builder:
    def __init__(self, seed, exclude=()):
        self.seed = seed
        self.r = random.Random(seed * 7919 + 17)
        self.mem = bytearray(DATA_END + 0x1000 + 0x3000)   # up to X'F000'
        self.pool_next = POOL
        self.pool_fix = []      # (pool address, label, addend)
        self.pool_vals = {}
        self.code = bytearray()
        self.labels = {}
        self.listing = []
        self.groups = 0
        self.exclude = set(exclude)
        self.rows = [r for r in opcode_table() if r["cls"] not in self.exclude]
        self.assigned = set()
        for r in opcode_table():
            b0, b1 = opbytes(r)
            if r["kind"] == "Byte2":
                self.assigned.add((b0 << 8) | b1)
            else:
                self.assigned.add(b0)
        self.assigned.update(TWO_BYTE)

    # -- pool --
    def pool(self, value, align=4, size=4):
        """A constant in the pool (addresses < 4096, reached with base 0)."""
        key = (value, align, size) if not isinstance(value, (bytes, bytearray)) else (bytes(value), align)
        if key in self.pool_vals:
            return self.pool_vals[key]
        a = (self.pool_next + align - 1) & ~(align - 1)
        data = value if isinstance(value, (bytes, bytearray)) else (value & ((1 << (8 * size)) - 1)).to_bytes(size, "big")
        if a + len(data) > POOL_END:
            raise OverflowError("pool full")
        self.mem[a:a + len(data)] = data
        self.pool_next = a + len(data)
        self.pool_vals[key] = a
        return a

    def pool_label(self, label, addend=0):
        a = (self.pool_next + 3) & ~3
        if a + 4 > POOL_END:
            raise OverflowError("pool full")
        self.pool_next = a + 4
        self.pool_fix.append((a, label, addend))
        return a

    # -- code --
    def here(self):
        return START + len(self.code)

    def emit(self, b, text=None):
        if text is not None:
            self.listing.append((self.here(), bytes(b), text))
        self.code += b

    def load(self, reg, value, text=None):
        """L reg,=F'value' from the pool."""
        a = self.pool(value)
        self.emit(RX(0x58, reg, 0, 0, a), text or "  L     %d,=X'%08X'" % (reg, value & 0xFFFFFFFF))

    def load_label(self, reg, label, addend=0):
        a = self.pool_label(label, addend)
        self.emit(RX(0x58, reg, 0, 0, a), "  L     %d,=A(%s%+d)" % (reg, label, addend))

    def resolve(self):
        for a, label, addend in self.pool_fix:
            self.mem[a:a + 4] = ((self.labels[label] + addend) & 0xFFFFFF).to_bytes(4, "big")


# ---- Data ---------------------------------------------------------------------------

def packed(r, ndigits, sign=None):
    digits = [r.randrange(10) for _ in range(ndigits)]
    if r.random() < 0.15:
        digits = [0] * ndigits
    if sign is None:
        sign = r.choice([0xC, 0xC, 0xD, 0xD, 0xF, 0xA, 0xB, 0xE])
    nib = digits + [sign]
    if len(nib) % 2:
        nib = [0] + nib
    return bytes((nib[i] << 4) | nib[i + 1] for i in range(0, len(nib), 2))


def hfp_long(r):
    c = r.random()
    if c < 0.08:
        return 0
    if c < 0.15:
        return r.choice([0x80000000_00000000, 0x7FFFFFFF_FFFFFFFF, 0x00100000_00000000,
                         0xFFFFFFFF_FFFFFFFF, 0x41100000_00000000, 0xC1100000_00000000])
    sign = r.randrange(2) << 63
    exp = r.choice([0x40, 0x41, 0x42, 0x3F, 0x44, 0x48]) if r.random() < 0.8 else r.randrange(128)
    frac = r.getrandbits(56)
    if r.random() < 0.85:
        frac |= r.randrange(1, 16) << 52        # normalized
    else:
        frac &= (1 << 52) - 1                    # unnormalized
    return sign | (exp << 56) | frac


def fill_data(b):
    r = b.r
    m = b.mem
    m[0x8000:0x8800] = bytes(r.getrandbits(8) for _ in range(0x800))
    for a in range(0x8800, 0x9000, 4):
        v = r.choice(INTERESTING) if r.random() < 0.5 else r.getrandbits(32)
        m[a:a + 4] = v.to_bytes(4, "big")
    b.valid_cells = []
    for a in range(0x9000, 0x9800, 16):
        cell = packed(r, 31)
        if r.random() < 0.07:                   # an invalid digit or sign somewhere
            i = r.randrange(16)
            cell = cell[:i] + bytes([cell[i] | 0xA0]) + cell[i + 1:]
        else:
            b.valid_cells.append(a)
        m[a:a + 16] = cell
    for a in range(0x9800, 0xA000, 8):
        m[a:a + 8] = hfp_long(r).to_bytes(8, "big")
    for a in range(0xA000, 0xA800, 16):
        c = r.random()
        if c < 0.4:                             # edit pattern
            pat = [0x40] + [r.choice([0x20, 0x20, 0x20, 0x21, 0x22, 0x6B, 0x4B, 0xC3]) for _ in range(15)]
            m[a:a + 16] = bytes(pat)
        elif c < 0.7:                           # zoned decimal
            z = [0xF0 | r.randrange(10) for _ in range(16)]
            z[15] = r.choice([0xC0, 0xD0, 0xF0]) | r.randrange(10)
            m[a:a + 16] = bytes(z)
        else:
            m[a:a + 16] = bytes(r.choice([0x40, 0xC1, 0xC2, 0xF1, 0x4B, 0x00, 0xFF]) for _ in range(16))
    # A800 stays zero; B000 (never accessed) zero
    m[0xB800:0xC000] = bytes(r.getrandbits(8) for _ in range(0x800))


# ---- The handlers --------------------------------------------------------------------

def handlers(b, tea_mask):
    m = b.mem

    def put(addr, items):
        for it in items:
            m[addr:addr + len(it)] = it
            addr += len(it)
        return addr

    def psw(hi, lo):
        return struct.pack(">II", hi, lo)

    # new PSWs
    m[0x00:0x08] = psw(0, START)
    m[0x58:0x60] = psw(0x00020000, 0xEE58)
    m[0x60:0x68] = psw(0, 0x300)
    m[0x68:0x70] = psw(0, 0x200)
    m[0x70:0x78] = psw(0x00020000, 0xEE70)
    m[0x78:0x80] = psw(0x00020000, 0xEE78)
    # constants
    m[C_VARS:C_VARS + 4] = struct.pack(">I", VARS)
    m[C_STOP:C_STOP + 8] = psw(0x00020000, 0xEEEE)
    m[C_DONE:C_DONE + 8] = psw(0x00020000, 0xC0DE)
    m[C_ZERO:C_ZERO + 4] = bytes(4)
    m[C_7F:C_7F + 4] = struct.pack(">I", 0x7F)
    m[C_ECMASK:C_ECMASK + 5] = bytes([0x47, 0xFF, 0x3F, 0x00, 0x00])
    m[C_TEAMASK:C_TEAMASK + 4] = struct.pack(">I", tea_mask)
    m[C_SIX:C_SIX + 4] = struct.pack(">I", 6)
    stop, done = 0x2C0, 0x3C0

    def log(old):
        return [RS(0x90, 0, 15, 0, SAVE),                 # STM 0,15,SAVE
                RX(0x58, 1, 0, 0, C_VARS),                # L 1,=A(VARS)
                RX(0x58, 2, 0, 1, 0),                     # L 2,0(1)      entry
                SS(0xD2, 7, 2, 0, 0, old),                # MVC 0(8,2),old
                SS(0xD2, 23, 2, 8, 0, 0x88),              # MVC 8(24,2),X'88'
                SS(0xD2, 63, 2, 32, 0, SAVE),             # MVC 32(64,2),SAVE
                SS(0xD7, 23, 0, 0x88, 0, 0x88),           # XC X'88'(24),X'88'
                SS(0xD4, 3, 2, 16, 0, C_TEAMASK),         # NC 16(4,2),TEAMASK
                RX(0x41, 3, 2, 0, ENTRY),                 # LA 3,ENTRY(2)
                RX(0x50, 3, 0, 1, 0),                     # ST 3,0(1)
                RX(0x58, 3, 0, 1, 4),                     # L 3,4(1)
                RX(0x41, 3, 3, 0, 1),                     # LA 3,1(3)
                RX(0x50, 3, 0, 1, 4),                     # ST 3,4(1)
                RX(0x55, 3, 0, 1, 8)]                     # CL 3,8(1)
    # program handler at X'200'
    a = put(0x200, log(0x28))
    a = put(a, [RX(0x47, 0xB, 0, 0, stop)])               # BNL STOP
    resume = 0x2A0
    a = put(a, [SI(0x91, 0x08, 0, 0x29),                  # TM X'29',X'08'  EC?
                RX(0x47, 0x1, 0, 0, a + 18),              # BO past the XC and B
                SS(0xD7, 11, 2, 20, 2, 20),               # XC 20(12,2): BC: no monitor info
                RX(0x47, 0xF, 0, 0, resume),              # B RESUME (see x_mc_bc.s)
                SS(0xD4, 4, 0, 0x28, 0, C_ECMASK),        # NC X'28'(5),ECMASK
                RX(0x43, 4, 0, 2, 15),                    # IC 4,15(2)   code
                RX(0x54, 4, 0, 0, C_7F),                  # N 4,=X'7F'
                RX(0x41, 5, 0, 0, 0x10),                  # LA 5,X'10'
                RR(0x15, 4, 5),                           # CLR 4,5
                RX(0x47, 0x4, 0, 0, resume),              # BL RESUME
                RX(0x41, 5, 0, 0, 0x11),                  # LA 5,X'11'
                RR(0x15, 4, 5),                           # CLR 4,5
                RX(0x47, 0x2, 0, 0, resume),              # BH RESUME
                RR(0x1B, 5, 5),                           # SR 5,5
                RX(0x43, 5, 0, 2, 13),                    # IC 5,13(2)   ILC*2
                RX(0x54, 5, 0, 0, C_SIX),                 # N 5,=F'6'
                RX(0x58, 6, 0, 0, 0x2C),                  # L 6,X'2C'
                RR(0x1A, 6, 5),                           # AR 6,5
                RX(0x50, 6, 0, 0, 0x2C),                  # ST 6,X'2C'
                RX(0x47, 0xF, 0, 0, resume)])             # B RESUME
    assert a <= resume, hex(a)
    put(resume, [RS(0x98, 0, 15, 0, SAVE),                # LM 0,15,SAVE
                 S2(0x8200, 0, 0x28)])                    # LPSW X'28'
    put(stop, [S2(0xB210, 0, C_ZERO),                     # SPX =F'0'
               RS(0x98, 0, 15, 0, SAVE),
               S2(0x8200, 0, C_STOP)])                    # LPSW stop PSW
    # SVC handler at X'300'
    a = put(0x300, log(0x20))
    a = put(a, [RX(0x47, 0xB, 0, 0, stop),
                SI(0x95, 0xFF, 2, 3),                     # CLI 3(2),X'FF'  BC: SVC 255
                RX(0x47, 0x8, 0, 0, done),
                SI(0x95, 0xFF, 2, 11),                    # CLI 11(2),X'FF' EC: SVC 255
                RX(0x47, 0x8, 0, 0, done),
                RS(0x98, 0, 15, 0, SAVE),
                S2(0x8200, 0, 0x20)])                     # LPSW X'20'
    assert a <= done
    put(done, [S2(0xB210, 0, C_ZERO), RS(0x98, 0, 15, 0, SAVE), S2(0x8200, 0, C_DONE)])
    m[VARS:VARS + 12] = struct.pack(">III", LOG, 0, LIMIT)


# ---- DAT ------------------------------------------------------------------------------

class Dat:
    """The translation tables of one program (built whether or not DAT is turned on,
    since LRA translates with DAT off too)."""

    def __init__(self, b, r):
        self.pg4k = r.random() < 0.5
        self.seg1m = r.random() < 0.5
        self.pgsz = 4096 if self.pg4k else 2048
        self.segsz = 0x100000 if self.seg1m else 0x10000
        self.cr0 = 0xE0 | (0x00800000 if self.pg4k else 0x00400000) | (0x00100000 if self.seg1m else 0)
        self.cr1 = TABLES                     # STL 0: 16 segments
        m = b.mem
        npte = self.segsz // self.pgsz
        inv = 0x0008 if self.pg4k else 0x0004
        # an invalid data page
        self.bad_page = 0x8000             # blocks 0 (and 1 with 4K pages)
        pt0 = TABLES + 0x400
        ste = [0x00000001] * 16
        ste[0] = 0xF0000000 | pt0
        for i in range(npte):
            va = i * self.pgsz
            ok = va < 0x10000 and not (self.bad_page <= va < self.bad_page + self.pgsz)
            pte = (va >> 8) if ok else inv
            m[pt0 + 2 * i:pt0 + 2 * i + 2] = pte.to_bytes(2, "big")
        pt1 = pt0 + 2 * npte + 8
        pt1 = (pt1 + 7) & ~7
        self.pt0, self.pt1 = pt0, pt1
        ste[1] = 0x00000000 | pt1             # PTL 0: 1/16 of the table
        n1 = max(1, npte // 16)
        for i in range(n1):
            pte = ((0x9000 + i * self.pgsz) >> 8) if i % 2 == 0 else inv
            m[pt1 + 2 * i:pt1 + 2 * i + 2] = pte.to_bytes(2, "big")
        pt4 = (pt1 + 2 * n1 + 15) & ~7
        if not self.pg4k:
            ste[4] = pt4                      # 2K: bit 14 set: translation specification
            m[pt4:pt4 + 2] = ((0x8000 >> 8) | 0x0002).to_bytes(2, "big")
        ste[2] = 0x00000001
        ste[3] = 0x00300000                   # page table beyond storage
        for i, e in enumerate(ste):
            m[TABLES + 4 * i:TABLES + 4 * i + 4] = e.to_bytes(4, "big")
        assert pt4 + 16 < TABLES + 0x1000

    def bad_addresses(self):
        s = self.segsz
        out = [self.bad_page, s + self.pgsz, 2 * s, 3 * s]
        if not self.pg4k:
            out.append(4 * s)
        if not self.seg1m:
            out.append(0x100000 + 0x10000 * 3)
        return out

    def alias(self):
        return self.segsz                     # maps to real X'9000'


# ---- The generator ----------------------------------------------------------------

class Gen:
    def __init__(self, seed, exclude=()):
        self.b = Builder(seed, exclude)
        b = self.b
        r = self.r = b.r
        self.seed = seed
        fill_data(b)
        self.dat = Dat(b, r)
        self.dat_prog = r.random() < 0.3
        # the program's mode
        self.ec = self.dat_prog or r.random() < 0.45
        self.problem = r.random() < 0.3
        self.key = 0 if r.random() < 0.5 else r.randrange(1, 16)
        self.float_ok = "Float" not in b.exclude
        # storage keys of the data blocks
        self.keys = []
        for i in range(8):
            if i in (6, 7):
                k = 0x00 if i == 6 else r.choice([0x00, self.key << 4])
            elif i == 5:
                k = self.key << 4             # the scratch block: always writable
            else:
                k = r.choice([0x00, 0x00, self.key << 4, self.key << 4, r.randrange(16) << 4])
                if i in (0, 1) and r.random() < 0.3:
                    k |= 0x08                 # fetch protection (blocks 0 and 1 only)
            self.keys.append(k)
        handlers(b, 0x00FFF000 if self.dat.pg4k else 0x00FFF800)
        self.n = r.randrange(25, 70)
        self.used = set()

    # -- addresses --
    def data_addr(self, size=4, align=1, area=None):
        """An address in the data area (not block 6), mostly aligned."""
        r = self.r
        if area is None:
            blocks = [0, 1, 2, 3, 4, 5, 7]
            blk = r.choice(blocks)
            lo = DATA + blk * BLOCK
            hi = lo + BLOCK
        else:
            lo, hi = area
        size = max(1, size)
        if hi - lo <= size:
            a = lo
        else:
            a = r.randrange(lo, hi - size)
        if r.random() < 0.9:
            a &= ~(align - 1)
        return a

    def odd_addr(self, size=4, align=1, area=None):
        """Mostly a data address; sometimes one that makes an access exception."""
        r = self.r
        c = r.random()
        if c < 0.03:
            # Beyond storage. With DAT on and 1M segments an address in
            # segments 1-4 would meet a page-table length other than 15,
            # which Hercules compares unshifted (x_dat_ptl.s): go above.
            lo = 0x500000 if self.dat_on_possible() and self.dat.seg1m else 0x200000
            return r.randrange(lo, 0x1000000 - 0x1000) & ~(align - 1)
        if self.dat_on_possible() and c < 0.10:
            base = r.choice(self.dat.bad_addresses())
            return base + (r.randrange(0, 256) & ~(align - 1))
        if self.dat_on_possible() and c < 0.15:
            return self.dat.alias() + (r.randrange(0, 0x400) & ~(align - 1))
        a = self.data_addr(size, align, area)
        if r.random() < 0.04 and align > 1:
            a += r.randrange(1, align)
        return a

    def pair(self, n1, n2, store1=True, safe1=None, safe2=None):
        """Addresses of two storage operands of which at most one may cause
        an access exception: when both can, the Principles leave it
        unpredictable which one is indicated.  Safe sources are blocks
        9000-AFFF (never fetch-protected, always translatable); the safe
        destination is A800 (the PSW key or key 0 can always store there)."""
        r = self.r
        safe1 = safe1 or ((0xA800, 0xAF00) if store1 else (0x9000, 0xB000))
        safe2 = safe2 or (0x9000, 0xB000)
        c = r.random()
        if c < 0.6:
            return self.data_addr(n1, 1, safe1), self.data_addr(n2, 1, safe2), 0
        if c < 0.8:
            return self.odd_addr(n1, 1), self.data_addr(n2, 1, safe2), 1
        return self.data_addr(n1, 1, safe1), self.odd_addr(n2, 1), 2

    def dat_on_possible(self):
        return self.dat_prog

    def base_for(self, target, avoid=(), maxdisp=0xFFF):
        """Emit L Rb,=A(target-d); return (b, d).  The base register is one
        no other preload of this group (and of an EXECUTE target) uses, so
        that every operand address is the one planned."""
        r = self.r
        d = r.choice([0, r.randrange(0, 0x100), r.randrange(0, min(maxdisp, 0xFFF) + 1)])
        d = min(d, target & 0xFFFFFF)
        regs = [x for x in range(1, 16) if x not in avoid and x not in self.used]
        if not regs:
            raise OverflowError("out of registers")
        reg = r.choice(regs)
        self.used.add(reg)
        self.b.load(reg, (target - d) & 0xFFFFFF)
        return reg, d

    def preload(self, reg, value=None):
        r = self.r
        if value is None:
            value = r.choice(INTERESTING) if r.random() < 0.6 else r.getrandbits(32)
        self.used.add(reg)
        self.b.load(reg, value)

    def preload_fpr(self, f):
        a = self.data_addr(8, 8, (0x9800, 0xA000))
        reg, d = self.base_for(a)
        self.b.emit(RX(0x68, f, 0, reg, d), "  LD    %d,X'%X'" % (f, a))

    def fpr(self, ext=False):
        r = self.r
        if ext:
            return r.choice([0, 4]) if r.random() < 0.93 else r.choice([2, 6, 1])
        return r.choice([0, 2, 4, 6]) if r.random() < 0.95 else r.choice([1, 3, 5, 7])

    def even(self):
        r = self.r
        return r.choice(range(0, 16, 2)) if r.random() < 0.93 else r.choice(range(1, 16, 2))

    def gr(self):
        return self.r.randrange(16)

    def label(self, k):
        return "G%d" % (self.b.groups + 1 + k)

    def fwd(self):
        return self.label(self.r.choice([0, 0, 0, 1, 2]))

    # -- one instruction -----------------------------------------------------------
    def insn(self, row):
        """Emit the preloads for `row` and return the instruction's bytes: the
        recipe i_<mnemonic> when there is one, else one from the format."""
        b0, b1 = opbytes(row)
        fn = getattr(self, "i_" + row["mn"].lower(), None)
        if fn is not None:
            out = fn(row, b0, b1)
            if out is not None:
                return out
        return self.generic(row, b0, b1)

    def generic(self, row, b0, b1):
        """Format-driven operands, for rows without a recipe of their own."""
        r = self.r
        fmt = row["fmt"]
        cls = row["cls"]
        float_ = cls == "Float"

        def reg1():
            return self.fpr() if float_ else self.gr()

        if fmt in ("RR", "RR_R", "RR_M"):
            r1, r2 = reg1(), (self.fpr() if float_ else self.gr())
            if fmt == "RR_M":
                r1 = r.randrange(16)
            if not float_:
                for x in {r1, r2}:
                    if r.random() < 0.5:
                        self.preload(x)
            elif self.float_ok:
                for x in {r1, r2}:
                    if x in (0, 2, 4, 6) and r.random() < 0.5:
                        self.preload_fpr(x)
            return RR(b0, r1, r2)
        if fmt == "RR_I":
            return bytes([b0, r.randrange(255)])
        if fmt in ("RX", "RX_M"):
            r1 = reg1() if fmt == "RX" else r.randrange(16)
            size = 8 if float_ and row["mn"].endswith("D") else 4
            a = self.odd_addr(size, size, (0x9800, 0xA000) if float_ else None)
            if not float_ and fmt == "RX" and r.random() < 0.4:
                self.preload(r1)
            x = 0
            if r.random() < 0.25:
                x = self.free_reg()
                xv = r.randrange(0, 0x100)
                self.preload(x, xv)
                a = (a - xv) & 0xFFFFFF
            reg, d = self.base_for(a, avoid={x})
            return RX(b0, r1, x, reg, d)
        if fmt in ("RS", "RS_M"):
            r1, r3 = self.gr(), self.gr()
            a = self.odd_addr(4, 4)
            reg, d = self.base_for(a)
            return RS(b0, r1, r3, reg, d)
        if fmt == "RS_R":
            r1 = self.gr()
            if r.random() < 0.5:
                self.preload(r1)
            return RS(b0, r1, 0, 0, r.randrange(0, 0x1000) if r.random() < 0.2 else r.randrange(64))
        if fmt == "SI":
            a = self.odd_addr(1, 1)
            reg, d = self.base_for(a)
            return SI(b0, r.getrandbits(8), reg, d)
        if fmt in ("S", "S0"):
            if fmt == "S0":
                return bytes([b0, b1 if b1 is not None else 0, 0, 0])
            a = self.odd_addr(8, 8)
            reg, d = self.base_for(a)
            return bytes([b0, b1 if b1 is not None else 0]) + bd(reg, d)
        if fmt in ("SS_L", "SS_LL", "SS_R", "SS_I"):
            l1, l2 = r.randrange(16), r.randrange(16)
            lbyte = r.randrange(256) if fmt == "SS_L" else (l1 << 4) | l2
            n1 = lbyte + 1 if fmt == "SS_L" else l1 + 1
            a1 = self.odd_addr(n1, 1, (0xA800, 0xB000) if r.random() < 0.5 else None)
            a2 = self.odd_addr(n1, 1)
            r1, d1 = self.base_for(a1)
            r2, d2 = self.base_for(a2, avoid={r1})
            return SS(b0, lbyte, r1, d1, r2, d2)
        if fmt == "RRE":
            return bytes([b0, b1, 0, (self.fpr(True) << 4) | self.fpr(True)])
        raise ValueError("unknown format " + fmt)

    # -- recipes ----------------------------------------------------------------------
    def i_balr(self, row, b0, b1):
        r = self.r
        r1 = self.gr()
        if r.random() < 0.25:
            return RR(b0, r1, 0)
        r2 = self.free_reg()
        self.b.load_label(r2, self.fwd())
        return RR(b0, r1, r2)

    i_basr = i_balr

    def free_reg(self, avoid=()):
        regs = [x for x in range(1, 16) if x not in avoid and x not in self.used]
        if not regs:
            raise OverflowError("out of registers")
        reg = self.r.choice(regs)
        self.used.add(reg)
        return reg

    def i_bctr(self, row, b0, b1):
        r = self.r
        r1 = self.gr()
        if r.random() < 0.4:
            self.preload(r1, r.choice([0, 1, 2, 5, 0x80000000]))
        if r.random() < 0.3:
            return RR(b0, r1, 0)
        r2 = self.free_reg({r1})
        self.b.load_label(r2, self.fwd())
        return RR(b0, r1, r2)

    def i_bcr(self, row, b0, b1):
        r = self.r
        m = r.randrange(16)
        if r.random() < 0.2:
            return RR(b0, m, 0)
        r2 = self.free_reg()
        self.b.load_label(r2, self.fwd())
        return RR(b0, m, r2)

    def rx_branch(self, b0, r1, avoid=()):
        r = self.r
        lab = self.fwd()
        d = r.randrange(0, 0x80)
        reg = self.free_reg(avoid)
        self.b.load_label(reg, lab, -d)
        return RX(b0, r1, 0, reg, d)

    def i_bal(self, row, b0, b1):
        return self.rx_branch(b0, self.gr())

    i_bas = i_bal

    def i_bc(self, row, b0, b1):
        return self.rx_branch(b0, self.r.randrange(16))

    def i_bct(self, row, b0, b1):
        r1 = self.gr()
        if self.r.random() < 0.4:
            self.preload(r1, self.r.choice([0, 1, 2, 5]))
        return self.rx_branch(b0, r1, avoid={r1})

    def i_bxh(self, row, b0, b1):
        r = self.r
        r1, r3 = self.gr(), self.gr()
        for x in {r1, r3, r3 | 1}:
            if r.random() < 0.6:
                self.preload(x, r.choice([0, 1, 2, 3, 10, 0xFFFFFFFF, 0xFFFFFFFE, 0x7FFFFFFF, 0x80000000]))
        lab = self.fwd()
        d = r.randrange(0, 0x80)
        reg = self.free_reg((r1, r3, r3 | 1))
        self.b.load_label(reg, lab, -d)
        return RS(b0, r1, r3, reg, d)

    i_bxle = i_bxh

    def i_svc(self, row, b0, b1):
        return bytes([b0, self.r.randrange(255)])

    def i_spm(self, row, b0, b1):
        r1 = self.gr()
        self.preload(r1, self.r.getrandbits(32))
        return RR(b0, r1, self.gr())

    def i_ex(self, row, b0, b1):
        r = self.r
        if getattr(self, "_ex_depth", 0) > 0 or r.random() < 0.08:
            # EX of EX: execute exception; its own target is harmless
            inner = self.pool_insn(RR(0x18, 1, 1))
            tbytes = RX(0x44, 0, 0, 0, inner)
            text = "EX of EX"
        else:
            # 4-byte targets only: Hercules gives exceptions of an EX target
            # the target's ILC instead of 2 (see x_ex_ilc.s)
            rows = [x for x in self.b.rows if x["mn"] not in ("EX",) and self.allowed(x)
                    and insn_len(opbytes(x)[0]) == 4]
            row2 = r.choice(rows)
            self._ex_depth = 1
            try:
                out = self.insn(row2)
            finally:
                self._ex_depth = 0
            tbytes = out
            text = "EX of " + row2["mn"]
        t = self.pool_insn(tbytes)
        if r.random() < 0.03:
            t += 1                               # odd target: specification
        r1 = 0
        if r.random() < 0.4:
            # R1 bits 24-31 ORed into the target's second byte: keep lengths small
            r1 = self.free_reg()
            v = r.choice([0, 1, 2, 3, 0x10, 0x07]) if tbytes[0] >= 0xD0 else r.getrandbits(8)
            if tbytes[0] == 0x0A:                # SVC: the number stays as it is
                v = 0
            self.preload(r1, (r.getrandbits(24) << 8) | v)
        reg, d = self.base_for(t, avoid={r1})
        self.b.listing.append((self.b.here(), b"", "  * " + text))
        return RX(b0, r1, 0, reg, d)

    def pool_insn(self, insn_bytes):
        return self.b.pool(bytes(insn_bytes) + bytes((-len(insn_bytes)) % 2), align=2)

    def i_mvcl(self, row, b0, b1):
        r = self.r
        r1, r2 = self.even(), self.even()
        while r2 == r1 and r.random() < 0.9:
            r2 = self.even()
        n1 = r.choice([0, 1, 5, 16, 100, 0x180, r.randrange(0x300)])
        n2 = r.choice([0, 1, 5, 16, 100, 0x180, r.randrange(0x300)])
        if r.random() < 0.2:                      # overlapping operands
            a2 = self.data_addr(0x300, 1, (0xA800, 0xB000 - 0x300))
            a1 = a2 + r.randrange(-0x40, 0x40)
        else:
            a1, a2, _ = self.pair(0x300, 0x300, row["mn"] == "MVCL", safe1=(0xA800, 0xB000 - 0x300),
                                  safe2=(0x9000, 0xA800))
        a1 = min(a1, 0xAFFF - n1) if DATA <= a1 < DATA_END else a1
        hi = r.getrandbits(8) << 24 if r.random() < 0.2 else 0
        self.preload(r1, hi | a1)
        self.preload((r1 + 1) & 15, (r.getrandbits(8) << 24 if r.random() < 0.3 else 0) | n1)
        self.preload(r2, a2)
        self.preload((r2 + 1) & 15, (r.getrandbits(8) << 24) | n2)
        return RR(b0, r1, r2)

    i_clcl = i_mvcl

    def pair_values(self, row, r1):
        """Preload an even/odd pair; never X'80000000 00000000' for a divide
        (Hercules 3.13's CPU thread dies dividing it by -1)."""
        r = self.r
        hi = r.choice(INTERESTING) if r.random() < 0.6 else r.getrandbits(32)
        lo = r.choice(INTERESTING) if r.random() < 0.6 else r.getrandbits(32)
        if row["mn"] in ("D", "DR") and hi == 0x80000000 and lo == 0:
            lo = 1
        self.preload(r1, hi)
        if r1 | 1 != r1:
            self.preload(r1 | 1, lo)

    def i_mr(self, row, b0, b1):
        r1 = self.even()
        r2 = self.gr()
        while r2 in (r1, r1 | 1) and row["mn"] == "DR":
            r2 = self.gr()
        self.pair_values(row, r1)
        if r2 not in (r1, r1 | 1):
            self.preload(r2)
        return RR(b0, r1, r2)

    i_dr = i_mr

    def rx_mem(self, b0, r1, size, align, area=None, store=False, pre=(), load=True):
        r = self.r
        a = self.odd_addr(size, align, area if area else ((0xA800, 0xB000) if store and r.random() < 0.5 else None))
        for x in pre:
            if load:
                self.preload(x)
            self.used.add(x)
        x = 0
        if r.random() < 0.2:
            x = self.free_reg(set(pre))
            xv = r.randrange(0, 0x80)
            self.preload(x, xv)
            a = (a - xv) & 0xFFFFFF
        reg, d = self.base_for(a, avoid={x} | set(pre))
        return RX(b0, r1, x, reg, d)

    def i_m(self, row, b0, b1):
        r1 = self.even()
        self.pair_values(row, r1)
        return self.rx_mem(b0, r1, 4, 4, (0x8800, 0x9000), pre=(r1, r1 | 1), load=False)

    i_d = i_m

    def i_cvb(self, row, b0, b1):
        a = self.r.randrange(0x9000, 0x9800, 16) + 8
        reg, d = self.base_for(a if self.r.random() < 0.9 else self.odd_addr(8, 8))
        return RX(b0, self.gr(), 0, reg, d)

    def i_cvd(self, row, b0, b1):
        r1 = self.gr()
        return self.rx_mem(b0, r1, 8, 8, store=True, pre=(r1,))

    def i_la(self, row, b0, b1):
        r = self.r
        return RX(b0, self.gr(), r.randrange(16), r.randrange(16), r.randrange(0x1000))

    def rs_pair(self, row, b0, b1, even=False, align=4):
        r = self.r
        r1 = self.even() if even else self.gr()
        r3 = self.even() if even else self.gr()
        for x in {r1, r3, r1 | 1, r3 | 1} if even else {r1, r3}:
            if r.random() < 0.5:
                self.preload(x)
        a = self.odd_addr(8, align)
        if r.random() < 0.5 and DATA <= a < DATA_END:
            # make the comparison succeed: load R1 (and R1+1) from the operand
            reg, d = self.base_for(a, avoid={r1, r3, r1 | 1, r3 | 1})
            self.b.emit(RS(0x98, r1, (r1 + 1) & 15 if even else r1, reg, d), "  LM    %d,..,X'%X'" % (r1, a))
            return RS(b0, r1, r3, reg, d)
        reg, d = self.base_for(a, avoid={r1, r3})
        return RS(b0, r1, r3, reg, d)

    def i_cs(self, row, b0, b1):
        return self.rs_pair(row, b0, b1, False, 4)

    def i_cds(self, row, b0, b1):
        return self.rs_pair(row, b0, b1, True, 8)

    def i_stm(self, row, b0, b1):
        r = self.r
        r1, r3 = self.gr(), self.gr()
        n = ((r3 - r1) & 15) + 1
        a = self.odd_addr(4 * n, 4, (0xA800, 0xB000) if r.random() < 0.5 else None)
        reg, d = self.base_for(a)
        return RS(b0, r1, r3, reg, d)

    i_lm = i_stm

    def i_lctl(self, row, b0, b1):
        r = self.r
        r1, r3 = r.randrange(16), r.randrange(16)
        n = ((r3 - r1) & 15) + 1
        img = b""
        for i in range(n):
            img += struct.pack(">I", self.cr_value((r1 + i) & 15))
        a = self.b.pool(img, align=4)
        if r.random() < 0.04:
            a += 2                                # misaligned
        reg, d = self.base_for(a)
        return RS(b0, r1, r3, reg, d)

    def cr_value(self, n):
        r = self.r
        if n == 0:
            # Every translation format the 5 bits of CR0 8-12 can hold
            # (only 01000, 01010, 10000, 10010 are valid: bit 10 counts).
            v = self.dat.cr0 if (self.dat_prog or r.random() < 0.6) else (r.randrange(32) << 19) | 0xE0
            if r.random() < 0.1:
                v |= 0x40000000                   # SSM suppression
            if r.random() < 0.3:
                v |= 0x08000000                   # extraction authority
            return v | (r.getrandbits(16) & 0xFFE0 if r.random() < 0.3 else 0)
        if n == 1:
            if self.dat_prog or r.random() < 0.8:
                return self.dat.cr1
            return r.choice([0x01000000 | TABLES, 0xFF000000 | TABLES, TABLES + 0x40])
        if n in (14, 15):
            return [0xC2000000, 0x00000200][n - 14]
        if n == 3:
            return r.getrandbits(16) << 16
        return r.getrandbits(32)

    def i_stctl(self, row, b0, b1):
        r = self.r
        r1, r3 = r.randrange(16), r.randrange(16)
        n = ((r3 - r1) & 15) + 1
        a = self.odd_addr(4 * n, 4, (0xA800, 0xB000))
        reg, d = self.base_for(a)
        return RS(b0, r1, r3, reg, d)

    def shift(self, row, b0, b1, even):
        r = self.r
        r1 = self.even() if even else self.gr()
        for x in ({r1, r1 | 1} if even else {r1}):
            if r.random() < 0.6:
                self.preload(x)
        if r.random() < 0.25:
            reg = self.free_reg({r1, r1 | 1})
            self.preload(reg, r.getrandbits(32))
            return RS(b0, r1, 0, reg, r.randrange(0x40))
        return RS(b0, r1, 0, 0, r.choice([0, 1, 4, 31, 32, 33, 63, r.randrange(64), r.randrange(0x1000)]))

    def i_sll(self, row, b0, b1):
        return self.shift(row, b0, b1, False)

    i_srl = i_sra = i_sla = i_sll

    def i_sldl(self, row, b0, b1):
        return self.shift(row, b0, b1, True)

    i_srdl = i_srda = i_slda = i_sldl

    def i_icm(self, row, b0, b1):
        r = self.r
        r1 = self.gr()
        if r.random() < 0.5:
            self.preload(r1)
        mask = r.randrange(16)
        # with a zero mask the Principles leave it open whether access
        # exceptions are recognized (Hercules does, the emulator does not)
        a = self.odd_addr(4, 1) if mask else self.data_addr(4, 1, (0x9000, 0xB000))
        reg, d = self.base_for(a, avoid={r1})
        return RS(b0, r1, mask, reg, d)

    i_stcm = i_clm = i_icm

    # SI and S
    def i_mc(self, row, b0, b1):
        r = self.r
        i2 = r.randrange(16) if r.random() < 0.93 else r.randrange(16, 256)
        if r.random() < 0.5:
            return SI(b0, i2, 0, r.randrange(0x1000))
        reg = self.free_reg()
        self.preload(reg)
        return SI(b0, i2, reg, r.randrange(0x1000))

    def i_ts(self, row, b0, b1):
        a = self.odd_addr(1, 1)
        reg, d = self.base_for(a)
        return bytes([b0, 0]) + bd(reg, d)

    def sysmask(self, stosm=False):
        """A system-mask byte that keeps every interruption off (and DAT off
        unless this is a DAT program); sometimes an invalid EC bit."""
        r = self.r
        if not self.cur_ec:
            return r.getrandbits(7) << 1          # channel masks only, external off
        v = 0x02 if r.random() < 0.3 else 0       # I/O mask (nothing pending)
        if self.dat_prog and r.random() < 0.7:
            v |= 0x04
        if r.random() < 0.06:
            v |= r.choice([0x80, 0x20, 0x10, 0x08])  # invalid in the EC mode
        return v

    def i_ssm(self, row, b0, b1):
        a = self.b.pool(bytes([self.sysmask()]), align=1)
        reg, d = self.base_for(a)
        return bytes([b0, 0]) + bd(reg, d)

    def i_stnsm(self, row, b0, b1):
        r = self.r
        a = self.odd_addr(1, 1, (0xA800, 0xB000))
        reg, d = self.base_for(a)
        i2 = r.getrandbits(8)
        if self.dat_prog and r.random() < 0.7:
            i2 |= 0x04                            # keep DAT on
        return SI(b0, i2, reg, d)

    def i_stosm(self, row, b0, b1):
        a = self.odd_addr(1, 1, (0xA800, 0xB000))
        reg, d = self.base_for(a)
        return SI(b0, self.sysmask(True), reg, d)

    def i_lpsw(self, row, b0, b1):
        r = self.r
        lab = self.fwd()
        ec = r.random() < 0.5 or self.dat_prog
        key = self.key if r.random() < 0.7 else 0   # keeps block A800 writable
        prob = r.random() < 0.25
        cc, pm = r.randrange(4), r.randrange(16)
        if ec:
            sm = 0x04 if self.dat_prog and r.random() < 0.8 else 0
            hi = (sm << 24) | (key << 20) | 0x00080000 | (prob << 16) | (cc << 12) | (pm << 8)
            if r.random() < 0.08:
                hi |= r.choice([0x80000000, 0x10000000, 0x00004000, 0x00000001])  # invalid bits
            lo_add = 0
        else:
            sm = r.getrandbits(7) << 1
            hi = (sm << 24) | (key << 20) | (prob << 16)
            lo_add = (cc << 28) | (pm << 24)
        # the PSW: two words, the second the label address (+ BC CC/PM)
        pa = (self.b.pool_next + 7) & ~7
        if pa + 8 > POOL_END:
            raise OverflowError("pool full")
        self.b.pool_next = pa + 8
        self.b.mem[pa:pa + 4] = struct.pack(">I", hi)
        self.b.pool_fix.append((pa + 4, lab, lo_add))
        if r.random() < 0.04:
            pa += 4                               # misaligned operand
        reg, d = self.base_for(pa)
        self.next_mode = (ec, prob)
        return bytes([b0, 0]) + bd(reg, d)

    def key_block(self, align_error=True, isk=False):
        r = self.r
        c = r.random()
        if c < 0.04:
            return r.randrange(0x200000, 0x1000000) & ~0xF
        blk = 7 if isk else r.choice([0, 1, 2, 3, 4, 5, 7])
        a = DATA + blk * BLOCK + (r.randrange(BLOCK) & ~0xF)
        if align_error and r.random() < 0.04:
            a |= r.randrange(1, 16)
        return a

    def i_ssk(self, row, b0, b1):
        r = self.r
        r2 = self.free_reg() if r.random() < 0.95 else 0
        r1 = self.free_reg() if r2 else self.gr()
        blk_addr = self.key_block()
        # keep R and C clear for block 7 (its 4K partner B000 is never used)
        self.preload(r2, blk_addr)
        kv = r.getrandbits(8)
        if (blk_addr & ~0x7FF) == 0xB800:
            kv &= ~0x06
        # The safe operands of pair() stay safe: blocks 9000-AFFF never
        # fetch-protected, A800 writable with the program's key.
        blk = (blk_addr - DATA) // BLOCK
        if blk in (2, 3, 4):
            kv &= ~0x08
        elif blk == 5:
            kv = (self.key << 4) | (kv & 0x06)
        self.preload(r1, (r.getrandbits(24) << 8) | kv)
        return RR(b0, r1, r2)

    def set_key_first(self, reg_addr, addr):
        """SSK of block `addr` just before ISK/RRB looks at it: the reference
        bit is unpredictable otherwise (a CPU may set it for operands it
        fetched in anticipation, and Hercules does, e.g. for an MVCK whose
        other operand then fails), so ISK and RRB only see known R and C."""
        kreg = self.free_reg({reg_addr})
        kv = self.r.getrandbits(8) & 0xFE
        self.preload(kreg, kv)
        self.b.emit(RR(0x08, kreg, reg_addr), "  SSK   %d,%d" % (kreg, reg_addr))

    def i_isk(self, row, b0, b1):
        r = self.r
        r2 = self.free_reg()
        r1 = self.gr()
        while r1 == r2:
            r1 = self.gr()
        a = self.key_block(isk=True)
        self.preload(r2, a)
        if (a & ~0x7FF) == 0xB800:
            self.set_key_first(r2, a)
        self.preload(r1)
        return RR(b0, r1, r2)

    def i_rrb(self, row, b0, b1):
        a = self.key_block(align_error=False, isk=True)
        reg, d = self.base_for(a)
        if (a & ~0x7FF) == 0xB800:
            areg = self.free_reg()
            self.b.emit(RX(0x41, areg, 0, reg, d), "  LA    %d,%d(%d)" % (areg, d, reg))
            self.set_key_first(areg, a)
        return bytes([b0, b1]) + bd(reg, d)

    def s_operand(self, b0, b1, size, align, store=True, value=None):
        r = self.r
        if value is not None:
            a = self.b.pool(value, align=align, size=size)
            if r.random() < 0.04:
                a += 1 if align > 1 else 0
        else:
            a = self.odd_addr(size, align, (0xA800, 0xB000) if store else None)
        reg, d = self.base_for(a)
        return bytes([b0, b1 if b1 is not None else 0]) + bd(reg, d)

    def i_spx(self, row, b0, b1):
        r = self.r
        v = r.choice([0, 0x1000, 0x1000, 0x1FFF, 0x300000, 0])
        return self.s_operand(b0, b1, 4, 4, value=v)

    def i_stpx(self, row, b0, b1):
        return self.s_operand(b0, b1, 4, 4)

    def i_stidp(self, row, b0, b1):
        return self.s_operand(b0, b1, 8, 8)

    def i_stap(self, row, b0, b1):
        return self.s_operand(b0, b1, 2, 2)

    def i_sckc(self, row, b0, b1):
        # The full width: the comparator keeps bits 0-55 on both machines
        # (STCKC stores bits 56-63 as zeros). External interruptions stay
        # masked, so the value never has to be reached.
        r = self.r
        v = r.getrandbits(64) if r.random() < 0.7 else r.getrandbits(52) << 12
        return self.s_operand(b0, b1, 8, 8, value=v, store=False)

    def i_sck(self, row, b0, b1):
        return self.s_operand(b0, b1, 8, 8, value=self.r.getrandbits(52) << 12, store=False)

    def i_spt(self, row, b0, b1):
        return self.s_operand(b0, b1, 8, 8, value=self.r.getrandbits(62) << 2, store=False)

    def i_stckc(self, row, b0, b1):
        return self.s_operand(b0, b1, 8, 8)

    def i_spka(self, row, b0, b1):
        # only the program's key or 0, so that block A800 stays writable
        r = self.r
        key = r.choice([self.key, 0])
        if r.random() < 0.5:
            return bytes([b0, b1]) + bd(0, (key << 4) | (r.randrange(0x100) << 8 & 0xF00) | r.randrange(16))
        reg = self.free_reg()
        self.preload(reg, (r.getrandbits(24) << 8) | (key << 4))
        return bytes([b0, b1]) + bd(reg, r.randrange(16))

    def i_lra(self, row, b0, b1):
        r = self.r
        c = r.random()
        if c < 0.5:
            a = self.data_addr()
        elif c < 0.8:
            a = r.choice(self.dat.bad_addresses()) + r.randrange(0x100)
        else:
            a = self.dat.alias() + r.randrange(0x1000)
        reg, d = self.base_for(a)
        return RX(b0, self.gr(), 0, reg, d)

    def io(self, row, b0, b1):
        r = self.r
        return bytes([b0, b1 if b1 is not None else 0]) + bd(0, 0xF00 | r.randrange(0x100))

    i_sio = i_siof = i_tio = i_clrio = i_hio = i_hdv = i_tch = i_clrch = i_stidc = i_concs = i_discs = io

    def i_ipte(self, row, b0, b1):
        """IPTE R1,R2 on entries whose invalidation no later operand meets
        unplanned: the segment-1 alias pages (odd_addr's only) or the page
        that is already invalid; other bits of R1 and R2 random; now and
        then a page table beyond storage."""
        r = self.r
        dat = self.dat
        n1 = max(1, (dat.segsz // dat.pgsz) // 16)
        c = r.random()
        if c < 0.45:
            pto, va = dat.pt1, r.randrange(n1) * dat.pgsz
        elif c < 0.9:
            pto, va = dat.pt0, dat.bad_page
        else:
            pto, va = r.choice([0x00F00000, 0x00300000]), 0
        # Key 0 first (SPKA 0): Hercules 3.13 checks the PSW key against
        # the page table's storage key, the Principles do not (x_ipte_key.s).
        self.b.emit(S2(0xB20A, 0, 0), "  SPKA  0")
        r1, r2 = self.free_reg(), self.free_reg()
        self.preload(r1, pto | (r.getrandbits(8) << 24 if r.random() < 0.5 else 0) | r.randrange(8))
        seg = r.randrange(16) * dat.segsz
        self.preload(r2, ((va + seg) & 0xFFFFFF) | (r.getrandbits(8) << 24 if r.random() < 0.5 else 0)
                     | r.randrange(dat.pgsz))
        return bytes([b0, b1, r.getrandbits(8), (r1 << 4) | r2])

    def i_tprot(self, row, b0, b1):
        """TPROT D1(B1),D2(B2): the location anywhere odd_addr aims (data,
        beyond storage, invalid pages and segments when DAT may be on), the
        access key in bits 24-27 of the second-operand address."""
        r = self.r
        a1 = self.odd_addr(1, 1) if r.random() < 0.9 else r.randrange(0, 0x800)
        rb1, d1 = self.base_for(a1)
        if r.random() < 0.7:
            rb2, d2 = 0, r.randrange(16) << 4 | r.randrange(16)
        else:
            rb2 = self.free_reg({rb1})
            self.preload(rb2)
            d2 = r.randrange(0x1000)
        return bytes([b0, b1]) + bd(rb1, d1) + bd(rb2, d2)

    def i_mvck(self, row, b0, b1):
        r = self.r
        r1, r3 = self.gr(), self.gr()
        self.preload(r1, r.choice([0, 1, 8, 100, 256, 300, r.randrange(0x100)]))
        if r3 != r1:
            self.preload(r3, r.randrange(16) << 4)
        a1, a2, _ = self.pair(256, 256, True, safe1=(0xA800, 0xAF00))
        rb1, d1 = self.base_for(a1, avoid={r1, r3})
        rb2, d2 = self.base_for(a2, avoid={r1, r3})
        return SS(b0, (r1 << 4) | r3, rb1, d1, rb2, d2)

    def ss_l(self, row, b0, b1, store=True, maxlen=256, area2=None):
        r = self.r
        n = r.choice([1, 2, 4, 8, 16, r.randrange(1, maxlen + 1)])
        if r.random() < 0.15:                     # overlapping operands
            a2 = self.data_addr(n + 16, 1, (0xA808, 0xAE00))
            a1 = a2 + r.randrange(-8, 9)
        else:
            a1, a2, _ = self.pair(n, n, store)
        rb1, d1 = self.base_for(a1)
        rb2, d2 = self.base_for(a2, avoid={rb1})
        return SS(b0, n - 1, rb1, d1, rb2, d2)

    def i_mvc(self, row, b0, b1):
        return self.ss_l(row, b0, b1)

    i_mvn = i_mvz = i_nc = i_oc = i_xc = i_mvc

    def i_clc(self, row, b0, b1):
        return self.ss_l(row, b0, b1, store=False)

    def i_tr(self, row, b0, b1):
        r = self.r
        n = r.choice([1, 4, 16, r.randrange(1, 257)])
        a1, a2, _ = self.pair(n, 256, True, safe2=(0x9000, 0xB000))
        rb1, d1 = self.base_for(a1)
        rb2, d2 = self.base_for(a2, avoid={rb1})
        return SS(b0, n - 1, rb1, d1, rb2, d2)

    def i_trt(self, row, b0, b1):
        r = self.r
        for x in (1, 2):
            if r.random() < 0.5:
                self.preload(x)
        n = r.choice([1, 4, 16, r.randrange(1, 257)])
        # a table that is mostly zero (block A800) so that TRT runs some way
        a1, a2, _ = self.pair(n, 256, False, safe2=(0xA800, 0xB000))
        rb1, d1 = self.base_for(a1, avoid={1, 2})
        rb2, d2 = self.base_for(a2, avoid={rb1, 1, 2})
        return SS(b0, n - 1, rb1, d1, rb2, d2)

    def i_mvcin(self, row, b0, b1):
        r = self.r
        n = r.choice([1, 2, 8, r.randrange(1, 257)])
        a1, a2, _ = self.pair(n, n, True)
        rb1, d1 = self.base_for(a1)
        rb2, d2 = self.base_for(a2 + n - 1, avoid={rb1})
        return SS(b0, n - 1, rb1, d1, rb2, d2)

    def ed(self, row, b0, b1):
        r = self.r
        n = r.choice([4, 8, 12, 16])
        # copy a pattern first so that ED finds digit selectors
        pat = r.randrange(0xA000, 0xA800, 16)
        dst = self.data_addr(16, 1, (0xA800, 0xB000 - 0x20))
        rb1, d1 = self.base_for(dst)
        rb2, d2 = self.base_for(pat, avoid={rb1})
        self.b.emit(SS(0xD2, n - 1, rb1, d1, rb2, d2), "  MVC   X'%X'(%d),X'%X'" % (dst, n, pat))
        # the source is always accessible: Hercules stores the pattern bytes
        # processed before it fetches a source byte that fails (x_ed_partial.s)
        src = r.randrange(0x9000, 0x9800, 16) + r.randrange(16)
        if row["mn"] == "EDMK" and r.random() < 0.5:
            self.preload(1)
        rs, ds = self.base_for(src, avoid={rb1, 1})
        return SS(b0, n - 1, rb1, d1, rs, ds)

    i_ed = i_edmk = ed

    def decimal(self, row, b0, b1):
        r = self.r
        mn = row["mn"]
        cells = self.b.valid_cells
        l1 = r.randrange(1, 17)
        l2 = r.randrange(1, 17)
        if mn in ("MP", "DP"):
            l2 = r.randrange(1, min(8, l1 - 1) + 1) if l1 > 1 and r.random() < 0.92 else r.randrange(1, 17)
        # at most one operand may fail to be accessed, and then the other
        # holds valid data (access and data exceptions have no fixed order)
        bad = r.choice([0, 0, 0, 0, 0, 0, 1, 2])
        if bad == 1:
            a1 = self.odd_addr(l1, 1)
            rb1, d1 = self.base_for(a1)
        elif mn == "CP" and r.random() < 0.5:
            a1 = r.choice(cells if bad else range(0x9000, 0x9800, 16)) + 16 - l1
            rb1, d1 = self.base_for(a1)
        else:
            # first operand: a packed field copied to block A800
            src = r.choice(cells if bad else range(0x9000, 0x9800, 16)) + 16 - l1
            dst = self.data_addr(16, 1, (0xA800, 0xB000 - 0x20))
            rb1, d1 = self.base_for(dst)
            rb2, d2 = self.base_for(src, avoid={rb1})
            self.b.emit(SS(0xD2, l1 - 1, rb1, d1, rb2, d2), "  MVC   X'%X'(%d),X'%X'" % (dst, l1, src))
            a1 = dst
        if mn == "SRP":
            if r.random() < 0.5:
                return SS(b0, (l1 - 1) << 4 | r.randrange(10), rb1, d1, 0, r.randrange(64))
            reg = self.free_reg({rb1})
            self.preload(reg)
            return SS(b0, (l1 - 1) << 4 | r.randrange(16), rb1, d1, reg, r.randrange(0x100))
        if bad == 2:
            a2 = self.odd_addr(l2, 1)
        elif mn == "PACK":
            a2 = r.randrange(0xA000, 0xA800 - 16)
        elif bad == 1:
            a2 = r.choice(cells) + 16 - l2
        else:
            a2 = r.randrange(0x9000, 0x9800, 16) + 16 - l2
            if r.random() < 0.1:
                a2 = a1 + r.choice([0, max(0, l1 - l2)])    # same or overlapping
        rb2, d2 = self.base_for(a2, avoid={rb1})
        return SS(b0, ((l1 - 1) << 4) | (l2 - 1), rb1, d1, rb2, d2)

    i_zap = i_cp = i_ap = i_sp = i_mp = i_dp = i_srp = i_mvo = i_pack = i_unpk = decimal

    # -- control of the mix --------------------------------------------------------
    def allowed(self, row):
        mn = row["mn"]
        if self.cur_problem:
            return mn not in ("STCK",)
        if row["priv"] or row["cls"] == "Io":
            if mn in NONDETERMINISTIC:
                return False
        if mn in NONDETERMINISTIC:
            return False
        if mn == "LPSW" and self.b.groups > self.n - 3:
            return False
        return True

    def unassigned(self):
        r = self.r
        while True:
            if r.random() < 0.35:
                op = (r.choice(TWO_BYTE) << 8) | r.randrange(256)
                if op in self.b.assigned or op in HERC_EXTRA:
                    continue
                if op >> 8 == 0xE6 and self.cur_problem:
                    continue            # Hercules: privileged operation (section 9)
                return bytes([op >> 8, op & 0xFF]) + bytes(r.getrandbits(8) for _ in range(insn_len(op >> 8) - 2))
            op = r.randrange(256)
            if op in self.b.assigned or op in HERC_EXTRA:
                continue
            n = insn_len(op)
            return bytes([op]) + bytes(r.getrandbits(8) for _ in range(n - 1))

    # -- the program -------------------------------------------------------------
    def setup(self):
        b = self.b
        r = self.r
        b.labels["START"] = b.here()
        # storage keys of the data blocks (key 0, supervisor: SSK allowed)
        for i, k in enumerate(self.keys):
            b.load(1, k)
            b.load(2, DATA + i * BLOCK)
            b.emit(RR(0x08, 1, 2), "  SSK   1,2            block %X key %02X" % (DATA + i * BLOCK, k))
        # control registers
        crs = [self.cr_value(i) for i in range(16)]
        crs[0] = self.dat.cr0 | (0x08000000 if r.random() < 0.3 else 0)
        crs[1] = self.dat.cr1
        crs[2] = 0xFFFFFFFF
        crs[8] = r.getrandbits(16)
        a = b.pool(b"".join(struct.pack(">I", v) for v in crs), align=4)
        b.emit(RS(0xB7, 0, 15, 0, a), "  LCTL  0,15,=CRS")
        # floating-point registers
        if self.float_ok:
            for f in (0, 2, 4, 6):
                fa = b.pool(hfp_long(r), align=8, size=8)
                b.emit(RX(0x68, f, 0, 0, fa), "  LD    %d,=D" % f)
        # general registers, then the mode
        regs = [(r.choice(INTERESTING) if r.random() < 0.4 else r.getrandbits(32)) for _ in range(16)]
        ra = b.pool(b"".join(struct.pack(">I", v) for v in regs), align=4)
        b.emit(RS(0x98, 0, 15, 0, ra), "  LM    0,15,=REGS")
        self.cur_ec = self.ec
        self.cur_problem = self.problem
        if self.ec:
            hi = (0x04 if self.dat_prog else 0) << 24 | (self.key << 20) | 0x00080000 | (self.problem << 16) | \
                (r.randrange(4) << 12) | (r.randrange(16) << 8)
            lo = 0
        else:
            hi = (self.key << 20) | (self.problem << 16)
            lo = (r.randrange(4) << 28) | (r.randrange(16) << 24)
        pa = (b.pool_next + 7) & ~7
        b.pool_next = pa + 8
        b.mem[pa:pa + 4] = struct.pack(">I", hi)
        b.pool_fix.append((pa + 4, "G0", lo))
        b.emit(S2(0x8200, 0, pa), "  LPSW  =initial mode %08X" % hi)

    def body(self):
        b = self.b
        r = self.r
        for g in range(self.n):
            b.labels["G%d" % g] = b.here()
            b.groups = g
            self.next_mode = None
            self.used = set()
            start_len = len(b.code)
            list_len = len(b.listing)
            pool_mark = (b.pool_next, len(b.pool_fix), dict(b.pool_vals))
            try:
                c = r.random()
                if c < 0.04:
                    ib, text = self.unassigned(), "unassigned opcode"
                elif c < 0.10:
                    ib, text = bytes([0x0A, r.randrange(255)]), "SVC (checkpoint)"
                else:
                    rows = [x for x in b.rows if self.allowed(x)]
                    row = r.choice(rows)
                    ib = self.insn(row)
                    text = row["mn"]
            except OverflowError:
                del b.code[start_len:]
                del b.listing[list_len:]
                b.pool_next, n_fix, b.pool_vals = pool_mark
                del b.pool_fix[n_fix:]
                break
            b.emit(ib, "%-6s %s" % (text.split()[0] if text else "", ib.hex().upper()))
            if self.next_mode is not None:
                # after LPSW the mode of the following groups is the PSW's
                # (or unchanged, when it fails); stay conservative: only the
                # problem state is tracked, and it never goes back
                ec, prob = self.next_mode
                self.cur_problem = self.cur_problem or prob
                self.cur_ec = self.cur_ec or ec
            if b.here() > CODE_END - 0x100:
                break
        b.groups = self.n
        for g in range(len([k for k in b.labels if k.startswith("G")]), self.n + 4):
            b.labels["G%d" % g] = b.here()
        b.emit(bytes([0x0A, 0xFF]), "SVC   255 (end)")

    def build(self):
        self.setup()
        self.body()
        b = self.b
        for g in range(self.n + 4):
            b.labels.setdefault("G%d" % g, b.here())
        b.resolve()
        m = b.mem
        m[START:START + len(b.code)] = b.code
        m[0x1000:0x2000] = m[0:0x1000]          # the alternative prefix page
        return bytes(m)


def generate(seed, exclude=()):
    g = Gen(seed, exclude)
    image = g.build()
    dumps = [(0x0, 0x50), (0x54, 0x1000 - 0x54 + 0x50), (0x1054, 0x3000 - 0x54),
             (DATA, 0x5000)]
    return {
        "image": image,
        "load": 0,
        "psw": "%016X" % START,
        "dumps": dumps,
        "regions": [(LOG, LOG_END - LOG, "log", ENTRY), (DATA, DATA_END - DATA, "data", 0),
                    (TABLES, 0x1000, "dat", 0), (0x440, 0x40, "save", 0), (VARS, 0x40, "vars", 0)],
        "gen": g,
    }


def listing(seed, exclude=()):
    g = Gen(seed, exclude)
    g.build()
    b = g.b
    out = ["seed %d: %s%s mode, key %d%s%s; DAT tables %s pages %s segments; keys %s" % (
        seed, "EC" if g.ec else "BC", " problem" if g.problem else " supervisor", g.key,
        ", DAT on" if g.dat_prog else "", "", "4K" if g.dat.pg4k else "2K",
        "1M" if g.dat.seg1m else "64K", " ".join("%02X" % k for k in g.keys))]
    labels = {v: k for k, v in b.labels.items() if k.startswith("G")}
    for addr, raw, text in b.listing:
        lab = labels.get(addr, "")
        out.append("%06X %-5s %-12s %s" % (addr, lab, raw.hex().upper(), text))
    return "\n".join(out)


def main():
    import argparse
    ap = argparse.ArgumentParser(description="generate a random S/370 test program")
    ap.add_argument("seed", type=int)
    ap.add_argument("-o", "--output", help="write the raw image here")
    ap.add_argument("--list", action="store_true", help="print the listing")
    ap.add_argument("--exclude", default="", help="instruction classes to leave out, e.g. Float,Decimal")
    a = ap.parse_args()
    ex = [x for x in a.exclude.split(",") if x]
    g = generate(a.seed, ex)
    if a.output:
        with open(a.output, "wb") as f:
            f.write(g["image"])
        print("psw %s dumps %s" % (g["psw"], " ".join("%X.%X" % d for d in g["dumps"])))
    if a.list:
        print(listing(a.seed, ex))


if __name__ == "__main__":
    main()
