# c_ipte.s -- INVALIDATE PAGE TABLE ENTRY (GA22-7000-10, chapter 10): the
# page-invalid bit set in the entry R1 (page-table origin) and R2 (page
# index, by CR0's page and segment size) designate, the condition code
# unchanged, the TLB purged (LRA and a load through the page then fail);
# other bits of R1 and R2 ignored; 4K pages with 1M segments; translation
# specification for an invalid CR0 format, addressing for an entry beyond
# storage.
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        lctl  0,1,CRS
        la    13,0x800
        l     2,V1
        lra   1,0x123(2)
        st    1,0(13)
        l     1,PTO
        l     2,V1
        .insn rre,0xb2210000,1,2        # IPTE 1,2
        CCSAVE 7,4(13)
        lra   3,0x123(2)                # cc 2: the entry is now invalid
        CCSAVE 7,8(13)
        st    3,12(13)
        l     1,PTOX                    # other bits in R1 and R2
        l     2,V2X
        .insn rre,0xb2210000,1,2
        lctl  0,0,CR04K                 # 4K pages, 1M segments
        l     1,PTO4
        l     2,V4K
        .insn rre,0xb2210000,1,2
        lctl  0,0,BAD
        la    14,1f
        .insn rre,0xb2210000,1,2        # 0012
1:      lctl  0,0,CRS
        l     1,FAR
        la    14,2f
        .insn rre,0xb2210000,1,2        # 0005
2:      lpsw  DATON                     # DAT on: identity segment 0
3:      l     2,A1000
        l     4,0(2)                    # page 2 of segment 0, into the TLB
        l     1,PTO0
        .insn rre,0xb2210000,1,2        # invalidate it
        la    14,4f
        l     5,0(2)                    # 0011: the TLB kept nothing
4:      lpsw  DATOFF
5:      lctl  0,1,INIT
        EXIT
        .balign 8
DATON:  .long 0x04080000,3b
DATOFF: .long 0x00080000,5b
CRS:    .long 0x004000E0,0x01003000
CR04K:  .long 0x009000E0
BAD:    .long 0x00A000E0
INIT:   .long 0x000000E0,0
PTO:    .long 0x00003800
PTO0:   .long 0x00003400
PTOX:   .long 0xF50038FF
PTO4:   .long 0x00003C00
V1:     .long 0x011000
V2X:    .long 0xFF011800
V4K:    .long 0x000AB123
FAR:    .long 0x00F00000
A1000:  .long 0x1000
        .org  0x3000
        .long 0xF0003400,0xF0003800,0x00000001
        .fill 29,4,1
        .org  0x3400
        .short 0x0000,0x0008,0x0010,0x0018,0x0020,0x0028,0x0030,0x0038
        .short 0x0040,0x0048,0x0050,0x0058,0x0060,0x0068,0x0070,0x0078
        .fill 16,2,0x0004
        .org  0x3800
        .short 0x0100,0x0108,0x0060,0x0004
        .org  0x3C00
#@ dump 3400.40
#@ dump 3800.100
#@ dump 3D50.10
