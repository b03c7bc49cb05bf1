# Packed decimal: ZAP, AP, MP, CVD, ED, BCT -- six instructions an iteration.
        .include "lowcore.inc"
start:  l     3,PARM0
loop:   zap   ACC(8),ONE(2)
        ap    ACC(8),INC(3)
        mp    ACC(8),MUL(2)
        cvd   3,DW
        mvc   OUT(14),PAT
        ed    OUT(14),ACC+1
        bct   3,loop
        EXIT
        .balign 8
DW:     .quad 0
ACC:    .byte 0,0,0,0,0,0,0,0
ONE:    .byte 0x00,0x1C
INC:    .byte 0x12,0x34,0x5C
MUL:    .byte 0x12,0x3C
PAT:    .byte 0x40,0x20,0x20,0x6B,0x20,0x20,0x20,0x6B,0x20,0x20,0x21,0x20,0x20,0x20
OUT:    .fill 14,1,0
