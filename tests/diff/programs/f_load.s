# f_load.s -- floating-point loads and stores: LE/LD/LER/LDR/STE/STD, LTER,
# LTDR, LCER, LCDR, LPER, LPDR, LNER, LNDR (CC, sign of zero), LE leaving
# the right half of the register unchanged.
        .include "lowcore.inc"
        .include "diff.inc"
start:  la    12,0x900
        ld    0,DPOS
        le    0,SNEG                    # right half of FPR0 unchanged
        std   0,0x800
        ldr   2,0
        ler   4,0
        std   2,0x808
        ltdr  6,0                       # CC1 (negative)
        CCSAVE 7,0(12)
        std   6,0x810
        lter  6,6
        CCSAVE 7,1(12)
        lcdr  2,0                       # CC2
        CCSAVE 7,2(12)
        std   2,0x818
        lcer  2,2
        CCSAVE 7,3(12)
        std   2,0x820
        lpdr  4,0
        CCSAVE 7,4(12)
        std   4,0x828
        lper  4,0
        std   4,0x830
        lndr  6,4                       # CC1
        CCSAVE 7,5(12)
        std   6,0x838
        lner  6,6
        std   6,0x840
        ld    0,DZERO
        ltdr  2,0                       # CC0
        CCSAVE 7,6(12)
        lcdr  2,0                       # -0, CC0
        CCSAVE 7,7(12)
        std   2,0x848
        ld    0,DNZ                     # 80000000 00000000
        lpdr  4,0
        CCSAVE 7,8(12)
        std   4,0x850
        ld    0,DUNN                    # unnormalized, nonzero fraction
        ltdr  2,0
        CCSAVE 7,9(12)
        std   2,0x858
        ld    0,DZF                     # zero fraction, nonzero exponent
        ltdr  2,0                       # CC0
        CCSAVE 7,10(12)
        lcdr  4,0                       # sign inverted, CC0
        CCSAVE 7,11(12)
        std   2,0x860
        std   4,0x868
        ste   0,0x871                   # unaligned store
        EXIT
        .balign 8
DPOS:   .long 0x41123456,0x789ABCDE
SNEG:   .long 0xC2100000
DZERO:  .long 0,0
DNZ:    .long 0x80000000,0
DUNN:   .long 0x43000123,0x45678900
DZF:    .long 0x45000000,0x00000000
