# Writes OUT: a C++ source holding every forms/*.xrc of DIR as bytes, with its file name, so the
# window loads its layouts from memory whatever the working directory.
file(GLOB forms RELATIVE ${DIR} ${DIR}/*.xrc)
list(SORT forms)
set(arrays "")
set(table "")
set(i 0)
foreach(f IN LISTS forms)
  file(READ ${DIR}/${f} hex HEX)
  string(LENGTH "${hex}" len)
  math(EXPR size "${len} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(REGEX REPLACE "((0x..,){16})" "\\1\n" bytes "${bytes}")
  string(APPEND arrays "const unsigned char kForm${i}[] = {\n${bytes}0};\n")
  string(APPEND table "    {\"${f}\", reinterpret_cast<const char*>(kForm${i}), ${size}},\n")
  math(EXPR i "${i} + 1")
endforeach()
file(WRITE ${OUT}.tmp "// Generated from forms/*.xrc by src/app/EmbedForms.cmake. Do not edit.\n"
  "#include \"app/EmbeddedForms.h\"\nnamespace dangbo::app {\nnamespace {\n${arrays}}  // namespace\n"
  "const std::vector<EmbeddedForm>& embeddedForms() {\n  static const std::vector<EmbeddedForm> forms = {\n${table}  };\n"
  "  return forms;\n}\n}  // namespace dangbo::app\n")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
