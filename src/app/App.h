#pragma once
// The wxWidgets application: Vietnamese catalog, embedded forms, settings file, the register to
// open at start and the main window.
#include <wx/app.h>

#include "app/RegisterOpener.h"

namespace dangbo::app {

/// The dangbo application object.
class App : public wxApp {
 public:
  /// An application that will open what `opt` asks for.
  explicit App(StartOptions opt) : options_(std::move(opt)) {}
  /// Sets up translations, forms and settings, opens the register and shows the main window.
  bool OnInit() override;
  /// Shows the message of an exception that escaped an event handler and keeps running.
  bool OnExceptionInMainLoop() override;
  /// Shows the message of an exception that escaped elsewhere.
  void OnUnhandledException() override;
  /// Removes the application-wide event filters before the windows' handlers go.
  int OnExit() override;

 private:
  StartOptions options_;
};

}  // namespace dangbo::app
