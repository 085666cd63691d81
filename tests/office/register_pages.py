#!/usr/bin/env python3
"""The register as LibreOffice prints it, read back from its PDF with poppler's pdftotext.

Usage: register_pages.py DOCUMENT PDF MEMBERS [DOCUMENT PDF MEMBERS...]
(DOCUMENT: the .html, .docx or .xlsx converted to PDF by LibreOffice; MEMBERS: how many it lists)
For each PDF: every page landscape; the members found in order by their number (Số TT, 1 to MEMBERS, "1.001" or
"1,001" past a thousand) all there, and every page but the first and the last holding at least 20 of them; no
word of the PDF that is not a word of its document (dates of date cells and page numbers aside): a word broken
inside ("N-am", "Qu-ê") shows as two pieces that are not words of the register. Prints one line a PDF, exits 1
on a failure.
"""
import html
import re
import subprocess
import sys
import zipfile

MIN_PER_PAGE = 20


def source_words(path):
    """The words of a document as written: the HTML's text, the Word file's paragraphs, the workbook's strings."""
    if path.endswith((".docx", ".xlsx")):
        with zipfile.ZipFile(path) as z:
            xml = " ".join(z.read(n).decode("utf-8") for n in z.namelist()
                           if n.startswith(("word/document", "word/header", "word/footer", "xl/sharedStrings",
                                            "xl/worksheets/sheet")))
        # A paragraph's runs joined (a word may be cut into runs), paragraphs and cells apart.
        xml = re.sub(r"</w:p>|</si>|</is>|</c>|<w:tab/>|<w:br/>", "<t> </t>", xml)
        text = "".join(html.unescape(t) for t in re.findall(r"<(?:w:)?t(?: [^>]*)?>([^<]*)</(?:w:)?t>", xml))
        text += " " + " ".join(re.findall(r"<(?:oddHeader|oddFooter)>([^<]*)<", xml))
    else:
        text = open(path, encoding="utf-8-sig").read()
        text = html.unescape(re.sub(r"<[^>]+>", " ", text[text.find("<body>"):]))
    return set(text.split())


def pdftotext(pdf, *args):
    return subprocess.run(["pdftotext", *args, pdf, "-"], check=True, capture_output=True, text=True).stdout


def check(pdf, members, words):
    problems = []
    info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
    if not size or float(size.group(1)) <= float(size.group(2)):
        problems.append("not landscape")
    # The members on each page: the numbers that begin a line, in order.
    pages = pdftotext(pdf, "-layout").split("\f")
    expected, per_page = 1, []
    for page in pages:
        found = 0
        for line in page.splitlines():
            m = re.match(r"\s*(\d+(?:[.,]\d{3})*)(?:\s+\S|\s*$)", line)
            if m and int(re.sub(r"[.,]", "", m.group(1))) == expected:
                expected += 1
                found += 1
        per_page.append(found)
    if expected - 1 != members:
        problems.append(f"{expected - 1} members found in order of {members}")
    holding = [i for i, n in enumerate(per_page) if n > 0]
    thin = [(i + 1, per_page[i]) for i in holding[1:-1] if per_page[i] < MIN_PER_PAGE]
    if thin:
        problems.append(f"pages with fewer than {MIN_PER_PAGE} members (page, members): {thin[:10]}")
    # Words: page numbers ("Trang 3/48", "3/48") and figures aside, every word is one of the register.
    broken = set()
    for w in pdftotext(pdf).split():
        if w in words or re.fullmatch(r"\d+(?:[.,]\d{3})*|\d+/\d+|\d\d/\d\d/\d{4}|Trang", w):
            continue
        broken.add(w)
    if broken:
        problems.append(f"words not in the register (broken?): {sorted(broken)[:20]}")
    middle = [per_page[i] for i in holding[1:-1]] or [0]
    print(f"{pdf}: {len(pages) - 1} pages, {min(middle)} to {max(middle)} members a page"
          + ("" if not problems else ": FAIL: " + "; ".join(problems)))
    return not problems


def main():
    a = sys.argv[1:]
    ok = all([check(pdf, int(n), source_words(src)) for src, pdf, n in zip(a[::3], a[1::3], a[2::3])])
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
