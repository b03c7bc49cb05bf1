# c_ptlb.s -- PURGE TLB after a page-table entry changed: with DAT on, a
# page is read through one frame, its PTE is changed to another frame, PTLB
# is issued and the page read again (the new frame must be used; without
# PTLB the result would be unpredictable, so it is not tested).  Also
# changing CR1 by LCTL and reading again.
#@ dump 3000.100
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        lctl  0,1,CRS
        lpsw  DATON
1:      l     3,A10000
        l     4,0(3)                    # frame X'5000': 55555555
        l     7,A3800
        mvc   0(2,7),F6                 # PTE -> frame X'6000'
        ptlb
        l     5,0(3)                    # 66666666
        lctl  1,1,CR1B                  # other segment table: seg 1 -> X'7000'
        l     6,0(3)                    # 77777777
        stm   4,6,0x800
        EXIT
        .balign 8
DATON:  .long 0x04080000,1b
CRS:    .long 0x008000E0,0x00003000     # 4K pages, 64K segments
CR1B:   .long 0x00003040
A10000: .long 0x10000
A3800:  .long 0x3800
F6:     .short 0x0060
        .org  0x3000
        .long 0xF0003400,0x00003800
        .fill 14,4,1
        .long 0xF0003400,0x00003900     # second segment table at X'3040'
        .fill 14,4,1
        .org  0x3400
        .set  i,0
        .rept 16
        .short i*16
        .set  i,i+1
        .endr
        .org  0x3800
        .short 0x0050
        .fill 15,2,8
        .org  0x3900
        .short 0x0070
        .fill 15,2,8
        .org  0x5000
        .long 0x55555555
        .org  0x6000
        .long 0x66666666
        .org  0x7000
        .long 0x77777777
