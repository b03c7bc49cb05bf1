# d_states.s -- condition codes that do not depend on timing: an operation
# that has ended (TEST CHANNEL 1, HALT I/O 0, TEST I/O 1 with its CSW, then
# 0), an available device (TEST I/O 0, CLEAR I/O 0), devices and channels
# that do not exist (3), STORE CHANNEL ID on channels 0 and 1. (START I/O
# while the interruption is pending is condition code 2 by the Principles;
# Hercules 3.13 starts the new program: not compared.)
# DEVICE: 00C 2540R deck=cards.txt mode=ascii
# DEVICE: 10D 2540P
# DUMP: 800.40
# DUMP: 900.50
        .include "lowcore.inc"
        .include "machine.inc"
        mvc   0x48(4),caw
        SIO   0x00C
        CCSAVE 1,0x800
wait:   TCH   0x000                # until the operation has ended
        bz    wait
        CCSAVE 1,0x801
        HIO   0x00C
        CCSAVE 1,0x803
        TIO   0x00C
        CCSAVE 1,0x804
        mvc   0x810(8),0x40
        TIO   0x00C
        CCSAVE 1,0x805
        TCH   0x000
        CCSAVE 1,0x806
        CLRIO 0x00C
        CCSAVE 1,0x807
        SIO   0x0FF
        CCSAVE 1,0x808
        TIO   0x0FF
        CCSAVE 1,0x809
        HIO   0x0FF
        CCSAVE 1,0x80A
        TCH   0x200
        CCSAVE 1,0x80B
        STIDC 0x000
        CCSAVE 1,0x80C
        mvc   0x818(4),0xA8
        STIDC 0x100
        CCSAVE 1,0x80D
        mvc   0x81C(4),0xA8
        STIDC 0x200
        CCSAVE 1,0x80E
        TCH   0x100
        CCSAVE 1,0x80F
        EXIT
        .balign 8
caw:    .long ccw
        .balign 8
ccw:    .long 0x02000900,0x00000050
