#pragma once
// The Help menu: the user guide shipped with the program and the About box.
class wxWindow;

namespace dangbo::services {
class Services;
}

namespace dangbo::app {

/// Shows the Vietnamese user guide (docs/huong-dan.html, found installed or in the source tree) in a window
/// of its own; says where it was looked for when it is missing.
void openUserGuide(wxWindow* parent);
/// The About box: version, licence, the open file with its schema version, and where the shipped files are.
void showAbout(wxWindow* parent, services::Services& s);

}  // namespace dangbo::app
