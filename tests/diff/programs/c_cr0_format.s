# c_cr0_format.s -- CR0 bits 8-12 with bit 10 on: X'00A00000' (4K pages)
# and X'00600000' (2K pages) are not valid translation formats (GA22-7000-10,
# "Translation-Specification Exception": only 01000, 01010, 10000, 10010),
# so LRA takes a translation-specification exception (R1 unchanged) instead
# of translating; IPTE too.  Then each of the four valid formats translates.
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        la    13,0x800
        lctl  1,1,CR1
        l     2,V1
        la    4,BADS
        la    5,4
1:      lctl  0,0,0(4)
        l     1,ONES
        la    14,2f
        lra   1,0x123(2)                # 0012
2:      st    1,0(13)
        l     1,PTO
        la    14,3f
        .insn rre,0xb2210000,1,2        # IPTE 1,2: 0012
3:      la    13,4(13)
        la    4,4(4)
        bct   5,1b
        la    4,GOODS
        la    5,4
        la    2,0x923                   # identity in all four formats
4:      lctl  0,0,0(4)
        lra   1,0(2)
        CCSAVE 7,0(13)
        st    1,4(13)
        la    13,8(13)
        la    4,4(4)
        bct   5,4b
        lctl  0,1,INIT
        EXIT
        .balign 4
CR1:    .long 0x01003000
BADS:   .long 0x00A000E0,0x006000E0,0x00E000E0,0x00F800E0
GOODS:  .long 0x004000E0,0x005000E0,0x008000E0,0x009000E0
INIT:   .long 0x000000E0,0
ONES:   .long 0xFFFFFFFF
PTO:    .long 0x00003800
V1:     .long 0x011000
        .org  0x3000
        .long 0xF0003400,0xF0003800,0x00000001
        .fill 29,4,1
        .org  0x3400
        .short 0x0000,0x0008,0x0010,0x0018
        .fill 28,2,0x0004
        .org  0x3800
        .short 0x0100,0x0108,0x0060,0x0004
#@ dump 3800.10
