# c_per_branch_store.s -- PER successful-branch and storage-alteration events in
# the EC mode (GA22-7000-10 ch. 4, "Program-Event Recording"): the handler
# logs the old PSW, the ILC and code word at X'8C', the PER code at X'96' and
# the PER address at X'98', and resumes. A store outside CR10..CR11 is no event.
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
CRS:    .long 0xA0000000,0x800,0x80f
