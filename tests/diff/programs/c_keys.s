# c_keys.s -- SET STORAGE KEY, INSERT STORAGE KEY (BC mode: bits 0-4 of
# the key only, R and C reported as zero; EC mode: all seven bits),
# RESET REFERENCE BIT (CC from R and C before; R reset), reference and
# change recording by fetches and stores, R2 bits 28-31 not zero
# (specification), a block beyond storage (addressing).  The two blocks
# used are in different 4K frames (see x_keys_rc_4k.s for two 2K blocks of
# one 4K frame).
        .include "lowcore.inc"
        .include "diff.inc"
#@ dump 2000.20
#@ dump 3000.20
start:  TRAPS
        la    12,0x900
        l     1,A2000
        la    2,0x36                    # key 3, fetch protection, R, C
        SSK   2,1
        la    3,0
        ISK   3,1                       # BC: 30 + F? (bits 0-4): X'38'? -> R and C not shown
        st    3,0x800
        la    2,0x10                    # key 1, no R/C
        l     1,A2800
        SSK   2,1
        RRB   0(1)                      # CC0: neither
        CCSAVE 7,0(12)
        l     4,0(1)                    # fetch sets R (key 0 program: allowed)
        RRB   0(1)                      # CC2: R
        CCSAVE 7,1(12)
        st    4,4(1)                    # store sets R and C
        RRB   0(1)                      # CC3
        CCSAVE 7,2(12)
        RRB   0(1)                      # CC1: C only
        CCSAVE 7,3(12)
        lpsw  EC1
1:      l     1,A2000
        ISK   3,1                       # EC: all seven bits
        st    3,0x804
        l     1,A2800
        ISK   3,1
        st    3,0x808
        l     1,A2000
        la    1,3(1)
        SSK   2,1                       # bits 28-31 nonzero: 0006
        ISK   3,1                       # 0006
        l     1,FAR
        SSK   2,1                       # beyond storage: 0005
        ISK   3,1                       # 0005
        RRB   0(1)                      # 0005
        l     1,A2000                   # key 0 back for the dump
        SSK   0,1
        l     1,A2800
        SSK   0,1
        EXIT
        .balign 8
EC1:    .long 0x00080000,1b
A2000:  .long 0x2000
A2800:  .long 0x3000
FAR:    .long 0x300000
