*------------------------------------------------------------
*  ECHO: a stand-alone program for the end-to-end tests of vm370,
*  IPLed from a user's reader. It greets on the console, then reads
*  console lines and answers each with "ECHO: line" until the line
*  END, and ends in the wait state X'C0DE'; the line LOOP makes it
*  loop without end (a running machine for #CP, attention and
*  DISCONNECT). Its last two pages are a table it only reads.
*------------------------------------------------------------
ECHO     START 0
         DS    XL512               low core: IPL loads from X'200'
BEGIN    BALR  12,0
         USING *,12
         SETUP
         LA    2,HELLO
         LA    3,L'HELLO
         BAL   14,CONSOLE
NEXT     MVI   LINE,C' '
         MVC   LINE+1(L'LINE-1),LINE
         LA    1,X'009'
         LA    2,READCCW
         BAL   14,DOIO
         CLC   LINE(4),=C'END '
         BE    FINISH
         CLC   LINE(5),=C'LOOP '
         BE    SPIN
         LA    2,ANSWER
         LA    3,L'ANSWER+L'LINE
         BAL   14,CONSOLE
         B     NEXT
SPIN     B     SPIN
FINISH   DONE
         COPY  IOSUBS
HELLO    DC    C'ECHO READY'
READCCW  CCW   X'0A',LINE,X'20',L'LINE
ANSWER   DC    C'ECHO: '
LINE     DC    CL60' '
* Pages the program never writes, as a system's code pages are: a
* saved system of this program shares them (tests: SAVESYS).
TABLE    DC    8192C'*'
         END   BEGIN
