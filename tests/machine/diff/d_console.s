# d_console.s -- the 3215: lines with carrier return, data chaining across
# three areas, characters the terminal cannot show (blanks), a line longer
# than the buffer (incorrect length), NOP and SENSE.
# DEVICE: 009 3215
# DUMP: 800.60
        .include "lowcore.inc"
        .include "machine.inc"
        STARTIO 0x009,p1,0x800
        STARTIO 0x009,p2,0x810
        STARTIO 0x009,p3,0x820
        STARTIO 0x009,p4,0x830
        STARTIO 0x009,p5,0x840
        EXIT
        .balign 8
p1:     .long 0x09000000+t1,0x00000005
p2:     .long 0x09000000+t1,0x80000002      # data chaining: "HE" "LL" "O"
        .long 0x09000000+t1+2,0x80000002
        .long 0x09000000+t1+4,0x00000001
p3:     .long 0x09000000+t2,0x20000006      # X'00', X'15' as blanks
p4:     .long 0x09000000+t1,0x60000005      # then SENSE
        .long 0x04000000+sense,0x20000001
p5:     .long 0x09000000+t3,0x20000030      # a longer line
t1:     .ascii "\xC8\xC5\xD3\xD3\xD6"
t2:     .ascii "\xC1\x00\xC2\x15\xC3\xC4"
t3:     .ascii "\xE3\xC8\xC5\x40\xD8\xE4\xC9\xC3\xD2\x40\xC2\xD9\xD6\xE6\xD5\x40"
        .ascii "\xC6\xD6\xE7\x40\xD1\xE4\xD4\xD7\xE2\x40\xD6\xE5\xC5\xD9\x40\xE3"
        .ascii "\xC8\xC5\x40\xD3\xC1\xE9\xE8\x40\xC4\xD6\xC7\x40\xF1\xF2\xF3\xF4"
        .balign 4
sense:  .long 0
