*---------------------------------------------------------------------
* EXEC's NUCON fields (DMSEXEC.cpy), at X'800'. Everything else of an
* EXEC is in its level block (EXL) in free storage.
*---------------------------------------------------------------------
         ORG   NUCON+X'800'
EXCUR    DS    A                 the innermost EXEC's block, 0: none
EXDEPTH  DS    F                 EXECs nested (&GLOBAL), at most 19
EXFLAGS  DS    X
EXFNOMSG EQU   X'40'             &CONTROL NOMSG: ERASE, LISTFILE,
*                                RENAME and STATE from an EXEC do not
*                                say FILE NOT FOUND
         DS    XL3
EXGLOBS  DS    10CL8             &GLOBAL0-&GLOBAL9
