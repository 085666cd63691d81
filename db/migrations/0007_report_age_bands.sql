-- The age bands of the members' structure report, a dated rule like every other threshold: the upper
-- ends of the bands but the last. Biểu 2-TCTW (Hướng dẫn 12-HD/BTCTW, 17/5/2012): up to 30, 31-40,
-- 41-50, 51-60, over 60; Biểu số 3-BTCTW (Hướng dẫn 11-HD/BTCTW, 13/12/2021): up to 30, 31-35, 36-40,
-- 41-45, 46-50, 51-55, 56-60, over 60.
INSERT OR IGNORE INTO rule_values (key, valid_from, value, regulation, note, created_at, created_by) VALUES
  ('report.age_bands', '2012-05-17', '30,40,50,60', 'Hướng dẫn 12-HD/BTCTW (2012)', 'Biểu 2-TCTW: nhóm tuổi', '2026-11-29T00:00:00Z', 'dangbo'),
  ('report.age_bands', '2021-12-13', '30,35,40,45,50,55,60', 'Hướng dẫn 11-HD/BTCTW (2021)', 'Biểu số 3-BTCTW: nhóm tuổi', '2026-11-29T00:00:00Z', 'dangbo');
