# Turns the file IN into a C source OUT defining `const char SYMBOL[]` (NUL-terminated)
# and `const size_t SYMBOL_len`, so that data files ship inside the binary.
file(READ ${IN} hex HEX)
string(LENGTH "${hex}" hex_len)
math(EXPR byte_len "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," body "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" body "${body}")
file(WRITE ${OUT} "/* Generated from ${IN} by cmake/embed.cmake; do not edit. */\n#include <stddef.h>\nconst char ${SYMBOL}[] = {\n${body}0x00};\nconst size_t ${SYMBOL}_len = ${byte_len};\n")
