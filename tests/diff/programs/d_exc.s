# d_exc.s -- decimal exceptions: data (invalid digit, invalid sign, in
# either operand of AP/SP/CP/ZAP), decimal overflow with the mask on (code
# X'000A', result stored), CVB of an invalid field (data), CVB too large
# (fixed-point divide X'0009'), SRP overflow with the mask on, ED with an
# invalid digit (only the left half of a source byte: the right half may
# be a sign).
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        zap   0x800(4,0),P1(4,0)
        ap    0x800(4,0),BADD(2,0)             # invalid digit: 0007
        ap    0x800(4,0),BADS(2,0)             # invalid sign: 0007
        cp    BADS(2,0),P1(4,0)                   # 0007
        zap   0x804(2,0),BADD(2,0)             # 0007
        mvc   0x808(2),BADS
        zap   0x80C(2,0),P1(4,0)               # overflow CC3, no interruption (mask off)
        la    1,4
        sll   1,24
        spm   1                         # decimal-overflow mask on
        zap   0x810(2,0),P1(4,0)               # 000A, result stored
        mvc   0x818(4),P1
        ap    0x818(2,0),P999(2,0)             # overflow 000A
        zap   0x820(3,0),P1X(3,0)
        srp   0x820(3,0),4,0              # 000A
        cvb   2,BADDW                   # 0007
        cvb   3,BIGDW                   # 0009
        st    3,0x828
        mvc   0x830(4),PAT
        ed    0x830(4),BADL             # invalid left digit: 0007
        EXIT
        .balign 8
BADDW:  .byte 0,0,0,0,0,0,0x1A,0x3C
BIGDW:  .byte 0,0,0x09,0x99,0x99,0x99,0x99,0x9C
P1:     .byte 0x12,0x34,0x56,0x7C
P1X:    .byte 0x00,0x12,0x3C
P999:   .byte 0x99,0x9C
BADD:   .byte 0x1A,0x3C
BADS:   .byte 0x12,0x34
PAT:    .byte 0x40,0x20,0x20,0x20
BADL:   .byte 0x1A,0xA3,0x4C
