# t_hostile.s -- a hostile guest: in a loop, from a pseudo-random sequence,
# control registers 0 and 1 loaded with anything (invalid DAT formats,
# segment tables anywhere, of any length), PTLB and IPTE storms, DAT turned
# on to load from a random address through those tables, LRA of random
# addresses, SSK and ISK of random blocks, SPX to random prefixes, stores
# beyond the machine's storage. Every exception is counted by its code and
# the loop goes on. Under CP, and under guest CPs (s370run --levels), it
# must end exactly as bare: no level may crash, stall or let the guest
# change what is not its own (docs/VM-UNDER-VM.md, "A hostile guest").
#@ psw 0008000000000200
#@ dump 900.200
        .include "lowcore.inc"
start:  mvc   0x68(8,0),PGMNEW
        mvc   0x60(8,0),PGMNEW
        l     7,SEED
        sr    9,9                       # checksum of what was loaded
        l     11,COUNT
loop:   m     6,MULT                    # R7 = R7 * 69069 + 1
        a     7,K_F_1
        st    7,WORK
        # CR1: a random segment-table designation; CR0: a random DAT
        # format (bits 8-12) with the usual external masks
        l     2,WORK
        n     2,K_X_FF1FFFC0            # tables in the first 2M
        st    2,CR1V
        l     2,WORK
        srl   2,27
        n     2,K_X_0000001C
        l     2,FMTS(2)                 # mostly valid formats
        o     2,K_X_000000E0
        st    2,CR0V
        lctl  0,1,CR0V
        la    14,1f
        tm    WORK+3,1
        bz    1f
        .insn s,0xb20d0000,0            # PTLB on odd values
1:      la    14,2f                     # DAT on, a load from anywhere, DAT off
        l     8,WORK
        srl   8,3
        n     8,K_X_00FFFFFC
        stosm MASK,0x04
        l     3,0(8)
        stnsm MASK,0xFB
        alr   9,3
2:      la    14,3f                     # LRA of a random address
        l     8,WORK
        .insn rx,0xb1000000,3,0(8)
        alr   9,3
3:      la    14,4f                     # IPTE in a scratch table
        l     4,WORK
        n     4,K_X_000000F8
        o     4,K_X_00100000
        l     5,WORK
        .insn rre,0xb2210000,4,5
4:      la    14,5f                     # SSK, ISK of random blocks
        l     8,WORK
        srl   8,8
        n     8,K_X_003FF800            # up to 4M: half beyond storage
        lr    3,7
        n     3,K_X_000000F6
        c     8,K_X_00008000            # never the program's own blocks
        bl    5f
        .insn rr,0x0800,3,8
        .insn rr,0x0900,3,8
        alr   9,3
5:      la    14,6f                     # a store beyond storage (2M)
        l     8,WORK
        o     8,K_X_00200000
        n     8,K_X_00FFFFF0
        st    9,0(8)
6:      la    14,7f                     # SPX: to a copy of page 0, or
        tm    WORK+2,0x0F               # beyond storage
        bnz   7f
        l     8,WORK
        n     8,K_X_003FF000
        c     8,K_X_00010000
        bl    7f
        c     8,K_X_00200000
        bnl   61f
        lr    2,8                       # page 0 (the PSA and this
        l     3,K_X_00001000            # program) copied there
        sr    4,4
        lr    5,3
        mvcl  2,4
61:     st    8,PFX
        .insn s,0xb2100000,PFX
        la    14,7f
        .insn s,0xb2100000,ZERO         # and back (the copy is left)
7:      bct   11,loop
        st    9,0x900
        lctl  0,1,CRRESET
        lpsw  DONEPSW
# Program interruptions: count by code (X'904' + 4 * code low byte), DAT
# off, on at R14.
PGMH:   stm   0,1,SAVE01
        lh    1,0x8E
        n     1,K_X_0000007F
        sll   1,2
        l     0,0x904(1)
        a     0,K_F_1
        st    0,0x904(1)
        stcm  14,7,PGMRES+5
        lm    0,1,SAVE01
        lpsw  PGMRES
        .balign 8
PGMNEW: .long 0x00080000,PGMH
PGMRES: .long 0x00080000,0
CRRESET: .long 0x000000E0,0
FMTS:   .long 0x00400000,0x00500000,0x00800000,0x00900000
        .long 0x00A00000,0x00900000,0x00800000,0x00600000
CR0V:   .long 0
CR1V:   .long 0
SEED:   .long 0x12345678
MULT:   .long 69069
COUNT:  .long 3000
WORK:   .long 0
PFX:    .long 0
ZERO:   .long 0
SAVE01: .long 0,0
MASK:   .byte 0
K_F_1: .long 1
K_X_0000007F: .long 0x0000007F
K_X_000000E0: .long 0x000000E0
K_X_000000F6: .long 0x000000F6
K_X_000000F8: .long 0x000000F8
K_X_00008000: .long 0x00008000
K_X_00010000: .long 0x00010000
K_X_00100000: .long 0x00100000
K_X_00200000: .long 0x00200000
K_X_003FF000: .long 0x003FF000
K_X_003FF800: .long 0x003FF800
K_X_00FFFFF0: .long 0x00FFFFF0
K_X_00FFFFFC: .long 0x00FFFFFC
K_X_00001000: .long 0x00001000
K_X_FF1FFFC0: .long 0xFF1FFFC0
K_X_0000001C: .long 0x0000001C
