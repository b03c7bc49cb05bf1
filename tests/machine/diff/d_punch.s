# d_punch.s -- the card punch: full cards, short cards padded with blanks,
# long cards (incorrect length), data chaining, stacker selection, NOP and
# SENSE; and the printer's immediate commands chained after a write.
# DEVICE: 00D 2540P
# DUMP: 800.80
        .include "lowcore.inc"
        .include "machine.inc"
        STARTIO 0x00D,p1,0x800
        STARTIO 0x00D,p2,0x810
        STARTIO 0x00D,p3,0x820
        STARTIO 0x00D,p4,0x830
        STARTIO 0x00D,p5,0x840
        STARTIO 0x00D,p6,0x850
        EXIT
        .balign 8
p1:     .long 0x01000000+c1,0x00000050      # 80 columns
p2:     .long 0x01000000+c2,0x00000005      # 5 columns, padded
p3:     .long 0x41000000+c1,0x0000005A      # 90: incorrect length
p4:     .long 0x81000000+c2,0x80000005      # data chaining 5 + 20
        .long 0x00000000+c1,0x00000014
p5:     .long 0x01000000+c1,0x60000050      # command chaining to SENSE
        .long 0x04000000+sense,0x20000001
p6:     .long 0x01000000+c2,0x40000005      # command chaining two cards
        .long 0x01000000+c1,0x00000050
c1:     .ascii "\xC1\xC2\xC3\xC4\xC5\xC6\xC7\xC8\xC9\xD1\xD2\xD3\xD4\xD5\xD6\xD7\xD8\xD9\xE2\xE3"
        .ascii "\xE4\xE5\xE6\xE7\xE8\xE9\xF0\xF1\xF2\xF3\xF4\xF5\xF6\xF7\xF8\xF9\x4B\x6B\x5C\x61"
        .ascii "\xC1\xC2\xC3\xC4\xC5\xC6\xC7\xC8\xC9\xD1\xD2\xD3\xD4\xD5\xD6\xD7\xD8\xD9\xE2\xE3"
        .ascii "\xE4\xE5\xE6\xE7\xE8\xE9\xF0\xF1\xF2\xF3\xF4\xF5\xF6\xF7\xF8\xF9\x4B\x6B\x5C\x61"
        .ascii "\x81\x82\x83\x84\x85\x86\x87\x88\x89\x40"
c2:     .ascii "\xC8\xC5\xD3\xD3\xD6"
        .balign 4
sense:  .long 0
