# b_clm_cc.s -- COMPARE LOGICAL CHARACTERS UNDER MASK whose operand is not
# accessible (beyond storage): the addressing exception suppresses the
# instruction (GA22-7000-10, ch. 6, "Addressing Exception"), so the
# condition code in the old PSW is the one set before (CC 1 by TS here).
# s370run sets CC 0 before it fetches the operand (general.cpp: clm
# assigns c.psw.cc = 0 first).  Hercules keeps CC 1.
#@ dump 800.10
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        mvi   0x900,0xF2
        ts    0x900                     # CC 1
        l     13,FAR
        clm   6,3,0(13)                 # addressing: CC must stay 1
        CCSAVE 7,0x800
        EXIT
        .balign 4
FAR:    .long 0x82252D
