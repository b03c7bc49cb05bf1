# g_icm.s -- ICM with every mask (CC from the inserted bits: 0 all zero or
# mask 0, 1 first bit one, 2 first bit zero and not all zero), STCM with
# masks, CLM (see g_compare.s too).
        .include "lowcore.inc"
        .include "diff.inc"
start:  la    12,0x900
        la    13,0x800
        la    4,0                       # mask counter
        la    5,16
1:      l     1,INIT
        ex    4,ICMX                    # ICM 1,mask,DATA
        balr  7,0
        srl   7,24
        stc   7,0(4,12)
        sll   4,2
        st    1,0(4,13)
        srl   4,2
        la    4,1(4)
        bct   5,1b
        l     1,ZDATA
        icm   1,0,DATA                  # mask 0: nothing, CC0
        CCSAVE 7,0x10(12)
        icm   1,6,ZDATA                 # zeros: CC0
        CCSAVE 7,0x11(12)
        icm   1,8,DATA+1                # 34 -> CC2
        CCSAVE 7,0x12(12)
        icm   1,1,DATA+2                # 9A -> first inserted bit one: CC1
        CCSAVE 7,0x13(12)
        st    1,0x840
        l     2,INIT2
        mvc   0x850(16),FF
        stcm  2,5,0x850                 # bytes 1 and 3
        stcm  2,10,0x854
        stcm  2,15,0x858
        stcm  2,0,0x85C                 # mask 0: nothing stored
        EXIT
ICMX:   icm   1,0,DATA
        .balign 4
INIT:   .long 0x11223344
INIT2:  .long 0xA1B2C3D4
DATA:   .long 0x349A78FF
ZDATA:  .long 0
FF:     .fill 16,1,0xFF
