*=====================================================================
* DMSEXT: MODULE files (the loader's part of the search order).
* Placeholder until LOADMOD is written (no literals: no base).
*=====================================================================
RUNMOD   LA    R15,1                     no MODULE of that name
         LCR   R15,R15
         BR    R14
