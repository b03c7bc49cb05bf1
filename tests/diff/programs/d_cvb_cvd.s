# d_cvb_cvd.s -- CONVERT TO BINARY / TO DECIMAL: positive, negative, zero,
# the largest values (2**31-1, -2**31), minus signs B and D, plus A/C/E/F.
        .include "lowcore.inc"
        .include "diff.inc"
start:  cvb   1,D1
        cvb   2,D2
        cvb   3,D3
        cvb   4,D4
        cvb   5,D5
        cvb   6,D6
        stm   1,6,0x800
        l     7,W1
        cvd   7,0x820
        l     7,W2
        cvd   7,0x828
        l     7,W3
        cvd   7,0x830
        sr    7,7
        cvd   7,0x838
        l     7,W4
        cvd   7,0x841                   # unaligned
        EXIT
        .balign 8
D1:     .byte 0,0,0,0,0,0x01,0x23,0x4C
D2:     .byte 0,0,0,0,0,0x01,0x23,0x4B
D3:     .byte 0,0,0x02,0x14,0x74,0x83,0x64,0x7F   # 2147483647
D4:     .byte 0,0,0x02,0x14,0x74,0x83,0x64,0x8D   # -2147483648
D5:     .byte 0,0,0,0,0,0,0,0x0D
D6:     .byte 0,0,0,0,0,0,0x99,0x9E
W1:     .long 2147483647
W2:     .long -2147483648
W3:     .long -1
W4:     .long 123456
