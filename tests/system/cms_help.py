"""HELP (cms/cmds/HELP.asm) and the help files (cms/sdisk/*.HELPCMS,
*.HELPCP, EDIT HELPEDIT, EXEC HELPEXEC; docs/CMS.md, "HELP").

t_files needs no vm370: every command of the nucleus's table and every
command module has CMS help, every CP command in CP's dispatch has CP
help (found as HELP finds it: a file, or an entry of the component's
MENU file, abbreviations and synonyms included), and the files are
well-formed CMS files. The other tests type HELP in CMS."""
import glob, os, re, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
SDISK = os.path.join(ROOT, "cms", "sdisk")
BIN = sys.argv[1] if len(sys.argv) > 1 else None

# Names in the nucleus's table that are functions for programs (SVC 202
# with an FSCB or a PLIST), not commands a user types: no help for them.
# A new function goes here; a new command gets a help file.
NUCLEUS_FUNCTIONS = {
    "TYPLIN", "WAITRD", "ATTN", "RDBUF", "WRBUF", "FINIS", "POINT", "FSOPEN", "FSTLKP", "FSTLKW", "ADTLKP",
    "RDCARD", "CARDRD", "PUNCHC", "CARDPH", "PRINTR", "PRINTL", "PRINTIO", "WAITT", "CMSRET", "EXECIMP",
    "LINEDIT",
}


# ---- HELP's lookup, as the module does it -----------------------------

def lower_ebcdic(c):
    """A lower case letter (EBCDIC X'81'-X'A9': bits B'10xxxxxx')."""
    return "a" <= c <= "z"


def name_of(word):
    """(the name in upper case, its least abbreviation) of a word in R6's
    notation: the upper case letters before the first lower case one;
    both capped at 8, as CMS's tokens are."""
    least = 0
    for c in word:
        if lower_ebcdic(c):
            break
        least += 1
    return word.upper()[:8], min(least, 8)


def abbreviates(token, word):
    name, least = name_of(word)
    return least <= len(token) <= len(name) and name.startswith(token)


def help_file(component, fn):
    p = os.path.join(SDISK, "%s.HELP%s" % (fn, component))
    return p if os.path.exists(p) else None


def menu_entry(component, token):
    """The file name MENU HELPcomponent gives for token, or None."""
    menu = help_file(component, "MENU")
    if not menu:
        return None
    for line in open(menu):
        if not line.strip() or line[0] in " :":
            continue
        w = line.split()
        if abbreviates(token, w[0]):
            if len(w) > 2 and w[1] == "=":
                return w[2].upper()[:8]
            return name_of(w[0])[0]
    return None


def lookup(token, components=("CMS", "CP")):
    """The help file HELP [component] token types, or None."""
    token = token.upper()[:8]
    for c in components:
        f = help_file(c, token)
        if f:
            return f
    for c in components:
        fn = menu_entry(c, token)
        if fn and help_file(c, fn):
            return help_file(c, fn)
    return None


def section(component, token):
    """The lines HELP EDIT|EXEC token types from comp HELPcomp."""
    token = token.upper()[:8]
    lines = open(help_file(component, component)).read().split("\n")
    out, state = [], 0
    for line in lines:
        if line.startswith(":"):
            if state == 2:
                break
            if state == 0 and abbreviates(token, line[1:].split()[0] if line[1:].split() else ""):
                state = 1
            continue
        if state:
            state = 2
            out.append(line.rstrip())
    return out


# ---- the static checks ------------------------------------------------

def nucleus_commands():
    names = set()
    for f in ("NUCTABX.mac", "NUCTABFS.mac"):
        p = os.path.join(ROOT, "cms", f)
        if os.path.exists(p):
            names |= set(re.findall(r"DC\s+CL8'([^']+)',A\(", open(p).read()))
    svc = open(os.path.join(ROOT, "cms", "DMSSVC.cpy")).read()
    table = svc[svc.index("NUCTAB   DS"):]
    table = table[:table.index("DC    X'FF'")]
    names |= set(re.findall(r"DC\s+CL8'([^']+)',A\(", table))
    return {n.strip() for n in names} - NUCLEUS_FUNCTIONS


def effective_least(table):
    """[(name, least)] in the order a command table is searched (an
    abbreviation of at least `least` characters, 0: the whole name) ->
    {name: the fewest characters that reach it}: an earlier entry
    takes the shorter prefixes it matches (CP's DIS is DISPLAY, so
    DISABLE needs DISA)."""
    out = {}
    for i, (name, least) in enumerate(table):
        k = least or len(name)
        while k < len(name) and any(
                p == name[:k] or (l and l <= k <= len(p) and p.startswith(name[:k])) for p, l in table[:i]):
            k += 1
        out.setdefault(name, k)
    return out


def nucleus_table():
    """The nucleus's table in its order: [(name, least abbreviation)]."""
    svc = open(os.path.join(ROOT, "cms", "DMSSVC.cpy")).read()
    table = svc[svc.index("NUCTAB   DS"):]
    table = table[:table.index("DC    X'FF'")]
    rows = []
    row = re.compile(r"DC\s+CL8'([^']+)',A\([^)]*\),AL1\((\d+)\)")
    for line in table.split("\n"):
        m = row.search(line)
        if m:
            rows.append((m.group(1).strip(), int(m.group(2))))
        for mac in ("NUCTABFS", "NUCTABX"):
            if re.match(r"\s+%s\b" % mac, line):
                p = os.path.join(ROOT, "cms", mac + ".mac")
                for m2 in row.finditer(open(p).read()):
                    rows.append((m2.group(1).strip(), int(m2.group(2))))
    return rows


def cp_table():
    """CP's dispatch in its order: [(name, least abbreviation)]."""
    src = open(os.path.join(ROOT, "cp", "commands.cpp")).read()
    body = src[src.index("int System::command("):]
    rows = []
    for m in re.finditer(r'abbrev\(v, "([A-Z]+)", (\d+)\)|\bv == "([A-Z]+)"', body):
        rows.append((m.group(1), int(m.group(2))) if m.group(1) else (m.group(3), 0))
    return rows


def menu_words(component):
    """{name: (least, the word as written)} of the MENU file's entries."""
    out = {}
    for line in open(help_file(component, "MENU")):
        if line.strip() and line[0] not in " :":
            w = line.split()[0]
            name, least = name_of(w)
            out.setdefault(name, (least, w))
    return out


def cp_commands():
    src = open(os.path.join(ROOT, "cp", "commands.cpp")).read()
    body = src[src.index("int System::command("):]
    names = set(re.findall(r'abbrev\(v, "([A-Z]+)"', body)) | set(re.findall(r'\bv == "([A-Z]+)"', body))
    # Before logon: LOGON and its forms, DIAL (cp/system.cpp).
    sysc = open(os.path.join(ROOT, "cp", "system.cpp")).read()
    names |= set(re.findall(r'\bverb == "([A-Z]+)"', sysc))
    return names


def t_files(_):
    problems = []
    # Every file: a CMS fileid, lines of at most 79 characters, text a
    # terminal shows.
    for p in sorted(glob.glob(os.path.join(SDISK, "*.HELP*"))):
        name = os.path.basename(p)
        fn, ft = name.split(".", 1)
        if not (1 <= len(fn) <= 8 and 1 <= len(ft) <= 8 and name == name.upper()
                and re.fullmatch(r"[A-Z0-9$#@+_:-]+", fn) and re.fullmatch(r"[A-Z0-9]+", ft)):
            problems.append("%s: not a CMS fileid" % name)
        text = open(p, "rb").read()
        if not text.endswith(b"\n") or b"\t" in text or b"\r" in text:
            problems.append("%s: tabs, CRs or no final newline" % name)
        for i, line in enumerate(text.decode("ascii", "replace").split("\n")[:-1], 1):
            if len(line) > 79:
                problems.append("%s:%d: %d characters" % (name, i, len(line)))
            if any(not (32 <= ord(c) < 127) for c in line):
                problems.append("%s:%d: not plain ASCII" % (name, i))
            if line != line.rstrip():
                problems.append("%s:%d: trailing blanks" % (name, i))
        if ft in ("HELPCMS", "HELPCP") and fn != "MENU" and any(l.startswith(":") for l in text.decode().split("\n")):
            problems.append("%s: ':' in column 1 (a section marker) in a command's file" % name)
    # Every CMS command of the nucleus's table and every command module.
    mods = {os.path.basename(p)[:-4].upper() for p in glob.glob(os.path.join(ROOT, "cms", "cmds", "*.asm"))}
    for n in sorted(nucleus_commands() | mods):
        if not lookup(n, ("CMS",)):
            problems.append("CMS command %s: no help (cms/sdisk/%s.HELPCMS, or an entry in MENU.HELPCMS); "
                            "a function for programs goes in NUCLEUS_FUNCTIONS here" % (n, n))
    # Every CP command of CP's dispatch (abbreviations and synonyms too).
    for n in sorted(cp_commands()):
        if not lookup(n, ("CP",)):
            problems.append("CP command %s: no help (cms/sdisk/%s.HELPCP, or an entry in MENU.HELPCP)" % (n, n))
    # The abbreviations the menus show are the ones CMS's nucleus and CP
    # take (R6's notation: the upper case letters), and each command's
    # help file shows its name the same way in its format.
    for comp, table in (("CMS", nucleus_table()), ("CP", cp_table())):
        menu = menu_words(comp)
        for name, k in effective_least(table).items():
            if name in NUCLEUS_FUNCTIONS or name not in menu:
                continue
            least, word = menu[name]
            want = menu_entry(comp, name)
            for j in range(k, len(name) + 1):
                got = menu_entry(comp, name[:j])
                if got != want:
                    problems.append("MENU.HELP%s: HELP %s %s finds %s, but %s runs %s"
                                    % (comp, comp, name[:j], got, name[:j], name))
            if least != k:
                problems.append("MENU.HELP%s: %s takes %d characters (%s), not %d"
                                % (comp, word, k, name[:k] + name[k:].lower(), least))
            f = help_file(comp, name)
            if f:
                text = open(f).read()
                fmt = text[text.index("Format:"):].split("\n")[1].split() if "Format:" in text else []
                if fmt and fmt[0].upper() == name and fmt[0] != word:
                    problems.append("%s: the format shows %s, the menu %s" % (os.path.basename(f), fmt[0], word))
    # The entries of the menus name files that exist.
    for c in ("CMS", "CP"):
        for line in open(help_file(c, "MENU")):
            if line.strip() and line[0] not in " :":
                w = line.split()
                target = w[2] if len(w) > 2 and w[1] == "=" else name_of(w[0])[0]
                if not help_file(c, target):
                    problems.append("MENU.HELP%s: %s names %s.HELP%s, which is missing" % (c, w[0], target, c))
    # The sections of EDIT HELPEDIT and EXEC HELPEXEC are not empty.
    for c in ("EDIT", "EXEC"):
        for line in open(help_file(c, c)):
            if line.startswith(":") and not section(c, name_of(line[1:].split()[0])[0]):
                problems.append("%s.HELP%s: section %s is empty" % (c, c, line.strip()))
    # What the lookup finds (the same rules the module has).
    assert lookup("Q").endswith("QUERY.HELPCMS")
    assert lookup("QUERY", ("CP",)).endswith("QUERY.HELPCP")
    assert lookup("MSG").endswith("MESSAGE.HELPCP")
    assert lookup("DIS", ("CP",)).endswith("DISPLAY.HELPCP")
    assert lookup("NOSUCH") is None
    assert section("EXEC", "&BEGSTACK")[0].startswith("&BEGTYPE")
    assert section("EDIT", "C")[0].startswith("Change")
    assert not problems, "\n".join(problems)


# ---- HELP in CMS -----------------------------------------------------------

def installed(name):
    """A system-disk file as vm370 installs it: from the CMS build beside
    build/bin (or VM370_CMS), which the build copied from cms/sdisk."""
    cms = os.environ.get("VM370_CMS") or os.path.join(BIN, "..", "cms")
    return os.path.join(cms, "sdisk", name)


def file_lines(name):
    """A help file's lines as HELP types them (section markers left out,
    trailing blanks gone, empty lines left out as cmsclient does)."""
    return [l.rstrip() for l in open(installed(name)).read().split("\n")
            if l.strip() and not l.startswith(":")]


def t_help(_):
    import cmsclient
    s = cmsclient.system(BIN, [cmsclient.user("ALICE")])
    try:
        c = cmsclient.Cms(s, "ALICE")
        # HELP alone: the menu, whole.
        out = c.ok("HELP")
        assert out == file_lines("MENU.HELPCMS"), out
        # Commands, in full, abbreviated, in lower case.
        out = c.ok("help listfile")
        assert out == file_lines("LISTFILE.HELPCMS"), out[:5]
        out = c.ok("HELP Q")
        assert out == file_lines("QUERY.HELPCMS"), out[:5]
        out = c.ok("HELP CMS SET")
        assert out == file_lines("SET.HELPCMS"), out[:5]
        # CP's: HELP CP, HELP CP cmd, a CP command CMS does not have.
        out = c.ok("HELP CP")
        assert out == file_lines("MENU.HELPCP"), out[:5]
        out = c.ok("HELP CP QUERY")
        assert out == file_lines("QUERY.HELPCP"), out[:5]
        out = c.ok("HELP SPOOL")
        assert out == file_lines("SPOOL.HELPCP"), out[:5]
        out = c.ok("HELP MSG")                     # a synonym in MENU HELPCP
        assert out == file_lines("MESSAGE.HELPCP"), out[:5]
        out = c.ok("HELP CP DEF")                  # an abbreviation
        assert out == file_lines("DEFINE.HELPCP"), out[:5]
        # Sections: an EXEC control word, an EDIT subcommand.
        out = c.ok("HELP EXEC &IF")
        assert out == [l for l in section("EXEC", "&IF") if l.strip()], out
        out = c.ok("HELP EDIT C")
        assert out[0].startswith("Change /string1/string2/"), out
        # Missing topics: R6's form, return code 28; bad operands 24.
        out, rc = c.cmd("HELP NOSUCH")
        assert out == ["DMSHLP002E NO HELP FOR 'NOSUCH'"] and rc == 28, (out, rc)
        out, rc = c.cmd("HELP CP LISTFILE")
        assert out == ["DMSHLP002E NO CP HELP FOR 'LISTFILE'"] and rc == 28, (out, rc)
        out, rc = c.cmd("HELP EDIT NOSUCH")
        assert out == ["DMSHLP002E NO EDIT HELP FOR 'NOSUCH'"] and rc == 28, (out, rc)
        out, rc = c.cmd("HELP QUERY DISK")
        assert out == ["DMSHLP070E INVALID PARAMETER 'DISK'"] and rc == 24, (out, rc)
        out, rc = c.cmd("HELP CP Q X")
        assert out == ["DMSHLP070E INVALID PARAMETER 'X'"] and rc == 24, (out, rc)
        out, rc = c.cmd("HELP Q (TYPE")
        assert out == ["DMSHLP003E INVALID OPTION 'TYPE'"] and rc == 24, (out, rc)
        # Messages follow CP's SET EMSG.
        c.ok("SET EMSG CODE")
        out, rc = c.cmd("HELP NOSUCH")
        assert out == ["DMSHLP002E"] and rc == 28, (out, rc)
        c.ok("SET EMSG ON")
        c.logoff()
    finally:
        s.stop()


if __name__ == "__main__":
    tests = [t_files] + ([t_help] if BIN else [])
    sys.exit(__import__("cmsclient").run(tests, None))
