# d_srp.s -- SHIFT AND ROUND DECIMAL: left shifts (overflow CC3), right
# shifts with rounding digits 0, 5, 9, shift count from the low 6 bits of
# the second-operand address (base register), result sign, CC.
        .include "lowcore.inc"
        .include "diff.inc"
start:  la    12,0x900
        zap   0x800(5,0),P1(4,0)
        srp   0x800(5,0),2,0              # *100
        CCSAVE 7,0(12)
        zap   0x808(5,0),P1(4,0)
        srp   0x808(5,0),64-3,5           # /1000 rounded: 1235
        CCSAVE 7,1(12)
        zap   0x810(5,0),PN(4,0)
        srp   0x810(5,0),64-1,5           # -123457
        CCSAVE 7,2(12)
        zap   0x818(4,0),P1(4,0)
        srp   0x818(4,0),3,0              # overflow, CC3
        CCSAVE 7,3(12)
        zap   0x820(5,0),P1(4,0)
        la    3,0x7C2                   # low 6 bits: 2
        srp   0x820(5,0),0(3),0
        zap   0x828(5,0),P1(4,0)
        srp   0x828(5,0),64-7,9           # all shifted out, rounds to 1? CC
        CCSAVE 7,4(12)
        zap   0x830(5,0),PN(4,0)
        srp   0x830(5,0),64-8,0           # all out: -0 -> +0, CC0
        CCSAVE 7,5(12)
        zap   0x838(3,0),PZ(1,0)
        srp   0x838(3,0),5,0              # zero shifted: CC0
        CCSAVE 7,6(12)
        EXIT
P1:     .byte 0x12,0x34,0x56,0x7C
PN:     .byte 0x12,0x34,0x56,0x7D
PZ:     .byte 0x0C
