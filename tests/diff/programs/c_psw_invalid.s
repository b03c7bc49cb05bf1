# c_psw_invalid.s -- LPSW of EC PSWs with bits that must be zero (bit 0,
# bits 2-4, bit 16-17, bits 24-39): the PSW is loaded and a specification
# exception is recognized before the next instruction (early exception
# recognition, GA22-7000-10 ch. 6), with ILC 0; the old PSW is the invalid
# PSW.  Also an odd instruction address in a BC PSW (recognized when the
# instruction is fetched).  The handler resumes at R14 with a valid PSW.
        .include "lowcore.inc"
        .include "diff.inc"
start:  mvc   0x68(8,0),PGMNEW
        la    15,0xE00
        la    14,1f
        lpsw  BAD0                      # bit 0
1:      la    14,2f
        lpsw  BAD2                      # bit 2
2:      la    14,6f
        lpsw  ODD                       # BC PSW with an odd address
6:      la    14,7f
        lpsw  ODDEC                     # EC PSW with an odd address
7:      EXIT
PGMH:   mvc   0(8,15),0x28
        mvc   8(24,15),0x88
        xc    0x88(24,0),0x88
        la    15,32(15)
        st    14,RESUME+4
        lpsw  RESUME
        .balign 8
PGMNEW: .long 0x00000000,PGMH
RESUME: .long 0x00000000,0
BAD0:   .long 0x80080000,1b
BAD2:   .long 0x20080000,2b
ODD:    .long 0x00000000,7b+1
ODDEC:  .long 0x00080000,7b+1
