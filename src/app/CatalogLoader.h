#pragma once
// Serves the Vietnamese catalog embedded in the program (core::catalogBytes) to wxTranslations,
// so the window speaks Vietnamese whatever locales the machine has installed.
#include <wx/translation.h>

namespace dangbo::app {

/// A wxTranslationsLoader that knows one language ("vi") and one domain ("dangbo").
class CatalogLoader : public wxTranslationsLoader {
 public:
  /// The embedded catalog for domain "dangbo" and language "vi"; nullptr for anything else.
  wxMsgCatalog* LoadCatalog(const wxString& domain, const wxString& lang) override;
  /// "vi" for domain "dangbo".
  wxArrayString GetAvailableTranslations(const wxString& domain) const override;

  /// Installs a wxTranslations with this loader, language "vi" and the "dangbo" catalog.
  static void install();
};

}  // namespace dangbo::app
