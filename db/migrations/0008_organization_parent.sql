-- dangbo schema, step 8 (issue 6): the organization a party organization belongs to, and locked rating rounds
-- guarded in the file itself.
--
-- parent_id: a cell of a partial party committee (đảng bộ bộ phận), or a party group (tổ đảng) of a cell.
-- NULL: directly under the commune committee, as every cell of Phiêng Pằn is. The rating rule "over 20% of its
-- sub-units disciplined: not complete" (rating.org_disciplined_subunits_percent) counts the organizations whose
-- parent_id is the rated one.
ALTER TABLE organizations ADD COLUMN parent_id INTEGER REFERENCES organizations (id);
CREATE INDEX organizations_parent ON organizations (parent_id);

-- A locked round changes only after a reopen (services/Ratings writes its audit row): every other way of writing
-- a rating of a locked year (an import, a cell package) is refused here. The store turns the message into the
-- user's language.
CREATE TRIGGER ratings_locked_insert BEFORE INSERT ON ratings
WHEN EXISTS (SELECT 1 FROM rating_rounds WHERE year = NEW.year AND status = 'locked')
BEGIN SELECT RAISE(ABORT, 'rating_round_locked'); END;
CREATE TRIGGER ratings_locked_update BEFORE UPDATE ON ratings
WHEN EXISTS (SELECT 1 FROM rating_rounds WHERE status = 'locked' AND year IN (OLD.year, NEW.year))
BEGIN SELECT RAISE(ABORT, 'rating_round_locked'); END;
CREATE TRIGGER ratings_locked_delete BEFORE DELETE ON ratings
WHEN EXISTS (SELECT 1 FROM rating_rounds WHERE year = OLD.year AND status = 'locked')
BEGIN SELECT RAISE(ABORT, 'rating_round_locked'); END;
