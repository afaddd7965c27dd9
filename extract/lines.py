"""Words → lines, and the page furniture (running headers, footers, page numbers) that must not
end up inside a table that runs over a page break."""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

import numpy as np
from rapidfuzz import fuzz, process

from .page import Line, Page, Word
from .values import parse_value

# "4)" alone is the end of a wrapped line ('(skala 1–' / '4)'), not a page number.
_PAGE_NUMBER = re.compile(
    r"^(?!\d{1,4}\)$)(?!(19|20)\d\d$)(sida|page|s\.)?\s*[-–—(]?\s*\d{1,4}\s*((av|of|/|\()\s*\d{1,4}\)?)?\s*[-–—)]?$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_PUNCTUATION = re.compile(r"[^\w#]+")
YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
NO_VALUE = {"–", "-", "—", "..", "…"}  # a cell printed empty
MARGIN = 0.12  # share of the page height at top and bottom where furniture lives
# A running header read by OCR differs from page to page in a letter or two: lines this long
# (masked) that agree this well are one line.
_MISREAD_MIN = 20
_MISREAD_RATIO = 0.9


def group_lines(page: Page) -> list[Line]:
    """Cluster words whose vertical middles are close into lines, top to bottom."""
    words = sorted(page.words, key=lambda w: (w.middle_y, w.x0))
    rows: list[list[Word]] = []
    for word in words:
        if rows:
            row = rows[-1]
            middle = sum(w.middle_y for w in row) / len(row)
            height = max(w.height for w in row)
            if abs(word.middle_y - middle) <= max(height, word.height) * 0.45:
                row.append(word)
                continue
        rows.append([word])
    # A word set between two lines joins the upper one, first come; it belongs to the lower
    # one when its middle is nearer and it stands a space after or before a word of that
    # line, apart from its own line's words (an OCR'd 'kön)?', its parenthesis and question
    # mark taller than the letters, read between a row's code line and its label's next line).
    middles = [statistics.median(w.middle_y for w in row) for row in rows]
    for n in range(len(rows) - 1):
        upper, lower = middles[n], middles[n + 1]
        nearer = [
            abs(w.middle_y - lower) < abs(w.middle_y - upper)
            and _beside(w, rows[n + 1])
            and not _beside(w, [o for o in rows[n] if o is not w])
            for w in rows[n]
        ]
        if any(nearer) and not all(nearer):
            rows[n + 1] += [w for w, down in zip(rows[n], nearer, strict=True) if down]
            rows[n] = [w for w, down in zip(rows[n], nearer, strict=True) if not down]
    return [Line(tuple(sorted(row, key=lambda w: w.x0)), page.number, page.height) for row in rows]


def _beside(word: Word, others: Sequence[Word]) -> bool:
    """Whether a word stands within a space of one of `others`, on either side."""
    space = 0.6 * word.height
    return any(
        -space <= word.x0 - o.x1 <= space or -space <= o.x0 - word.x1 <= space for o in others
    )


def page_lines(page: Page, repeated: set[str], bands: Sequence[float] = ()) -> list[Line]:
    """The page's lines in reading order, furniture flagged. With `bands` (x boundaries) the
    page is read as side-by-side columns, left column first."""
    edges = [-float("inf"), *sorted(bands), float("inf")]
    lines: list[Line] = []
    for left, right in itertools.pairwise(edges):
        words = tuple(w for w in page.words if left <= w.middle_x < right)
        band = Page(page.number, page.width, page.height, words, page.rules)
        lines += mark_furniture(group_lines(band), repeated)
    return lines


def page_text(page: Page) -> str:
    """Plain text of a page model, a line per line: what the cheap text pass would give, so a
    page set in two columns (text_gutter) reads one column after the other, as its text layer
    does: the rows of a table beside prose stay lines of their own."""
    gutter = column_gutter(page)
    if gutter is None:
        return "\n".join(line.text for line in group_lines(page))
    return "\n".join(
        line.text
        for words in text_columns(page, gutter)
        for line in group_lines(replace(page, words=words))
    )


def text_columns(page: Page, gutter: float) -> tuple[tuple[Word, ...], tuple[Word, ...]]:
    """The words of a page's left and right text columns. A line across the gutter (a title
    over both columns) stays whole, with the left column."""
    across = {
        w
        for line in group_lines(page)
        if any(w.x0 < gutter < w.x1 for w in line.words)
        for w in line.words
    }
    left = tuple(w for w in page.words if w.middle_x < gutter or w in across)
    right = tuple(w for w in page.words if w.middle_x >= gutter and w not in across)
    return left, right


def column_gutter(page: Page) -> float | None:
    """The gutter of a page set in two text columns, to be read one after the other; None
    when a table runs across both (a full-width table between paragraphs in columns): two
    rows or more with figures on both sides of the gutter."""
    gutter = text_gutter(page)
    if gutter is None:
        return None
    lines = group_lines(page)
    ends = numbered_ends(lines)
    if sum(cut_row(line, gutter) for line in lines if line not in ends) >= 2:
        return None
    return gutter


def numbered_ends(lines: list[Line]) -> list[Line]:
    """The first and last of a page's lines where they end in the page number: a running
    header's or footer's page number set right of a gutter cuts no row."""
    return [line for line in lines[:1] + lines[-1:] if _PAGE_NUMBER.match(line.words[-1].text)]


def cut_row(line: Line, gutter: float) -> bool:
    """A line whose words right of the gutter start with a cell (a figure or a dash) after
    words left of it: a row cut off from its label or its first cells. The right column of
    a page in columns starts its lines with words, or with a number that a sentence goes on
    from ('344 deltagare, en ökning'): after a figure a row has a unit, a figure or a cell.
    Nor is a note under a narrow table a row: its mark, then a sentence ('1 Omräknat till
    heltidstjänster.')."""
    left, right = sides(line, gutter)
    return (
        bool(left and right)
        and (
            right[0].text in NO_VALUE
            or (parse_value(right[0].text).is_number and not YEAR.fullmatch(right[0].text))
        )
        and not (len(right) > 1 and _reads_on(right[0], right[1]))
        and not _note(right)
    )


def _note(words: list[Word]) -> bool:
    """Whether words are a note: a mark of one or two figures, then a sentence of words."""
    return (
        len(words) >= 3
        and words[0].text.isdigit()
        and len(words[0].text) <= 2
        and words[1].text[:1].isupper()
        and all(any(ch.isalpha() for ch in w.text) for w in words[1:])
        and words[-1].text.endswith(".")
    )


def _reads_on(before: Word, word: Word) -> bool:
    """Whether a word reads on in lower case as a sentence does: no unit after its figure
    ('22 timmar')."""
    return word.text[:1].islower() and not parse_value(f"{before.text} {word.text}").unit


def sides(line: Line, gutter: float) -> tuple[list[Word], list[Word]]:
    """A line's words left and right of the gutter."""
    return [w for w in line.words if w.middle_x < gutter], [
        w for w in line.words if w.middle_x >= gutter
    ]


def text_gutter(page: Page) -> float | None:
    """The gap between the two text columns of a page set in columns: an x near the middle
    that hardly any word crosses (a title across both may), with prose on both sides. A table's
    own gaps are no gutter: its cells are numbers, not prose."""
    width = int(page.width) + 2
    crossing = [0] * width
    for word in page.words:
        for x in range(max(0, int(word.x0)), min(width, int(word.x1) + 1)):
            crossing[x] += 1
    # The widest run of x that no word crosses, else that one or two words cross.
    best: tuple[int, int] = (0, 0)  # (length, start)
    for limit in range(3):
        run = 0
        for x in range(int(0.3 * page.width), int(0.7 * page.width)):
            run = run + 1 if crossing[x] <= limit else 0
            best = max(best, (run, x - run + 1))
        if best[0] >= 8:
            break
    else:
        return None
    gutter = best[1] + best[0] / 2
    # A title or a note may cross the gutter; lines of running text across it are a page set
    # in one column (short paragraphs beside a table leave the gap free for most lines).
    running = sum(
        is_prose(line) and any(w.x0 < gutter < w.x1 for w in line.words)
        for line in group_lines(page)
    )
    if running >= 2:
        return None
    sides = [[w for w in page.words if (w.middle_x < gutter) == left] for left in (True, False)]
    # A table row with a long label has as many words as a line of prose, and figures too.
    running_text = [
        sum(
            is_prose(line) and sum(parse_value(w.text).is_number for w in line.words) < 2
            for line in group_lines(replace(page, words=tuple(side)))
        )
        for side in sides
    ]
    # A column may hold little but a table under a short lead.
    return gutter if min(running_text) >= 2 and sum(running_text) >= 6 else None


def is_prose(line: Line) -> bool:
    """A line of running text: five words or more (a table row's cells are numbers)."""
    return sum(any(ch.isalpha() for ch in w.text) for w in line.words) >= 5


def furniture_keys(page_texts: Sequence[str]) -> set[str]:
    """Lines (digits masked) repeated on many pages: running headers and footers."""
    counts: Counter[tuple[str, str]] = Counter()
    for text in page_texts:
        # Running headers and footers open or close a page's text, each at its own end; a
        # table's total row ("Summa 52 100") repeats too, but inside the page, and a cell's
        # last line closing one page ("2019") may open the next, but not at the same end.
        lines = [line for line in text.splitlines() if line.strip()]
        counts.update({("top", _mask(line)) for line in lines[:3]})
        counts.update({("bottom", _mask(line)) for line in lines[-3:]})
    # A short report's title page has no running header: on a three-page report it repeats
    # on two pages only. Pages without text do not count: a scan's pages without a table
    # are not read at all.
    read = sum(1 for text in page_texts if text.strip())
    threshold = max(2, min(3, read - 1), int(0.3 * read))
    # A line of figures alone is furniture only as a page number (_PAGE_NUMBER): masked, a
    # year closing a table cell at the foot of a page looks like one.
    misread = _misread(counts)
    return {
        key
        for (end, key), count in counts.items()
        if any(ch.isalpha() for ch in key) and count + misread.get((end, key), 0) >= threshold
    }


def _misread(counts: Counter[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """How often each long line repeats at the same end of other pages as OCR reads it there
    ("Kultur- och fritidsnämnden" read as "... fnudsnämnden" on one page, "... fritudsnämnden"
    on the next): lines of 20 letters or more that differ in a few letters only. One matrix
    of similarities per end (rapidfuzz), as a long report has hundreds of such lines."""
    out: dict[tuple[str, str], int] = {}
    for end in ("top", "bottom"):
        keys = [key for e, key in counts if e == end and len(key) >= _MISREAD_MIN]
        if len(keys) < 2:
            continue
        similar = process.cdist(
            keys, keys, scorer=fuzz.ratio, score_cutoff=100 * _MISREAD_RATIO, dtype=np.uint8
        )
        np.fill_diagonal(similar, 0)
        weights = np.array([counts[end, key] for key in keys])
        for key, others in zip(keys, (similar > 0) @ weights, strict=True):
            out[end, key] = int(others)
    return out


def mark_furniture(lines: list[Line], repeated: set[str]) -> list[Line]:
    """Flag lines in the page margins that are page numbers or repeat across pages."""
    marked = []
    for line in lines:
        in_margin = line.page_height and (
            line.bottom < line.page_height * MARGIN or line.top > line.page_height * (1 - MARGIN)
        )
        is_furniture = bool(in_margin) and (
            _PAGE_NUMBER.match(line.text.strip()) is not None or _mask(line.text) in repeated
        )
        marked.append(Line(line.words, line.page, line.page_height, is_furniture))
    return marked


def word_runs(line: Line, gap: float) -> list[list[Word]]:
    """The line's words in runs, parted where the space between two words is wider than `gap`
    times the font size: cells of a table row, or phrases of one cell."""
    runs: list[list[Word]] = []
    for word in line.words:
        if runs and word.x0 - runs[-1][-1].x1 <= gap * (word.size or word.height):
            runs[-1].append(word)
        else:
            runs.append([word])
    return runs


def _mask(text: str) -> str:
    """Digits masked, punctuation dropped (OCR reads a running header's dash or not)."""
    words = (w for w in _PUNCTUATION.sub(" ", _DIGITS.sub("#", text)).lower().split())
    return " ".join(words)


def is_furniture_text(text: str, repeated: set[str]) -> bool:
    """A page number, or a line repeated across pages, judged on its text alone (for pages
    that were only read as plain text)."""
    return _PAGE_NUMBER.match(text.strip()) is not None or _mask(text) in repeated
