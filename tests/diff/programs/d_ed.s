# d_ed.s -- ED and EDMK: digit selectors, significance starter, field
# separator, message bytes, fill character, sign handling (minus turns off
# significance? no: plus resets), CC (0 zero, 1 negative, 2 positive),
# EDMK's R1 (address of the first significant digit; unchanged when
# significance is forced by the starter).
        .include "lowcore.inc"
        .include "diff.inc"
start:  la    12,0x900
        mvc   0x800(13),PAT1
        ed    0x800(13),P1              # +1234567 -> " 12,345.67 "?
        CCSAVE 7,0(12)
        mvc   0x810(13),PAT1
        ed    0x810(13),PN              # negative: CR kept
        CCSAVE 7,1(12)
        mvc   0x820(13),PAT1
        ed    0x820(13),PZ              # zero
        CCSAVE 7,2(12)
        mvc   0x830(10),PAT2
        l     1,ONES
        edmk  0x830(10),P2              # two fields separated by X'22'
        CCSAVE 7,3(12)
        st    1,0x840
        mvc   0x848(7),PAT3
        l     1,ONES
        edmk  0x848(7),P3               # significance starter forces: R1 unchanged
        CCSAVE 7,4(12)
        st    1,0x850
        mvc   0x858(7),PAT3
        l     1,ONES
        edmk  0x858(7),P4               # first significant digit before starter
        CCSAVE 7,5(12)
        st    1,0x860
        EXIT
        .balign 4
ONES:   .long 0xFFFFFFFF
PAT1:   .byte 0x40,0x20,0x20,0x6B,0x20,0x20,0x20,0x4B,0x20,0x20,0x40,0xC3,0xD9
PAT2:   .byte 0x5C,0x20,0x21,0x20,0x22,0x20,0x20,0x21,0x20,0x60
PAT3:   .byte 0xF0,0x20,0x20,0x21,0x20,0x20,0x20
P1:     .byte 0x00,0x12,0x34,0x56,0x7C
PN:     .byte 0x00,0x12,0x34,0x56,0x7D
PZ:     .byte 0x00,0x00,0x00,0x00,0x0C
P2:     .byte 0x01,0x2D,0x00,0x0F
P3:     .byte 0x00,0x00,0x1C
P4:     .byte 0x01,0x23,0x4D
