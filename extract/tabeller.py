"""The `tabeller` table: the small result tables of kvalitetsredovisningar (service levels,
visitors per year, staff-survey indices …) → one row per cell, so that any table lines up
across years and municipalities.

No profile can list these tables, so they are found by shape alone, on pages that no other
table kind claims (pipeline.py): body rows are lines of a label followed by short cells set
apart by wide gaps, at least one of them a number; the cells' x-extents across the rows make the
columns; the lines right above the body whose words sit over those columns are the header. A
left-aligned line set in the label column without cells is a sub-group ("Telefoni"), unless it
starts in lower case or leads into a row without a label: then it is part of a wrapped label.
Prose never becomes a table: its lines are one run of words without wide gaps, and a table
needs a header and two rows.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .context import DocumentContext, KindResult
from .lines import page_lines
from .page import Line, Page, Word
from .profiles import Profile
from .records import TabellRow
from .values import parse_value

_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_GAP = 0.6  # a gap wider than this share of the font size separates cells
_MAX_CELL_WORDS = 5  # longer runs are prose, not cells
_MAX_LABEL_WORDS = 12
_HEADER_LINES = 6


@dataclass(frozen=True)
class Chunk:
    """Words of a line that belong together: one cell."""

    words: tuple[Word, ...]

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

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


_MEASURES = re.compile(
    r"^(resultat|utfall|antal|andel|värde|mål|målvärde|index|snitt|medel)\b\s*", re.IGNORECASE
)
_WHOM = re.compile(r"\b(kommun\w*|totalt|riket|länet|region\w*|snitt\w*)\b", re.IGNORECASE)


def read(document: DocumentContext, profiles: Sequence[Profile]) -> KindResult:
    tables: list[Table] = []
    for number in sorted(document.pages):
        for table in read_page(document.pages[number], document.furniture):
            tables.append(_continued(tables[-1], table) if tables else table)
    rows = [
        TabellRow(
            municipality=document.municipality_name,
            municipality_code=document.municipality_code,
            year=document.year,
            unit=unit_of(column),
            title=table.title,
            group=group,
            row=label,
            column_label=column,
            period=period_of(column),
            value=value.value,
            value_unit=value.unit,
            raw=value.raw,
            file=document.file_name,
            page=table.page,
        )
        for table in tables
        if any(table.columns)
        for group, label, cells in table.rows
        for column, text in zip(table.columns, cells, strict=True)
        if (value := parse_value(text)).raw
    ]
    names = [p.name for p in profiles] if rows else []
    return KindResult(rows={"tabeller": rows}, profiles=names)


def period_of(label: str) -> int | None:
    """The year a column stands for when its label names one ('Resultat 2018' → 2018)."""
    years = _YEAR.findall(label)
    return int(years[-1]) if years else None


def unit_of(label: str) -> str:
    """Whom a column counts when its label names it ('Resultat Götene kommun 2018' → 'Götene
    kommun', 'Götene kommun totalt' as printed); else empty."""
    rest = " ".join(_YEAR.sub(" ", label).split())
    while (shorter := _MEASURES.sub("", rest)) != rest:
        rest = shorter
    return rest if _WHOM.search(rest) else ""


def _continued(last: Table, table: Table) -> Table:
    """A table at the top of a page that goes on from the table that ended the page before
    keeps that table's title, its header when none was repeated, and its last group."""
    if not table.at_top or table.page != last.page + 1 or table.title:
        return table
    if any(table.columns):
        if len(table.columns) != len(last.columns):
            return table
        rows = table.rows
    else:  # cells go to the column they stand under on the page before
        rows = tuple(
            (group, label, _regrid(cells, table.spans, last.spans))
            for group, label, cells in table.rows
        )
    group = last.rows[-1][0] if last.rows else ""
    rows = tuple((g or group, label, cells) for g, label, cells in rows)
    return replace(table, title=last.title, columns=last.columns, spans=last.spans, rows=rows)


def _regrid(cells: tuple[str, ...], spans: Sequence[Span], onto: Sequence[Span]) -> tuple[str, ...]:
    out = ["" for _ in onto]
    for text, span in zip(cells, spans, strict=True):
        out[_column_of(span.x0, span.x1, onto)[0]] += text
    return tuple(out)


# ---------------------------------------------------------------------------------------------
# One page


def read_page(page: Page, furniture: set[str]) -> list[Table]:
    lines = [line for line in page_lines(page, furniture) if not line.furniture]
    chunked = [_chunks(line) for line in lines]
    tables: list[Table] = []
    index = floor = 0
    while index < len(lines):
        if not _is_row(chunked[index]):
            index += 1
            continue
        table, end = _table_at(lines, chunked, index, floor, page.number)
        if table is not None:
            tables.append(table)
            floor = end
        index = max(end, index + 1)
    return tables


def _chunks(line: Line) -> list[Chunk]:
    chunks: list[list[Word]] = []
    for word in line.words:
        size = word.size or word.height
        if chunks and word.x0 - chunks[-1][-1].x1 <= _GAP * size:
            chunks[-1].append(word)
        else:
            chunks.append([word])
    return [Chunk(tuple(words)) for words in chunks]


def _is_number(text: str) -> bool:
    return parse_value(text).is_number and not _YEAR.fullmatch(text.strip())


def _is_row(chunks: list[Chunk]) -> bool:
    """A label (or none) and short cells, at least one a number other than a bare year."""
    cells = chunks[1:] if not _is_number(chunks[0].text) else chunks
    if not cells or len(chunks[0].words) > _MAX_LABEL_WORDS:
        return False
    if any(len(c.words) > _MAX_CELL_WORDS for c in cells):
        return False
    return any(_is_number(c.text) for c in cells)


def _table_at(
    lines: list[Line], chunked: list[list[Chunk]], first: int, floor: int, page: int
) -> tuple[Table | None, int]:
    """The table whose first row with cells is line `first` (lines before `floor` belong to
    the table above), and the index after it."""
    height = statistics.median(line.height for line in lines)
    body = [first]
    boundary = _boundary(chunked[first])
    for index in range(first + 1, len(lines)):
        if lines[index].top - lines[index - 1].bottom > 2.2 * height:
            break
        if _is_row(chunked[index]) or _label_only(lines[index], boundary):
            body.append(index)
            if _is_row(chunked[index]):
                boundary = min(boundary, _boundary(chunked[index]))
        else:
            break
    # Trailing label lines are prose or a title, unless they go on a wrapped label.
    while not _is_row(chunked[body[-1]]) and not lines[body[-1]].text[:1].islower():
        body.pop()
    end = body[-1] + 1
    start = first
    while start > floor and _label_only(lines[start - 1], boundary):  # groups under the header
        if lines[start].top - lines[start - 1].bottom > 2.2 * height:
            break
        start -= 1
        body.insert(0, start)
    rows = [i for i in body if _is_row(chunked[i])]
    if len(rows) < 2:
        return None, end
    spans = _spans([c for i in rows for c in _cells(chunked[i], boundary)])
    # Header cells are often wider than the cells below them: they only have to clear the
    # labels, not line up with the cells.
    edge = max((c.x1 for i in body for c in chunked[i] if c.x0 < boundary - 1), default=boundary)
    header = _header_lines(lines, chunked, start, floor, edge, height)
    top = header[0] if header else start
    if not header and top > floor:  # only a table going on from the page before may lack one
        return None, end
    table = Table(
        page=page,
        title=_title(lines, floor, top),
        columns=_column_labels([chunked[i] for i in header], edge, spans),
        spans=tuple(spans),
        rows=_rows(lines, chunked, body, boundary, spans),
        at_top=top == 0,
    )
    return table, end


def _boundary(chunks: list[Chunk]) -> float:
    """Where a row's cells begin: the left edge of its first cell."""
    return chunks[0].x0 if _is_number(chunks[0].text) or len(chunks) == 1 else chunks[1].x0


def _cells(chunks: list[Chunk], boundary: float) -> list[Chunk]:
    return [c for c in chunks if c.x0 >= boundary - 1]


def _label_only(line: Line, boundary: float) -> bool:
    return line.x1 < boundary and len(line.words) <= _MAX_LABEL_WORDS


def _spans(cells: list[Chunk]) -> list[Span]:
    """Columns: the cells' x-extents merged where they overlap."""
    spans: list[Span] = []
    for cell in sorted(cells, key=lambda c: c.x0):
        if spans and cell.x0 <= spans[-1].x1:
            spans[-1] = Span(spans[-1].x0, max(spans[-1].x1, cell.x1))
        else:
            spans.append(Span(cell.x0, cell.x1))
    return spans


def _column_of(x0: float, x1: float, spans: Sequence[Span]) -> list[int]:
    """The columns an extent lies over: those it overlaps, else the nearest by centre."""
    over = [i for i, s in enumerate(spans) if x0 < s.x1 and x1 > s.x0]
    if over:
        return over
    middle = (x0 + x1) / 2
    return [min(range(len(spans)), key=lambda i: abs((spans[i].x0 + spans[i].x1) / 2 - middle))]


def _header_lines(
    lines: list[Line],
    chunked: list[list[Chunk]],
    start: int,
    floor: int,
    boundary: float,
    height: float,
) -> list[int]:
    """The lines right above the body whose words sit over the columns, none crossing from the
    label column into them and none set larger than the table."""
    size = statistics.median(w.size or w.height for w in lines[start].words)
    found: list[int] = []
    index = start - 1
    while index >= floor and len(found) < _HEADER_LINES:
        line, below = lines[index], lines[found[0] if found else start]
        if below.top - line.bottom > 1.6 * height:
            break
        crossing = any(c.x0 < boundary + 1 < c.x1 for c in chunked[index])
        larger = statistics.median(w.size or w.height for w in line.words) > 1.15 * size
        over = [c for c in chunked[index] if c.x0 >= boundary + 1]
        if crossing or larger or not over or any(_is_number(c.text) for c in over):
            break
        if any(len(c.words) > _MAX_CELL_WORDS for c in chunked[index]):
            break
        found.insert(0, index)
        index -= 1
    return found


def _column_labels(
    header: list[list[Chunk]], boundary: float, spans: list[Span]
) -> tuple[str, ...]:
    parts: list[list[str]] = [[] for _ in spans]
    for chunks in header:
        for chunk in chunks:
            if chunk.x0 >= boundary + 1:
                for column in _column_of(chunk.x0, chunk.x1, spans):
                    parts[column].append(chunk.text)
    return tuple(_join(words) for words in parts)


def _join(parts: list[str]) -> str:
    text = " ".join(parts)
    return re.sub(r"(\w)- (\w)", r"\1\2", text)


def _title(lines: list[Line], floor: int, top: int) -> str:
    """The nearest heading or caption above the table: a line set in bold, larger or starting
    'Tabell', else the nearest short line that does not end a sentence."""
    above = lines[max(floor, top - 6) : top]
    for line in reversed(above):
        text = line.text.strip()
        if text.lower().startswith(("tabell", "figur")) or all(w.bold for w in line.words):
            return text
    if above and len(above[-1].words) <= 10 and not above[-1].text.endswith("."):
        return above[-1].text.strip()
    return ""


def _rows(
    lines: list[Line],
    chunked: list[list[Chunk]],
    body: list[int],
    boundary: float,
    spans: list[Span],
) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """Rows with their group and their (wrapped) label: a label-only line joins the row above
    when it starts in lower case, the row below when that row has no label of its own or goes on
    in lower case; otherwise it names the group of the rows below."""
    out: list[tuple[str, list[str], list[list[str]]]] = []
    pending: list[str] = []
    group = ""
    for position, index in enumerate(body):
        chunks = chunked[index]
        if _is_row(chunks):
            label = [c.text for c in chunks if c.x0 < boundary - 1]
            cells: list[list[str]] = [[] for _ in spans]
            for chunk in _cells(chunks, boundary):
                cells[_column_of(chunk.x0, chunk.x1, spans)[0]].append(chunk.text)
            out.append((group, pending + label, cells))
            pending = []
            continue
        text = lines[index].text.strip()
        after = body[position + 1] if position + 1 < len(body) else None
        leads = after is not None and (
            lines[after].text[:1].islower()
            or (_is_row(chunked[after]) and chunked[after][0].x0 >= boundary - 1)
        )
        if text[:1].islower() and out and not pending:
            out[-1][1].append(text)
        elif leads:
            pending.append(text)
        else:
            group = text
    return tuple(
        (g, _join(label), tuple(" ".join(cell) for cell in cells)) for g, label, cells in out
    )
