#include "app/ReportsPage.h"

#include <wx/stattext.h>

#include "app/Forms.h"

namespace dangbo::app {

ReportsPage::ReportsPage(wxWindow* parent) {
  wxXmlResource::Get()->LoadPanel(this, parent, "PlaceholderPage");
  ctrl<wxStaticText>(this, "heading")->SetLabel(_("Reports"));
  ctrl<wxStaticText>(this, "message")
      ->SetLabel(_("The congress report and the periodic reports (PDF, Word, Excel): under construction."));
}

void ReportsPage::showRegister(services::Services&) {}

}  // namespace dangbo::app
