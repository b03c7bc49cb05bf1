# g_shifts.s -- SLL, SRL, SLA, SRA, SLDL, SRDL, SLDA, SRDA: counts from the
# displacement and from a base register (only the low 6 bits count),
# counts of 0, 31, 32, 63; condition codes of the arithmetic shifts.
        .include "lowcore.inc"
        .include "diff.inc"
start:  la    12,0x900
        la    13,0x800
        l     1,PAT
        lr    2,1
        sll   2,4
        lr    3,1
        srl   3,31
        lr    4,1
        sll   4,32                      # all out: 0
        la    10,0x123                  # count from base: low 6 bits = 0x23 = 35
        lr    5,1
        srl   5,0(10)                   # 0
        lr    6,1
        srl   6,0x3C4                   # 0x3C4 & 63 = 4
        stm   2,6,0(13)
        l     2,NEG                     # FFFFFF00
        sra   2,4                       # FFFFFFF0 CC1
        CCSAVE 7,0(12)
        l     3,NEG
        sra   3,63                      # FFFFFFFF CC1
        CCSAVE 7,1(12)
        la    4,1
        sra   4,1                       # 0 CC0
        CCSAVE 7,2(12)
        la    5,1
        sla   5,30                      # 40000000 CC2
        CCSAVE 7,3(12)
        la    6,1
        sla   6,31                      # overflow: 00000000 sign kept CC3
        CCSAVE 7,4(12)
        l     8,NEG
        sla   8,8                       # FFFF0000 CC1, no overflow
        CCSAVE 7,5(12)
        l     9,NEG
        sla   9,0                       # count 0: CC1
        CCSAVE 7,6(12)
        l     11,PAT
        sla   11,2                      # 12345678 -> 48D159E0 ok? bits lost differ from sign -> overflow CC3
        CCSAVE 7,7(12)
        stm   2,11,20(13)
        lm    2,3,DPAT                  # 12345678 9ABCDEF0
        sldl  2,12
        stm   2,3,64(13)
        lm    2,3,DPAT
        srdl  2,36
        stm   2,3,72(13)
        lm    4,5,DNEG                  # FFFFFFFF FFFFFF00
        srda  4,4                       # CC1
        CCSAVE 7,8(12)
        stm   4,5,80(13)
        lm    4,5,DNEG
        srda  4,63                      # all ones CC1
        CCSAVE 7,9(12)
        stm   4,5,88(13)
        lm    4,5,DPAT
        slda  4,3                       # 0x12345678 << 3 : overflow? 0x1.. bit lost 0 -> 91A2B3C4? sign changes -> CC3
        CCSAVE 7,10(12)
        stm   4,5,96(13)
        lm    4,5,DSMALL                # 00000000 00000001
        slda  4,62                      # 40000000 00000000 CC2
        CCSAVE 7,11(12)
        stm   4,5,104(13)
        sr    4,4
        sr    5,5
        slda  4,5                       # zero CC0
        CCSAVE 7,12(12)
        lm    4,5,DSMALL
        srda  4,1                       # 0 CC0
        CCSAVE 7,13(12)
        EXIT
        .balign 8
PAT:    .long 0x12345678
NEG:    .long 0xFFFFFF00
DPAT:   .long 0x12345678,0x9ABCDEF0
DNEG:   .long 0xFFFFFFFF,0xFFFFFF00
DSMALL: .long 0,1
