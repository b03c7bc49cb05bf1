#!/usr/bin/env python3
"""difftest.py -- differential test of s370run against Hercules 3.13 (herc-oracle).

Runs every program on both machines with the same load address, start PSW,
registers, storage patches, storage size (2M) and dump ranges, and compares
the final status, PSW, the 16 GPRs, the 4 FPRs, the 16 CRs and the dumped
storage.  Hercules is the oracle: where the two disagree, either the emulator
or Hercules deviates from the Principles of Operation (GA22-7000); see
README.md in this folder for the triage.

Programs:
  * hand-written GNU-as sources, tests/diff/programs/*.s (assembled with
    s390x-linux-gnu-as -m31, `.include "lowcore.inc"` from
    <repo>/../shared/tools/oracle-examples).  Options in the source, one per
    line, anywhere in the file:
        #@ psw 0001000000000200      start PSW (16 hex digits)
        #@ load 0                    load address (hex)
        #@ gpr 3=12345678            initial GPR (repeatable)
        #@ cr 0=00800000             initial control register (repeatable)
        #@ set 1000=DEADBEEF         storage patch after loading (repeatable)
        #@ dump 2000.100             extra dump range ADDR.LEN (repeatable)
        #@ nodefaultdump             do not dump the default ranges
        #@ expect KEY=HEX ...        where Hercules deviates from the Principles:
                                     our value must be HEX (KEY: PSW, R0-R15,
                                     F0-F6, C0-C15, or M<hex address> for as many
                                     bytes as HEX has); Hercules' is not compared
    Default dumps: 0-4F, 54-FFF, 1000-1FFF (never X'50'-X'53': Hercules
    decrements the interval timer there in real time).
  * generated programs from gen.py, one per seed (--seeds 1-500).

Usage:
  difftest.py --s370run build/bin/s370run [--cache DIR] [-j 2] [--seeds 1-500]
              [--keep DIR] [-v] [PROGRAM.s|DIR ...]
Exit status 0 only when every program agrees.  Without Hercules or the
s390x assembler the test is skipped (exit 0).
"""

import argparse
import concurrent.futures
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.realpath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SHARED_TOOLS = os.path.join(os.path.dirname(REPO), "shared", "tools")
ORACLE = os.path.join(SHARED_TOOLS, "herc-oracle")
INCLUDE = os.path.join(SHARED_TOOLS, "oracle-examples")
PROGRAMS = os.path.join(HERE, "programs")
AS, LD, OBJCOPY = "s390x-linux-gnu-as", "s390x-linux-gnu-ld", "s390x-linux-gnu-objcopy"

MAINSIZE = 2            # MB; Hercules' minimum
MAX_INSNS = 5000000     # s370run's budget: every program here ends far sooner
HERC_TIMEOUT = 8        # seconds of Hercules run time before herc-oracle gives up
DEFAULT_DUMPS = [(0x0, 0x50), (0x54, 0xFAC), (0x1000, 0x1000)]
TIMER = (0x50, 0x54)    # the interval timer: never compare

sys.path.insert(0, HERE)
sys.dont_write_bytecode = True   # no __pycache__ in the source tree (gen.py is imported)


class HarnessError(Exception):
    pass


# ---- Programs -----------------------------------------------------------------

class Program:
    """One test case: an image and the options to run it with."""

    def __init__(self, name):
        self.name = name
        self.source = None      # .s path, assembled lazily
        self.image = None       # bytes
        self.load = 0
        self.psw = "0000000000000200"
        self.gprs = []          # [(n, value)]
        self.crs = []
        self.sets = []          # [(addr, hexstring)]
        self.dumps = list(DEFAULT_DUMPS)
        self.regions = []       # [(start, length, name, entry_size)] to name storage diffs
        self.listing = None     # callable giving a listing for -v
        self.expect = {}        # field -> value from the Principles where Hercules deviates

    def options_key(self):
        return {"load": self.load, "psw": self.psw, "gprs": self.gprs, "crs": self.crs,
                "sets": self.sets, "dumps": self.dumps, "mainsize": MAINSIZE}


CHUNK = 0x3000   # Hercules' `r` command prints at most 999 lines of 16 bytes


def split_dumps(dumps):
    out = []
    for a, n in dumps:
        while n > CHUNK:
            out.append((a, CHUNK))
            a, n = a + CHUNK, n - CHUNK
        out.append((a, n))
    return out


def parse_directives(path):
    p = Program(os.path.relpath(path, HERE) if path.startswith(HERE) else path)
    p.source = path
    extra, default = [], True
    with open(path, errors="replace") as f:
        for ln, line in enumerate(f, 1):
            m = re.match(r"\s*#@\s*(\w+)\s*(.*?)\s*$", line)
            if not m:
                continue
            key, val = m.group(1).lower(), m.group(2).split("#")[0].strip()
            try:
                if key == "psw":
                    v = val.replace(" ", "")
                    int(v, 16)
                    if len(v) != 16:
                        raise ValueError
                    p.psw = v.upper()
                elif key == "load":
                    p.load = int(val, 16)
                elif key in ("gpr", "cr"):
                    n, v = val.split("=")
                    (p.gprs if key == "gpr" else p.crs).append((int(n), "%08X" % int(v, 16)))
                elif key == "set":
                    a, v = val.split("=")
                    bytes.fromhex(v)
                    p.sets.append((int(a, 16), v.upper()))
                elif key == "dump":
                    a, n = val.split(".")
                    extra.append((int(a, 16), int(n, 16)))
                elif key == "nodefaultdump":
                    default = False
                elif key == "expect":
                    for item in val.split():
                        k, v = item.split("=")
                        k, v = k.upper(), v.upper()
                        bytes.fromhex(v)
                        if not re.fullmatch(r"PSW|R(1[0-5]|[0-9])|F[0246]|C(1[0-5]|[0-9])|M[0-9A-F]+", k):
                            raise ValueError
                        p.expect[k] = v
                else:
                    raise ValueError
            except ValueError:
                raise HarnessError("%s:%d: bad directive: %s" % (path, ln, line.strip()))
    p.dumps = split_dumps((list(DEFAULT_DUMPS) if default else []) + extra)
    for a, n in p.dumps:
        if a < TIMER[1] and a + n > TIMER[0]:
            raise HarnessError("%s: dump %X.%X covers the interval timer X'50'" % (path, a, n))
    return p


def assemble(src, work):
    obj, elf, binf = (os.path.join(work, "p" + e) for e in (".o", ".elf", ".bin"))
    inc = ["-I", os.path.dirname(os.path.abspath(src)), "-I", PROGRAMS, "-I", INCLUDE]
    for cmd in ([AS, "-m31"] + inc + ["-o", obj, src],
                [LD, "-m", "elf_s390", "-Ttext=0", "-e", "0", "-o", elf, obj],
                [OBJCOPY, "-O", "binary", "-j", ".text", elf, binf]):
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            raise HarnessError("build failed: %s\n%s" % (" ".join(cmd), r.stderr.strip()))
    with open(binf, "rb") as f:
        return f.read()


def generated_program(seed):
    import gen  # noqa: E402  (tests/diff/gen.py)
    g = gen.generate(seed)
    p = Program("gen:%d" % seed)
    p.image = g["image"]
    p.load = g.get("load", 0)
    p.psw = g["psw"]
    p.gprs = g.get("gprs", [])
    p.crs = g.get("crs", [])
    p.sets = g.get("sets", [])
    p.dumps = split_dumps(g["dumps"])
    p.regions = g.get("regions", [])
    p.listing = lambda: gen.listing(seed)
    return p


def parse_seeds(s):
    out = []
    for part in filter(None, (x.strip() for x in s.split(","))):
        if "-" in part:
            a, b = part.split("-", 1)
            out.extend(range(int(a), int(b) + 1))
        else:
            out.append(int(part))
    return out


# ---- Running ------------------------------------------------------------------

def run_ours(s370run, prog, image_path):
    cmd = [s370run, "--json", "--mainsize", str(MAINSIZE), "--load", "%X" % prog.load,
           "--psw", prog.psw, "--max-instructions", str(MAX_INSNS)]
    for n, v in prog.gprs:
        cmd += ["--gpr", "%d=%s" % (n, v)]
    for n, v in prog.crs:
        cmd += ["--cr", "%d=%s" % (n, v)]
    for a, v in prog.sets:
        cmd += ["--set", "%X=%s" % (a, v)]
    for a, n in prog.dumps:
        cmd += ["--dump", "%X.%X" % (a, n)]
    cmd.append(image_path)
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        return {"status": "hang", "error": "s370run did not finish in 120 s"}
    if r.returncode not in (0, 2):
        return {"status": "crash", "error": "s370run exit %d: %s" % (r.returncode, r.stderr.strip()[-300:])}
    try:
        j = json.loads(r.stdout)
    except ValueError:
        return {"status": "crash", "error": "s370run printed no JSON: " + r.stdout[-200:]}
    storage = {}
    for key, hx in j.get("storage", {}).items():
        storage[int(key.split(".")[0], 16)] = hx.upper()
    return {"status": j["status"], "psw": j["psw"].upper(), "gpr": [g.upper() for g in j["gpr"]],
            "fpr": [f.upper() for f in j["fpr"]], "cr": [c.upper() for c in j["cr"]],
            "storage": storage, "instructions": j.get("instructions")}


def oracle_cmd(oracle, prog, image_path):
    cmd = [sys.executable, oracle, "-j", "--quiet-pgm", "-m", str(MAINSIZE), "-t", str(HERC_TIMEOUT),
           "-a", "%X" % prog.load, "-p", prog.psw]
    for n, v in prog.gprs:
        cmd += ["-g", "%d=%s" % (n, v)]
    for n, v in prog.crs:
        cmd += ["-c", "%d=%s" % (n, v)]
    for a, v in prog.sets:
        cmd += ["-s", "%X=%s" % (a, v)]
    for a, n in prog.dumps:
        cmd += ["-d", "%X.%X" % (a, n)]
    cmd.append(image_path)
    return cmd


def run_herc(oracle, prog, image_path):
    cmd = oracle_cmd(oracle, prog, image_path)
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=HERC_TIMEOUT + 90)
    except subprocess.TimeoutExpired:
        raise HarnessError("herc-oracle did not finish")
    try:
        j = json.loads(r.stdout)
    except ValueError:
        raise HarnessError("herc-oracle printed no JSON (exit %d): %s" % (r.returncode, r.stderr.strip()[-300:]))
    if j.get("status") == "ERROR" or not j.get("psw"):
        raise HarnessError("herc-oracle error: %s" % j.get("error", r.stderr.strip()[-300:]))
    storage = {}
    for key, hx in j.get("storage", {}).items():
        storage[int(key, 16)] = hx.upper()
    fpr = j.get("fpr", {})
    return {"status": j["status"].lower(), "psw": j["psw_noilc"].upper(),
            "gpr": [(g or "?").upper() for g in j["gpr"]],
            "fpr": [(fpr.get(k) or "?").upper() for k in ("0", "2", "4", "6")],
            "cr": [(c or "?").upper() for c in j["cr"]], "storage": storage,
            "pgmchk_count": j.get("pgmchk_count")}


class Cache:
    """Hercules results by a hash of (image, options, oracle script): reruns skip Hercules."""

    def __init__(self, directory, oracle):
        self.dir = directory
        if directory:
            os.makedirs(directory, exist_ok=True)
        h = hashlib.sha256()
        try:
            with open(oracle, "rb") as f:
                h.update(f.read())
        except OSError:
            pass
        self.salt = h.hexdigest()

    def key(self, prog, image):
        h = hashlib.sha256()
        h.update(self.salt.encode())
        h.update(image)
        h.update(json.dumps(prog.options_key(), sort_keys=True).encode())
        return h.hexdigest()

    def get(self, k):
        if not self.dir:
            return None
        try:
            with open(os.path.join(self.dir, k + ".json")) as f:
                r = json.load(f)
            r["storage"] = {int(a): v for a, v in r["storage"].items()}
            return r
        except (OSError, ValueError, KeyError):
            return None

    def put(self, k, res):
        if not self.dir or res["status"] != "wait":
            return  # a timeout may be Hercules missing the wait message: run it again next time
        tmp = os.path.join(self.dir, "%s.%d.%d.tmp" % (k, os.getpid(), threading.get_ident()))
        with open(tmp, "w") as f:
            json.dump(res, f)
        os.replace(tmp, os.path.join(self.dir, k + ".json"))


# ---- Comparing ----------------------------------------------------------------

def region_name(prog, addr):
    for start, length, name, size in prog.regions:
        if start <= addr < start + length:
            if size:
                return "%s[%d]+%X" % (name, (addr - start) // size, (addr - start) % size)
            return "%s+%X" % (name, addr - start)
    return None


def storage_diffs(prog, ours, herc):
    """Runs of differing bytes as (addr, ours_hex, herc_hex); runs closer than
    4 bytes are merged so that a changed word shows as one run."""
    out = []
    for addr, n in prog.dumps:
        a, b = ours.get(addr, ""), herc.get(addr, "")
        if len(a) != 2 * n or len(b) != 2 * n:
            out.append((addr, "(%d bytes)" % (len(a) // 2), "(%d bytes)" % (len(b) // 2)))
            continue
        bad = [i for i in range(n) if a[2 * i:2 * i + 2] != b[2 * i:2 * i + 2]]
        k = 0
        while k < len(bad):
            i = j = bad[k]
            while k + 1 < len(bad) and bad[k + 1] - j < 4:
                k += 1
                j = bad[k]
            out.append((addr + i, a[2 * i:2 * j + 2], b[2 * i:2 * j + 2]))
            k += 1
    return out


def apply_expect(prog, herc):
    """Hercules' result with the fields where it deviates from the Principles
    replaced by the values the Principles give (see #@ expect)."""
    if not prog.expect:
        return herc
    h = json.loads(json.dumps(herc))
    h["storage"] = {int(a): v for a, v in h["storage"].items()}
    for k, v in prog.expect.items():
        if k == "PSW":
            h["psw"] = v
        elif k[0] in "RFC":
            n = int(k[1:])
            if k[0] == "F":
                h["fpr"][n // 2] = v
            else:
                h["gpr" if k[0] == "R" else "cr"][n] = v
        else:
            addr = int(k[1:], 16)
            for start, n in prog.dumps:
                if start <= addr and addr + len(v) // 2 <= start + n:
                    o = 2 * (addr - start)
                    s = h["storage"][start]
                    h["storage"][start] = s[:o] + v + s[o + len(v):]
                    break
            else:
                raise HarnessError("expect %s is outside the dumped storage" % k)
    return h


def compare(prog, ours, herc):
    """List of human-readable differences; empty when the runs agree."""
    d = []
    herc = apply_expect(prog, herc)
    if ours["status"] in ("crash", "hang"):
        return ["s370run: " + ours.get("error", ours["status"])]
    st_o = ours["status"]
    st_h = {"timeout": "limit"}.get(herc["status"], herc["status"])
    if st_o != st_h:
        d.append("status ours=%s herc=%s" % (ours["status"], herc["status"]))
    if ours["psw"] != herc["psw"]:
        d.append("PSW ours=%s herc=%s" % (ours["psw"], herc["psw"]))
    for i in range(16):
        if ours["gpr"][i] != herc["gpr"][i]:
            d.append("R%d ours=%s herc=%s" % (i, ours["gpr"][i], herc["gpr"][i]))
    for i in range(4):
        if ours["fpr"][i] != herc["fpr"][i]:
            d.append("F%d ours=%s herc=%s" % (2 * i, ours["fpr"][i], herc["fpr"][i]))
    for i in range(16):
        if ours["cr"][i] != herc["cr"][i]:
            d.append("C%d ours=%s herc=%s" % (i, ours["cr"][i], herc["cr"][i]))
    for addr, a, b in storage_diffs(prog, ours["storage"], herc["storage"]):
        name = region_name(prog, addr)
        d.append("M%06X%s ours=%s herc=%s" % (addr, " (%s)" % name if name else "", a, b))
    return d


# ---- Main ---------------------------------------------------------------------

def run_one(args, cache, prog):
    work = tempfile.mkdtemp(prefix="difftest.")
    try:
        image = prog.image if prog.image is not None else assemble(prog.source, work)
        path = os.path.join(work, "image.bin")
        with open(path, "wb") as f:
            f.write(image)
        ours = run_ours(args.s370run, prog, path)
        k = cache.key(prog, image)
        herc = cache.get(k)
        if herc is None:
            herc = run_herc(args.oracle, prog, path)
            cache.put(k, herc)
        diffs = compare(prog, ours, herc)
        if prog.expect and not compare(prog, herc, apply_expect(prog, herc)):
            print("NOTE %s: Hercules now gives the values of its #@ expect lines" % prog.name, flush=True)
        if diffs and args.keep:
            os.makedirs(args.keep, exist_ok=True)
            base = os.path.join(args.keep, re.sub(r"[^\w.-]", "_", prog.name))
            shutil.copyfile(path, base + ".bin")
            with open(base + ".sh", "w") as f:
                f.write("# %s\n%s\n" % (prog.name, " ".join(oracle_cmd(args.oracle, prog, base + ".bin"))))
                f.write(" ".join(c for c in run_ours_cmdline(args.s370run, prog, base + ".bin")) + "\n")
        return prog, diffs, None
    except HarnessError as e:
        return prog, None, str(e)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run_ours_cmdline(s370run, prog, path):
    cmd = [s370run, "--json", "--mainsize", str(MAINSIZE), "--load", "%X" % prog.load, "--psw", prog.psw]
    cmd += sum((["--gpr", "%d=%s" % g] for g in prog.gprs), [])
    cmd += sum((["--cr", "%d=%s" % c] for c in prog.crs), [])
    cmd += sum((["--set", "%X=%s" % s] for s in prog.sets), [])
    cmd += sum((["--dump", "%X.%X" % d] for d in prog.dumps), [])
    return cmd + [path]


def collect(args):
    progs = []
    paths = args.paths or ([] if args.no_programs else [PROGRAMS])
    for p in paths:
        if os.path.isdir(p):
            for f in sorted(os.listdir(p)):
                if f.endswith(".s"):
                    progs.append(parse_directives(os.path.join(p, f)))
        else:
            progs.append(parse_directives(os.path.abspath(p)))
    if args.filter:
        progs = [p for p in progs if args.filter in p.name]
    for seed in parse_seeds(args.seeds):
        progs.append(seed)  # generated lazily by the worker (cheap, but keeps start-up fast)
    return progs


def main():
    ap = argparse.ArgumentParser(description="differential test of s370run against Hercules")
    ap.add_argument("paths", nargs="*", help=".s programs or folders (default: programs/)")
    ap.add_argument("--s370run", required=True, help="path of the s370run binary")
    ap.add_argument("--oracle", default=ORACLE, help="herc-oracle script (default %(default)s)")
    ap.add_argument("--cache", default=None, help="folder caching Hercules results")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--seeds", default="1-500", help="generated programs, e.g. 1-500 or 3,7 ('' for none)")
    ap.add_argument("--no-programs", action="store_true", help="only generated programs")
    ap.add_argument("--filter", default=None, help="only hand-written programs whose name contains this")
    ap.add_argument("--keep", default=None, help="folder to keep images and commands of failing programs")
    ap.add_argument("-v", "--verbose", action="store_true", help="every difference on its own line")
    args = ap.parse_args()

    try:
        progs = collect(args)
    except HarnessError as e:
        print("difftest: " + str(e))
        print("0 passed, 1 failed")
        return 1

    herc = os.environ.get("HERC_ORACLE_HERCULES") or shutil.which("hercules")
    missing = [what for what, ok in (("hercules", herc and os.path.exists(herc)),
                                     (AS, shutil.which(AS)), (LD, shutil.which(LD)),
                                     (OBJCOPY, shutil.which(OBJCOPY)),
                                     ("herc-oracle (%s)" % args.oracle, os.path.exists(args.oracle)))
               if not ok]
    if missing:
        print("difftest: SKIPPED: %s not installed; the differential test against Hercules "
              "is skipped" % ", ".join(missing))
        print("0 passed, 0 failed, %d skipped" % len(progs))
        return 0
    if not os.access(args.s370run, os.X_OK):
        print("difftest: no s370run at %s" % args.s370run)
        print("0 passed, %d failed" % len(progs))
        return 1

    cache = Cache(args.cache, args.oracle)
    passed = failed = 0
    t0 = time.time()

    def task(item):
        if isinstance(item, int):
            try:
                item = generated_program(item)
            except Exception as e:  # a generator bug must not hide the other results
                return Program("gen:%s" % item), None, "generator failed: %r" % e
        return run_one(args, cache, item)

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        for prog, diffs, err in ex.map(task, progs):
            if err:
                failed += 1
                print("ERROR %s: %s" % (prog.name, err.replace("\n", " | ")), flush=True)
            elif diffs:
                failed += 1
                if args.verbose:
                    print("FAIL %s:" % prog.name)
                    for x in diffs:
                        print("    " + x)
                    if prog.listing:
                        print(prog.listing())
                else:
                    line = "; ".join(diffs)
                    if len(line) > 600:
                        line = line[:600] + " ... (%d differences)" % len(diffs)
                    print("FAIL %s: %s" % (prog.name, line), flush=True)
            else:
                passed += 1
    sys.stderr.write("difftest: %.1f s\n" % (time.time() - t0))
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
