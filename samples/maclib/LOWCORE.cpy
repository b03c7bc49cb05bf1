*---------------------------------------------------------------------*
*  LOWCORE: low storage of a bare-machine program assembled at 0      *
*  (Principles of Operation, "Assigned storage locations"). Every new *
*  PSW is a disabled wait whose address tells which interruption came *
*  (EE58 external, EE60 SVC, EE68 program, EE70 machine check, EE78   *
*  I/O); the program ends with LPSW DONEPSW (success, C0DE) or LPSW   *
*  FAILPSW (BAD0). The code starts at X'200'.                         *
*---------------------------------------------------------------------*
         DC    XL8'0000000000000200'   X'00' IPL/restart PSW
         DC    XL8'00'                 X'08'
         ORG   *+X'48'
         DC    XL8'000200000000EE58'   X'58' external new PSW
         DC    XL8'000200000000EE60'   X'60' SVC new PSW
         DC    XL8'000200000000EE68'   X'68' program new PSW
         DC    XL8'000200000000EE70'   X'70' machine-check new PSW
         DC    XL8'000200000000EE78'   X'78' I/O new PSW
         ORG   *+X'170'
         DC    XL8'000200000000C0DE'   X'1F0' success
         DC    XL8'000200000000BAD0'   X'1F8' failure
DONEPSW  EQU   X'1F0'
FAILPSW  EQU   X'1F8'
PGMOLD   EQU   X'28'                   program old PSW
