# x_keys_rc_4k.s -- reference and change bits of two 2K blocks in one 4K
# frame.  S/370 keeps a storage key, with its own reference and change
# bits, for each 2K block (GA22-7000-10, ch. 3, "Storage Key": with 4K
# pages "two keys are associated with a page").  SSK sets X'36' (R and C
# on) for X'2000' and X'10' (R and C off) for X'2800'; RRB of X'2800' must
# then give CC 0, and ISK (EC mode) of X'2000' must still show R (X'36').
# Hercules 3.13 reports CC 3 for X'2800' (the R and C of X'2000') and
# clears R of X'2000': its reference and change recording is per 4K frame.
#@ dump 2000.10
#@ dump 2800.10
#@ expect M000800=00000036 M000804=40 R3=00000036 R7=4000021E
        .include "lowcore.inc"
        .include "diff.inc"
start:  lpsw  EC1
1:      l     1,A2000
        la    2,0x36
        SSK   2,1
        l     1,A2800
        la    2,0x10
        SSK   2,1
        RRB   0(1)                      # CC 0
        CCSAVE 7,0x804
        l     1,A2000
        sr    3,3
        ISK   3,1                       # X'36'
        st    3,0x800
        sr    2,2
        SSK   2,1                       # keys back to 0 for the dump
        l     1,A2800
        SSK   2,1
        EXIT
        .balign 8
EC1:    .long 0x00080000,1b
A2000:  .long 0x2000
A2800:  .long 0x2800
