"""A 3270 user for the end-to-end tests: the Debian s3270 scripting
emulator, driven through its stdin and stdout as its manual describes
(one action per line; the answer is data lines, a status line, then "ok"
or "error")."""
import re, shutil, subprocess, time


def have_s3270():
    return shutil.which("s3270") is not None


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class S3270:
    def __init__(self, model="3279-2", extra=()):
        self.model = model
        self.p = subprocess.Popen(["s3270", "-model", model, *extra], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
        self.status = ""

    def do(self, action, check=True):
        """Runs one action; returns its data lines."""
        self.p.stdin.write(action + "\n")
        self.p.stdin.flush()
        data = []
        while True:
            line = self.p.stdout.readline()
            if not line:
                raise RuntimeError("s3270 ended during %s: %s" % (action, "\n".join(data)))
            line = line.rstrip("\n")
            if line == "ok":
                return data
            if line == "error":
                if check:
                    raise RuntimeError("s3270 %s failed: %s" % (action, "\n".join(data)))
                return None
            if line.startswith("data: "):
                data.append(line[6:])
            elif line == "data:":
                data.append("")
            else:
                self.status = line

    def connect(self, host, port, prefix="", lu=""):
        where = "%s%s%s:%d" % (prefix, lu + "@" if lu else "", host, port)
        self.do("Connect(%s)" % where)
        self.do("Wait(15,InputField)")

    def screen(self):
        return self.do("Ascii()")

    def text(self):
        return "\n".join(self.screen())

    def rows_cols(self):
        """The screen's size now, from the status line's fields 7 and 8."""
        self.do("Wait(0,Seconds)", check=False)
        f = self.status.split()
        return int(f[6]), int(f[7])

    def status_word(self):
        return self.screen()[-1][-20:].strip()

    def type(self, text):
        self.do("String(%s)" % quote(text))

    def key(self, name):
        self.do(name)

    def enter(self, text=None):
        if text is not None:
            self.type(text)
        self.do("Enter()")

    def wait_for(self, pattern, timeout=10.0, where=None):
        """Waits until the screen (or the part `where` picks) matches."""
        end = time.time() + timeout
        last = ""
        while time.time() < end:
            scr = self.screen()
            last = "\n".join(scr if where is None else where(scr))
            if re.search(pattern, last):
                return last
            time.sleep(0.1)
        raise AssertionError("waited %.0fs for %r; screen:\n%s" % (timeout, pattern, last))

    def wait_status(self, word, timeout=10.0):
        return self.wait_for(re.escape(word), timeout, where=lambda s: [s[-1][-20:]])

    def logon(self, user, password):
        self.enter("LOGON " + user)
        self.wait_for("ENTER PASSWORD")
        self.enter(password)
        self.wait_for("LOGON AT|RECONNECTED AT")
        # A clean output area to start (the logo took half of it), as a
        # user would with PA2.
        self.key("PA(2)")
        self.wait_for(r"^\s*$", where=lambda s: s[:1])

    def close(self):
        try:
            self.do("Disconnect()", check=False)
            self.do("Quit()", check=False)
        except Exception:
            pass
        try:
            self.p.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.p.kill()
