# d_mp_dp.s -- MP and DP: results, signs, quotient/remainder layout,
# specification exceptions (L2 > 8, L2 >= L1), data exception when the
# first operand of MP has too few leading zeros, decimal divide exception
# (quotient too large, divisor zero).
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        zap   0x800(6,0),P1(4,0)               # 000001234567C
        mp    0x800(6,0),P2(2,0)               # * -999
        zap   0x808(8,0),P1(4,0)
        mp    0x808(8,0),P3(2,0)               # * 25
        zap   0x810(8,0),P1(4,0)
        dp    0x810(8,0),P4(2,0)               # / 123: q 6 bytes, r 2 bytes
        zap   0x818(8,0),PN(4,0)
        dp    0x818(8,0),P4(2,0)               # negative dividend: r negative
        zap   0x820(4,0),P1(4,0)
        dp    0x820(4,0),P4(2,0)               # quotient too large? 1234567/123 = 10037 (3 bytes q) -> DP 4,2 q=2 bytes: too large -> 000B
        zap   0x828(4,0),P1(4,0)
        dp    0x828(4,0),PZ(1,0)               # divide by zero -> 000B
        zap   0x830(4,0),P1(4,0)
        mp    0x830(4,0),P2(2,0)               # not enough leading zeros -> 0007
        zap   0x838(8,0),P1(4,0)
        mp    0x838(8,0),P9(9,0)            # L2 > 8 -> 0006
        zap   0x848(4,0),P3(2,0)
        mp    0x848(2,0),P3B(2,0)           # L2 = L1 -> 0006
        dp    0x838(8,0),P9(9,0)            # L2 > 8 -> 0006
        dp    0x848(2,0),P3B(2,0)           # L2 = L1 -> 0006
        EXIT
P1:     .byte 0x12,0x34,0x56,0x7C
PN:     .byte 0x12,0x34,0x56,0x7D
P2:     .byte 0x99,0x9D
P3:     .byte 0x02,0x5C
P3B:    .byte 0x02,0x5C
P4:     .byte 0x12,0x3C
PZ:     .byte 0x0C
P9:     .byte 0,0,0,0,0,0,0,0,0x1C
