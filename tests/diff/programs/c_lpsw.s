# c_lpsw.s -- LOAD PSW into BC and EC PSWs: CC and program mask from the
# new PSW (BC bits 34-39, EC bits 18-23), key, problem bit; LPSW of a
# misaligned operand (specification, nothing loaded); the current PSW
# read back with BALR after each switch; an EC PSW in the problem state.
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        la    12,0x900
        lpsw  BC1                       # BC: CC 3, program mask 5, key 0
1:      CCSAVE 7,0(12)
        lpsw  EC1                       # EC: CC 2, program mask A, key 4
2:      CCSAVE 7,1(12)
        mvi   0x800,0x11                # key 4 store into key-0 storage: protection
        lpsw  BC2                       # back to BC, key 0
3:      CCSAVE 7,2(12)
        lpsw  BC1+4                     # misaligned: 0006
        lpsw  EC2                       # EC problem state, key 0
4:      CCSAVE 7,3(12)
        lpsw  BC1                       # privileged: 0002
        PEXIT
        .balign 8
BC1:    .long 0x00000000,0x35000000+1b
EC1:    .long 0x00482A00,2b
BC2:    .long 0x00000000,0x00000000+3b
EC2:    .long 0x00091000,4b
