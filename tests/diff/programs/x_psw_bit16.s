# x_psw_bit16.s -- LPSW of an EC PSW with bit 16 (secondary-space mode)
# set.  GA22-7000-10, LOAD PSW: specification exception when "bit position
# 16 of an EC-mode PSW is one, and DAS is not installed".  The emulator has
# no dual-address-space facility, so a specification exception (ILC 0,
# old PSW = the loaded PSW) is right for it; Hercules 3.13 has DAS in
# S/370 mode and loads the PSW.  A facility difference, not an error of
# either: the expected values are the emulator's (no DAS): old PSW
# 00088000 00000212 at X'28' and in the log, code 0006 with ILC 0.
#@ expect M000028=0008800000000212 ME00=0008800000000212 ME0C=00000006 M000244=00000212 R15=00000E20
        .include "lowcore.inc"
        .include "diff.inc"
start:  mvc   0x68(8,0),PGMNEW
        la    15,0xE00
        la    14,1f
        lpsw  BAD16
1:      EXIT
PGMH:   mvc   0(8,15),0x28
        mvc   8(24,15),0x88
        xc    0x88(24,0),0x88
        la    15,32(15)
        st    14,RESUME+4
        lpsw  RESUME
        .balign 8
PGMNEW: .long 0x00000000,PGMH
RESUME: .long 0x00000000,0
BAD16:  .long 0x00088000,1b
