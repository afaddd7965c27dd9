"""The `tabeller` table: the small result tables of kvalitetsredovisningar (service levels,
visitors per year, staff-survey indices …) → one row per cell, so that any table lines up
across years and municipalities.

No profile can list these tables, so they are found by shape alone, on pages that no other
table kind claims (pipeline.py):
- body rows are lines of a label followed by short cells set apart by wide gaps, at least half
  of them numbers; the cells' x-extents across the rows make the columns;
- the header is the block of lines right above the body with words over those columns: header
  cells wrap to different numbers of lines and sit in the middle of their cells, so a header
  line may hold words of some columns only, and each column gathers its words top to bottom;
- a label wrapped over several lines is a stack of label-column lines (split at rules, at
  wider gaps, or where the text does not read on); a stack with no row of its own is a
  sub-group ("Telefoni") of the rows below;
- a table at the top of a page goes on from the one that ended the page before.
Prose never becomes a table: its lines are one run of words without wide gaps; a justified
line split at its wide spaces has cells like 'och' and more words than numbers; and a table
needs a header and two rows.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, replace

from . import table_checks
from .context import DocumentContext, KindResult
from .lexicon import zipf
from .lines import (
    NO_VALUE,
    YEAR,
    column_gutter,
    cut_row,
    group_lines,
    is_prose,
    numbered_ends,
    page_lines,
    sides,
    text_columns,
    word_runs,
)
from .page import Line, Page, Rule, Source, VRule, Word
from .profiles import Profile
from .provenance import NOT_SWEDISH, review_key
from .records import TABELLER, Check, ReviewRow, TabellRow
from .text import period_text
from .values import Value, parse_value

_SPAN = re.compile(r"\b(19[5-9]\d|20\d\d)[–-](19[5-9]\d|20\d\d)\b")
_GAP = 0.6  # a gap wider than this share of the font size separates cells
_MAX_CELL_WORDS = 5  # longer runs are prose, not cells
_MAX_COMMENT_WORDS = 10  # … except in a comment column beside values
_MAX_LABEL_WORDS = 16  # a goal written out in full


@dataclass(frozen=True)
class Chunk:
    """Words of a line that belong together: one cell."""

    words: tuple[Word, ...]
    box: tuple[float, float] | None = None  # a header cell's extent between vertical rules
    verdict: bool = False  # a text that stands as a value ('Delvis uppfyllt', 'Förbättrad')

    @property
    def x0(self) -> float:
        return self.box[0] if self.box else self.words[0].x0

    @property
    def x1(self) -> float:
        return self.box[1] if self.box else self.words[-1].x1

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass(frozen=True)
class Span:
    """A column of cells: its x-extent over the body."""

    x0: float
    x1: float


@dataclass(frozen=True)
class Table:
    page: int
    title: str
    columns: tuple[str, ...]  # the header text over each value column; "" when none printed
    spans: tuple[Span, ...]
    rows: tuple[tuple[str, str, tuple[str, ...]], ...]  # group, label, cell per column
    at_top: bool  # nothing but furniture above it on its page
    open_group: str = ""  # a sub-group left at the foot of the page, its rows on the next
    # The rows at the top, before any sub-group or total: on a page the table goes on to, they
    # are in the group it left off in.
    continuing: int = 0
    caption: str = ""  # a caption printed below it, which names it rather than `title`
    column: int = 0  # the text column of a page set in two
    left: float = 0.0  # where its labels start


def _read_by_ocr(document: DocumentContext, table: Table) -> bool:
    page = document.pages.get(table.page)
    return page is not None and page.source is Source.OCR


_DIGIT_GROUPS = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+")


def _ungrouped(table: Table) -> set[tuple[int, int]]:
    """The cells (row, column) of an OCR'd table whose figures stand ungrouped where the
    table groups as many figures in thousands ('2412' beside '1 820'): the scan's narrow
    space closed up, or a figure was read into the number. Some tables leave four figures
    ungrouped and group five ('8650', '41 200'); a cell is doubted only at a length the
    table groups."""
    lengths: dict[tuple[int, int], tuple[int, bool]] = {}
    for row, (_, _, cells) in enumerate(table.rows):
        for column, text in enumerate(cells):
            if whole := _DIGIT_GROUPS.search(text):
                figures = whole[0]
                lengths[row, column] = (sum(c.isdigit() for c in figures), not figures.isdigit())
    grouped = [n for n, spaced in lengths.values() if spaced]
    if not grouped:
        return set()
    return {cell for cell, (n, spaced) in lengths.items() if not spaced and n >= min(grouped)}


_MEASURES = re.compile(
    r"^(resultat|utfall|antal|andel|värde|mål|målvärde|index)\b\s*", re.IGNORECASE
)
_WHOM = re.compile(r"\b(kommun\w*|riket|länet|region\w*)\b", re.IGNORECASE)
# A change column ('Förändring sedan 2017', 'Utveckling 2019–2020') stands for no one year.
_CHANGE = re.compile(
    r"\b(förändring\w*|utveckling|skillnad\w*|sedan|jämfört|trend\w*|avvikelse\w*"
    r"|ökning|minskning)\b",
    re.IGNORECASE,
)
# A column that compares or judges ('Jämfört med liknande kommuner', 'Förändring mot riket')
# names whom it compares with, not whom it counts.
_COMPARES = re.compile(r"\b(jämför\w*|förändring\w*|skillnad\w*|bedömning\w*)\b", re.IGNORECASE)


def read(document: DocumentContext, profiles: Sequence[Profile]) -> KindResult:
    tables: list[Table] = []
    start = 0  # where the parts of the table that goes on from page to page begin
    parts: list[int] = []  # each table's `start`: the parts of one table share it
    verdicts = frozenset(
        " ".join(term.split()).casefold()
        for profile in profiles
        for term in profile.content.get("values", {}).get("verdicts", [])
    )
    for number in sorted(document.pages):
        for table in read_page(document.pages[number], document.furniture, verdicts):
            joined = _continued(_going_on(tables, table), table) if tables else table
            start = start if joined is not table else len(tables)
            tables.append(joined)
            parts.append(start)
            if table.caption:  # a caption below the last part names all parts
                tables[start:] = [replace(t, title=table.caption) for t in tables[start:]]
    tables = _grand_totals(tables, parts)
    checked = _checked(tables, parts)
    rows: list[TabellRow] = []
    review: list[ReviewRow] = []  # the cells of a sum or change that does not add up
    for number, table in enumerate(tables):
        if not any(table.columns):
            continue
        doubted = _ungrouped(table) if _read_by_ocr(document, table) else set()
        for row, (group, label, cells) in enumerate(table.rows):
            for index, (column, text) in enumerate(zip(table.columns, cells, strict=True)):
                value = parse_value(text)
                if not value.raw:
                    continue
                check, reason = checked.get((number, row, index), (Check.UNCHECKED, ""))
                cell = TabellRow(
                    municipality=document.municipality_name,
                    municipality_code=document.municipality_code,
                    year=document.year,
                    unit=unit_of(column),
                    title=table.title,
                    group=without_marks(group),
                    row=without_marks(label),
                    column_label=without_marks(column),
                    period=period_of(without_marks(column), label),
                    value=value.value,
                    value_unit=value.unit,
                    raw=value.raw,
                    check=check,
                    confidence=NOT_SWEDISH if (row, index) in doubted else 1.0,
                    file=document.file_name,
                    page=table.page,
                )
                rows.append(cell)
                if reason:
                    review.append(
                        ReviewRow(
                            table=TABELLER.key,
                            file=cell.file,
                            page=cell.page,
                            row=review_key(TABELLER, cell),
                            text=cell.raw,
                            reason=reason,
                        )
                    )
    names = [p.name for p in profiles] if rows else []
    return KindResult(rows={"tabeller": rows, "granska": review}, profiles=names)


def _whole(tables: list[Table], parts: list[int]) -> list[list[int]]:
    """The tables (by index) that make one table over page breaks, where they have as many
    columns (a header repeated on the next page may read otherwise by OCR)."""
    wholes = []
    for _, same_table in itertools.groupby(range(len(tables)), key=parts.__getitem__):
        for _, same in itertools.groupby(same_table, key=lambda n: len(tables[n].columns)):
            if numbers := [n for n in same if any(tables[n].columns)]:
                wholes.append(numbers)
    return wholes


def _values(tables: list[Table], numbers: list[int]) -> list[tuple[str, str, list[Value]]]:
    return [
        (group, label, [parse_value(text) for text in cells])
        for n in numbers
        for group, label, cells in tables[n].rows
    ]


def _grand_totals(tables: list[Table], parts: list[int]) -> list[Table]:
    """Tables whose total row after the last group sums every group's rows, not its own
    group's, with that row in no group: the groups' names and the total set alike (bold,
    not indented) leave no other sign of it."""
    tables = list(tables)
    for numbers in _whole(tables, parts):
        where = [(n, row) for n in numbers for row in range(len(tables[n].rows))]
        columns = tables[numbers[0]].columns
        for row in table_checks.grand_totals(columns, _values(tables, numbers)):
            n, at = where[row]
            _, label, cells = tables[n].rows[at]
            rows = list(tables[n].rows)
            rows[at] = ("", label, cells)
            tables[n] = replace(tables[n], rows=tuple(rows))
    return tables


def _checked(tables: list[Table], parts: list[int]) -> dict[tuple[int, int, int], tuple[str, str]]:
    """The sum and change checks of each table (table_checks.check), its parts over page
    breaks taken together: (table, row, column) → (kontroll, why a check failed)."""
    checked: dict[tuple[int, int, int], tuple[str, str]] = {}
    for numbers in _whole(tables, parts):
        where = [(n, row) for n in numbers for row in range(len(tables[n].rows))]
        columns = tables[numbers[0]].columns
        for (row, column), verdict in table_checks.check(columns, _values(tables, numbers)).items():
            checked[(*where[row], column)] = verdict
    return checked


# A note's mark written as a superscript glyph, or an asterisk or dagger, at a label word's
# end ('Chatt¹', 'Fristående förskola²', 'stöd*'); not a unit's power ('m²', 'km²').
_ATTACHED_MARK = re.compile(r"(?<=\w)(?<!\bm)(?<!\b[kcdm]m)[¹²³⁴⁵⁶⁷⁸⁹⁰*†]+(?=\s|\)|$)")


def without_marks(label: str) -> str:
    """The label without its notes' marks, so that it lines up with the same label in other
    reports: a mark set small and raised as a word of its own is left out when the row is
    read (`_note_mark`), one written as a superscript glyph (or read as one by OCR) here."""
    return _ATTACHED_MARK.sub("", label)


def period_of(column: str, row: str = "") -> str:
    """The year a column stands for when its label names one ('Resultat 2018' → '2018'), or
    the span of years it sums up ('Snitt 2016–2018'); none for a change since a year; in a
    table with years in its rows ('År' over '2017', '2018'), the row's year, its change
    columns too (the change during that year)."""
    # A row's year may carry a footnote mark ('2020¹', '2021*').
    year = row.strip().rstrip("¹²³⁴⁵⁶⁷⁸⁹⁰*†")
    if _CHANGE.search(column):  # 'Förändring sedan 2017' is a change, not 2017's
        return year if YEAR.fullmatch(year) else ""
    if span := _SPAN.search(column):
        return period_text(span.group(0))
    years = YEAR.findall(column)
    if years:
        return years[-1]
    return year if YEAR.fullmatch(year) else ""


def unit_of(label: str) -> str:
    """Whom a column counts when its label names it ('Resultat Götene kommun 2018' → 'Götene
    kommun', 'Götene kommun totalt' as printed); else empty."""
    rest = " ".join(YEAR.sub(" ", label).split())
    while (shorter := _MEASURES.sub("", rest)) != rest:
        rest = shorter
    return rest if _WHOM.search(rest) and not _COMPARES.search(rest) else ""


_GOES_ON = re.compile(r"\(?\b(forts\.?|fortsättning|forts\. från föregående sida)\)?\s*$", re.I)


def _going_on(tables: list[Table], table: Table) -> Table:
    """The table a headerless one at a page's top may go on from: the last table of the page
    before, unless tables stood side by side there and another stood where this one stands
    (a dashboard page: the left table goes on at the left)."""
    last = tables[-1]
    if any(table.columns) or not table.at_top or table.page != last.page + 1:
        return last
    if abs(last.left - table.left) < _BESIDE:
        return last
    before = [t for t in tables if t.page == last.page and t.spans]
    return min(reversed(before), key=lambda t: abs(t.left - table.left), default=last)


_BESIDE = 40.0  # points between the left edges of tables set side by side, at least


def _continued(last: Table, table: Table) -> Table:
    """A table at the top of a page (or of its right text column) that goes on from the
    table that ended the page (or the left column) before keeps that table's title, its
    header when none was repeated (or the part of the header that went on the page before),
    and its last group."""
    follows = (table.page, table.column) == (last.page, last.column + 1) or (
        table.page == last.page + 1 and table.column == 0
    )
    # A caption below a table closes it: it stands under the last part. One that says the
    # table goes on ('Tabell 7 (forts.)') names the table above.
    titled = table.title and not _GOES_ON.search(table.title)
    if not table.at_top or not follows or titled or last.caption:
        return table
    if not last.spans:  # a caption left alone at the foot of the page names the table
        return replace(table, title=last.title)
    columns = last.columns
    if any(table.columns):
        if len(table.columns) != len(last.columns):
            return table
        if not last.rows:  # a header row broken over the page break
            columns = tuple(
                _join([a, b]).strip() for a, b in zip(last.columns, table.columns, strict=True)
            )
        elif table.columns != last.columns:
            columns = table.columns
        rows = table.rows
    else:  # cells go to the column they stand under on the page before
        # In the next text column the cells stand as far from the labels as before.
        shift = table.left - last.left
        under = [_column_of(s.x0 - shift, s.x1 - shift, last.spans)[0] for s in table.spans]
        if len(set(under)) < len(under):  # other columns: a table of its own
            return table
        rows = tuple(
            (group, label, _regrid(cells, under, len(last.spans)))
            for group, label, cells in table.rows
        )
    group = last.open_group or (last.rows[-1][0] if last.rows else "")
    rows = tuple(
        (group if n < table.continuing else g, label, cells)
        for n, (g, label, cells) in enumerate(rows)
    )
    return replace(table, title=last.title, columns=columns, spans=last.spans, rows=rows)


def _regrid(cells: tuple[str, ...], under: list[int], count: int) -> tuple[str, ...]:
    out = ["" for _ in range(count)]
    for text, column in zip(cells, under, strict=True):
        out[column] = text
    return tuple(out)


# ---------------------------------------------------------------------------------------------
# One page


def read_page(
    page: Page, furniture: set[str], verdicts: frozenset[str] = frozenset()
) -> list[Table]:
    """The tables on a page; `verdicts` are the texts that count as values, as numbers do.
    A page whose text is set in two columns is read column by column (see `column_gutter`)."""
    gutter = column_gutter(page)
    if gutter is None:
        parts = _beside_prose(page)
        if len(parts) > 1:
            # A running header or footer is no part of the text or the table beside it,
            # whose side it would fall on when the page is parted.
            furnished = [
                w for line in page_lines(page, furniture) if line.furniture for w in line.words
            ]
            parts = _beside_prose(replace(page, words=_without(page.words, furnished)))
        return [
            table
            for words in parts
            for table in _read_band(replace(page, words=words), furniture, verdicts)
        ]
    return [
        replace(table, column=column)
        for column, words in enumerate(text_columns(page, gutter))
        for table in _read_band(replace(page, words=words), furniture, verdicts)
    ]


def _without(words: tuple[Word, ...], left_out: list[Word]) -> tuple[Word, ...]:
    if not left_out:
        return words
    dropped = set(left_out)
    return tuple(w for w in words if w not in dropped)


def _beside_prose(page: Page) -> list[tuple[Word, ...]]:
    """The page's words in reading order by part: a table set in one column beside running
    text (Word wraps text around a narrow table) is read on its own, apart from the text.
    Such a part is a run of lines with a common gap near the middle of the page, running text
    on one side and rows with labels and values on the other; lines of running text across
    the page lie outside it. Other pages are one part."""
    lines = group_lines(page)
    # A narrow table may take a third of the page or less, beside text taking the rest.
    low, high = 0.2 * page.width, 0.8 * page.width
    gaps = [_free([(low, high)], line) for line in lines]
    parts: list[tuple[Word, ...]] = []
    tried: set[tuple[int, tuple[tuple[float, float], ...]]] = set()  # runs with the same gaps
    start = 0
    while start < len(lines):
        free = [(low, high)]
        end = start
        # Each gap lost on the way ends a run of its own (a table's own gap runs on further).
        runs: list[tuple[int, list[tuple[float, float]]]] = []
        while end < len(lines) and (narrower := _common(free, gaps[end])):
            if any(not _common([gap], narrower) for gap in free):
                runs.append((end, free))
            free, end = narrower, end + 1
        runs.append((end, free))
        found = None
        for stop, common in reversed(runs):
            seen = (stop, tuple(common)) in tried
            tried.add((stop, tuple(common)))
            # A paragraph beside the table runs three lines or more.
            if (
                stop - start >= 3
                and not seen
                and (found := _text_beside(lines, start, stop, common))
            ):
                end = stop
                break
        if found:
            first, split = found
            end, split = _run_on(lines, gaps, first, end, split)
            end, split = _paragraph_ends(lines, first, end, split)
            end, split = _caption_below(lines, first, end, split)
            before = [w for line in lines[:first] for w in line.words]
            parts += [tuple(before), *split]
            lines, gaps, start = lines[end:], gaps[end:], 0
            tried.clear()
        else:  # a gap may open lower down, under a table that runs across it
            start += 1
    return [*parts, tuple(w for line in lines for w in line.words)]


def _paragraph_ends(
    lines: list[Line], first: int, end: int, split: list[tuple[Word, ...]]
) -> tuple[int, list[tuple[Word, ...]]]:
    """The part found in lines[first:end] without the text side's lines below the table's
    last: the lines under it (a note, the next heading) are read with the rest of the page.
    A row of figures is no such line: the side taken for text may hold a table too."""
    sides = [set(side) for side in split]
    prose = [
        sum(
            is_prose(Line(words, line.page))
            for line in lines[first:end]
            if (words := tuple(w for w in line.words if w in side))
        )
        for side in sides
    ]
    text = 0 if prose[0] >= prose[1] else 1
    while (
        end - 1 > first
        and all(w in sides[text] for w in lines[end - 1].words)
        and not _is_row(_chunks(lines[end - 1], frozenset()))
    ):
        end -= 1
    return end, _within(lines[first:end], split)


def _caption_below(
    lines: list[Line], first: int, end: int, split: list[tuple[Word, ...]]
) -> tuple[int, list[tuple[Word, ...]]]:
    """The part found in lines[first:end] without a full-width table's caption and the
    header lines under it ('Tabell 6. …' / 'Nyckeltal  Flickor  Pojkar'), which leave the gap
    free but are set tight on the table's next line below the part."""
    if end >= len(lines) or not _tight(lines[end - 1], lines[end]):
        return end, split
    for k in range(end - 1, first, -1):
        if _CAPTION.match(lines[k].text):
            if all(_tight(lines[i], lines[i + 1], 0.8) for i in range(k, end - 1)):
                return k, _within(lines[first:k], split)
            break
    return end, split


def _within(lines: list[Line], split: list[tuple[Word, ...]]) -> list[tuple[Word, ...]]:
    """Each side's words that stand on the given lines."""
    kept = {w for line in lines for w in line.words}
    return [tuple(w for w in side if w in kept) for side in split]


def _tight(above: Line, below: Line, share: float = 0.6) -> bool:
    return below.top - above.bottom <= share * above.height


def _run_on(
    lines: list[Line],
    gaps: list[list[tuple[float, float]]],
    first: int,
    end: int,
    split: list[tuple[Word, ...]],
) -> tuple[int, list[tuple[Word, ...]]]:
    """The part found in lines[first:end] may run on below `end`: lines above `first` (a
    full-width table's columns) narrowed the gap that ended it, the text beside needs less."""
    free = gaps[first]
    for gap in gaps[first + 1 : end]:
        free = _common(free, gap)
    longer = end
    while longer < len(lines) and (narrower := _common(free, gaps[longer])):
        free, longer = narrower, longer + 1
    if longer > end and (again := _text_beside(lines, first, longer, free)) and again[0] == first:
        return longer, again[1]
    return end, split


def _text_beside(
    lines: list[Line], start: int, end: int, free: list[tuple[float, float]]
) -> tuple[int, list[tuple[Word, ...]]] | None:
    """Where text beside a table starts in lines[start:end] and the two sides, trying the
    gaps they leave free widest first (a table's own gaps may be wider); else None."""
    for a, b in sorted(free, key=lambda f: f[0] - f[1]):
        first = _beside_from(lines, start, end, (a + b) / 2)
        if split := _text_beside_table(lines[first:end], (a + b) / 2):
            return first, split
    return None


def _beside_from(lines: list[Line], start: int, end: int, gutter: float) -> int:
    """Where text beside a table may start in lines[start:end]. A full-width table may share
    the gap (its rows have figures on both sides of it): after the last such row, where both
    sides have words. Else at the start: the lines above the first with words on both sides
    (a caption and header over the table, a heading over the text) are each one side's.
    Lines of one side each between the last such row and the first with both, some on the
    left and some on the right, are the two sides already: lines of different sizes side by
    side seldom share a line (a small table's caption, header and first row beside text)."""
    first = start
    ends = numbered_ends(lines)
    for n in range(start, end):
        if cut_row(lines[n], gutter) and lines[n] not in ends:
            first = n + 1
    after = first
    while first > start and first < end and not all(sides(lines[first], gutter)):
        first += 1
    halves = [tuple(bool(half) for half in sides(line, gutter)) for line in lines[after:first]]
    return after if (True, False) in halves and (False, True) in halves else first


# Points between text and a table beside it: a spreadsheet sets the two in adjacent cells, a
# few points apart, wider than a word space.
_GUTTER = 4.5


def _free(free: list[tuple[float, float]], line: Line) -> list[tuple[float, float]]:
    """The runs of x in `free` that no word of the line crosses, those `_GUTTER` wide or more."""
    for word in line.words:
        free = [
            part
            for a, b in free
            for part in ((a, min(b, word.x0)), (max(a, word.x1), b))
            if part[1] - part[0] >= _GUTTER
        ]
    return free


def _common(
    free: list[tuple[float, float]], other: list[tuple[float, float]]
) -> list[tuple[float, float]]:
    """The runs of x free in both, those `_GUTTER` wide or more."""
    return [
        (max(a, c), min(b, d))
        for a, b in free
        for c, d in other
        if min(b, d) - max(a, c) >= _GUTTER
    ]


def _text_beside_table(lines: list[Line], gutter: float) -> list[tuple[Word, ...]]:
    """The two sides of lines, when one side holds a paragraph (three lines of running text
    or more, two of them reading on) and the other two table rows with labels (a table's
    label column apart from its figures has no label beside its figures), more of them than
    lines of running text (a note under the table), or a paragraph too (a section in two
    columns), or when each side is a table of its own (`_two_tables`); else nothing."""
    pairs = [
        (Line(tuple(left), line.page), Line(tuple(right), line.page))
        for line in lines
        for left, right in [sides(line, gutter)]
    ]
    parts = [[pair[n] for pair in pairs if pair[n].words] for n in (0, 1)]
    # A paragraph's lines of running text, and its last line however short ('förstärkas.').
    running = [
        [
            is_prose(line)
            or (n > 0 and is_prose(side[n - 1]) and _closes_sentence(line))
            for n, line in enumerate(side)
        ]
        for side in parts
    ]
    prose = [sum(flags) for flags in running]
    # Lines of a paragraph read on from the line above; a table's long labels each start anew.
    reading_on = [
        sum(flag and line.text[:1].islower() for flag, line in zip(flags, side, strict=True))
        for flags, side in zip(running, parts, strict=True)
    ]
    rows = [
        sum(
            len(chunks) > 1 and not _is_number(chunks[0].text) and _is_row(chunks)
            for chunks in (_chunks(line, frozenset()) for line in side)
        )
        for side in parts
    ]
    paragraph = [prose[n] >= 3 and reading_on[n] >= 2 for n in (0, 1)]
    beside = any(paragraph[n] and 2 <= rows[1 - n] > prose[1 - n] for n in (0, 1))
    # A section set in two text columns, a table in one of them: paragraphs on both sides.
    if beside or all(paragraph) or (not any(paragraph) and _two_tables(pairs, rows[1])):
        return [tuple(w for line in side for w in line.words) for side in parts]
    return []


def _closes_sentence(line: Line) -> bool:
    return line.text[:1].islower() and line.text.rstrip().endswith(".")


def _two_tables(pairs: list[tuple[Line, Line]], rows: int) -> bool:
    """Whether the two sides of lines (`pairs`: each line's left and right part), neither
    a paragraph, are two tables set side by side, each under its own caption: the right side
    has `rows` rows of a label (a text or a year) and figures, two or more, the left side
    lines of figures (its labels may wrap around them); and a line above all figures starts a
    caption at each side's left edge. One wide table cut by the gap has no labels right of
    it, or no caption over the left edge of a column of its figures; and where the gap runs
    before a column of text cells ('I nivå med snittet', 'Bättre än snittet' …), those repeat
    where labels would not."""
    chunked = [
        [_chunks(pair[side], frozenset()) if pair[side].words else [] for pair in pairs]
        for side in (0, 1)
    ]
    figures = [
        [n for n, chunks in enumerate(side) if chunks and _is_row(chunks)] for side in chunked
    ]
    if rows < 2 or len(figures[0]) < 2:
        return False
    labels = [chunked[1][n][0].text for n in figures[1] if not _is_number(chunked[1][n][0].text)]
    if 2 * len(set(labels)) <= len(labels):
        return False
    edges = [min(pair[side].x0 for pair in pairs if pair[side].words) for side in (0, 1)]
    return any(
        all(
            pair[side].words and pair[side].x0 - edges[side] < 0.5 * pair[side].size
            for side in (0, 1)
        )
        for pair in pairs[: min(figures[0][0], figures[1][0])]
    )


def _read_band(page: Page, furniture: set[str], verdicts: frozenset[str]) -> list[Table]:
    lines = [line for line in page_lines(page, furniture) if not line.furniture]
    walls = _joined(page.vrules)
    chunked = [_chunks(line, verdicts, walls) for line in lines]
    stub_groups = _stub_groups(chunked)
    for i in stub_groups:
        chunked[i] = chunked[i][1:]
    tables: list[Table] = []
    index = floor = 0
    while index < len(lines):
        if not _is_row(chunked[index]):
            index += 1
            continue
        table, end = _table_at(lines, chunked, index, floor, page, walls, stub_groups)
        if table is not None:
            tables.append(table)
            floor = end
        index = max(end, index + 1)
    foot = _header_at_foot(lines, chunked, floor, page)
    if foot is None and floor < len(lines) and not (tables and tables[-1].open_group):
        # A caption after the last table whose table Word moved on to the next page, or a
        # heading with no more than a lead line or two under it (after running text or a
        # table: no title page): it names that table, of no columns here.
        named = next(
            (n for n in range(len(lines) - 1, floor - 1, -1) if _is_heading(lines, n)), None
        )
        if named is not None and len(lines) - 1 - named <= 2:
            after = lines[named + 1 :]
            body = bool(tables) or any(is_prose(line) for line in lines[:named])
            if (not after and _CAPTION.match(lines[named].text)) or (
                body and all(is_prose(line) for line in after)
            ):
                foot = Table(lines[-1].page, lines[named].text.strip(), (), (), (), at_top=False)
    return [*tables, foot] if foot else tables


def _header_at_foot(
    lines: list[Line], chunked: list[list[Chunk]], floor: int, page: Page
) -> Table | None:
    """A caption and a header left at the foot of a page, all rows on the next (Word moves a
    row that does not fit): a table without rows, whose columns (and a sub-group left under
    the header) the next page's rows take. Its lines have short cells away from the left edge,
    two side by side, and no numbers."""
    if floor >= len(lines):
        return None
    height = statistics.median(line.height for line in lines)
    # The stub and a group name start at the table's left edge, a cell's padding in from the
    # text's (a caption above starts at the text's).
    left = min(line.x0 for line in lines) + height - 3
    # A sub-group under the header may have stayed with it ('Västtrafiks resor avseende …').
    end = len(lines)
    while end > floor and len(chunked[end - 1]) == 1 and chunked[end - 1][0].x0 <= left + 3:
        if len(lines[end - 1].words) > _MAX_LABEL_WORDS:
            return None
        end -= 1
    found: list[int] = []
    for index in range(end - 1, floor - 1, -1):
        over = [c for c in chunked[index] if c.x0 > left + 3]
        if not over or any(_is_number(c.text) or len(c.words) > _MAX_CELL_WORDS for c in over):
            break
        if _justified(chunked[index]):
            break
        below = found[0] if found else end
        if below < len(lines) and lines[below].top - lines[index].bottom > 1.6 * height:
            # A rule across the gap (under a header band) is the table's own: the gap is its
            # padding.
            top, bottom = lines[index].bottom, lines[below].top
            if not any(
                top < r.y < bottom and r.x0 <= left and r.x1 >= over[-1].x1 for r in page.rules
            ):
                break
        found.insert(0, index)
    # A header has two columns or more side by side; a title page's lines have one.
    if not any(sum(c.x0 > left + 3 for c in chunked[i]) > 1 for i in found):
        return None
    spans = _spans([c for i in found for c in chunked[i] if c.x0 > left + 3])
    return Table(
        page=page.number,
        title=_title(lines, floor, found[0]),
        columns=_column_labels([chunked[i] for i in found], spans, spans[0].x0),
        spans=tuple(spans),
        rows=(),
        at_top=False,
        left=left,
        open_group=_join([lines[i].text for i in range(end, len(lines))]),
    )


def _justified(chunks: list[Chunk]) -> bool:
    """A line of justified prose split at its wide spaces: words of many lengths at one gap
    ('2016   2017   2018' over equal columns is a header). Justification widens every space
    of a line alike, within a chunk too: labels of a few words each ('Antal 2022', 'Antal
    2023') at equal gaps are a header over columns of one width."""
    words = [w for c in chunks for w in c.words]
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(words)]
    labels = [c for c in chunks if not YEAR.fullmatch(c.text)]
    return len(chunks) >= 3 and len(labels) >= 2 and max(gaps) - min(gaps) < 1.0


def _stub_groups(chunked: list[list[Chunk]]) -> dict[int, Chunk]:
    """Group names set in a column of their own left of the row labels, beside the first row
    of each group (a cell merged down the group: 'Webbplats' beside 'Besökare', then
    'Sidvisningar' alone under 'Besökare'): by line, the chunk that names a group. The next
    line must be such a row, its label where this line's second text begins (a text cell,
    'Bättre än snittet', has the next row's label under the first)."""
    grouped = {
        i: chunks
        for i, chunks in enumerate(chunked)
        if len(chunks) > 2
        and not any(_is_number(c.text) or c.text in NO_VALUE for c in chunks[:2])
        and _is_row(chunks[1:])
    }
    return {
        i: chunks[0]
        for i, chunks in grouped.items()
        if i + 1 < len(chunked)
        and i + 1 not in grouped
        and chunked[i + 1]
        and abs(chunked[i + 1][0].x0 - chunks[1].x0) <= 1
        and _is_row(chunked[i + 1])
    }


def _chunks(
    line: Line, verdicts: frozenset[str], walls: Sequence[tuple[float, float, float]] = ()
) -> list[Chunk]:
    """The line's cells: runs of words, parted also by a column rule (`walls`: x, top,
    bottom) between two words, however close ('Utfall | Status' in a narrow ruled header)."""
    middle = (line.top + line.bottom) / 2
    crossing = [x for x, top, bottom in walls if top <= middle <= bottom]
    runs: list[list[Word]] = []
    for words in word_runs(line, _GAP):
        runs.append([words[0]])
        for before, word in itertools.pairwise(words):
            if _note_mark(before, word):
                continue
            if any(before.x1 <= x <= word.x0 for x in crossing):
                runs.append([word])
            else:
                runs[-1].append(word)
    chunks = [Chunk(tuple(words)) for words in runs]
    # A verdict starts a cell; in lower case it is the end of a wrapped one ('Delvis' /
    # 'uppfyllt'). Leading a line of figures it is the row's label ('Uppnått | 73,5%', the
    # first line of 'Uppnått kunskapskraven …', or a count of goals per verdict).
    labelled = any(_is_number(c.text) for c in chunks[1:])
    return [
        replace(c, verdict=True)
        if c.text.casefold() in verdicts and not c.text[:1].islower() and not (n == 0 and labelled)
        else c
        for n, c in enumerate(chunks)
    ]


_MARK = re.compile(r"[\d¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2}\)?|[*†]{1,3}|[a-z]\)")


def _note_mark(before: Word, word: Word) -> bool:
    """A note's mark set small and raised right after a word ('Chatt¹', 'eller mer 1)'): it
    refers to a note under the table and is no part of the label or the value. A writer
    that scales the glyph rather than the font (ConTeXt) gives it the text's size: raised
    this far, it is a mark all the same."""
    raised = before.bottom - word.bottom
    return (
        _MARK.fullmatch(word.text) is not None
        and 0 < word.size <= before.size
        # A browser sets <sup> at 5/6 of the text's size.
        and (
            raised >= 0.35 * before.size
            or (raised >= 0.2 * before.size and word.size <= 0.85 * before.size)
        )
        and word.x0 - before.x1 < 0.3 * before.size
    )


def _is_number(text: str) -> bool:
    return parse_value(text).is_number and not YEAR.fullmatch(text.strip())


def _is_row(chunks: list[Chunk]) -> bool:
    """A label (or none) and short cells, at least one a number other than a bare year, at
    least as many numbers as words, and more numbers than words in lower case: prose split at
    wide spaces has cells like 'och' ('snittet' is the wrapped end of a text cell)."""
    cells = chunks if _is_number(chunks[0].text) or chunks[0].verdict else chunks[1:]
    if not cells or len(chunks[0].words) > _MAX_LABEL_WORDS:
        return False
    numbers = sum(_is_number(c.text) or c.verdict for c in cells)
    # A dash stands for no value ('–'): a cell, as a number would be, but never the only one.
    values = numbers + sum(c.text in NO_VALUE for c in cells)
    # A comment column may hold a phrase ('Fler elever i kör och dans') beside values, as may
    # an indicator's name beside its result and verdict: one long cell at most.
    longest = max(cells, key=lambda c: len(c.words))
    comment = longest if numbers and values >= 2 and not longest.text[:1].islower() else None
    if any(len(c.words) > _MAX_CELL_WORDS for c in cells if c is not comment):
        return False
    if comment is not None and len(comment.words) > _MAX_COMMENT_WORDS:
        return False
    lower = sum(c.text[:1].islower() and not _is_number(c.text) and not c.verdict for c in cells)
    return numbers > 0 and values > lower and 2 * values >= len(cells)


def _short(cells: list[Chunk]) -> bool:
    """Text cells as a table prints them: a few words starting in upper case ('Ej uppfyllt',
    'Bättre än snittet'), never a word that reads on like prose ('och', 'under')."""
    return all(len(c.words) <= _MAX_CELL_WORDS and not c.text[:1].islower() for c in cells)


def _kind(line: Line, chunks: list[Chunk], edge: float, boundary: float) -> str:
    """What a line is inside a table body: "row" (cells with numbers), "text" (a label and
    short text cells: 'Ej uppfyllt'), "label" (label column only), "wrap" (cells only, the
    wrapped part of text cells: 'Bättre än' / 'snittet'), "more" (a label and cells, both
    wrapped) or "" (not part of the table: prose, a title). Labels start at the label column's edge (`edge`), cells at `boundary` or after
    it (a text column wrapped over lines may start before it)."""
    if len(chunks) == 1 and line.x1 < boundary and line.x0 <= edge:  # a label's '60 dagar)'
        return "label" if len(line.words) <= _MAX_LABEL_WORDS else ""
    # A sub-group's name may run on over the first column (a Word row merged across).
    if len(chunks) == 1 and line.x0 <= edge and _group_name(chunks[0]):
        return "label"
    if _is_row(chunks):
        return "row"
    label, cells = _split(chunks, edge)
    # The header of a table right below names years; a row's comment may too ('Mäts från
    # 2022'), beside the dashes a header never has.
    if any(YEAR.search(c.text) for c in cells) and not any(c.text in NO_VALUE for c in cells):
        return ""
    # Justified prose right under a table, split at its every wide space, wraps no cells.
    if len(chunks) >= 4 and _justified(chunks):
        return ""
    if not label:
        return "wrap" if all(len(c.words) <= _MAX_CELL_WORDS for c in cells) else ""
    if len(label[0].words) > _MAX_LABEL_WORDS or label[0].x1 >= boundary:
        return ""
    if not cells:
        return "label"
    if _short(cells):
        return "text"
    # The next lines of a row: a label and text cells both wrapped ('engagemang | snittet').
    return "more" if all(len(c.words) <= _MAX_CELL_WORDS for c in cells) else ""


def _evenly(lines: list[Line], index: int, height: float) -> bool:
    """Whether line `index` stands as far below the line above as the next row stands below
    it (past a wrapped label's lines set tight under it), and no more than four lines off."""
    gap = lines[index].top - lines[index - 1].bottom
    after = next(
        (
            space
            for k in range(index + 1, len(lines))
            if (space := lines[k].top - lines[k - 1].bottom) > 0.6 * height
        ),
        0.0,
    )
    return abs(after - gap) <= 0.25 * gap and gap <= 4 * height


def _header_over(chunked: list[list[Chunk]], first: int, edge: float) -> bool:
    """Whether lines from `first` on are the header of a table stacked right under the one
    above: words only, up to a row whose cells under them all hold numbers. Text
    wrapped upwards from a row's cells stands over text; a label stands over figures."""
    words: list[Chunk] = []
    for chunks in chunked[first:]:
        if _is_row(chunks):
            under = _split(chunks, edge)[1]
            return all(
                any(c.x0 < w.x1 and w.x0 < c.x1 and _is_number(c.text) for c in under)
                for w in words
            )
        label, cells = _split(chunks, edge)
        # The header's last line may name the label column too ('Förvaltning | 2021 | 2022');
        # under it, a group's name may come before the first row.
        if label and not cells and words:
            continue
        if (label and not cells) or any(_is_number(c.text) for c in cells):
            return False
        words.extend(cells)
    return False


def _group_name(chunk: Chunk) -> bool:
    """A few words naming a group of rows ('Andel behöriga till yrkesprogram, %'), not a
    sentence, a caption or a wrapped label's last line."""
    text = chunk.text.rstrip()
    return (
        text[:1].isupper()
        and len(chunk.words) <= _MAX_CELL_WORDS + 1
        and text[-1:] not in ".:"
        and not _CAPTION.match(text)
        and not _is_number(text)
    )


def _split(chunks: list[Chunk], edge: float) -> tuple[list[Chunk], list[Chunk]]:
    """A line's label (its first chunk, when it starts at the label column's edge and is no
    number or a verdict) and its cells."""
    if chunks[0].x0 <= edge and not _is_number(chunks[0].text) and not chunks[0].verdict:
        return chunks[:1], chunks[1:]
    return [], chunks


def _table_at(
    lines: list[Line],
    chunked: list[list[Chunk]],
    first: int,
    floor: int,
    page: Page,
    walls: Sequence[tuple[float, float, float]],
    stub_groups: dict[int, Chunk],
) -> tuple[Table | None, int]:
    """The table whose first row with cells is line `first` (lines before `floor` belong to
    the table above), and the index after it."""
    height = statistics.median(line.height for line in lines)
    # Labels start at the label column's edge, give or take an indent ('varav …'). A first
    # row set in the middle of its wrapped label has none on its line: the label's lines
    # around it show the edge, also when its first cell is text ('kr' in a unit column)
    # right of where they end.
    lead = [chunked[first][0]]
    cell = _is_number(lead[0].text) or lead[0].text in NO_VALUE
    lead += [
        chunked[i][0]
        for i in (first - 1, first + 1)
        if 0 <= i < len(lines)
        and not _is_row(chunked[i])
        and len(chunked[i]) == 1
        and (cell or chunked[i][0].x1 < lead[0].x0)
    ]
    edge = min(c.x0 for c in lead) + 2 * height
    boundary = _split(chunked[first], edge)[1][0].x0
    body = [first]
    kinds = {first: "row"}
    pitch: list[float] = []  # the gaps between the body's lines so far
    for index in range(first + 1, len(lines)):
        gap = lines[index].top - lines[index - 1].bottom
        kind = _kind(lines[index], chunked[index], edge, boundary)
        # Wrapped cell text sits tight on a line of its row (above it when cells are set at
        # the bottom); a line set apart is a caption or a source.
        tight = gap <= 0.6 * height or (
            index + 1 < len(lines) and lines[index + 1].top - lines[index].bottom <= 0.6 * height
        )
        # Rows set far apart (cells with padding) are evenly so, and may set a total row
        # further apart still.
        # A group's name over its rows may stand further off too.
        heads = kind == "label" and index + 1 < len(lines) and _is_row(chunked[index + 1])
        apart = gap > 2.2 * height and not (
            (kind in ("row", "text") and _evenly(lines, index, height))
            or ((kind == "row" or heads) and pitch and gap <= 1.5 * statistics.median(pitch))
        )
        if apart or not kind or (kind in ("wrap", "more") and not tight):
            break
        # A caption between rows heads the next table; it names no group of this one. Nor
        # does a heading set larger than the rows: the next section's, under a table at the
        # top of a page.
        if kind == "label" and (
            _CAPTION.match(lines[index].text) or _set_larger(lines[index], lines[first].size)
        ):
            break
        if kind == "wrap" and gap > 0.6 * height and _header_over(chunked, index, edge):
            break
        body.append(index)
        kinds[index] = kind
        pitch.append(gap)
        if kind == "row":
            boundary = min(boundary, _split(chunked[index], edge)[1][0].x0)
    start = first
    # The first row's text cells that may have wrapped upwards (a verdict or a dash is whole).
    texts = [
        c
        for c in _split(chunked[first], edge)[1]
        if not _is_number(c.text) and not c.verdict and c.text not in NO_VALUE
    ]
    while start > floor:
        kind = _kind(lines[start - 1], chunked[start - 1], edge, boundary)
        gap = lines[start].top - lines[start - 1].bottom
        # Groups under the header sit close to the rows. A text cell of the first row wrapped
        # upwards (set in the middle or at the bottom), its label perhaps too, overlaps that
        # row's line or sits tight over its text; a header line does neither.
        above = _split(chunked[start - 1], edge)[1]
        wrapped = (
            kind in ("wrap", "text", "more")
            and kinds[start] != "label"  # right over the first row, not over a group
            and (
                (start == first and gap < 0 and kind == "wrap")
                or (
                    gap <= 0.6 * height
                    and all(any(c.x0 < t.x1 and c.x1 > t.x0 for t in texts) for c in above)
                )
            )
        )
        if not (kind == "label" and gap <= 2.2 * height) and not wrapped:
            break
        start -= 1
        body.insert(0, start)
        kinds[start] = kind
    numbered = [i for i in body if kinds[i] == "row"]
    # After the last row, a line whose text runs across the rows' columns is the paragraph
    # below (beside a heading in a text column), not a row of text cells.
    columns = _spans([c for i in numbered for c in _split(chunked[i], edge)[1]])
    across = [
        n
        for n, i in enumerate(body)
        if i > numbered[-1]
        and any(
            len(_column_of(c.x0, c.x1, columns)) > 1 or c.x1 > columns[-1].x1 + 2 * height
            for c in _split(chunked[i], edge)[1]
        )
    ]
    if across:
        body = body[: across[0]]
    cells = {i: _split(chunked[i], edge)[1] for i in body if kinds[i] != "label"}
    cells = {i: found for i, found in cells.items() if found}
    spans = _spans([c for i in cells for c in cells[i]])
    # A table's rows put one cell in each column; words of justified prose, split at its wide
    # spaces, overlap from line to line into a few wide columns holding several words a line.
    crowded = sum(_crowded(cells[i], spans) for i in numbered)
    if 2 * crowded > len(numbered):
        return None, body[-1] + 1
    left = min(lines[i].x0 for i in body)
    spans = _ruled(spans, walls, lines[numbered[0]].bottom, lines[numbered[-1]].top, left)
    across = [r.y for r in page.rules if r.x0 <= left + 2 and r.x1 >= spans[0].x0]
    named, used, trailing = _rows(
        lines, chunked, body, kinds, edge, spans, across, height, stub_groups
    )
    continuing = next((n for n, (group, _, _) in enumerate(named) if group is not None), len(named))
    rows = tuple((group or "", label, cells) for group, label, cells in named)
    end = max(used) + 1
    # Rows set far apart (cells with padding) leave as much space under the header.
    spacing = [lines[b].top - lines[a].bottom for a, b in itertools.pairwise(numbered)]
    reach = max(1.6 * height, 1.3 * statistics.median(spacing)) if spacing else 1.6 * height
    if floor == 0 and 0 < start <= 3 and spacing:
        # At a page's top, the header a table repeats there: a tall header row in a bar of
        # its own may stand further off (as far as two rows, top to top).
        steps = [lines[b].top - lines[a].top for a, b in itertools.pairwise(numbered)]
        reach = max(reach, 2 * statistics.median(steps))
    header = _header_lines(lines, chunked, start, floor, left, spans, reach)
    top = header[0] if header else start
    if not header and top > floor:  # only a table going on from the page before may lack one
        return None, end
    title = _title(lines, floor, top)
    # Two rows make a table; one will do at the top or the foot of a page, where tables break,
    # or under a caption that names it a table.
    if len(numbered) < 2 and not (top == 0 or body[-1] == len(lines) - 1 or _CAPTION.match(title)):
        return None, end
    # A result table labels its rows; rows led by a number are a coded list (Kompass items).
    if 2 * sum(bool(label) for _, label, _ in rows) < len(rows):
        return None, end
    # A caption right below ('Tabell 3: …') is this table's, unless one above names it: then
    # it is the next table's.
    caption = ""
    if (
        end < len(lines)
        and _CAPTION.match(lines[end].text)
        and not _CAPTION.match(title)
        and lines[end].top - lines[end - 1].bottom < 2.2 * height
    ):
        caption = lines[end].text.strip()
        end += 1
    # The right edge of the row labels: header words right of it label columns.
    stub = max(
        (
            c.x1
            for i in body
            for c in (chunked[i] if kinds[i] == "label" else _split(chunked[i], edge)[0])
        ),
        default=spans[0].x0,
    )
    # Column rules that reach the header's last line box its cells.
    lowest = (lines[header[-1]].top + lines[header[-1]].bottom) / 2 if header else 0.0
    table = Table(
        page=page.number,
        title=title,
        caption=caption,
        columns=_column_labels(
            _side_by_side(
                [lines[i] for i in header],
                [
                    _boxed(
                        chunked[i], lines[i], walls, lowest, left, _under(i, header, lines, page)
                    )
                    for i in header
                ],
            ),
            spans,
            stub,
        ),
        spans=tuple(spans),
        rows=rows,
        # Under a caption that says it goes on ('Tabell 7 (forts.)') it is at the top too.
        at_top=top == 0 or (top == 1 and _GOES_ON.search(lines[0].text) is not None),
        left=left,
        open_group=trailing if body[-1] == len(lines) - 1 else "",
        continuing=continuing,
    )
    return _dash_columns(table), end


def _dash_columns(table: Table) -> Table:
    """A column of dashes alone, with no label, whose rows leave the labelled column to its
    left empty: that column's "–", set right in a wide text column ('Kommentar')."""
    columns, spans, rows = list(table.columns), list(table.spans), [list(r[2]) for r in table.rows]
    for n in range(len(columns) - 1, 0, -1):
        if (
            not columns[n]
            and columns[n - 1]
            and any(cells[n] for cells in rows)
            and all(not cells[n] or (cells[n] in NO_VALUE and not cells[n - 1]) for cells in rows)
        ):
            for cells in rows:
                dash = cells.pop(n)
                cells[n - 1] = cells[n - 1] or dash
            del columns[n]
            spans[n - 1 : n + 1] = [Span(spans[n - 1].x0, spans[n].x1)]
    return replace(
        table,
        columns=tuple(columns),
        spans=tuple(spans),
        rows=tuple(
            (g, label, tuple(cells)) for (g, label, _), cells in zip(table.rows, rows, strict=True)
        ),
    )


def _boxed(
    chunks: list[Chunk],
    line: Line,
    walls: Sequence[tuple[float, float, float]],
    lowest: float,
    left: float,
    under: Sequence[Rule] = (),
) -> list[Chunk]:
    """Header cells as wide as the column rules around them on their line (rules that run
    on down through the header's last line, at `lowest`): a label over two columns ('2019'
    over 'Kalix | Riket') has no rule between them at its height. A dark header's white
    rules end with it. A rule left of the labels (at `left`) is the table's frame: no
    cell's border. A rule drawn under a label and no further left than the columns (`under`,
    between its line and the next) is as wide as the columns the label spans ('Utfall 2022'
    over 'Intäkter | Kostnader | Netto')."""
    middle = (line.top + line.bottom) / 2
    xs = sorted(x for x, top, bottom in walls if top <= middle and bottom >= lowest and x > left)
    out = []
    for chunk in chunks:
        lower = [x for x in xs if x <= chunk.x0 + 1]
        upper = [x for x in xs if x >= chunk.x1 - 1]
        # Inside the rules: a figure's column ending at a rule is not reached by the next.
        box = (lower[-1] + 1, upper[0] - 1) if lower and upper else None
        spanned = [r for r in under if left + 2 < r.x0 <= chunk.x0 + 1 and r.x1 >= chunk.x1 - 1]
        if spanned:
            box = (spanned[0].x0, spanned[0].x1)
        # A shaded header row's edges box the whole line, no one cell.
        if box and any(o is not chunk and o.x0 < box[1] and o.x1 > box[0] for o in chunks):
            box = None
        out.append(replace(chunk, box=box))
    return out


def _under(index: int, header: list[int], lines: list[Line], page: Page) -> list[Rule]:
    """The rules between a header line and the next header line wholly below it (a line of
    labels set a little lower beside it, as the first line of a two-line label, is not), on
    a page read by OCR. A text layer's header cells have their borders (filled cells' edges)
    to box them; a scan's dark header bar is one dark area, with no borders between cells."""
    if page.source is not Source.OCR:
        return []
    foot = lines[index].bottom
    below = [lines[i].top for i in header if lines[i].top >= foot - 1]
    if not below:
        return []
    return [r for r in page.rules if foot - 1 <= r.y <= below[0] + 1]


def _joined(vrules: Sequence[VRule]) -> list[tuple[float, float, float]]:
    """Vertical rules drawn a cell or a row at a time joined into lines (x, top, bottom)."""
    out: list[tuple[float, float, float]] = []
    for rule in sorted(vrules, key=lambda v: (round(v.x), v.top)):
        if out and abs(out[-1][0] - rule.x) < 1 and rule.top - out[-1][2] < 20:
            out[-1] = (out[-1][0], out[-1][1], max(out[-1][2], rule.bottom))
        else:
            out.append((rule.x, rule.top, rule.bottom))
    return out


def _crowded(cells: list[Chunk], spans: list[Span]) -> bool:
    columns = [_column_of(c.x0, c.x1, spans)[0] for c in cells]
    return len(set(columns)) < len(columns)


def _ruled(
    spans: list[Span],
    walls: Sequence[tuple[float, float, float]],
    top: float,
    bottom: float,
    left: float,
) -> list[Span]:
    """Columns widened to the vertical rules around them, where rules run down the body: a
    header set to the left of its cell (over right-aligned numbers) still lies over its column.
    A rule left of the labels (at `left`) is the table's frame, no column's border."""
    xs = sorted(x for x, high, low in walls if high <= top and low >= bottom and x > left)
    out = []
    for n, span in enumerate(spans):
        lower = [x for x in xs if x <= span.x0 + 1 and (n == 0 or x >= spans[n - 1].x1 - 1)]
        upper = [
            x for x in xs if x >= span.x1 - 1 and (n + 1 == len(spans) or x <= spans[n + 1].x0 + 1)
        ]
        out.append(Span(lower[-1] if lower else span.x0, upper[0] if upper else span.x1))
    return out


def _spans(cells: list[Chunk]) -> list[Span]:
    """Columns: the cells' x-extents merged where they overlap."""
    spans: list[Span] = []
    for cell in sorted(cells, key=lambda c: c.x0):
        if spans and cell.x0 <= spans[-1].x1:
            spans[-1] = Span(spans[-1].x0, max(spans[-1].x1, cell.x1))
        else:
            spans.append(Span(cell.x0, cell.x1))
    return spans


_CENTRED = 0.15  # of the columns' spacing: a label this close to a column's centre is over it


def _column_of(x0: float, x1: float, spans: Sequence[Span]) -> list[int]:
    """The columns an extent lies over: those it covers at least half of, or those it reaches
    into when its middle lies between them (a header spanning columns: 'Götene kommun' over
    '2017 2018'); else the one it overlaps most, else the nearest by centre."""
    overlap = [min(x1, s.x1) - max(x0, s.x0) for s in spans]
    covered = [i for i, s in enumerate(spans) if overlap[i] >= 0.5 * (s.x1 - s.x0) > 0]
    if len(covered) > 1:
        return covered
    middle = (x0 + x1) / 2
    reached = [i for i in range(len(spans)) if overlap[i] > 0]
    # Within a point of a border counts as between (a label centred over two ruled columns).
    if len(reached) > 1 and not any(spans[i].x0 + 1 < middle < spans[i].x1 - 1 for i in reached):
        return reached
    best = max(range(len(spans)), key=lambda i: overlap[i])
    if overlap[best] > 0:
        return [best]
    return [min(range(len(spans)), key=lambda i: abs((spans[i].x0 + spans[i].x1) / 2 - middle))]


def _header_lines(
    lines: list[Line],
    chunked: list[list[Chunk]],
    start: int,
    floor: int,
    left: float,
    spans: list[Span],
    reach: float,
) -> list[int]:
    """The lines right above the body (no further apart than `reach`) that carry column
    labels. Header cells wrap to different
    numbers of lines and are often set in the middle of their cell, so a header line may hold
    words of only some columns. A line that starts at the label column's edge and runs into
    the columns is prose or a caption; a line set larger, a number or a long run of words ends
    the header too. Lines with words in the label column only count when a line above them
    has column labels (the stub of a wrapped header)."""
    size = lines[start].size
    found: list[int] = []
    index = start - 1
    while index >= floor:
        line, chunks = lines[index], chunked[index]
        if lines[found[0] if found else start].top - line.bottom > reach:
            break
        if _set_larger(line, size):
            break
        if any(c.x0 <= left + 3 and c.x1 > spans[0].x0 + 1 for c in chunks):
            break
        # A caption, or justified prose from the label edge split at its every wide space.
        if _CAPTION.match(line.text) or (chunks[0].x0 <= left + 3 and _justified(chunks)):
            break
        over = [c for c in chunks if c.x1 > spans[0].x0 + 1]
        if any(len(c.words) > _MAX_CELL_WORDS + 1 for c in over):
            break
        # A row of figures ends the header; a label's own figure ('Varav över' / '60 dagar')
        # stands among words.
        figures = sum(_is_number(c.text) for c in over)
        if figures and 2 * figures >= len(over):
            break
        found.insert(0, index)
        index -= 1
    while found and not any(c.x1 > spans[0].x0 + 1 for c in chunked[found[0]]):
        found.pop(0)
    return found


def _set_larger(line: Line, size: float) -> bool:
    """Whether a line is set larger than text of the given size, as a heading is. OCR
    measures a line's size from its letters' boxes, roughly: a heading it read is told apart
    by more."""
    larger = 1.3 if all(w.confidence >= 1.0 for w in line.words) else 1.5
    return line.size > larger * size


def _side_by_side(lines: list[Line], header: list[list[Chunk]]) -> list[list[Chunk]]:
    """Header lines that overlap in height and not across are one row of labels set at
    different heights ('Ockelbo' over two columns a little above 'Snitt' over one)."""
    merged: list[list[Chunk]] = []
    for n, chunks in enumerate(header):
        if (
            n
            and merged
            and min(lines[n - 1].bottom, lines[n].bottom) - lines[n].top
            >= 0.3 * min(lines[n - 1].height, lines[n].height)
            and not any(a.x0 < b.x1 and b.x0 < a.x1 for a in merged[-1] for b in chunks)
        ):
            merged[-1] = sorted([*merged[-1], *chunks], key=lambda c: c.x0)
        else:
            merged.append(list(chunks))
    return merged


def _column_labels(header: list[list[Chunk]], spans: list[Span], stub: float) -> tuple[str, ...]:
    """The label of each column. Header words over the label column (the stub) name none; a
    label set left of its figures stands right of every row label (`stub`, their right edge)."""
    parts: list[list[str]] = [[] for _ in spans]
    spanning = _spanning(header, spans, stub)
    for n, chunks in enumerate(header):
        labels = [c for c in chunks if _over_columns(c, spans, stub)]
        if _one_each(labels, spans):
            for column, chunk in enumerate(labels):
                parts[column].append(chunk.text)
            continue
        for chunk in chunks:
            if _over_columns(chunk, spans, stub):
                columns = spanning.get(chunk) if n == 0 else None
                for column, text in _labels_over(
                    chunk, columns or _column_of(chunk.x0, chunk.x1, spans), spans
                ):
                    parts[column].append(text)
    return tuple(_join(words) for words in parts)


def _labels_over(chunk: Chunk, columns: list[int], spans: list[Span]) -> list[tuple[int, str]]:
    """The label text over each of the columns a header chunk lies over. Labels centred over
    narrow columns, or set flush right with their figures, may stand a word space apart
    ('Förvaltningen Kommunen totalt' over two columns): the chunk is parted where each part
    is centred over a column of its own, or ends where its figures end. A label spanning the
    columns ('Götene kommun' over '2017 2018') is neither, and names them all."""
    if len(columns) > 1 and len(chunk.words) >= len(columns) and not chunk.box:
        centres = [(spans[i].x0 + spans[i].x1) / 2 for i in columns]
        spacing = min(b - a for a, b in itertools.pairwise(centres))
        flush = 0.3 * chunk.words[0].height
        for cuts in itertools.combinations(range(1, len(chunk.words)), len(columns) - 1):
            groups = [chunk.words[a:b] for a, b in itertools.pairwise((0, *cuts, len(chunk.words)))]
            middles = [(g[0].x0 + g[-1].x1) / 2 for g in groups]
            ends = [g[-1].x1 for g in groups]
            if all(
                abs(m - c) <= _CENTRED * spacing for m, c in zip(middles, centres, strict=True)
            ) or all(abs(e - spans[i].x1) <= flush for e, i in zip(ends, columns, strict=True)):
                return [
                    (column, " ".join(w.text for w in group))
                    for column, group in zip(columns, groups, strict=True)
                ]
    return [(column, chunk.text) for column in columns]


def _one_each(labels: list[Chunk], spans: list[Span]) -> bool:
    """Whether a header line holds a label for each column, in order, none over another's
    column: each names its own, however far it stands from its figures (wide labels set left
    over figures set right)."""
    return len(labels) == len(spans) > 1 and not any(
        min(c.x1, s.x1) > max(c.x0, s.x0)
        for n, c in enumerate(labels)
        for m, s in enumerate(spans)
        if m != n
    )


def _over_columns(chunk: Chunk, spans: list[Span], stub: float) -> bool:
    return chunk.x1 > spans[0].x0 + 1 or chunk.x0 > stub


def _spanning(header: list[list[Chunk]], spans: list[Span], stub: float) -> dict[Chunk, range]:
    """A two-level header: a top line of labels each over two columns or more that the
    lines below label one by one ('2019' over 'Antal | Andel %'). Without rules a spanning
    label sits left or in the middle of its span, over its first column or the gap after it:
    it names the columns from its own up to the next one's; set right, it sits over the last
    column of its span and names those after the one before."""
    top = [c for c in header[0] if _over_columns(c, spans, stub)] if len(header) > 1 else []
    if not top:
        return {}
    marks = [_mark(c, spans) for c in top]
    lower: dict[int, str] = {}  # the labels below, column by column
    under: dict[int, Chunk] = {}  # the label right under the upper line, column by column
    for chunks in header[1:]:
        for c in chunks:
            if _over_columns(c, spans, stub):
                columns = _column_of(c.x0, c.x1, spans)
                for column in columns:
                    lower[column] = f"{lower.get(column, '')} {c.text}".strip()
                if len(columns) == 1:
                    under.setdefault(columns[0], c)
    below = set(lower)
    if len(top) == 1:
        # One label over years ('Resultat' over '2019 | 2020 | 2021') names the run of year
        # columns it stands over, unless it is aligned with the label under it: a wrapped
        # label's first line.
        years = [YEAR.fullmatch(lower.get(c, "")) is not None for c in range(len(spans))]
        first = last = marks[0]
        while first > 0 and years[first - 1]:
            first -= 1
        while last + 1 < len(spans) and years[last + 1]:
            last += 1
        aligned = _aligned(top[0], under.get(marks[0]))  # 'Riket' right over '2023'
        spans_years = years[marks[0]] and last > first and not aligned
        return {top[0]: range(first, last + 1)} if spans_years else {}
    # Labels each set flush with the label under them are wrapped labels' first lines
    # ('Resultat' / 'Karlshamn' / '2022' set right), none spanning, unless the labels below
    # repeat from span to span ('2019' set left over 'Antal | Andel %', '2020' over the same).
    repeated = len(set(lower.values())) < len(lower)
    if not repeated and all(
        m in under and _flush(c, under[m]) for c, m in zip(top, marks, strict=True)
    ):
        return {}
    # Beside first lines of wrapped labels ('Förändring' over 'mot 2021', reading on), one
    # label set apart from the label under it names the labelled columns between the wrapped
    # ones around it ('2022' over 'Kvinnor | Män | Totalt'), wherever over them it is set.
    wrapped = [
        m
        for c, m in zip(top, marks, strict=True)
        if m in under and under[m].text[:1].islower() and _aligned(c, under[m])
    ]
    if len(wrapped) == len(top):  # all first lines ('Timmar per' / 'brukare' set right)
        return {}
    if between := _between(top, marks, wrapped, under, below, len(spans)):
        return between
    # Each label centred over its own group ('Förändring' over one column beside '2021' over
    # two): the columns after the last group have no upper label.
    centred = _centred_groups(top, spans, lower)
    if (
        len(centred) == len(top)
        and any(len(g) >= 2 for g in centred)
        and all(below.issuperset(g) for g in centred)
        and all(a[-1] < b[0] for a, b in itertools.pairwise(centred))
    ):
        return dict(zip(top, centred, strict=True))
    lefts = [range(a, b) for a, b in zip(marks, [*marks[1:], len(spans)], strict=True)]
    rights = [range(a + 1, b + 1) for a, b in zip([-1, *marks[:-1]], marks, strict=True)]
    covered = [gs for gs in (lefts, rights) if all(g and below.issuperset(g) for g in gs)]
    for groups in covered:
        # Set flush right over its own column's label ('Snitt riket' over '2019'), a label
        # names that column only: one spanning columns to its right stands left or centred.
        ends_over = groups is lefts and any(
            g[0] in under and abs(label.x1 - under[g[0]].x1) <= 1.5
            for label, g in zip(top, groups, strict=True)
        )
        if all(len(g) >= 2 for g in groups) and not ends_over:
            return dict(zip(top, groups, strict=True))
    # Beside a label over one column ('Riket' over '2022'), one over two ('Sala' over
    # '2021 | 2022') is set apart from the labels below; the first line of a wrapped label
    # ('Utfall' / '2018') is aligned with the next.
    for groups in covered:
        first = groups is lefts
        if any(len(g) >= 2 for g in groups) and not any(
            len(g) >= 2 and _aligned(label, under.get(g[0] if first else g[-1]))
            for label, g in zip(top, groups, strict=True)
        ):
            return dict(zip(top, groups, strict=True))
    # Last, the same between labels of one column each, set flush over its label ('Budget
    # 2023' over 'Netto') or alone in it ('Avvikelse'): 'Utfall 2023' over 'Intäkter |
    # Kostnader | Netto' beside them. Flush labels are a weaker sign than a wrapped label's
    # reading on: a label over a group may be set flush with one of the group's.
    single = [
        m
        for c, m in zip(top, marks, strict=True)
        if len(_column_of(c.x0, c.x1, spans)) == 1
        and (m not in lower or (m in under and _flush(c, under[m])))
    ]
    return _between(top, marks, single, under, below, len(spans))


def _between(
    top: list[Chunk],
    marks: list[int],
    single: list[int],
    under: dict[int, Chunk],
    below: set[int],
    count: int,
) -> dict[Chunk, range]:
    """The one upper label not over a column of its own (`single`), and not aligned with
    the label under it, spans the labelled columns between those around it."""
    free = [(c, m) for c, m in zip(top, marks, strict=True) if m not in single]
    if not single or len(free) != 1 or _aligned(free[0][0], under.get(free[0][1])):
        return {}
    label, mark = free[0]
    first = max([m + 1 for m in single if m < mark], default=0)
    last = min([m - 1 for m in single if m > mark], default=count - 1)
    if last > first and below.issuperset(range(first, last + 1)):
        return {label: range(first, last + 1)}
    return {}


def _flush(upper: Chunk, lower: Chunk) -> bool:
    """Whether two labels one over the other share a left or a right edge."""
    return abs(upper.x0 - lower.x0) <= 1.5 or abs(upper.x1 - lower.x1) <= 1.5


def _aligned(upper: Chunk, lower: Chunk | None) -> bool:
    """Whether two labels one over the other share a left edge, a middle or a right edge."""
    return lower is None or any(
        abs(a - b) <= 1.5
        for a, b in (
            (upper.x0, lower.x0),
            ((upper.x0 + upper.x1) / 2, (lower.x0 + lower.x1) / 2),
            (upper.x1, lower.x1),
        )
    )


def _centred_groups(labels: list[Chunk], spans: list[Span], lower: dict[int, str]) -> list[range]:
    """For each upper label, left to right, the run of columns whose middle it is centred
    over (within a tenth of the run's width, or two points); the shortest such run. A label
    may be centred over the middle column alone and over the three around it ('2018' over
    'Flickor | Pojkar | Totalt'): the longer runs are taken when the labels below repeat
    under each of them, each label leaving the next its shortest run."""
    runs = [_centred_runs(label, spans) for label in labels]
    if not all(runs):
        return []
    shortest = [min(candidates, key=len) for candidates in runs]
    longest: list[range] = []
    for n, candidates in enumerate(runs):
        low = longest[-1][-1] + 1 if longest else 0
        high = shortest[n + 1][0] if n + 1 < len(runs) else len(spans)
        fitting = [r for r in candidates if r[0] >= low and r[-1] < high]
        if not fitting:
            return shortest
        longest.append(max(fitting, key=len))
    wide = [g for g in longest if len(g) >= 2]
    if len(wide) >= 2 and len({tuple(lower.get(c, "") for c in g) for g in wide}) == 1:
        return longest
    # A label over a run of years ('Antal elever' over '2019 | 2020 | 2021') is centred over
    # the middle year too, and names them all.
    if wide and all(_year_run([lower.get(c, "") for c in g]) for g in wide):
        return longest
    return shortest


def _year_run(labels: list[str]) -> bool:
    """Whether labels are years, one after the other."""
    if not all(YEAR.fullmatch(label) for label in labels):
        return False
    years = [int(label) for label in labels]
    return all(a < b for a, b in itertools.pairwise(years))


def _centred_runs(label: Chunk, spans: list[Span]) -> list[range]:
    middle = (label.x0 + label.x1) / 2
    return [
        range(first, last + 1)
        for first in range(len(spans))
        for last in range(first, len(spans))
        if abs((spans[first].x0 + spans[last].x1) / 2 - middle)
        <= max(2.0, 0.1 * (spans[last].x1 - spans[first].x0))
    ]


def _mark(label: Chunk, spans: list[Span]) -> int:
    """The column an upper label stands over; one set wholly in the gap between two columns
    (centred over the pair) stands over the left one."""
    if not any(label.x1 > s.x0 and label.x0 < s.x1 for s in spans):
        left = [i for i, s in enumerate(spans) if s.x1 <= label.x0]
        if left and left[-1] + 1 < len(spans):
            return left[-1]
    return _column_of(label.x0, label.x1, spans)[0]


_BROKEN = re.compile(r"\b(\w+)- (\w+)")
_RANGE = re.compile(r"(\d)(?:([–-]) | ([–-]))(\d)")  # 'skala 1–' / '4)', 'skala 1' / '–4)'

_SUSPENDED = {"och", "eller", "samt", "till", "resp", "respektive"}  # 'barn- och unga'
_SMALL_WORDS = {"av", "i", "på", "för", "med", "om", "per", "inom", "vid", "mot", "från"}


def _join(parts: list[str]) -> str:
    """Lines of one cell joined; a word broken at a hyphen is joined again, keeping the hyphen
    of a name or a short prefix ('Malung-Sälen', 'e-post', 'IT-stöd')."""

    def mend(match: re.Match[str]) -> str:
        head, tail = match.group(1), match.group(2)
        if tail.lower() in _SUSPENDED:
            return match.group(0)
        if tail[:1].isupper() or len(head) <= 2 or head.isupper():
            return f"{head}-{tail}"
        return head + tail

    joined = _BROKEN.sub(mend, " ".join(_unbroken(parts)))
    return _RANGE.sub(lambda m: m.group(1) + (m.group(2) or m.group(3)) + m.group(4), joined)


def _unbroken(parts: list[str]) -> list[str]:
    """Lines of one cell, a word too long for its column (Word breaks it without a hyphen:
    'Samhällsbyggnad' / 'snämnden') made whole again: its pieces are no words, it is one."""
    out: list[str] = []
    for part in parts:
        head = re.search(r"(\w+)$", out[-1]) if out else None
        tail = re.match(r"([a-zåäö]\w*)(.*)$", part, re.DOTALL)
        if head and tail and zipf(tail.group(1)) == 0 and zipf(head.group(1) + tail.group(1)):
            out[-1] += part
        else:
            out.append(part)
    return out


_CAPTION = re.compile(r"(tabell|figur|diagram)\s*\d*\b", re.IGNORECASE)


def _title(lines: list[Line], floor: int, top: int) -> str:
    """The nearest heading or caption above the table: a line set in bold, larger or starting
    'Tabell', else the nearest short line that does not end a sentence."""
    start = max(floor, top - 6)
    for n in range(top - 1, start - 1, -1):
        if _is_heading(lines, n):
            # A caption wrapped in a narrow column ('Tabell 5. Behörighet till gymnasiets' /
            # 'yrkesprogram'): its first line right above, set alike.
            if (
                n > start
                and _CAPTION.match(lines[n - 1].text)
                and not _CAPTION.match(lines[n].text)
                and _tight(lines[n - 1], lines[n], 0.8)
                and abs(lines[n - 1].size - lines[n].size) < 0.5
                and all(w.bold for w in lines[n - 1].words) == all(w.bold for w in lines[n].words)
            ):
                return f"{_unmarked(lines[n - 1])} {_unmarked(lines[n])}"
            return _unmarked(lines[n])
    above = lines[start:top]
    if above and len(above[-1].words) <= 10 and not above[-1].text.endswith("."):
        return _unmarked(above[-1])
    return ""


def _unmarked(line: Line) -> str:
    """A title's text without a note's mark set small and raised after its words."""
    words = [line.words[0]] + [
        word for before, word in itertools.pairwise(line.words) if not _note_mark(before, word)
    ]
    return without_marks(" ".join(w.text for w in words).strip())


def _is_heading(lines: list[Line], n: int) -> bool:
    """Whether line n is a heading or a caption: set in bold, larger, or starting 'Tabell'."""
    line, text = lines[n], lines[n].text.strip()
    body = statistics.median(line.size for line in lines)
    under = lines[n + 1].size if n + 1 < len(lines) else body
    # OCR knows no bold: a heading it read is set larger than the text under it and the
    # page's, and ends no sentence. It measures sizes from the letters it sees, roughly: a
    # heading set 1.18 times the text's size measures 1.12 times as large.
    factor = 1.15 if all(w.confidence >= 1.0 for w in line.words) else 1.1
    larger = line.size > factor * max(body, under) and not text.endswith(".")
    return bool(_CAPTION.match(text)) or all(w.bold for w in line.words) or larger


# ---------------------------------------------------------------------------------------------
# Rows: labels in stacks of lines, values in columns

# A label line that ends in these reads on: a comma, a conjunction or preposition, or a
# genitive ('Följare på kommunens' / 'Facebook').
_FOOTNOTE_MARKS = "*†¹²³⁴⁵⁶⁷⁸⁹"  # a line that starts with one is a note, no label's
_LEGEND = re.compile(r"^\S{1,3} ?= ")  # 'x = uppgift saknas', '.. = för få svar'
_CONTINUES = re.compile(
    r"([-–,:]|\b(och|samt|eller|av|i|på|för|med|till|inom|per|om)|\w{3,}(ens|ets|nas|ns))$"
)


@dataclass(frozen=True)
class Fragment:
    """The label-column text of one body line."""

    line: int
    text: str
    top: float
    bottom: float
    bold: bool
    own: bool  # the label of a line with cells
    numbers: bool  # … with cells that hold numbers
    x0: float
    x1: float
    head: float  # the width of its first word
    # Space to the nearest body lines above and below that it does not overlap (None at an end).
    above: float | None
    below: float | None

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


def _rows(
    lines: list[Line],
    chunked: list[list[Chunk]],
    body: list[int],
    kinds: dict[int, str],
    edge: float,
    spans: list[Span],
    rules: Sequence[float],
    height: float,
    stub_groups: dict[int, Chunk],
) -> tuple[tuple[tuple[str | None, str, tuple[str, ...]], ...], list[int], str]:
    """The rows (group, label, cells) of a table body, the body lines they use, and the label
    lines after the last row (a sub-group whose rows are on the next page, or a caption). A
    row's group is None before any sub-group or total on the page.

    A label wrapped over several lines is a stack of label fragments, one under the other at
    the table's line spacing (or, where rows are set as tight as lines, reading on: lower case,
    a trailing 'och'); a stack names the row whose line lies within it, else the row right
    under it that has no label, else it is a sub-group ('Telefoni') of the rows below. `rules`
    are the heights of the horizontal rules across the label column."""
    rows = [i for i in body if kinds[i] in ("row", "text")]
    fragments = []
    for n, i in enumerate(body):
        label = chunked[i] if kinds[i] == "label" else _split(chunked[i], edge)[0]
        if label:
            # Space to the nearest lines above and below that do not overlap this one (cells
            # set in the middle sit between a label's lines).
            above = min((lines[i].top - lines[j].bottom for j in body[:n]), key=_space, default=-1)
            below = min(
                (lines[j].top - lines[i].bottom for j in body[n + 1 :]), key=_space, default=-1
            )
            fragments.append(
                Fragment(
                    i,
                    " ".join(c.text for c in label),
                    lines[i].top,
                    lines[i].bottom,
                    all(w.bold for c in label for w in c.words),
                    i in rows,
                    _is_row(chunked[i]),
                    label[0].x0,
                    label[-1].x1,
                    label[0].words[0].x1 - label[0].words[0].x0,
                    above if above >= 0 else None,
                    below if below >= 0 else None,
                )
            )
    labels: dict[int, str] = {}
    into: dict[int, int] = {}  # a line of text cells → the row it is part of
    owner: dict[int, int] = {}  # a line of a wrapped label → its row
    groups: list[tuple[float, str, float]] = []  # (top, text, left edge) of each sub-group
    starts: dict[int, float] = {}  # the left edge of each row's label
    used = set(rows)
    trailing = ""
    # Rows with values and no label of their own, set in the middle of a wrapped label.
    unlabelled = [
        (lines[i].top + lines[i].bottom) / 2
        for i in rows
        if kinds[i] == "row" and not any(f.line == i for f in fragments)
    ]
    stacks = _stacks(fragments, rules, unlabelled, height, wraps=False)
    # Where labels wrap, look for more wrapped lines: by the room they leave, where the print
    # shows bold somewhere, so that a group name would have looked different (a text layer
    # made by OCR has no bold, and its group names look like any label).
    styled = any(w.bold for line in lines for w in line.words)
    if styled and any(len(stack) > 1 for stack in stacks):
        stacks = _stacks(fragments, rules, unlabelled, height, wraps=True)

    def within(row: int, stack: list[Fragment]) -> bool:
        middle = (lines[row].top + lines[row].bottom) / 2
        return stack[0].top - 0.3 * height <= middle <= stack[-1].bottom + 0.3 * height

    for stack in stacks:
        text = _label_text(stack, max(f.x1 for f in fragments), height)
        # The row a stack names: a row with numbers whose line is in it or lies within it
        # (cells set in the middle), else a row of text cells in it, else the row right under
        # it without a label of its own. Other rows in it are lines of that row ('Intresse
        # och | I nivå med' over 'engagemang | snittet | 95 %').
        owns = [f.line for f in stack if f.own]
        inside = [
            i
            for i in rows
            if i not in labels
            and i not in owns
            and not any(f.own for f in fragments if f.line == i)
            and within(i, stack)
        ]
        numbered = [i for i in owns + inside if kinds[i] == "row"]
        target = (numbered or owns or inside or [None])[0]
        below = [i for i in rows if lines[i].top >= stack[-1].bottom]
        if (
            target is None
            and below
            and below[0] not in labels
            and (
                not any(f.own for f in fragments if f.line == below[0])
                and lines[below[0]].top - stack[-1].bottom < height
                # … unless the next label is wrapped around it ('E-post' over 'Andel som
                # får svar' / '78 %' / 'arbetsdag'): a group name.
                and not any(within(below[0], other) for other in stacks if other is not stack)
            )
        ):
            target = below[0]
        for i in owns + inside:
            if i != target:
                into[i] = target
        for f in stack:
            if target is not None:
                owner[f.line] = target
        if target is not None:
            labels[target] = text
            starts[target] = stack[0].x0
        elif below:
            # A group over no rows goes on in the next line: one wrapped group name.
            if groups and not any(groups[-1][0] < lines[i].top < stack[0].top for i in rows):
                text = _join([groups.pop()[1], text])
            groups.append((stack[0].top, text, stack[0].x0))
        else:
            trailing = _join([trailing, text]).strip()
            continue
        used.update(f.line for f in stack)
    cells: dict[int, list[list[str]]] = {i: [[] for _ in spans] for i in rows}
    for i in body:
        if kinds[i] == "label":
            continue
        target = into.get(i, owner.get(i, i))
        if target not in cells:  # cell text wrapped onto a line of its own
            target = _nearest(i, rows, lines, chunked, rules)
        for chunk in _split(chunked[i], edge)[1]:
            cells[target][_column_of(chunk.x0, chunk.x1, spans)[0]].append(chunk.text)
        used.add(i)
    # Groups named in a column of their own, beside their first row (a merged cell).
    groups += [(lines[i].top - 0.1, c.text, c.x0) for i, c in stub_groups.items() if i in rows]
    groups.sort(key=lambda group: group[0])
    out = []
    members: list[float] = []  # where the labels of the rows under the current group begin
    current: tuple[float, str, float] | None = None
    group: str | None = None
    for i in rows:
        if i in into:
            continue
        over = next((g for g in reversed(groups) if g[0] < lines[i].top), None)
        if over is not current:
            current, group, members = over, over[1] if over else None, []
        start = starts.get(i)
        if start is not None:
            if _outdented(start, members, current):
                group = ""  # a total set like the group names, under the groups: in none
            members.append(start)
        out.append((group, labels.get(i, ""), tuple(_join(cell) for cell in cells[i])))
    return tuple(out), sorted(used), trailing


def _outdented(start: float, members: list[float], group: tuple[float, str, float] | None) -> bool:
    """Whether a row's label, beginning at `start`, stands out left of the labels of the rows
    before it under the same group (or on the page, where no group is named), which all begin
    at one indent: set as far left as the group's name, it belongs to no group ('Totalt' after
    the groups, whose rows are indented)."""
    if not members or max(members) - min(members) > 1:
        return False
    outdent = min(members) - start > 3
    return outdent and (group is None or abs(start - group[2]) <= 1)


def _label_text(stack: list[Fragment], right: float, height: float) -> str:
    """A stack's lines joined. A single word that fills the label column to within a letter of
    its right edge, goes on in lower case and is no word itself, or a rarer one than the two
    lines joined, was broken for want of room ('Tillgängligh' / 'et'; not 'fullständiga' /
    'avsändaruppgifter'). A name the lexicon does not know, followed by a word it does, is
    no broken word ('Hammarsundsbadets' / 'bastu')."""
    parts = [stack[0].text]
    for above, fragment in itertools.pairwise(stack):
        tail = fragment.text.split()[0]
        broken = (
            " " not in above.text
            and above.x1 >= right - 0.6 * height
            and tail[:1].islower()
            and tail not in _SUSPENDED | _SMALL_WORDS
        )
        head = zipf(above.text) if broken else 0.0
        pieces = head == 0 and (len(tail) < 4 or zipf(tail) == 0)  # neither half a word
        if broken and (pieces or zipf(above.text + tail) > head):
            parts[-1] += fragment.text
        else:
            parts.append(fragment.text)
    return _join(parts)


def _nearest(
    line: int,
    rows: list[int],
    lines: list[Line],
    chunked: list[list[Chunk]],
    rules: Sequence[float],
) -> int:
    """The row a line of wrapped cell text belongs to: the closest one not across a rule. On a
    tie the text decides: a line in lower case goes on from the row above ('snittet'); one
    over a cell in lower case begins the row below ('Bättre än' over 'snittet | 65 %', cells
    set at the bottom); else the row above (cells set at the top wrap downwards)."""
    here = lines[line]

    def apart(row: int) -> tuple[bool, float]:
        there = lines[row]
        ruled = any(min(here.bottom, there.bottom) < y < max(here.top, there.top) for y in rules)
        return ruled, round(max(there.top - here.bottom, here.top - there.bottom) / here.height, 1)

    best = min(rows, key=apart)
    below = [r for r in rows if lines[r].top > here.bottom and apart(r) == apart(best)]
    text = chunked[line][0]
    if not below or text.text[:1].islower():
        return best
    under = [c for c in chunked[below[0]] if c.x0 < text.x1 and c.x1 > text.x0]
    return below[0] if under and under[0].text[:1].islower() else best


def _space(gap: float) -> float:
    """Sorts gaps between lines: the smallest that is no overlap first."""
    return gap if gap >= 0 else float("inf")


def _stacks(
    fragments: list[Fragment],
    rules: Sequence[float],
    unlabelled: Sequence[float],
    height: float,
    wraps: bool,
) -> list[list[Fragment]]:
    stacks: list[list[Fragment]] = []
    right = max((f.x1 for f in fragments if f.own), default=0.0)  # the label column's reach
    # A grid rules every row off: lines with no rule between them are one cell's.
    rows = [f for f in fragments if f.own]
    grid = (
        len(rows) > 2
        and len([y for y in rules if rows[0].bottom < y < rows[-1].top]) >= len(rows) - 1
    )
    for fragment in fragments:
        around = (stacks[-1][0].above, fragment.below) if stacks else (None, None)
        # A stack around a row of values already names that row: a label with values of its
        # own below it is the next row's.
        named = bool(stacks) and any(
            stacks[-1][0].top < y < stacks[-1][-1].bottom for y in unlabelled
        )
        # Values set in the middle of a two-line label lie between its lines.
        centred = bool(stacks) and any(
            stacks[-1][-1].middle < y < fragment.middle for y in unlabelled
        )
        # Where labels wrap (`wraps`), a label line without values whose next word would
        # not have fit in the column was wrapped, where a group name ends early: the label of
        # the values below goes on from it ('Antal genomförda' / 'BPSD-registreringar 250';
        # not 'Telefoni' / 'Svar inom'). Where none wraps, such a line is a group's name.
        wrapped = (
            wraps
            and bool(stacks)
            and not stacks[-1][-1].own
            and fragment.own
            and stacks[-1][-1].x1 <= right < stacks[-1][-1].x1 + 0.3 * height + fragment.head
        )
        if (
            stacks
            and not (named and fragment.numbers)
            and _goes_on(stacks[-1], fragment, around, rules, height, centred or wrapped or grid)
        ):
            stacks[-1].append(fragment)
        else:
            stacks.append([fragment])
    return stacks


def _goes_on(
    stack: list[Fragment],
    fragment: Fragment,
    around: tuple[float | None, float | None],
    rules: Sequence[float],
    height: float,
    evident: bool,
) -> bool:
    """Whether a label fragment goes on from the stack above it (one wrapped label): never
    across a rule, from one row's label to another's (but for a line of text cells that starts
    a row of numbers), or between bold and plain text; then when a row's values lie between
    them or the line above was wrapped (`evident`), when it reads on (lower case, a trailing 'och'), or when it sits closer
    to the stack than the stack and the fragment sit to their other neighbours (lines of one
    cell are closer than rows, as soon as cells have any padding)."""
    last = stack[-1]
    owns = [f for f in (*stack, fragment) if f.own]
    if (len(owns) > 1 and sum(f.numbers for f in owns) != 1) or fragment.bold != last.bold:
        return False
    # A note under the table: '* Prognos för helåret' under '2017*', a legend 'x = uppgift
    # saknas' under a row.
    if fragment.text[:1] in _FOOTNOTE_MARKS or _LEGEND.match(fragment.text):
        return False
    gap = fragment.top - last.bottom
    if gap > 0.6 * height or any(last.middle < y < fragment.middle for y in rules):
        return False
    if (
        evident
        or fragment.text[:1].islower()
        or fragment.text[:1] in "(–-"
        or _CONTINUES.search(last.text)
        or last.text.count("(") > last.text.count(")")  # '(mer än' / '60 dagar)'
    ):
        return True
    others = [g for g in around if g is not None]
    return bool(others) and gap + 0.15 * height < min(others)
