# c_pgm_ec.s -- program interruptions in the EC mode: the old PSW in EC
# format (CC and program mask in bits 18-23, no code or ILC), the code and
# ILC at X'8C'-X'8F' for 2-, 4- and 6-byte instructions, and under EX
# (ILC 2); fixed-point overflow with the EC program mask.
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        lpsw  EC1
1:      .short 0x0000                   # 0001, ILC 1
        l     1,0x801                   # fine (no alignment needed)
        cs    1,2,0x802                 # 0006, ILC 2
        l     3,FAR
        mvc   0x800(4),0(3)             # 0005, ILC 3
        l     4,MAXP
        a     4,ONE                     # 0008 (mask 8 on), ILC 2
        ex    0,XCS                     # 0006 under EX: ILC 2
        svc   5                         # code at X'88'
        EXIT
        .balign 8
EC1:    .long 0x00082800,1b
FAR:    .long 0x300000
MAXP:   .long 0x7FFFFFFF
ONE:    .long 1
XCS:    cs    1,2,0x806
