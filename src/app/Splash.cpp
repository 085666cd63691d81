#include "app/Splash.h"

#include <wx/app.h>
#include <wx/evtloop.h>
#include <wx/frame.h>
#include <wx/gauge.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <system_error>

#include "app/LayoutCheck.h"
#include "app/Ui.h"

namespace dangbo::app::splash {

namespace {

struct Shown {
  wxFrame* frame = nullptr;
  wxStaticText* text = nullptr;
  wxGauge* gauge = nullptr;
};

Shown& shown() {
  static Shown s;
  return s;
}

// Paints what changed now: the program is busy and the main loop may not run before the window shows.
// Before the main loop runs (OnInit) a loop of the moment does the painting.
void paint() {
  Shown& s = shown();
  wxEventLoopGuarantor loop;
  for (int i = 0; i < 3; ++i) {  // mapped, exposed, painted
    s.frame->Refresh();
    s.frame->Update();
    if (auto* active = wxEventLoopBase::GetActive()) active->YieldFor(wxEVT_CATEGORY_UI);
  }
}

}  // namespace

void startIfLarge(const std::filesystem::path& path, int steps) {
  std::error_code ec;
  const auto bytes = std::filesystem::file_size(path, ec);
  Shown& s = shown();
  if (ec || bytes < kLargeRegisterBytes || s.frame) return;
  s.frame = new wxFrame(nullptr, wxID_ANY, _("Opening the register"), wxDefaultPosition, wxDefaultSize,
                        wxFRAME_NO_TASKBAR | wxBORDER_SIMPLE);
  auto* panel = new wxPanel(s.frame);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* name = new wxStaticText(panel, wxID_ANY, "dangbo");
  name->SetFont(name->GetFont().Scaled(1.6f).Bold());
  sizer->Add(name, 0, wxALL, 16);
  sizer->Add(new wxStaticText(panel, wxID_ANY,
                              ui::fmt(_("Opening the register {1} ({2} MB)"),
                                      {ui::wx(path.filename().string()), ui::count(long(bytes >> 20))})),
             0, wxLEFT | wxRIGHT, 16);
  s.text = new wxStaticText(panel, wxID_ANY, _("Reading the register..."));
  sizer->Add(s.text, 0, wxLEFT | wxRIGHT | wxTOP | wxEXPAND, 16);
  s.gauge =
      new wxGauge(panel, wxID_ANY, std::max(steps, 1), wxDefaultPosition, s.frame->FromDIP(wxSize(420, 18)));
  sizer->Add(s.gauge, 0, wxALL | wxEXPAND, 16);
  panel->SetSizerAndFit(sizer);
  s.frame->SetClientSize(panel->GetBestSize());
  s.frame->CentreOnScreen();
  s.frame->Show();
  paint();
  noteSplash(s.text->GetLabel(), 0, s.gauge->GetRange());
}

void step(const wxString& what) {
  Shown& s = shown();
  if (!s.frame) return;
  s.text->SetLabel(what);
  s.gauge->SetValue(std::min(s.gauge->GetValue() + 1, s.gauge->GetRange()));
  paint();
  noteSplash(what, s.gauge->GetValue(), s.gauge->GetRange());
}

void finish() {
  Shown& s = shown();
  if (!s.frame) return;
  s.frame->Destroy();
  s = Shown{};
}

}  // namespace dangbo::app::splash
