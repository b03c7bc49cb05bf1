# Long hexadecimal floating point as the independent check measured it:
# LD, AD, MD, STD, DDR, LDR, BCT -- seven instructions an iteration, the
# multiply and divide of long operands among them.
        .include "lowcore.inc"
start:  l     3,PARM0
        ld    4,C
loop:   ld    0,A
        ad    0,B
        md    0,C
        std   0,R
        ddr   0,4
        ldr   6,0
        bct   3,loop
        EXIT
        .balign 8
A:      .quad 0x41123456789ABCDE
B:      .quad 0x4110000000000000
C:      .quad 0x413243F6A8885A30
R:      .quad 0
