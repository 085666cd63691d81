#pragma once
// Opening a register from the window: the file at start (creating the demo commune when the default
// file is missing), another file chosen by the user, or a new empty register. Each register is locked for
// this window (a second instance on the same file is told so and does not open it) and logged in to when it
// has user accounts. Errors are shown, never thrown.
#include <filesystem>
#include <memory>
#include <optional>

#include "services/Services.h"

class wxWindow;

namespace dangbo::app {

/// What the command line asked for.
struct StartOptions {
  std::optional<std::filesystem::path> db;  ///< --db PATH or the only argument; default path when empty
  bool demoIfMissing = false;               ///< --demo-if-missing: create the demo commune without asking
};

/// The ways the window opens a register.
class RegisterOpener {
 public:
  /// The register to show at start; offers the demo, another file or a new register when it cannot
  /// be opened. nullptr when the user chose to quit.
  static std::unique_ptr<services::Services> atStart(const StartOptions& opt);
  /// Locks and opens `path` and logs in (setting currentActor()); shows the error and returns nullptr when it
  /// cannot be opened, another instance holds it, or the login is cancelled.
  static std::unique_ptr<services::Services> open(wxWindow* parent, const std::filesystem::path& path);
  /// The login of a register with accounts (or the local administrator of one without); sets currentActor().
  /// False when the user cancelled.
  static bool authenticate(wxWindow* parent, services::Services& s);
  /// Lets the user choose a file and opens it; nullptr when cancelled or failed.
  static std::unique_ptr<services::Services> chooseAndOpen(wxWindow* parent);
  /// Asks for a file and a committee name and creates an empty register, then offers to create its
  /// administrator; nullptr when cancelled.
  static std::unique_ptr<services::Services> createNew(wxWindow* parent);

 private:
  static bool createDemo(const std::filesystem::path& path);
};

}  // namespace dangbo::app
