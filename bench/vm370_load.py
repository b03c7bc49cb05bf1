#!/usr/bin/env python3
"""The time-sharing load benchmark of vm370 (a benchmark, not a test: it
never fails on a number).

N users (default 200) log on over line-mode TCP sessions; each IPLs a small
guest from its reader (tests/system/echo.asm: it waits in a console read,
as an idle CMS does). Then:
  1. idle: for --idle seconds nobody types; the host CPU vm370 used in that
     time, as a percentage of one core (target: below 1%);
  2. memory: vm370's resident memory before the logons and after, per
     logged-on user;
  3. typing: every user types --commands lines, alternating a CP command
     (#CP QUERY TIME) and a line for its guest (answered by the guest), with
     a short random pause between; the time from sending each line to its
     answer: median and 99th percentile, for each kind.

With --saved the users IPL a saved system of the same guest (the operator
saves it first), so that its pages are shared: the memory per user of the
two runs side by side is what sharing saves.

usage: vm370_load.py BINDIR [--users N] [--idle S] [--commands N] [--saved]
"""
import argparse, asyncio, json, os, random, re, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "system"))
import vmclient  # noqa: E402


def cpu_seconds(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class Session:
    def __init__(self, reader, writer):
        self.r, self.w, self.buf = reader, writer, ""

    async def expect(self, pattern, timeout=60):
        rx = re.compile(pattern)
        end = time.monotonic() + timeout
        while True:
            m = rx.search(self.buf)
            if m:
                self.buf = self.buf[m.end():]
                return
            left = end - time.monotonic()
            if left <= 0:
                raise TimeoutError("no %r; got %r" % (pattern, self.buf[-300:]))
            data = await asyncio.wait_for(self.r.read(65536), left)
            if not data:
                raise ConnectionError("closed; got %r" % self.buf[-300:])
            self.buf += vmclient.strip_telnet(data).decode("latin-1")

    def send(self, line):
        self.w.write(line.encode() + b"\r\n")


async def logon(port, user, sem, ipl):
    async with sem:
        r, w = await asyncio.open_connection("127.0.0.1", port)
        s = Session(r, w)
        await s.expect("ONLINE")
        s.send("LOGON " + user)
        await s.expect("PASSWORD")
        s.send("LOADPW")
        await s.expect("LOGON AT", 120)
        s.send("IPL " + ipl)
        await s.expect("ECHO READY", 120)
        return s


async def typing(s, n, rnd, cp_times, vm_times):
    for i in range(n):
        await asyncio.sleep(rnd.uniform(0.05, 0.3))
        t0 = time.monotonic()
        if i % 2 == 0:
            s.send("#CP QUERY TIME")
            await s.expect(r"TOTCPU=[^\n]*\n")
            cp_times.append(time.monotonic() - t0)
        else:
            s.send("LINE %d" % i)
            await s.expect(r"ECHO: LINE %d" % i)
            vm_times.append(time.monotonic() - t0)


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100.0 * (len(xs) - 1))))]


async def main_async(a, port, pid):
    users = ["U%04d" % i for i in range(a.users)]
    rss0 = rss_kib(pid)
    t0 = time.monotonic()
    sem = asyncio.Semaphore(50)
    sessions = await asyncio.gather(*(logon(port, u, sem, a.ipl) for u in users))
    t_logon = time.monotonic() - t0
    await asyncio.sleep(2)  # let the last logons settle
    rss1 = rss_kib(pid)
    c0 = cpu_seconds(pid)
    w0 = time.monotonic()
    await asyncio.sleep(a.idle)
    idle_cpu = (cpu_seconds(pid) - c0) / (time.monotonic() - w0) * 100
    rnd = random.Random(1)
    cp_times, vm_times = [], []
    c1 = cpu_seconds(pid)
    w1 = time.monotonic()
    await asyncio.gather(*(typing(s, a.commands, random.Random(rnd.random()), cp_times, vm_times) for s in sessions))
    busy_s = time.monotonic() - w1
    busy_cpu = (cpu_seconds(pid) - c1) / busy_s * 100
    for s in sessions:
        s.w.close()
    return {
        "users": a.users, "logon_seconds": round(t_logon, 1),
        "idle_seconds": a.idle, "idle_cpu_percent_of_one_core": round(idle_cpu, 3),
        "rss_before_kib": rss0, "rss_after_kib": rss1,
        "memory_per_user_kib": round((rss1 - rss0) / a.users, 1),
        "typing_seconds": round(busy_s, 1), "typing_cpu_percent_of_one_core": round(busy_cpu, 1),
        "lines_per_second": round((len(cp_times) + len(vm_times)) / busy_s, 1),
        "cp_command_ms": {"n": len(cp_times), "median": round(statistics.median(cp_times) * 1000, 2),
                          "p99": round(pct(cp_times, 99) * 1000, 2)},
        "guest_line_ms": {"n": len(vm_times), "median": round(statistics.median(vm_times) * 1000, 2),
                          "p99": round(pct(vm_times, 99) * 1000, 2)},
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bindir")
    ap.add_argument("--users", type=int, default=200)
    ap.add_argument("--idle", type=float, default=10)
    ap.add_argument("--commands", type=int, default=20)
    ap.add_argument("--saved", action="store_true",
                    help="the users IPL a saved system of the guest (SAVESYS by the operator) instead of the deck")
    a = ap.parse_args()
    vm370, asm370 = os.path.join(a.bindir, "vm370"), os.path.join(a.bindir, "asm370")
    work = tempfile.mkdtemp(prefix="vm370-load-")
    try:
        img, deck = os.path.join(work, "echo.bin"), os.path.join(work, "echo.deck")
        subprocess.run([asm370, "-I", os.path.join(ROOT, "samples", "bare"), "-o", img,
                        os.path.join(ROOT, "tests", "system", "echo.asm")], check=True)
        subprocess.run([sys.executable, os.path.join(ROOT, "samples", "bare", "mkdeck.py"), img, deck], check=True)
        ur = [{"address": "009", "type": "console"}, {"address": "00C", "type": "reader"},
              {"address": "00D", "type": "punch"}, {"address": "00E", "type": "printer"}]
        users = [{"userid": "OPERATOR", "password": "OPPW", "privclass": "ABCDEFG", "storage": "1M", "devices": ur}]
        users += [{"userid": "U%04d" % i, "password": "LOADPW", "storage": "1M", "devices": ur}
                  for i in range(a.users)]
        data = os.path.join(work, "data")
        os.makedirs(data)
        with open(os.path.join(data, "directory.json"), "w") as f:
            json.dump({"version": 1, "users": users}, f)
        for i in range(a.users):
            subprocess.run([vm370, "--data", data, "send", "U%04d" % i, deck], check=True, capture_output=True)
        if a.saved:
            subprocess.run([vm370, "--data", data, "send", "OPERATOR", deck], check=True, capture_output=True)
        t0 = time.monotonic()
        sysm = vmclient.System(vm370, None, data=data)
        start_s = time.monotonic() - t0
        a.ipl = "00C"
        if a.saved:
            # The operator stops the guest at its start and saves it: the
            # users then share its pages.
            for line in ("ADSTOP 200", "IPL 00C"):
                sysm.operator(line)
            sysm.expect_operator("ADSTOP AT 000200", 30)
            sysm.operator("SAVESYS ECHOSYS")
            sysm.expect_operator("SYSTEM SAVED", 30)
            a.ipl = "ECHOSYS"
        try:
            res = asyncio.run(main_async(a, sysm.port, sysm.p.pid))
        finally:
            sysm.stop()
        res["start_seconds_with_password_hashing"] = round(start_s, 1)
        res["ipl"] = a.ipl
        res["host"] = os.uname().machine + ", " + str(os.cpu_count()) + " cores"
        print(json.dumps(res, indent=1))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
