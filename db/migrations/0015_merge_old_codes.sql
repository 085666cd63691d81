-- dangbo schema, step 15 (issue 18): merging the registers of former communes (spec/merger.md).
--
-- old_codes: the code a cell, member or candidate had in the register of a former commune, kept when a merge
-- gives it a code of the new register ("Mã cũ"), with that commune's name (the source's origin), so that it
-- can still be searched. A member who was in two sources (the same person) keeps both old codes.
CREATE TABLE old_codes (
  id        INTEGER PRIMARY KEY,
  entity    TEXT NOT NULL CHECK (entity = 'organization' OR entity = 'member' OR entity = 'candidate'),
  record_id INTEGER NOT NULL,
  origin    TEXT NOT NULL,
  old_code  TEXT NOT NULL COLLATE NOCASE,
  merged_on TEXT NOT NULL
);
CREATE INDEX old_codes_code ON old_codes (old_code, entity);
CREATE INDEX old_codes_record ON old_codes (entity, record_id);
