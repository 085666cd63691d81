-- dangbo schema, step 3: the candidate's citizen id and the provincial approval of a candidate over the
-- maximum age; the removal grounds after which a former member is never admitted again (a dated rule).

-- Citizen id (CCCD, 12 digits) of a candidate; copied to the member at the ceremony.
ALTER TABLE candidates ADD COLUMN cccd TEXT NOT NULL DEFAULT '';
-- 1 when the candidate was over admission.max_age at the cell's vote: the province's approval is needed.
ALTER TABLE candidates ADD COLUMN needs_provincial_approval INTEGER NOT NULL DEFAULT 0 CHECK (needs_provincial_approval IN (0, 1));
-- The province's approval document (number), when given.
ALTER TABLE candidates ADD COLUMN provincial_approval_no TEXT NOT NULL DEFAULT '';
CREATE INDEX candidates_cccd ON candidates (cccd);

-- Former members struck off the list on these grounds are never admitted again (as expelled members).
INSERT INTO rule_values (key, valid_from, value, regulation, note, created_at, created_by) VALUES ('readmission.excluded_removal_grounds', '2000-01-01', 'bo_sinh_hoat', 'Quy định 294-QĐ/TW (2025); Hướng dẫn 06-HD/TW (2025)', 'không xem xét kết nạp lại người đã tự bỏ sinh hoạt đảng', '2026-11-29T00:00:00Z', 'dangbo');
