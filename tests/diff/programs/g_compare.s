# g_compare.s -- C, CR, CH, CL, CLR, CLI, CLC (up to 256 bytes), CLM:
# signed against logical ordering.
        .include "lowcore.inc"
        .include "diff.inc"
start:  la    12,0x900
        l     1,MONE
        la    2,1
        cr    1,2                       # -1 < 1 : CC1
        CCSAVE 3,0(12)
        clr   1,2                       # FFFFFFFF > 1 : CC2
        CCSAVE 3,1(12)
        c     2,MONE                    # CC2
        CCSAVE 3,2(12)
        cl    2,MONE                    # CC1
        CCSAVE 3,3(12)
        c     1,MONE                    # CC0
        CCSAVE 3,4(12)
        ch    1,HM1                     # -1 vs -1 CC0
        CCSAVE 3,5(12)
        ch    2,HMIN                    # 1 vs -32768 CC2
        CCSAVE 3,6(12)
        cli   A1,0xC1                   # equal CC0
        CCSAVE 3,7(12)
        cli   A1,0xFF                   # low CC1
        CCSAVE 3,8(12)
        cli   A1,0x00                   # high CC2
        CCSAVE 3,9(12)
        clc   A1(4),A2                  # C1C2C3C4 vs C1C2C3C5: CC1
        CCSAVE 3,10(12)
        clc   A2(4),A1                  # CC2
        CCSAVE 3,11(12)
        clc   A1(1),A2                  # CC0
        CCSAVE 3,12(12)
        clc   0x400(256),0x400          # 256 bytes, same: CC0
        CCSAVE 3,13(12)
        l     4,A1                      # C1C2C3C4
        clm   4,0,A1                    # mask 0: CC0
        CCSAVE 3,14(12)
        clm   4,10,A1                   # bytes 0,2 (C1,C3) vs C1C2: CC2
        CCSAVE 3,15(12)
        clm   4,5,A1+1                  # bytes 1,3 (C2,C4) vs C2C3: CC2
        CCSAVE 3,16(12)
        clm   4,15,A2                   # CC1
        CCSAVE 3,17(12)
        clm   4,1,A1+3                  # C4 vs C4 CC0
        CCSAVE 3,18(12)
        EXIT
        .balign 4
MONE:   .long -1
A1:     .byte 0xC1,0xC2,0xC3,0xC4
A2:     .byte 0xC1,0xC2,0xC3,0xC5
HM1:    .short -1
HMIN:   .short -32768
