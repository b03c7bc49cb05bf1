*------------------------------------------------------------
*  GRAF: a stand-alone program for the 3270 end-to-end tests of
*  vm370: a guest that drives its own 3270 at X'0C0' (DEFINE GRAF,
*  a terminal DIALed to it) with channel programs, as on the bare
*  machine. It writes its screen (ERASE/WRITE), waits for the
*  attention of a key, reads the screen (READ MODIFIED) and writes
*  it again with "YOU TYPED: " and the field's text; PF3 writes
*  "GRAF GUEST ENDS" and ends in the wait state X'C0DE'.
*------------------------------------------------------------
GRAF     START 0
         DS    XL512               low core: IPL loads from X'200'
BEGIN    BALR  12,0
         USING *,12
         SETUP
SCREEN   LA    1,X'0C0'
         LA    2,WRITECCW
         BAL   14,DOIO
WAIT     MVC   X'78'(8,0),ATTNNEW  I/O new PSW: on at ATTN
         LPSW  WAITPSW             an enabled wait
ATTN     CLC   X'3A'(2,0),=X'00C0'
         BNE   WAIT
         TM    X'44',X'80'         attention
         BZ    WAIT
         XC    INBUF,INBUF
         LA    1,X'0C0'
         LA    2,READCCW
         BAL   14,DOIO
         CLI   INBUF,X'F3'         PF3: the end
         BE    FINISH
         MVC   ECHOTXT,INBUF+6     AID, cursor, SBA, address: the text
         B     SCREEN
FINISH   LA    1,X'0C0'
         LA    2,BYECCW
         BAL   14,DOIO
         DONE
         COPY  IOSUBS
         DS    0D
ATTNNEW  DC    X'00000000',A(ATTN)
WAITPSW  DC    XL8'FE02000000000000'
WRITECCW CCW   X'05',FSDATA,X'20',FSLEN
READCCW  CCW   X'06',INBUF,X'20',L'INBUF
BYECCW   CCW   X'05',BYE,X'20',BYELEN
* The screen: WCC, a title at row 1, an input field at row 11
* (columns 2-41) with the cursor, its end, the echo line at row 13.
FSDATA   DC    X'C3',X'114040'
         DC    C'GRAF GUEST ON ITS OWN 3270: TYPE, ENTER; PF3 ENDS'
         DC    X'114C60',X'1D40',X'13'
         DC    X'114DC9',X'1D60'
         DC    X'114F40'
         DC    C'YOU TYPED: '
ECHOTXT  DC    XL40'00'
FSLEN    EQU   *-FSDATA
BYE      DC    X'C3',X'114040',C'GRAF GUEST ENDS'
BYELEN   EQU   *-BYE
INBUF    DS    XL64
         END   BEGIN
