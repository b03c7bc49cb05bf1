# c_lra.s -- LOAD REAL ADDRESS with DAT off (it translates anyway, using
# CR0 and CR1): condition codes 0-3, the real address or the entry address
# in R1; translation specification for invalid CR0 page or segment size
# bits (program check, R1 unchanged).
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        lctl  0,1,CRS
        la    13,0x800
        l     2,V1
        lra   1,0x123(2)                # segment 1 page 2: CC0 -> X'6123'+
        CCSAVE 7,0(13)
        st    1,4(13)
        l     2,V2
        lra   1,0(2)                    # segment 2 invalid: CC1
        CCSAVE 7,8(13)
        st    1,12(13)
        l     2,V3
        lra   1,0(2)                    # segment 1 page 3 invalid: CC2
        CCSAVE 7,16(13)
        st    1,20(13)
        l     2,V4
        lra   1,0(2)                    # segment 32: beyond the table: CC3
        CCSAVE 7,24(13)
        st    1,28(13)
        l     1,ONES
        lctl  0,0,BADCR0                # page size bits 11
        la    14,1f
        lra   1,0(2)                    # 0012
1:      lctl  0,0,BADCR0B               # segment size bits 01
        la    14,2f
        lra   1,0(2)                    # 0012
2:      st    1,32(13)
        lctl  0,1,INIT
        EXIT
        .balign 4
CRS:    .long 0x004000E0,0x01003000     # 2K pages, 64K segments, 32 segments
BADCR0: .long 0x00C000E0
BADCR0B: .long 0x004800E0
INIT:   .long 0x000000E0,0
ONES:   .long 0xFFFFFFFF
V1:     .long 0x011000
V2:     .long 0x020000
V3:     .long 0x011800
V4:     .long 0x200000
        .org  0x3000
        .long 0xF0003400,0x00003800,0x00000001
        .fill 29,4,1
        .org  0x3400
        .fill 32,2,0x0004
        .org  0x3800
        .short 0x0100,0x0108,0x0060,0x0004
