#include "app/Forms.h"

#include <wx/filesys.h>
#include <wx/fs_mem.h>

#include "app/EmbeddedForms.h"

namespace dangbo::app {

void loadForms() {
  wxFileSystem::AddHandler(new wxMemoryFSHandler);
  wxXmlResource* res = wxXmlResource::Get();
  res->InitAllHandlers();
  for (const auto& f : embeddedForms()) {
    wxString name = wxString("dangbo-forms/") + f.name;
    wxMemoryFSHandler::AddFile(name, f.data, f.size);
    if (!res->Load("memory:" + name)) throw std::runtime_error(std::string("forms: cannot load ") + f.name);
  }
}

}  // namespace dangbo::app
