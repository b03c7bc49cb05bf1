# c_dat_4k1m.s -- DAT with 4K pages and 1M segments: translation, page and
# segment translation exceptions (nullified; translation-exception address
# at X'90'), addressing for a page table beyond storage, translation
# specification, instruction fetch from an invalid page, LRA condition
# codes.  The body is dat.inc.
#@ dump 3000.1000
#@ dump 5000.20
        .set PG4K,1
        .set SEG1M,1
        .include "dat.inc"
