-- dangbo schema, step 4: discipline. The post a member held when dismissed from it (cách chức); the dated
-- steps and the links of an inspection case (the violation's date that starts the statute of
-- limitations, the day of the findings, the case it follows from); the cell's proposal of a removal.

-- cach_chuc: the post held (the register may not show it, e.g. a post outside the party committee).
ALTER TABLE disciplines ADD COLUMN post TEXT NOT NULL DEFAULT '';
CREATE INDEX disciplines_inspection ON disciplines (inspection_id);
-- The day of the violation the case found (the statute of limitations counts from it).
ALTER TABLE inspections ADD COLUMN violation_on TEXT;
-- The day the inspection team reported its findings.
ALTER TABLE inspections ADD COLUMN findings_on TEXT;
-- The case this one follows from (e.g. an inspection on signs of violation after a routine one).
ALTER TABLE inspections ADD COLUMN follows_id INTEGER REFERENCES inspections (id);
CREATE INDEX inspections_plan ON inspections (plan_id);
-- The number of the cell's proposal of a removal (its date is removals.proposed_on).
ALTER TABLE removals ADD COLUMN proposal_no TEXT NOT NULL DEFAULT '';
