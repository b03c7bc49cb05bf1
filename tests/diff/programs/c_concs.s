# c_concs.s -- CONNECT CHANNEL SET and DISCONNECT CHANNEL SET (X'B200',
# X'B201', GA22-7000-10 ch. 13): this uniprocessor has one channel set,
# always connected; both give cc 0 whatever the operand, as on Hercules 3.13.
        .include "lowcore.inc"
        .include "diff.inc"
start:  la    15,0xE00
        mvc   0x68(8,0),PGMNEW
        la    1,1
        cr    1,1                       # cc 0 ... then make it 2 first
        lpr   1,1                       # cc 2
        .long 0xB2000000                # CONCS 0
        CCSAVE 2,0x800
        lpr   1,1
        .long 0xB2010000                # DISCS 0
        CCSAVE 3,0x801
        .long 0xB2000005                # CONCS 5: not operational
        CCSAVE 4,0x802
        EXIT
PGMH:   mvc   0(8,15),0x28
        la    15,32(15)
        lpsw  0x28
        .balign 8
PGMNEW: .long 0,PGMH
