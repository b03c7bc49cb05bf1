# g_ts.s -- TEST AND SET: CC from the leftmost bit, the byte set to X'FF'.
        .include "lowcore.inc"
        .include "diff.inc"
start:  la    12,0x900
        mvi   0x800,0x00
        mvi   0x801,0x7F
        mvi   0x802,0x80
        ts    0x800                     # CC0
        CCSAVE 7,0(12)
        ts    0x800                     # CC1
        CCSAVE 7,1(12)
        ts    0x801                     # CC0
        CCSAVE 7,2(12)
        ts    0x802                     # CC1
        CCSAVE 7,3(12)
        EXIT
