#!/usr/bin/env python3
"""Bad input never crashes or stalls vm370, and never affects another user.

While a well-behaved user asks QUERY TIME over and over (each answer must
come within a bound), other connections send random bytes, telnet option
storms and unterminated subnegotiations, overlong lines, commands with wild
operands (logged on, as a class G user), and one client logs on, makes CP
write a great deal and never reads. At the end the system still answers,
the good user's answers never took longer than the bound, and SIGTERM ends
it with exit code 0.

usage: vm370_badinput.py BINDIR [--seed N]
"""
import os, random, socket, sys, threading, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vmclient  # noqa: E402

BIN = sys.argv[1]
SEED = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 1
VM370 = os.path.join(BIN, "vm370")
BOUND = 3.0  # seconds: the longest the good user may wait for an answer

UR = [{"address": "009", "type": "console"}, {"address": "00C", "type": "reader"},
      {"address": "00D", "type": "punch"}, {"address": "00E", "type": "printer"}]
USERS = [{"userid": "OPERATOR", "password": "OPPW", "privclass": "ABCDEFG", "storage": "1M", "devices": UR},
         {"userid": "GOOD", "password": "GOODPW", "storage": "1M", "devices": UR}] + \
        [{"userid": "FUZZ%d" % i, "password": "FUZZPW", "storage": "1M", "maxstorage": "16M",
          "devices": UR + [{"address": "191", "type": "minidisk", "volume": "FUZZ01", "cylinder": 1 + 2 * i,
                            "cylinders": 2, "mode": "MR", "read": "ALL"}]} for i in range(4)]

VERBS = ["Q", "QUERY", "D", "DISPLAY", "STORE", "ST", "IPL", "I", "B", "BEGIN", "SYSTEM", "SYS", "DEFINE", "DEF",
         "DETACH", "DET", "LINK", "SPOOL", "SP", "CLOSE", "C", "PURGE", "ORDER", "CHANGE", "TRANSFER", "MSG", "M",
         "SET", "TERMINAL", "TERM", "TRACE", "ADSTOP", "EXTERNAL", "REQUEST", "INDICATE", "IND", "ECHO", "SLEEP",
         "FORCE", "SHUTDOWN", "WARNING", "ENABLE", "DISABLE", "#CP", "LOGON", "XYZZY", ""]
OPERANDS = ["ALL", "*", "RDR", "PRT", "PUN", "READER", "CLASS", "A", "STORAGE", "STOR", "V", "VIRTUAL", "TIME",
            "0", "FFF", "FFFFFF", "FFFFFFFF", "1000000000", "-1", "L0-FFFFFF", "L0.FFFFFFFF", "LFFFFFF", "G15",
            "G99", "X15", "PSW", "00000000", "C0DE", "TO", "GOOD", "OPERATOR", "FUZZ0", "191", "291", "00C",
            "00D", "00E", "009", "COPY", "99", "100", "HOLD", "NOHOLD", "CONT", "NAME", "DIST", "RR", "MW", "W",
            "PASS=ALL", "16M", "64K", "0K", "99999999K", "ON", "OFF", "EMSG", "CODE", "LINEND", "#", "SVC",
            "INSTRUCT", "BRANCH", "END", "SEC", "MIN", "PRINTER", "PUNCH", "CONSOLE", "9999", "0001"]

errors = []
stop = threading.Event()
worst = [0.0]


def good_user(sysm):
    c = sysm.logon("GOOD", "GOODPW")
    n = 0
    while not stop.is_set():
        t0 = time.time()
        try:
            c.cmd("Q T", r"TOTCPU=[^\n]*\n", timeout=BOUND * 4)
        except AssertionError as e:
            errors.append("the good user got no answer: %s" % e)
            return
        dt = time.time() - t0
        worst[0] = max(worst[0], dt)
        n += 1
        time.sleep(0.05)
    good_user.answers = n
    c.send("LOGOFF")


def raw(port, data, read=True):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        s.sendall(data)
        if read:
            s.settimeout(0.5)
            try:
                while s.recv(65536):
                    pass
            except OSError:
                pass
        s.close()
    except OSError:
        pass  # the server may drop an abusive client: that is allowed


def random_bytes(port, rnd):
    for _ in range(20):
        raw(port, bytes(rnd.getrandbits(8) for _ in range(rnd.randint(1, 20000))))


def option_storm(port, rnd):
    storm = b""
    for _ in range(5000):
        storm += bytes([255, rnd.choice([251, 252, 253, 254]), rnd.randint(0, 255)])
    raw(port, storm)
    raw(port, b"\xff\xfa" + b"x" * 100000)          # a subnegotiation with no end
    raw(port, b"\xff\xfa\x18\x01\xff\xf0" * 2000)   # terminal-type requests without a request
    raw(port, b"\xff" * 50001)                       # IAC at the very end
    raw(port, b"\xff\xf3" * 1000 + b"\xff\xf4" * 1000)  # attentions before logon


def overlong(port, rnd):
    raw(port, b"LOGON " + b"A" * 1000000 + b"\r\n")
    raw(port, b"X" * 2000000)  # no line end at all
    raw(port, (b"Q" * 5000 + b"\n") * 200)


def wild_commands(sysm, i, rnd):
    try:
        c = sysm.logon("FUZZ%d" % i, "FUZZPW")
    except AssertionError as e:
        errors.append("FUZZ%d could not log on: %s" % (i, e))
        return
    for _ in range(400):
        words = [rnd.choice(VERBS)] + [rnd.choice(OPERANDS) for _ in range(rnd.randint(0, 6))]
        if rnd.random() < 0.1:
            words.append("".join(chr(rnd.randint(32, 126)) for _ in range(rnd.randint(1, 300))))
        line = " ".join(words)
        if words[0] in ("LOGON",):
            continue
        try:
            c.send(line)
        except OSError:
            break
        c.pump(0.001)
        if rnd.random() < 0.05:
            c.send_raw(b"\xff\xf3")  # attention now and then
    try:
        c.send("#CP LOGOFF")
        c.send("LOGOFF")
    except OSError:
        pass


def non_reader(sysm):
    """Logs on, makes CP write a great deal (DISPLAY of a megabyte, many
    times), never reads: it must be dropped, not hold CP."""
    c = sysm.logon("FUZZ3", "FUZZPW")
    for _ in range(40):
        try:
            c.send("D L0-FFFF")
        except OSError:
            break
    time.sleep(3)
    c.close()


def main():
    rnd = random.Random(SEED)
    sysm = vmclient.System(VM370, USERS)
    try:
        g = threading.Thread(target=good_user, args=(sysm,))
        g.start()
        time.sleep(0.5)
        attackers = [threading.Thread(target=random_bytes, args=(sysm.port, random.Random(rnd.random()))),
                     threading.Thread(target=option_storm, args=(sysm.port, random.Random(rnd.random()))),
                     threading.Thread(target=overlong, args=(sysm.port, random.Random(rnd.random()))),
                     threading.Thread(target=non_reader, args=(sysm,))]
        attackers += [threading.Thread(target=wild_commands, args=(sysm, i, random.Random(rnd.random())))
                      for i in range(3)]
        idle = [socket.create_connection(("127.0.0.1", sysm.port)) for _ in range(20)]  # connect, say nothing
        for t in attackers:
            t.start()
        for t in attackers:
            t.join(300)
            if t.is_alive():
                errors.append("an attacking client never finished (a stalled server?)")
        stop.set()
        g.join(60)
        for s in idle:
            s.close()
        sysm.read_operator()
        if sysm.p.poll() is not None:
            errors.append("vm370 ended (exit %s) under bad input; its console:\n%s" % (sysm.p.returncode, sysm.out[-3000:]))
            return
        # Still serving: a new user logs on and gets answers.
        c = sysm.logon("GOOD", "GOODPW")
        c.cmd("Q NAMES", r"GOOD")
        c.send("LOGOFF")
        c.expect("LOGOFF AT")
        rc = sysm.stop()
        if rc != 0:
            errors.append("SIGTERM: exit %s" % rc)
    finally:
        stop.set()
        sysm.kill()
        report(sysm)


def report(sysm):
    print("good user: %d answers, the slowest %.3f s (bound %.1f s)" % (getattr(good_user, "answers", 0), worst[0], BOUND))
    if worst[0] > BOUND:
        errors.append("the good user waited %.2f s for an answer" % worst[0])
    if "DMKCPI999E" in sysm.out:
        errors.append("CP reported an internal error: " + sysm.out[sysm.out.index("DMKCPI999E"):][:200])
    for e in errors:
        print("FAIL:", e)
    print("PASS" if not errors else "%d failures" % len(errors))
    os._exit(1 if errors else 0)


if __name__ == "__main__":
    main()
