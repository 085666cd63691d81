-- dangbo schema, step 16 (issue 19): party age with dated interruptions, badge awards as records.
--
-- party_interruptions: a time outside the party that party age does not count (spec/member-file.md "Party
-- age"). kind: readmission (the time between the end of an earlier membership and the re-admission; the
-- ceremony of a re-admitted candidate creates it, with the earlier membership's first admission and member
-- row), out_of_contact (mất liên lạc), transfer_gap (between a transfer out and the transfer in), other.
-- to_date NULL: the interruption has not ended.
CREATE TABLE party_interruptions (
  id                 INTEGER PRIMARY KEY,
  member_id          INTEGER NOT NULL REFERENCES members (id),
  kind               TEXT NOT NULL CHECK (kind IN ('readmission', 'out_of_contact', 'transfer_gap', 'other')),
  from_date          TEXT NOT NULL,
  to_date            TEXT,
  first_admitted_on  TEXT,                       -- readmission: the first admission of the earlier membership
  former_member_id   INTEGER REFERENCES members (id),  -- readmission: the earlier membership's row, when kept
  note               TEXT NOT NULL DEFAULT '',
  created_at         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX party_interruptions_member ON party_interruptions (member_id, from_date);

-- badge_awards: a party badge (Huy hiệu Đảng) awarded for a milestone of party age; posthumous when the member
-- had died. The badge number is column 8 of the register (7-HSĐV).
CREATE TABLE badge_awards (
  id           INTEGER PRIMARY KEY,
  member_id    INTEGER NOT NULL REFERENCES members (id),
  milestone    INTEGER NOT NULL CHECK (milestone > 0),
  decision_no  TEXT NOT NULL DEFAULT '',
  decision_on  TEXT,
  badge_no     TEXT NOT NULL DEFAULT '',
  ceremony_on  TEXT,
  note         TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL DEFAULT '',
  UNIQUE (member_id, milestone)
);

-- badge_requests: a proposal ahead of the milestone, for a seriously ill member or posthumously, as the cell
-- asked (dated); it applies to every round from that day until the badge is awarded.
CREATE TABLE badge_requests (
  id            INTEGER PRIMARY KEY,
  member_id     INTEGER NOT NULL REFERENCES members (id),
  kind          TEXT NOT NULL CHECK (kind IN ('ill', 'posthumous')),
  requested_on  TEXT NOT NULL,
  note          TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL DEFAULT '',
  UNIQUE (member_id, kind)
);

INSERT INTO rule_values (key, valid_from, value, regulation, note, created_at, created_by) VALUES
  ('badge.early_months_posthumous', '2000-01-01', '12', 'Hướng dẫn 06-HD/TW (2025)', 'đã từ trần: xét truy tặng sớm tối đa', '2026-12-04T00:00:00Z', 'dangbo'),
  ('badge.discipline_wait_months_khien_trach', '2000-01-01', '6', 'Hướng dẫn 06-HD/TW (2025)', 'bị khiển trách: chờ sau quyết định', '2026-12-04T00:00:00Z', 'dangbo'),
  ('badge.discipline_wait_months_canh_cao', '2000-01-01', '9', 'Hướng dẫn 06-HD/TW (2025)', 'bị cảnh cáo: chờ sau quyết định', '2026-12-04T00:00:00Z', 'dangbo'),
  ('badge.discipline_wait_months_cach_chuc', '2000-01-01', '12', 'Hướng dẫn 06-HD/TW (2025)', 'bị cách chức: chờ sau quyết định', '2026-12-04T00:00:00Z', 'dangbo');
