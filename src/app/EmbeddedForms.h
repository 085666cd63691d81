#pragma once
// The XRC layouts of forms/, embedded at build time (src/app/EmbedForms.cmake writes the table).
#include <cstddef>
#include <vector>

namespace dangbo::app {

/// One embedded XRC file.
struct EmbeddedForm {
  const char* name;  ///< file name, e.g. "SettingsPage.xrc"
  const char* data;  ///< its bytes (UTF-8 XML)
  std::size_t size;  ///< number of bytes
};

/// Every forms/*.xrc file, sorted by name.
const std::vector<EmbeddedForm>& embeddedForms();

}  // namespace dangbo::app
