# Branch and fixed-point loop: LR, AR, ST, L, BCT -- five instructions an
# iteration. PARM0 (X'1E0') is the iteration count.
        .include "lowcore.inc"
start:  l     3,PARM0
        la    4,1
        la    5,0
loop:   lr    6,4
        ar    5,6
        st    5,0x800
        l     7,0x800
        bct   3,loop
        EXIT
