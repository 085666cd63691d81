#include "app/PlaceholderPage.h"

#include <wx/stattext.h>

#include "app/Forms.h"

namespace dangbo::app {

PlaceholderPage::PlaceholderPage(wxWindow* parent, const wxString& title, const wxString& message) {
  wxXmlResource::Get()->LoadPanel(this, parent, "PlaceholderPage");
  ctrl<wxStaticText>(this, "heading")->SetLabel(title);
  ctrl<wxStaticText>(this, "message")->SetLabel(message);
}

}  // namespace dangbo::app
