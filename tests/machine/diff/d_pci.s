# d_pci.s -- program-controlled interruption: the PCI CSW while the program
# runs (the CCW with the flag + 8, PCI alone, count zero), then the final
# status; a PCI in the first CCW, and in a data-chained CCW.
# DEVICE: 00C 2540R deck=cards.txt mode=ascii
# DUMP: 800.40
        .include "lowcore.inc"
        .include "machine.inc"
        mvc   0x78(8),iopsw
        mvc   0x48(4),caw1
        SIO   0x00C
        CCSAVE 1,0x800
        lpsw  waitpsw
back1:  mvc   0x808(8),0x40
        mvc   0x78(8),iopsw2
        lpsw  waitpsw
back2:  mvc   0x810(8),0x40
        mvc   0x78(8),iopsw3
        mvc   0x48(4),caw2
        SIO   0x00C
        CCSAVE 1,0x801
        lpsw  waitpsw
back3:  mvc   0x818(8),0x40
        mvc   0x78(8),iopsw4
        lpsw  waitpsw
back4:  mvc   0x820(8),0x40
        EXIT
        .balign 8
waitpsw: .long 0xFE020000,0
iopsw:  .long 0,back1
iopsw2: .long 0,back2
iopsw3: .long 0,back3
iopsw4: .long 0,back4
caw1:   .long ccw1
caw2:   .long ccw2
        .balign 8
ccw1:   .long 0x02000900,0x28000050        # PCI in the first CCW
ccw2:   .long 0x02000900,0x80000020        # data chaining into a PCI CCW
        .long 0x02000920,0x28000030
