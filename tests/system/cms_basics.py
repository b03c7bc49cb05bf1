"""CMS end to end: IPL CMS at logon, command level (the ready message,
CP and implied CP, QUERY/SET items, unknown commands), typed over a
line-mode socket as a user would."""
import os, re, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cmsclient  # noqa: E402

BIN = sys.argv[1]


def t_command_level(_):
    s = cmsclient.system(BIN, [cmsclient.user("ALICE")])
    try:
        c = cmsclient.Cms(s, "ALICE")
        out, rc = c.cmd("QUERY RDYMSG")
        assert out == ["RDYMSG = LMSG"] and rc == 0, out
        # Implied CP and the CP command: CP's response, CP's return code.
        out = c.ok("q time")
        assert re.match(r"TIME IS \d\d:\d\d:\d\d", out[0]), out
        out = c.ok("CP QUERY TIME")
        assert out[0].startswith("TIME IS"), out
        out, rc = c.cmd("NOSUCHCMD")
        assert out == ["UNKNOWN CP/CMS COMMAND"] and rc == -1, (out, rc)
        out, rc = c.cmd("SET")
        assert out == ["DMSSET047E NO FUNCTION SPECIFIED"] and rc == 24, (out, rc)
        out, rc = c.cmd("SET RDYMSG XX")
        assert out == ["DMSSET026E INVALID PARAMETER 'XX' FOR 'RDYMSG' FUNCTION"] and rc == 24, (out, rc)
        c.ok("SET IMPCP OFF")
        out, rc = c.cmd("QUERY IMPCP")
        assert out == ["IMPCP = OFF"], out
        # With IMPCP off, a CP command typed alone is unknown to CMS.
        out, rc = c.cmd("MSG ALICE HI")
        assert out == ["UNKNOWN CP/CMS COMMAND"] and rc == -1, (out, rc)
        c.ok("SET IMPCP ON")
        # SET EMSG is CP's: CMS's messages follow it (DIAGNOSE X'5C').
        c.ok("SET EMSG CODE")
        out, rc = c.cmd("SET")
        assert out == ["DMSSET047E"], out
        c.ok("SET EMSG TEXT")
        out, rc = c.cmd("SET")
        assert out == ["NO FUNCTION SPECIFIED"], out
        c.ok("SET EMSG ON")
        # SMSG: the short ready message.
        c.send("SET RDYMSG SMSG")
        c.expect(r"(?m)^R;$")
        c.logoff()
    finally:
        s.stop()


def t_ipl_190_and_first_start(_):
    """vm370's first start installs CMS on MAINT's 190 (the nucleus in
    its last cylinder, IPL records that load it) and saves the system
    CMS; IPL 190 and IPL CMS start the same CMS. The default directory's
    users IPL CMS at logon."""
    import vmclient
    extra = ["--cms", os.environ["VM370_CMS"]] if os.environ.get("VM370_CMS") else []
    s = vmclient.System(os.path.join(BIN, "vm370"), None, extra=extra)
    cmsclient._made.append(s)
    try:
        pws = dict(l.split() for l in open(os.path.join(s.data, "initial-passwords.txt")) if l.strip())
        c = cmsclient.Cms(s, "USER1", pws["USER1"])
        out = c.ok("QUERY RDYMSG")
        assert out == ["RDYMSG = LMSG"], out
        c.send("#CP IPL 190")
        c.expect(r"CMS VERSION 6\.0 \d\d/\d\d/\d\d \d\d:\d\d", 30)
        out = c.ok("QUERY IMPEX")
        assert out == ["IMPEX = ON"], out
        c.send("#CP IPL CMS")
        c.expect(r"CMS VERSION 6\.0", 30)
        c.ok("QUERY IMPCP")
        c.logoff()
    finally:
        assert s.stop() == 0


if __name__ == "__main__":
    sys.exit(cmsclient.run([t_command_level, t_ipl_190_and_first_start], None))
