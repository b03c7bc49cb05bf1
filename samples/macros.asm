*---------------------------------------------------------------------*
*  MACROS: macros used several times. SQUARES builds a table with a  *
*  SETA loop; STRMOVE finds a string's length with K'; INCR has a    *
*  keyword parameter with a default and picks its code with AIF;     *
*  CHECKEQ, EXIT and FAIL come from the macro library (-I maclib).   *
*  Ends in its success wait (C0DE) or failure (BAD0).                *
*---------------------------------------------------------------------*
         MACRO
&LABEL   SQUARES &N=5
         LCLA  &I,&SQ
&I       SETA  1
&LABEL   DS    0H
.LOOP    AIF   (&I GT &N).DONE
&SQ      SETA  &I*&I
         DC    H'&SQ'
&I       SETA  &I+1
         AGO   .LOOP
.DONE    MEND
*
         MACRO
&LABEL   STRMOVE &TO,&STR
         LCLA  &LEN
&LEN     SETA  K'&STR-2
&LABEL   MVC   &TO.(&LEN),=C&STR
         MEND
*
         MACRO
&LABEL   INCR  &FIELD,&BY=1
&LABEL   L     1,&FIELD
         AIF   (&BY EQ 1).ONE
         A     1,=F'&BY'
         AGO   .STORE
.ONE     LA    1,1(,1)
.STORE   ST    1,&FIELD
         MEND
*
MACROS   START 0
         COPY  LOWCORE
BEGIN    BALR  12,0
         USING *,12
* 1 + 4 + 9 + ... + 100 = 385
         LA    3,SQTAB
         LA    4,NSQ
         SR    5,5
LOOP     AH    5,0(,3)
         LA    3,2(,3)
         BCT   4,LOOP
         ST    5,SUM
         CHECKEQ SUM,=F'385'
* Strings of two lengths through one macro.
         STRMOVE OUT1,'HELLO'
         CHECKEQ OUT1,=C'HELLO'
         STRMOVE OUT2,'WORLD!'
         CHECKEQ OUT2,=C'WORLD!',LEN=6
* A counter: +1 (LA), then +41 (A with a literal).
         INCR  COUNT
         INCR  COUNT,BY=41
         CHECKEQ COUNT,=F'42'
         EXIT
         LTORG
SQTAB    SQUARES N=10
NSQ      EQU   (*-SQTAB)/2
SUM      DS    F
COUNT    DC    F'0'
OUT1     DS    CL5
OUT2     DS    CL6
         END   BEGIN
