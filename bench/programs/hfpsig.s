# Long HFP with a program interruption in every iteration: AD of the
# negative of the value gives a zero fraction, a significance exception
# with PSW bit 39 on; the program-check handler returns with LPSW. Then
# MD, STD, DDR, LDR, BCT. What it measures is mostly the interruption and
# its return, the path every privileged instruction of a guest takes
# under CP.
        .include "lowcore.inc"
start:  mvc   0x68(8,0),PNEW
        l     1,SIGMASK
        spm   1                         # program mask: significance
        l     3,PARM0
        ld    2,C
loop:   ld    0,A
        ad    0,NA                      # zero fraction: significance
        md    0,C
        std   0,R
        ddr   2,2
        ldr   6,0
        bct   3,loop
        EXIT
PGM:    lpsw  0x28
        .balign 8
PNEW:   .long 0x00000000,PGM
SIGMASK: .long 0x01000000
A:      .quad 0x41123456789ABCDE
NA:     .quad 0xC1123456789ABCDE
C:      .quad 0x413243F6A8885A30
R:      .quad 0
