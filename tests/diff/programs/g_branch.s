# g_branch.s -- BC and BCR with every mask against every condition code,
# BCR 0 and BCR with R2 = 0 (no branch), BAL/BALR link information in the
# BC mode (ILC, CC, program mask, return address), BAS/BASR (24-bit: the
# return address only), BCT/BCTR (R2 = 0: decrement only), BALR R,0.
        .include "lowcore.inc"
        .include "diff.inc"
start:  la    12,0x800
        la    6,0                       # cc
2:      la    5,0                       # mask
1:      lr    1,6                       # set the CC: SPM from bits 2-3
        sll   1,28
        spm   1
        ex    5,BCM                     # BC mask,TAKEN
        mvi   0(12),0x00
        b     3f
TAKEN:  mvi   0(12),0x01
3:      la    12,1(12)
        la    5,0x10(5)
        c     5,H100
        bl    1b
        la    6,1(6)
        c     6,F4
        bl    2b
        la    12,0x900
        la    1,0x2C                    # CC 2, program mask C
        sll   1,24
        spm   1
        balr  2,0                       # link: 6C...
        bal   3,4f
4:      la    4,5f
        bas   5,6f
6:      basr  7,0
        la    9,8f
        basr  8,9
5:      .short 0x0000                   # not reached
8:      la    10,3
9:      bct   10,9b                     # loop to 0
        la    11,2
        bctr  11,0                      # decrement only: 1
        bctr  11,0                      # 0
        bctr  11,0                      # FFFFFFFF
        la    13,7f
        bcr   0,13                      # no branch
        bcr   15,0                      # no branch (R2 = 0)
        bcr   15,13
        .short 0x0000
7:      stm   2,11,0(12)
        EXIT
BCM:    bc    0,TAKEN
        .balign 4
H100:   .long 0x100
F4:     .long 4
