# g_mvcl.s -- MVCL: padding (pad byte from bits 0-7 of R2+1), zero
# lengths, condition codes (first length equal/low/high), the registers
# after the move, non-destructive overlap (destination left of source),
# destructive overlap (CC 3, nothing moved).  Bits 0-7 of the address
# registers: g_mvcl_bits.s.
        .include "lowcore.inc"
        .include "diff.inc"
start:  la    12,0x900
        la    2,0x800                   # 1: equal lengths, CC0
        la    3,16
        la    4,SRC
        la    5,16
        mvcl  2,4
        CCSAVE 7,0(12)
        stm   2,5,0xB00
        la    2,0x810                   # 2: padding with X'5C', CC2
        la    3,24
        la    4,SRC
        l     5,PADLEN                  # 5C000008
        mvcl  2,4
        CCSAVE 7,1(12)
        stm   2,5,0xB10
        la    2,0x830                   # 3: source longer, CC1
        la    3,4
        la    4,SRC
        la    5,16
        mvcl  2,4
        CCSAVE 7,2(12)
        stm   2,5,0xB20
        la    2,0x840                   # 4: both zero: CC0, nothing moved
        sr    3,3
        la    4,SRC
        sr    5,5
        mvcl  2,4
        CCSAVE 7,3(12)
        stm   2,5,0xB30
        la    2,0x850                   # 5: source length zero, pad only
        la    3,12
        la    4,SRC
        l     5,PAD0                    # A5000000
        mvcl  2,4
        CCSAVE 7,4(12)
        stm   2,5,0xB40
        mvc   0x870(16),SRC             # 6: overlap, destination left: fine
        la    2,0x868
        la    3,16
        la    4,0x870
        la    5,16
        mvcl  2,4
        CCSAVE 7,5(12)
        stm   2,5,0xB50
        mvc   0x880(16),SRC             # 7: destructive overlap: CC3, no move
        la    2,0x884
        la    3,16
        la    4,0x880
        la    5,16
        mvcl  2,4
        CCSAVE 7,6(12)
        stm   2,5,0xB60
        la    2,0xC00                   # 9: long move, 1000 bytes of code, 600 pad
        l     3,LONG                    # 1600
        la    4,0x200
        l     5,LONG2                   # 00 + 1000
        mvcl  2,4
        CCSAVE 7,8(12)
        stm   2,5,0xB80
        la    2,0x8A0                   # 10: destructive overlap with zero source length: CC?
        la    3,8
        la    4,0x89F
        l     5,PAD0
        mvcl  2,4
        CCSAVE 7,9(12)
        stm   2,5,0xB90
        EXIT
        .balign 4
PADLEN: .long 0x5C000008
PAD0:   .long 0xA5000000
HIGH:   .long 0xFF000898
HLEN:   .long 0xFF000008
HSRC:   .long 0xAB000000+SRC
HLEN2:  .long 0x00000008
LONG:   .long 1600
LONG2:  .long 1000
SRC:    .byte 0x01,0x23,0x45,0x67,0x89,0xAB,0xCD,0xEF,0xF0,0xE1,0xD2,0xC3,0xB4,0xA5,0x96,0x87
