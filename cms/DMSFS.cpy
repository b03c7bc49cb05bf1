*=====================================================================
* DMSFS: the file system (docs/CMS-DISK.md). Placeholder entry points
* until the file system is written: no disks. (No literals here: the
* stubs have no base register.)
*=====================================================================
FSINIT   SR    R15,R15                   ACCESS 190 S and 191 A
         BR    R14
FSABEND  SR    R15,R15                   an abend: close what is open
         BR    R14
QUERYFS  LA    R15,1                     QUERY items of the file system
         LCR   R15,R15
         BR    R14
SETFS    LA    R15,1                     SET items of the file system
         LCR   R15,R15
         BR    R14
