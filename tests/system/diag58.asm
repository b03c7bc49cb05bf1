*------------------------------------------------------------
*  DIAG58: a stand-alone program for the 3270 end-to-end tests of
*  vm370: the screen by DIAGNOSE X'58'. It displays a line in CP's
*  output area (CCW X'19', line 3, the area erased), reads a console
*  line (any: the user's go-ahead), then takes the whole screen
*  (CCW X'29' ERASE/WRITE) with an input field; each attention from
*  the console it reads the screen (CCW X'2A' READ MODIFIED) and
*  writes it again with "YOU TYPED: " and the field's text. PF3
*  gives CP its screen back (X'19' control X'FE'), writes DIAG58
*  DONE on the console and ends in the wait state X'C0DE'. A DIAGNOSE
*  that fails ends in the wait state X'BAD0'.
*------------------------------------------------------------
DIAG58   START 0
         DS    XL512               low core: IPL loads from X'200'
BEGIN    BALR  12,0
         USING *,12
         SETUP
         LA    2,DISPCCW
         LA    3,X'009'
         DC    X'83230058'         DIAGNOSE 2,3,X'58'
         BNZ   FAIL
         LA    1,X'009'            a line from the console: go on
         LA    2,READCCW
         BAL   14,DOIO
SCREEN   LA    2,WRITECCW          the whole screen
         LA    3,X'009'
         DC    X'83230058'
         BNZ   FAIL
WAIT     MVC   X'78'(8,0),ATTNNEW  I/O new PSW: on at ATTN
         LPSW  WAITPSW             an enabled wait
ATTN     CLC   X'3A'(2,0),=X'0009'
         BNE   WAIT
         TM    X'44',X'80'         attention
         BZ    WAIT
         XC    INBUF,INBUF
         LA    2,READSCR
         LA    3,X'009'
         DC    X'83230058'
         BNZ   FAIL
         CLI   INBUF,X'F3'         PF3: the end
         BE    FINISH
         CLI   INBUF,X'F4'         PF4: a line on CP's screen
         BE    LINEAGN
         MVC   ECHOTXT,INBUF+6     AID, cursor, SBA, address: the text
         B     SCREEN
FINISH   LA    2,BACKCCW           CP's screen again
         LA    3,X'009'
         DC    X'83230058'
         LA    2,BYE
         LA    3,L'BYE
         BAL   14,CONSOLE
         DONE
LINEAGN  LA    2,DISP2CCW          X'19' while the guest has the
         LA    3,X'009'            screen: CP's screen again
         DC    X'83230058'
         BNZ   FAIL
         LA    1,X'009'            a console line, then the screen
         LA    2,READCCW
         BAL   14,DOIO
         B     SCREEN
FAIL     LPSW  FAILPSW
         COPY  IOSUBS
         DS    0D
ATTNNEW  DC    X'00000000',A(ATTN)
WAITPSW  DC    XL8'FE02000000000000'
FAILPSW  DC    XL8'000200000000BAD0'
* The CCWs: op, data address, flags (SILI) and control byte, count.
DISPCCW  DC    AL1(X'19'),AL3(DISPTXT),X'2082',AL2(L'DISPTXT)
WRITECCW DC    AL1(X'29'),AL3(FSDATA),X'2080',AL2(FSLEN)
READSCR  DC    AL1(X'2A'),AL3(INBUF),X'2080',AL2(L'INBUF)
BACKCCW  DC    AL1(X'19'),AL3(BYE),X'20FE',AL2(1)
DISP2CCW DC    AL1(X'19'),AL3(DISPTXT2),X'2080',AL2(L'DISPTXT2)
READCCW  CCW   X'0A',LINE,X'20',L'LINE
DISPTXT  DC    C'DIAG 58 DISPLAYS THIS ON LINE 3'
DISPTXT2 DC    C'DIAG 58 BACK ON CP SCREEN'
* The guest's screen: WCC (restore, reset MDT), a title at row 1, an
* input field at row 11 (columns 2-41) with the cursor, its end, and
* the echo line at row 13. Buffer addresses in 12-bit code.
FSDATA   DC    X'C3',X'114040'
         DC    C'FULL SCREEN GUEST: TYPE, ENTER; PF3 ENDS'
         DC    X'114C60',X'1D40',X'13'
         DC    X'114DC9',X'1D60'
         DC    X'114F40'
         DC    C'YOU TYPED: '
ECHOTXT  DC    XL40'00'
FSLEN    EQU   *-FSDATA
INBUF    DS    XL64
LINE     DS    CL20
BYE      DC    C'DIAG58 DONE'
         END   BEGIN
