// dangbo: the window. Reads the command line (dangbo [--db FILE | FILE] [--demo-if-missing]) and runs the
// App.
#include <wx/app.h>

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

#include "app/App.h"
#include "app/CoreText.h"
#include "core/Platform.h"

namespace {

int usageError(const std::string& message) {
  std::cerr << "dangbo: " << message << "\n"
            << dangbo::core::tr("Usage: dangbo [--db FILE | FILE] [--demo-if-missing]") << "\n";
  return 2;
}

// GTK's own texts (file chooser, stock buttons) in Vietnamese: gettext honours LANGUAGE unless the
// locale is exactly "C", so a machine without locales gets C.UTF-8 (which also makes file names UTF-8).
void preferVietnamese() {
  const char* all = std::getenv("LC_ALL");
  const char* lang = std::getenv("LANG");
  auto unset = [](const char* v) { return !v || !*v || !std::strcmp(v, "C") || !std::strcmp(v, "POSIX"); };
  if (unset(all) && unset(lang) && unset(std::getenv("LC_MESSAGES"))) setenv("LC_ALL", "C.UTF-8", 1);
  if (!std::getenv("LANGUAGE")) setenv("LANGUAGE", "vi", 1);
}

// Scroll bars always shown, not GTK's overlay bars that appear only under the pointer: a clerk sees that the
// admissions board has more columns to the right at 1024x768, and that a list goes on.
void visibleScrollbars() {
  if (!std::getenv("GTK_OVERLAY_SCROLLING")) setenv("GTK_OVERLAY_SCROLLING", "0", 1);
}

}  // namespace

int main(int argc, char** argv) {
  // Party records are personal data on a shared PC: whatever the umask, only the owner reads what dangbo
  // writes.
  dangbo::core::platform::useOwnerOnlyFiles();
  dangbo::app::StartOptions opt;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") {
      std::cout << dangbo::core::tr("Usage: dangbo [--db FILE | FILE] [--demo-if-missing]") << "\n";
      return 0;
    }
    if (a == "--version") {
      std::cout << "dangbo " << DANGBO_VERSION << "\n";
      return 0;
    }
    if (a == "--demo-if-missing") {
      opt.demoIfMissing = true;
    } else if (a == "--db" || a.rfind("--db=", 0) == 0) {
      if (opt.db) return usageError(dangbo::core::tr("Give only one database file."));
      if (a == "--db") {
        if (i + 1 >= argc)
          return usageError(
              dangbo::core::format(dangbo::core::tr("The option {1} needs a value."), {"--db"}));
        opt.db = argv[++i];
      } else {
        opt.db = a.substr(5);
      }
    } else if (!a.empty() && a[0] == '-') {
      return usageError(dangbo::core::format(dangbo::core::tr("Unknown option {1}."), {a}));
    } else {
      if (opt.db) return usageError(dangbo::core::tr("Give only one database file."));
      opt.db = a;
    }
  }
  preferVietnamese();
  visibleScrollbars();
  wxApp::SetInstance(new dangbo::app::App(opt));
  return wxEntry(argc, argv);
}
