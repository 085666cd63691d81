#include "app/MemberListModel.h"

#include "app/Ui.h"
#include "core/Enums.h"

namespace dangbo::app {

void MemberListModel::setPager(std::unique_ptr<services::MemberPager> pager) {
  pager_ = std::move(pager);
  rows_.clear();
  shown_ = pager_ ? unsigned(pager_->size()) : 0;
  Reset(shown_);
}

void MemberListModel::setRows(std::vector<services::MemberRow> rows) {
  pager_.reset();
  rows_ = std::move(rows);
  shown_ = unsigned(rows_.size());
  Reset(shown_);
}

void MemberListModel::grow() {
  if (!pager_ || pager_->size() == shown_) return;
  shown_ = unsigned(pager_->size());
  Reset(shown_);
}

const services::MemberRow* MemberListModel::row(unsigned index) const {
  if (index >= shown_) return nullptr;
  return pager_ ? pager_->row(index) : &rows_[index];
}

wxString MemberListModel::heading(Column c) {
  switch (c) {
    case Code:
      return _("Code");
    case Name:
      return _("Full name");
    case Cell:
      return _("Cell");
    case Gender:
      return _("Gender");
    case Birth:
      return _("Date of birth");
    case Ethnicity:
      return _("Ethnicity");
    case Admitted:
      return _("Admitted");
    case Official:
      return _("Official");
    default:
      return _("Status");
  }
}

wxString MemberListModel::text(const services::MemberRow& r, unsigned column) {
  switch (column) {
    case Code:
      return ui::wx(r.code);
    case Name:
      return ui::wx(r.name);
    case Cell:
      return ui::wx(r.cellName);
    case Gender:
      return ui::wx(core::enums::gender.label(r.gender));
    case Birth:
      return r.birthDate ? ui::wx(r.birthDate->vn()) : wxString();
    case Ethnicity:
      return ui::wx(r.ethnicityName);
    case Admitted:
      return ui::date(r.admittedOn);
    case Official:
      return ui::date(r.officialOn);
    default: {
      wxString status = ui::wx(core::enums::memberStatus.label(r.status));
      return r.standing == "probationary" ? ui::fmt(_("{1} (probationary)"), {status}) : status;
    }
  }
}

void MemberListModel::GetValueByRow(wxVariant& variant, unsigned row, unsigned col) const {
  const auto* r = this->row(row);
  variant = r ? text(*r, col) : wxString();
}

bool MemberListModel::GetAttrByRow(unsigned row, unsigned col, wxDataViewItemAttr& attr) const {
  const auto* found = this->row(row);
  if (!found) return false;
  const auto& r = *found;
  if (col == Status && r.status == "exempt") {
    attr.SetColour(wxColour(0x80, 0x50, 0x00));
    return true;
  }
  if (col == Status && r.standing == "probationary") {
    attr.SetItalic(true);
    attr.SetColour(wxColour(0x1A, 0x5F, 0xB4));
    return true;
  }
  return false;
}

}  // namespace dangbo::app
