#pragma once
// Reading written documents back in the report tests: the text of a PDF (pdftotext), the entries of a
// zip (DOCX, XLSX), white space squeezed.
#include <doctest/doctest.h>
#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "../TestUtil.h"

namespace dangbo::test {

// The text of a PDF (pdftotext, pages separated by form feeds).
inline std::string pdfText(const std::filesystem::path& pdf, bool layout = false) {
  const auto txt = pdf.string() + ".txt";
  const std::string cmd =
      std::string("pdftotext -enc UTF-8 ") + (layout ? "-layout '" : "'") + pdf.string() + "' '" + txt + "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  return readFile(txt);
}

// A PDF's bytes without the time it was written (cairo's /CreationDate and /ModDate).
inline std::string pdfWithoutTimes(const std::filesystem::path& file) {
  static const std::regex times(R"(/(CreationDate|ModDate) \(D:[0-9+\-Z']*\))");
  return std::regex_replace(readFile(file), times, "");
}

// Runs of white space as one space.
inline std::string squeeze(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// The entries of a zip file.
inline std::map<std::string, std::string> unzip(const std::filesystem::path& file) {
  std::map<std::string, std::string> out;
  int err = 0;
  zip_t* z = zip_open(file.c_str(), ZIP_RDONLY, &err);
  REQUIRE(z != nullptr);
  const zip_int64_t n = zip_get_num_entries(z, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    zip_stat_index(z, zip_uint64_t(i), 0, &st);
    zip_file_t* f = zip_fopen_index(z, zip_uint64_t(i), 0);
    REQUIRE(f != nullptr);
    std::string data(st.size, '\0');
    CHECK(zip_fread(f, data.data(), st.size) == zip_int64_t(st.size));
    zip_fclose(f);
    out[st.name] = data;
  }
  zip_close(z);
  return out;
}

// How many times `what` occurs in `s` (not overlapping).
inline size_t occurrences(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + what.size())) ++n;
  return n;
}

// The tables of a DOCX's document.xml, each from <w:tbl> to its </w:tbl> included, in order.
inline std::vector<std::string> docxTables(const std::string& xml) {
  std::vector<std::string> tables;
  for (size_t p = xml.find("<w:tbl>"); p != std::string::npos; p = xml.find("<w:tbl>", p + 1))
    tables.push_back(xml.substr(p, xml.find("</w:tbl>", p) + 8 - p));
  return tables;
}

}  // namespace dangbo::test
