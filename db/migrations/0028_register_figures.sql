-- Figures of a large register by aggregate queries, without a pass over every member's row (issue 21).
-- The congress report's members grouped by birth date, gender and ethnicity in the index's order (no sort):
-- the columns its rules read are all here, so the table itself is not read.
CREATE INDEX members_born ON members (birth_date, gender, ethnicity, official_on, status, status_since,
                                      transferred_in_on, admitted_on);
-- Admissions by this committee in a period (rule::kAdmittedHereBetween): read by the day of the decision.
CREATE INDEX members_admitted_here ON members (admitted_on) WHERE transferred_in_on IS NULL;
-- Members removed in a period (xóa tên): few, found by the day their status began.
CREATE INDEX members_removed ON members (status_since) WHERE status = 'removed';
