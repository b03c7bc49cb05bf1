"""Helpers for the end-to-end tests of CMS (tests/system/cms_*.py): vm370
on a free port with a throwaway data folder, users whose directory
entries IPL CMS, and a line-mode session that types CMS commands and
reads what CMS answers up to its ready message."""
import atexit, os, re, shutil, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vmclient  # noqa: E402

# An EXEC that loops, stacks lines and reads them back, and tests the
# return codes of commands (tests/system/cms_session.py,
# vm_under_vm.py).
LOOPEXEC = [
    "&CONTROL OFF",
    "&COUNT = 0",
    "-LOOP &COUNT = &COUNT + 1",
    "&STACK LINE &COUNT",
    "&IF &COUNT LT 3 &GOTO -LOOP",
    "-READ &READ ARGS",
    "&TYPE READ: &1 &2",
    "&IF &2 LT 3 &GOTO -READ",
    "STATE NOSUCH FILE A",
    "&IF &RETCODE EQ 28 &TYPE STATE SAID 28",
    "STATE NOTES TEXT A",
    "&IF &RETCODE EQ 0 &TYPE NOTES TEXT IS THERE",
    "&EXIT &COUNT",
]

READY = re.compile(r"^(R;|R\((-?\d+)\);)( T=\d+\.\d\d/\d+\.\d\d \d\d:\d\d:\d\d)?$", re.M)


def user(userid, password="PW", storage="2M", ipl="CMS", disks=(("191", 10),), extra=()):
    """A directory entry: console, reader, punch, printer, a link to
    MAINT's 190, and minidisks (address, cylinders) on volume USR001
    (each user its own cylinders, placed by `place`)."""
    devs = [{"address": "009", "type": "console"},
            {"address": "00C", "type": "reader", "class": "*"},
            {"address": "00D", "type": "punch"},
            {"address": "00E", "type": "printer"},
            {"address": "190", "type": "link", "user": "MAINT", "to": "190", "mode": "RR"}]
    for addr, cyls in disks:
        devs.append({"address": addr, "type": "minidisk", "volume": "USR001", "cylinder": 0,
                     "cylinders": cyls, "mode": "MR", "read": "ALL", "write": "ALL"})
    devs.extend(extra)
    e = {"userid": userid, "password": password, "privclass": "G", "storage": storage, "devices": devs}
    if ipl:
        e["ipl"] = ipl
    return e


def maint():
    return {"userid": "MAINT", "password": "MAINTPW", "privclass": "ABCDEFG", "storage": "2M",
            "devices": [{"address": "009", "type": "console"},
                        {"address": "00C", "type": "reader", "class": "*"},
                        {"address": "00D", "type": "punch"},
                        {"address": "00E", "type": "printer"},
                        {"address": "190", "type": "minidisk", "volume": "VMSYS1", "cylinder": 1,
                         "cylinders": 20, "mode": "MR", "read": "ALL"}]}


def place(users):
    """Gives each user's minidisks cylinders of their own on USR001."""
    cyl = 1
    for u in users:
        for d in u["devices"]:
            if d.get("type") == "minidisk" and d.get("volume") == "USR001":
                d["cylinder"] = cyl
                cyl += d["cylinders"]
    return users


def system(vm370_dir, users, **kw):
    """vm370 with MAINT (the owner of 190) and `users`. VM370_CMS names
    another CMS build folder (nucleus.bin, sdisk/, maclib/) to run."""
    extra = list(kw.pop("extra", ()))
    if os.environ.get("VM370_CMS"):
        extra += ["--cms", os.environ["VM370_CMS"]]
    s = vmclient.System(os.path.join(vm370_dir, "vm370"), [maint()] + place(list(users)), extra=extra, **kw)
    _made.append(s)
    return s


# The systems' folders (volumes of hundreds of MB each) go when the test
# program ends.
_made = []


def _clean():
    for s in _made:
        try:
            s.kill()
        except Exception:
            pass
        shutil.rmtree(s.work, ignore_errors=True)


atexit.register(_clean)


class Cms:
    """A user logged on to CMS over a line-mode socket."""

    def __init__(self, sysm, userid, password="PW", banner=True):
        self.c = vmclient.Client(sysm.port)
        self.c.expect("ONLINE")
        self.c.send("LOGON " + userid)
        self.c.expect("ENTER PASSWORD")
        self.c.send(password)
        if banner:
            self.c.expect(r"CMS VERSION 6\.0 \d\d/\d\d/\d\d \d\d:\d\d", 30)

    def cmd(self, line, timeout=20):
        """Types a line; returns (output lines before the ready message,
        return code from it)."""
        self.c.send(line)
        text = self.c.expect(READY, timeout)
        m = list(READY.finditer(text))[-1]
        rc = int(m.group(2)) if m.group(2) else 0
        body = text[:m.start()].split("\n")
        # Trailing blanks (an 8-byte token, an F-format record) do not
        # show on a terminal: they are not compared.
        return [l.rstrip() for l in body if l.strip() != ""], rc

    def ok(self, line, timeout=20):
        out, rc = self.cmd(line, timeout)
        assert rc == 0, "%r: R(%d)\n%s" % (line, rc, "\n".join(out))
        return out

    def send(self, line):
        self.c.send(line)

    def expect(self, pattern, timeout=20):
        return self.c.expect(pattern, timeout)

    def logoff(self):
        self.c.send("#CP LOGOFF")
        self.c.expect("LOGOFF AT", 20)
        self.c.close()


def run(tests, *args):
    """Runs test functions t(arg...), printing PASS/FAIL; exit status 1 on
    a failure."""
    import traceback
    failed = 0
    for t in tests:
        t0 = time.time()
        try:
            t(*args)
            print("PASS %s (%.1fs)" % (t.__name__, time.time() - t0), flush=True)
        except Exception:
            failed += 1
            print("FAIL %s" % t.__name__, flush=True)
            traceback.print_exc()
    print("%d failed" % failed)
    return 1 if failed else 0
