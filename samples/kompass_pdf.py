"""Reading the finished PDFs back, only to find page numbers and to check the layout.

Nothing here feeds the expected values except the `sida` column (the page a row landed on).
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
from kompass_model import PrintedArea


def page_texts(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        texts = []
        for page in pdf:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range().replace("\x02", "-").replace("\r", ""))
            textpage.close()
            page.close()
        return texts
    finally:
        pdf.close()


def _squash(text: str) -> str:
    return " ".join(text.split())


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalpha())


def heading_pages(texts: list[str], headings: list[str]) -> dict[str, int]:
    """1-based page of each heading, searched in order after the table of contents."""
    start = next(i for i, t in enumerate(texts) if "Innehållsförteckning" in t) + 1
    pages: dict[str, int] = {}
    for heading in headings:
        for i in range(start, len(texts)):
            lines = {_squash(line) for line in texts[i].split("\n")}
            if heading in lines or heading in _squash(texts[i]):
                pages[heading] = i + 1
                start = i
                break
        else:
            raise LookupError(f"heading not found: {heading!r}")
    return pages


def overview_page(texts: list[str], heading: str) -> int:
    """0-based index of the page whose line is the overview heading (the last such page)."""
    hits = [i for i, t in enumerate(texts) if heading in {_squash(x) for x in t.split("\n")}]
    if not hits:
        raise LookupError(f"overview heading not found: {heading!r}")
    return hits[-1]


def locate_rows(texts: list[str], heading: str, areas: list[PrintedArea]) -> list[int]:
    """1-based page of every printed row, in table order.

    A row is on the first page (from the overview on, never before the previous row) whose
    letters contain the row text's letters and whose tokens contain the row number. Letters only,
    because a wrapped cell interleaves its lines with the number cells in the text stream.
    """
    page = overview_page(texts, heading)
    letters = [_letters(t) for t in texts]
    tokens = [set(t.split()) for t in texts]
    out = []
    for area in areas:
        for row in area.rows:
            want = _letters(row.text)
            for i in range(page, len(texts)):
                if want in letters[i] and row.nr in tokens[i]:
                    page = i
                    break
            else:
                raise LookupError(f"row {row.nr} {row.text!r} not found")
            out.append(page + 1)
    return out


def layout_problems(texts: list[str], areas: list[PrintedArea], pages: list[int]) -> list[str]:
    """Checks that each row's words and numbers are on its page as whole tokens, i.e. the
    question wrapped only at spaces and nothing was clipped."""
    problems = []
    rows = [r for a in areas for r in a.rows]
    for row, page in zip(rows, pages, strict=True):
        tokens = set(texts[page - 1].split())
        missing = [w for w in row.text.split() if w not in tokens]
        missing += [n for n in (str(row.points), str(row.max)) if n not in tokens]
        if row.percent_text:
            missing += [w for w in row.percent_text.split() if w not in tokens]
        if missing:
            problems.append(f"{row.nr}: {missing}")
    for page in sorted(set(pages)):
        for line in texts[page - 1].split("\n"):
            if line.rstrip().endswith("-"):
                problems.append(f"page {page}: line ends in a hyphen: {line!r}")
    for area in areas:
        first_page = pages[rows.index(area.rows[0])] - 1
        for word in ("Uppnått", "Max") + (("Procent",) if area.has_percent else ()):
            if word not in texts[first_page].split():
                problems.append(f"area {area.nr}: header word {word!r} broken or missing")
        squashed = [_squash(t) for t in texts]
        if not any(area.name in s for s in squashed) and not any(
            re.sub(r"\s", "", area.name) in re.sub(r"\s", "", s) for s in squashed
        ):
            problems.append(f"area name {area.name!r} not found")
    return problems
