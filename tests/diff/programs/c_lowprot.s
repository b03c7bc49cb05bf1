# c_lowprot.s -- low-address protection (CR0 bit 3): stores by instructions
# into real addresses 0-511 are refused (protection X'0004') whatever the
# key; 512 and up are not affected; interruptions still store their old
# PSWs there (GA22-7000-10 ch. 3, "Low-Address Protection").  The program
# handler turns the protection off before it logs.
        .include "lowcore.inc"
        .include "diff.inc"
start:  mvc   0x68(8,0),PGMNEW
        la    15,0xE00
        lctl  0,0,CR0LAP
        mvi   0x1F0,0x11                # 0004
        mvc   0x1F8(16),DATA            # crosses 512: 0004, nothing stored
        mvi   0x900,0x05                # fine: not low
        stm   0,1,0x1FC                 # crosses: 0004
        lctl  0,0,CR0
        mvi   0x100,0x22                # fine again
        EXIT
PGMH:   lctl  0,0,CR0
        mvc   0(8,15),0x28
        la    15,8(15)
        lctl  0,0,CR0LAP
        lpsw  0x28
        .balign 8
PGMNEW: .long 0,PGMH
CR0LAP: .long 0x100000E0
CR0:    .long 0x000000E0
DATA:   .long 0x01020304,0x05060708,0x090A0B0C,0x0D0E0F10
