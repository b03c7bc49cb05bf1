# g_tr_trt.s -- TRANSLATE (including overlap of operand and table) and
# TRANSLATE AND TEST: CC 0 (all zero), 1 (stopped early), 2 (stopped at the
# last byte); R1 gets the address (bits 8-31), R2 bits 24-31 the function
# byte, bits 0-7 of R1 and 0-23 of R2 unchanged.
        .include "lowcore.inc"
        .include "diff.inc"
start:  la    12,0x900
        mvc   0x800(16),TEXT
        tr    0x800(16),TAB             # each byte XOR-ish via the table
        mvc   0x810(16),TEXT
        tr    0x810(4),0x810            # the operand is its own table
        l     1,ONES
        l     2,ONES
        trt   TEXT(16),ZEROS            # all zero: CC0, R1, R2 unchanged
        CCSAVE 7,0(12)
        stm   1,2,0x820
        trt   TEXT(16),STOPC3           # stops at C3 (byte 2): CC1
        CCSAVE 7,1(12)
        stm   1,2,0x828
        l     1,ONES
        l     2,ONES
        trt   TEXT(3),STOPC3            # stops at the last byte: CC2
        CCSAVE 7,2(12)
        stm   1,2,0x830
        EXIT
        .balign 4
ONES:   .long 0xFFFFFFFF
TEXT:   .byte 0xC1,0xC2,0xC3,0xC4,0x40,0xF1,0xF2,0x4B,0x00,0xFF,0x81,0x82,0xC3,0x01,0x02,0x03
TAB:    .set i,0
        .rept 256
        .byte (i*7+3)&0xFF
        .set i,i+1
        .endr
ZEROS:  .fill 256,1,0
STOPC3: .fill 0xC3,1,0
        .byte 0x99
        .fill 0x3C,1,0
