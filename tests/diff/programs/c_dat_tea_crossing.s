# c_dat_tea_crossing.s -- an MVC whose first operand starts in a valid page
# and ends in an invalid one (2K pages, 64K segments, DAT on).  The
# translation-exception address at X'90' must hold the segment and page
# index of the address that caused the exception, the invalid page X'8000'
# (GA22-7000-10, "Assigned Storage Locations", 144-147; the rightmost 11
# bits are unpredictable, so the test uses a page-aligned fault), not the
# operand's start X'007FF8' in the valid page X'7800'.  Nothing is stored
# (nullified).
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        lctl  0,1,CRS
        lpsw  DATON
1:      la    14,2f
        l     3,A7FF8
        mvc   0(16,3),0x700             # crosses into the invalid page X'8000'
2:      lpsw  DONEPSW
        .balign 8
DATON:  .long 0x04080000,1b
CRS:    .long 0x004000E0,0x00003000     # 2K pages, 64K segments
A7FF8:  .long 0x7FF8
        .org  0x3000
        .long 0xF0003400
        .fill 15,4,1
        .org  0x3400
        .set  i,0
        .rept 32
        .if   i == 16
        .short 0x0004
        .else
        .short i*8
        .endif
        .set  i,i+1
        .endr
