# d_printer.s -- the 1403: every write and space or skip command, the
# immediate spaces and skips (chained after a write, so that START I/O sets
# condition code 0 on both machines), overprinting, data chaining, and a
# form feed when the page is full. Only the printer file is compared: an
# immediate command alone gives SIO condition code 1 here (Principles)
# and 0 on Hercules.
# DEVICE: 00F 1403
        .include "lowcore.inc"
        .include "machine.inc"
        la    6,ptab
loop:   l     7,0(6)
        ltr   7,7
        bz    fill
        st    7,0x48
        STARTCAW 0x00F,0x800
        la    6,4(6)
        b     loop
# Sixty-six more lines to run past the end of a form, then a skip.
fill:   la    8,66
fl:     STARTIO 0x00F,pline,0x810
        bct   8,fl
        STARTIO 0x00F,pend,0x820
        EXIT
        .balign 4
ptab:   .long q1,q2,q3,q4,q5,q6,q7,q8,q9,q10,q11,q12,q13,0
        .balign 8
q1:     .long 0x09000000+t1,0x20000010      # write, space 1
q2:     .long 0x11000000+t2,0x20000010      # write, space 2
q3:     .long 0x19000000+t3,0x20000010      # write, space 3
q4:     .long 0x01000000+t4,0x20000010      # write, no space (overprint)
q5:     .long 0x09000000+t5,0x20000010
q6:     .long 0x09000000+t1,0x60000010      # write, then space 3 immediate
        .long 0x1B000000,0x20000001
q7:     .long 0x09000000+t2,0x60000010      # write, then skip to channel 1 immediate
        .long 0x8B000000,0x20000001
q8:     .long 0xA1000000+t3,0x20000010      # write, skip to channel 4
q9:     .long 0xE1000000+t4,0x20000010      # write, skip to channel 12
q10:    .long 0x89000000+t5,0x20000010      # write, skip to channel 1
q11:    .long 0x09000000+t1,0xA0000008      # data chaining
        .long 0x09000000+t2,0x20000008
q12:    .long 0x09000000+t3,0x60000010      # write, space 1 immediate, 2 immediate
        .long 0x0B000000,0x60000001
        .long 0x13000000,0x20000001
q13:    .long 0x01000000+t4,0x60000010      # overprint, then skip to channel 9
        .long 0xCB000000,0x20000001
pline:  .long 0x09000000+t5,0x20000010
pend:   .long 0x09000000+t1,0x60000010
        .long 0x8B000000,0x20000001
t1:     .ascii "\xC6\xC9\xD9\xE2\xE3\x40\xD3\xC9\xD5\xC5\x40\x40\x40\x40\x40\x40"
t2:     .ascii "\xE2\xC5\xC3\xD6\xD5\xC4\x40\x40\xC1\xC6\xE3\xC5\xD9\x40\xF2\x40"
t3:     .ascii "\xE3\xC8\xC9\xD9\xC4\x40\xD3\xC9\xD5\xC5\x40\x5C\x5C\x5C\x40\x40"
t4:     .ascii "\x6D\x6D\x6D\x6D\x6D\x6D\x6D\x6D\x40\x40\x40\x40\x40\x40\x40\x40"
t5:     .ascii "\xD5\xC5\xE7\xE3\x40\x40\x40\x40\x40\x40\x40\x40\x40\x40\x40\xD3"
