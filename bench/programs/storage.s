# Storage-to-storage: MVC 64 bytes, CLC 64 bytes, TR 32 bytes, MVI, BCT --
# five instructions an iteration.
        .include "lowcore.inc"
start:  l     3,PARM0
        la    6,0x800
loop:   mvc   0x100(64,6),0(6)
        clc   0x100(64,6),0(6)
        tr    0x100(32,6),0x200(6)
        mvi   0x140(6),0x40
        bct   3,loop
        EXIT
