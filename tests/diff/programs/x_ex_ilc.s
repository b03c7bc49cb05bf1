# x_ex_ilc.s -- program interruptions caused by the target of EXECUTE.  The
# ILC is 2, the length of EXECUTE, whatever the target's length
# (GA22-7000-10, ch. 6, "Instruction-Length Code"; the old PSW points past
# the EX).  Hercules 3.13 stores the target's own length: 3 for MVC and
# CP, 1 for MR (and for an unassigned target, see x_ex_opcode_ilc.s); for
# 4-byte targets the two agree.  Log entries at X'E00' + 32n, byte 4.
#@ expect ME24=80 ME44=80 ME64=80 M00002C=80
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        l     3,FAR
        ex    0,XL                      # L: addressing (ILC 2 in both)
        ex    0,XMVC                    # MVC: addressing
        ex    0,XCP                     # CP: addressing
        ex    0,XMR                     # MR 1,2: specification
        EXIT
        .balign 4
FAR:    .long 0x300000
XL:     l     1,0(3)
XMVC:   mvc   0(4,3),0x800
XCP:    cp    0(2,3),0x800(2)
XMR:    .insn rr,0x1C00,1,2
