# g_cs_cds.s -- COMPARE AND SWAP and COMPARE DOUBLE AND SWAP: equal (stored,
# CC0), unequal (R1 loaded, CC1); specification exceptions for a
# misaligned operand and, for CDS, an odd R1 or R3.
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        la    12,0x900
        mvc   0x800(16),INIT
        l     1,INIT                    # equal
        l     2,NEW
        cs    1,2,0x800
        CCSAVE 7,0(12)
        st    1,0x810
        l     1,NEW2                    # unequal: R1 := storage
        cs    1,2,0x804
        CCSAVE 7,1(12)
        st    1,0x814
        lm    2,3,INIT+8                # CDS equal
        lm    4,5,DNEW
        cds   2,4,0x808
        CCSAVE 7,2(12)
        stm   2,5,0x818
        lm    2,3,DNEW                  # CDS unequal (second word differs)
        l     2,DNEW
        cds   2,4,0x808                 # storage holds DNEW now: equal -> CC0
        CCSAVE 7,3(12)
        lm    2,3,INIT                  # unequal
        cds   2,4,0x808
        CCSAVE 7,4(12)
        stm   2,3,0x828
        cs    1,2,0x802                 # misaligned: 0006
        cds   2,4,0x804                 # misaligned: 0006
        .insn rs,0xBB000000,3,4,0x808(0)  # CDS 3,4: 0006
        .insn rs,0xBB000000,2,5,0x808(0)  # CDS 2,5: 0006
        EXIT
        .balign 8
INIT:   .long 0x11111111,0x22222222,0x33333333,0x44444444
DNEW:   .long 0xAAAAAAAA,0xBBBBBBBB
NEW:    .long 0x55555555
NEW2:   .long 0x66666666
