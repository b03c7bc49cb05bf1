# x_ed_partial.s -- EDIT whose source is in an invalid page (DAT on, 4K
# pages).  A page-translation exception nullifies the unit of operation
# (GA22-7000-10, ch. 6, "Page-Translation Exception"): the pattern must be
# left as it was.  Hercules 3.13 has already replaced the message byte
# X'C3D9' after the fill character by the fill (X'40') when it comes to
# fetch the first source digit and takes the exception.
#@ dump 3000.40
#@ expect M000801=C3D9
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        lctl  0,1,CRS
        mvc   0x800(16),PAT
        lpsw  DATON
1:      la    14,2f
        l     7,A8000
        ed    0x800(16),0(7)            # source in the invalid page X'8000'
2:      lpsw  DONEPSW
        .balign 8
DATON:  .long 0x04080000,1b
CRS:    .long 0x008000E0,0x00003000     # 4K pages, 64K segments
A8000:  .long 0x8000
PAT:    .byte 0x40,0xC3,0xD9,0x20,0x20,0x20,0x21,0x20,0x20,0x6B,0x20,0x20,0x20,0x4B,0x20,0x20
        .org  0x3000
        .long 0xF0003400
        .fill 15,4,1
        .org  0x3400
        .set  i,0
        .rept 16
        .if   i == 8
        .short 0x0008
        .else
        .short i*16
        .endif
        .set  i,i+1
        .endr
