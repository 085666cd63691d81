#!/usr/bin/env python3
"""The register's HTML checked directly, for a register too large to convert with LibreOffice (a million members).

Usage: register_html_pages.py REGISTER.html MEMBERS
Reads the HTML a line at a time (a row a line, as dangbo writes it): every table a page has its header row and
its columns; the members are numbered 1 to MEMBERS in order; every table but the first and the last holds at
least 20 of them (the office's rule, tests/office/register_pages.py on LibreOffice's PDF); every word of a
cell fits its column (measured with Liberation Serif's advance widths at 7 points, without kerning, against
the column's width less its padding and border), so that no reader has to break a word. Prints a summary and
exits 1 on a failure.
"""
import html
import re
import struct
import sys

MIN_PER_PAGE = 20
SIZE = 7.0  # points, table.dense
PAD = 4.75  # padding 2 x 2 points and the border, points (HtmlRenderer kDensePad)
TOLERANCE = 0.5  # points: kerning and the pixels the widths are rounded to
FONT = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"


def advance_widths(path):
    """Character -> advance width in ems, from the font's cmap (format 4) and hmtx tables."""
    data = open(path, "rb").read()
    tables = {}
    count = struct.unpack(">H", data[4:6])[0]
    for i in range(count):
        tag, _, offset, length = struct.unpack(">4sIII", data[12 + 16 * i:28 + 16 * i])
        tables[tag.decode()] = (offset, length)
    head = tables["head"][0]
    units = struct.unpack(">H", data[head + 18:head + 20])[0]
    hhea = tables["hhea"][0]
    metrics = struct.unpack(">H", data[hhea + 34:hhea + 36])[0]
    hmtx = tables["hmtx"][0]
    advance = [struct.unpack(">H", data[hmtx + 4 * g:hmtx + 4 * g + 2])[0] for g in range(metrics)]
    cmap = tables["cmap"][0]
    n = struct.unpack(">H", data[cmap + 2:cmap + 4])[0]
    sub = None
    for i in range(n):
        platform, encoding, offset = struct.unpack(">HHI", data[cmap + 4 + 8 * i:cmap + 12 + 8 * i])
        if platform == 3 and encoding == 1:
            sub = cmap + offset
    assert sub is not None and struct.unpack(">H", data[sub:sub + 2])[0] == 4
    segs = struct.unpack(">H", data[sub + 6:sub + 8])[0] // 2
    ends = struct.unpack(">%dH" % segs, data[sub + 14:sub + 14 + 2 * segs])
    starts_at = sub + 16 + 2 * segs
    starts = struct.unpack(">%dH" % segs, data[starts_at:starts_at + 2 * segs])
    deltas = struct.unpack(">%dh" % segs, data[starts_at + 2 * segs:starts_at + 4 * segs])
    ranges_at = starts_at + 4 * segs
    ranges = struct.unpack(">%dH" % segs, data[ranges_at:ranges_at + 2 * segs])
    widths = {}
    for k in range(segs):
        for ch in range(starts[k], ends[k] + 1):
            if ch == 0xFFFF:
                continue
            if ranges[k] == 0:
                glyph = (ch + deltas[k]) & 0xFFFF
            else:
                at = ranges_at + 2 * k + ranges[k] + 2 * (ch - starts[k])
                glyph = struct.unpack(">H", data[at:at + 2])[0]
                if glyph:
                    glyph = (glyph + deltas[k]) & 0xFFFF
            widths[chr(ch)] = advance[min(glyph, metrics - 1)] / units
    return widths


def main():
    path, members = sys.argv[1], int(sys.argv[2])
    widths = advance_widths(FONT)
    cache = {}

    def word_width(word):
        w = cache.get(word)
        if w is None:
            w = sum(widths.get(ch, 0.5) for ch in word) * SIZE
            if len(cache) < 200000:
                cache[word] = w
        return w

    cell = re.compile(r"<td[^>]*>(.*?)</td>")
    col = re.compile(r'<col width="([0-9]+)">')
    tables, per_table, columns, column_sets = 0, [], None, set()
    expected, failures, widest_over = 1, [], 0.0
    rows_here, dense = 0, False
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("<table"):
                dense = line.startswith('<table class="data dense"')
                if dense:
                    if tables:
                        per_table.append(rows_here)
                    tables += 1
                    rows_here = 0
                continue
            if line.startswith("<colgroup>"):
                columns = [int(w) * 72 / 96 - PAD for w in col.findall(line)]
                column_sets.add(tuple(columns))
                continue
            if not dense or not line.startswith("<tr><td"):
                continue
            cells = [html.unescape(re.sub(r"<[^>]+>", "", c)) for c in cell.findall(line)]
            if not cells or cells[0].replace(".", "").replace(",", "") != str(expected):
                failures.append("row %d: found %r" % (expected, cells[:1]))
                if len(failures) > 20:
                    break
            expected += 1
            rows_here += 1
            for c, text in enumerate(cells[1:], start=1):
                for word in text.split():
                    over = word_width(word) - columns[c]
                    if over > TOLERANCE:
                        widest_over = max(widest_over, over)
                        if len(failures) < 20:
                            failures.append("row %d column %d: %r is %.1f pt wider than its column"
                                            % (expected - 1, c + 1, word, over))
    per_table.append(rows_here)
    if expected - 1 != members:
        failures.append("%d members, not %d" % (expected - 1, members))
    middle = per_table[1:-1]
    short = [n for n in middle if n < MIN_PER_PAGE]
    if short:
        failures.append("%d tables of fewer than %d members (fewest %d)" % (len(short), MIN_PER_PAGE, min(short)))
    print("%s: %d members, %d tables a page, %.1f members a page (fewest %d but the first and last), "
          "%d column sets, words over their column: %s"
          % (path, expected - 1, tables, (expected - 1) / max(1, tables), min(middle) if middle else 0,
             len(column_sets), "none" if widest_over == 0 else "up to %.1f pt" % widest_over))
    for f in failures[:20]:
        print("  FAIL " + f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
