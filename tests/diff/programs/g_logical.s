# g_logical.s -- N/NR/NC/NI, O/OR/OC/OI, X/XR/XC/XI, TM (CC 0, 1, 3),
# XC of a field with itself, overlapping NC/OC/XC (byte at a time).
        .include "lowcore.inc"
        .include "diff.inc"
start:  la    12,0x900
        l     1,F0F0
        l     2,FF00
        lr    3,1
        nr    3,2                       # F0F00000 CC1
        CCSAVE 4,0(12)
        lr    5,1
        n     5,ZERO                    # 0 CC0
        CCSAVE 4,1(12)
        lr    6,1
        or    6,2                       # FFFFF0F0
        lr    7,1
        o     7,ZERO
        CCSAVE 4,2(12)
        lr    8,1
        xr    8,8                       # 0 CC0
        CCSAVE 4,3(12)
        lr    9,1
        x     9,FF00                    # 0F0FF0F0 CC1
        CCSAVE 4,4(12)
        stm   3,9,0x800
        mvc   0x820(8),PAT
        nc    0x820(4),PAT+4            # AND
        CCSAVE 4,5(12)
        oc    0x824(4),PAT              # OR
        CCSAVE 4,6(12)
        mvc   0x828(8),PAT
        xc    0x828(8),0x828            # clear: CC0
        CCSAVE 4,7(12)
        mvc   0x830(8),PAT
        xc    0x831(6),0x830            # overlapping: byte by byte
        mvc   0x838(8),PAT
        oc    0x839(6),0x838
        mvc   0x840(8),PAT
        nc    0x841(6),0x840
        mvi   0x848,0x5A
        ni    0x848,0x0F                # 0A CC1
        CCSAVE 4,8(12)
        oi    0x848,0xF0                # FA
        xi    0x848,0xFA                # 00 CC0
        CCSAVE 4,9(12)
        mvi   0x849,0xA5
        tm    0x849,0x00                # mask 0: CC0
        CCSAVE 4,10(12)
        tm    0x849,0x5A                # all zero: CC0
        CCSAVE 4,11(12)
        tm    0x849,0xA5                # all one: CC3
        CCSAVE 4,12(12)
        tm    0x849,0x81                # mixed... 10000001 & 10100101: both one -> CC3
        CCSAVE 4,13(12)
        tm    0x849,0x82                # mixed: CC1
        CCSAVE 4,14(12)
        EXIT
        .balign 4
F0F0:   .long 0xF0F0F0F0
FF00:   .long 0xFFFF0000
ZERO:   .long 0
PAT:    .byte 0x12,0x34,0x56,0x78,0x9A,0xBC,0xDE,0xF0
