# Writes OUT: a C++ source holding the bytes of the compiled catalog IN (a .mo file).
file(READ ${IN} hex HEX)
string(LENGTH "${hex}" len)
math(EXPR size "${len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE ${OUT}.tmp "// Generated from po/vi.po by cmake/EmbedCatalog.cmake. Do not edit.\n#include <cstddef>\nnamespace dangbo::core {\nextern const unsigned char kViCatalog[];\nextern const std::size_t kViCatalogSize;\nconst unsigned char kViCatalog[] = {\n${bytes}0};\nconst std::size_t kViCatalogSize = ${size};\n}  // namespace dangbo::core\n")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
