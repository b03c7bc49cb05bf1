# c_tprot.s -- TEST PROTECTION (GA22-7000-10, chapter 10): condition codes
# by the key rules (access key from bits 24-27 of the second-operand
# address), fetch protection, low-address protection (CR0 bit 3, logical
# 0-511), an addressing exception beyond storage; with DAT on, cc 3 for a
# segment invalid, a page invalid, a segment index beyond the table, and
# segment protection (cc 1 even with key 0).  Nothing is referenced: the
# storage keys are dumped at the end.
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        la    13,0x800
        l     1,A4000
        la    2,0x38                    # key 3, fetch protected
        SSK   2,1
        l     1,A4800
        la    2,0x30                    # key 3
        SSK   2,1
        l     3,A4000
        tprot 0(3),0x00
        CCSAVE 7,0(13)
        tprot 0(3),0x30
        CCSAVE 7,4(13)
        tprot 0(3),0x40
        CCSAVE 7,8(13)
        l     3,A4800
        tprot 0(3),0x40
        CCSAVE 7,12(13)
        tprot 0x100(3),0x30
        CCSAVE 7,16(13)
        tprot 0x10,0x00                 # low-address protection off
        CCSAVE 7,20(13)
        lctl  0,0,LAP
        tprot 0x10,0x00
        CCSAVE 7,24(13)
        tprot 0x1FF,0x00
        CCSAVE 7,28(13)
        tprot 0x200,0x00
        CCSAVE 7,32(13)
        lctl  0,0,INIT
        l     3,FAR
        la    14,1f
        tprot 0(3),0                    # 0005
1:      lctl  0,1,CRS
        lpsw  DATON
2:      l     3,V1
        tprot 0(3),0x40
        CCSAVE 7,36(13)
        l     3,V2
        tprot 0(3),0x40
        CCSAVE 7,40(13)
        l     3,V3
        tprot 0(3),0x40
        CCSAVE 7,44(13)
        l     3,V4
        tprot 0(3),0x40
        CCSAVE 7,48(13)
        l     3,V5
        tprot 0(3),0x00
        CCSAVE 7,52(13)
        lpsw  DATOFF
3:      lctl  0,1,INIT2
        l     1,A4000                   # the keys, unreferenced
        ISK   4,1
        st    4,56(13)
        l     1,A4800
        ISK   4,1
        st    4,60(13)
        EXIT
        .balign 8
DATON:  .long 0x04080000,2b
DATOFF: .long 0x00080000,3b
CRS:    .long 0x004000E0,0x01003000
LAP:    .long 0x100000E0
INIT:   .long 0x000000E0
INIT2:  .long 0x000000E0,0
FAR:    .long 0x00F00000
A4000:  .long 0x4000
A4800:  .long 0x4800
V1:     .long 0x011000                  # segment 1 page 2 -> X'6000'
V2:     .long 0x020000                  # segment 2 invalid
V3:     .long 0x011800                  # page invalid
V4:     .long 0x200000                  # beyond the segment table
V5:     .long 0x011000                  # segment 1 is protected: cc 1 with key 0
        .org  0x3000
        .long 0xF0003400,0xF0003804,0x00000001
        .fill 29,4,1
        .org  0x3400
        .short 0x0000,0x0008,0x0010,0x0018,0x0020,0x0028,0x0030,0x0038
        .short 0x0040,0x0048,0x0050,0x0058,0x0060,0x0068,0x0070,0x0078
        .fill 16,2,0x0004
        .org  0x3800
        .short 0x0100,0x0108,0x0060,0x0004
