"""Indicator tables of goal follow-ups: a label column, then one column per year or period.

    Indikator: SCB:s medborgarundersökning    2012           2013                   2014
    Betygsindex för bemötande                 56 (medel 58)  Ingen mätning gjordes  59 (medel 58)

A table starts at a header line of a label cell naming the indicators ("Indikator:",
"Nyckeltal", possibly followed by their source or by a source column's header, "Källa") and
short column labels, a period among them
("2012", "2010-2013", "Utfall 2016"); without a label cell, of two periods or more. The
header's cells make the columns. Below the header, a line belongs to the table while each of
its cells stands inside one column; a line with a cell across columns (prose), a wide gap, a
new header or the caller's stop line (a goal heading, an activity plan's header) ends it. Rows are split by the rules between them in a
ruled table, else at a label that starts in upper case: labels and cells wrap in lower case
("hälsotillstånd", "gjordes"). A row with a label but no cells names the source of the rows
below ("SCB befolkningsstatistik"). A table that reaches the foot of a page goes on at the top
of the next, with or without its header repeated.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from .lines import page_lines, word_runs
from .page import Line, Page, Source, Word
from .text import fold, join_wrapped, period_text

_GAP = 0.6  # a gap wider than this share of the font size separates cells
_END_GAP = 3.0  # a vertical gap wider than this many line heights ends a table
_MAX_MERGED_WORDS = 4  # "Ingen mätning gjordes" merged over columns; prose is longer
_BULLET = re.compile(r"^[-–•·*]\s+")
_COMMA_DECIMAL = re.compile(r"\d,\d")
_POINT_DECIMAL = re.compile(r"(?<![\d.,])(\d{1,3})\.(\d{1,2})(?![\d.,])")  # "221.3", no date


@dataclass(frozen=True)
class IndicatorSpec:
    labels: tuple[str, ...]  # the label column's header words, folded, longest first
    period: re.Pattern[str]  # a period column's header
    source_label: re.Pattern[str]  # what may open a source line ("Källa:"), not the source
    source_column: tuple[str, ...]  # a source column's header words, folded ("källa")
    source_in_label: re.Pattern[str]  # a source named after the label ("… (källa: SCB)")


@dataclass(frozen=True)
class IndicatorLine:
    """An indicator's cell in one period."""

    indicator: str
    source: str
    period: str
    raw: str
    page: int
    top: float


@dataclass
class _Row:
    label: list[str] = field(default_factory=list)
    cells: list[list[str]] = field(default_factory=list)
    source: list[str] = field(default_factory=list)  # the row's cell in a source column
    page: int = 0
    top: float = 0.0


@dataclass
class _Table:
    periods: tuple[str, ...]
    extents: tuple[tuple[float, float], ...]  # each period's header text, left to right
    left: float  # a chunk starting left of this is a label
    source: list[str]
    named: bool  # the header has a label cell ("Indikator:")
    # A chunk starting between these is in the source column ("Indikator | Källa | 2020").
    source_column: tuple[float, float] | None = None
    lines: list[Line] = field(default_factory=list)  # body lines, in order
    ruled: bool = False


def read_indicators(
    pages: Mapping[int, Page],
    furniture: set[str],
    spec: IndicatorSpec,
    stop: Callable[[Line], bool],
) -> tuple[list[IndicatorLine], set[Line]]:
    """Every indicator cell on the pages, and the lines the tables occupy. A line for which
    `stop` holds (another table's header) ends a table."""
    tables: list[_Table] = []
    used: set[Line] = set()
    open_table: _Table | None = None
    for number in sorted(pages):
        page = pages[number]
        lines = [ln for ln in page_lines(page, furniture) if not ln.furniture]
        if number - 1 not in pages:
            open_table = None
        index = 0
        while index < len(lines):
            header = _header(lines[index], spec)
            if header is not None and not header.named and index and _names(lines, index, spec):
                # A label cell set higher than the periods: "Indikator: <source>" above them.
                header.source[:0] = [_label_text(lines[index - 1].text, spec)]
                header.left = _midway(lines[index - 1].x0, header.extents)
                used.add(lines[index - 1])
            if header is not None:
                if open_table is not None and index == 0 and header.periods == open_table.periods:
                    table = open_table  # the header repeated over a continued table
                else:
                    table = header
                    tables.append(table)
                used.add(lines[index])
                end = _body(lines, index + 1, table, page, spec, stop)
            elif open_table is not None and index == 0:
                table = open_table
                end = _body(lines, 0, table, page, spec, stop)
                if end == 0:
                    open_table = None
                    index += 1
                    continue
            else:
                index += 1
                continue
            used.update(lines[index:end])
            open_table = table if end == len(lines) else None
            index = max(end, index + 1)
    return [cell for table in tables for cell in _decimals(_cells(table, pages, spec), pages)], used


def _decimals(cells: list[IndicatorLine], pages: Mapping[int, Page]) -> list[IndicatorLine]:
    """A table's cells read by OCR with the decimal sign the table prints elsewhere: OCR
    reads a comma as a point now and then ("221.3" beside "214,5")."""
    if not any(_COMMA_DECIMAL.search(cell.raw) for cell in cells):
        return cells
    return [
        replace(cell, raw=_POINT_DECIMAL.sub(r"\1,\2", cell.raw))
        if pages[cell.page].source is Source.OCR
        else cell
        for cell in cells
    ]


def _chunks(line: Line) -> list[list[Word]]:
    return word_runs(line, _GAP)


def _text(words: Sequence[Word]) -> str:
    return " ".join(w.text for w in words)


def _header(line: Line, spec: IndicatorSpec) -> _Table | None:
    """A header line: a label cell naming the indicators ("Indikator: <source>"), then short
    column labels, a period among them ("2016", "Utfall 2016", "Målvärde"); without a label
    cell, periods only, two at least."""
    chunks = _chunks(line)
    is_period = [bool(spec.period.match(_text(c).strip(" *:"))) for c in chunks]
    if not any(is_period):
        return None
    first = is_period.index(True)
    source_at = next(
        (i for i in range(1, first) if fold(_text(chunks[i])).strip(" :") in spec.source_column),
        None,
    )
    labels = chunks[:first] if source_at is None else chunks[:source_at]
    label = _text([w for c in labels for w in c])  # "Indikator:" and its source
    word = _label_word(label, spec)
    periods = chunks[first:]
    if any(len(c) > 3 for c in periods) or (first and word is None):
        return None
    if word is None and (len(periods) < 2 or not all(is_period)):
        return None
    source = _label_text(label, spec) if word is not None else ""
    extents = tuple((c[0].x0, c[-1].x1) for c in periods)
    centres = [(a + b) / 2 for a, b in extents]
    # Cells may stand wider than their header text, right-aligned ones further left: a label
    # starts nearer the label cell's left edge than the first period, else (no label cell
    # yet) left of the first column's middle.
    spacing = min((b - a for a, b in itertools.pairwise(centres)), default=0.0)
    spacing = spacing or 2 * (extents[0][1] - extents[0][0])
    left = min(centres[0] - spacing / 2, extents[0][0]) - 2
    source_column = None
    if source_at is not None:
        head = chunks[source_at]
        # Left-aligned under its header; the periods' cells may start left of theirs.
        source_column = (head[0].x0 - 2, (head[-1].x1 + extents[0][0]) / 2)
    return _Table(
        periods=tuple(period_text(_text(c).strip(" *:")) for c in periods),
        extents=extents,
        left=_midway(chunks[0][0].x0, [source_column] if source_column else extents)
        if first
        else left,
        source=[source] if source else [],
        named=word is not None,
        source_column=source_column,
    )


def _midway(margin: float, extents: Sequence[tuple[float, float]]) -> float:
    """Between the label column's left edge and the first period's header."""
    return (margin + extents[0][0]) / 2


def _label_word(text: str, spec: IndicatorSpec) -> str | None:
    """The label column's header word a text starts with ("Indikator" in "Indikator: SCB")."""
    return next((w for w in spec.labels if re.match(rf"{re.escape(w)}\b", fold(text))), None)


def _label_text(text: str, spec: IndicatorSpec) -> str:
    """What follows the header word: the indicators' source."""
    word = _label_word(text, spec)
    return text[len(word) :].strip(" :") if word else text.strip()


def _names(lines: Sequence[Line], index: int, spec: IndicatorSpec) -> bool:
    """The line above a header without a label cell is that cell, set higher: it names the
    indicators, stands close above and ends before the periods."""
    above, header = lines[index - 1], lines[index]
    close = header.top - above.bottom < 0.5 * header.height
    return close and _label_word(above.text, spec) is not None and above.x1 < header.words[0].x0


def _columns(table: _Table, chunk: list[Word]) -> list[int]:
    """The period columns of a cell: the header texts it lies under, else the nearest. A
    cell under several is a merged one ("Ingen mätning" over 2013 and 2014) when it holds no
    number and few words; otherwise it is a line across the columns (prose): none."""
    x0, x1 = chunk[0].x0, chunk[-1].x1
    under = [i for i, (a, b) in enumerate(table.extents) if x0 < b and x1 > a]
    if len(under) > 1:
        merged = len(chunk) <= _MAX_MERGED_WORDS and not any(c.isdigit() for c in _text(chunk))
        return under if merged else []
    if under:
        return under
    middle = (x0 + x1) / 2
    return [min(range(len(table.extents)), key=lambda i: abs(sum(table.extents[i]) / 2 - middle))]


def _is_label(table: _Table, chunk: list[Word]) -> bool:
    return chunk[0].x0 < table.left


def _is_source(table: _Table, chunk: list[Word]) -> bool:
    return table.source_column is not None and (
        table.source_column[0] <= chunk[0].x0 < table.source_column[1]
    )


def _fits(line: Line, table: _Table) -> bool:
    """Every chunk of the line is a label that ends before the periods or a cell under
    periods."""
    for chunk in _chunks(line):
        if _is_label(table, chunk) or _is_source(table, chunk):
            if chunk[-1].x1 > table.extents[0][0] + 1:
                return False
        elif not _columns(table, chunk):
            return False
    return True


def _body(
    lines: list[Line],
    start: int,
    table: _Table,
    page: Page,
    spec: IndicatorSpec,
    stop: Callable[[Line], bool],
) -> int:
    """Adds the table's lines from `start` on; returns the index after its last line."""
    height = statistics.median(ln.height for ln in [*table.lines, *lines[start : start + 3]])
    end = start
    while end < len(lines):
        line = lines[end]
        before = lines[end - 1] if end > start else table.lines[-1] if table.lines else None
        if before is None and not table.named and line.x0 < table.left:
            table.left = _midway(line.x0, table.extents)  # the label column, from its first row
        gap = line.top - before.bottom if before is not None and before.page == line.page else 0
        fits = _fits(line, table) or (end == start and not table.lines and _spans_as_source(line))
        if gap > _END_GAP * height or not fits or _header(line, spec) or stop(line):
            break
        if before is not None and before.page == line.page and _rule_between(page, before, line):
            table.ruled = True
        end += 1
    # Label-only lines after the last line with cells are the text after the table, unless
    # they go on a wrapped label in lower case.
    while end > start and not _has_cells(lines[end - 1], table):
        if lines[end - 1].text[:1].islower() and end - 1 > start:
            break
        end -= 1
    table.lines += lines[start:end]
    return end


def _spans_as_source(line: Line) -> bool:
    """The first line under a header may be the source in a cell merged across the table:
    one run of words, no figures."""
    return len(_chunks(line)) == 1 and not any(ch.isdigit() for ch in line.text)


def _has_cells(line: Line, table: _Table) -> bool:
    return any(not _is_label(table, c) for c in _chunks(line))


def _rule_between(page: Page, above: Line, below: Line) -> bool:
    """A rule, or the edge of a shaded row, between two lines: a row border."""
    return any(above.bottom - 1 < r.y < below.top + 1 for r in page.rules)


def _cells(table: _Table, pages: Mapping[int, Page], spec: IndicatorSpec) -> list[IndicatorLine]:
    rows: list[_Row] = []
    split = _row_gap(table)
    for before, line in zip([None, *table.lines], table.lines, strict=False):
        chunks = _chunks(line)
        label = [_text(c) for c in chunks if _is_label(table, c)]
        if _new_row(table, pages, before, line, label, rows, split):
            rows.append(_Row(cells=[[] for _ in table.periods], page=line.page, top=line.top))
        rows[-1].label += label
        for chunk in chunks:
            if _is_source(table, chunk):
                rows[-1].source.append(_text(chunk))
            elif not _is_label(table, chunk):
                for column in _columns(table, chunk):
                    rows[-1].cells[column].append(_text(chunk))
    out: list[IndicatorLine] = []
    source = list(table.source)
    naming = True  # the rows so far since the last indicator name the source
    for row in rows:
        label = _BULLET.sub("", join_wrapped(row.label))
        if not any(row.cells):
            # A label without cells names the source of the rows below; under the header it
            # goes on the header's own source text.
            if not table.named and not source and _label_word(label, spec):
                label = _label_text(label, spec)  # the label cell, set lower than the periods
            label = spec.source_label.sub("", label)
            source = [*source, label] if naming else [label]
            naming = True
            continue
        naming = False
        named = spec.source_in_label.search(label)
        own_source = [named.group("source")] if named else row.source
        label = label[: named.start()].rstrip() if named else label
        for period, parts in zip(table.periods, row.cells, strict=True):
            out.append(
                IndicatorLine(
                    indicator=label,
                    source=join_wrapped(own_source or source),
                    period=period,
                    raw=" ".join(join_wrapped(parts).split()),
                    page=row.page,
                    top=row.top,
                )
            )
    return out


def _row_gap(table: _Table) -> float | None:
    """In an unruled table whose rows are set apart by padding, the gap above which a line
    starts a row; None when the gaps do not tell rows from wrapped lines."""
    gaps = [b.top - a.bottom for a, b in itertools.pairwise(table.lines) if a.page == b.page]
    if table.ruled or len(gaps) < 2:
        return None
    height = statistics.median(line.height for line in table.lines)
    if max(gaps) - min(gaps) < 0.3 * height:
        return None
    return (max(gaps) + min(gaps)) / 2


def _new_row(
    table: _Table,
    pages: Mapping[int, Page],
    before: Line | None,
    line: Line,
    label: list[str],
    rows: list[_Row],
    split: float | None,
) -> bool:
    """Whether the line starts a row: after a rule in a ruled table; in an unruled one after
    the padding between rows, or, when rows have none, at a label that starts in upper case
    (or a digit) and does not go on a label left open ("föreningslivet," / "13–19 år")."""
    if not rows:
        return True
    open_label = bool(rows[-1].label) and rows[-1].label[-1].endswith(",")
    starts = bool(label) and not label[0][:1].islower() and not open_label
    if before is None or before.page != line.page:
        return starts
    if table.ruled:
        return _rule_between(pages[line.page], before, line)
    if split is not None:
        return line.top - before.bottom > split
    return starts
