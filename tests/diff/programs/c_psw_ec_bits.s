# c_psw_ec_bits.s -- LPSW of an EC PSW with a one in bit 17, in bits
# 24-31 or in bits 32-39.  GA22-7000-10, LOAD PSW: a specification
# exception is recognized when "a one is introduced into an unassigned bit
# position of an EC-mode PSW (that is, any of bit positions 0, 2-4, 17, or
# 24-39). In these cases, the operation is completed, and the resulting
# instruction-length code is zero" (early exception recognition).  The old
# PSW is the invalid PSW.  (Bit 16: x_psw_bit16.s.)
        .include "lowcore.inc"
        .include "diff.inc"
start:  mvc   0x68(8,0),PGMNEW
        la    15,0xE00
        la    14,1f
        lpsw  BAD17                     # bit 17
1:      la    14,2f
        lpsw  BAD24                     # bits 24-31
2:      la    14,3f
        lpsw  BAD32                     # bits 32-39
3:      EXIT
PGMH:   mvc   0(8,15),0x28
        mvc   8(24,15),0x88
        xc    0x88(24,0),0x88
        la    15,32(15)
        st    14,RESUME+4
        lpsw  RESUME
        .balign 8
PGMNEW: .long 0x00000000,PGMH
RESUME: .long 0x00000000,0
BAD17:  .long 0x00084000,1b
BAD24:  .long 0x00080001,2b
BAD32:  .long 0x00080000,0x01000000+3b
