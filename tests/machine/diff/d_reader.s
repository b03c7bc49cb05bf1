# d_reader.s -- the card reader: counts, incorrect length, SLI, data
# chaining, skip, command chaining, the end of the deck and SENSE.
# DEVICE: 00C 2540R deck=cards.txt mode=ascii
# DUMP: 800.100
# DUMP: 900.300
# DUMP: C00.100
        .include "lowcore.inc"
        .include "machine.inc"
        STARTIO 0x00C,p1,0x800   # read 80
        STARTIO 0x00C,p2,0x810   # read 40, no SLI: incorrect length
        STARTIO 0x00C,p3,0x820   # read 100, SLI: residual 20
        STARTIO 0x00C,p4,0x830   # data chaining 30 + 50
        STARTIO 0x00C,p5,0x840   # skip
        STARTIO 0x00C,p6,0x850   # command chaining: two cards
        STARTIO 0x00C,p7,0x860   # CD 30 + 60: the card ends short, IL
        STARTIO 0x00C,p8,0x870   # data chaining with SLI in the last CCW
        STARTIO 0x00C,p9,0x880   # the rest of the deck, then the end
        STARTIO 0x00C,p9,0x890
        STARTIO 0x00C,p9,0x8A0
# At the end of the deck the reader is not ready: START I/O stores the
# unit check itself here (Principles), Hercules interrupts with it. Only the
# status is compared.
        STARTIO 0x00C,p9,0xE00
        mvc   0x8B2(2),0xE02
        STARTIO 0x00C,p10,0x8C0  # sense
        EXIT
        .balign 8
p1:     .long 0x02000900,0x00000050
p2:     .long 0x02000950,0x00000028
p3:     .long 0x02000980,0x20000064
p4:     .long 0x02000A00,0x8000001E
        .long 0x00000A40,0x00000032
p5:     .long 0x02000A80,0x30000050
p6:     .long 0x02000AA0,0x40000050
        .long 0x02000C00,0x00000050
p7:     .long 0x02000C60,0x8000001E
        .long 0x00000C80,0x0000003C
p8:     .long 0x02000CC0,0x80000010
        .long 0x02000CD0,0x20000080
p9:     .long 0x02000D60,0x20000050
p10:    .long 0x04000D00,0x20000004
