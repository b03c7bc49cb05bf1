# Call and return: BAL to a subroutine that saves and restores registers
# with STM/LM and returns with BR -- six instructions an iteration.
        .include "lowcore.inc"
start:  l     3,PARM0
        la    13,0x800
loop:   bal   14,sub
        bct   3,loop
        EXIT
sub:    stm   2,5,0(13)
        la    2,1(2)
        lm    2,5,0(13)
        br    14
