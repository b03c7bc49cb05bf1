*---------------------------------------------------------------------*
*  FPCALC: hexadecimal floating point (Principles of Operation,       *
*  chapter 9). The square root of 2 by Newton's iteration in long     *
*  precision, x := (x + 2/x) / 2, compared with the constant; the     *
*  area of a circle in short precision; an extended-precision sum.    *
*  Ends in its success wait (C0DE) or failure (BAD0).                 *
*---------------------------------------------------------------------*
FPCALC   START 0
         COPY  LOWCORE
BEGIN    BALR  12,0
         USING *,12
* Newton: six steps from 1 reach long precision.
         LD    0,=D'1'
         LA    4,6
NEWTON   LD    2,=D'2'
         DDR   2,0                 2/x
         ADR   2,0                 x + 2/x
         HDR   0,2                 (x + 2/x) / 2
         BCT   4,NEWTON
         STD   0,ROOT2
         SD    0,=D'1.4142135623730950488'
         LPDR  0,0
         CD    0,=D'1E-15'         |x - sqrt 2| < 1E-15
         BH    BAD
* The area of a circle of radius 2.5: pi r r in short precision.
         LE    2,=E'2.5'
         MER   2,2
         ME    2,=E'3.1415926'
         STE   2,AREA
         SE    2,=E'19.634954'
         LPER  2,2
         CE    2,=E'1E-4'
         BH    BAD
* Extended: (1 + 1E-20) - 1 keeps the 1E-20 that long precision loses.
         LD    4,=D'1'
         LD    6,=D'0'
         LD    0,=D'1E-20'
         LD    2,=D'0'
         AXR   4,0                 F4-F6 := 1 + 1E-20
         LD    0,=D'-1'
         SDR   2,2
         AXR   4,0                 F4-F6 := 1E-20
         LTDR  4,4
         BNP   BAD
         SD    4,=D'1E-20'
         LPDR  4,4
         CD    4,=D'1E-31'         28 hex digits of 1: 3E-33
         BH    BAD
         EXIT
BAD      FAIL
         LTORG
ROOT2    DS    D
AREA     DS    E
         END   BEGIN
