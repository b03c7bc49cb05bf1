*---------------------------------------------------------------------
* SVCFRM: the frame SVC 202 pushes on CMS's stack for each call: a
* save area for the function it calls, the caller's PSW and registers,
* and the enclosing call's frame (CURSVC), so that calls nest (a
* program calls a command that calls a function ...).
*---------------------------------------------------------------------
SVCFRM   DSECT
SFSAVE   DS    18F               the called function's save area
SFPSW    DS    D                 the caller's PSW (the SVC old PSW)
SFREGS   DS    16F               the caller's registers 0-15
SFPREV   DS    A                 the enclosing SVC frame
SFFLAGS  DS    X
         DS    XL3
SFLEN    EQU   *-SVCFRM
