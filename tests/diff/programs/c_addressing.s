# c_addressing.s -- addressing exceptions (storage is 2M): L, ST, MVC with
# one operand or part of it beyond X'1FFFFF' (suppressed or terminated:
# the storage is compared), LM crossing the end of storage, a branch to an
# address beyond storage (the exception is recognized on instruction
# fetch: R14 resumes), SSK/ISK beyond storage.
#@ dump 1FFFF0.10
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        l     10,AEND                   # X'1FFFF8'
        l     11,AFAR                   # X'300000'
        l     1,0(11)                   # 0005
        st    1,0(11)                   # 0005
        mvc   0(16,10),INIT             # crosses the end: 0005, nothing stored?
        mvc   0x800(16),0(10)           # source crosses: 0005
        lm    1,4,0(10)                 # crosses: 0005
        mvc   0(8,10),INIT              # the last 8 bytes: fine
        la    14,1f
        bcr   15,11                     # instruction fetch beyond storage
1:      lr    1,15                      # ILC and address of an instruction-fetch
        sh    1,H32                     # exception are unpredictable (1, 2 or 3
        xc    4(4,1),4(1)               # halfwords past the address): cleared
        l     2,MAXA
        l     3,0(2)                    # X'FFFFFC': 0005
        EXIT
        .balign 4
H32:    .short 32
        .balign 4
AEND:   .long 0x1FFFF8
AFAR:   .long 0x300000
MAXA:   .long 0xFFFFFC
INIT:   .long 0x01020304,0x05060708,0x090A0B0C,0x0D0E0F10
