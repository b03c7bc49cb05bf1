*---------------------------------------------------------------------*
*  DECREP: a decimal report. Five packed amounts (in cents) are       *
*  edited with ED into report lines and added up with AP; the total   *
*  is edited too, the average is taken with DP and the total checked  *
*  in binary with CVB. Every result is compared with what the         *
*  Principles of Operation (chapter 8, "Decimal instructions") give,  *
*  and the program ends in its success wait (C0DE) or failure (BAD0). *
*---------------------------------------------------------------------*
DECREP   START 0
         COPY  LOWCORE
BEGIN    BALR  12,0
         USING *,12
         ZAP   TOTAL,=P'0'
         LA    3,ITEMS             next amount
         LA    4,NITEMS            count
         LA    5,LINES             next report line
LOOP     AP    TOTAL,0(4,3)
         MVC   0(L'PATTERN,5),PATTERN
         ED    0(L'PATTERN,5),0(3)
         LA    3,4(,3)
         LA    5,L'PATTERN(,5)
         BCT   4,LOOP
         CHECKEQ LINES,WANTLINE,LEN=50
         MVC   TOTLINE,PATTERN
         ED    TOTLINE,TOTAL
         CHECKEQ TOTLINE,=C'  1,438.84'
* The average: 143884 / 5 = 28776, remainder 4.
         ZAP   WORK,TOTAL
         DP    WORK,=P'5'          quotient 7 bytes, remainder 1
         CP    WORK(7),=P'28776'
         BNE   BAD
         CP    WORK+7(1),=P'4'
         BNE   BAD
* The total in binary.
         ZAP   DW,TOTAL
         CVB   6,DW
         C     6,=F'143884'
         BNE   BAD
         EXIT
BAD      FAIL
         LTORG
ITEMS    DC    PL4'100.00',PL4'250.50',PL4'1000.25'
         DC    PL4'75.75',PL4'12.34'
NITEMS   EQU   (*-ITEMS)/4
* Fill blank, digits, a comma, significance start, a point: 7 digits.
PATTERN  DC    X'4020206B2020214B2020'
TOTAL    DS    PL4
WORK     DS    PL8
DW       DS    D
TOTLINE  DS    CL10
LINES    DS    5CL10
WANTLINE DC    CL10'    100.00',CL10'    250.50',CL10'  1,000.25'
         DC    CL10'     75.75',CL10'     12.34'
         END   BEGIN
