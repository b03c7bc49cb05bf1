# dasdio.s -- a stand-alone DASD program, IPLed from cards: on a 3350 it
# writes twelve records on cylinder 1 (six on head 0, six on head 1) with
# WRITE CKD after a SEARCH ID of record 0, finds one by its key with a
# multitrack SEARCH KEY EQUAL, one by its ID, updates one with WRITE DATA,
# reads every record back with READ COUNT KEY AND DATA and checks it,
# erases the end of a track and shows the "no record found" that follows
# (with its sense bytes). A listing goes to the printer, a summary to the
# console; it ends in the wait state X'C0DE'.
# IPL: cards 00C
# DEVICE: 009 3215
# DEVICE: 00C 2540R
# DEVICE: 00E 1403
# DEVICE: 190 3350
        .include "bare.inc"
        .text
        .org  0x200
start:  SETUP
        la    2,texts
        la    3,textsl
        bal   14,ebcdic
        la    2,hello
        la    3,hellol
        bal   14,console
        la    1,0x00E
        la    2,headccw
        bal   14,doio
        bal   14,makerecs
# ---- Write: one channel program a track ------------------------------------
        sr    9,9                    # head
wtrack: stc   9,seekarg+5
        stc   9,idarg+3
        mvi   idarg+4,0              # search ID: R0 of the track
        l     8,arecs                # the track's six records
        lr    0,9
        mh    0,h1896
        ar    8,0
        la    6,wccws+24             # six WRITE CKD CCWs after the search
        la    7,6
wccw:   st    8,0(6)
        mvi   0(6),0x1D
        mvc   4(4,6),wckdfl
        la    8,316(8)
        la    6,8(6)
        bct   7,wccw
        mvi   wccws+24+5*8+4,0x00    # the last one ends the chain
        la    1,0x190
        la    2,wccws
        bal   14,doio
        bal   14,check
        la    9,1(9)
        c     9,two
        bl    wtrack
# ---- Find KEY00010 with a multitrack key search from head 0 ----------------
        mvi   seekarg+5,0
        la    1,0x190
        la    2,kccws
        bal   14,doio
        bal   14,check
        l     2,arecs                # record 10: head 1, R4
        la    2,9*316+16(2)
        clc   0(256,2),rbuf
        bne   3f
        clc   256(44,2),rbuf+256
3:      mvi   kres,0xD6              # 'O'
        be    1f
        mvi   kres,0xE7              # 'X'
        bal   14,bad
1:      la    1,0x00E
        la    2,kpccw
        bal   14,doio
# ---- Read R4 of head 0 by its ID: key and data -----------------------------
        mvi   seekarg+5,0
        mvi   idarg+3,0
        mvi   idarg+4,4
        la    1,0x190
        la    2,iccws
        bal   14,doio
        bal   14,check
        l     2,arecs
        la    2,3*316+8(2)
        clc   0(256,2),rbuf
        bne   3f
        clc   256(52,2),rbuf+256
3:      mvi   ires,0xD6
        be    1f
        mvi   ires,0xE7
        bal   14,bad
1:      la    1,0x00E
        la    2,ipccw
        bal   14,doio
# ---- Update R3 of head 1 with WRITE DATA ------------------------------------
        mvi   seekarg+5,1
        mvi   idarg+3,1
        mvi   idarg+4,3
        l     2,arecs                # the new data, in the record's buffer
        la    2,8*316+16(2)
        mvc   0(256,2),newdata
        mvc   256(44,2),newdata+256
        st    2,uccws+24
        mvi   uccws+24,0x05
        la    1,0x190
        la    2,uccws
        bal   14,doio
        bal   14,check
# ---- Read everything back -----------------------------------------------------
        sr    9,9
rtrack: stc   9,seekarg+5
        la    1,0x190
        la    2,rccws
        bal   14,doio
        bal   14,check
        l     8,arecs                # expected
        lr    0,9
        mh    0,h1896
        ar    8,0
        l     7,arbuf                # read
        la    10,6
rrec:   clc   0(256,8),0(7)
        bne   3f
        clc   256(60,8),256(7)
3:      mvi   rline+30,0xD6
        be    2f
        mvi   rline+30,0xE7
        bal   14,bad
2:      lr    2,7                    # the count, in hex
        la    3,5
        la    4,rline
        bal   14,hexout
        mvc   rline+14(8),8(7)       # the key
        sr    2,2
        icm   2,3,6(7)               # the data length
        la    4,rline+25
        bal   14,decout3
        la    1,0x00E
        la    2,rlccw
        bal   14,doio
        ap    nread(2),one(1)
        la    8,316(8)
        la    7,316(7)
        bct   10,rrec
        la    9,1(9)
        c     9,two
        bl    rtrack
# ---- Erase after R5 of head 0, then R6 is not found ------------------------
        mvi   seekarg+5,0
        mvi   idarg+3,0
        mvi   idarg+4,5
        la    1,0x190
        la    2,eccws
        bal   14,doio
        bal   14,check
        mvi   idarg+4,6
        la    1,0x190
        la    2,nccws
        bal   14,doio                # unit check: no record found
        mvc   nstat(2),iostat
        la    1,0x190
        la    2,sccw
        bal   14,doio
        la    2,nstat
        la    3,2
        la    4,nfline+22
        bal   14,hexout
        la    2,sense
        la    3,8
        la    4,nfline+34
        bal   14,hexout
        la    1,0x00E
        la    2,nfccw
        bal   14,doio
# ---- Summary -----------------------------------------------------------------
        unpk  byen(3),nread(2)
        oi    byen+2,0xF0
        unpk  byee(3),nbad(2)
        oi    byee+2,0xF0
        la    2,bye
        la    3,byel
        bal   14,console
        la    1,0x00E
        la    2,endccw
        bal   14,doio
        DONE

# Builds the twelve records in RECS: count (CC 1, HH 0 or 1, R 1-6, KL 8,
# DL 300), key 'KEYnnnnn', 300 bytes of data ('RECORD nnnnn' and the
# record's number repeated).
makerecs:
        st    14,save14
        l     8,arecs
        la    7,1                    # record 1..12
mk:     lr    0,7
        bctr  0,0
        sr    1,1
        srda  0,32
        d     0,six                  # R0 = r-1 mod 6, R1 = head
        stc   1,3(8)                 # HH
        lr    2,0
        la    2,1(2)
        stc   2,4(8)                 # R
        mvi   0(8),0
        mvi   1(8),1                 # CC 1
        mvi   2(8),0
        mvi   5(8),8                 # KL
        mvi   6(8),0x01
        mvi   7(8),0x2C              # DL 300
        mvc   8(3,8),keyword         # 'KEY'
        cvd   7,dwork
        unpk  11(5,8),dwork+5(3)
        oi    15(8),0xF0
        mvc   16(7,8),recword        # 'RECORD '
        mvc   23(5,8),11(8)
        stc   7,28(8)                # the number, propagated
        mvc   29(256,8),28(8)
        mvc   285(31,8),284(8)
        la    8,316(8)
        la    7,1(7)
        c     7,thirteen
        bl    mk
        l     14,save14
        br    14

# A channel program that did not end with channel end and device end alone.
check:  clc   iostat(2),ceded
        ber   14
bad:    ap    nbad(2),one(1)
        br    14
# R2 (up to 999) as three decimal digits at R4.
decout3: cvd  2,dwork
        unpk  0(3,4),dwork+6(2)
        oi    2(4),0xF0
        br    14
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
        .balign 8
dwork:  .long 0,0
save14: .long 0
arecs:  .long 0x3000                 # the records as written
arbuf:  .long 0x5000                 # a track read back
two:    .long 2
six:    .long 6
thirteen: .long 13
x0f:    .long 0x0F
h1896:  .short 316*6
ceded:  .short 0x0C00          # channel end and device end alone
        .balign 8
# Write a track: seek, search ID R0, TIC back, six WRITE CKD.
wccws:  .long 0x07000000+seekarg,0x40000006
        .long 0x31000000+idarg,0x40000005
        .long 0x08000000+wccws+8,0
        .fill 6,8,0
wckdfl: .long 0x4000013C             # chained, 316 bytes
# Multitrack search for KEY00010, then its data.
        .balign 8
kccws:  .long 0x07000000+seekarg,0x40000006
        .long 0xA9000000+key10,0x40000008
        .long 0x08000000+kccws+8,0
        .long 0x06000000+rbuf,0x0000012C
# Search ID, then key and data.
        .balign 8
iccws:  .long 0x07000000+seekarg,0x40000006
        .long 0x31000000+idarg,0x40000005
        .long 0x08000000+iccws+8,0
        .long 0x0E000000+rbuf,0x00000134
# Search ID, then WRITE DATA (the data address is filled in).
        .balign 8
uccws:  .long 0x07000000+seekarg,0x40000006
        .long 0x31000000+idarg,0x40000005
        .long 0x08000000+uccws+8,0
        .long 0,0x0000012C
# A track back: seek, R0, then six READ CKD.
        .balign 8
rccws:  .long 0x07000000+seekarg,0x40000006
        .long 0x16000000+r0buf,0x60000010
        .long 0x1E005000,0x6000013C
        .long 0x1E00513C,0x6000013C
        .long 0x1E005278,0x6000013C
        .long 0x1E0053B4,0x6000013C
        .long 0x1E0054F0,0x6000013C
        .long 0x1E00562C,0x2000013C
# Search ID, then ERASE (the count of a record of 8 + 8 + 300).
        .balign 8
eccws:  .long 0x07000000+seekarg,0x40000006
        .long 0x31000000+idarg,0x40000005
        .long 0x08000000+eccws+8,0
        .long 0x11000000+erasecnt,0x2000013C
# Search ID R6 (gone), then READ DATA.
        .balign 8
nccws:  .long 0x07000000+seekarg,0x40000006
        .long 0x31000000+idarg,0x60000005
        .long 0x08000000+nccws+8,0
        .long 0x06000000+rbuf,0x2000012C
        .balign 8
sccw:   .long 0x04000000+sense,0x20000018
# Printer.
        .balign 8
headccw: .long 0x8B000000,0x60000001
        .long 0x11000000+heading,0x20000000+headl
kpccw:  .long 0x09000000+kline,0x20000000+klinel
ipccw:  .long 0x09000000+iline,0x20000000+ilinel
rlccw:  .long 0x09000000+rline,0x20000000+rlinel
nfccw:  .long 0x19000000+nfline,0x20000000+nflinel
endccw: .long 0x89000000+bye,0x20000000+byel
seekarg: .byte 0,0,0,1,0,0           # BBCCHH: cylinder 1
idarg:  .byte 0,1,0,0,0              # CCHHR
erasecnt: .byte 0,1,0,0,7,8,0x01,0x2C
one:    .byte 0x1C
nread:  .byte 0x00,0x0C
nbad:   .byte 0x00,0x0C
nstat:  .short 0
sense:  .fill 24,1,0
r0buf:  .fill 16,1,0
rbuf:   .fill 316,1,0
newdata: .fill 300,1,0xE4            # 'U'
key10:  .byte 0xD2,0xC5,0xE8,0xF0,0xF0,0xF0,0xF1,0xF0   # 'KEY00010'
# Texts (ASCII in the source, EBCDIC once translated).
texts:
hello:  .ascii "DASDIO: RECORDS ON THE 3350 AT 190"
        .set  hellol,.-hello
heading: .ascii "DASDIO  CCHHR       KEY         DL   CHECK"
        .set  headl,.-heading
kline:  .ascii "MULTITRACK KEY SEARCH KEY00010: "
kres:   .ascii "?"
        .set  klinel,.-kline
iline:  .ascii "SEARCH ID 0001000004, KEY AND DATA: "
ires:   .ascii "?"
        .set  ilinel,.-iline
rline:  .ascii "0000000000    KEY00000   000  ?"
        .set  rlinel,.-rline
nfline: .ascii "AFTER ERASE, R6: CSW  0000  SENSE 0000000000000000"
        .set  nflinel,.-nfline
bye:    .ascii "DASDIO: 000 RECORDS READ BACK, 000 ERRORS"
        .set  byel,.-bye
        .set  byen,bye+8
        .set  byee,bye+31
keyword: .ascii "KEY"
recword: .ascii "RECORD "
hexdig: .ascii "0123456789ABCDEF"
        .set  textsl,.-texts
