"""Header-driven grids: tables whose columns are named by header words, whose cells wrap over
many lines, whose first cells may span several rows, and which may run over several pages
(handlingsplaner, goal and indicator tables).

Columns come from the header: its words are grouped into cells (by vertical rules when the
grid has them, else by the gaps between words), and each cell is named by the first header
synonym it contains, so captions and legends printed inside a header cell ("Datum då …",
"4 = mycket hög …") do not matter. A header may wrap, and its words may be broken. Below the
header, the column borders are the vertical rules or, in an unruled grid, the white rivers
between the columns' words.

Rows come from the strongest evidence there is, as in coded_table.py: horizontal rules, then
the vertical gaps between the lines of the columns that do not span. A column may span: its
cell then covers every row between its own rules, or, without rules, the rows its text is
aligned with (top, middle or bottom, the habit the grid shows). A spanning cell's text is
filled down to every row it covers. A grid that reaches the foot of a page goes on at the top
of the next page, with or without a repeated header.

This module follows a grid over its pages; grid_header.py finds headers and names columns,
grid_body.py reads a grid's part on one page, grid_span.py places spanning cells without rules,
and grid_model.py holds the data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from .grid_body import RowDraft, Segment, read_segment, ruled_columns
from .grid_header import Header, find_headers
from .grid_model import INF, Cell, Column, Grid, GridRow, GridSpec
from .lines import MARGIN, page_lines
from .page import Line, Page

__all__ = ["Cell", "Column", "Grid", "GridRow", "GridSpec", "read_grids"]

_STOPS = (".", "!", "?")


def read_grids(pages: Mapping[int, Page], furniture: set[str], spec: GridSpec) -> list[Grid]:
    """Every grid on the pages whose header fits the spec, continued grids joined."""
    drafts: list[_Draft] = []
    open_draft: _Draft | None = None  # the grid that reached the foot of the previous page
    tail: tuple[Line, ...] = ()  # the previous page's lines after its last grid
    for number in sorted(pages):
        lines = [line for line in page_lines(pages[number], furniture) if not line.furniture]
        if number - 1 not in pages:
            open_draft, tail = None, ()
        open_draft, tail = _read_page(pages[number], lines, spec, open_draft, tail, drafts)
    return [draft.grid() for draft in drafts]


def _read_page(
    page: Page,
    lines: Sequence[Line],
    spec: GridSpec,
    open_draft: _Draft | None,
    tail: tuple[Line, ...],
    drafts: list[_Draft],
) -> tuple[_Draft | None, tuple[Line, ...]]:
    """Adds the page's grids, and its part of a grid from the page before, to `drafts`.
    Returns the grid still open at the foot of the page and the lines after the page's last
    grid (a heading left at the foot of a page belongs to the grid on the next)."""
    headers = find_headers(page, lines, spec)
    if open_draft is not None and headers and 0 < headers[0].first <= _running_header(lines):
        lines = lines[headers[0].first :]  # the repeated header opens the page
        headers = find_headers(page, lines, spec)
    cursor = 0
    if open_draft is not None and lines and (not headers or headers[0].first > 0):
        top = lines[0].top - 1
        headers = _outside(headers, open_draft.columns, page, top)
        stop = headers[0].first if headers else len(lines)
        # Borders found afresh from the header's cells: the page before may have held
        # too little of the grid to place them.
        segment = read_segment(page, lines, 0, stop, open_draft.header.columns, top, spec)
        if 0 < segment.end <= _running_header(lines) and segment.end < stop:
            # What ends the grid at once in the top margin may be a running header not known
            # as one, set apart: then the grid's rows go on below it.
            below = read_segment(
                page,
                lines,
                segment.end,
                stop,
                open_draft.header.columns,
                lines[segment.end].top - 1,
                spec,
            )
            if any(row.has_key(spec.keys) for row in below.rows):
                segment = below
        if any(not row.band for row in segment.rows):  # a band alone heads the next grid
            open_draft.add(segment, continued=True)
            cursor = segment.end
        else:
            open_draft = None
    while headers:
        header = headers.pop(0)
        headers = _outside(headers, header.columns, page, header.bottom)
        stop = headers[0].first if headers else len(lines)
        segment = read_segment(page, lines, header.last, stop, header.columns, header.bottom, spec)
        repeated = (
            open_draft is not None
            and header.first == 0
            and {c.role for c in header.columns} == {c.role for c in open_draft.columns}
        )
        if not repeated or open_draft is None:
            above = (*tail, *lines[cursor : header.first])
            open_draft = _Draft(header, above, page.number, spec)
            drafts.append(open_draft)
        open_draft.add(segment, continued=repeated)
        cursor, tail = segment.end, ()
    still_open = open_draft if open_draft is not None and cursor == len(lines) else None
    return still_open, (*tail, *lines[cursor:])


def _running_header(lines: Sequence[Line]) -> int:
    """How many lines open the page in its top margin: above a grid's repeated header, a
    running header that a scan, whose pages without a table are not read, does not repeat
    often enough to be known as one."""
    return next(
        (i for i, line in enumerate(lines) if line.bottom >= line.page_height * MARGIN),
        len(lines),
    )


def _outside(
    headers: list[Header], columns: Sequence[Column], page: Page, top: float
) -> list[Header]:
    """The headers below a ruled grid's foot: a row inside the grid that happens to hold
    header words is data."""
    _, foot = ruled_columns(columns, page, top)
    return [h for h in headers if foot is None or h.top >= foot - 1]


class _Draft:
    """A grid being read, segment by segment (a page's part of it)."""

    def __init__(self, header: Header, above: tuple[Line, ...], page: int, spec: GridSpec) -> None:
        self.header = header
        self.above = above
        self.page = page
        self.spec = spec
        self.columns: tuple[Column, ...] = header.columns
        self.rows: list[RowDraft] = []
        self.captions: dict[str, str] = {}  # role → caption text under the header, not data
        self.room: dict[str, float] = {}  # role → what a line of the column can hold

    def add(self, segment: Segment, continued: bool) -> None:
        self.columns = segment.columns
        for column in segment.columns:
            lines = [ln for row in segment.rows for ln in row.cells.get(column.role or "", [])]
            if column.role and lines:
                room = max(self.room.get(column.role, 0.0), _room(column, lines))
                self.room[column.role] = room
        rows = list(segment.rows)
        if not continued:
            while rows and not rows[0].has_key(self.spec.keys) and not rows[0].band:
                # no key text under the header: captions
                for role, text in _drop_first(rows).items():
                    self.captions[role] = f"{self.captions.get(role, '')} {text}"
        while rows and rows[0].is_caption(self.captions, rows[1:2]):
            _drop_first(rows)  # the captions under a repeated header
        if continued and rows and self.rows:
            self._join(rows, segment.by_gaps)
        self.rows += rows

    def _join(self, rows: list[RowDraft], by_gaps: bool) -> None:
        """The top of a new page against the last row of the page before. A first row whose
        key text is missing or goes on in lower case, or that sits under a cell cut short at
        a hyphen, is the rest of a row broken over the page break, and so is a spanning cell's
        text that goes on from the page before; a spanning cell left empty at the top of the
        page is the one above. In a grid without
        rules, a cell that covers the broken row and rows below it, its text starting below
        that row (a centred goal), goes on only by its own text."""
        last, first = self.rows[-1], rows[0]
        if first.band:
            return  # a perspective heads the page: nothing goes on from the page before
        if last.band:
            if first.cells.get(self.columns[0].role or ""):
                return  # a band left at the foot of the page, its rows on this one
            last.band = False  # a goal's title, its activities on this page
        key = " ".join(ln.text for k in self.spec.keys for ln in first.cells.get(k, []))
        # A row cell cut short at a hyphen ("2019-12-" / "31") goes on too.
        cut = any(
            lines and lines[-1].text.endswith("-") and first.cells.get(role)
            for role, lines in last.cells.items()
            if role not in self.spec.spanning and not last.spanned.get(role)
        )
        broken = not first.has_key(self.spec.keys) or key[:1].islower() or cut
        spanning = set(self.spec.spanning) | {
            role for row in self.rows for role, spanned in row.spanned.items() if spanned
        }
        for role in {c.role for c in self.columns if c.role}:
            head = first.cells.get(role)
            goes_on = role in spanning and bool(head) and _goes_on(self._cells(role), head)
            below = by_gaps and len(rows) > 1 and rows[1].cells.get(role) is head
            below = below and bool(head) and head[0].top > first.bottom
            if head and ((broken and not below) or goes_on):
                target = last.cells.setdefault(role, [])
                target.extend(head)
                for row in rows:
                    if row.cells.get(role) is head:
                        row.cells[role], row.spanned[role] = target, True
            elif role in spanning and last.cells.get(role):
                for row in rows[1:] if broken else rows:
                    if row.cells.get(role):
                        break
                    row.cells[role], row.spanned[role] = last.cells[role], True
        if broken:
            _drop_first(rows)

    def _cells(self, role: str) -> list[list[Line]]:
        """The column's cells so far, each once, in order."""
        seen: dict[int, list[Line]] = {}
        for row in self.rows:
            lines = row.cells.get(role)
            if lines:
                seen.setdefault(id(lines), lines)
        return list(seen.values())

    def grid(self) -> Grid:
        first = self.columns[0].role or ""
        bands = [row.cells[first][0].text if row.band else "" for row in self.rows]
        _fill_down_rows(self.rows, self.spec.spanning, bands)
        rows = tuple(
            GridRow(
                page=row.page,
                top=row.top,
                cells={
                    role: Cell(tuple(lines), row.spanned.get(role, False), self.room.get(role, INF))
                    for role, lines in row.cells.items()
                    if not band
                },
                band=band,
            )
            for row, band in zip(self.rows, bands, strict=True)
            if band or any(row.cells.values())
        )
        return Grid(
            columns=self.columns,
            header=self.header.lines,
            above=self.above,
            rows=rows,
            page=self.page,
            top=self.header.top,
        )


def _goes_on(cells: list[list[Line]], head: Sequence[Line]) -> bool:
    """Text at the top of a page that goes on from the last cell before the page break: in
    lower case (mid-sentence); plain after a cell that holds only its bold title; or after a
    cell left without the full stop that ends the column's other cells."""
    if head[0].text[:1].islower():
        return True
    if not cells:
        return False
    *earlier, before = cells
    if all(w.bold for line in before for w in line.words):
        return not all(w.bold for w in head[0].words)
    ends = [cell[-1].text.endswith(_STOPS) for cell in earlier]
    habit = bool(ends) and sum(ends) >= 0.5 * len(ends)
    return habit and not before[-1].text.endswith(_STOPS)


def _fill_down_rows(rows: Sequence[RowDraft], roles: Iterable[str], bands: Sequence[str]) -> None:
    """An empty cell of a spanning column repeats the cell above: a goal left empty for
    its second activity, or a merged cell whose borders the grid does not draw. Never
    across a band (a new perspective)."""
    for role in roles:
        above: list[Line] = []
        for row, band in zip(rows, bands, strict=True):
            if band:
                above = []
            elif row.cells.get(role):
                above = row.cells[role]
            elif above:
                row.cells[role], row.spanned[role] = above, True


def _drop_first(rows: list[RowDraft]) -> dict[str, str]:
    """Removes a row that is not data (captions); a spanning cell it shared now begins on the
    row below. Returns the row's own cells' texts."""
    first = rows.pop(0)
    own = first.own_texts(rows[:1])
    for role in first.cells.keys() - own.keys():
        if rows:
            rows[0].spanned[role] = False
    return own


def _room(column: Column, lines: Sequence[Line]) -> float:
    """The width a column's lines may fill: between its borders less the padding its text
    keeps from the left border (the same on the right). Unknown (inf) for an outer column of
    an unruled grid."""
    widest = max(ln.x1 - ln.x0 for ln in lines)
    if column.x0 == -INF or column.x1 == INF:
        return INF
    padding = max(0.0, min(ln.x0 for ln in lines) - column.x0)
    return max(widest, column.x1 - column.x0 - 2 * padding)
