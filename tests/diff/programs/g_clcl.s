# g_clcl.s -- CLCL: equal, unequal at a byte (registers point at it),
# padding of the shorter operand (equal with the pad, and unequal in the
# padding), zero lengths.  Bits 0-7 of the registers: g_mvcl_bits.s.
        .include "lowcore.inc"
        .include "diff.inc"
start:  la    12,0x900
        la    2,A                       # 1: equal: CC0, lengths 0
        la    3,8
        la    4,B
        la    5,8
        clcl  2,4
        CCSAVE 7,0(12)
        stm   2,5,0x800
        la    2,A                       # 2: differs at byte 5: CC1 (A < C)
        la    3,8
        la    4,C
        la    5,8
        clcl  2,4
        CCSAVE 7,1(12)
        stm   2,5,0x810
        la    2,C                       # 3: reverse: CC2
        la    3,8
        la    4,A
        la    5,8
        clcl  2,4
        CCSAVE 7,2(12)
        stm   2,5,0x820
        la    2,D                       # 4: D = A + 4 blanks, pad blank: CC0
        la    3,12
        la    4,A
        l     5,PAD40                   # 40000008
        clcl  2,4
        CCSAVE 7,3(12)
        stm   2,5,0x830
        la    2,D                       # 5: pad X'00' vs blanks: CC2 at byte 8
        la    3,12
        la    4,A
        la    5,8
        clcl  2,4
        CCSAVE 7,4(12)
        stm   2,5,0x840
        la    2,A                       # 6: first operand shorter, pad FF: CC1
        la    3,4
        la    4,A
        l     5,PADFF                   # FF000008
        clcl  2,4
        CCSAVE 7,5(12)
        stm   2,5,0x850
        sr    3,3                       # 7: both zero: CC0
        sr    5,5
        la    2,A
        la    4,C
        clcl  2,4
        CCSAVE 7,6(12)
        stm   2,5,0x860
        EXIT
        .balign 4
PAD40:  .long 0x40000008
PADFF:  .long 0xFF000008
HA:     .long 0x77000000+A
HB:     .long 0x88000000+C
HL:     .long 0x99000008
A:      .byte 0xC1,0xC2,0xC3,0xC4,0xC5,0xC6,0xC7,0xC8
B:      .byte 0xC1,0xC2,0xC3,0xC4,0xC5,0xC6,0xC7,0xC8
C:      .byte 0xC1,0xC2,0xC3,0xC4,0xC5,0xD6,0xC7,0xC8
D:      .byte 0xC1,0xC2,0xC3,0xC4,0xC5,0xC6,0xC7,0xC8,0x40,0x40,0x40,0x40
