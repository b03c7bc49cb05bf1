# diskipl.s -- a stand-alone program IPLed from a 3350 (mkdisk.py puts it
# on track 0: R1 holds the IPL PSW and a READ DATA of R2, R2 the program).
# It says on the console where it was loaded from (the I/O address that
# IPL stored at X'02'), lists the records of its own IPL track on the
# printer, writes a record on cylinder 2 and reads it back, and ends in
# the wait state X'C0DE'.
# IPL: disk 190
# DEVICE: 009 3215
# DEVICE: 00E 1403
# DEVICE: 190 3350
        .include "bare.inc"
        .text
        .org  0x200
start:  mvc   iplfrom(2),2           # the IPL device, before anything moves
        SETUP
        la    2,texts
        la    3,textsl
        bal   14,ebcdic
        la    2,iplfrom
        la    3,2
        la    4,hellon
        bal   14,hexout
        la    2,hello
        la    3,hellol
        bal   14,console
# The IPL track: record 0, then the counts of R1 and R2.
        la    1,0x190
        la    2,tccws
        bal   14,doio
        la    2,cnt1
        la    3,8
        la    4,tline1+6
        bal   14,hexout
        la    2,cnt2
        la    3,8
        la    4,tline2+6
        bal   14,hexout
        la    1,0x00E
        la    2,tpccws
        bal   14,doio
# A record on cylinder 2, then read back.
        la    1,0x190
        la    2,wccws
        bal   14,doio
        la    1,0x190
        la    2,rccws
        bal   14,doio
        clc   rbuf(40),recdata
        mvi   wres,0xD6              # 'O'
        be    1f
        mvi   wres,0xE7              # 'X'
1:      la    1,0x00E
        la    2,wpccw
        bal   14,doio
        la    2,bye
        la    3,byel
        bal   14,console
        DONE

# R3 bytes at R2 in hex at R4.
hexout: sr    5,5
        ic    5,0(2)
        lr    6,5
        srl   5,4
        n     6,x0f
        ic    5,hexdig(5)
        ic    6,hexdig(6)
        stc   5,0(4)
        stc   6,1(4)
        la    2,1(2)
        la    4,2(4)
        bct   3,hexout
        br    14

        IOROUTINES
        .balign 4
x0f:    .long 0x0F
iplfrom: .short 0
        .balign 8
# The IPL track: seek cylinder 0 head 0, R0, then the count of R1 and R2.
tccws:  .long 0x07000000+seek0,0x40000006
        .long 0x16000000+r0,0x60000010
        .long 0x12000000+cnt1,0x60000008
        .long 0x12000000+cnt2,0x20000008
tpccws: .long 0x8B000000,0x60000001
        .long 0x09000000+tline1,0x60000000+tlinel
        .long 0x11000000+tline2,0x20000000+tlinel
# Write R1 on cylinder 2 head 0 after a search of R0.
wccws:  .long 0x07000000+seek2,0x40000006
wsrch:  .long 0x31000000+id2r0,0x40000005
        .long 0x08000000+wsrch,0
        .long 0x1D000000+rec,0x00000030
rccws:  .long 0x07000000+seek2,0x40000006
rsrch:  .long 0x31000000+id2r1,0x40000005
        .long 0x08000000+rsrch,0
        .long 0x06000000+rbuf,0x20000028
wpccw:  .long 0x89000000+wline,0x20000000+wlinel
seek0:  .byte 0,0,0,0,0,0
seek2:  .byte 0,0,0,2,0,0
id2r0:  .byte 0,2,0,0,0
id2r1:  .byte 0,2,0,0,1
r0:     .fill 16,1,0
cnt1:   .fill 8,1,0
cnt2:   .fill 8,1,0
rbuf:   .fill 40,1,0
rec:    .byte 0,2,0,0,1,0,0,40       # CCHHR, no key, 40 bytes
# Texts (ASCII in the source, EBCDIC once translated).
texts:
recdata: .ascii "HELLO FROM DISKIPL, WRITTEN ON CYLINDER 2"
hello:  .ascii "DISKIPL: LOADED BY IPL FROM "
hellon: .ascii "0000"
        .set  hellol,.-hello
tline1: .ascii "IPL1  0000000000000000"
        .set  tlinel,.-tline1
tline2: .ascii "IPL2  0000000000000000"
wline:  .ascii "RECORD 0002000001 WRITTEN AND READ BACK: "
wres:   .ascii "?"
        .set  wlinel,.-wline
bye:    .ascii "DISKIPL: DONE"
        .set  byel,.-bye
hexdig: .ascii "0123456789ABCDEF"
        .set  textsl,.-texts
