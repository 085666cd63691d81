#!/usr/bin/env python3
"""Prints the translatable texts of XRC files as _("...") calls, for xgettext."""
import sys, xml.etree.ElementTree as ET
TAGS = {"label", "title", "tooltip", "help", "hint", "item", "value"}
for path in sys.argv[1:]:
    for el in ET.parse(path).iter():
        if el.tag in TAGS and el.text and el.text.strip() and el.get("translate", "1") != "0":
            if el.tag == "value" and not any(c.isalpha() for c in el.text):
                continue
            s = el.text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            print(f'_("{s}");  // {path}')
