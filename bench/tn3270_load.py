#!/usr/bin/env python3
"""The 3270 load benchmark of vm370 (a benchmark, not a test: it never
fails on a number).

N users (default 1,000) connect as 3270 terminals (TN3270E, or RFC 1576
TN3270 with --no-tn3270e) and log on; none IPLs anything, so each sits in
CP READ and its cost is CP's and the console's. Then:
  0. baseline: before the others log on, one session alone enters
     QUERY TIME --baseline times (0.1 s apart): the response time with no
     load;
  1. connect and log on all N (--concurrency at a time): sessions a second
     and how long (each logon includes an Argon2id password check, by
     design, on vm370's two checker threads);
  2. idle for --idle seconds: vm370's CPU (utime+stime from /proc/PID/stat)
     as % of one core, and its resident memory (VmRSS) before any session
     and with all N: memory per session;
  3. active for --active seconds: every session enters QUERY TIME every
     --every seconds (each at its own random phase); the time from sending
     ENTER to the response's last line (TOTCPU=) appearing on the
     session's screen: median, p90, p99, max; vm370's CPU meanwhile.
A session whose output area has fewer than 4 free rows clears it with PA2
before its next command (untimed), as a user would rather than wait for
MORE... to time out.

Each phase also gives the CPU of this client (the same 2-core host) and of
the whole host, so that other work on the machine shows in the figures.

usage: tn3270_load.py [--users N] [--idle S] [--active S] [--every S]
                      [--vm370 PATH] [--no-tn3270e] [--json]
"""
import argparse, asyncio, hashlib, json, os, random, re, resource, shutil, signal, socket, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# ---- telnet ------------------------------------------------------------------
IAC, DONT, DO, WONT, WILL, SB, SE, EOR = 255, 254, 253, 252, 251, 250, 240, 239
O_BINARY, O_TTYPE, O_EOR, O_TN3270E = 0, 24, 25, 40
# TN3270E subnegotiation codes (RFC 2355 8.1)
E_CONNECT, E_DEVICE_TYPE, E_FUNCTIONS, E_IS, E_REASON, E_REJECT, E_REQUEST, E_SEND = 1, 2, 3, 4, 5, 6, 7, 8
# The functions a common emulator asks for: BIND-IMAGE, RESPONSES, SYSREQ.
WANTED_FUNCTIONS = bytes([0, 2, 4])

# ---- 3270 --------------------------------------------------------------------
ROWS, COLS = 24, 80  # a 3278-2's screen
SIZE = ROWS * COLS
OUT_ROWS = ROWS - 2
INPUT_ADDR = COLS * (ROWS - 2) + 1  # the input field's first data position
STATUS_ADDR = SIZE - 20             # the status word, after its attribute
AID_ENTER, AID_PA2 = 0x7D, 0x6E
ORDER_PT, ORDER_GE, ORDER_SBA, ORDER_EUA, ORDER_IC = 0x05, 0x08, 0x11, 0x12, 0x13
ORDER_SF, ORDER_SA, ORDER_SFE, ORDER_MF, ORDER_RA = 0x1D, 0x28, 0x29, 0x2C, 0x3C
# 6-bit values as buffer-address bytes (the 3270 code table)
CODE = bytes([0x40, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0x4A, 0x4B, 0x4C, 0x4D, 0x4E, 0x4F,
              0x50, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xD9, 0x5A, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F,
              0x60, 0x61, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F,
              0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0x7A, 0x7B, 0x7C, 0x7D, 0x7E, 0x7F])
ORDER_RX = re.compile(rb"[\x00-\x3f]")
BLANK_ROW = {0x00, 0x40}


def e(text):
    return text.encode("cp037")


def addr_bytes(a):
    return bytes([CODE[(a >> 6) & 0x3F], CODE[a & 0x3F]])


def decode_addr(b1, b2):
    if b1 & 0xC0 == 0:  # 14-bit
        return (((b1 & 0x3F) << 8) | b2) % SIZE
    return (((b1 & 0x3F) << 6) | (b2 & 0x3F)) % SIZE


NEEDLE_TOTCPU = e("TOTCPU=")


class Tn3270(asyncio.Protocol):
    """One terminal: telnet negotiation, records, a screen buffer."""

    def __init__(self, tn3270e, stats):
        self.tn3270e = tn3270e
        self.stats = stats
        self.transport = None
        self.inbuf = b""
        self.rec = bytearray()
        self.screen = bytearray(SIZE)
        self.attrs = set()
        self.mode = None        # "tn3270e" or "tn3270" once the first record came
        self.changed = asyncio.Event()
        self.t_change = 0.0     # when the last data came
        self.records = 0
        self.closed = False
        self.sent_opts = set()
        self.seq = 0
        self.errors = []

    # -- asyncio.Protocol
    def connection_made(self, transport):
        self.transport = transport
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def connection_lost(self, exc):
        self.closed = True
        self.changed.set()

    def data_received(self, data):
        self.t_change = time.monotonic()
        self.telnet(data)
        self.changed.set()

    # -- telnet
    def send_raw(self, b):
        if not self.closed:
            self.transport.write(b)

    def opt(self, verb, o):
        if (verb, o) not in self.sent_opts:
            self.sent_opts.add((verb, o))
            self.send_raw(bytes([IAC, verb, o]))

    def sb(self, body):
        self.send_raw(bytes([IAC, SB]) + body.replace(b"\xff", b"\xff\xff") + bytes([IAC, SE]))

    def telnet(self, data):
        buf = self.inbuf + data if self.inbuf else data
        i, n = 0, len(buf)
        while i < n:
            j = buf.find(b"\xff", i)
            if j < 0:
                self.rec += buf[i:]
                i = n
                break
            self.rec += buf[i:j]
            if j + 1 >= n:
                i = j
                break
            c = buf[j + 1]
            if c == IAC:
                self.rec.append(IAC)
                i = j + 2
            elif c == EOR:
                self.record(bytes(self.rec))
                self.rec = bytearray()
                i = j + 2
            elif c in (DO, DONT, WILL, WONT):
                if j + 2 >= n:
                    i = j
                    break
                self.option(c, buf[j + 2])
                i = j + 3
            elif c == SB:
                k, body = j + 2, bytearray()
                done = False
                while k < n:
                    if buf[k] == IAC:
                        if k + 1 >= n:
                            break
                        if buf[k + 1] == SE:
                            done = True
                            k += 2
                            break
                        body.append(buf[k + 1])  # IAC IAC, or anything escaped
                        k += 2
                    else:
                        body.append(buf[k])
                        k += 1
                if not done:
                    i = j
                    break
                self.subneg(bytes(body))
                i = k
            else:
                i = j + 2
        self.inbuf = buf[i:] if i < n else b""

    def option(self, verb, o):
        if verb == DO:
            if o == O_TN3270E:
                self.opt(WILL if self.tn3270e else WONT, o)
            elif o in (O_TTYPE, O_BINARY, O_EOR):
                self.opt(WILL, o)
            else:
                self.opt(WONT, o)
        elif verb == WILL:
            if o in (O_BINARY, O_EOR):
                self.opt(DO, o)
            else:
                self.opt(DONT, o)

    def subneg(self, b):
        if not b:
            return
        if b[0] == O_TTYPE and len(b) >= 2 and b[1] == 1:  # SEND
            self.sb(bytes([O_TTYPE, 0]) + b"IBM-3278-2")
        elif b[0] == O_TN3270E and len(b) >= 3:
            what, how = b[1], b[2]
            if what == E_SEND and how == E_DEVICE_TYPE:  # SEND DEVICE-TYPE
                self.sb(bytes([O_TN3270E, E_DEVICE_TYPE, E_REQUEST]) + b"IBM-3278-2-E")
            elif what == E_DEVICE_TYPE and how == E_IS:
                self.sb(bytes([O_TN3270E, E_FUNCTIONS, E_REQUEST]) + WANTED_FUNCTIONS)
            elif what == E_DEVICE_TYPE and how == E_REJECT:
                self.errors.append("DEVICE-TYPE REJECT %r" % b[3:])
            elif what == E_FUNCTIONS and how == E_REQUEST:
                # The server's counter-proposal: agreed as it stands.
                self.sb(bytes([O_TN3270E, E_FUNCTIONS, E_IS]) + b[3:])
            # FUNCTIONS IS from the server: agreed, nothing to answer.

    # -- 3270 records
    def record(self, r):
        self.records += 1
        self.stats["records"] += 1
        if self.tn3270e:
            if len(r) < 5 or r[0] != 0:  # only 3270-DATA draws
                return
            r = r[5:]
        self.mode = "tn3270e" if self.tn3270e else "tn3270"
        if not r:
            return
        cmd = r[0]
        if cmd in (0xF5, 0x7E, 0x05, 0x0D):  # Erase/Write (Alternate)
            self.screen[:] = bytes(SIZE)
            self.attrs.clear()
        elif cmd not in (0xF1, 0x01):  # Write Structured Field and the rest: not drawn
            return
        self.orders(r, 2)

    def orders(self, r, i):
        scr, n, a = self.screen, len(r), 0
        while i < n:
            m = ORDER_RX.search(r, i)
            j = m.start() if m else n
            if j > i:  # a run of characters
                run = r[i:j]
                self.put(a, run)
                a = (a + len(run)) % SIZE
                i = j
                continue
            o = r[i]
            if o == ORDER_SBA and i + 2 < n:
                a = decode_addr(r[i + 1], r[i + 2])
                i += 3
            elif o == ORDER_SF and i + 1 < n:
                scr[a] = 0
                self.attrs.add(a)
                a = (a + 1) % SIZE
                i += 2
            elif o == ORDER_IC:
                i += 1
            elif o == ORDER_PT:
                i += 1
            elif o == ORDER_EUA and i + 2 < n:
                stop = decode_addr(r[i + 1], r[i + 2])
                while a != stop:
                    if a not in self.attrs:
                        scr[a] = 0
                    a = (a + 1) % SIZE
                i += 3
            elif o == ORDER_RA and i + 3 < n:
                stop = decode_addr(r[i + 1], r[i + 2])
                ch = r[i + 3]
                i += 4
                if ch == ORDER_GE and i < n:
                    ch = r[i]
                    i += 1
                while True:
                    scr[a] = ch
                    a = (a + 1) % SIZE
                    if a == stop:
                        break
            elif o == ORDER_GE and i + 1 < n:
                scr[a] = r[i + 1]
                a = (a + 1) % SIZE
                i += 2
            elif o == ORDER_SA and i + 2 < n:
                i += 3
            elif o == ORDER_SFE and i + 1 < n:
                scr[a] = 0
                self.attrs.add(a)
                a = (a + 1) % SIZE
                i += 2 + 2 * r[i + 1]
            elif o == ORDER_MF and i + 1 < n:
                i += 2 + 2 * r[i + 1]
            else:  # a control character as data
                scr[a] = o
                a = (a + 1) % SIZE
                i += 1

    def put(self, a, run):
        k = min(len(run), SIZE - a)
        self.screen[a:a + k] = run[:k]
        if k < len(run):
            self.put(0, run[k:])

    # -- what a user sees
    def text(self):
        return bytes(b if b >= 0x40 else 0x40 for b in self.screen).decode("cp037")

    def status(self):
        return bytes(b if b >= 0x40 else 0x40 for b in self.screen[STATUS_ADDR:STATUS_ADDR + 12]).decode("cp037").strip()

    def has(self, s):
        return e(s) in self.screen

    def used_rows(self):
        for r in range(OUT_ROWS - 1, -1, -1):
            row = self.screen[r * COLS:(r + 1) * COLS]
            if any(b not in BLANK_ROW for b in row):
                return r + 1
        return 0

    def send_record(self, data):
        if self.tn3270e:
            data = bytes([0, 0, 0, (self.seq >> 8) & 0xFF, self.seq & 0xFF]) + data
            self.seq = (self.seq + 1) & 0xFFFF
        self.send_raw(data.replace(b"\xff", b"\xff\xff") + bytes([IAC, EOR]))

    def enter(self, text):
        t = e(text)
        self.send_record(bytes([AID_ENTER]) + addr_bytes(INPUT_ADDR + len(t)) + bytes([ORDER_SBA])
                         + addr_bytes(INPUT_ADDR) + t)

    def pa2(self):
        self.send_record(bytes([AID_PA2]))

    async def wait(self, pred, timeout):
        """Waits until pred() holds; returns the time the data that made it
        hold arrived."""
        end = time.monotonic() + timeout
        while True:
            if pred():
                return self.t_change
            if self.closed:
                raise ConnectionError("closed; screen:\n" + self.text_rows())
            left = end - time.monotonic()
            if left <= 0:
                raise TimeoutError("screen:\n" + self.text_rows())
            self.changed.clear()
            try:
                await asyncio.wait_for(self.changed.wait(), left)
            except asyncio.TimeoutError:
                pass

    def text_rows(self):
        t = self.text()
        return "\n".join(t[r * COLS:(r + 1) * COLS].rstrip() for r in range(ROWS) if t[r * COLS:(r + 1) * COLS].strip())


# ---- vm370 --------------------------------------------------------------------
def cpu_seconds(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def host_busy_seconds():
    """CPU seconds the whole host spent not idle (all cores), from /proc/stat."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    idle = v[3] + (v[4] if len(v) > 4 else 0)
    return (sum(v[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def self_cpu_seconds():
    t = os.times()
    return t.user + t.system


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


class Meter:
    """vm370's, this client's and the host's CPU over a phase."""

    def __init__(self, pid):
        self.pid = pid
        self.t0, self.c0, self.s0, self.h0 = time.monotonic(), cpu_seconds(pid), self_cpu_seconds(), host_busy_seconds()

    def result(self):
        dt = time.monotonic() - self.t0
        vm = (cpu_seconds(self.pid) - self.c0) / dt * 100
        me = (self_cpu_seconds() - self.s0) / dt * 100
        host = (host_busy_seconds() - self.h0) / dt * 100
        return {"seconds": round(dt, 1), "vm370_cpu_percent_of_one_core": round(vm, 2),
                "client_cpu_percent_of_one_core": round(me, 1),
                "host_busy_percent_of_one_core": round(host, 1),
                "other_processes_percent_of_one_core": round(max(0.0, host - vm - me), 1)}


def failure_reasons(failures):
    """How many failed logons ended with each CP message (or exception)."""
    out = {}
    for _, kind, text in failures:
        m = re.findall(r"DMK\w+", text)
        k = m[-1] if m else kind
        out[k] = out.get(k, 0) + 1
    return out


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100.0 * (len(xs) - 1))))]


def summary(ms):
    if not ms:
        return {"n": 0}
    return {"n": len(ms), "median": round(statistics.median(ms), 2), "p90": round(pct(ms, 90), 2),
            "p99": round(pct(ms, 99), 2), "max": round(max(ms), 2)}


# ---- sessions ------------------------------------------------------------------
async def connect_logon(port, user, password, a, stats):
    loop = asyncio.get_running_loop()
    t0 = time.monotonic()
    _, s = await loop.create_connection(lambda: Tn3270(not a.no_tn3270e, stats), "127.0.0.1", port)
    s.user = user
    try:
        await s.wait(lambda: s.has("ONLINE") or s.errors, 60)
        if s.errors:
            raise ConnectionError("; ".join(s.errors))
        s.enter("LOGON " + user)
        await s.wait(lambda: s.has("ENTER PASSWORD"), 60)
        s.enter(password)
        await s.wait(lambda: s.has("LOGON AT") or s.has("DMKLOG"), 600)
        if not s.has("LOGON AT"):
            raise ConnectionError("logon refused:\n" + s.text_rows())
        await s.wait(lambda: s.status() == "CP READ", 60)
    except BaseException:
        s.transport.close()  # a failed session does not stay to count in the memory
        raise
    s.logon_seconds = time.monotonic() - t0
    return s


async def query_time(s, stats, timeout=60):
    """One QUERY TIME: PA2 first if the output area is nearly full (not
    timed); returns the milliseconds from ENTER to TOTCPU= on the screen."""
    if s.status().startswith("MORE") or s.used_rows() > OUT_ROWS - 4:
        s.pa2()
        stats["pa2"] += 1
        await s.wait(lambda: s.used_rows() == 0 and not s.status().startswith("MORE"), timeout)
    before = s.screen.count(NEEDLE_TOTCPU)
    t0 = time.monotonic()
    s.enter("QUERY TIME")
    t1 = await s.wait(lambda: s.screen.count(NEEDLE_TOTCPU) > before, timeout)
    return (t1 - t0) * 1000


async def active(s, a, end, rnd, times, stats):
    await asyncio.sleep(min(rnd.uniform(0, a.every), max(0.0, end - time.monotonic())))
    nxt = time.monotonic()
    while nxt < end and not s.closed:
        try:
            times.append(await query_time(s, stats))
        except TimeoutError:
            stats["timeouts"] += 1
        except ConnectionError:
            stats["dropped_in_active"] += 1
            return
        nxt += a.every
        now = time.monotonic()
        if nxt >= end:
            return
        if nxt > now:
            await asyncio.sleep(nxt - now)
        else:
            stats["late_sends"] += 1  # the response took longer than the period
            nxt = now


async def main_async(a, port, pid, log_path):
    res = {}
    stats = {"records": 0, "pa2": 0, "timeouts": 0, "late_sends": 0, "dropped_in_active": 0}
    users = ["U%04d" % i for i in range(a.users)]
    await asyncio.sleep(1)
    rss0 = rss_kib(pid)

    # 0. the baseline: one session, nobody else
    first = await connect_logon(port, users[0], "LOADPW", a, stats)
    await asyncio.sleep(1)
    rss_one = rss_kib(pid)
    m = Meter(pid)
    base = []
    for _ in range(a.baseline):
        base.append(await query_time(first, stats))
        await asyncio.sleep(0.1)
    res["baseline_one_session"] = {"query_time_ms": summary(base), "cpu": m.result()}
    res["baseline_one_session"]["pa2"] = stats["pa2"]
    if not a.json:
        q = res["baseline_one_session"]["query_time_ms"]
        print("baseline, one session: QUERY TIME x%d: median %.2f ms, p90 %.2f, p99 %.2f, max %.2f"
              % (q["n"], q["median"], q["p90"], q["p99"], q["max"]), flush=True)

    # 1. connect and log on the rest
    sem = asyncio.Semaphore(a.concurrency)
    failures = []

    async def one(u):
        async with sem:
            try:
                return await connect_logon(port, u, "LOADPW", a, stats)
            except Exception as ex:  # counted and reported, not retried
                failures.append((u, type(ex).__name__, str(ex)[-400:]))
                return None

    m = Meter(pid)
    t0 = time.monotonic()
    rest = await asyncio.gather(*(one(u) for u in users[1:]))
    t_logon = time.monotonic() - t0
    sessions = [first] + [s for s in rest if s is not None]
    logon_ms = [s.logon_seconds * 1000 for s in sessions[1:]]
    res["logon"] = {
        "sessions": len(sessions) - 1, "concurrency": a.concurrency, "seconds": round(t_logon, 1),
        "sessions_per_second": round((len(sessions) - 1) / t_logon, 1) if t_logon else None,
        "connect_to_cp_read_ms": summary(logon_ms), "failures": len(failures),
        "failure_reasons": failure_reasons(failures),
        "failure_examples": failures[:5], "cpu": m.result(),
        "modes": {k: sum(1 for s in sessions if s.mode == k) for k in ("tn3270e", "tn3270", None)},
    }
    if not a.json:
        lg = res["logon"]
        print("logon: %d sessions in %.1f s, %.1f sessions/s (%d at a time); connect to CP READ median %.0f ms,"
              " p99 %.0f ms; failures %d; vm370 %.0f%% of a core, other processes %.0f%%"
              % (lg["sessions"], lg["seconds"], lg["sessions_per_second"] or 0, a.concurrency,
                 lg["connect_to_cp_read_ms"].get("median", 0), lg["connect_to_cp_read_ms"].get("p99", 0),
                 lg["failures"], lg["cpu"]["vm370_cpu_percent_of_one_core"],
                 lg["cpu"]["other_processes_percent_of_one_core"]), flush=True)
        if failures:
            print("  failed logons by reason: %s" % lg["failure_reasons"], flush=True)

    # 2. idle
    await asyncio.sleep(2)  # the last logons' output settles
    rss1 = rss_kib(pid)
    rec0 = stats["records"]
    m = Meter(pid)
    await asyncio.sleep(a.idle)
    idle = m.result()
    rss2 = rss_kib(pid)
    idle["records_received"] = stats["records"] - rec0
    idle["sessions_closed"] = sum(1 for s in sessions if s.closed)
    res["idle"] = idle
    n = len(sessions)
    res["memory"] = {"rss_before_any_session_kib": rss0, "rss_with_one_session_kib": rss_one,
                     "rss_with_all_sessions_kib": rss1, "rss_after_idle_kib": rss2, "sessions": n,
                     "per_session_kib": round((rss1 - rss0) / n, 1) if n else None,
                     "per_session_after_the_first_kib": round((rss1 - rss_one) / (n - 1), 1) if n > 1 else None}
    if not a.json:
        print("idle %.0f s: vm370 %.2f%% of a core (client %.1f%%, other processes %.0f%%); records %d,"
              " sessions closed %d" % (idle["seconds"], idle["vm370_cpu_percent_of_one_core"],
                                       idle["client_cpu_percent_of_one_core"],
                                       idle["other_processes_percent_of_one_core"], idle["records_received"],
                                       idle["sessions_closed"]), flush=True)
        print("memory: VmRSS %d KiB before any session, %d with one, %d with %d: %.1f KiB a session"
              % (rss0, rss_one, rss1, n, res["memory"]["per_session_kib"]), flush=True)

    # 3. active
    times = []
    for k in ("pa2", "timeouts", "late_sends"):
        stats[k] = 0
    live = [s for s in sessions if not s.closed]
    rnd = random.Random(1)
    m = Meter(pid)
    end = time.monotonic() + a.active
    await asyncio.gather(*(active(s, a, end, random.Random(rnd.random()), times, stats) for s in live))
    act = m.result()
    act.update({"sessions": len(live), "every_seconds": a.every, "query_time_ms": summary(times),
                "commands_per_second": round(len(times) / act["seconds"], 1), "timeouts": stats["timeouts"],
                "late_sends": stats["late_sends"], "pa2_screen_clears": stats["pa2"],
                "sessions_dropped": stats["dropped_in_active"],
                "sessions_closed_at_end": sum(1 for s in sessions if s.closed)})
    res["active"] = act
    if not a.json:
        q = act["query_time_ms"]
        print("active %.0f s, %d sessions, QUERY TIME every %g s: %d commands (%.1f/s): median %.2f ms, p90 %.2f,"
              " p99 %.2f, max %.2f; vm370 %.2f%% of a core (client %.1f%%, other processes %.0f%%);"
              " timeouts %d, late %d, PA2 clears %d, sessions dropped %d"
              % (act["seconds"], len(live), a.every, q["n"], act["commands_per_second"], q.get("median", 0),
                 q.get("p90", 0), q.get("p99", 0), q.get("max", 0), act["vm370_cpu_percent_of_one_core"],
                 act["client_cpu_percent_of_one_core"], act["other_processes_percent_of_one_core"],
                 act["timeouts"], act["late_sends"], act["pa2_screen_clears"], act["sessions_dropped"]),
              flush=True)
    res["rss_after_active_kib"] = rss_kib(pid)
    # What the operator's console said while the sessions were up: every
    # logon, and nothing else is expected (a DSCONNECT is a dropped line).
    with open(log_path, "rb") as f:
        log = f.read().decode("latin-1").splitlines()
    res["operator_console"] = {
        "lines": len(log), "logons": sum(1 for l in log if l.startswith("LOGON  AS")),
        "dsconnects": sum(1 for l in log if l.startswith("DSCONNECT")),
        "other": [l for l in log if not re.match(r"vm370: ready|LOGON  AS|LOGON AT|CP READ", l)][:10]}
    for s in sessions:
        if not s.closed:
            s.transport.close()
    return res


def start_vm370(a, data, port, log_path):
    out = open(log_path, "wb")
    p = subprocess.Popen([a.vm370, "--data", data, "--port", str(port), "--no-panel"],
                         stdin=subprocess.PIPE, stdout=out, stderr=subprocess.STDOUT)
    end = time.monotonic() + a.start_timeout
    while time.monotonic() < end:
        with open(log_path, "rb") as f:
            if b"vm370: ready on" in f.read():
                return p
        if p.poll() is not None:
            break
        time.sleep(0.1)
    with open(log_path, "rb") as f:
        tail = f.read()[-2000:].decode("latin-1")
    p.kill()
    raise SystemExit("vm370 did not get ready:\n" + tail)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--users", type=int, default=1000, help="sessions (default 1000)")
    ap.add_argument("--idle", type=float, default=30, help="seconds of the idle phase (30)")
    ap.add_argument("--active", type=float, default=60, help="seconds of the active phase (60)")
    ap.add_argument("--every", type=float, default=3, help="seconds between a session's commands (3)")
    ap.add_argument("--vm370", default=os.path.join(ROOT, "build", "bin", "vm370"), help="default build/bin/vm370")
    ap.add_argument("--no-tn3270e", action="store_true", help="RFC 1576 TN3270 (TERMINAL-TYPE, BINARY, EOR)")
    ap.add_argument("--json", action="store_true", help="print one JSON object of all figures at the end")
    ap.add_argument("--concurrency", type=int, default=200, help="logons under way at once (vm370 queues 256 checks)")
    ap.add_argument("--baseline", type=int, default=100, help="QUERY TIMEs of the one-session baseline")
    ap.add_argument("--start-timeout", type=float, default=900, help="seconds to wait for \"ready\" (the start hashes N passwords)")
    ap.add_argument("--keep", action="store_true", help="keep the data folder and vm370's log")
    a = ap.parse_args()
    if a.users < 1:
        ap.error("--users must be at least 1")

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = a.users + 256
    if soft < want:
        new = want if hard == resource.RLIM_INFINITY else min(hard, max(want, soft))
        resource.setrlimit(resource.RLIMIT_NOFILE, (new, hard))  # vm370 inherits it too
        if new < want:
            print("warning: RLIMIT_NOFILE %d is below %d" % (new, want), file=sys.stderr)

    vm370 = os.path.abspath(a.vm370)
    st0 = os.stat(vm370)
    with open(vm370, "rb") as f:
        sha = hashlib.sha256(f.read()).hexdigest()[:16]
    work = tempfile.mkdtemp(prefix="vm370-tn3270-load-")
    data = os.path.join(work, "data")
    os.makedirs(data)
    log_path = os.path.join(work, "vm370.log")
    p = None
    try:
        con = [{"address": "009", "type": "console"}]
        users = [{"userid": "OPERATOR", "password": "OPPW", "privclass": "ABCDEFG", "storage": "1M", "devices": con}]
        users += [{"userid": "U%04d" % i, "password": "LOADPW", "storage": "1M", "devices": con}
                  for i in range(a.users)]
        with open(os.path.join(data, "directory.json"), "w") as f:
            json.dump({"version": 1, "users": users}, f)
        port = free_port()
        t0 = time.monotonic()
        p = start_vm370(a, data, port, log_path)
        start_s = time.monotonic() - t0
        if not a.json:
            print("vm370 ready in %.1f s (hashing %d plain passwords); pid %d, port %d; %s"
                  % (start_s, a.users + 1, p.pid, port, "TN3270" if a.no_tn3270e else "TN3270E"), flush=True)
        res = {"users": a.users, "protocol": "TN3270" if a.no_tn3270e else "TN3270E",
               "start_seconds_with_password_hashing": round(start_s, 1)}
        res.update(asyncio.run(main_async(a, port, p.pid, log_path)))
        alive = p.poll() is None
        p.send_signal(signal.SIGTERM)
        try:
            p.wait(timeout=60)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
        res["vm370_alive_at_end"] = alive
        res["vm370_exit_code"] = p.returncode
        st1 = os.stat(vm370)
        res["vm370_binary"] = vm370
        res["vm370_binary_sha256"] = sha
        res["vm370_binary_mtime"] = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(st0.st_mtime))
        res["vm370_binary_changed_during_run"] = (st0.st_mtime_ns, st0.st_ino) != (st1.st_mtime_ns, st1.st_ino)
        res["host"] = "%s, %d cores" % (os.uname().machine, os.cpu_count())
        res["load_average_at_end"] = os.getloadavg()
        if a.keep:
            res["work_folder"] = work
        if a.json:
            print(json.dumps(res))
        else:
            print("vm370 ended with %s; operator console: %d logons, %d DSCONNECT; binary sha256 %s%s"
                  % (res["vm370_exit_code"], res["operator_console"]["logons"],
                     res["operator_console"]["dsconnects"], sha,
                     " (CHANGED ON DISK DURING THE RUN)" if res["vm370_binary_changed_during_run"] else ""))
    finally:
        if p is not None and p.poll() is None:
            p.kill()
            p.wait()
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
