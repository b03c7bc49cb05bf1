# c_per_ifetch.s -- the PER instruction-fetch event (GA22-7000-10 ch. 4): the
# instructions at X'21A'-X'21E' are in the range CR10..CR11; each takes a PER
# interruption after it completes, logged as in c_per_branch_store.s.
        .include "lowcore.inc"
start:  mvc   0x68(8,0),PGMNEW
        la    15,0x900
        lctl  9,11,CRS
        lpsw  ECPSW
cont:   la    1,5
        b     next
next:   st    1,0x800
        st    1,0x820
        la    2,3
        EXIT
PGMH:   mvc   0(8,15),0x28
        mvc   8(4,15),0x8c
        mvc   12(2,15),0x96
        mvc   16(4,15),0x98
        la    15,20(15)
        lpsw  0x28
        .balign 8
PGMNEW: .long 0x00080000,PGMH
ECPSW:  .long 0x40080000,cont
CRS:    .long 0x40000000,0x21a,0x21e
