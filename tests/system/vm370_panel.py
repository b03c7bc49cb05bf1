#!/usr/bin/env python3
"""The operator's panel of vm370 on a terminal: vm370 runs in a shell in a
detached tmux session of a fixed size (a private tmux server), and the
test reads the screen with `tmux capture-pane` and types with `tmux
send-keys`: the title, the user table (OPERATOR, then a user logged on
over TCP, then disconnected), an operator command and its answer in the
log, the command line's editing and history, the panel drawn anew when
the window is resized, and the end: SHUTDOWN, then SIGTERM, each with
exit code 0 and the shell's terminal as it was.

usage: vm370_panel.py BINDIR        (exit 77, skipped, without tmux)
"""
import os, re, shlex, shutil, signal, subprocess, sys, tempfile, time, traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vmclient  # noqa: E402

SKIP = 77
W, H = 120, 40
STATES = r"(?:RUNNING|WAITING|CP READ|VM READ|ENDED|SLEEP)"
TITLE = re.compile(r"^ VM/370\s+127\.0\.0\.1:(\d+)\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+USERS (\d+)\s+SESSIONS (\d+)"
                   r"\s+MIPS \d+\.\d\d\s+HOST CPU \d+\.\d%")
HELP = " Enter: command"
PROMPT = "===>"


class Pane:
    """A shell in a tmux session of its own server (its own socket, no
    configuration file)."""

    def __init__(self, work):
        self.sock = os.path.join(work, "tmux.sock")
        self.env = dict(os.environ)
        self.env.pop("TMUX", None)
        self.tmux("new-session", "-d", "-s", "panel", "-x", str(W), "-y", str(H),
                  "env PS1='panel$ ' /bin/sh")

    def tmux(self, *args, check=True):
        r = subprocess.run(["tmux", "-f", "/dev/null", "-S", self.sock] + list(args), capture_output=True,
                           text=True, env=self.env, timeout=30)
        if check and r.returncode != 0:
            raise AssertionError("tmux %s: %s" % (" ".join(args), r.stderr.strip()))
        return r.stdout

    def lines(self):
        out = self.tmux("capture-pane", "-p", "-t", "panel")
        if out.endswith("\n"):
            out = out[:-1]
        return out.split("\n")

    def keys(self, *keys):
        self.tmux("send-keys", "-t", "panel", *keys)

    def type(self, text):
        self.tmux("send-keys", "-t", "panel", "-l", text)

    def wait(self, pred, what, timeout=20):
        """Waits until pred(lines) is true; returns its value."""
        end = time.time() + timeout
        while True:
            lines = self.lines()
            r = pred(lines)
            if r:
                if os.environ.get("VM370_PANEL_VERBOSE"):
                    print("%5.1fs  %s" % (timeout - (end - time.time()), what))
                return r
            if time.time() > end:
                raise AssertionError("%s; the screen:\n%s" % (what, "\n".join(lines)))
            time.sleep(0.2)

    def shell_pid(self):
        return int(self.tmux("display", "-p", "-t", "panel", "#{pane_pid}").strip())

    def kill(self):
        self.tmux("kill-server", check=False)


def find(lines, pattern):
    rx = re.compile(pattern)
    for l in lines:
        m = rx.search(l)
        if m:
            return m
    return None


def panel_shown(lines, w, h):
    """The panel fills a w x h screen: title on the first row (its right
    part ends one column before the edge), the keys on the last, the
    command line above them, the rule as wide as the screen."""
    if len(lines) != h or not TITLE.search(lines[0]) or len(lines[0].rstrip()) != w - 1:
        return None
    if not lines[h - 1].startswith(HELP) or not lines[h - 2].startswith(PROMPT):
        return None
    rule = find(lines, r"^-- OPERATOR LOG -+$")
    if not rule or len(rule.group(0)) != w:
        return None
    return TITLE.search(lines[0])


def command_line(lines):
    return lines[-2].rstrip()


def log_lines(lines):
    """The log: the rows between the rule and the command line."""
    start = next(i for i, l in enumerate(lines) if l.startswith("-- OPERATOR LOG"))
    return lines[start + 1:-2]


def start(pane, vm370, data):
    pane.type("%s --data %s --port 0 --bind 127.0.0.1; echo EXIT=$?" % (shlex.quote(vm370), shlex.quote(data)))
    pane.keys("Enter")
    m = pane.wait(lambda l: panel_shown(l, W, H), "no panel of %dx%d" % (W, H), timeout=90)
    return int(m.group(1))


def ended(pane, what):
    """vm370 has ended with exit code 0, and the shell has its terminal
    back: the screen before the panel, a prompt, and typed text echoed
    and read a line at a time."""
    m = pane.wait(lambda l: find(l, r"^EXIT=(\d+)$"), "vm370 did not end after %s" % what, timeout=60)
    assert m.group(1) == "0", "exit code %s after %s" % (m.group(1), what)
    lines = pane.lines()
    assert not find(lines, r"^USERID\s+TERM\s+STATE"), "the panel is still on the screen:\n" + "\n".join(lines)
    # (tmux may have rewrapped the shell's screen when the window was
    # resized, and a long command line wraps: the rows are joined)
    assert re.search(r"vm370 --data .*; echo EXIT=\$\?", "".join(lines)), \
        "the shell's screen was not restored:\n" + "\n".join(lines)
    pane.wait(lambda l: [x for x in l if x.strip()][-1].rstrip() == "panel$", "no shell prompt after " + what)
    pane.type("echo ABC$((6*7))")
    pane.keys("Enter")
    pane.wait(lambda l: find(l, r"^panel\$ echo ABC\$\(\(6\*7\)\)$") and find(l, r"^ABC42$"),
              "the terminal does not echo and read lines as before (after %s)" % what)
    pane.keys("clear", "Enter")
    pane.wait(lambda l: not find(l, r"EXIT="), "the screen was not cleared")
    return lines


def main():
    if not shutil.which("tmux"):
        print("vm370_panel: skipped: tmux is not installed")
        return SKIP
    vm370 = os.path.join(sys.argv[1], "vm370")
    work = tempfile.mkdtemp(prefix="vm370-panel-")
    data = os.path.join(work, "data")
    pane = Pane(work)
    client = None
    try:
        port = start(pane, vm370, data)
        # The title and the table: OPERATOR logged on to the panel itself.
        pane.wait(lambda l: TITLE.search(l[0]).group(2, 3) == ("1", "1"), "the title does not count 1 user, 1 session")
        lines = pane.lines()
        assert re.match(r"^USERID\s+TERM\s+STATE\s+MIPS\s+TRAPS/S\s+STORAGE\s+USED\s+SHARED\s+CONNECT$",
                        lines[1]), lines[1]
        pane.wait(lambda l: find(l, r"^OPERATOR\s+SYSC\s+%s\s+\d+\.\d\d\s+\d+\s+\d+K\s+\d+K\s+\d+K\s+\d+:\d\d:\d\d$"
                                 % STATES), "OPERATOR not in the table with a state")
        assert any("vm370: ready on 127.0.0.1:%d" % port in l for l in log_lines(lines)), "no ready line in the log"
        assert command_line(lines) == PROMPT, "command line: %r" % command_line(lines)

        # A user on a plain TCP socket appears in the table: the default
        # directory IPLs CMS, which waits for a command in VM READ.
        pws = dict(l.split() for l in open(os.path.join(data, "initial-passwords.txt")) if l.strip())
        client = vmclient.Client(port)
        client.expect("ONLINE")
        client.send("LOGON USER1")
        client.expect("ENTER PASSWORD")
        client.send(pws["USER1"])
        client.expect("LOGON AT")
        row = pane.wait(lambda l: find(l, r"^USER1\s+(\S+)\s+(?:CP|VM) READ\s+\d+\.\d\d\s+\d+\s+2048K\s+\d+K\s+\d+K\s+\d+:\d\d:\d\d$"),
                        "USER1 not in the table in VM READ with 2048K")
        term = row.group(1)
        assert term not in ("DSC", "SYSC"), row.group(0)
        pane.wait(lambda l: TITLE.search(l[0]) and TITLE.search(l[0]).group(2, 3) == ("2", "2"),
                  "the title does not count 2 users, 2 sessions")
        pane.wait(lambda l: find(log_lines(l), r"^LOGON  AS USER1 "), "no LOGON AS USER1 in the log")

        # An operator command, its answer in the log.
        pane.type("QUERY NAMES")
        pane.wait(lambda l: command_line(l) == PROMPT + " QUERY NAMES", "the command line does not show what was typed")
        pane.keys("Enter")
        names = r"^OPERATOR - SYSC , USER1    - %s$" % re.escape(term)
        pane.wait(lambda l: find(log_lines(l), names), "no answer to QUERY NAMES in the log")
        lines = pane.lines()
        assert find(log_lines(lines), r"^QUERY NAMES$"), "the typed line is not in the log"
        assert command_line(lines) == PROMPT, "the command line was not emptied: %r" % command_line(lines)

        # History: Up recalls it, Enter sends it again.
        pane.keys("Up")
        pane.wait(lambda l: command_line(l) == PROMPT + " QUERY NAMES", "Up did not recall QUERY NAMES")
        pane.keys("Enter")
        pane.wait(lambda l: len([x for x in log_lines(l) if re.search(names, x)]) == 2,
                  "the recalled QUERY NAMES was not answered")
        # Editing: Home, Delete, Left, Backspace, End.
        pane.type("XQUERY TIMR")
        pane.keys("Home", "DC", "End", "BSpace")
        pane.type("E")
        pane.keys("Left", "Left", "Left", "Left", "BSpace")
        pane.type(" ")
        pane.wait(lambda l: command_line(l) == PROMPT + " QUERY TIME", "editing gave %r" % command_line(pane.lines()))
        pane.keys("Enter")
        pane.wait(lambda l: find(log_lines(l), r"^TIME IS \d\d:\d\d:\d\d "), "no answer to QUERY TIME")
        # Down past the newest entry gives the empty line back.
        pane.keys("Up", "Up", "Down", "Down")
        pane.wait(lambda l: command_line(l) == PROMPT, "Down did not come back to an empty line")

        # Resized: drawn anew at the new size, larger and smaller.
        for w, h in ((150, 50), (100, 30)):
            pane.tmux("resize-window", "-t", "panel", "-x", str(w), "-y", str(h))
            pane.wait(lambda l, w=w, h=h: panel_shown(l, w, h), "the panel was not drawn anew at %dx%d" % (w, h))
            pane.wait(lambda l: find(l, r"^USER1\s+%s\s+(?:CP|VM) READ" % re.escape(term)), "USER1 gone at %dx%d" % (w, h))
        pane.tmux("resize-window", "-t", "panel", "-x", str(W), "-y", str(H))
        pane.wait(lambda l: panel_shown(l, W, H), "the panel was not drawn anew at %dx%d" % (W, H))

        # The user's connection drops: disconnected, the machine kept.
        client.close()
        client = None
        pane.wait(lambda l: find(l, r"^USER1\s+DSC\s+DSC (?:CP|VM) READ\s"), "USER1 not shown disconnected")

        # SHUTDOWN from the command line ends vm370 in order.
        pane.type("SHUTDOWN")
        pane.keys("Enter")
        lines = ended(pane, "SHUTDOWN")
        assert find(lines, r"SYSTEM SHUTDOWN"), "the log's last lines were not left on the screen:\n" + "\n".join(lines)

        # SIGTERM does too.
        start(pane, vm370, data)
        shell = pane.shell_pid()
        kids = open("/proc/%d/task/%d/children" % (shell, shell)).read().split()
        assert len(kids) == 1, "the shell's children: %s" % kids
        os.kill(int(kids[0]), signal.SIGTERM)
        ended(pane, "SIGTERM")
        print("vm370_panel: all passed")
        return 0
    except Exception:
        traceback.print_exc()
        return 1
    finally:
        if client:
            client.close()
        pane.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
