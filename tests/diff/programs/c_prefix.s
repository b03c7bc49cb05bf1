# c_prefix.s -- SET PREFIX and STORE PREFIX with prefixing in effect:
# real 0-4095 go to absolute X'4000'-X'4FFF' and real X'4000'-X'4FFF' to
# absolute 0-4095; an interruption stores its old PSW in the prefix area
# and takes its new PSW from there; SPX with the low 12 bits set (ignored);
# SPX beyond storage (addressing, prefix unchanged); SPX misaligned
# (specification).  The prefix is set back to 0 before the end, so the
# dumps (real addresses on Hercules, absolute on s370run) agree.  X'4050'
# is the interval timer while the prefix is X'4000': not dumped.
#@ dump 4000.50
#@ dump 4054.FAC
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        l     2,A4000                   # copy page 0 (PSWs, handlers, this
        l     3,A1000                   # code) to absolute X'4000'
        sr    4,4
        l     5,A1000
        mvcl  2,4
        l     1,A4000
        mvc   0x800(8,1),MARK           # absolute X'4800'
        spx   P4000
        stpx  0x810                     # real X'810' -> absolute X'4810'
        l     2,0x800                   # absolute X'4800': the mark
        st    2,0x814
        l     3,A4000
        l     4,0x1F0(3)                # real X'41F0' -> absolute X'1F0' (DONEPSW)
        st    4,0x818
        mvi   0x81C,0xAB                # -> absolute X'481C'
        svc   5                         # old PSW to absolute X'4020', log via R15
        spx   P4FFF                     # low bits ignored: prefix X'4000'
        stpx  0x820
        spx   PFAR                      # beyond storage: 0005
        spx   P4000+2                   # misaligned: 0006
        stpx  0x824
        spx   P0
        stpx  0x828
        EXIT
        .balign 4
A4000:  .long 0x4000
A1000:  .long 0x1000
P4000:  .long 0x00004000
P4FFF:  .long 0x00004FFF
PFAR:   .long 0x00300000
P0:     .long 0
MARK:   .long 0xCAFEF00D,0x12345678
