# c_ssm.s -- SET SYSTEM MASK in the BC mode (all eight bits become the
# channel and external masks) and the EC mode (bits 0, 2-4 must be zero:
# specification), STNSM and STOSM (old mask stored, AND/OR applied) in
# both modes (invalid EC bits: see c_ssm_ilc.s), SSM with the
# SSM-suppression bit (CR0 bit 1): special-
# operation exception X'0013'.  Interruptions stay disabled: nothing is
# pending, and CR0's external subclass masks are cleared first.
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        lctl  0,0,CR0OFF
        la    12,0x800
        ssm   M7E                       # BC: channel masks 0-6, no external
        stnsm 0(12),0x00                # stores 7E, mask -> 00
        stosm 1(12),0x02                # stores 00, mask -> 02
        stnsm 2(12),0xFF                # stores 02
        lpsw  EC1
1:      stosm 3(12),0x00                # EC: stores 00
        ssm   M02                       # I/O mask (nothing pending)
        stnsm 4(12),0xFD                # stores 02, -> 00
        lctl  0,0,CR0SUP                # SSM suppression
        ssm   M00                       # special operation 0013
        EXIT
        .balign 8
EC1:    .long 0x00080000,1b
CR0OFF: .long 0x00000000
CR0SUP: .long 0x40000000
M7E:    .byte 0x7E
M02:    .byte 0x02
M80:    .byte 0x80
M08:    .byte 0x08
M00:    .byte 0x00
