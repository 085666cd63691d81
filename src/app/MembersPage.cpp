#include "app/MembersPage.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <set>

#include "app/CellTree.h"
#include "app/FormPrinting.h"
#include "app/Forms.h"
#include "app/ListSort.h"
#include "app/MemberDialog.h"
#include "app/MemberListModel.h"
#include "app/Session.h"
#include "app/Ui.h"
#include "core/Enums.h"
#include "core/VietText.h"
#include "services/FormerMembers.h"
#include "services/MemberList.h"
#include "services/Services.h"

namespace dangbo::app {

namespace {
// A choice whose first item means "any"; the codes of the other items in order.
void fillChoice(wxChoice* c, const wxString& any,
                const std::vector<std::pair<std::string, wxString>>& items) {
  int keep = c->GetSelection();
  c->Clear();
  c->Append(any);
  for (const auto& it : items) c->Append(it.second);
  c->SetSelection(keep > 0 && keep < int(c->GetCount()) ? keep : 0);
}
std::vector<std::pair<std::string, wxString>> enumItems(const core::EnumSet& set) {
  std::vector<std::pair<std::string, wxString>> v;
  for (const auto& it : set.items()) v.emplace_back(std::string(it.code), ui::wx(set.label(it.code)));
  return v;
}
// The code chosen in a choice filled by fillChoice from `codes`; "" for "any".
std::string chosen(const wxChoice* c, const std::vector<std::string>& codes) {
  int i = c->GetSelection();
  return i > 0 && size_t(i) <= codes.size() ? codes[size_t(i - 1)] : std::string();
}
std::vector<std::string> codesOf(const core::EnumSet& set) {
  std::vector<std::string> v;
  for (const auto& it : set.items()) v.emplace_back(it.code);
  return v;
}
const std::vector<std::string> kStatusCodes = {"active", "exempt", "former"};  // former: left the list
const std::vector<std::string> kStandingCodes = {"official", "probationary"};
}  // namespace

MembersPage::MembersPage(wxWindow* parent, std::function<void()> onChanged)
    : onChanged_(std::move(onChanged)), asOf_(core::Date::today()) {
  wxXmlResource::Get()->LoadPanel(this, parent, "MembersPage");
  search_ = ctrl<wxSearchCtrl>(this, "search");
  search_->ShowCancelButton(true);
  date_ = ctrl<wxTextCtrl>(this, "asOf");
  date_->ChangeValue(ui::wx(asOf_.vn()));
  status_ = ctrl<wxChoice>(this, "status");
  standing_ = ctrl<wxChoice>(this, "standing");
  gender_ = ctrl<wxChoice>(this, "gender");
  ethnicity_ = ctrl<wxChoice>(this, "ethnicity");
  ageGroup_ = ctrl<wxChoice>(this, "ageGroup");
  theory_ = ctrl<wxChoice>(this, "theory");
  origin_ = ctrl<wxChoice>(this, "origin");
  count_ = ctrl<wxStaticText>(this, "count");

  fillChoice(status_, _("Active and exempt"),
             {{"active", ui::wx(core::enums::memberStatus.label("active"))},
              {"exempt", ui::wx(core::enums::memberStatus.label("exempt"))},
              {"former", _("Former members (transferred out, deceased, removed)")}});
  fillChoice(standing_, _("Official and probationary"),
             {{"official", _("Official members")}, {"probationary", _("Probationary members")}});
  fillChoice(gender_, _("Both genders"), enumItems(core::enums::gender));
  fillChoice(ethnicity_, _("All ethnic groups"), {});
  std::vector<std::pair<std::string, wxString>> ages;
  for (const auto& g : services::ageGroups()) ages.emplace_back(g, ui::fmt(_("Aged {1}"), {ui::wx(g)}));
  fillChoice(ageGroup_, _("All ages"), ages);
  fillChoice(theory_, _("All theory levels"), enumItems(core::enums::theory));
  fillChoice(origin_, _("All former communes"), {});

  tree_ = new CellTree(this, [this] { refilter(); });
  wxXmlResource::Get()->AttachUnknownControl("tree", tree_, this);
  buildList();
  bindKeys();

  search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { refilter(); });
  search_->Bind(wxEVT_SEARCH_CANCEL, [this](wxCommandEvent&) {
    search_->Clear();
    refilter();
  });
  search_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { openSelected(); });
  date_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { onDateEntered(); });
  date_->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
    e.Skip();
    // Leaving the field takes a valid date; anything else is put back (Enter explains what is wrong).
    if (core::Date::parse(ui::utf8(date_->GetValue())))
      CallAfter([this] { onDateEntered(); });
    else
      date_->ChangeValue(ui::wx(asOf_.vn()));
  });
  for (wxChoice* c : {status_, standing_, gender_, ethnicity_, ageGroup_, theory_, origin_})
    c->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { refilter(); });
  ctrl<wxButton>(this, "open")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { openSelected(); });
  ctrl<wxButton>(this, "add")->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { addMember(); });
}

MembersPage::~MembersPage() = default;

namespace {
// The order of the database for a column of the list (below ColumnCount).
services::MemberSortColumn sortColumnOf(unsigned column) {
  using C = services::MemberSortColumn;
  static const C byColumn[] = {C::Code,      C::Name,     C::Cell,     C::Gender, C::BirthDate,
                               C::Ethnicity, C::Admitted, C::Official, C::Status};
  static_assert(std::size(byColumn) == MemberListModel::ColumnCount);
  return byColumn[column];
}
}  // namespace

void MembersPage::buildList() {
  list_ = new wxDataViewCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                             wxDV_SINGLE | wxDV_ROW_LINES | wxDV_HORIZ_RULES | wxBORDER_THEME);
  model_ = new MemberListModel;
  list_->AssociateModel(model_.get());
  const int widths[] = {70, 165, 170, 50, 82, 65, 82, 82, 150};
  // Never narrower than the heading, nor a date column than a whole date ("Giới t…", "30/11…" otherwise).
  const int date = list_->GetTextExtent("30/11/2026").x + FromDIP(20);
  for (unsigned c = 0; c < MemberListModel::ColumnCount; ++c) {
    const wxString heading = MemberListModel::heading(MemberListModel::Column(c));
    int width = std::max(FromDIP(widths[c]), list_->GetTextExtent(heading).x + FromDIP(28));
    if (widths[c] == 82) width = std::max(width, date);
    list_->AppendTextColumn(heading, c, wxDATAVIEW_CELL_INERT, width, wxALIGN_NOT, wxDATAVIEW_COL_RESIZABLE);
  }
  wxXmlResource::Get()->AttachUnknownControl("list", list_, this);
  list_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) { openSelected(); });
  // A click on a heading sorts by that column (the database sorts), a second click the other way.
  list_->Bind(wxEVT_DATAVIEW_COLUMN_HEADER_CLICK, [this](wxDataViewEvent& e) {
    if (e.GetDataViewColumn()) sortBy(e.GetDataViewColumn()->GetModelColumn());
  });
  markSortedColumn();
}

void MembersPage::markSortedColumn() {
  // The arrow in the heading's text: GTK's own indicator is not drawn everywhere (never under Xvfb).
  for (unsigned c = 0; c < list_->GetColumnCount(); ++c) {
    wxDataViewColumn* col = list_->GetColumn(c);
    const unsigned model = col->GetModelColumn();
    const bool sorted = model < MemberListModel::ColumnCount && sortColumnOf(model) == sort_.column;
    col->SetTitle(ui::sortHeading(col->GetTitle(), !sorted ? 0 : sort_.descending ? -1 : 1));
    const int needed = list_->GetTextExtent(col->GetTitle()).x + FromDIP(28);
    if (sorted && col->GetWidth() < needed) col->SetWidth(needed);
  }
}

void MembersPage::sortBy(unsigned column) {
  if (column >= MemberListModel::ColumnCount) return;
  const services::MemberSortColumn chosen = sortColumnOf(column);
  sort_ = {chosen, sort_.column == chosen && !sort_.descending};
  markSortedColumn();
  refilter();
}

void MembersPage::bindKeys() {
  Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
    const int key = e.GetKeyCode();
    const int mods = e.GetModifiers();
    wxWindow* focus = FindFocus();
    if (mods == wxMOD_CONTROL && key == 'F') {
      search_->SetFocus();
      search_->SelectAll();
    } else if (mods == wxMOD_CONTROL && key == 'N') {
      addMember();
    } else if (mods == wxMOD_NONE && key == WXK_ESCAPE && !search_->IsEmpty()) {
      search_->Clear();
      refilter();
      search_->SetFocus();
    } else if (mods == wxMOD_NONE && (key == WXK_DOWN || key == WXK_UP) && focus &&
               (focus == search_ || focus->GetParent() == search_)) {
      // From the search box the arrows go on in the list.
      list_->SetFocus();
      int row = selectedIndex();
      if (row == wxNOT_FOUND)
        row = 0;
      else if (key == WXK_DOWN)
        ++row;
      else
        --row;
      selectRow(std::clamp(row, 0, std::max(0, int(model_->size()) - 1)));
    } else {
      e.Skip();
    }
  });
}

void MembersPage::showRegister(services::Services& s) {
  services_ = &s;
  reload();
}

bool MembersPage::addNew() {
  addMember();
  return true;
}

bool MembersPage::printPaper() {
  const std::string code = selectedCode();
  if (!services_ || code.empty()) return false;
  printSubjectForm(this, *services_, FormSubject::Member, code);
  return true;
}

void MembersPage::activate() {
  search_->SetFocus();
}

void MembersPage::reload() {
  if (!services_) return;
  const auto actor = currentActor();
  orgs_ = services_->organizations(actor);
  if (allEthnicities_.empty()) allEthnicities_ = services_->ethnicGroups();
  // Counted by aggregate queries: the register is not read into memory.
  const auto present = services::presentMemberCounts(*services_, actor, asOf_);
  std::map<std::string, int> counts;
  for (const auto& [cell, n] : present.byCell) counts[cell] = int(n);
  std::map<std::string, std::string> groups;
  for (const auto& [code, n] : present.byEthnicity)
    if (!code.empty())
      for (const auto& g : allEthnicities_)
        if (g.first == code) groups[code] = g.second;
  // The ethnic groups found in the register, by name; the chosen one kept.
  std::string keep =
      ethnicity_->GetSelection() > 0 ? ethnicities_[size_t(ethnicity_->GetSelection() - 1)].first : "";
  ethnicities_.assign(groups.begin(), groups.end());
  std::sort(ethnicities_.begin(), ethnicities_.end(),
            [](const auto& a, const auto& b) { return core::compareText(a.second, b.second) < 0; });
  ethnicity_->Clear();
  ethnicity_->Append(_("All ethnic groups"));
  int sel = 0;
  for (size_t i = 0; i < ethnicities_.size(); ++i) {
    ethnicity_->Append(ui::wx(ethnicities_[i].second));
    if (ethnicities_[i].first == keep) sel = int(i + 1);
  }
  ethnicity_->SetSelection(sel);
  // The former communes the cells came from (a merged commune); the choice is shown only when there are any.
  std::set<std::string> origins;
  for (const auto& o : orgs_)
    if (!o.origin.empty()) origins.insert(o.origin);
  origins_.assign(origins.begin(), origins.end());
  std::sort(origins_.begin(), origins_.end(),
            [](const auto& a, const auto& b) { return core::compareText(a, b) < 0; });
  std::vector<std::pair<std::string, wxString>> originItems;
  for (const auto& o : origins_) originItems.emplace_back(o, ui::wx(o));
  fillChoice(origin_, _("All former communes"), originItems);
  origin_->Show(!origins_.empty());
  tree_->show(services_->committee().name, orgs_, asOf_, counts);
  refilter();
  Layout();
}

void MembersPage::refilter() {
  if (!services_) return;
  services::MemberFilter f;
  f.asOf = asOf_;
  f.cellCode = tree_->chosenCell();
  f.search = ui::utf8(search_->GetValue());
  const std::string status = chosen(status_, kStatusCodes);
  const bool former = status == "former";
  f.status = former ? std::string() : status;
  f.standing = chosen(standing_, kStandingCodes);
  f.gender = chosen(gender_, codesOf(core::enums::gender));
  if (int i = ethnicity_->GetSelection(); i > 0) f.ethnicity = ethnicities_[size_t(i - 1)].first;
  f.ageGroup = chosen(ageGroup_, services::ageGroups());
  f.theory = chosen(theory_, codesOf(core::enums::theory));
  f.origin = chosen(origin_, origins_);
  const std::optional<core::Id> keep = selectedId();
  std::vector<services::MemberRow> rows;
  std::unique_ptr<services::MemberPager> pager;
  const auto& cells = tree_->chosenCells();
  if (!ui::attempt(this, [&] {
        if (former) {
          rows = services::listFormerMembers(*services_, currentActor(), f);
          services::sortMemberRows(rows, sort_);
        } else {
          pager = std::make_unique<services::MemberPager>(
              *services_, currentActor(), f, f.cellCode.empty() ? cells : std::set<std::string>{}, sort_);
        }
      }))
    return;
  if (former) {
    if (f.cellCode.empty() && !cells.empty())  // a group of cells
      std::erase_if(rows, [&](const services::MemberRow& r) { return !cells.count(r.cellCode); });
    model_->setRows(std::move(rows));
  } else {
    model_->setPager(std::move(pager));
  }
  keep_ = keep;
  showFound();
  // The rest of a long list is found while the window is idle, a few milliseconds at a time.
  if (model_->pager() && !model_->pager()->complete()) Bind(wxEVT_IDLE, &MembersPage::onIdle, this);
}

void MembersPage::onIdle(wxIdleEvent& e) {
  services::MemberPager* pager = model_->pager();
  if (!pager || pager->complete()) {
    Unbind(wxEVT_IDLE, &MembersPage::onIdle, this);
    return;
  }
  if (!ui::attempt(this, [&] { pager->advance(std::chrono::milliseconds(40)); })) {
    Unbind(wxEVT_IDLE, &MembersPage::onIdle, this);
    return;
  }
  if (pager->complete()) {
    Unbind(wxEVT_IDLE, &MembersPage::onIdle, this);
    keep_ = selectedId();
    model_->grow();
    showFound();
  } else {
    e.RequestMore();
  }
}

void MembersPage::showFound() {
  const services::MemberPager* pager = model_->pager();
  int select = model_->size() == 0 ? -1 : 0;
  if (keep_) {
    if (pager) {
      if (auto at = pager->find(*keep_); at && *at < model_->size()) select = int(*at);
    } else {
      for (unsigned i = 0; i < model_->size(); ++i)
        if (model_->row(i)->id == *keep_) select = int(i);
    }
  }
  if (select >= 0) {
    selectRow(select);
    // Once the control has laid out the rows of a list that grew, the selected row is brought into view
    // again (GTK scrolls before it knows their heights).
    CallAfter([this, select] {
      if (unsigned(select) < model_->size()) list_->EnsureVisible(model_->GetItem(unsigned(select)));
    });
  }
  const auto n = static_cast<long long>(model_->size());
  const bool counting = pager && !pager->complete();
  count_->SetLabelText(
      counting ? ui::fmt(_("{1} party members so far, counting..."), {ui::count(n)})
               : ui::fmt(n == 1 ? _("{1} party member") : _("{1} party members"), {ui::count(n)}));
  count_->GetParent()->Layout();
}

std::optional<core::Id> MembersPage::selectedId() const {
  if (!list_ || !model_) return std::nullopt;
  int row = selectedIndex();
  const auto* r = row == wxNOT_FOUND ? nullptr : model_->row(unsigned(row));
  return r ? std::optional<core::Id>(r->id) : std::nullopt;
}

std::string MembersPage::selectedCode() const {
  if (!list_ || !model_) return {};
  int row = selectedIndex();
  const auto* r = row == wxNOT_FOUND ? nullptr : model_->row(unsigned(row));
  return r ? r->code : std::string();
}

int MembersPage::selectedIndex() const {
  wxDataViewItem item = list_->GetSelection();
  return item.IsOk() ? int(model_->GetRow(item)) : wxNOT_FOUND;
}

void MembersPage::selectRow(int row) {
  wxDataViewItem item = model_->GetItem(unsigned(row));
  list_->Select(item);
  list_->SetCurrentItem(item);
  list_->EnsureVisible(item);
}

void MembersPage::onDateEntered() {
  wxString text = date_->GetValue();
  auto d = core::Date::parse(ui::utf8(text));
  if (!d) {
    ui::readDate(this, date_, _("On date"));
    return;
  }
  date_->ChangeValue(ui::wx(d->vn()));
  if (*d == asOf_) return;
  asOf_ = *d;
  reload();
}

void MembersPage::openSelected() {
  if (!services_) return;
  std::string code = selectedCode();
  if (code.empty()) return;
  MemberDialog dlg(this, *services_, orgs_, allEthnicities_, code, {});
  dlg.ShowModal();
  if (dlg.changed() && onChanged_) onChanged_();
  list_->SetFocus();
}

void MembersPage::addMember() {
  if (!services_) return;
  MemberDialog dlg(this, *services_, orgs_, allEthnicities_, {}, tree_->chosenCell());
  dlg.ShowModal();
  if (dlg.changed()) {
    if (onChanged_) onChanged_();
    // Select the new member when the filters show it.
    std::string code = dlg.memberCode();
    for (unsigned i = 0; i < model_->size(); ++i)
      if (model_->row(i)->code == code) selectRow(int(i));
  }
  list_->SetFocus();
}

}  // namespace dangbo::app
