# d_dasd.s -- a 3350: write records with WRITE CKD after a search of R0,
# read them back by SEARCH ID and SEARCH KEY with a TIC loop, read R0,
# count, CKD and the home address, update a record with WRITE DATA, ERASE
# the rest of a track, then the errors: no record found, a seek beyond
# the disk, a write the file mask inhibits, the end of the cylinder in a
# multitrack read; SENSE after each, SENSE ID. The image file is compared
# too, byte for byte.
# DEVICE: 190 3350 image=new
# DUMP: E00.130
# DUMP: 2A00.400
        .include "lowcore.inc"
        .include "machine.inc"
# (The program and its CCWs end below X'E00', where the log begins.)
        STARTIO 0x190,p1,0xE00
        STARTIO 0x190,p2,0xE10
        STARTIO 0x190,p3,0xE20
        STARTIO 0x190,p4,0xE30
        STARTIO 0x190,sense1,0xE40
        STARTIO 0x190,p5,0xE50
        STARTIO 0x190,p6,0xE60
        STARTIO 0x190,p2,0xE70
        STARTIO 0x190,p7,0xE80
        STARTIO 0x190,p8,0xE90
        STARTIO 0x190,sense2,0xEA0
        STARTIO 0x190,p9,0xEB0
        STARTIO 0x190,p10,0xEC0
        STARTIO 0x190,sense3,0xED0
        STARTIO 0x190,p11,0xEE0
        STARTIO 0x190,p12,0xEF0
        STARTIO 0x190,sense4,0xF00
        STARTIO 0x190,p13,0xF10
        STARTIO 0x190,p3b,0xF20
        EXIT
        .balign 8
# Writes on cylinder 0 head 1: R1 (key KEY1, 80 bytes), R2 (200), R3 (KEY3, 50).
p1:     .long 0x07000000+seek01,0x40000006
p1s:    .long 0x31000000+id_r0,0x40000005
        .long 0x08000000+p1s,0
        .long 0x1D000000+rec1,0x4000005C
        .long 0x1D000000+rec2,0x400000D0
        .long 0x1D000000+rec3,0x0000003E
# Read R2 by its ID.
p2:     .long 0x07000000+seek01,0x40000006
p2s:    .long 0x31000000+id_r2,0x40000005
        .long 0x08000000+p2s,0
        .long 0x06002C00,0x000000C8
# Read R3 by its key.
p3:     .long 0x07000000+seek01,0x40000006
p3s:    .long 0x29000000+key3,0x60000004
        .long 0x08000000+p3s,0
        .long 0x06002B00,0x00000032
# SEARCH ID HIGH OR EQUAL: the first record at or after R2.
p3b:    .long 0x07000000+seek01,0x40000006
p3bs:   .long 0x71000000+id_r2,0x40000005
        .long 0x08000000+p3bs,0
        .long 0x12002B60,0x00000008
# R9 does not exist: no record found.
p4:     .long 0x07000000+seek01,0x40000006
p4s:    .long 0x31000000+id_r9,0x40000005
        .long 0x08000000+p4s,0
        .long 0x06002B40,0x00000010
sense1: .long 0x04002A00,0x20000018
# R0, the next count, R1 complete, the home address.
p5:     .long 0x07000000+seek01,0x40000006
        .long 0x16002A20,0x60000010
        .long 0x12002A30,0x60000008
        .long 0x1E002A40,0x6000005C
        .long 0x1A002AA0,0x20000005
# Update R2's data.
p6:     .long 0x07000000+seek01,0x40000006
p6s:    .long 0x31000000+id_r2,0x40000005
        .long 0x08000000+p6s,0
        .long 0x05000000+newdata,0x000000C8
# Erase the track after R2.
p7:     .long 0x07000000+seek01,0x40000006
p7s:    .long 0x31000000+id_r2,0x40000005
        .long 0x08000000+p7s,0
        .long 0x11000000+rec3,0x0000003E
# R3 is gone.
p8:     .long 0x07000000+seek01,0x40000006
p8s:    .long 0x31000000+id_r3,0x40000005
        .long 0x08000000+p8s,0
        .long 0x06002B40,0x00000010
sense2: .long 0x04002AB0,0x20000018
# Multitrack search from head 0 finds R1 on head 1.
p9:     .long 0x07000000+seek00,0x40000006
p9s:    .long 0xB1000000+id_r1,0x40000005
        .long 0x08000000+p9s,0
        .long 0x06002D00,0x20000100
# A seek beyond the disk.
p10:    .long 0x07000000+seekbad,0x00000006
sense3: .long 0x04002AD0,0x20000018
# The file mask inhibits writes.
p11:    .long 0x1F000000+mask40,0x40000001
        .long 0x07000000+seek01,0x40000006
p11s:   .long 0x31000000+id_r1,0x40000005
        .long 0x08000000+p11s,0
        .long 0x05000000+newdata,0x00000050
# A multitrack read count past the last head of the cylinder.
p12:    .long 0x07000000+seek029,0x40000006
        .long 0x92002AF0,0x00000008
sense4: .long 0x04002B80,0x20000018
p13:    .long 0xE4002BA0,0x20000007
seek00: .byte 0,0,0,0,0,0
seek01: .byte 0,0,0,0,0,1
seek029: .byte 0,0,0,0,0,29
seekbad: .byte 0,0,0x27,0x0F,0,0
id_r0:  .byte 0,0,0,1,0
id_r1:  .byte 0,0,0,1,1
id_r2:  .byte 0,0,0,1,2
id_r3:  .byte 0,0,0,1,3
id_r9:  .byte 0,0,0,1,9
key3:   .ascii "\xD2\xC5\xE8\xF3"
mask40: .byte 0x40
        .balign 4
rec1:   .byte 0,0,0,1,1,4,0,80
        .ascii "\xD2\xC5\xE8\xF1"
        .fill 80,1,0xC1
rec2:   .byte 0,0,0,1,2,0,0,200
        .fill 200,1,0xC2
rec3:   .byte 0,0,0,1,3,4,0,50
        .ascii "\xD2\xC5\xE8\xF3"
        .fill 50,1,0xC3
newdata: .fill 200,1,0xE7
