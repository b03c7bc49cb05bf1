#!/usr/bin/env python3
"""The CMS benchmark of vm370 (a benchmark, not a test: it never fails on
a number).

  1. IPL: one user types #CP IPL CMS --ipls times: the time from sending
     the line to CMS's version line, and to the ready message of the
     first command after it (QUERY RDYMSG): median and max.
     Files: the same user's 60-cylinder 191 holds 1,000 files and a 10 MB
     file (written by cmsdisk before the start): LISTFILE * * A, and
     COPYFILE of the 10 MB file, from the line sent to the ready message
     (median of --ipls runs), with CMS's own T= figures.
  2. N users (default 1,000) log on over line-mode TCP sessions; their
     directory entries IPL CMS (the saved system, whose pages they
     share). Then, idle for --idle seconds: vm370's CPU as a percentage
     of one core (target: below 2%), its resident memory per user, and
     each sampled user's private and shared guest storage from CP's
     INDICATE USER (target: at most 256 KiB private per idle CMS user).

usage: cms_idle.py BINDIR [--users N] [--idle S] [--ipls N] [--json]
"""
import argparse, asyncio, json, os, re, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "system"))
sys.path.insert(0, os.path.join(ROOT, "bench"))
import vmclient  # noqa: E402
from vm370_load import Session, cpu_seconds, rss_kib  # noqa: E402

BANNER = r"CMS VERSION 6\.0 \d\d/\d\d/\d\d \d\d:\d\d"
READY = r"R; T=\d+\.\d\d/\d+\.\d\d \d\d:\d\d:\d\d"


def directory(n):
    ur = [{"address": "009", "type": "console"}, {"address": "00C", "type": "reader"},
          {"address": "00D", "type": "punch"}, {"address": "00E", "type": "printer"}]
    link = {"address": "190", "type": "link", "user": "MAINT", "to": "190", "mode": "RR"}
    users = [{"userid": "OPERATOR", "password": "OPPW", "privclass": "ABCDEFG", "storage": "2M", "devices": ur},
             {"userid": "MAINT", "password": "NOLOG", "privclass": "G", "storage": "2M",
              "devices": ur + [{"address": "190", "type": "minidisk", "volume": "VMSYS1", "cylinder": 1,
                                "cylinders": 20, "mode": "MR", "read": "ALL"}]}]
    # Each user a 1-cylinder 191, 500 to a 3350 volume (USR001, USR002 ...);
    # U0000, the files' user, 60 cylinders on BIG001.
    for i in range(n + 1):
        d = {"address": "191", "type": "minidisk", "volume": "USR%03d" % (1 + i // 500),
             "cylinder": 1 + i % 500, "cylinders": 1, "mode": "MR"}
        if i == 0:
            d = {"address": "191", "type": "minidisk", "volume": "BIG001", "cylinder": 1, "cylinders": 60,
                 "mode": "MR"}
        users.append({"userid": "U%04d" % i, "password": "LOADPW", "storage": "2M", "ipl": "CMS",
                      "devices": ur + [link, d]})
    return users


async def logon(port, user, sem):
    async with sem:
        r, w = await asyncio.open_connection("127.0.0.1", port)
        s = Session(r, w)
        await s.expect("ONLINE")
        s.send("LOGON " + user)
        await s.expect("PASSWORD")
        s.send("LOADPW")
        await s.expect(BANNER, 180)
        return s


async def timed(s, line, n):
    """The time from the line to its ready message, n times; and the last
    ready message's T= figures."""
    times, last, out = [], "", ""
    rx = r"(R(?:\(-?\d+\))?; T=\d+\.\d\d/\d+\.\d\d) \d\d:\d\d:\d\d"
    for _ in range(n):
        s.buf = ""
        t0 = time.monotonic()
        s.send(line)
        while not re.search(rx, s.buf):
            data = await asyncio.wait_for(s.r.read(65536), 600)
            if not data:
                raise ConnectionError("closed")
            s.buf += vmclient.strip_telnet(data).decode("latin-1")
        times.append(time.monotonic() - t0)
        out = s.buf
        last = re.search(rx, s.buf).group(1)
    s.out = out
    return times, last


async def file_times(s, n):
    res = {}
    t, cms_t = await timed(s, "LISTFILE * * A", n)
    lines = len([l for l in s.out.splitlines() if l.startswith("F")])
    res["listfile_1000_files_ms"] = {"median": round(statistics.median(t) * 1000, 1), "cms": cms_t,
                                     "lines": lines}
    # (REPLACE would need room for the old copy and the new one at once:
    # the copy is erased before each run instead, untimed.)
    t = []
    for _ in range(n):
        await timed(s, "ERASE COPY DATA A", 1)
        t1, cms_t = await timed(s, "COPYFILE BIG DATA A COPY DATA A", 1)
        t += t1
    res["copyfile_messages"] = [l for l in s.out.splitlines() if l.startswith("DMS")][:3]
    res["copyfile_10mb_s"] = {"median": round(statistics.median(t), 2), "cms": cms_t}
    return res


async def ipl_times(port, n):
    s = await logon(port, "U%04d" % 0, asyncio.Semaphore(1))
    to_banner, to_ready = [], []
    for _ in range(n):
        s.buf = ""
        t0 = time.monotonic()
        s.send("#CP IPL CMS")
        await s.expect(BANNER, 60)
        t1 = time.monotonic()
        s.send("QUERY RDYMSG")
        await s.expect(READY, 60)
        t2 = time.monotonic()
        to_banner.append(t1 - t0)
        to_ready.append(t2 - t0)
    return to_banner, to_ready, s


def indicate(sysm, userid):
    before = len(sysm.out)
    sysm.operator("INDICATE USER " + userid)
    end = time.time() + 10
    while time.time() < end:
        sysm.read_operator()
        m = re.search(r"FRAMES PRIVATE=(\d+) SHARED=(\d+)", sysm.out[before:])
        if m:
            return int(m.group(1)), int(m.group(2))
        time.sleep(0.05)
    return None


async def main_async(a, sysm):
    pid = sysm.p.pid
    res = {}
    b, r, s0 = await ipl_times(sysm.port, a.ipls)
    res["ipl_to_version_line_ms"] = {"median": round(statistics.median(b) * 1000, 1), "max": round(max(b) * 1000, 1)}
    res["ipl_to_first_ready_ms"] = {"median": round(statistics.median(r) * 1000, 1), "max": round(max(r) * 1000, 1)}
    res.update(await file_times(s0, a.ipls))
    s0.w.close()
    rss0 = rss_kib(pid)
    t0 = time.monotonic()
    sem = asyncio.Semaphore(50)
    sessions = await asyncio.gather(*(logon(sysm.port, "U%04d" % (i + 1), sem) for i in range(a.users)))
    res["users"] = a.users
    res["logon_and_ipl_seconds"] = round(time.monotonic() - t0, 1)
    await asyncio.sleep(2)
    rss1 = rss_kib(pid)
    c0, w0 = cpu_seconds(pid), time.monotonic()
    await asyncio.sleep(a.idle)
    res["idle_seconds"] = a.idle
    res["idle_cpu_percent_of_one_core"] = round((cpu_seconds(pid) - c0) / (time.monotonic() - w0) * 100, 3)
    res["rss_before_kib"], res["rss_after_kib"] = rss0, rss1
    res["host_memory_per_user_kib"] = round((rss1 - rss0) / a.users, 1)
    samples = [indicate(sysm, "U%04d" % (1 + i * max(1, a.users // 10))) for i in range(min(10, a.users))]
    samples = [x for x in samples if x]
    if samples:
        priv = [p * 4 for p, _ in samples]
        res["private_guest_storage_kib"] = {"median": statistics.median(priv), "max": max(priv), "n": len(priv)}
        res["shared_guest_storage_kib"] = statistics.median([s * 4 for _, s in samples])
    for s in sessions:
        s.w.close()
    return res


def files_disk(bindir, data, work):
    """BIG001 with U0000's 191: 1,000 small files and BIG DATA, 10 MB
    (52,429 records of 200 bytes: a CMS file has at most 65,533 records),
    written by cmsdisk from the host."""
    vols = os.path.join(data, "volumes")
    os.makedirs(vols, exist_ok=True)
    cmsdisk = os.path.join(bindir, "cmsdisk")
    img = os.path.join(vols, "BIG001.3350")
    # The volume as vm370 would make it (61 cylinders are enough here).
    subprocess.run([os.path.join(bindir, "vm370"), "--data", data, "--no-panel", "--cms", "none",
                    "--port", "0"], input=b"SHUTDOWN\n", capture_output=True, timeout=900)
    ext = img + ":1:60"
    subprocess.run([cmsdisk, ext, "format", "BIG"], check=True, capture_output=True)
    small = os.path.join(work, "small.txt")
    with open(small, "w") as f:
        f.write("A SMALL FILE\n")
    for i in range(1000):
        subprocess.run([cmsdisk, ext, "write", small, "F%04d" % i, "DATA", "A1"], check=True, capture_output=True)
    big = os.path.join(work, "big.txt")
    with open(big, "w") as f:
        for i in range(52429):
            f.write("RECORD %08d %s\n" % (i, "X" * 184))
    subprocess.run([cmsdisk, ext, "write", big, "BIG", "DATA", "A1", "--recfm", "F", "--lrecl", "200"], check=True,
                   capture_output=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bindir")
    ap.add_argument("--users", type=int, default=1000)
    ap.add_argument("--idle", type=float, default=20)
    ap.add_argument("--ipls", type=int, default=5)
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="vm370-cms-")
    try:
        data = os.path.join(work, "data")
        os.makedirs(data)
        with open(os.path.join(data, "directory.json"), "w") as f:
            json.dump({"version": 1, "users": directory(a.users)}, f)
        files_disk(a.bindir, data, work)
        t0 = time.monotonic()
        sysm = vmclient.System(os.path.join(a.bindir, "vm370"), None, data=data)
        start_s = time.monotonic() - t0
        try:
            res = asyncio.run(main_async(a, sysm))
        finally:
            sysm.stop()
        res["start_seconds_with_password_hashing_and_install"] = round(start_s, 1)
        res["host"] = os.uname().machine + ", " + str(os.cpu_count()) + " cores"
        print(json.dumps(res, indent=1))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
