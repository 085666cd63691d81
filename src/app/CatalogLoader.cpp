#include "app/CatalogLoader.h"

#include <wx/arrstr.h>

#include "app/CoreText.h"

namespace dangbo::app {

namespace {
constexpr const char* kDomain = "dangbo";
}

wxMsgCatalog* CatalogLoader::LoadCatalog(const wxString& domain, const wxString& lang) {
  if (domain != kDomain || !lang.StartsWith("vi")) return nullptr;
  std::string_view bytes = core::catalogBytes();
  if (bytes.empty()) return nullptr;
  return wxMsgCatalog::CreateFromData(wxScopedCharBuffer::CreateNonOwned(bytes.data(), bytes.size()), domain);
}

wxArrayString CatalogLoader::GetAvailableTranslations(const wxString& domain) const {
  wxArrayString langs;
  if (domain == kDomain) langs.Add("vi");
  return langs;
}

void CatalogLoader::install() {
  auto* t = new wxTranslations;
  wxTranslations::Set(t);  // owns it from now on
  t->SetLoader(new CatalogLoader);
  t->SetLanguage("vi");
  t->AddCatalog(kDomain);
}

}  // namespace dangbo::app
