*---------------------------------------------------------------------*
*  TRTSCAN: a table search with TRANSLATE AND TEST. A sentence is     *
*  scanned for delimiters with TRT (executed by EX for the length     *
*  left); the function byte picks the branch that counts blanks,      *
*  commas and periods. TR then upper-cases a copy through a second    *
*  table. Ends in its success wait (C0DE) or failure (BAD0).          *
*---------------------------------------------------------------------*
TRTSCAN  START 0
         COPY  LOWCORE
BEGIN    BALR  12,0
         USING *,12
         SR    9,9                 blanks
         SR    10,10               commas
         SR    11,11               periods
         LA    3,TEXT              scan position
         LA    8,TEXT+TEXTLEN      end of the text
NEXT     LR    5,8
         SR    5,3                 bytes left
         BNP   DONE
         BCTR  5,0                 length code for EX
         SR    2,2
         EX    5,SCAN              TRT 0(*,3),DELIMS
         BZ    DONE                no delimiter left
         B     BRANCH(2)           4 blank, 8 comma, 12 period
BRANCH   B     DONE
         B     BLANK
         B     COMMA
         B     PERIOD
BLANK    LA    9,1(,9)
         B     STEP
COMMA    LA    10,1(,10)
         B     STEP
PERIOD   LA    11,1(,11)
STEP     LA    3,1(,1)             after the delimiter
         B     NEXT
DONE     C     9,=F'9'
         BNE   BAD
         C     10,=F'1'
         BNE   BAD
         C     11,=F'1'
         BNE   BAD
* Lower to upper case with TR.
         MVC   COPY,LOWER
         TR    COPY,UPPER
         CLC   COPY,=C'HELLO, WORLD.'
         BNE   BAD
         EXIT
BAD      FAIL
SCAN     TRT   0(0,3),DELIMS
         LTORG
TEXT     DC    C'THE QUICK BROWN FOX, IT JUMPED OVER THE LAZY DOG.'
TEXTLEN  EQU   *-TEXT
LOWER    DC    C'hello, world.'
COPY     DS    CL(L'LOWER)
* Delimiter table: zero except blank (4), comma (8), period (12).
DELIMS   DC    256X'00'
         ORG   DELIMS+C' '
         DC    X'04'
         ORG   DELIMS+C','
         DC    X'08'
         ORG   DELIMS+C'.'
         DC    X'0C'
         ORG
* Translation table: every byte to itself, a-z to A-Z (EBCDIC + X'40').
UPPER    DC    256AL1(*-UPPER)
         ORG   UPPER+X'81'
         DC    X'C1C2C3C4C5C6C7C8C9'
         ORG   UPPER+X'91'
         DC    X'D1D2D3D4D5D6D7D8D9'
         ORG   UPPER+X'A2'
         DC    X'E2E3E4E5E6E7E8E9'
         ORG
         END   BEGIN
