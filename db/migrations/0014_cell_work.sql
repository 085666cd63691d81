-- The monthly work of a cell (spec/cell-work.md): meetings with their attendance, temporary leave from
-- party activity, each member's dated dues basis, dues payments, and what each cell sent up. Months are
-- kept as 'YYYY-MM' text; amounts as whole đồng.

-- A cell meeting: regular (thuong_ky), thematic (chuyen_de) or extraordinary (bat_thuong).
CREATE TABLE meetings (
  id           INTEGER PRIMARY KEY,
  cell_id      INTEGER NOT NULL REFERENCES organizations (id),
  held_on      TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind = 'thuong_ky' OR kind = 'chuyen_de' OR kind = 'bat_thuong'),
  topic        TEXT NOT NULL DEFAULT '',
  starts_at    TEXT NOT NULL DEFAULT '',   -- hh:mm
  ends_at      TEXT NOT NULL DEFAULT '',   -- hh:mm
  chair_id     INTEGER REFERENCES members (id),
  minutes_by   INTEGER REFERENCES members (id),
  resolution   TEXT NOT NULL DEFAULT '',
  grade        TEXT NOT NULL DEFAULT '' CHECK (grade = '' OR grade = 'tot' OR grade = 'kha' OR grade = 'trung_binh'
                                               OR grade = 'kem'),
  UNIQUE (cell_id, held_on, kind)
);
CREATE INDEX meetings_date ON meetings (held_on);

-- Who attended a meeting. A member of the cell without a row was not recorded.
CREATE TABLE meeting_attendance (
  id          INTEGER PRIMARY KEY,          -- a rowid table: cell packages carry rows by their rowid
  meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  member_id   INTEGER NOT NULL REFERENCES members (id),
  status      TEXT NOT NULL CHECK (status = 'co_mat' OR status = 'vang_co_ly_do' OR status = 'vang_khong_ly_do'),
  reason      TEXT NOT NULL DEFAULT '',
  UNIQUE (meeting_id, member_id)
);
CREATE INDEX meeting_attendance_member ON meeting_attendance (member_id);

-- Temporary leave from party activity (tạm miễn sinh hoạt, under 12 months). Dues stay owed.
CREATE TABLE activity_leaves (
  id          INTEGER PRIMARY KEY,
  member_id   INTEGER NOT NULL REFERENCES members (id),
  from_on     TEXT NOT NULL,
  to_on       TEXT NOT NULL,
  reason      TEXT NOT NULL DEFAULT '',
  decision    TEXT NOT NULL DEFAULT '',
  UNIQUE (member_id, from_on),
  CHECK (to_on >= from_on)
);

-- A member's dues basis from a month until the next row: category, monthly base, exemption or reduction.
CREATE TABLE dues_bases (
  id          INTEGER PRIMARY KEY,
  member_id   INTEGER NOT NULL REFERENCES members (id),
  from_month  TEXT NOT NULL,                 -- YYYY-MM
  category    TEXT NOT NULL CHECK (category = 'bhxh' OR category = 'huu_tri' OR category = 'hoc_sinh' OR category = 'khac'),
  base_vnd    INTEGER CHECK (base_vnd IS NULL OR base_vnd >= 0),
  relief      TEXT NOT NULL DEFAULT '' CHECK (relief = '' OR relief = 'mien' OR relief = 'giam30' OR relief = 'giam50'
                                              OR relief = 'giam70'),
  decision    TEXT NOT NULL DEFAULT '',
  UNIQUE (member_id, from_month)
);

-- Dues paid for a month (one row per member and month; a late payment keeps the month it is for).
CREATE TABLE dues_payments (
  id          INTEGER PRIMARY KEY,
  member_id   INTEGER NOT NULL REFERENCES members (id),
  month       TEXT NOT NULL,                 -- YYYY-MM the payment is for
  amount_vnd  INTEGER NOT NULL CHECK (amount_vnd > 0),
  paid_on     TEXT NOT NULL,
  channel     TEXT NOT NULL DEFAULT 'tien_mat' CHECK (channel = 'tien_mat' OR channel = 'cong_dvc'),
  receipt     TEXT NOT NULL DEFAULT '',
  cell_id     INTEGER NOT NULL REFERENCES organizations (id),  -- the cell that collected it
  UNIQUE (member_id, month)
);
CREATE INDEX dues_payments_cell ON dues_payments (cell_id, month);

-- What a cell sent up to the commune for a month (the share it does not keep).
CREATE TABLE dues_remittances (
  id          INTEGER PRIMARY KEY,
  cell_id     INTEGER NOT NULL REFERENCES organizations (id),
  month       TEXT NOT NULL,
  amount_vnd  INTEGER NOT NULL CHECK (amount_vnd >= 0),
  sent_on     TEXT NOT NULL,
  UNIQUE (cell_id, month)
);

-- Dated rule values. The percentages of Quyết định 342-QĐ/TW (2010) before 1/2/2026 and of Quy định
-- 01-QĐ/TW (3/2/2026) from then. The values our sources do not give (the pupils' amount before 2/2026, the
-- amount of other members, the shares kept by the cell and the commune) have no row: the office enters them
-- in the settings, and until then a month depending on them is shown without an amount and never owed.
UPDATE rule_values SET regulation = 'Quyết định 342-QĐ/TW (2010)'
  WHERE key IN ('dues.salary_percent', 'dues.pension_percent') AND valid_from = '2000-01-01';
DELETE FROM rule_values WHERE key = 'dues.student_vnd' AND valid_from = '2000-01-01';
UPDATE rule_values SET note = 'tuổi Đảng được miễn đóng (trước 1/2/2026: chưa đối chiếu với 342-QĐ/TW)'
  WHERE key = 'dues.exempt_party_years' AND valid_from = '2000-01-01';
INSERT OR IGNORE INTO rule_values (key, valid_from, value, regulation, note, created_at, created_by) VALUES
  ('dues.salary_percent', '2026-02-01', '1', 'Quy định 01-QĐ/TW (2026)', 'phần trăm tiền lương làm căn cứ đóng BHXH', '2026-12-04T00:00:00Z', 'dangbo'),
  ('dues.pension_percent', '2026-02-01', '0.5', 'Quy định 01-QĐ/TW (2026)', 'phần trăm lương hưu', '2026-12-04T00:00:00Z', 'dangbo'),
  ('dues.student_vnd', '2026-02-01', '5000', 'Quy định 01-QĐ/TW (2026)', 'học sinh, sinh viên mỗi tháng', '2026-12-04T00:00:00Z', 'dangbo'),
  ('dues.exempt_party_years', '2026-02-01', '50', 'Quy định 01-QĐ/TW (2026)', 'miễn đóng từ tháng đủ 50 năm tuổi Đảng', '2026-12-04T00:00:00Z', 'dangbo'),
  ('dues.rounding_vnd', '2000-01-01', '1', 'Cài đặt của văn phòng', 'làm tròn số phải đóng (1 = không làm tròn; nhiều chi bộ làm tròn 1000)', '2026-12-04T00:00:00Z', 'dangbo'),
  ('meetings.regular_per_month', '2018-01-01', '1', 'Điều lệ Đảng, Điều 24; Hướng dẫn 12-HD/BTCTW (2018)', 'sinh hoạt thường kỳ mỗi tháng', '2026-12-04T00:00:00Z', 'dangbo'),
  ('meetings.thematic_per_quarter', '2018-01-01', '1', 'Hướng dẫn 12-HD/BTCTW (2018)', 'sinh hoạt chuyên đề ít nhất mỗi quý', '2026-12-04T00:00:00Z', 'dangbo'),
  ('meetings.good_rate_percent', '2018-01-01', '85', 'Hướng dẫn 12-HD/BTCTW (2018)', 'buổi sinh hoạt tốt: tỷ lệ dự trên 85%', '2026-12-04T00:00:00Z', 'dangbo'),
  ('meetings.good_min_minutes', '2018-01-01', '90', 'Hướng dẫn 12-HD/BTCTW (2018)', 'buổi sinh hoạt tốt: từ 90 phút', '2026-12-04T00:00:00Z', 'dangbo');
