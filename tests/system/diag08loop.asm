*------------------------------------------------------------
*  DIAG08LP: a stand-alone program for the end-to-end tests of
*  vm370: 5,000 CP commands by DIAGNOSE X'08', each with its
*  response in a buffer, while the user types #CP commands. Each
*  must come back complete (return code 0 in Ry, the response's
*  length in Ry+1) before the program goes on: a machine CP ran
*  again before it answered would see neither. Ends in the wait
*  state X'C0DE', or X'BAD8' on the first incomplete answer.
*------------------------------------------------------------
DIAG08LP START 0
         DS    XL512               low core: IPL loads from X'200'
BEGIN    BALR  12,0
         USING *,12
         SETUP
         L     9,=F'5000'
AGAIN    LA    2,CMD               Rx: the command
         LA    3,BUF               Rx+1: the response buffer
         L     4,=A(L'CMD+X'40000000')  Ry: length, response wanted
         LA    5,L'BUF             Ry+1: the buffer's length
         DC    X'83240008'         DIAGNOSE 2,4,X'08'
         LTR   4,4                 return code 0
         BNZ   BAD
         C     5,=A(L'BUF)         a response shorter than the buffer
         BNL   BAD
         LTR   5,5
         BZ    BAD
         BCT   9,AGAIN
         DONE
BAD      LPSW  BADPSW
         COPY  IOSUBS
         DS    0D
BADPSW   DC    XL8'000200000000BAD8'
CMD      DC    C'QUERY USERID'
BUF      DC    CL80' '
         END   BEGIN
