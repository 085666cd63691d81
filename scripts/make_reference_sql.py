#!/usr/bin/env python3
"""Writes db/migrations/0002_reference_data.sql from ../shared/data and the rule values of today.

Run from the repository root when the reference data changes; the output is committed, so the build
does not need ../shared. Dated rules: each row names the regulation its value comes from.
"""
import csv, pathlib, sys

root = pathlib.Path(__file__).resolve().parent.parent
data = root.parent / "shared" / "data"
out = root / "db" / "migrations" / "0002_reference_data.sql"

def q(s):
    return "'" + s.replace("'", "''") + "'"

# key, value, regulation, note  (valid from 2000-01-01 until the office enters another dated value)
RULES = [
    ("admission.min_age", "18", "Điều lệ Đảng, Điều 1; Quy định 294-QĐ/TW (2025)", "tuổi đời tối thiểu khi chi bộ xét"),
    ("admission.max_age", "60", "Quy định 294-QĐ/TW (2025)", "trên 60 tuổi cần cấp ủy tỉnh đồng ý"),
    ("admission.certificate_validity_months", "60", "Hướng dẫn 06-HD/TW (2025)", "giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng"),
    ("admission.sponsor_min_months", "12", "Điều lệ Đảng, Điều 4; Quy định 294-QĐ/TW (2025)", "người giới thiệu cùng công tác, sinh sống"),
    ("admission.cell_vote_share", "2/3", "Điều lệ Đảng, Điều 4; Hướng dẫn 06-HD/TW (2025)", "trên tổng số đảng viên chính thức của chi bộ"),
    ("admission.committee_vote_share", "2/3", "Hướng dẫn 06-HD/TW (2025)", "trên tổng số cấp ủy viên"),
    ("admission.decision_working_days", "60", "Hướng dẫn 06-HD/TW (2025)", "ra quyết định kết nạp sau nghị quyết chi bộ"),
    ("admission.decision_extension_working_days", "30", "Hướng dẫn 06-HD/TW (2025)", "gia hạn khi cần thẩm tra thêm"),
    ("admission.ceremony_working_days", "30", "Hướng dẫn 06-HD/TW (2025)", "tổ chức lễ kết nạp sau quyết định"),
    ("admission.history_working_days", "30", "Hướng dẫn 06-HD/TW (2025)", "hoàn thành lý lịch đảng viên"),
    ("admission.probation_months", "12", "Điều lệ Đảng, Điều 5", "thời kỳ dự bị tính từ ngày lễ kết nạp"),
    ("recognition.review_working_days", "30", "Hướng dẫn 06-HD/TW (2025)", "chi bộ xét công nhận sau khi hết dự bị"),
    ("recognition.decision_working_days", "30", "Hướng dẫn 06-HD/TW (2025)", "cấp ủy có thẩm quyền quyết định công nhận"),
    ("recognition.decision_extension_working_days", "30", "Hướng dẫn 06-HD/TW (2025)", "gia hạn quyết định công nhận"),
    ("readmission.wait_months", "36", "Quy định 294-QĐ/TW (2025)", "kết nạp lại sau khi ra khỏi Đảng"),
    ("rating.excellent_max_percent_of_good", "20", "Quy định 366-QĐ/TW (2025); Hướng dẫn 43-HD/BTCTW (2025)", "số Hoàn thành xuất sắc so với số Hoàn thành tốt"),
    ("rating.min_months_since_admission", "6", "Hướng dẫn 43-HD/BTCTW (2025)", "đảng viên mới kết nạp dưới 6 tháng không xếp loại"),
    ("rating.org_disciplined_subunits_percent", "20", "Quy định 366-QĐ/TW (2025)", "trên 20% tổ chức trực thuộc bị kỷ luật"),
    ("rating.score_bands", "90/70/50", "Hướng dẫn 43-HD/BTCTW (2025)", "điểm tối thiểu cho HTXSNV/HTTNV/HTNV"),
    ("discipline.limitation_years_reprimand", "5", "Quy định 69-QĐ/TW (2022); Quy định 296-QĐ/TW (2025)", "thời hiệu mức khiển trách"),
    ("discipline.limitation_years_warning", "10", "Quy định 69-QĐ/TW (2022); Quy định 296-QĐ/TW (2025)", "thời hiệu mức cảnh cáo, cách chức"),
    ("discipline.complaint_days", "30", "Điều lệ Đảng, Điều 37; Quy định 296-QĐ/TW (2025)", "khiếu nại kể từ ngày nhận quyết định"),
    ("discipline.lapse_months", "12", "Quy định 296-QĐ/TW (2025)", "quyết định hết hiệu lực nếu không khiếu nại, không vi phạm mới"),
    ("removal.inactive_months", "3", "Điều lệ Đảng, Điều 8", "bỏ sinh hoạt, không đóng đảng phí trong năm"),
    ("badge.milestones", "30,40,45,50,55,60,65,70,75,80,85,90", "Quy định 94-QĐ/TW (2022)", "tuổi Đảng được tặng Huy hiệu"),
    ("badge.award_dates", "03/02,19/05,02/09,07/11", "Quy định 94-QĐ/TW (2022)", "các ngày trao Huy hiệu"),
    ("badge.early_months_ill", "12", "Quy định 94-QĐ/TW (2022)", "ốm nặng: xét sớm tối đa"),
    ("badge.early_months_ill_70", "24", "Quy định 94-QĐ/TW (2022)", "ốm nặng, 70 tuổi Đảng trở lên"),
    ("transfer.permanent_working_days", "60", "Hướng dẫn 12-HD/BTCTW", "chuyển sinh hoạt đảng chính thức"),
    ("register.reconcile_months", "3", "Hướng dẫn 12-HD/BTCTW", "đối chiếu sổ danh sách đảng viên"),
    ("dues.salary_percent", "1", "Quy định 01-QĐ/TW (2026)", "phần trăm tiền lương đóng bảo hiểm"),
    ("dues.pension_percent", "0.5", "Quy định 01-QĐ/TW (2026)", "phần trăm lương hưu"),
    ("dues.student_vnd", "5000", "Quy định 01-QĐ/TW (2026)", "học sinh, sinh viên mỗi tháng"),
    ("dues.exempt_party_years", "50", "Quy định 01-QĐ/TW (2026)", "tuổi Đảng được miễn đóng"),
]

lines = ["-- dangbo schema, step 2: reference data and today's rule values.",
         "-- Written by scripts/make_reference_sql.py from shared/data (sources in its README).", ""]
with open(data / "ethnic_groups.csv", encoding="utf-8") as f:
    codes = {r["name"]: r["code_qd1019_2008"] for r in csv.DictReader(open(data / "ethnic_groups_code_map.csv", encoding="utf-8"))}
    for r in csv.DictReader(f):
        lines.append(f"INSERT INTO ethnic_groups (code, name, other_names, code_2008) VALUES ({q(r['code'])}, {q(r['name'])}, {q(r['other_names'])}, {q(codes.get(r['name'], ''))});")
with open(data / "religions.csv", encoding="utf-8") as f:
    for i, r in enumerate(csv.DictReader(f), 1):
        lines.append(f"INSERT INTO religions (name, ord) VALUES ({q(r['name'])}, {i});")
with open(data / "holidays_vn.csv", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        lines.append(f"INSERT INTO holidays (date, kind, name, source) VALUES ({q(r['date'])}, {q(r['kind'])}, {q(r['name'])}, 'holidays_vn.csv');")
with open(data / "lunar_anchor_dates.csv", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        lines.append(f"INSERT INTO lunar_anchors (year, tet_day1, gio_to) VALUES ({int(r['year'])}, {q(r['tet_day1'])}, {q(r['gio_to'])});")
for key, value, reg, note in RULES:
    lines.append(f"INSERT INTO rule_values (key, valid_from, value, regulation, note, created_at, created_by) VALUES ({q(key)}, '2000-01-01', {q(value)}, {q(reg)}, {q(note)}, '2026-11-29T00:00:00Z', 'dangbo');")
out.write_text("\n".join(lines) + "\n", encoding="utf-8")
print(f"wrote {out} ({len(lines)} lines)", file=sys.stderr)
