# The standard linkage's save and restore: STM 14,12,12(13) and
# LM 14,12,12(13), fifteen registers each, wrapping from 15 to 0 --
# three instructions an iteration.
        .include "lowcore.inc"
start:  l     3,PARM0
        la    13,0x800
loop:   stm   14,12,12(13)
        lm    14,12,12(13)
        bct   3,loop
        EXIT
