*---------------------------------------------------------------------*
*  PRIMES: the demonstration program of scripts/demo.sh. A sieve of   *
*  Eratosthenes over 2..999 in storage, then every prime formatted    *
*  with CVD and ED into six EBCDIC characters at OUTPUT; the count    *
*  goes to COUNT. Ends in the success wait (C0DE).                    *
*---------------------------------------------------------------------*
PRIMES   START 0
         COPY  LOWCORE
BEGIN    BALR  12,0
         USING *,12
         L     13,=A(SIEVE)        R13: the sieve, one byte a number
         LR    2,13                clear it with MVCL, pad X'00'
         LA    3,LIMIT
         SR    4,4
         SR    5,5
         MVCL  2,4
         LA    11,2                p
OUTER    LR    7,11                R6:R7 = p * p
         MR    6,11
         C     7,=A(LIMIT)
         BNL   SIEVED              p * p >= LIMIT: done
         LA    8,0(7,13)           cross out p*p, p*p+p, ...
CROSS    MVI   0(8),1
         AR    8,11
         C     8,=A(SIEVE+LIMIT)
         BL    CROSS
NEXT     LA    11,1(,11)           the next p not crossed out
         LA    8,0(11,13)
         CLI   0(8),0
         BNE   NEXT
         B     OUTER
SIEVED   LA    6,2                 format every prime 2..999
         SR    9,9                 count
         L     10,=A(OUTPUT)       output pointer
FMT      LA    8,0(6,13)
         CLI   0(8),0
         BNE   SKIP
         CVD   6,DW
         MVC   0(L'PAT,10),PAT
         ED    0(L'PAT,10),DW+5
         LA    10,L'PAT(,10)
         LA    9,1(,9)
SKIP     LA    6,1(,6)
         C     6,=A(LIMIT)
         BL    FMT
         L     8,=A(COUNT)
         ST    9,0(,8)
         EXIT
         LTORG
LIMIT    EQU   1000
DW       DS    D
* Fill blank and five digit selectors, significance from the last two.
PAT      DC    X'402020202120'
         ORG   PRIMES+X'1F00'
COUNT    DS    F
         ORG   PRIMES+X'2000'
OUTPUT   DS    CL(6*200)
         ORG   PRIMES+X'3000'
SIEVE    DS    CL(LIMIT)
         END   BEGIN
