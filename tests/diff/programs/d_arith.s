# d_arith.s -- AP, SP, ZAP, CP: results and condition codes, sign codes
# (A, C, E, F plus; B, D minus; results get C or D), different lengths,
# negative zero result (becomes plus zero), overlapping operands (same
# rightmost byte), decimal overflow with the mask off (CC 3).
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        la    12,0x900
        zap   0x800(4,0),P1(4,0)               # +1234567
        CCSAVE 7,0(12)
        ap    0x800(4,0),P2(2,0)               # -999 -> +1233568
        CCSAVE 7,1(12)
        zap   0x804(3,0),P2(2,0)
        sp    0x804(3,0),P1X(4,0)              # -999 - (+1234567 in F sign)
        CCSAVE 7,2(12)
        zap   0x808(2,0),P3(2,0)               # +25 (sign A)
        sp    0x808(2,0),P3(2,0)               # 0 -> CC0
        CCSAVE 7,3(12)
        zap   0x80C(3,0),P2(2,0)
        ap    0x80C(3,0),P999(2,0)             # -999 + 999 = +0
        CCSAVE 7,4(12)
        zap   0x810(2,0),P999(2,0)             # 999
        ap    0x810(2,0),P999(2,0)             # 1998 -> overflow in 3 digits: 998, CC3
        CCSAVE 7,5(12)
        zap   0x814(8,0),P1(4,0)
        ap    0x814(8,0),0x814(8,0)         # doubled in place
        CCSAVE 7,6(12)
        cp    P1(4,0),P2(2,0)                     # + > - : CC2
        CCSAVE 7,7(12)
        cp    P2(2,0),P1(4,0)                     # CC1
        CCSAVE 7,8(12)
        cp    PZ(2,0),PNZ(2,0)                    # +0 = -0 : CC0
        CCSAVE 7,9(12)
        cp    P3(2,0),P3B(4,0)              # 25 vs 0000025 (sign C vs A): CC0
        CCSAVE 7,10(12)
        zap   0x820(5,0),PNZ(2,0)              # -0 -> +0? CC0
        CCSAVE 7,11(12)
        zap   0x828(3,0),P1(4,0)               # overflow: 7 digits into 5, CC3
        CCSAVE 7,12(12)
        zap   0x830(4,0),P1(4,0)
        zap   0x830(4,0),0x832(2,0)         # overlap, rightmost bytes differ
        zap   0x838(1,0),PE(1,0)               # sign E -> C
        zap   0x839(1,0),PB(1,0)               # sign B -> D
        sp    0x83A(2,0),0x83A(2,0)         # zero minus itself: +0
        CCSAVE 7,13(12)
        EXIT
P1:     .byte 0x12,0x34,0x56,0x7C
P1X:    .byte 0x12,0x34,0x56,0x7F
P2:     .byte 0x99,0x9D
P3:     .byte 0x02,0x5A
P3B:    .byte 0x00,0x00,0x02,0x5C
P999:   .byte 0x99,0x9C
PZ:     .byte 0x00,0x0C
PNZ:    .byte 0x00,0x0D
PE:     .byte 0x7E
PB:     .byte 0x3B
