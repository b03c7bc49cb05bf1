# c_clocks.s -- SET CLOCK COMPARATOR / STORE CLOCK COMPARATOR (exact),
# SET CPU TIMER then STORE CPU TIMER (the timer runs: only "not greater
# than what was set" is compared, as a CC), STORE CLOCK twice (CC 0, the
# second value higher: CLC gives CC 2), misaligned operands of SCKC,
# STCKC, SPT, STPT (specification); a comparator value with bits 56-63
# on (Hercules keeps bits 0-55: STCKC stores them as zeros).  The external
# mask is off: no timer interruption can occur.
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        la    12,0x900
        sckc  CKC
        stckc 0x800
        spt   TIMER
        stpt  0xA00
        clc   0xA00(8),TIMER            # stored <= set: CC 0 or 1
        bh    1f
        mvi   0x808,0x01                # "not greater": 01
1:      stck  0xA10
        CCSAVE 7,0(12)
        stck  0xA18
        clc   0xA18(8),0xA10            # second > first: CC2
        CCSAVE 7,1(12)
        sckc  CKC+4                     # 0006
        stckc 0x804                     # 0006
        spt   CKC+2                     # 0006
        stpt  0x80C                     # 0006
        sckc  CKCFULL
        stckc 0x810                     # bits 56-63 zero
        xc    0xA00(32),0xA00           # the timer values are not compared
        EXIT
        .balign 8
CKC:    .long 0x12345678,0x9ABCD000
TIMER:  .long 0x7FFFFFFF,0xFFFFF000
CKCFULL: .long 0xFEDCBA98,0x765432FF
