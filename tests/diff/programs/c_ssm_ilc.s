# c_ssm_ilc.s -- SSM and STOSM in the EC mode introducing ones into bit
# positions 0 or 2-4 of the PSW.  The new mask is not checked before it is
# loaded; immediately after loading, a specification exception is
# recognized (GA22-7000-10, ch. 6, "Early Exception Recognition": "a one
# is introduced into an unassigned bit position of an EC-mode PSW").  The
# ILC: Hercules 3.13 stores 2 and the emulator does the same (see
# docs/HERCULES-DIFFERENCES.md); the LPSW text gives ILC 0 for the early
# exception, so 0 may be the better reading for SSM too (tests/diff/
# README.md).  Log entries at X'E00': +X'0D' holds the ILC.
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        lctl  0,0,CR0OFF
        la    12,0x800
        lpsw  EC1
1:      ssm   M80                       # bit 0: specification
        stnsm 0(12),0xFF
        ssm   M08                       # bit 4: specification
        stnsm 1(12),0xFF
        stosm 2(12),0x80                # STOSM setting bit 0: specification
        stnsm 3(12),0xFF
        EXIT
        .balign 8
EC1:    .long 0x00080000,1b
CR0OFF: .long 0x00000000
M80:    .byte 0x80
M08:    .byte 0x08
