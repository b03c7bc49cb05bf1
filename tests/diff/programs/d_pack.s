# d_pack.s -- PACK, UNPK (zones F, sign nibbles swapped), MVO, lengths
# shorter and longer than needed, overlapping PACK in place.
        .include "lowcore.inc"
        .include "diff.inc"
start:  pack  0x800(4,0),Z1(5,0)            # F1F2F3F4C5 -> 0012345C
        pack  0x804(2,0),Z1(5,0)            # truncated: 345C
        pack  0x806(6,0),Z1(2,0)            # padded with zeros
        mvc   0x810(8),Z2
        pack  0x810(8,0),0x810(8,0)         # in place
        unpk  0x820(8,0),P1(4,0)               # -> F0F1F2F3F4F5F6C7
        unpk  0x828(3,0),P1(4,0)               # truncated
        unpk  0x830(1,0),P1+3(1,0)             # one byte: 7C -> C7
        mvc   0x838(4),FILL
        mvo   0x838(4,0),P2(2,0)            # 0000999 with low digit of 0x83B kept
        mvc   0x840(4),FILL
        mvo   0x840(2,0),P1(4,0)            # truncated on the left
        mvc   0x848(5),FILL
        mvo   0x848(5,0),P1(1,0)
        pack  0x850(2,0),HEX(4,0)           # any bytes: no validity check
        unpk  0x858(6,0),HEX(3,0)
        EXIT
Z1:     .byte 0xF1,0xF2,0xF3,0xF4,0xC5
Z2:     .byte 0xF9,0xF8,0xF7,0xF6,0xF5,0xF4,0xF3,0xD2
P1:     .byte 0x12,0x34,0x56,0x7C
P2:     .byte 0x99,0x9D
FILL:   .byte 0xAA,0xBB,0xCC,0xDD,0xEE
HEX:    .byte 0xAB,0xCD,0xEF,0x12
