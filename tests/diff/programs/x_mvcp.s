# x_mvcp.s -- MOVE TO PRIMARY and MOVE TO SECONDARY (X'DA', X'DB') belong to
# the dual-address-space facility (GA22-7000-10 ch. 10), which this machine
# does not have: the opcode table lists them for the assembler, and
# executing them is an operation exception (X'0001'). Hercules 3.13 has the
# facility, and with the secondary-space control (CR0 bit 5) off it takes a
# special-operation exception (X'0013'). Expected: the operation exceptions
# (the logged program old PSWs at X'E00' and X'E20').
#@ expect ME00=00000001C0000210 ME20=00000001C0000216 M000028=00000001C0000216 R15=00000E40
        .include "lowcore.inc"
        .include "diff.inc"
start:  la    15,0xE00
        mvc   0x68(8,0),PGMNEW
        .byte 0xDA,0x10,0x08,0x00,0x09,0x00   # MVCP X'800'(R1),X'900',R0
        .byte 0xDB,0x10,0x08,0x00,0x09,0x00   # MVCS
        EXIT
PGMH:   mvc   0(8,15),0x28
        la    15,32(15)
        lpsw  0x28
        .balign 8
PGMNEW: .long 0,PGMH
