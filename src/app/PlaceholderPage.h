#pragma once
// A page that a later version fills: its title and one line saying what is coming (no fake data).
#include "app/Page.h"

namespace dangbo::app {

/// A page still being built.
class PlaceholderPage : public Page {
 public:
  /// Builds the page from forms/PlaceholderPage.xrc with its title and message.
  PlaceholderPage(wxWindow* parent, const wxString& title, const wxString& message);
  /// Nothing to show yet.
  void showRegister(services::Services&) override {}
};

}  // namespace dangbo::app
