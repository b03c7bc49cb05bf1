# cardio.s -- a stand-alone program IPLed from cards (mkdeck.py): it reads
# the data cards that follow it in the deck, lists them on the printer
# with a card number, punches each one with a sequence number in columns
# 73-80, and reports on the console. At the end of the deck (the reader
# says intervention required) it prints the total, skips to a new page,
# punches a trailer card and stops in the wait state X'C0DE'.
# IPL: cards 00C
# DATA: cardio.txt
# DEVICE: 009 3215
# DEVICE: 00C 2540R
# DEVICE: 00D 2540P
# DEVICE: 00E 1403
        .include "bare.inc"
        .text
        .org  0x200
start:  SETUP
        la    2,texts                # the texts are ASCII here
        la    3,textsl
        bal   14,ebcdic
        la    2,hello
        la    3,hellol
        bal   14,console
        la    1,0x00E                # a heading on a new page, underlined
        la    2,headccw
        bal   14,doio
loop:   la    1,0x00C                # the next card
        la    2,readccw
        bal   14,doio
        tm    iostat,0x03            # unit check or exception: no more
        bnz   eof
        ap    count(3),one(1)
        unpk  lineno(5),count(3)
        oi    lineno+4,0xF0
        mvc   linecard(80),card
        la    1,0x00E
        la    2,lineccw
        bal   14,doio
        mvc   pcard(72),card         # punched with its sequence number
        unpk  pcard+72(8),count(3)
        oi    pcard+79,0xF0
        la    1,0x00D
        la    2,punchccw
        bal   14,doio
        b     loop
eof:    unpk  totn(5),count(3)
        oi    totn+4,0xF0
        la    1,0x00E                # the total, then a new page
        la    2,totccw
        bal   14,doio
        mvc   byen(5),totn
        la    2,bye
        la    3,byel
        bal   14,console
        mvc   trailn(5),totn
        la    1,0x00D
        la    2,trlccw
        bal   14,doio
        DONE
        IOROUTINES
        .balign 8
headccw: .long 0x8B000000,0x60000001           # skip to channel 1, chained
        .long 0x01000000+heading,0x60000000+headl   # write, no space
        .long 0x11000000+under,0x20000000+headl     # overprint, space 2
readccw: .long 0x02000000+card,0x20000050
lineccw: .long 0x09000000+line,0x20000000+linel
punchccw: .long 0x01000000+pcard,0x00000050
totccw: .long 0x89000000+total,0x20000000+totall  # write, skip to channel 1
trlccw: .long 0x01000000+trailer,0x00000050
count:  .byte 0x00,0x00,0x0C         # packed decimal, 5 digits
one:    .byte 0x1C
card:   .fill 80,1,0
pcard:  .fill 80,1,0
# Texts (ASCII in the source, EBCDIC once translated).
texts:
hello:  .ascii "CARDIO: LISTING AND PUNCHING THE DATA CARDS"
        .set  hellol,.-hello
heading: .ascii "CARD  CONTENTS"
        .set  headl,.-heading
under:  .ascii "____  ________"
line:
lineno: .ascii "00000  "
linecard: .fill 80,1,' '
        .set  linel,.-line
total:  .ascii "TOTAL "
totn:   .ascii "00000 CARDS"
        .set  totall,.-total
bye:    .ascii "CARDIO: "
byen:   .ascii "00000 CARDS LISTED AND PUNCHED"
        .set  byel,.-bye
trailer: .ascii "END OF DECK "
trailn: .ascii "00000"
        .fill 63,1,' '
        .set  textsl,.-texts
