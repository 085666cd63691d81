#pragma once
// The audit trail in words: an action code ("user.create") as what was done, a record key
// ("rating:2026:dang_vien:DV0012") as what it was done to, the coded values of a row ("self=HTTNV") with
// their labels, and a stored UTC time as the time of the machine's time zone.
#include <wx/string.h>

#include <string>

namespace dangbo::app::audit_text {

/// "Tạo tài khoản" for "user.create"; an unknown code is shown as it is.
wxString action(const std::string& code);
/// "Xếp loại năm 2026 — đảng viên DV0012" for "rating:2026:dang_vien:DV0012".
wxString record(const std::string& key);
/// The value with its known codes in words ("self=HTTNV" -> "tự đánh giá: Hoàn thành tốt nhiệm vụ").
wxString value(const std::string& text);
/// "2026-11-29T07:35:12Z" -> "29/11/2026 14:35:12" in the local time zone; other texts as they are.
wxString localTime(const std::string& isoUtc);

}  // namespace dangbo::app::audit_text
