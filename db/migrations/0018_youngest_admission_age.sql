-- Issue 14: the youngest age at admission a member's file may show, a dated rule value instead of a constant in
-- code (core/MemberRules). The statute asks for 18 at admission; 16 leaves room for old records whose dates are
-- approximate, while refusing a birth year typed for an admission year (a child of 5 admitted).
INSERT OR IGNORE INTO rule_values (key, valid_from, value, regulation, note, created_at, created_by) VALUES
  ('member.youngest_admission_age', '1930-02-03', '16', 'Điều lệ Đảng, Điều 1 (đủ 18 tuổi); dung sai cho hồ sơ cũ',
   'tuổi nhỏ nhất khi vào Đảng mà hồ sơ đảng viên được chấp nhận', '2026-12-05T00:00:00Z', 'dangbo');
