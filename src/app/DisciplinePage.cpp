#include "app/DisciplinePage.h"

#include <wx/stattext.h>

#include "app/Forms.h"

namespace dangbo::app {

DisciplinePage::DisciplinePage(wxWindow* parent) {
  wxXmlResource::Get()->LoadPanel(this, parent, "PlaceholderPage");
  ctrl<wxStaticText>(this, "heading")->SetLabel(_("Inspection - Discipline"));
  ctrl<wxStaticText>(this, "message")
      ->SetLabel(_("Inspection and supervision cases, disciplinary decisions and "
                   "removals from the list: under construction."));
}

void DisciplinePage::showRegister(services::Services&) {}

}  // namespace dangbo::app
