*------------------------------------------------------------
*  DIAG08: a stand-alone program for the end-to-end tests of
*  vm370: CP commands from the guest by DIAGNOSE X'08'. It asks
*  QUERY VIRTUAL STORAGE with the response in a buffer and writes
*  that on its console, gives MSG * without a buffer (CP writes
*  the message), then a command CP does not know (its return
*  code stays in R8), and ends in the wait state X'C0DE'.
*------------------------------------------------------------
DIAG08   START 0
         DS    XL512               low core: IPL loads from X'200'
BEGIN    BALR  12,0
         USING *,12
         SETUP
         LA    2,CMD1              Rx: the command
         LA    3,BUF               Rx+1: the response buffer
         L     4,=A(L'CMD1+X'40000000')  Ry: length, response wanted
         LA    5,L'BUF             Ry+1: the buffer's length
         DC    X'83240008'         DIAGNOSE 2,4,X'08'
         LR    7,4                 its return code
         LA    2,BUF
         LR    3,5                 the response's length
         BAL   14,CONSOLE
         LA    2,CMD2
         LA    4,L'CMD2
         DC    X'83240008'
         LA    2,CMD3
         LA    4,L'CMD3
         DC    X'83240008'
         LR    8,4                 rc of an unknown command
         DONE
         COPY  IOSUBS
CMD1     DC    C'QUERY VIRTUAL STORAGE'
CMD2     DC    C'MSG * HELLO FROM DIAGNOSE'
CMD3     DC    C'FROBNICATE'
BUF      DC    CL80' '
         END   BEGIN
