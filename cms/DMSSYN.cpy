*=====================================================================
* DMSSYN: R6's QUERY and SET items of the nucleus (ABBREV, BLIP,
* PROTECT, RELPAGE, LDRTBLS, MACLIB, TXTLIB, LIBRARY, SYNONYM),
* GLOBAL, SYNONYM and the synonym table in the search order, and
* RELPAGE's release of the user area's pages after each command.
*=====================================================================
*---------------------------------------------------------------------
* QUERY2: R1 the PLIST (QUERY item ...). R15 = -1 when the item is not
* one of these.
*---------------------------------------------------------------------
QUERY2   CMSENT WORK=96
         USING Q2WK,R13
         LR    R9,R1
         MVC   Q2LINE(80),=CL80' '
         LA    R2,Q2ITEMS
Q2A      CLI   0(R2),X'FF'
         BE    Q2NONE
         CLC   0(8,R2),8(R9)
         BE    Q2B
         LA    R2,12(,R2)
         B     Q2A
Q2B      MVC   Q2LINE(8),0(R2)
         LA    R4,Q2LINE+7               after the name
Q2B1     CLI   0(R4),C' '
         BNE   Q2B2
         BCTR  R4,0
         B     Q2B1
Q2B2     MVC   1(3,R4),=C' = '
         LA    R4,4(,R4)                 where the value goes
         L     R15,8(,R2)
         BR    R15
Q2NONE   LA    R15,1
         LCR   R15,R15
         CMSRET
* ON/OFF items: R3 the flag byte's bit when it means OFF.
Q2ABBR   LA    R3,F2NOABBR
         B     Q2OFFBIT
Q2PROT   LA    R3,F2NOPROT
         B     Q2OFFBIT
Q2RELP   LA    R3,F2NORELP
Q2OFFBIT EX    R3,Q2TM
         BO    Q2OFF
Q2ON     MVC   0(2,R4),=C'ON'
         LA    R4,2(,R4)
         B     Q2TYPE
Q2OFF    MVC   0(3,R4),=C'OFF'
         LA    R4,3(,R4)
         B     Q2TYPE
Q2BLIP   TM    FLAGS2,F2BLIP
         BO    Q2ON
         B     Q2OFF
Q2TM     TM    FLAGS2,0
Q2LDRT   LH    R2,LDRTBLS
         CVD   R2,Q2DEC
         UNPK  0(2,R4),Q2DEC+6(2)
         OI    1(R4),X'F0'
         CLI   0(R4),C'0'                one digit when below 10
         BNE   Q2LD2
         MVC   0(1,R4),1(R4)
         BCTR  R4,0
Q2LD2    LA    R4,2(,R4)
         B     Q2TYPE
Q2MAC    LA    R5,GLOBMAC
         B     Q2LIB
Q2TXT    LA    R5,GLOBTXT
* The names of a GLOBAL list, or NONE.
Q2LIB    LA    R6,8
         CLI   0(R5),0
         BE    Q2LNONE
Q2L1     CLI   0(R5),0
         BE    Q2LEND
         MVC   0(8,R4),0(R5)
         LA    R4,8(,R4)
Q2L2     CLI   0(R4),C' '                 back to the name's end
         BNE   Q2L3
         BCTR  R4,0
         B     Q2L2
Q2L3     LA    R4,2(,R4)                  a blank between
         LA    R5,8(,R5)
         BCT   R6,Q2L1
         BCTR  R4,0                       no blank at the end
         B     Q2TYPE
Q2LEND   BCTR  R4,0
         B     Q2TYPE
Q2LNONE  MVC   0(4,R4),=C'NONE'
         LA    R4,4(,R4)
Q2TYPE   LA    R1,Q2LINE
         LR    R0,R4
         SR    R0,R1
         NUCALL TYPLINE
         CMSRET RC=0
* LIBRARY: both lists, a line each.
Q2LIBR   MVC   Q2LINE(9),=C'MACLIB = '
         LA    R4,Q2LINE+9
         LA    R5,GLOBMAC
         BAL   R14,Q2LIST
         MVC   Q2LINE(80),=CL80' '
         MVC   Q2LINE(9),=C'TXTLIB = '
         LA    R4,Q2LINE+9
         LA    R5,GLOBTXT
         BAL   R14,Q2LIST
         CMSRET RC=0
Q2LIST   ST    R14,Q2SAVE
         LA    R6,8
         CLI   0(R5),0
         BNE   Q2LS1
         MVC   0(4,R4),=C'NONE'
         LA    R4,4(,R4)
         B     Q2LS4
Q2LS1    CLI   0(R5),0
         BE    Q2LS4
         MVC   0(8,R4),0(R5)
         LA    R4,8(,R4)
Q2LS2    CLI   0(R4),C' '                 back to the name's end
         BNE   Q2LS3
         BCTR  R4,0
         B     Q2LS2
Q2LS3    LA    R4,2(,R4)
         LA    R5,8(,R5)
         BCT   R6,Q2LS1
Q2LS4    BCTR  R4,0                       no blank at the end
         CLI   0(R4),C' '
         BE    *+8
         LA    R4,1(,R4)
         LA    R1,Q2LINE
         LR    R0,R4
         SR    R0,R1
         NUCALL TYPLINE
         L     R14,Q2SAVE
         BR    R14
* SYNONYM: the user's table (command, synonym, least length).
Q2SYN    L     R5,SYNTAB
         LTR   R5,R5
         BZ    Q2LNONE
         MVC   Q2LINE(80),=CL80' '
         MVC   Q2LINE(26),=C'COMMAND  SYNONYM  MINIMUM'
         LA    R1,Q2LINE
         LA    R0,25
         NUCALL TYPLINE
Q2S1     CLI   0(R5),X'FF'
         BE    Q2S2
         MVC   Q2LINE(80),=CL80' '
         MVC   Q2LINE(8),0(R5)
         MVC   Q2LINE+9(8),8(R5)
         LH    R2,16(,R5)
         CVD   R2,Q2DEC
         UNPK  Q2LINE+18(1),Q2DEC+7(1)
         OI    Q2LINE+18,X'F0'
         LA    R1,Q2LINE
         LA    R0,19
         NUCALL TYPLINE
         LA    R5,24(,R5)
         B     Q2S1
Q2S2     CMSRET RC=0
         DS    0F
Q2ITEMS  DC    CL8'ABBREV',A(Q2ABBR)
         DC    CL8'BLIP',A(Q2BLIP)
         DC    CL8'PROTECT',A(Q2PROT)
         DC    CL8'RELPAGE',A(Q2RELP)
         DC    CL8'LDRTBLS',A(Q2LDRT)
         DC    CL8'MACLIB',A(Q2MAC)
         DC    CL8'TXTLIB',A(Q2TXT)
         DC    CL8'LIBRARY',A(Q2LIBR)
         DC    CL8'SYNONYM',A(Q2SYN)
         DC    X'FF'
         DROP  R13
         LTORG
Q2WK     DSECT
         DS    18F
Q2DEC    DS    D
Q2SAVE   DS    F
         DS    F
Q2LINE   DS    CL80
NUCLEUS  CSECT
*---------------------------------------------------------------------
* SET2: R1 the PLIST (SET item value). R15 = -1 when the item is not
* one of these; 24 with R6's message for a bad value.
*---------------------------------------------------------------------
SET2     CMSENT WORK=72
         USING S2WK,R13
         LR    R9,R1
         LA    R3,F2NOABBR
         CLC   8(8,R9),=CL8'ABBREV'
         BE    S2ONOFF
         LA    R3,F2NOPROT
         CLC   8(8,R9),=CL8'PROTECT'
         BE    S2ONOFF
         LA    R3,F2NORELP
         CLC   8(8,R9),=CL8'RELPAGE'
         BE    S2ONOFF
         CLC   8(8,R9),=CL8'BLIP'
         BE    S2BLIP
         CLC   8(8,R9),=CL8'LDRTBLS'
         BE    S2LDRT
         LA    R15,1
         LCR   R15,R15
         CMSRET
* OFF sets the bit (its meaning is OFF); ON clears it.
S2ONOFF  CLC   16(8,R9),=CL8'ON'
         BNE   S2OFF
         X     R3,=F'255'
         EX    R3,S2NI
         CMSRET RC=0
S2OFF    CLC   16(8,R9),=CL8'OFF'
         BNE   S2BAD
         EX    R3,S2OI
         CMSRET RC=0
S2BLIP   CLC   16(8,R9),=CL8'OFF'
         BNE   S2BLIP1
         NI    FLAGS2,255-F2BLIP
         CMSRET RC=0
S2BLIP1  CLI   16(R9),X'FF'
         BE    S2BAD
         OI    FLAGS2,F2BLIP             (any characters: ON)
         CMSRET RC=0
S2LDRT   LA    R1,16(,R9)
         CLI   0(R1),X'FF'
         BE    S2BAD
         NUCALL DECIN
         LTR   R15,R15
         BNZ   S2BAD
         LTR   R1,R1
         BZ    S2BAD
         C     R1,=F'99'
         BH    S2BAD
         STH   R1,LDRTBLS
         CMSRET RC=0
S2BAD    MVC   S2LINE(S2BADL),S2BADM
         MVC   S2LINE+S2BADX1(8),16(R9)
         MVC   S2LINE+S2BADX2(8),8(R9)
         LA    R1,S2LINE
         LA    R0,S2BADL
         NUCALL MSGOUT
         CMSRET RC=24
S2NI     NI    FLAGS2,0
S2OI     OI    FLAGS2,0
S2BADM   DC    C'DMSSET026E INVALID PARAMETER '''
S2BADX1  EQU   *-S2BADM
         DC    CL8' ',C''' FOR '''
S2BADX2  EQU   *-S2BADM
         DC    CL8' ',C''' FUNCTION'
S2BADL   EQU   *-S2BADM
         DROP  R13
         LTORG
S2WK     DSECT
         DS    18F
S2LINE   DS    CL64
NUCLEUS  CSECT
*---------------------------------------------------------------------
* GLOBAL MACLIB|TXTLIB [name ...]: the libraries ASSEMBLE and LOAD are
* to search (R6); up to 8 of each; no names: none. Recorded and shown
* by QUERY MACLIB/TXTLIB/LIBRARY; see docs/CMS.md for what uses them.
*---------------------------------------------------------------------
GLOBAL   CMSENT
         LR    R9,R1
         LA    R5,GLOBMAC
         CLC   8(8,R9),=CL8'MACLIB'
         BE    GL1
         LA    R5,GLOBTXT
         CLC   8(8,R9),=CL8'TXTLIB'
         BE    GL1
         CLI   8(R9),X'FF'
         BE    GLNONE
         LA    R1,=C'DMSGLB014E INVALID FUNCTION'
         LA    R0,27
         NUCALL MSGOUT
         CMSRET RC=24
GLNONE   LA    R1,=C'DMSGLB047E NO FUNCTION SPECIFIED'
         LA    R0,32
         NUCALL MSGOUT
         CMSRET RC=24
GL1      XC    0(64,R5),0(R5)
         LA    R2,16(,R9)
         LA    R3,8
GL2      CLI   0(R2),X'FF'
         BE    GLOK
         CLI   0(R2),C'('
         BE    GLOK
         MVC   0(8,R5),0(R2)
         LA    R5,8(,R5)
         LA    R2,8(,R2)
         BCT   R3,GL2
GLOK     CMSRET RC=0
         LTORG
*---------------------------------------------------------------------
* SYNONYM [fn [SYNONYM [fm]]] [(STD|NOSTD|CLEAR]: the user's synonym
* table from the file (R6's format: the command in columns 1-8, its
* synonym in 10-17, the least count of characters in 19-20, blank for
* all); CLEAR or no file: none. A typed command is looked up as a
* synonym first (SYNCHK, from CMSCALL).
*---------------------------------------------------------------------
SYNONYM  CMSENT WORK=144
         USING SYWK,R13
         LR    R9,R1
         CLI   8(R9),X'FF'
         BE    SYQUERY
         CLI   8(R9),C'('
         BE    SYOPT
         XC    SYCB(44),SYCB
         MVC   SYCB(8),=CL8'RDBUF'
         MVC   SYCB+8(8),8(R9)
         MVC   SYCB+16(8),=CL8'SYNONYM'
         MVC   SYCB+24(2),=C'* '
         CLI   16(R9),X'FF'
         BE    SY1
         CLI   16(R9),C'('
         BE    SY1
         MVC   SYCB+16(8),16(R9)
         CLI   24(R9),X'FF'
         BE    SY1
         CLI   24(R9),C'('
         BE    SY1
         MVC   SYCB+24(2),24(R9)
SY1      BAL   R14,SYFREE                the old table goes
         L     R0,=F'4800'               up to 200 synonyms
         NUCALL GETFREE
         LTR   R15,R15
         BNZ   SYNOSTOR
         ST    R1,SYNTAB
         MVC   SYNLEN,=F'4800'
         LR    R7,R1                     where the next goes
         LA    R8,199
SY2      LA    R1,SYREC
         ST    R1,SYCB+28
         LA    R1,80
         ST    R1,SYCB+32
         LA    R1,1
         STH   R1,SYCB+38
         XC    SYCB+26(2),SYCB+26
         MVC   SYREC(80),=CL80' '
         LA    R1,SYCB
         SVC   202
         DC    AL4(1)
         LTR   R15,R15
         BNZ   SYEND
         CLI   SYREC,C' '
         BE    SY2
         CLI   SYREC,C'*'
         BE    SY2
         L     R1,=A(UPPER)
         TR    SYREC(20),0(R1)
         MVC   0(8,R7),SYREC
         MVC   8(8,R7),SYREC+9
         SR    R2,R2                     the count: blank is all
         CLI   SYREC+18,C'0'
         BL    SY3
         CLI   SYREC+18,C'9'
         BH    SY3
         PACK  SYDEC,SYREC+18(1)
         CLI   SYREC+19,C'0'
         BL    SY2B
         PACK  SYDEC,SYREC+18(2)
SY2B     CVB   R2,SYDEC
SY3      STH   R2,16(,R7)
         LA    R7,24(,R7)
         BCT   R8,SY2
SYEND    MVI   0(R7),X'FF'
         ST    R15,SYRC
         MVC   SYCB(8),=CL8'FINIS'
         LA    R1,SYCB
         SVC   202
         DC    AL4(1)
         L     R15,SYRC
         C     R15,=F'12'                end of file: done
         BE    SYOK
         BAL   R14,SYFREE
         LA    R1,=C'DMSSYN002E FILE NOT FOUND'
         LA    R0,25
         NUCALL MSGOUT
         CMSRET RC=28
SYOK     CMSRET RC=0
SYOPT    CLC   16(8,R9),=CL8'CLEAR'
         BNE   SYOK
         BAL   R14,SYFREE
         CMSRET RC=0
SYQUERY  LA    R1,SYQPL
         SVC   202
         DC    AL4(1)
         CMSRET
SYNOSTOR LA    R1,=C'DMSSYN109S VIRTUAL STORAGE CAPACITY EXCEEDED'
         LA    R0,44
         NUCALL MSGOUT
         CMSRET RC=104
* SYFREE: the table in storage goes.
SYFREE   ST    R14,SYSAVE
         L     R1,SYNTAB
         LTR   R1,R1
         BZ    SYF1
         L     R0,SYNLEN
         NUCALL FRETFREE
         XC    SYNTAB,SYNTAB
SYF1     L     R14,SYSAVE
         BR    R14
         DS    0D
SYQPL    DC    CL8'QUERY',CL8'SYNONYM',8X'FF'
         DROP  R13
         LTORG
SYWK     DSECT
         DS    18F
SYCB     DS    11F
SYRC     DS    F
SYSAVE   DS    F
SYDEC    DS    D
SYREC    DS    CL80
NUCLEUS  CSECT
*---------------------------------------------------------------------
* SYNCHK: the 8-byte name at R1: a user synonym (the whole synonym,
* or at least its count of characters) is replaced by its command.
*---------------------------------------------------------------------
SYNCHK   CMSENT
         L     R5,SYNTAB
         LTR   R5,R5
         BZ    SYCOUT
         LR    R6,R1
         LA    R3,8                      the name's length
         LA    R4,7(,R6)
SYC1     CLI   0(R4),C' '
         BNE   SYC2
         BCTR  R4,0
         BCT   R3,SYC1
         B     SYCOUT
SYC2     CLI   0(R5),X'FF'
         BE    SYCOUT
         CLC   8(8,R5),0(R6)
         BE    SYCHIT
         LH    R2,16(,R5)
         LTR   R2,R2
         BZ    SYC3
         CR    R3,R2
         BL    SYC3
         LR    R2,R3
         BCTR  R2,0
         EX    R2,SYCLC
         BE    SYCHIT
SYC3     LA    R5,24(,R5)
         B     SYC2
SYCHIT   MVC   0(8,R6),0(R5)
SYCOUT   CMSRET RC=0
SYCLC    CLC   8(0,R5),0(R6)
         LTORG
*---------------------------------------------------------------------
* RELPAGES: SET RELPAGE ON (the default): after each command the pages
* of the user area above what is loaded are given back to CP
* (DIAGNOSE X'10'), so that an idle user holds little storage.
*---------------------------------------------------------------------
RELPAGES CMSENT
         TM    FLAGS2,F2NORELP
         BO    RPOUT
         L     R2,LDRNEXT
         C     R2,MAINSTRT               none, or a transient
         BNL   *+8                       module's (X'E000'): MAINSTRT
         L     R2,MAINSTRT
         A     R2,=F'4095'
         N     R2,=X'00FFF000'
         L     R3,MAINHIGH
         N     R3,=X'00FFF000'           the last page below it
         S     R3,=F'4096'
         CR    R2,R3
         BH    RPOUT
         DIAG  R2,R3,X'10'
RPOUT    CMSRET RC=0
         LTORG
*---------------------------------------------------------------------
* LINEDIT (the function behind R6's LINEDIT macro): CL8'LINEDIT',
* A(text), AL2(its length), AL1(X'80' a period at the end), AL1(the
* number of substitutions), then for each AL1(type: 1 decimal, 2 hex,
* 3 eight characters), AL3(0), A(the value, or the characters'
* address). Each run of two or more periods in the text takes the next
* substitution (decimal without leading zeros, hex in 8 digits,
* characters without trailing blanks); the line is typed.
*---------------------------------------------------------------------
LINEDIT  CMSENT WORK=208
         USING LEWK,R13
         LR    R9,R1
         L     R2,8(,R9)                 the text
         LA    R2,0(,R2)
         LH    R3,12(,R9)                its length
         LA    R4,LELINE                 the line made
         LA    R5,LELINE+130             its end
         LA    R6,16(,R9)                the next substitution
         SR    R7,R7
         IC    R7,15(,R9)                substitutions left
LE1      LTR   R3,R3
         BNP   LEEND
         CR    R4,R5
         BNL   LEEND
         CLI   0(R2),C'.'
         BNE   LECOPY
         CH    R3,=H'2'
         BL    LECOPY
         CLI   1(R2),C'.'
         BNE   LECOPY
LEDOTS   LA    R2,1(,R2)                 the run of periods goes
         BCTR  R3,0
         LTR   R3,R3
         BNP   LESUB
         CLI   0(R2),C'.'
         BE    LEDOTS
LESUB    ST    R2,LEPOS                  where the text goes on
         LTR   R7,R7
         BNP   LE1                       none left: nothing
         BCTR  R7,0
         L     R1,4(,R6)                 the value or address
         CLI   0(R6),1
         BE    LEDEC
         CLI   0(R6),2
         BE    LEHEX
* Characters: 8, trailing blanks dropped.
         LA    R8,8
LECH1    LA    R15,0(R8,R1)
         BCTR  R15,0
         CLI   0(R15),C' '
         BNE   LECH2
         BCT   R8,LECH1
         B     LENEXT
LECH2    BCTR  R8,0
         EX    R8,LEMVC
         LA    R4,1(R8,R4)
         B     LENEXT
LEHEX    ST    R3,LESAVE
         LR    R2,R1
         LR    R3,R4
         NUCALL HEXOUT
         L     R3,LESAVE
         LA    R4,8(,R4)
         B     LENEXT
LEDEC    CVD   R1,LEDW
         MVC   LEED(12),=X'402020202020202020202120'
         ED    LEED(12),LEDW+2
         LA    R15,LEED+1
LEDEC1   CLI   0(R15),C' '
         BNE   LEDEC2
         LA    R15,1(,R15)
         B     LEDEC1
LEDEC2   LTR   R1,R1
         BNM   LEDEC3
         BCTR  R15,0
         MVI   0(R15),C'-'
LEDEC3   LA    R8,LEED+12
         SR    R8,R15
         BCTR  R8,0
         EX    R8,LEMVCD
         LA    R4,1(R8,R4)
         B     LENEXT
* The text goes on where the periods ended (LEPOS).
LENEXT   LA    R6,8(,R6)
         L     R2,LEPOS
         B     LE1
LECOPY   MVC   0(1,R4),0(R2)
         LA    R4,1(,R4)
         LA    R2,1(,R2)
         BCTR  R3,0
         B     LE1
LEEND    TM    14(R9),X'80'              the period
         BZ    LEOUT
         MVI   0(R4),C'.'
         LA    R4,1(,R4)
LEOUT    LA    R1,LELINE
         LR    R0,R4
         SR    R0,R1
         NUCALL TYPLINE
         CMSRET RC=0
LEMVC    MVC   0(0,R4),0(R1)
LEMVCD   MVC   0(0,R4),0(R15)
         DROP  R13
         LTORG
LEWK     DSECT
         DS    18F
LEDW     DS    D
LEVAL    DS    F
LESAVE   DS    F
LEPOS    DS    F
LEED     DS    CL12
LELINE   DS    CL152
NUCLEUS  CSECT
