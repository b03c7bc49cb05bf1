*=====================================================================
* DMSIO: I/O by SIO and the wait for its interruption, and the
* console (R6's DMSCIO/DMSCWR/DMSCRD). CMS runs disabled for I/O and
* enables only in the wait of DOIO, so each interruption finds its
* waiter's registers in IOREGS.
*=====================================================================
*---------------------------------------------------------------------
* DOIO: R2 = the device, R3 = its channel program (key 0). Starts it
* and waits for device end. R15 = 0 done; 4 unit check, unit
* exception or a channel error (the CSW, status ORed over the
* program's interruptions, in IOCSW); 8 not operational.
*---------------------------------------------------------------------
DOIO     CMSENT
DOIO1    ST    R3,CAW
         XC    IOCSW,IOCSW
         MVI   IOFLAG,0
         STH   R2,IODEV
         SIO   0(R2)
         BC    8,DOIOWAIT                started
         BC    1,DOIONOP                 not operational
         BC    2,DOIOBUSY                busy: wait for it, start again
* cc 1: the CSW says why it did not start.
         TM    CSW+4,X'10'               busy
         BO    DOIOBUSY
         MVC   IOCSW,CSW
         B     DOIOCHK
DOIOBUSY STM   R0,R15,IOREGS
         MVI   IOFLAG,X'40'              any interruption of it will do
         LPSW  IOWAITP
DOIOWAIT STM   R0,R15,IOREGS
         LPSW  IOWAITP
* IOINT resumes here with the registers as they were.
IORESUME DS    0H
         TM    IOFLAG,X'40'
         BO    DOIO1                     it was busy: start it now
DOIOCHK  TM    IOCSW+4,X'03'             unit check, unit exception
         BNZ   DOIOERR
         TM    IOCSW+5,X'BF'             channel status but length
         BNZ   DOIOERR
         CMSRET RC=0
DOIOERR  CMSRET RC=4
DOIONOP  CMSRET RC=8
         DS    0D
IOWAITP  DC    X'FE020000',A(0)          enabled for I/O, wait, key 0
         LTORG
*---------------------------------------------------------------------
* IOINT: the I/O new PSW's handler. In a wait of DOIO: the waiter's
* device's status is kept, and with device end (or anything while it
* was busy) the waiter goes on; anything else, back to the wait. While
* a program ran (they run enabled for I/O; EXEC polls between its
* statements): the console's attention is R6's immediate command:
* CMS reads a line: HX ends the command, HT stops its typing until RT,
* and anything else is stacked as the next line read (the program
* then goes on); other interruptions are dropped.
*---------------------------------------------------------------------
IOINT    STM   R0,R15,IOASYNC            its registers, whatever ran
         BALR  R12,0
         USING *,R12
         TM    IOOPSW+1,X'02'            a wait?
         BZ    IOASYN
         CLC   IOOPSW+2(2),IODEV
         BNE   IOOTHER
         OC    IOCSW+4(2),CSW+4          status accumulates
         MVC   IOCSW(4),CSW
         MVC   IOCSW+6(2),CSW+6          residual count
         TM    IOFLAG,X'40'
         BO    IODONE                    was busy: any status ends it
         TM    CSW+4,X'04'               device end
         BZ    IOAGAIN
IODONE   OI    IOFLAG,X'80'
         LM    R0,R15,IOREGS
         LPSW  IOPSW                     to IORESUME
IOOTHER  CLC   IOOPSW+2(2),CONADDR
         BNE   IOAGAIN
         TM    CSW+4,X'80'               attention
         BZ    IOAGAIN
         OI    CONFLAG,X'80'
IOAGAIN  LPSW  IOOPSW                    the wait again
* Not in a wait.
IOASYN   CLC   IOOPSW+2(2),CONADDR
         BNE   IOAS9
         TM    CSW+4,X'80'
         BZ    IOAS9
         MVC   ATTPSW,IOOPSW
         MVC   ATTREGS(64),IOASYNC
         L     R13,STKTOP                a frame: save area and line
         LA    R1,72+136(,R13)
         ST    R1,STKTOP
         LA    R1,72(,R13)
         LA    R0,130
         NUCALL CONREAD                  R0: the line's length
         LA    R2,72(,R13)
         LR    R3,R0
         LTR   R3,R3
         BZ    IOASRES
         BCTR  R3,0
         L     R4,=A(UPPER)
         EX    R3,IOASTR
         LA    R3,1(,R3)
         C     R3,=F'2'
         BNE   IOASSTK
         CLC   0(2,R2),=C'HX'
         BE    IOASHX
         CLC   0(2,R2),=C'HT'
         BE    IOASHT
         CLC   0(2,R2),=C'RT'
         BE    IOASRT
         CLC   0(2,R2),=C'HI'
         BE    IOASHI
IOASSTK  LR    R1,R2                     a line for later: stacked
         LR    R0,R3
         SR    R2,R2
         NUCALL STACKLN
         B     IOASRES
IOASHT   OI    CONFLAG,X'40'
         B     IOASRES
IOASRT   NI    CONFLAG,255-X'40'
         B     IOASRES
* HI: the EXECs running end before their next statement (EXLOOP);
* with none running it does nothing.
IOASHI   ICM   R1,15,EXCUR
         BZ    IOASRES
         OI    CONFLAG,X'20'
IOASRES  ST    R13,STKTOP                the program goes on
         MVC   PSWTMP,ATTPSW
         LM    R0,R15,ATTREGS
         LPSW  PSWTMP
IOASHX   NUCALL FSABEND                  HX: the command ends
         XC    LASTRC,LASTRC
         L     R15,=A(CMSREADY)
         BR    R15
IOAS9    LM    R0,R15,IOASYNC
         LPSW  IOOPSW
IOASTR   TR    0(0,R2),0(R4)
         DROP  R12
         LTORG
*---------------------------------------------------------------------
* TYPLINE: writes the line at R1, R0 bytes (0 to 130; more are cut)
* on the console. R15 = DOIO's code.
*---------------------------------------------------------------------
TYPLINE  CMSENT WORK=16
         USING TYPWK,R13
         TM    CONFLAG,X'40'             HT: nothing typed until RT
         BO    TYPOUT
         LTR   R0,R0
         BP    TYP1
         LA    R1,=C' '                  a null line is a blank one
         LA    R0,1
TYP1     C     R0,=F'130'
         BNH   TYP2
         LA    R0,130
TYP2     ST    R1,TYCCW
         MVI   TYCCW,X'09'               write, carriage return
         ST    R0,TYCCW+4
         MVI   TYCCW+4,X'20'             SLI
         LH    R2,CONADDR
         LA    R3,TYCCW
         NUCALL DOIO
         CMSRET
TYPOUT   CMSRET RC=0
         DROP  R13
         LTORG
TYPWK    DSECT
         DS    18F
TYCCW    DS    D
NUCLEUS  CSECT
*---------------------------------------------------------------------
* CONREAD: reads a line from the terminal into R1, at most R0 bytes
* (up to 130). R0 = the length read.
*---------------------------------------------------------------------
CONREAD  CMSENT WORK=16
         USING TYPWK,R13
         C     R0,=F'130'
         BNH   CRD1
         LA    R0,130
CRD1     LR    R4,R0
         ST    R1,TYCCW
         MVI   TYCCW,X'0A'               read
         ST    R0,TYCCW+4
         MVI   TYCCW+4,X'20'             SLI
         LH    R2,CONADDR
         LA    R3,TYCCW
         NUCALL DOIO
         SR    R0,R0
         LTR   R15,R15
         BNZ   CRDOUT
         LH    R5,IOCSW+6                residual
         LR    R0,R4
         SR    R0,R5
         BNM   CRDOUT
         SR    R0,R0
CRDOUT   L     R1,4(,R13)
         ST    R0,20(,R1)                the caller's R0
         CMSRET
         DROP  R13
         LTORG
*---------------------------------------------------------------------
* RDLINE: the next input line into R1 (at most R0 bytes): the first
* line of the console stack if there is one, else one read from the
* terminal. R0 = its length.
*---------------------------------------------------------------------
RDLINE   CMSENT
         L     R2,STKFIRST
         LTR   R2,R2
         BZ    RDLTERM
         LR    R6,R1                     the caller's buffer
         LR    R7,R0                     its size
         MVC   STKFIRST,0(R2)            unchain the first line
         L     R3,STKCOUNT
         BCTR  R3,0
         ST    R3,STKCOUNT
         LTR   R3,R3
         BNZ   *+10
         XC    STKLAST,STKLAST
         LH    R5,4(,R2)                 its length
         CR    R5,R7
         BNH   *+6
         LR    R5,R7
         LR    R8,R5
         LTR   R5,R5
         BZ    RDLFREE
         BCTR  R5,0
         EX    R5,RDLMVC
RDLFREE  LH    R0,4(,R2)
         LA    R0,6(,R0)
         LR    R1,R2
         NUCALL FRETFREE
         LR    R0,R8
         B     RDLOUT
RDLTERM  NUCALL CONREAD
RDLOUT   L     R1,4(,R13)
         ST    R0,20(,R1)
         CMSRET RC=0
RDLMVC   MVC   0(0,R6),6(R2)
         LTORG
*---------------------------------------------------------------------
* STACKLN: puts the line at R1, R0 bytes (0 to 255), on the console
* stack: last (FIFO) when R2 = 0, first (LIFO) otherwise. R15 = 0, or
* 4 when free storage is exhausted.
*---------------------------------------------------------------------
STACKLN  CMSENT
         LR    R6,R1
         LR    R7,R0
         LA    R0,6(,R7)
         NUCALL GETFREE
         LTR   R15,R15
         BNZ   STKLOUT
         XC    0(4,R1),0(R1)
         STH   R7,4(,R1)
         LTR   R5,R7
         BZ    STKL1
         BCTR  R5,0
         EX    R5,STKLMVC
STKL1    L     R3,STKCOUNT
         LA    R3,1(,R3)
         ST    R3,STKCOUNT
         LTR   R2,R2
         BNZ   STKLIFO
         L     R3,STKLAST                FIFO: after the last
         ST    R1,STKLAST
         LTR   R3,R3
         BZ    STKLONLY
         ST    R1,0(,R3)
         B     STKLOK
STKLONLY ST    R1,STKFIRST
         B     STKLOK
STKLIFO  MVC   0(4,R1),STKFIRST          LIFO: before the first
         ST    R1,STKFIRST
         OC    STKLAST,STKLAST
         BNZ   STKLOK
         ST    R1,STKLAST
STKLOK   SR    R15,R15
STKLOUT  CMSRET
STKLMVC  MVC   6(0,R1),0(R6)
         LTORG
*---------------------------------------------------------------------
* MSGOUT: a message "DMSxxxnnnE text" at R1, R0 bytes (at most 160),
* edited by the user's CP SET EMSG through DIAGNOSE X'5C' (code
* only, text only, both, or nothing), then written. Blanks just
* before a closing quote go (so that an 8-byte token substituted in
* 'name' shows as R6 showed it); quotes are counted to know which.
*---------------------------------------------------------------------
MSGOUT   CMSENT WORK=168
         USING MSGWK,R13
         LA    R2,MSGBUF                 the squeezed copy
         LR    R3,R0
         C     R3,=F'160'
         BNH   *+8
         LA    R3,160
         LR    R4,R1
         SR    R5,R5                     quotes seen
MSQ1     LTR   R3,R3
         BNP   MSQEND
         CLI   0(R4),X'7D'               a quote
         BNE   MSQCOPY
         LA    R5,1(,R5)
         LR    R6,R5
         N     R6,=F'1'
         BNZ   MSQCOPY                   an opening quote
MSQBACK  LA    R6,MSGBUF
         CR    R2,R6
         BNH   MSQCOPY
         BCTR  R2,0
         CLI   0(R2),C' '
         BE    MSQBACK
         LA    R2,1(,R2)
MSQCOPY  MVC   0(1,R2),0(R4)
         LA    R2,1(,R2)
         LA    R4,1(,R4)
         BCTR  R3,0
         B     MSQ1
MSQEND   LA    R6,MSGBUF
         SR    R2,R6                     the new length
         LR    R3,R2
         LA    R2,MSGBUF
         DIAG  R2,R3,X'5C'
         LTR   R3,R3
         BZ    MSGOUT1
         LR    R1,R2
         LR    R0,R3
         NUCALL TYPLINE
MSGOUT1  CMSRET RC=0
         DROP  R13
         LTORG
MSGWK    DSECT
         DS    18F
MSGBUF   DS    CL160
NUCLEUS  CSECT
