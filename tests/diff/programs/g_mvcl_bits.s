# g_mvcl_bits.s -- MVCL and CLCL with nonzero bits 0-7 in the address
# registers R1 and R2.  In System/370 (24-bit addresses) these bits are
# ignored and, when the instruction completes, bits 0-7 of R1 and R2 are
# set to zeros (GA22-7000-10, MOVE LONG and COMPARE LOGICAL LONG: "the
# leftmost eight bits of general registers R1 and R2 are set to zeros").
# R2/R4 after MVCL are stored at X'800', after CLCL at X'810'.
#@ dump 800.20
        .include "lowcore.inc"
        .include "diff.inc"
start:  l     2,HDST                    # FF000900
        la    3,8
        l     4,HSRC                    # AB000000 + SRC
        l     5,LEN8
        mvcl  2,4
        st    2,0x800
        st    4,0x804
        l     2,HA                      # 77000000 + SRC
        la    3,8
        l     4,HB                      # 88000000 + SRC
        la    5,8
        clcl  2,4
        st    2,0x810
        st    4,0x814
        EXIT
        .balign 4
HDST:   .long 0xFF000900
HSRC:   .long 0xAB000000+SRC
LEN8:   .long 8
HA:     .long 0x77000000+SRC
HB:     .long 0x88000000+SRC
SRC:    .byte 1,2,3,4,5,6,7,8
