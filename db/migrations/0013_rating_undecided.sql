-- The committee's decision on a rating is its own act: a rating whose level only follows the cell's
-- proposal (or the self-assessment) until the committee decides is listed here. A rating absent from this
-- table was decided (as every rating imported, generated or entered before this table existed).
CREATE TABLE rating_undecided (
  rating_id INTEGER PRIMARY KEY REFERENCES ratings (id) ON DELETE CASCADE
);
