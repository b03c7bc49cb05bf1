# Makes a C++ source holding an image's bytes: cmake -DIN=image -DOUT=file.cpp
# -DNAME=symbol -P embed.cmake. s370run carries the guest control program
# this way, so that it needs no file beside it.
file(READ ${IN} hex HEX)
string(LENGTH "${hex}" n)
math(EXPR bytes "${n} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," body "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" body "${body}")
file(WRITE ${OUT} "// Generated from ${IN} by cp/guest/embed.cmake: do not edit.\n"
  "#include <cstddef>\n"
  "extern const unsigned char ${NAME}[] = {\n${body}\n};\n"
  "extern const std::size_t ${NAME}_size = ${bytes};\n")
