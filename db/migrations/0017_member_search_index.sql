-- Search and order of members through indexes instead of a pass over every member.
-- member_search: a trigram full-text index over the folded full name (members.search_key), so that a
-- search for a part of a name of three letters or more reads only the members whose key holds every
-- three-letter piece of it (each hit is then checked with instr(), the exact substring test). It keeps no
-- copy of the keys (content='members'); the triggers below keep it current whichever door writes a
-- member (the window, an import, a package, a merge, the CLI). Built here for the members already stored.
CREATE VIRTUAL TABLE member_search USING fts5(search_key, content='members', content_rowid='id',
                                              tokenize='trigram');
INSERT INTO member_search (member_search) VALUES ('rebuild');

CREATE TRIGGER member_search_insert AFTER INSERT ON members BEGIN
  INSERT INTO member_search (rowid, search_key) VALUES (new.id, new.search_key);
END;
CREATE TRIGGER member_search_delete AFTER DELETE ON members BEGIN
  INSERT INTO member_search (member_search, rowid, search_key) VALUES ('delete', old.id, old.search_key);
END;
CREATE TRIGGER member_search_update AFTER UPDATE OF id, search_key ON members BEGIN
  INSERT INTO member_search (member_search, rowid, search_key) VALUES ('delete', old.id, old.search_key);
  INSERT INTO member_search (rowid, search_key) VALUES (new.id, new.search_key);
END;

-- The list order (the Vietnamese name order, then the code), with the folded name: the first page of a
-- broad search is read walking this index (testing the key in the index, reading only the hits' rows),
-- without sorting every hit.
CREATE INDEX members_order ON members (sort_key, code, search_key);
