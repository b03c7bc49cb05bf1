# c_opexc.s -- operation exceptions for unassigned opcodes of each length
# (2, 4, 6 bytes: the ILC follows bits 0-1 of the opcode) and unassigned
# X'B2xx' codes, in the BC and the EC mode.  (B200/B201, CONNECT and
# DISCONNECT CHANNEL SET: see c_concs.s.)
        .include "lowcore.inc"
        .include "diff.inc"
start:  TRAPS
        .short 0x0000                   # 00
        .short 0x0100                   # 01
        .short 0x0B00                   # 0B
        .long  0x51000000               # 51
        .long  0x52000000
        .long  0x61000000
        .long  0x71000000
        .long  0x81000000
        .long  0x84000000
        .long  0xA0000000
        .long  0xB2FE0000               # B2FE
        .long  0xB2FF0000               # B2FF
        .short 0xC000,0,0               # C0
        .short 0xD000,0,0
        .short 0xE000,0,0
        .short 0xFF00,0,0
        lpsw  EC1
1:      .short 0x0000
        .long  0xB2140000
        .short 0xE100,0,0
        EXIT
        .balign 8
EC1:    .long 0x00080000,1b
