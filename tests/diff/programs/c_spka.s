# c_spka.s -- SET PSW KEY FROM ADDRESS and INSERT PSW KEY in the supervisor
# state (any key) and the problem state (authorized by the PSW-key mask in
# CR3 bits 0-15 / extraction authority CR0 bit 4), MOVE WITH KEY (source
# key from R3 bits 24-27, length in R1, CC 3 for more than 256 bytes).
#@ dump 2000.20
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        l     10,A2000
        la    2,0x50
        SSK   2,10                      # X'2000': key 5
        mvc   0(16,10),INIT
        la    2,0
        spka  0x70                      # key 7
        ipk                             # R2 bits 24-27 = 7
        st    2,0x800
        spka  0                         # key 0
        la    1,8
        la    3,0x50
        mvck  0x810(1),0(10),3          # source key 5: CC0
        CCSAVE 7,0x808
        l     1,BIG                     # 300 bytes: moves 256, CC3
        mvck  0x820(1),0(10),3
        CCSAVE 7,0x809
        lctl  3,3,CR3                   # problem state may use keys 5 and 8
        lctl  0,0,CR0EX                 # extraction authority
        lpsw  PROB
1:      ipk
        st    2,0x800(0)                # key 8, problem: store to key-0 block fails
        spka  0x50                      # allowed
        ipk
        stc   2,0x6(10)                 # key 5 block: fine now
        spka  0x30                      # not in CR3: 0002
        la    1,4
        la    3,0x80
        mvck  0x8(1,10),0x0(10),3       # source key 8 allowed: 0004 on fetch? key 5 block not fetch protected: fine
        svc   255
        .balign 8
PROB:   .long 0x00810000,1b
A2000:  .long 0x2000
BIG:    .long 300
CR3:    .long 0x04800000
CR0EX:  .long 0x080000E0
INIT:   .long 0x01020304,0x05060708,0x090A0B0C,0x0D0E0F10
