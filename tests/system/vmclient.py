"""Helpers for the end-to-end tests of vm370: start the system on a free
port with a throwaway data folder, and talk to it over a plain TCP socket
as a line-mode telnet user would (telnet commands from the server are
stripped; the client answers none, as nc would not)."""
import json, os, re, select, signal, socket, subprocess, sys, tempfile, time


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def strip_telnet(data):
    out, i = bytearray(), 0
    while i < len(data):
        b = data[i]
        if b == 255 and i + 1 < len(data):
            c = data[i + 1]
            if c == 255:
                out.append(255); i += 2
            elif c in (251, 252, 253, 254):
                i += 3
            elif c == 250:
                j = data.find(bytes([255, 240]), i)
                i = len(data) if j < 0 else j + 2
            else:
                i += 2
        else:
            out.append(b); i += 1
    return bytes(out)


class System:
    """vm370 running in a subprocess; the operator's console is its stdin
    and stdout."""

    def __init__(self, vm370, users, data=None, extra=(), files=None):
        self.work = tempfile.mkdtemp(prefix="vm370-test-")
        self.data = data or os.path.join(self.work, "data")
        self.port = free_port()
        self.directory = os.path.join(self.data, "directory.json")
        os.makedirs(self.data, exist_ok=True)
        if users is not None:
            with open(self.directory, "w") as f:
                json.dump({"version": 1, "users": users}, f, indent=1)
        for name, text in (files or {}).items():
            with open(os.path.join(self.data, name), "w") as f:
                f.write(text)
        self.vm370 = vm370
        self.extra = list(extra)
        self.out = ""
        self.start()

    def start(self):
        self.out = ""
        # VM370_WRAP (e.g. "gdb -q -batch -ex run -ex bt --args") runs it under a debugger.
        wrap = os.environ.get("VM370_WRAP", "").split()
        self.p = subprocess.Popen(wrap + [self.vm370, "--data", self.data, "--port", str(self.port), "--no-panel"]
                                  + self.extra, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT)
        os.set_blocking(self.p.stdout.fileno(), False)
        self.expect_operator(r"vm370: ready on 127\.0\.0\.1:%d" % self.port, 60)

    def read_operator(self):
        try:
            d = self.p.stdout.read()
        except (BlockingIOError, TypeError):
            d = None
        if d:
            self.out += d.decode("latin-1")

    def expect_operator(self, pattern, timeout=10):
        end = time.time() + timeout
        while time.time() < end:
            self.read_operator()
            m = re.search(pattern, self.out)
            if m:
                return m
            if self.p.poll() is not None:
                self.read_operator()
                raise AssertionError("vm370 ended (%s) waiting for %r; output:\n%s" % (self.p.returncode, pattern, self.out[-3000:]))
            time.sleep(0.05)
        raise AssertionError("operator console: no %r in:\n%s" % (pattern, self.out[-3000:]))

    def operator(self, line):
        self.p.stdin.write((line + "\n").encode())
        self.p.stdin.flush()

    def connect(self):
        return Client(self.port)

    def logon(self, userid, password):
        c = self.connect()
        c.expect("ONLINE")
        c.send("LOGON " + userid)
        c.expect("ENTER PASSWORD")
        c.send(password)
        c.expect("LOGON AT")
        return c

    def stop(self, sig=signal.SIGTERM, timeout=30):
        if self.p.poll() is None:
            self.p.send_signal(sig)
            try:
                self.p.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.p.kill()
                self.p.wait()
                raise AssertionError("vm370 did not end within %d s of %s" % (timeout, sig))
        self.read_operator()
        return self.p.returncode

    def kill(self):
        if self.p.poll() is None:
            self.p.kill()
            self.p.wait()


class Client:
    def __init__(self, port):
        self.s = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.buf = ""     # everything received, telnet stripped
        self.pos = 0      # what expect() has consumed
        self.raw = b""
        self.closed = False

    def pump(self, t=0.05):
        if self.closed:
            return
        r, _, _ = select.select([self.s], [], [], t)
        if r:
            try:
                d = self.s.recv(65536)
            except OSError:
                d = b""
            if not d:
                self.closed = True
                return
            self.raw += d
            self.buf += strip_telnet(d).decode("latin-1").replace("\r\n", "\n")

    def send(self, line):
        self.s.sendall(line.encode("latin-1") + b"\r\n")

    def send_raw(self, data):
        self.s.sendall(data)

    def expect(self, pattern, timeout=10):
        """Waits for a regular expression in what arrived since the last
        expect; returns the text up to and including the match."""
        end = time.time() + timeout
        rx = re.compile(pattern)
        while True:
            m = rx.search(self.buf, self.pos)
            if m:
                text = self.buf[self.pos:m.end()]
                self.pos = m.end()
                return text
            if time.time() > end or self.closed:
                raise AssertionError("no %r within %ss; got:\n%s" % (pattern, timeout, self.buf[self.pos:][-2000:]))
            self.pump()

    def cmd(self, line, pattern, timeout=10):
        self.send(line)
        return self.expect(pattern, timeout)

    def quiet(self, t=0.5):
        """What arrives in the next t seconds."""
        end = time.time() + t
        while time.time() < end:
            self.pump(0.05)
        text = self.buf[self.pos:]
        self.pos = len(self.buf)
        return text

    def wait_closed(self, timeout=10):
        end = time.time() + timeout
        while not self.closed and time.time() < end:
            self.pump()
        return self.closed

    def close(self):
        try:
            self.s.close()
        except OSError:
            pass
