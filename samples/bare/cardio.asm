*---------------------------------------------------------------------*
*  CARDIO: a stand-alone program IPLed from cards (mkdeck.py). It     *
*  reads the data cards that follow it in the deck, lists them on the *
*  printer with a card number, punches each one with a sequence       *
*  number in columns 73-80, and reports on the console. At the end of *
*  the deck (the reader says intervention required) it prints the     *
*  total, skips to a new page, punches a trailer card and stops in    *
*  the wait state X'C0DE'.                                            *
*---------------------------------------------------------------------*
* IPL: cards 00C
* DATA: cardio.txt
* DEVICE: 009 3215
* DEVICE: 00C 2540R
* DEVICE: 00D 2540P
* DEVICE: 00E 1403
CARDIO   START 0
         DS    XL512               low core: IPL loads from X'200'
BEGIN    BALR  12,0
         USING *,12
         SETUP
         LA    2,HELLO
         LA    3,L'HELLO
         BAL   14,CONSOLE
         LA    1,X'00E'            a heading on a new page, underlined
         LA    2,HEADCCW
         BAL   14,DOIO
LOOP     LA    1,X'00C'            the next card
         LA    2,READCCW
         BAL   14,DOIO
         TM    IOSTAT,X'03'        unit check or exception: no more
         BNZ   EOF
         AP    COUNT,=P'1'
         UNPK  LINENO(5),COUNT
         OI    LINENO+4,X'F0'
         MVC   LINECARD,CARD
         LA    1,X'00E'
         LA    2,LINECCW
         BAL   14,DOIO
         MVC   PCARD(72),CARD      punched with its sequence number
         UNPK  PCARD+72(8),COUNT
         OI    PCARD+79,X'F0'
         LA    1,X'00D'
         LA    2,PUNCHCCW
         BAL   14,DOIO
         B     LOOP
EOF      UNPK  TOTN(5),COUNT
         OI    TOTN+4,X'F0'
         LA    1,X'00E'            the total, then a new page
         LA    2,TOTCCW
         BAL   14,DOIO
         MVC   BYEN(5),TOTN
         LA    2,BYE
         LA    3,BYEL
         BAL   14,CONSOLE
         MVC   TRAILN(5),TOTN
         LA    1,X'00D'
         LA    2,TRLCCW
         BAL   14,DOIO
         DONE
         COPY  IOSUBS
         DS    0D
* The heading: skip to channel 1, write without spacing, overprint
* the underline and space 2.
HEADCCW  CCW   X'8B',0,X'60',1
         CCW   X'01',HEADING,X'60',L'HEADING
         CCW   X'11',UNDER,X'20',L'UNDER
READCCW  CCW   X'02',CARD,X'20',80
LINECCW  CCW   X'09',LINE,X'20',LINEL
PUNCHCCW CCW   X'01',PCARD,0,80
TOTCCW   CCW   X'89',TOTAL,X'20',TOTALL        write, skip to channel 1
TRLCCW   CCW   X'01',TRAILER,0,80
COUNT    DC    PL3'0'              cards read, 5 digits
CARD     DC    XL80'00'
PCARD    DC    XL80'00'
HELLO    DC    C'CARDIO: LISTING AND PUNCHING THE DATA CARDS'
HEADING  DC    C'CARD  CONTENTS'
UNDER    DC    C'____  ________'
LINE     DS    0C
LINENO   DC    C'00000  '
LINECARD DC    CL80' '
LINEL    EQU   *-LINE
TOTAL    DC    C'TOTAL '
TOTN     DC    C'00000 CARDS'
TOTALL   EQU   *-TOTAL
BYE      DC    C'CARDIO: '
BYEN     DC    C'00000 CARDS LISTED AND PUNCHED'
BYEL     EQU   *-BYE
TRAILER  DC    C'END OF DECK '
TRAILN   DC    C'00000'
         DC    CL63' '
         END   BEGIN
