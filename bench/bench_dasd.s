# bench_dasd.s -- the DASD benchmark: IPLed from cards, writes 10 MiB to a
# 3350 (640 tracks from cylinder 1, one 16 KiB record a track, each a
# channel program SEEK, SEARCH ID R0, TIC, WRITE CKD) and reads it back
# (SEEK, SEARCH ID R1, TIC, READ DATA), saying on the console when each
# phase begins and ends: bench_dasd.py times the lines. Ends in the wait
# state X'C0DE', or X'BAD' if a channel program fails.
        .include "bare.inc"
        .text
        .org  0x200
start:  SETUP
        la    2,texts
        la    3,textsl
        bal   14,ebcdic
        l     6,acount               # the record: R1, no key, 16 KiB
        mvi   4(6),1
        mvi   5(6),0
        mvi   6(6),0x40
        mvi   7(6),0
        l     2,adata                # of X'A5'
        l     3,f16k
        sr    4,4
        l     5,pad
        mvcl  2,4
        la    2,m1
        la    3,mlen
        bal   14,console
        mvi   idarg+4,0              # write after a search of R0
        sr    9,9                    # track 0..639
wloop:  bal   14,where
        la    1,0x190
        la    2,wccws
        bal   14,doio
        clc   iostat(2),ceded
        bne   fail
        la    9,1(9)
        c     9,ntracks
        bl    wloop
        la    2,m2
        la    3,mlen
        bal   14,console
        mvi   idarg+4,1              # read R1
        sr    9,9
rloop:  bal   14,where
        la    1,0x190
        la    2,rccws
        bal   14,doio
        clc   iostat(2),ceded
        bne   fail
        la    9,1(9)
        c     9,ntracks
        bl    rloop
        la    2,m3
        la    3,mlen
        bal   14,console
        DONE
fail:   lpsw  failpsw

# Track R9: cylinder 1 + R9 / 30, head R9 mod 30, into the seek and search
# arguments and the count of the record.
where:  sr    4,4
        lr    5,9
        d     4,thirty               # R4 head, R5 cylinder - 1
        la    5,1(5)
        sth   5,seekarg+2
        sth   4,seekarg+4
        sth   5,idarg
        sth   4,idarg+2
        l     6,acount
        sth   5,0(6)
        sth   4,2(6)
        br    14

        IOROUTINES
        .balign 8
failpsw: .long 0x00020000,0x00000BAD
ntracks: .long 640
thirty: .long 30
acount: .long 0xFFF8                 # the count field, the data after it
adata:  .long 0x10000
f16k:   .long 16384
pad:    .long 0xA5000000
ceded:  .short 0x0C00
        .balign 8
wccws:  .long 0x07000000+seekarg,0x40000006
ws:     .long 0x31000000+idarg,0x40000005
        .long 0x08000000+ws,0
        .long 0x1D00FFF8,0x00004008   # WRITE CKD: count + 16 KiB
rccws:  .long 0x07000000+seekarg,0x40000006
rs:     .long 0x31000000+idarg,0x40000005
        .long 0x08000000+rs,0
        .long 0x06010000,0x00004000   # READ DATA: 16 KiB
seekarg: .byte 0,0,0,0,0,0
idarg:  .byte 0,0,0,0,0               # CCHHR
texts:
m1:     .ascii "BENCH WRITE START"
        .set  mlen,.-m1
m2:     .ascii "BENCH WRITE DONE "
m3:     .ascii "BENCH READ DONE  "
        .set  textsl,.-texts
