# f_addsub.s -- AE, AD, SE, SD, AER, ADR, SER, SDR (normalized: guard
# digit, normalization, true zero), AU, AW, SU, SW, AUR, AWR, SUR, SWR
# (unnormalized: no normalization), CE, CD, CER, CDR.
        .include "lowcore.inc"
        .include "diff.inc"
start:  la    12,0x900
        le    0,ONE
        ae    0,TWOH                    # 3.5
        ste   0,0x800
        CCSAVE 7,0(12)
        ld    2,THIRD
        ad    2,THIRD
        std   2,0x808
        sd    2,THIRD
        sd    2,THIRD                   # true zero, CC0
        CCSAVE 7,1(12)
        std   2,0x810
        le    4,ONE
        se    4,ALMOST                  # guard digit: 1 - 0.FFFFFF
        ste   4,0x818
        ld    4,ONED
        sd    4,ALMOSTD
        std   4,0x820
        le    0,ONE
        au    0,SMALL                   # unnormalized
        ste   0,0x828
        ld    0,ONED
        aw    0,SMALLD
        std   0,0x830
        ld    0,ONED
        sw    0,ONED                    # zero fraction, keeps exponent? CC0
        CCSAVE 7,2(12)
        std   0,0x838
        le    0,ONE
        su    0,TWOH                    # negative, unnormalized
        CCSAVE 7,3(12)
        ste   0,0x840
        ld    0,THIRD
        ld    2,ONED
        adr   0,2
        std   0,0x848
        sdr   0,2
        std   0,0x850
        ler   4,0
        aer   4,4
        ste   4,0x858
        ser   4,4
        ste   4,0x85C
        awr   2,2
        std   2,0x860
        swr   2,2
        std   2,0x868
        aur   6,6
        sur   6,6
        std   6,0x870
        le    0,ONE
        ce    0,TWOH                    # CC1
        CCSAVE 7,4(12)
        cd    2,ZEROD                   # 0 vs 0 CC0
        CCSAVE 7,5(12)
        ld    0,UNN
        cd    0,ONED                    # unnormalized 1.0 = 1.0: CC0
        CCSAVE 7,6(12)
        cer   0,2                       # CC2
        CCSAVE 7,7(12)
        cdr   2,0                       # CC1
        CCSAVE 7,8(12)
        EXIT
        .balign 8
ONE:    .long 0x41100000
TWOH:   .long 0x41280000
ALMOST: .long 0x40FFFFFF
SMALL:  .long 0x3F100000
        .balign 8
THIRD:  .long 0x40555555,0x55555555
ONED:   .long 0x41100000,0
ALMOSTD: .long 0x40FFFFFF,0xFFFFFFFF
SMALLD: .long 0x3E100000,0
ZEROD:  .long 0,0
UNN:    .long 0x42010000,0
