#pragma once
// The XRC layouts of forms/: registered once from the embedded bytes, then looked up by name.
#include <wx/window.h>
#include <wx/xrc/xmlres.h>

#include <stdexcept>
#include <string>

namespace dangbo::app {

/// Loads the embedded forms into wxXmlResource; throws std::runtime_error when one does not parse.
void loadForms();

/// The child control named `name` in a window built from XRC; throws std::logic_error when the
/// layout lacks it (a mismatch between forms/ and the code, caught by the smoke test).
template <class T>
T* ctrl(wxWindow* parent, const char* name) {
  T* w = dynamic_cast<T*>(parent->FindWindow(XRCID(name)));
  if (!w) throw std::logic_error(std::string("forms: no control named ") + name);
  return w;
}

}  // namespace dangbo::app
