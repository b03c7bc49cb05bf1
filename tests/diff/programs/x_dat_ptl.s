# x_dat_ptl.s -- page-table length with 2K pages and 64K segments.  The
# STE's PTL = 1 allows page indexes whose leftmost four bits are <= 1, that
# is pages 0-3 (GA22-7000-10, "Segment-Table Entries": "The length of the
# page table, in units 1/16 of the maximum size, is one more than the PTL
# value.  The length field is compared against the leftmost four bits of
# the page-index portion").  Page X'8000' (index 16) is beyond the length:
# LRA gives CC 3 ("page table length violation: cc3", "Handling of Access
# Exceptions").  Hercules 3.13 compares the page index with the PTL field
# left in bits 0-3 (never exceeded when PTL > 0) and looks at the PTE: CC 2.
#@ expect M000800=70
        .include "lowcore.inc"
        .include "diff.inc"
start:  lctl  0,1,CRS
        l     2,A8000
        lra   1,0(2)                    # CC 3 (length)
        CCSAVE 7,0x800
        la    2,0x600
        lra   1,0(2)                    # page 0: CC 0
        CCSAVE 7,0x801
        st    1,0x804
        EXIT
        .balign 4
CRS:    .long 0x004000E0,0x00003000     # 2K pages, 64K segments
A8000:  .long 0x8000
        .org  0x3000
        .long 0x10003400                # PTL 1: pages 0-3
        .org  0x3400
        .short 0x0000,0x0008,0x0010,0x0018
        .fill 28,2,0x0004               # the rest invalid (not in the table)
