# Long hexadecimal floating point: LD, AD, MD, DD, STD, BCT -- six
# instructions an iteration.
        .include "lowcore.inc"
start:  l     3,PARM0
loop:   ld    0,A
        ad    0,B
        md    0,C
        dd    0,C
        std   0,R
        bct   3,loop
        EXIT
        .balign 8
A:      .quad 0x41123456789ABCDE
B:      .quad 0x4110000000000000
C:      .quad 0x413243F6A8885A30
R:      .quad 0
