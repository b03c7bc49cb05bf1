*=====================================================================
* DMSCPC: the CP command, implied CP, QUERY and SET (the items of
* command level; the file system adds DISK and SEARCH through QUERYFS).
*=====================================================================
*---------------------------------------------------------------------
* CPCMD: CP [command]: the rest of the line to CP by DIAGNOSE X'08',
* which writes CP's response on the terminal; R15 = CP's return code.
* CP alone enters CP (CP READ). From a program without an extended
* PLIST, the tokens after CP make the command.
*---------------------------------------------------------------------
CPCMD    CMSENT WORK=144
         USING CPWK,R13
         BAL   R14,CPTEXT                R2 = text, R3 = length
         DIAG  R2,R3,X'08'
         LR    R15,R3                    CP's return code
         CMSRET
* CPTEXT: the command's text after its first token: from the extended
* PLIST when there is one (R0), else the tokens joined in CPBUF.
CPTEXT   LTR   R0,R0
         BZ    CPTTOK
         LR    R4,R0
         LA    R4,0(,R4)
         L     R2,4(,R4)                 after the first token
         L     R3,8(,R4)                 the end
CPTSKIP  CR    R2,R3
         BNL   CPTLEN
         CLI   0(R2),C' '
         BNE   CPTLEN
         LA    R2,1(,R2)
         B     CPTSKIP
CPTLEN   SR    R3,R2
         C     R3,=F'132'
         BNHR  R14
         LA    R3,132
         BR    R14
CPTTOK   LA    R4,8(,R1)                 the tokens after the first
         LA    R2,CPBUF
         LR    R5,R2
         LA    R6,16                     at most 16 of them (8+1 each)
CPTT1    CLI   0(R4),X'FF'
         BE    CPTTEND
         MVC   0(8,R5),0(R4)
         LA    R5,8(,R5)
CPTT2    BCTR  R5,0                    back over the padding
         CR    R5,R2
         BL    CPTT3
         CLI   0(R5),C' '
         BE    CPTT2
CPTT3    LA    R5,1(,R5)
         MVI   0(R5),C' '
         LA    R5,1(,R5)
         LA    R4,8(,R4)
         BCT   R6,CPTT1
CPTTEND  LR    R3,R5
         SR    R3,R2
         BZR   R14
         BCTR  R3,0                      no blank at the end
         BR    R14
         DROP  R13
         LTORG
CPWK     DSECT
         DS    18F
CPBUF    DS    CL144
NUCLEUS  CSECT
*---------------------------------------------------------------------
* IMPCP: a typed command nobody else knew goes to CP (SET IMPCP ON),
* its response into a buffer, so that a command CP does not know
* either (return code 1) is CMS's UNKNOWN CP/CMS COMMAND, not CP's
* message: R15 = -1 then, else CP's return code, its response typed.
*---------------------------------------------------------------------
IMPCP    CMSENT WORK=16
         USING IMPWK,R13
         LTR   R0,R0
         BZ    IMPNONE                   typed lines have one
         LR    R4,R0
         LA    R4,0(,R4)
         L     R2,0(,R4)                 the whole line
         L     R3,8(,R4)
         SR    R3,R2
         C     R3,=F'132'
         BNH   *+8
         LA    R3,132
         LR    R8,R2
         LR    R9,R3
         L     R0,=F'4096'
         NUCALL GETFREE
         LTR   R15,R15
         BNZ   IMPNONE
         ST    R1,IMPBUF
         LR    R2,R8
         LR    R3,R9
         O     R3,=X'40000000'           the response in a buffer
         LR    R4,R1                     R3+1 = R4? see below
         L     R5,=F'4096'
* DIAGNOSE X'08' with Rx=R6, Ry=R8: Rx+1 = R7 the buffer, Ry+1 = R9 its
* size.
         LR    R6,R2
         LR    R7,R4
         LR    R8,R3
         LR    R9,R5
         DIAG  R6,R8,X'08'
         ST    R8,IMPRC
         C     R8,=F'1'
         BE    IMPUNK
* The response, a line at each X'15'.
         L     R2,IMPBUF
         LR    R3,R2
         AR    R3,R9                     its end
IMPL1    CR    R2,R3
         BNL   IMPEND
         LR    R4,R2
IMPL2    CR    R4,R3
         BNL   IMPL3
         CLI   0(R4),X'15'
         BE    IMPL3
         LA    R4,1(,R4)
         B     IMPL2
IMPL3    LR    R1,R2
         LR    R0,R4
         SR    R0,R2
         NUCALL TYPLINE
         LA    R2,1(,R4)
         B     IMPL1
IMPEND   L     R1,IMPBUF
         L     R0,=F'4096'
         NUCALL FRETFREE
         L     R15,IMPRC
         CMSRET
IMPUNK   L     R1,IMPBUF
         L     R0,=F'4096'
         NUCALL FRETFREE
IMPNONE  L     R15,=F'-1'
         CMSRET
         DROP  R13
         LTORG
IMPWK    DSECT
         DS    18F
IMPBUF   DS    A
IMPRC    DS    F
NUCLEUS  CSECT
*---------------------------------------------------------------------
* QUERY item: RDYMSG, IMPEX, IMPCP here; DISK, SEARCH and the file
* system's items in QUERYFS (R15 = -1 when it does not know the item).
*---------------------------------------------------------------------
QUERY    CMSENT WORK=80
         USING QWK,R13
         LR    R9,R1                     the PLIST
         LR    R8,R0                     the extended PLIST
         CLI   8(R9),X'FF'
         BE    QNOFN
         L     R15,=A(QUERYFS)
         BALR  R14,R15
         C     R15,=F'-1'
         BNE   QOUT
         CLC   8(8,R9),=CL8'RDYMSG'
         BE    QRDY
         CLC   8(8,R9),=CL8'IMPEX'
         BE    QIMPEX
         CLC   8(8,R9),=CL8'IMPCP'
         BE    QIMPCP
         LR    R1,R9
         NUCALL QUERY2                   ABBREV, PROTECT, MACLIB ...
         C     R15,=F'-1'
         BNE   QOUT
* An item CMS does not know is CP's (QUERY TIME, QUERY FILES ...), as
* VM/370's CMS passed it on; only when CP does not know it either is
* it CMS's error.
         LR    R1,R9
         LR    R0,R8
         NUCALL IMPCP
         C     R15,=F'-1'
         BNE   QOUT
         MVC   QLINE(QINVL),QINV
         MVC   QLINE+QINVX(8),8(R9)
         LA    R0,QINVL
         LA    R1,QLINE
         NUCALL MSGOUT
         CMSRET RC=24
QNOFN    LA    R1,=C'DMSQRY047E NO FUNCTION SPECIFIED'
         LA    R0,32
         NUCALL MSGOUT
         CMSRET RC=24
QRDY     MVC   QLINE(15),=C'RDYMSG = LMSG  '
         TM    FLAGS1,F1RDYL
         BO    *+10
         MVC   QLINE+9(4),=C'SMSG'
         LA    R0,13
         B     QTYPE
QIMPEX   MVC   QLINE(10),=C'IMPEX = ON'
         LA    R0,10
         TM    FLAGS1,F1IMPEX
         B     QONOFF
QIMPCP   MVC   QLINE(10),=C'IMPCP = ON'
         LA    R0,10
         TM    FLAGS1,F1IMPCP
QONOFF   BO    QTYPE
         MVC   QLINE+8(3),=C'OFF'
         LA    R0,11
QTYPE    LA    R1,QLINE
         NUCALL TYPLINE
         SR    R15,R15
QOUT     CMSRET
QINV     DC    C'DMSQRY014E INVALID FUNCTION '''
QINVX    EQU   *-QINV
         DC    CL8' ',C''''
QINVL    EQU   *-QINV
         DROP  R13
         LTORG
QWK      DSECT
         DS    18F
QLINE    DS    CL80
NUCLEUS  CSECT
*---------------------------------------------------------------------
* SET item value: RDYMSG LMSG|SMSG, IMPEX ON|OFF, IMPCP ON|OFF here;
* the file system's items in SETFS (R15 = -1 when unknown).
*---------------------------------------------------------------------
SETCMD   CMSENT WORK=80
         USING QWK,R13
         LR    R9,R1
         LR    R8,R0
         CLI   8(R9),X'FF'
         BE    SNOFN
         L     R15,=A(SETFS)
         BALR  R14,R15
         C     R15,=F'-1'
         BNE   SOUT
         CLI   16(R9),X'FF'
         BE    SBAD
         CLC   8(8,R9),=CL8'RDYMSG'
         BE    SRDY
         LA    R2,F1IMPEX
         CLC   8(8,R9),=CL8'IMPEX'
         BE    SONOFF
         LA    R2,F1IMPCP
         CLC   8(8,R9),=CL8'IMPCP'
         BE    SONOFF
         LR    R1,R9
         NUCALL SET2                     ABBREV, PROTECT, RELPAGE ...
         C     R15,=F'-1'
         BNE   SOUT
         LR    R1,R9                     CP's item (SET EMSG ...)?
         LR    R0,R8
         NUCALL IMPCP
         C     R15,=F'-1'
         BNE   SOUT
         MVC   QLINE(QINVL),SINV
         MVC   QLINE+QINVX(8),8(R9)
         LA    R0,QINVL
         LA    R1,QLINE
         NUCALL MSGOUT
         CMSRET RC=24
SNOFN    LA    R1,=C'DMSSET047E NO FUNCTION SPECIFIED'
         LA    R0,32
         NUCALL MSGOUT
         CMSRET RC=24
SRDY     CLC   16(8,R9),=CL8'LMSG'
         BNE   SRDY2
         OI    FLAGS1,F1RDYL
         B     SOK
SRDY2    CLC   16(8,R9),=CL8'SMSG'
         BNE   SBAD
         NI    FLAGS1,255-F1RDYL
         B     SOK
SONOFF   CLC   16(8,R9),=CL8'ON'
         BNE   SOFF
         EX    R2,SETOI
         B     SOK
SOFF     CLC   16(8,R9),=CL8'OFF'
         BNE   SBAD
         X     R2,=F'255'
         EX    R2,SETNI
SOK      SR    R15,R15
SOUT     CMSRET
SBAD     MVC   QLINE(SBADL),SBADM
         MVC   QLINE+SBADX1(8),16(R9)
         MVC   QLINE+SBADX2(8),8(R9)
         LA    R1,QLINE
         LA    R0,SBADL
         NUCALL MSGOUT
         CMSRET RC=24
SETOI    OI    FLAGS1,0
SETNI    NI    FLAGS1,0
SINV     DC    C'DMSSET014E INVALID FUNCTION '''
         DC    CL8' ',C''''
SBADM    DC    C'DMSSET026E INVALID PARAMETER '''
SBADX1   EQU   *-SBADM
         DC    CL8' ',C''' FOR '''
SBADX2   EQU   *-SBADM
         DC    CL8' ',C''' FUNCTION'
SBADL    EQU   *-SBADM
         DROP  R13
         LTORG
