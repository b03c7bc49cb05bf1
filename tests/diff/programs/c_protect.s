# c_protect.s -- key-controlled protection: stores with a PSW key that
# does not match the block's key (protection X'0004', suppressed: nothing
# stored), key 0 stores anywhere, fetches from a non-fetch-protected block
# with another key are allowed, fetch protection stops them, an MVC whose
# destination ends in a protected block stores nothing, STM crossing into
# a protected block, CS into a protected block (CC and R1 unchanged).
# Blocks: X'2000' key 3, X'2800' key 5 fetch-protected, X'3000' key 2.
#@ dump 2000.20
#@ dump 27F0.20
#@ dump 3000.20
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        l     10,A2000
        l     11,A2800
        l     12,A3000
        la    2,0x30
        SSK   2,10
        la    2,0x58
        SSK   2,11
        la    2,0x20
        SSK   2,12
        mvc   0(4,10),INIT              # key 0 stores anywhere
        mvc   0(4,11),INIT
        mvc   0(4,12),INIT
        lpsw  KEY3                      # supervisor, key 3
1:      mvi   1(10),0x33                # own key: fine
        mvi   1(12),0x33                # key 2 block: 0004
        l     3,0(12)                   # fetch from key 2 (not fetch-protected): fine
        l     4,0(11)                   # fetch-protected key 5: 0004
        l     4,ONES
        mvc   0x7F8(16,10),INIT         # X'27F8'-X'2807' ends in key 5: 0004, nothing stored
        l     5,ONES
        l     6,ONES
        stm   5,6,0x7FC(10)             # crosses: 0004
        l     7,ONES
        cs    7,5,0(12)                 # key 2 block: 0004 (CC, R7 unchanged)
        CCSAVE 8,0x800
        st    7,0x804
        ts    0(12)                     # 0004
        lpsw  KEY5P                     # problem state, key 5
2:      l     9,0(11)                   # own key: fine
        mvi   2(11),0x55
        mvi   2(10),0x55                # 0004
        st    9,0x808                   # key 0 block: 0004
        svc   255
        .balign 8
KEY3:   .long 0x00300000,1b
KEY5P:  .long 0x00510000,2b
A2000:  .long 0x2000
A2800:  .long 0x2800
A3000:  .long 0x3000
ONES:   .long 0xFFFFFFFF
INIT:   .long 0x01020304,0x05060708,0x090A0B0C,0x0D0E0F10
