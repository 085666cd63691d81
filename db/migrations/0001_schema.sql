-- dangbo schema, step 1: the whole domain.
-- Dates are ISO text (YYYY-MM-DD); partial dates are YYYY or YYYY-MM. Enumerations are the short
-- codes of spec/import.md. Timestamps are UTC ISO text. Nothing here is ever dropped by a later step.

-- The committee that owns this register; exactly one row.
CREATE TABLE committee (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  name        TEXT NOT NULL,                 -- Đảng bộ xã Phiêng Pằn
  place       TEXT NOT NULL DEFAULT '',      -- Phiêng Pằn
  province    TEXT NOT NULL DEFAULT '',      -- Sơn La
  superior    TEXT NOT NULL DEFAULT '',      -- ĐẢNG BỘ TỈNH SƠN LA
  executive   TEXT NOT NULL DEFAULT '',      -- ĐẢNG ỦY XÃ PHIÊNG PẰN
  created_at  TEXT NOT NULL,
  revision    INTEGER NOT NULL DEFAULT 0     -- bumped by every committed change (cell packages compare it)
);

-- Dated rule values: a value applies from valid_from until the next value of the same key.
CREATE TABLE rule_values (
  id          INTEGER PRIMARY KEY,
  key         TEXT NOT NULL,
  valid_from  TEXT NOT NULL,
  value       TEXT NOT NULL,
  regulation  TEXT NOT NULL,                 -- the document the value comes from
  note        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL DEFAULT '',
  UNIQUE (key, valid_from)
);

-- Public holidays and swapped days (data/holidays_vn.csv and each year's announcement).
CREATE TABLE holidays (
  date    TEXT PRIMARY KEY,
  kind    TEXT NOT NULL CHECK (kind IN ('holiday', 'compensatory_off', 'working_swap')),
  name    TEXT NOT NULL DEFAULT '',
  source  TEXT NOT NULL DEFAULT ''
);

-- Gregorian dates of lunar 1/1 (Tết) and 10/3 (Giỗ Tổ): years with no announced calendar are estimated from them.
CREATE TABLE lunar_anchors (
  year      INTEGER PRIMARY KEY,
  tet_day1  TEXT NOT NULL,
  gio_to    TEXT NOT NULL
);

CREATE TABLE ethnic_groups (
  code         TEXT PRIMARY KEY,             -- QĐ 121-TCTK/PPCĐ (1979) code
  name         TEXT NOT NULL UNIQUE,
  other_names  TEXT NOT NULL DEFAULT '',     -- separated by '; '
  code_2008    TEXT NOT NULL DEFAULT ''      -- QĐ 1019/QĐ-TCTK (2008) code
);

CREATE TABLE religions (
  name   TEXT PRIMARY KEY,
  ord    INTEGER NOT NULL
);

CREATE TABLE organizations (
  id               INTEGER PRIMARY KEY,
  code             TEXT NOT NULL UNIQUE,
  name             TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('co_so', 'truc_thuoc')),
  category         TEXT NOT NULL CHECK (category IN ('ban', 'truong', 'co_quan_dang', 'chinh_quyen', 'quan_su', 'cong_an', 'y_te', 'khac')),
  founded          TEXT,
  ceased           TEXT,
  merged_into      INTEGER REFERENCES organizations (id),
  search_key       TEXT NOT NULL DEFAULT '',
  note             TEXT NOT NULL DEFAULT ''
);

-- Dated events of an organization: founded, renamed, merged, split, dissolved.
CREATE TABLE organization_events (
  id           INTEGER PRIMARY KEY,
  org_id       INTEGER NOT NULL REFERENCES organizations (id),
  date         TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('founded', 'renamed', 'merged', 'split', 'dissolved', 'restored')),
  related_org  INTEGER REFERENCES organizations (id),
  decision_no  TEXT NOT NULL DEFAULT '',
  detail       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX organization_events_org ON organization_events (org_id, date);

-- Periods in which a cell has an elected cell committee (chi ủy).
CREATE TABLE cell_committees (
  id          INTEGER PRIMARY KEY,
  org_id      INTEGER NOT NULL REFERENCES organizations (id),
  from_date   TEXT,
  to_date     TEXT,
  decision_no TEXT NOT NULL DEFAULT ''
);
CREATE INDEX cell_committees_org ON cell_committees (org_id);

CREATE TABLE members (
  id                   INTEGER PRIMARY KEY,
  code                 TEXT NOT NULL UNIQUE,
  full_name            TEXT NOT NULL,
  birth_name           TEXT NOT NULL DEFAULT '',
  search_key           TEXT NOT NULL DEFAULT '',   -- folded full name: no diacritics, đ -> d, lower case
  sort_key             BLOB NOT NULL DEFAULT x'',  -- Vietnamese name order (core::nameSortKey)
  gender               TEXT NOT NULL CHECK (gender IN ('nam', 'nu')),
  birth_date           TEXT,                       -- YYYY, YYYY-MM or YYYY-MM-DD
  birth_place          TEXT NOT NULL DEFAULT '',
  hometown             TEXT NOT NULL DEFAULT '',
  residence            TEXT NOT NULL DEFAULT '',
  ethnicity            TEXT REFERENCES ethnic_groups (code),
  religion             TEXT NOT NULL DEFAULT 'Không',
  cccd                 TEXT NOT NULL DEFAULT '' CHECK (cccd = '' OR (length(cccd) = 12 AND cccd NOT GLOB '*[^0-9]*')),
  phone                TEXT NOT NULL DEFAULT '',
  education            TEXT NOT NULL DEFAULT '',
  qualification        TEXT NOT NULL DEFAULT 'khong',
  theory               TEXT NOT NULL DEFAULT 'chua',
  occupation           TEXT NOT NULL DEFAULT '',
  admitted_on          TEXT,
  ceremony_on          TEXT,
  official_on          TEXT,
  card_no              TEXT NOT NULL DEFAULT '',
  file_no              TEXT NOT NULL DEFAULT '',
  transferred_in_on    TEXT,
  transferred_in_from  TEXT NOT NULL DEFAULT '',
  cell_id              INTEGER NOT NULL REFERENCES organizations (id),
  status               TEXT NOT NULL DEFAULT 'active'
                       -- OR rather than IN: a CHECK with IN over more than two values builds a temporary table on
                       -- every insert (same meaning, NULL included).
                       CHECK (status = 'active' OR status = 'exempt' OR status = 'transferred_out' OR status = 'deceased'
                              OR status = 'removed' OR status = 'expelled' OR status = 'left'),
  status_since         TEXT,
  candidate_id         INTEGER REFERENCES candidates (id),
  updated_at           TEXT NOT NULL DEFAULT ''
);
CREATE INDEX members_cell ON members (cell_id);
CREATE INDEX members_status ON members (status);
CREATE INDEX members_cccd ON members (cccd) WHERE cccd <> '';
-- The folded names alone: a substring search scans this narrow index instead of the whole table.
CREATE INDEX members_search ON members (search_key);

-- The dated history of every member: the state on any day is derived from it.
CREATE TABLE member_events (
  id           INTEGER PRIMARY KEY,
  member_id    INTEGER NOT NULL REFERENCES members (id),
  date         TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind = 'admitted' OR kind = 'recognized' OR kind = 'transfer_in' OR kind = 'transfer_out'
                                  OR kind = 'temp_out' OR kind = 'temp_back' OR kind = 'moved' OR kind = 'exempted'
                                  OR kind = 'exemption_ended' OR kind = 'deceased' OR kind = 'removed' OR kind = 'expelled'
                                  OR kind = 'left' OR kind = 'suspended' OR kind = 'suspension_ended'),  -- OR, not IN: see members.status
  from_cell    INTEGER REFERENCES organizations (id),
  to_cell      INTEGER REFERENCES organizations (id),
  place        TEXT NOT NULL DEFAULT '',
  decision_no  TEXT NOT NULL DEFAULT '',
  reason       TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX member_events_member ON member_events (member_id, date);
CREATE INDEX member_events_date ON member_events (date, kind);

-- Cell leadership over time.
CREATE TABLE cell_leaders (
  id          INTEGER PRIMARY KEY,
  org_id      INTEGER NOT NULL REFERENCES organizations (id),
  member_id   INTEGER NOT NULL REFERENCES members (id),
  role        TEXT NOT NULL CHECK (role IN ('bi_thu', 'pho_bi_thu', 'chi_uy_vien')),
  from_date   TEXT NOT NULL,
  to_date     TEXT,
  decision_no TEXT NOT NULL DEFAULT ''
);
CREATE INDEX cell_leaders_org ON cell_leaders (org_id, role);

CREATE TABLE trainings (
  id          INTEGER PRIMARY KEY,
  member_id   INTEGER NOT NULL REFERENCES members (id),
  year        INTEGER NOT NULL,
  date        TEXT,
  course      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX trainings_year ON trainings (year);

-- Candidates and their admission file, stage by stage.
CREATE TABLE candidates (
  id                       INTEGER PRIMARY KEY,
  code                     TEXT NOT NULL UNIQUE,
  full_name                TEXT NOT NULL,
  search_key               TEXT NOT NULL DEFAULT '',
  birth_date               TEXT,
  gender                   TEXT NOT NULL CHECK (gender IN ('nam', 'nu')),
  ethnicity                TEXT REFERENCES ethnic_groups (code),
  religion                 TEXT NOT NULL DEFAULT 'Không',
  residence                TEXT NOT NULL DEFAULT '',
  occupation               TEXT NOT NULL DEFAULT '',
  education                TEXT NOT NULL DEFAULT '',
  cell_id                  INTEGER NOT NULL REFERENCES organizations (id),
  listed_on                TEXT,
  certificate_no           TEXT NOT NULL DEFAULT '',
  certificate_on           TEXT,
  application_on           TEXT,
  history_on               TEXT,
  background_check_on      TEXT,
  background_check_result  TEXT NOT NULL DEFAULT '',
  sponsor1                 INTEGER REFERENCES members (id),
  sponsor1_since           TEXT,
  sponsor2                 INTEGER REFERENCES members (id),
  sponsor2_since           TEXT,
  youth_union_resolution   TEXT NOT NULL DEFAULT '',
  mass_org_comment_on      TEXT,
  cell_vote_on             TEXT,
  cell_vote_official       INTEGER,
  cell_vote_in_favour      INTEGER,
  committee_resolution_on  TEXT,
  committee_resolution_no  TEXT NOT NULL DEFAULT '',
  decision_on              TEXT,
  decision_no              TEXT NOT NULL DEFAULT '',
  decision_body            TEXT NOT NULL DEFAULT '',
  ceremony_on              TEXT,
  status                   TEXT NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'admitted', 'withdrawn', 'rejected')),
  outcome_reason           TEXT NOT NULL DEFAULT '',
  member_id                INTEGER REFERENCES members (id)
);
CREATE INDEX candidates_cell ON candidates (cell_id);

-- Members assigned to help a candidate.
CREATE TABLE candidate_helpers (
  candidate_id  INTEGER NOT NULL REFERENCES candidates (id),
  member_id     INTEGER NOT NULL REFERENCES members (id),
  from_date     TEXT,
  PRIMARY KEY (candidate_id, member_id)
);

-- People checked in the background check (the candidate and close family).
CREATE TABLE candidate_checks (
  id            INTEGER PRIMARY KEY,
  candidate_id  INTEGER NOT NULL REFERENCES candidates (id),
  person        TEXT NOT NULL,
  relation      TEXT NOT NULL DEFAULT '',
  checked_on    TEXT,
  result        TEXT NOT NULL DEFAULT ''
);

-- Recognition as official member at the end of probation.
CREATE TABLE recognitions (
  id                INTEGER PRIMARY KEY,
  member_id         INTEGER NOT NULL UNIQUE REFERENCES members (id),
  cell_review_on    TEXT,
  official_count    INTEGER,
  in_favour         INTEGER,
  decision_no       TEXT NOT NULL DEFAULT '',
  decision_on       TEXT,
  result            TEXT NOT NULL DEFAULT 'pending' CHECK (result IN ('pending', 'recognized', 'failed'))
);

CREATE TABLE rating_rounds (
  year        INTEGER PRIMARY KEY,
  opened_on   TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'locked')),
  locked_at   TEXT,
  locked_by   TEXT NOT NULL DEFAULT ''
);

CREATE TABLE ratings (
  id                INTEGER PRIMARY KEY,
  year              INTEGER NOT NULL,
  subject_type      TEXT NOT NULL CHECK (subject_type IN ('to_chuc', 'dang_vien')),
  subject_id        INTEGER NOT NULL,
  cell_id           INTEGER REFERENCES organizations (id),
  self_level        TEXT NOT NULL DEFAULT '',
  proposed_level    TEXT NOT NULL DEFAULT '',
  level             TEXT NOT NULL CHECK (level IN ('HTXSNV', 'HTTNV', 'HTNV', 'KHTNV')),
  score             INTEGER,
  exception_reason  TEXT NOT NULL DEFAULT '',
  UNIQUE (year, subject_type, subject_id)
);
CREATE INDEX ratings_cell ON ratings (year, cell_id);

CREATE TABLE inspection_plans (
  id       INTEGER PRIMARY KEY,
  year     INTEGER NOT NULL,
  number   TEXT NOT NULL DEFAULT '',
  title    TEXT NOT NULL,
  planned_organizations INTEGER NOT NULL DEFAULT 0,
  planned_members       INTEGER NOT NULL DEFAULT 0
);

-- Inspection and supervision cases (confidential: findings and conclusions).
CREATE TABLE inspections (
  id            INTEGER PRIMARY KEY,
  number        TEXT NOT NULL,
  date          TEXT NOT NULL,
  subject_type  TEXT NOT NULL CHECK (subject_type IN ('to_chuc', 'dang_vien')),
  subject_id    INTEGER NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('thuong_xuyen', 'dau_hieu_vi_pham', 'thi_hanh_ky_luat', 'tai_chinh', 'to_cao', 'giai_quyet_khieu_nai', 'giam_sat')),
  plan_id       INTEGER REFERENCES inspection_plans (id),
  team          TEXT NOT NULL DEFAULT '',
  findings      TEXT NOT NULL DEFAULT '',
  conclusion    TEXT NOT NULL DEFAULT '',
  follow_up     TEXT NOT NULL DEFAULT '',
  closed_on     TEXT,
  UNIQUE (number, subject_type, subject_id)
);
CREATE INDEX inspections_date ON inspections (date);

-- Disciplinary decisions (confidential: the violation).
CREATE TABLE disciplines (
  id            INTEGER PRIMARY KEY,
  number        TEXT NOT NULL,
  date          TEXT NOT NULL,
  subject_type  TEXT NOT NULL CHECK (subject_type IN ('to_chuc', 'dang_vien')),
  subject_id    INTEGER NOT NULL,
  form          TEXT NOT NULL CHECK (form IN ('khien_trach', 'canh_cao', 'cach_chuc', 'khai_tru', 'giai_tan')),
  body          TEXT NOT NULL DEFAULT '',
  violation     TEXT NOT NULL DEFAULT '',
  violation_on  TEXT,
  announced_on  TEXT,
  inspection_id INTEGER REFERENCES inspections (id),
  UNIQUE (number, subject_type, subject_id)
);
CREATE INDEX disciplines_date ON disciplines (date);

CREATE TABLE complaints (
  id             INTEGER PRIMARY KEY,
  discipline_id  INTEGER NOT NULL REFERENCES disciplines (id),
  received_on    TEXT,                       -- the day the subject received the decision
  filed_on       TEXT NOT NULL,
  content        TEXT NOT NULL DEFAULT '',
  outcome        TEXT NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'upheld', 'changed', 'annulled', 'rejected')),
  outcome_on     TEXT
);

CREATE TABLE removals (
  id           INTEGER PRIMARY KEY,
  member_id    INTEGER NOT NULL REFERENCES members (id),
  ground       TEXT NOT NULL CHECK (ground IN ('bo_sinh_hoat', 'khong_tien_bo', 'khong_du_tu_cach', 'du_bi_khong_dat', 'khac')),
  proposed_on  TEXT,
  decision_no  TEXT NOT NULL DEFAULT '',
  decision_on  TEXT NOT NULL
);
CREATE INDEX removals_date ON removals (decision_on);

CREATE TABLE terms (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  from_year  INTEGER NOT NULL,
  to_year    INTEGER NOT NULL CHECK (to_year >= from_year)
);

CREATE TABLE committee_seats (
  term_id    INTEGER NOT NULL REFERENCES terms (id),
  member_id  INTEGER NOT NULL REFERENCES members (id),
  position   TEXT NOT NULL CHECK (position IN ('bi_thu', 'pho_bi_thu', 'uv_btv', 'uv_bch')),
  PRIMARY KEY (term_id, member_id)
);

CREATE TABLE targets (
  key        TEXT NOT NULL CHECK (key IN ('ket_nap_nhiem_ky', 'ket_nap_nam', 'to_chuc_tot', 'dang_vien_tot', 'chi_bo_ban_co_chi_uy')),
  from_year  INTEGER NOT NULL,
  to_year    INTEGER NOT NULL CHECK (to_year >= from_year),
  value      REAL NOT NULL,
  PRIMARY KEY (key, from_year, to_year)
);

CREATE TABLE users (
  id             INTEGER PRIMARY KEY,
  username       TEXT NOT NULL UNIQUE,
  full_name      TEXT NOT NULL DEFAULT '',
  role           TEXT NOT NULL CHECK (role IN ('admin', 'office', 'secretary', 'inspection', 'leadership')),
  cell_id        INTEGER REFERENCES organizations (id),
  password_hash  TEXT NOT NULL DEFAULT '',
  failed_logins  INTEGER NOT NULL DEFAULT 0,
  locked_until   TEXT,
  active         INTEGER NOT NULL DEFAULT 1,
  created_at     TEXT NOT NULL
);

-- Append-only audit trail; each row carries the hash of the previous one.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  username    TEXT NOT NULL,
  action      TEXT NOT NULL,
  record      TEXT NOT NULL DEFAULT '',
  old_value   TEXT NOT NULL DEFAULT '',
  new_value   TEXT NOT NULL DEFAULT '',
  reason      TEXT NOT NULL DEFAULT '',
  prev_hash   TEXT NOT NULL DEFAULT '',
  hash        TEXT NOT NULL DEFAULT ''
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- Published (frozen) reports: the report model as a versioned archive.
CREATE TABLE published_reports (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  title         TEXT NOT NULL DEFAULT '',
  options       TEXT NOT NULL DEFAULT '',
  published_at  TEXT NOT NULL,
  username      TEXT NOT NULL DEFAULT '',
  model         BLOB NOT NULL
);
