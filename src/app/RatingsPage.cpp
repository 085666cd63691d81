#include "app/RatingsPage.h"

#include <wx/stattext.h>

#include "app/Forms.h"

namespace dangbo::app {

RatingsPage::RatingsPage(wxWindow* parent) {
  wxXmlResource::Get()->LoadPanel(this, parent, "PlaceholderPage");
  ctrl<wxStaticText>(this, "heading")->SetLabel(_("Annual rating"));
  ctrl<wxStaticText>(this, "message")
      ->SetLabel(_("The annual rating of party organizations and members: under construction."));
}

void RatingsPage::showRegister(services::Services&) {}

}  // namespace dangbo::app
