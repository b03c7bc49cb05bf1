#!/usr/bin/env python3
"""Hostile terminals on the one port (and the TLS port) never crash vm370,
never grow it without bound, and never slow down anyone else.

Two good users stay logged on all the time: one a plain line-mode socket,
one a TN3270 client (a minimal one, below: WONT TN3270E, TERMINAL-TYPE
IBM-3278-2, BINARY and END-OF-RECORD both ways, then 3270 records). Each
asks QUERY TIME every 200 ms and must have its answer within 2 s, every
time. Meanwhile, for a bounded time, workers open hostile connections in
parallel: random bytes, option storms, subnegotiations with no end,
TN3270 and TN3270E clients that negotiate (or half do) and then send
garbage records (addresses off the screen, orders cut short, records of
100 KB and more, AIDs of every kind), a TN3270 user who logs on, makes CP
write screen after screen and never reads (the server must drop it, not
keep its output), idle connections, and, when vm370 has a TLS port, random
bytes and half handshakes on it. At the end vm370 still takes a new logon,
every hostile connection is closed or closes, its open files are back to
what they were, its memory (VmHWM, the peak RSS, and VmRSS at the end, from
/proc) grew less than the bounds worked out in rss_bounds(), and SIGTERM
ends it with exit code 0 (under ASan: with no leak reported).

usage: vm370_fuzz3270.py BINDIR [--seconds N] [--seed N] [--workers N] [--verbose]
"""
import argparse, os, random, re, select, socket, ssl, subprocess, sys, threading, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vmclient  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("bindir")
ap.add_argument("--seconds", type=float, default=20.0, help="how long the hostile connections go on")
ap.add_argument("--seed", type=int, default=1)
ap.add_argument("--workers", type=int, default=6, help="hostile connections at a time")
ap.add_argument("--verbose", action="store_true", help="show the operator's console at the end")
ARGS = ap.parse_args()
VM370 = os.path.join(ARGS.bindir, "vm370")

BOUND = 2.0     # seconds: the longest a good user may wait for QUERY TIME's answer
PERIOD = 0.2    # seconds between two QUERY TIMEs

UR = [{"address": "009", "type": "console"}, {"address": "00C", "type": "reader"},
      {"address": "00D", "type": "punch"}, {"address": "00E", "type": "printer"}]
USERS = [{"userid": "OPERATOR", "password": "OPPW", "privclass": "ABCDEFG", "storage": "1M", "devices": UR},
         {"userid": "LINE", "password": "LINEPW", "storage": "1M", "devices": UR},
         {"userid": "GRAF", "password": "GRAFPW", "storage": "1M", "devices": UR},
         {"userid": "HOG", "password": "HOGPW", "storage": "1M", "devices": UR},
         {"userid": "LATE", "password": "LATEPW", "storage": "1M", "devices": UR}]

errors = []
errors_lock = threading.Lock()
stop = threading.Event()


def error(msg):
    with errors_lock:
        errors.append(msg)
    print("FAIL:", msg, flush=True)


# ---- Telnet and 3270 -------------------------------------------------------------------

IAC, DONT, DO, WONT, WILL, SB, SE, EOR_CMD = 255, 254, 253, 252, 251, 250, 240, 239
BINARY, ECHO, SGA, TTYPE, EOR, TN3270E = 0, 1, 3, 24, 25, 40
OURS = [BINARY, ECHO, SGA, TTYPE, EOR, TN3270E]

# The graphic codes of six-bit values: 12-bit buffer addresses, attributes.
CODES = [0x40, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0x4A, 0x4B, 0x4C, 0x4D, 0x4E, 0x4F,
         0x50, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xD9, 0x5A, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F,
         0x60, 0x61, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F,
         0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0x7A, 0x7B, 0x7C, 0x7D, 0x7E, 0x7F]
SBA, SF, SFE, SA, MF, IC, PT, RA, EUA, GE = 0x11, 0x1D, 0x29, 0x28, 0x2C, 0x13, 0x05, 0x3C, 0x12, 0x08
ENTER, CLEAR, PA1, PA2 = 0x7D, 0x6D, 0x6C, 0x6E
PFS = [0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0x7A, 0x7B, 0x7C,
       0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0x4A, 0x4B, 0x4C]


def cmd(verb, opt):
    return bytes([IAC, verb, opt])


def sb(body):
    return bytes([IAC, SB]) + bytes(body).replace(b"\xff", b"\xff\xff") + bytes([IAC, SE])


def addr12(a):
    return bytes([CODES[(a >> 6) & 63], CODES[a & 63]])


def decode_addr(b0, b1):
    if b0 & 0xC0 == 0:
        return ((b0 & 0x3F) << 8) | b1
    return ((b0 & 0x3F) << 6) | (b1 & 0x3F)


def frame(record, header=None):
    """A record as a client sends it: the TN3270E header, IAC doubled, IAC EOR."""
    data = (header or b"") + bytes(record)
    return data.replace(b"\xff", b"\xff\xff") + bytes([IAC, EOR_CMD])


# What a TN3270 client (not TN3270E) says after DO TN3270E, all of it at
# once: the server takes it in order, so no answer needs waiting for.
def tn3270_hello(ttype=b"IBM-3278-2"):
    return (cmd(WONT, TN3270E) + cmd(WILL, TTYPE) + sb(bytes([TTYPE, 0]) + ttype) + cmd(WILL, EOR) + cmd(DO, EOR)
            + cmd(WILL, BINARY) + cmd(DO, BINARY))


def tn3270e_hello(ttype=b"IBM-3278-2-E", lu=b""):
    req = bytes([TN3270E, 2, 7]) + ttype + (bytes([1]) + lu if lu else b"")
    return (cmd(WILL, TN3270E) + sb(req) + sb(bytes([TN3270E, 3, 7, 2, 4])) + sb(bytes([TN3270E, 3, 4])))


class Tn3270:
    """A minimal TN3270 terminal: negotiates, keeps a screen from the
    server's records (Write, Erase/Write, Erase/Write Alternate and the
    orders), sends ENTER with text in the input field and the other AIDs."""

    def __init__(self, port, model=(24, 80), ttype=b"IBM-3278-2", rcvbuf=None, timeout=10):
        self.s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if rcvbuf:
            self.s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        self.s.settimeout(timeout)
        self.s.connect(("127.0.0.1", port))
        self.alt = model
        self.ttype = ttype
        self.resize(24, 80)
        self.pending = bytearray()  # from the server, not yet parsed
        self.rec = bytearray()
        self.st = "data"
        self.records = 0
        self.closed = False
        self.cursor = 0

    def resize(self, rows, cols):
        self.rows, self.cols = rows, cols
        self.buf = bytearray(rows * cols)
        self.attr = bytearray(rows * cols)

    # -- the wire
    def send(self, data):
        self.s.sendall(data)

    def pump(self, t=0.05):
        if self.closed:
            return False
        r, _, _ = select.select([self.s], [], [], t)
        if not r:
            return False
        try:
            d = self.s.recv(65536)
        except OSError:
            d = b""
        if not d:
            self.closed = True
            return False
        self.parse(d)
        return True

    def parse(self, d):
        for b in d:
            st = self.st
            if st == "data":
                if b == IAC:
                    self.st = "iac"
                else:
                    self.rec.append(b)
            elif st == "iac":
                if b == IAC:
                    self.rec.append(b)
                    self.st = "data"
                elif b == EOR_CMD:
                    self.apply(bytes(self.rec))
                    self.rec.clear()
                    self.st = "data"
                elif b in (DO, DONT, WILL, WONT):
                    self.st = "opt"
                elif b == SB:
                    self.st = "sb"
                else:
                    self.st = "data"
            elif st == "opt":
                self.st = "data"
            elif st == "sb":
                if b == IAC:
                    self.st = "sbiac"
            elif st == "sbiac":
                self.st = "data" if b == SE else "sb"

    def negotiate(self, timeout=10):
        """Waits for DO TN3270E, answers as a TN3270 client, waits for the
        first screen."""
        end = time.time() + timeout
        seen = bytearray()
        while cmd(DO, TN3270E) not in seen:
            if time.time() > end:
                raise AssertionError("no DO TN3270E from the server")
            r, _, _ = select.select([self.s], [], [], 0.05)
            if r:
                d = self.s.recv(4096)
                if not d:
                    raise AssertionError("the server closed during negotiation")
                seen += d
        self.send(tn3270_hello(self.ttype))
        while self.records == 0:
            if time.time() > end or self.closed:
                raise AssertionError("no first screen after negotiation")
            self.pump()

    # -- the screen
    def apply(self, r):
        self.records += 1
        if not r:
            return
        c = r[0]
        if c in (0xF1, 0x01):
            self.process(r[1:], self.cursor)
        elif c in (0xF5, 0x05):
            self.resize(24, 80)
            self.process(r[1:], 0)
        elif c in (0x7E, 0x0D):
            self.resize(*self.alt)
            self.process(r[1:], 0)
        # Write Structured Field, Erase All Unprotected, reads: nothing to show

    def process(self, d, a):
        size = self.rows * self.cols
        i = 1  # after the WCC
        n = len(d)
        while i < n:
            b = d[i]
            if b == SBA and i + 2 < n:
                a = decode_addr(d[i + 1], d[i + 2]) % size
                i += 3
            elif b == SF and i + 1 < n:
                self.attr[a], self.buf[a] = 1, d[i + 1]
                a = (a + 1) % size
                i += 2
            elif b in (SFE, MF) and i + 1 < n:
                if b == SFE:
                    self.attr[a], self.buf[a] = 1, 0
                a = (a + 1) % size
                i += 2 + 2 * d[i + 1]
            elif b == SA:
                i += 3
            elif b == IC:
                self.cursor = a
                i += 1
            elif b == PT:
                i += 1
            elif b in (RA, EUA) and i + 2 < n:
                stop_at = decode_addr(d[i + 1], d[i + 2]) % size
                ch = 0
                if b == RA and i + 3 < n:
                    ch = d[i + 3]
                    i += 1
                while True:
                    if not self.attr[a]:
                        self.buf[a] = ch
                    a = (a + 1) % size
                    if a == stop_at:
                        break
                i += 3
            elif b == GE and i + 1 < n:
                self.attr[a], self.buf[a] = 0, d[i + 1]
                a = (a + 1) % size
                i += 2
            else:
                self.attr[a], self.buf[a] = 0, b
                a = (a + 1) % size
                i += 1

    def text(self):
        out = []
        for r in range(self.rows):
            row = bytearray()
            for p in range(r * self.cols, (r + 1) * self.cols):
                b = self.buf[p]
                row.append(0x40 if self.attr[p] or b < 0x40 or b == 0xFF else b)
            out.append(row.decode("cp037"))
        return out

    def output_area(self):
        return "\n".join(self.text()[:self.rows - 2])

    def status(self):
        return self.text()[-1][-20:].strip()

    # -- the keys
    def enter(self, line):
        inp = (self.rows - 2) * self.cols + 1
        rec = bytes([ENTER]) + addr12(inp + len(line)) + bytes([SBA]) + addr12(inp) + line.encode("cp037")
        self.send(frame(rec))

    def key(self, aid):
        self.send(frame(bytes([aid])))

    def wait_for(self, pattern, timeout=10, where=None):
        """Until the output area (or where()) matches; PA2 whenever MORE...
        holds the screen."""
        end = time.time() + timeout
        rx = re.compile(pattern)
        last_pa2 = 0
        while True:
            text = where() if where else self.output_area()
            if rx.search(text):
                return text
            if self.closed or time.time() > end:
                raise AssertionError("3270: no %r within %ss; screen:\n%s" % (pattern, timeout, "\n".join(self.text())))
            if self.status().startswith("MORE") and time.time() - last_pa2 > 0.3:
                self.key(PA2)
                last_pa2 = time.time()
            self.pump()

    def logon(self, userid, password):
        self.negotiate()
        self.wait_for("ONLINE")
        self.enter("LOGON " + userid)
        self.wait_for("ENTER PASSWORD")
        self.enter(password)
        self.wait_for("LOGON AT")

    def close(self):
        try:
            self.s.close()
        except OSError:
            pass


# ---- The good users ---------------------------------------------------------------------

stats = {}


def good_loop(name, ask):
    """QUERY TIME every PERIOD until stop; each answer within BOUND."""
    n, worst = 0, 0.0
    while not stop.is_set():
        t0 = time.time()
        try:
            dt = ask()
        except (AssertionError, OSError) as e:
            error("%s got no answer to QUERY TIME within %.1f s: %s" % (name, BOUND, str(e)[-1500:]))
            break
        worst = max(worst, dt)
        if dt > BOUND:
            error("%s waited %.2f s for QUERY TIME's answer" % (name, dt))
        n += 1
        time.sleep(max(0.0, PERIOD - (time.time() - t0)))
    stats[name] = (n, worst)


def line_user(sysm, ready):
    try:
        c = sysm.logon("LINE", "LINEPW")
    except AssertionError as e:
        error("LINE could not log on: %s" % e)
        ready.set()
        return
    ready.set()

    def ask():
        t0 = time.time()
        c.cmd("QUERY TIME", r"TOTCPU=[^\n]*\n", timeout=BOUND + 1)
        return time.time() - t0

    good_loop("the line-mode user", ask)
    try:
        c.cmd("LOGOFF", "LOGOFF AT")
    except (AssertionError, OSError) as e:
        error("LINE could not log off: %s" % e)
    c.close()


def graf_user(sysm, ready):
    t = Tn3270(sysm.port)
    try:
        t.logon("GRAF", "GRAFPW")
    except (AssertionError, OSError) as e:
        error("GRAF could not log on over TN3270: %s" % e)
        ready.set()
        return
    ready.set()

    def ask():
        # PA2 empties the output area first, so that the answer seen is
        # this one's.
        t.key(PA2)
        t.wait_for(r"^\s*$", timeout=BOUND + 1)
        t0 = time.time()
        t.enter("QUERY TIME")
        t.wait_for(r"TOTCPU=", timeout=BOUND + 1)
        return time.time() - t0

    good_loop("the TN3270 user", ask)
    try:
        t.key(PA2)
        t.enter("LOGOFF")
        sysm.expect_operator(r"LOGOFF AS +GRAF", 10)
    except (AssertionError, OSError) as e:
        error("GRAF could not log off: %s" % e)
    t.close()


# ---- The hostile connections ----------------------------------------------------------------

class Hostile:
    """One socket of an attack; what it sends is pushed while whatever the
    server says is read and thrown away (a client that does read)."""

    def __init__(self, port):
        self.s = socket.create_connection(("127.0.0.1", port), timeout=5)
        self.s.setblocking(False)
        self.got = 0
        self.eof = False

    def push(self, data, deadline):
        view = memoryview(data)
        while view and time.time() < deadline and not self.eof:
            r, w, _ = select.select([self.s], [self.s], [], 0.1)
            if r:
                self.drain_once()
            if w:
                try:
                    k = self.s.send(view[:65536])
                except (BlockingIOError, ssl.SSLWantWriteError, ssl.SSLWantReadError):
                    continue
                view = view[k:]

    def drain_once(self):
        try:
            d = self.s.recv(65536)
        except (BlockingIOError, ssl.SSLWantReadError, ssl.SSLWantWriteError):
            return
        except OSError:
            self.eof = True
            return
        if not d:
            self.eof = True
        self.got += len(d)

    def drain(self, t):
        end = time.time() + t
        while time.time() < end and not self.eof:
            r, _, _ = select.select([self.s], [], [], 0.05)
            if r:
                self.drain_once()

    def close(self):
        try:
            self.s.close()
        except OSError:
            pass


def rbytes(rnd, n):
    return rnd.randbytes(n)  # Python 3.9


def option_storm(rnd, n):
    out = bytearray()
    for _ in range(n):
        out += bytes([IAC, rnd.choice([DO, DONT, WILL, WONT]),
                      rnd.choice(OURS) if rnd.random() < 0.6 else rnd.randrange(256)])
    return bytes(out)


def garbage_record(rnd, rows=24, cols=80):
    """An inbound 3270 record no terminal sends."""
    size = rows * cols
    inp = (rows - 2) * cols + 1
    aid = rnd.choice([ENTER, ENTER, ENTER, CLEAR, PA1, PA2, 0x6B, 0x60, 0x88, 0x00, 0xFF] + PFS)
    r = bytearray([aid])
    kind = rnd.randrange(7)
    if kind == 0:    # an SBA off the screen (12-bit up to 4095), then data
        r += addr12(rnd.randrange(4096)) + bytes([SBA]) + addr12(size + rnd.randrange(4096 - size)) + b"\xc1" * 40
    elif kind == 1:  # 14-bit addresses, anywhere up to 16383
        a = rnd.randrange(16384)
        r += bytes([0x5D, 0x7F, SBA, (a >> 8) & 0x3F, a & 0xFF]) + rbytes(rnd, rnd.randrange(200))
    elif kind == 2:  # orders cut short at the end
        r += rnd.choice([b"", b"\x40", bytes([0x40, 0x40, SBA]), bytes([0x40, 0x40, SBA, 0xC1]),
                         bytes([0x40, 0x40, SBA]) + addr12(inp) + b"\xd8" + bytes([SBA])])
    elif kind == 3:  # oversize: 100 KB and more
        r += bytes([0x40, 0x40, SBA]) + addr12(inp) + rbytes(rnd, 100000 + rnd.randrange(100000))
    elif kind == 4:  # the input field, overfilled, nulls and all
        r += bytes([0x40, 0x40, SBA]) + addr12(inp) + bytes(rnd.choice([0x00, 0xC1, 0x40, 0xFF, 0x11, 0x1D])
                                                             for _ in range(rnd.randrange(4000)))
    elif kind == 5:  # many fields
        for _ in range(rnd.randrange(1, 50)):
            r += bytes([SBA]) + addr12(rnd.randrange(4096)) + rbytes(rnd, rnd.randrange(20))
    else:
        r += rbytes(rnd, rnd.randrange(3000))
    return bytes(r)


def attack_random(rnd, port, deadline):
    h = Hostile(port)
    try:
        for _ in range(rnd.randrange(1, 6)):
            h.push(rbytes(rnd, rnd.randrange(1, 20000)), deadline)
        h.drain(0.2)
    finally:
        h.close()


def attack_options(rnd, port, deadline):
    h = Hostile(port)
    try:
        if rnd.random() < 0.5:
            h.push(tn3270_hello() if rnd.random() < 0.5 else tn3270e_hello(), deadline)
        h.push(option_storm(rnd, rnd.randrange(1000, 8000)), deadline)
        h.drain(0.2)
    finally:
        h.close()


def attack_endless_sb(rnd, port, deadline):
    h = Hostile(port)
    try:
        opt = rnd.choice(OURS)
        kind = rnd.randrange(3)
        if kind == 0:    # no IAC at all, no end
            body = bytes(b % 255 for b in rbytes(rnd, 100000 + rnd.randrange(200000)))
        elif kind == 1:  # IAC IAC without end
            body = b"\xff\xff" * (20000 + rnd.randrange(50000))
        else:            # IAC EOR and other commands inside
            body = (b"A\xff\xefB\xff\xf1" * 20000)
        h.push(bytes([IAC, SB, opt]) + body, deadline)
        h.drain(0.3)
    finally:
        h.close()


def attack_3270_garbage(rnd, port, deadline):
    """Negotiates (TN3270, TN3270E, or half of one), then garbage records."""
    h = Hostile(port)
    try:
        kind = rnd.randrange(4)
        header = None
        if kind == 0:
            hello = tn3270_hello(rnd.choice([b"IBM-3278-2", b"IBM-3278-5", b"IBM-3279-4-E", b"IBM-DYNAMIC"]))
        elif kind == 1:
            hello = tn3270e_hello(lu=rnd.choice([b"", b"GARBAGE1", b"X" * 9, b"LU0C0"]))
            header = True
        elif kind == 2:  # half: a terminal type, but no BINARY or EOR
            hello = cmd(WONT, TN3270E) + cmd(WILL, TTYPE) + sb(bytes([TTYPE, 0]) + b"IBM-3278-2")
        else:            # a DEVICE-TYPE request and FUNCTIONS that never agree
            hello = cmd(WILL, TN3270E) + sb(bytes([TN3270E, 2, 7]) + b"IBM-3278-2") + \
                sb(bytes([TN3270E, 3, 7, 0, 1, 2, 3, 4])) * 20
        h.push(hello, deadline)
        h.drain(0.1)
        for _ in range(rnd.randrange(5, 60)):
            if time.time() > deadline:
                break
            hdr = None
            if header:
                hdr = bytes([0 if rnd.random() < 0.8 else rnd.randrange(256), rnd.randrange(256), 0, 0, 1])
            h.push(frame(garbage_record(rnd), hdr), deadline)
            if rnd.random() < 0.3:
                h.drain(0.02)
        if rnd.random() < 0.3:
            h.push(bytes([ENTER, 0x40, 0x40]) + rbytes(rnd, 1000), deadline)  # a record with no end
        h.drain(0.2)
    finally:
        h.close()


def attack_tls(rnd, tls_port, deadline):
    """Random bytes, a record header promising 64 KB, a half ClientHello,
    and a real handshake followed by garbage inside TLS."""
    kind = rnd.randrange(4)
    if kind == 3:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        try:
            raw = socket.create_connection(("127.0.0.1", tls_port), timeout=5)
            s = ctx.wrap_socket(raw, server_hostname="localhost")
        except (OSError, ssl.SSLError):
            return
        try:
            s.settimeout(2)
            s.sendall(tn3270_hello() + frame(garbage_record(rnd)) + option_storm(rnd, 500) + rbytes(rnd, 5000))
            try:
                while s.recv(65536):
                    pass
            except (OSError, ssl.SSLError):
                pass
        except (OSError, ssl.SSLError):
            pass
        finally:
            s.close()
        return
    h = Hostile(tls_port)
    try:
        if kind == 0:
            h.push(rbytes(rnd, rnd.randrange(1, 30000)), deadline)
        elif kind == 1:
            h.push(bytes([0x16, 0x03, 0x01, 0xFF, 0xFF]) + rbytes(rnd, rnd.randrange(100, 70000)), deadline)
        else:
            h.push(bytes([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xFC, 0x03, 0x03]) + rbytes(rnd, 40),
                   deadline)
            h.drain(min(1.0, max(0.0, deadline - time.time())))
        h.drain(0.2)
    finally:
        h.close()


def worker(k, port, tls_port, deadline, counts):
    rnd = random.Random(ARGS.seed * 1000 + k)
    attacks = [attack_random, attack_options, attack_endless_sb, attack_3270_garbage, attack_3270_garbage]
    if tls_port:
        attacks.append(None)
    while time.time() < deadline and not stop.is_set():
        a = rnd.choice(attacks)
        try:
            if a is None:
                attack_tls(rnd, tls_port, deadline)
                name = "attack_tls"
            else:
                a(rnd, port, deadline)
                name = a.__name__
            counts[name] = counts.get(name, 0) + 1
        except OSError:
            counts["refused or dropped"] = counts.get("refused or dropped", 0) + 1  # allowed
        except Exception as e:  # the test's own fault
            error("worker %d: %r" % (k, e))
            return


def non_reader(sysm, deadline, result):
    """Logs on over TN3270, then asks for screen after screen (DISPLAY and
    PA2, PA2, PA2...) and never reads: the server must drop it once its
    output waits beyond the bound, not keep it."""
    t = Tn3270(sysm.port, rcvbuf=4096)
    try:
        t.logon("HOG", "HOGPW")
    except (AssertionError, OSError) as e:
        error("HOG could not log on: %s" % e)
        t.close()
        return
    t.s.setblocking(False)
    sent = 0
    pa2 = frame(bytes([PA2]))
    display = frame(bytes([ENTER, 0x40, 0x40, SBA]) + addr12(22 * 80 + 1) + "D L0-FFFF".encode("cp037"))
    out = bytearray()
    result["dropped"] = False
    while time.time() < deadline and not stop.is_set():
        if not out:
            out += display + pa2 * 200
        try:
            k = t.s.send(out)
            del out[:k]
            sent += k
        except BlockingIOError:
            time.sleep(0.05)  # the server does not read either: it is stuck, or it has let go
        except OSError as e:
            result["dropped"] = "while sending (%s)" % e.__class__.__name__
            break
        time.sleep(0.01)
    result["sent"] = sent
    # Now read: what the server had sent before it let go, then the end.
    t.s.setblocking(True)
    t.s.settimeout(10)
    got = 0
    end = time.time() + 30
    try:
        while time.time() < end:
            d = t.s.recv(1 << 20)
            if not d:
                result["dropped"] = result["dropped"] or "end of file"
                break
            got += len(d)
    except socket.timeout:
        pass  # still connected: not dropped
    except OSError as e:
        result["dropped"] = result["dropped"] or "reset (%s)" % e.__class__.__name__
    result["read_after"] = got
    t.close()


# ---- The process --------------------------------------------------------------------------------

def proc_status(pid):
    out = {}
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                k, _, v = line.partition(":")
                if k in ("VmRSS", "VmHWM"):
                    out[k] = int(v.split()[0]) * 1024
    except OSError:
        pass
    return out


def reset_peak(pid):
    """Starts VmHWM afresh at the current RSS (Linux 4.0 and later); False
    when it cannot (then the sampled RSS is all there is)."""
    try:
        with open("/proc/%d/clear_refs" % pid, "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def open_files(pid):
    try:
        return len(os.listdir("/proc/%d/fd" % pid))
    except OSError:
        return -1


def sanitized(pid):
    try:
        with open("/proc/%d/maps" % pid) as f:
            return "asan" in f.read()
    except OSError:
        return False


def rss_bounds(busy, idle, asan):
    """How far vm370's RSS may rise over the baseline, in bytes: at its
    peak, and at the end (everything hostile gone).

    Every session's state is bounded (console/*.h): its output queue by
    LineServer::kOutputLimit (1 MiB, then it is dropped), an inbound record
    by Tn3270::kMaxRecord (16 KiB), a subnegotiation by 256 bytes, a line by
    1 KiB, the rows a 3270 holds for MORE... by 4,096 (at most 132 bytes
    each: 0.5 MiB), its read buffer 4 KiB. So 2 MiB covers a busy session
    (`busy`: the workers' connections and the non-reader), 0.25 MiB an idle
    one that only got the logo; kernel socket buffers are not in RSS.
    A logon's password check is Argon2id with libsodium's MEMLIMIT_INTERACTIVE,
    64 MiB, on each of CP's two checker threads: 128 MiB at the peak (the
    non-reader's and the late logons happen in this window), given back
    after (a block that size is mmap'ed and unmapped). 32 MiB more for CP's
    side of a user (1 MiB of virtual storage, its console), malloc's arenas
    and fragmentation. Under ASan all of it costs up to twice as much
    (redzones, the shadow, and its allocator keeps what was freed rather
    than give it back), and freed memory waits in a quarantine set to
    32 MiB here (ASAN_OPTIONS, main()); the peak bound serves for the end
    too: what is kept is LeakSanitizer's to judge when vm370 exits."""
    mib = 2**20
    sessions = busy * 2 * mib + idle * mib // 4
    peak, end = sessions + 128 * mib + 32 * mib, sessions + 32 * mib
    if asan:
        return 2 * peak + 32 * mib, 2 * peak + 32 * mib
    return peak, end


def main():
    # Under ASan freed memory stays in quarantine (256 MiB by default): a
    # smaller one keeps the RSS meaningful. A build without ASan ignores it.
    os.environ["ASAN_OPTIONS"] = (os.environ.get("ASAN_OPTIONS", "") + ":quarantine_size_mb=32").lstrip(":")
    h = subprocess.run([VM370, "--help"], capture_output=True, text=True)
    help_text = h.stdout + h.stderr
    tls_port = vmclient.free_port() if "--tls-port" in help_text else 0
    extra = ["--tls-port", str(tls_port)] if tls_port else []
    sysm = vmclient.System(VM370, USERS, extra=extra)
    pid = sysm.p.pid
    asan = sanitized(pid)
    print("vm370 pid %d on port %d%s%s; seed %d, %.0f s, %d workers" % (
        pid, sysm.port, ", TLS port %d" % tls_port if tls_port else ", no TLS port", " (ASan)" if asan else "",
        ARGS.seed, ARGS.seconds, ARGS.workers), flush=True)
    peak = [0]
    try:
        ready = [threading.Event(), threading.Event()]
        goods = [threading.Thread(target=line_user, args=(sysm, ready[0])),
                 threading.Thread(target=graf_user, args=(sysm, ready[1]))]
        for g in goods:
            g.start()
        for r in ready:
            r.wait(60)
        time.sleep(0.5)
        have_hwm = reset_peak(pid)
        base = proc_status(pid)
        base_files = open_files(pid)
        print("baseline: RSS %.1f MiB, peak %.1f MiB, %d open files" % (
            base.get("VmRSS", 0) / 2**20, base.get("VmHWM", 0) / 2**20, base_files), flush=True)

        deadline = time.time() + ARGS.seconds
        counts = {}
        workers = [threading.Thread(target=worker, args=(k, sysm.port, tls_port, deadline, counts))
                   for k in range(ARGS.workers)]
        hog = {}
        hog_t = threading.Thread(target=non_reader, args=(sysm, deadline, hog))
        idle = []
        for _ in range(20):  # connect and say nothing
            try:
                idle.append(socket.create_connection(("127.0.0.1", sysm.port), timeout=5))
            except OSError as e:
                error("an idle connection was refused: %s" % e)
        for w in workers:
            w.start()
        hog_t.start()

        # Watch the process while it lasts.
        while time.time() < deadline:
            st = proc_status(pid)
            peak[0] = max(peak[0], st.get("VmRSS", 0))
            if sysm.p.poll() is not None:
                break
            time.sleep(0.25)
        for w in workers:
            w.join(60)
            if w.is_alive():
                error("a hostile worker never finished (a stalled server?)")
        hog_t.join(60)
        stop.set()
        for g in goods:
            g.join(30)
        sysm.read_operator()
        if sysm.p.poll() is not None:
            error("vm370 ended (exit %s) under bad input; its console:\n%s" % (sysm.p.returncode, sysm.out[-3000:]))
            return
        print("attacks: %s" % ", ".join("%s %d" % kv for kv in sorted(counts.items())), flush=True)

        # The client that never read was dropped.
        print("non-reader: sent %s bytes, then read %s bytes; dropped: %s" % (
            hog.get("sent"), hog.get("read_after"), hog.get("dropped")))
        if not hog.get("dropped"):
            error("the client that never read was not dropped (%s)" % hog)

        # The idle connections: closed by the server by now, or still open
        # (then they close).
        for s in idle:
            s.settimeout(0.2)
            try:
                while s.recv(65536):
                    pass
            except OSError:
                pass
            s.close()

        # Still serving: a new user logs on and gets answers, on both kinds
        # of session.
        try:
            c = sysm.logon("LATE", "LATEPW")
            c.cmd("QUERY NAMES", r"LATE")
            c.cmd("LOGOFF", "LOGOFF AT")
            c.close()
            t = Tn3270(sysm.port)
            t.logon("LATE", "LATEPW")
            t.enter("QUERY TIME")
            t.wait_for("TOTCPU=")
            t.enter("LOGOFF")
            sysm.expect_operator(r"LOGOFF AS +LATE", 10)
            t.close()
        except (AssertionError, OSError) as e:
            error("no new logon after the attacks: %s" % e)

        # Nothing kept: the open files back to the baseline (every hostile
        # socket closed on the server's side too), the peak memory bounded.
        end = time.time() + 10
        files = open_files(pid)
        while files > base_files and time.time() < end:
            time.sleep(0.2)
            files = open_files(pid)
        print("open files: %d (baseline %d)" % (files, base_files))
        if files > base_files:
            error("vm370 has %d open files, %d before the attacks" % (files, base_files))
        st = proc_status(pid)
        peak[0] = max(peak[0], st.get("VmRSS", 0))
        hwm = max(peak[0], st.get("VmHWM", 0) if have_hwm else 0)
        bound, bound_end = rss_bounds(ARGS.workers + 1, len(idle), asan)
        grew, kept = hwm - base.get("VmRSS", 0), st.get("VmRSS", 0) - base.get("VmRSS", 0)
        print("memory: peak RSS %.1f MiB, %.1f MiB over the baseline (bound %.1f MiB); at the end %.1f MiB, "
              "%.1f MiB over it (bound %.1f MiB)" % (hwm / 2**20, grew / 2**20, bound / 2**20,
                                                    st.get("VmRSS", 0) / 2**20, kept / 2**20, bound_end / 2**20))
        if grew > bound:
            error("vm370's peak RSS grew by %.1f MiB, beyond the bound of %.1f MiB" % (grew / 2**20, bound / 2**20))
        if kept > bound_end:
            error("vm370 kept %.1f MiB more RSS after the attacks, beyond the bound of %.1f MiB" % (
                kept / 2**20, bound_end / 2**20))

        rc = sysm.stop()
        if rc != 0:
            error("SIGTERM: exit %s; console:\n%s" % (rc, sysm.out[-3000:]))
    finally:
        stop.set()
        sysm.kill()
        report(sysm)


def report(sysm):
    if ARGS.verbose:
        print(sysm.out[-6000:])
    for name, (n, worst) in sorted(stats.items()):
        print("%s: %d answers to QUERY TIME, the slowest %.3f s (bound %.1f s)" % (name, n, worst, BOUND))
    if len(stats) < 2:
        error("a good user did not run to the end")
    for name, (n, worst) in stats.items():
        if n < ARGS.seconds / (PERIOD + BOUND):
            error("%s got only %d answers in %.0f s" % (name, n, ARGS.seconds))
    for bad in ("DMKCPI999E", "AddressSanitizer", "runtime error", "LeakSanitizer"):
        if bad in sysm.out:
            error("vm370 reported: " + sysm.out[sysm.out.index(bad):][:1500])
    print("PASS" if not errors else "%d failures" % len(errors), flush=True)
    os._exit(1 if errors else 0)


if __name__ == "__main__":
    main()
