#include "app/AdmissionsPage.h"

#include <wx/stattext.h>

#include "app/Forms.h"

namespace dangbo::app {

AdmissionsPage::AdmissionsPage(wxWindow* parent) {
  wxXmlResource::Get()->LoadPanel(this, parent, "PlaceholderPage");
  ctrl<wxStaticText>(this, "heading")->SetLabel(_("Admissions"));
  ctrl<wxStaticText>(this, "message")
      ->SetLabel(_("Admission files of outstanding candidates, stage by stage, with "
                   "their deadlines: under construction."));
}

void AdmissionsPage::showRegister(services::Services&) {}

}  // namespace dangbo::app
