"""A grid's body on one page: its column borders (vertical rules, or the white rivers between
the columns' words), its foot (where the rules end, or prose, a heading or a wide gap), and
its rows: from horizontal rules, then from the gaps between the lines of the columns that do
not span, then from the cells that begin together in a top-aligned grid."""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .grid_model import INF, Column, GridSpec, mid
from .grid_span import (
    alignment,
    block_alignment,
    column_blocks,
    spanning_alignment,
    spanning_cells,
    split_at_anchors,
)
from .lines import group_lines
from .page import Line, Page, Source
from .text import fold


def ruled_columns(
    columns: Sequence[Column], page: Page, top: float
) -> tuple[tuple[Column, ...], float | None]:
    """The columns on the vertical rules that run down from `top`, and the grid's foot where
    those rules end; no foot when the grid has no rule at every inner border."""
    ruled = _snap_to_rules(columns, page, top)
    inner = [c.x1 for c in ruled[:-1]]
    rules = [v for v in page.vrules if v.top <= top + 4 and v.bottom > top + 4]
    at_borders = [v for v in rules if any(abs(v.x - x) < 2 for x in inner)]
    if inner and len({round(v.x) for v in at_borders}) >= len(inner):
        foot = max(v.bottom for v in at_borders)
        # A full-width band row (a perspective in its own shaded row) breaks the inner
        # borders but not the grid's frame: the grid ends where its frame does.
        sides = [[v.bottom for v in rules if abs(v.x - x) < 2] for x in (ruled[0].x0, ruled[-1].x1)]
        if all(sides):
            foot = max(foot, min(max(side) for side in sides))
        return ruled, foot
    return tuple(columns), None


def _snap_to_rules(columns: Sequence[Column], page: Page, top: float) -> tuple[Column, ...]:
    """Borders moved onto vertical rules that run past `top`, when every border has one."""
    rules = sorted(v.x for v in page.vrules if v.top <= top + 4 and v.bottom > top + 4)
    moved = []
    for column in columns:
        left = _nearest(rules, column.x0) if column.x0 > -INF else -INF
        right = _nearest(rules, column.x1) if column.x1 < INF else INF
        if left is None or right is None:
            return tuple(columns)
        moved.append(Column(column.role, left, right, column.header))
    return tuple(moved)


def _nearest(values: Sequence[float], x: float) -> float | None:
    best = min(values, key=lambda v: abs(v - x), default=None)
    return best if best is not None and abs(best - x) < 3 else None


def _rivers(columns: Sequence[Column], lines: Sequence[Line]) -> tuple[Column, ...]:
    """Borders in the emptiest x between neighbouring header cells: the river of white that
    runs down between two columns of text."""
    borders = []
    for left, right in itertools.pairwise(columns):
        low, high = left.x1, right.x0
        if high - low < 1:
            borders.append((low + high) / 2)
            continue
        steps = [low + 0.5 * i for i in range(int((high - low) / 0.5) + 1)]
        # Each line's text within the gap, once: a line counts once where any word touches.
        # The space between two words is no river: else a line of prose below the grid
        # (a legend) leaves its emptiest x in a word space and passes for the grid's own.
        near = [
            [(a - 0.5, b + 0.5) for a, b in _phrases(line) if b + 0.5 >= low and a - 0.5 <= high]
            for line in lines
        ]
        near = [spans for spans in near if spans]
        counts = [sum(1 for spans in near if any(a <= x <= b for a, b in spans)) for x in steps]
        least = min(counts)
        runs = [
            list(g)
            for k, g in itertools.groupby(
                zip(steps, counts, strict=True), key=lambda p: p[1] == least
            )
            if k
        ]
        best = max(runs, key=len)
        borders.append((best[0][0] + best[-1][0]) / 2)
    edges = [-INF, *borders, INF]
    return tuple(
        Column(c.role, a, b, c.header)
        for c, (a, b) in zip(columns, itertools.pairwise(edges), strict=True)
    )


_SPACE = 0.35  # of a word's height: wider than a word space, narrower than a cell's padding


def _phrases(line: Line) -> list[tuple[float, float]]:
    """The line's runs of words set a word space apart, as x spans."""
    spans: list[list[float]] = []
    for word in line.words:
        if spans and word.x0 - spans[-1][1] <= _SPACE * word.height:
            spans[-1][1] = max(spans[-1][1], word.x1)
        else:
            spans.append([word.x0, word.x1])
    return [(a, b) for a, b in spans]


def _crosses(line: Line, columns: Sequence[Column]) -> bool:
    """A word running over a column border: prose, not a grid line."""
    return any(w.x0 < c.x1 - 1 < w.x1 - 2 for w in line.words for c in columns[:-1])


@dataclass
class RowDraft:
    """A row being read: its cells' lines by role. The rows one printed cell covers share one
    list, so that text added to the cell later (from the next page) reaches them all."""

    page: int
    top: float
    bottom: float
    cells: dict[str, list[Line]]  # role → lines
    spanned: dict[str, bool] = field(default_factory=dict)
    band: bool = False  # a heading set across the grid (a perspective), in the first column

    def has_key(self, keys: Sequence[str]) -> bool:
        roles = keys or list(self.cells)
        return any(self.cells.get(role) for role in roles)

    def own_texts(self, below: Sequence[RowDraft]) -> dict[str, str]:
        """The text of every cell that is this row's alone, not a spanning cell going on
        into the row below."""
        after = below[0].cells if below else {}
        return {
            role: " ".join(ln.text for ln in lines)
            for role, lines in self.cells.items()
            if lines and after.get(role) is not lines
        }

    def is_caption(self, captions: Mapping[str, str], below: Sequence[RowDraft]) -> bool:
        """Every cell of its own holds captions printed under the grid's first header."""
        own = self.own_texts(below)
        return bool(own) and all(text in captions.get(role, "") for role, text in own.items())

    def absorb(self, other: RowDraft) -> None:
        """Takes in a row that is the rest of this one (its cells' own lines)."""
        for role, lines in other.cells.items():
            if lines and not other.spanned.get(role):
                self.cells.setdefault(role, []).extend(lines)
        self.bottom = max(self.bottom, other.bottom)


@dataclass
class Segment:
    """A grid's part on one page."""

    columns: tuple[Column, ...]
    rows: list[RowDraft]
    end: int  # index of the first page line after the segment
    by_gaps: bool = True  # rows parted by gaps, not by rules


def read_segment(
    page: Page,
    lines: Sequence[Line],
    start: int,
    stop: int,
    columns: Sequence[Column],
    top: float,
    spec: GridSpec,
) -> Segment:
    """The grid's body between `start` and `stop` (the next header): cut at the grid's foot,
    split into columns and rows."""
    body = list(lines[start:stop])
    ruled, foot = ruled_columns(columns, page, top)
    if foot is not None:
        columns = ruled
        end = next((i for i, line in enumerate(body) if line.top >= foot - 1), len(body))
    else:
        end = len(_before_foreign(body, ()))
        for _ in range(2):  # borders from the grid's own lines, then cut where prose crosses
            unruled = _rivers(columns, body[:end])
            end = len(_before_foreign(body[:end], unruled))
        columns = _rivers(columns, body[:end])
        if stop < len(lines):
            end = _without_tail(body[:end], columns, spec)
    used = body[:end]
    bottom = foot if foot is not None else (used[-1].bottom + 1 if used else top)
    if foot is None:
        columns = _outer_edges(columns, page, used, top, bottom)
    rows, by_gaps = _rows(page, used, columns, top, bottom, spec) if used else ([], True)
    return Segment(tuple(columns), rows, start + end, by_gaps)


def _outer_edges(
    columns: Sequence[Column], page: Page, used: Sequence[Line], top: float, bottom: float
) -> tuple[Column, ...]:
    """An unruled grid's outer borders where its horizontal rules end, when it has any, and
    never inside its text."""
    rules = [r for r in page.rules if top - 2 <= r.y <= bottom + 2]
    if not rules or not used or len(columns) < 2:
        return tuple(columns)
    first, *middle, last = columns
    left = min(min(r.x0 for r in rules), min(line.x0 for line in used))
    right = max(max(r.x1 for r in rules), max(line.x1 for line in used))
    return (
        Column(first.role, left, first.x1, first.header),
        *middle,
        Column(last.role, last.x0, right, last.header),
    )


def _keyed(line: Line, columns: Sequence[Column], spec: GridSpec) -> bool:
    """A line with words in a key column."""
    return any(
        c.role in spec.keys and any(c.x0 <= w.middle_x < c.x1 for w in line.words) for c in columns
    )


def _without_tail(used: Sequence[Line], columns: Sequence[Column], spec: GridSpec) -> int:
    """Before another header, lines set apart below the last key text are that header's
    heading, not this grid's."""
    keyed = [i for i, line in enumerate(used) if _keyed(line, columns, spec)]
    if not spec.keys or not keyed:
        return len(used)
    last = max(keyed)
    for i in range(last + 1, len(used)):
        if used[i].top - used[i - 1].bottom > 0.8 * used[i - 1].height:
            return i
    return len(used)


def _before_foreign(body: Sequence[Line], columns: Sequence[Column]) -> list[Line]:
    """The lines up to prose or a heading after the grid: a line that crosses a column
    border, is set larger than the grid from its left edge, or stands after a wide gap. A
    larger line that starts inside the grid is a cell's: OCR measures a short line's size
    only roughly."""
    if not body:
        return []
    size = statistics.median(w.size or w.height for line in body for w in line.words)
    height = statistics.median(line.height for line in body)
    left = min(line.x0 for line in body)
    kept: list[Line] = []
    for line in body:
        heading = line.size > 1.2 * size and line.x0 < left + height
        if heading or _crosses(line, columns):
            break
        if kept and line.top - kept[-1].bottom > 2.5 * height:
            break
        kept.append(line)
    return kept


def _column_lines(page: Page, used: Sequence[Line], columns: Sequence[Column]) -> list[list[Line]]:
    words = [w for line in used for w in line.words]
    out = []
    for column in columns:
        inside = tuple(w for w in words if column.x0 <= w.middle_x < column.x1)
        out.append(group_lines(Page(page.number, page.width, page.height, inside)))
    return out


def _rows(
    page: Page,
    used: Sequence[Line],
    columns: Sequence[Column],
    top: float,
    bottom: float,
    spec: GridSpec,
) -> tuple[list[RowDraft], bool]:
    """The rows, and whether gaps parted them (no rules)."""
    per_column = _column_lines(page, used, columns)
    spans = [c.role in spec.spanning for c in columns]
    inner, threshold, leading = _row_gap(per_column)
    bands = _band_lines(per_column, threshold, spec.bands)
    per_column[0] = [ln for ln in per_column[0] if ln not in bands]
    cuts = [
        _cuts(page, lines, column, top, bottom, threshold if spanning else None)
        for column, lines, spanning in zip(columns, per_column, spans, strict=True)
    ]
    row_lines = [ln for lines, s in zip(per_column, spans, strict=True) if not s for ln in lines]
    rule_ys = _merge_ys(y for cut, s in zip(cuts, spans, strict=True) if not s for y in cut)
    rule_bands = list(itertools.pairwise([top, *rule_ys, bottom]))
    gap_bands = [
        _gap_bands([ln for ln in row_lines if a <= mid(ln) < b], threshold) for a, b in rule_bands
    ]
    key_lines = {
        id(ln)
        for column, lines in zip(columns, per_column, strict=True)
        if column.role in (spec.keys or [c.role for c in columns])
        for ln in lines
    }
    by_gaps = not rule_ys or _groups_not_rows(gap_bands, row_lines, key_lines)
    if by_gaps:
        intervals = [band for bands in gap_bands for band in bands]
    else:
        every = [ln for lines in per_column for ln in lines]  # goal text alone is a row too
        intervals = [(a, b) for a, b in rule_bands if any(a <= mid(ln) < b for ln in every)]
    if not intervals:  # only a spanning cell's text going on from the page before
        rest = [ln for lines in per_column for ln in lines]
        intervals = _gap_bands(rest, threshold) if rest and rest[0].text[:1].islower() else []
    measured = alignment(per_column, spans, intervals)
    # Top, the common default, when neither the cells nor the spanning blocks tell.
    mode = measured or spanning_alignment(per_column, spans, intervals, threshold) or "top"
    if by_gaps:
        is_key = [c.role in (spec.keys or [c.role for c in columns]) for c in columns]
        # A cell's own lines stand the leading apart: on a text layer exactly, on an OCR'd
        # page give or take what the lines' font boxes, told from their letters' ink, vary by
        # (a line of one word, "chefer.", has its height from that word's letters alone).
        slack = (threshold - leading) / 2 if page.source is Source.OCR else 0.5
        blocks = column_blocks(per_column, spans, leading + slack)
        # Rows set closer than the gap threshold hide the alignment from the bands: the cells
        # that line up with each other tell it.
        told = block_alignment(blocks, is_key)
        mode = told or mode
        if mode == "top":
            intervals = _split_at_row_starts(intervals, per_column, spans, is_key, inner)
        elif told:
            intervals = split_at_anchors(intervals, blocks, is_key, mode)
    keyed = [
        any(id(ln) in key_lines and a <= mid(ln) <= b for ln in row_lines) for a, b in intervals
    ]
    # Where each row's own text ends: a bottom-aligned spanning cell ends there too.
    ends = [
        max((ln.bottom for ln in row_lines if a <= mid(ln) <= b), default=b) for a, b in intervals
    ]
    rows = [RowDraft(page.number, a, b, {}) for a, b in intervals]
    orphans: list[RowDraft] = []
    for column, lines, cut, spanning in zip(columns, per_column, cuts, spans, strict=True):
        if column.role is None:
            continue
        if by_gaps and not spanning:
            cells = [[i] for i in range(len(rows))]
            texts = [[ln for ln in lines if a <= mid(ln) <= b] for a, b in intervals]
        elif by_gaps:
            cells, texts = spanning_cells(
                lines, cut, intervals, keyed, (top, bottom), mode, (leading, threshold), ends
            )
        else:
            cells, texts = _ruled_cells(lines, cut, intervals, top, bottom)
        for covered, text in zip(cells, texts, strict=True):
            shared = list(text)  # one list for every row the cell covers: text added later
            for order, index in enumerate(covered):  # (from the next page) reaches them all
                rows[index].cells[column.role] = shared
                rows[index].spanned[column.role] = order > 0
            if not covered:  # text of its own above the rows: a row without key text
                lone = RowDraft(page.number, text[0].top, text[-1].bottom, {column.role: shared})
                orphans.append(lone)
    if columns[0].role is not None:
        orphans += [
            RowDraft(page.number, ln.top, ln.bottom, {columns[0].role: [ln]}, band=True)
            for ln in bands
        ]
    rows = sorted([*orphans, *rows], key=lambda row: row.top)
    if by_gaps:
        rows = _merge_keyless(rows, spec.keys)
    elif mode == "bottom":
        shading = [r.y for r in page.rules if r.shading]
        for column, cut in zip(columns, cuts, strict=True):
            if column.role in spec.spanning and all(
                any(abs(y - e) <= 2 for e in shading) for y in cut
            ):
                _fill_up(rows, column.role)
    return rows, by_gaps


def _fill_up(rows: Sequence[RowDraft], role: str) -> None:
    """Rows shaded one by one under a bottom-aligned spanning cell: the edges part no cells,
    and a row left empty above the cell's text is the cell's."""
    below: list[Line] = []
    for row in reversed(rows):
        if row.cells.get(role):
            below = row.cells[role]
        elif below:
            row.cells[role], row.spanned[role] = below, True


def _band_lines(
    per_column: Sequence[Sequence[Line]], threshold: float, names: frozenset[str]
) -> list[Line]:
    """Lines of the first column set as bands across the grid (a perspective heading in a
    row of its own): one line, a block of its own, with nothing beside it in the other
    columns; and a known name, or bold in capitals, or bold with a new goal starting at the
    next row (a bold goal title alone in a cell centred between its activities is no band)."""
    first = per_column[0]
    others = [ln for lines in per_column[1:] for ln in lines]
    found = []
    for n, line in enumerate(first):
        above, below = first[n - 1] if n else None, first[n + 1] if n + 1 < len(first) else None
        if (above and line.top - above.bottom <= threshold) or (
            below and below.top - line.bottom <= threshold
        ):
            continue
        if any(
            ln.top - threshold < line.bottom and ln.bottom + threshold > line.top for ln in others
        ):
            continue
        bold = all(w.bold for w in line.words)
        after = [ln.top for ln in others if ln.top > line.bottom]
        starts_goal = below is not None and bool(after) and abs(below.top - min(after)) <= 1.5
        if fold(line.text) in names or (bold and (line.text.isupper() or starts_goal)):
            found.append(line)
    return found


def _cuts(
    page: Page,
    lines: Sequence[Line],
    column: Column,
    top: float,
    bottom: float,
    within: float | None = None,
) -> list[float]:
    """The y of every horizontal rule across this column's text (its borders when it has
    none), top to bottom. Not across its borders: an unruled grid's are only estimates. With
    `within` (a row gap), the edge of a row's shading that runs under a spanning cell,
    between lines set closer than that, is no border."""
    if lines:
        left, right = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    else:
        left, right = column.x0 + 2, column.x1 - 2
    if not -INF < left < right < INF:
        return []
    ys = [
        r.y
        for r in page.rules
        if top + 1 < r.y < bottom - 1 and r.x0 <= left + 2 and r.x1 >= right - 2
    ]
    if within is not None:
        shading = {r.y for r in page.rules if r.shading}
        ys = _merge_ys(y for y in ys if y not in shading or not _inside_text(y, lines, within))
        ys = _centred_over_shading(ys, shading, lines, top, bottom)
    return _merge_ys(ys)


_CENTRED = 2.0  # points: a centred cell's text lies this close to its middle


def _centred_over_shading(
    ys: list[float], shading: set[float], lines: Sequence[Line], top: float, bottom: float
) -> list[float]:
    """Rows shaded one by one under a centred spanning cell: its text lies in the middle of
    the bands it falls in together with the empty bands beside it (a cell has text). Those
    shading edges close off no cells of their own."""
    edges = [top, *ys, bottom]
    bands = list(itertools.pairwise(edges))
    texts = [[ln for ln in lines if a <= mid(ln) < b] for a, b in bands]
    dropped: set[float] = set()
    for index, text in enumerate(texts):
        if not text:
            continue
        middle = (text[0].top + text[-1].bottom) / 2
        first = last = index
        while first > 0 and not texts[first - 1] and edges[first] in shading:
            first -= 1
        while last + 1 < len(bands) and not texts[last + 1] and edges[last + 1] in shading:
            last += 1
        spans = [(a, b) for a in range(first, index + 1) for b in range(index, last + 1)]
        fits = [(a, b) for a, b in spans if abs((edges[a] + edges[b + 1]) / 2 - middle) <= _CENTRED]
        if fits:
            a, b = max(fits, key=lambda span: span[1] - span[0])
            dropped |= set(edges[a + 1 : b + 1])
    return [y for y in ys if y not in dropped]


def _inside_text(y: float, lines: Sequence[Line], gap: float) -> bool:
    if any(ln.top < y < ln.bottom for ln in lines):
        return True
    return any(
        a.bottom <= y <= b.top and b.top - a.bottom <= gap for a, b in itertools.pairwise(lines)
    )


def _merge_ys(ys: Iterable[float]) -> list[float]:
    merged: list[float] = []
    for y in sorted(ys):
        if not merged or y - merged[-1] > 2:
            merged.append(y)
    return merged


def _row_gap(per_column: Sequence[Sequence[Line]]) -> tuple[float, float, float]:
    """The gap between a cell's own wrapped lines, and the gap wider than which lines are
    in different rows (that gap plus a margin). Line spacing leaves at most about half a
    line between wrapped lines; wider gaps are borders already, even where most cells hold
    one line. Third, the wrapped lines' gap as it is, even where the type is set with more
    leading than that."""
    heights = [ln.height for lines in per_column for ln in lines] or [10.0]
    height = statistics.median(heights)
    gaps = [
        b.top - a.bottom
        for lines in per_column
        for a, b in itertools.pairwise(lines)
        if b.top - a.bottom < 0.6 * height
    ]
    # The narrowest gaps are a paragraph's own; in a table of one-line cells set close there
    # are none, and line spacing's usual share of a line stands in.
    low = sorted(gaps)[len(gaps) // 5] if gaps else height
    inner = max(0.0, min(low, 0.35 * height))
    margin = max(1.5, 0.25 * height)
    # Type set with generous leading (1.5 lines) parts a cell's lines by more than that: the
    # gap before a line that goes on mid-sentence is surely a cell's own.
    wraps = [
        b.top - a.bottom
        for lines in per_column
        for a, b in itertools.pairwise(lines)
        if b.text[:1].islower() and 0 <= b.top - a.bottom < 1.5 * height
    ]
    if len(wraps) >= 3:
        leading = statistics.median(wraps)
        return inner, max(inner, leading) + margin, leading
    return inner, inner + margin, low if gaps else inner


def _gap_bands(lines: Sequence[Line], threshold: float) -> list[tuple[float, float]]:
    bands: list[list[float]] = []
    for line in sorted(lines, key=lambda ln: ln.top):
        if bands and line.top - bands[-1][1] <= threshold:
            bands[-1][1] = max(bands[-1][1], line.bottom)
        else:
            bands.append([line.top, line.bottom])
    return [(a - 0.5, b + 0.5) for a, b in bands]


def _groups_not_rows(
    gap_bands: Sequence[Sequence[tuple[float, float]]], row_lines: Sequence[Line], keys: set[int]
) -> bool:
    """Rules that part groups of rows (one goal each) rather than rows: most ruled bands
    hold more than one keyed run of lines."""
    counts = []
    for bands in gap_bands:
        keyed = [
            band
            for band in bands
            if any(id(ln) in keys and band[0] <= mid(ln) <= band[1] for ln in row_lines)
        ]
        if bands:
            counts.append(len(keyed))
    return bool(counts) and sum(1 for c in counts if c > 1) >= 0.5 * len(counts)


def _ruled_cells(
    lines: Sequence[Line],
    cut: Sequence[float],
    intervals: Sequence[tuple[float, float]],
    top: float,
    bottom: float,
) -> tuple[list[list[int]], list[list[Line]]]:
    """A column's cells are the spaces between its own rules; a cell covers every row whose
    middle lies in it."""
    covered, texts = [], []
    for a, b in itertools.pairwise([top, *cut, bottom]):
        rows = [i for i, (r0, r1) in enumerate(intervals) if a <= (r0 + r1) / 2 < b]
        if rows:
            covered.append(rows)
            texts.append([ln for ln in lines if a <= mid(ln) < b])
    return covered, texts


def _starts(line: Line) -> bool:
    """A line that may begin a cell: capitalised or a number, not the rest of a sentence."""
    return line.text[:1].isupper() or line.text[:1].isdigit()


def _split_at_row_starts(
    bands: Sequence[tuple[float, float]],
    per_column: Sequence[Sequence[Line]],
    spans: Sequence[bool],
    is_key: Sequence[bool],
    inner: float,
) -> list[tuple[float, float]]:
    """Top-aligned rows set with hardly more space between them than a paragraph: a band is
    split where a key cell and another cell both begin a paragraph at the same height, below
    key text of the band's own (text above a band's first key cell is that row's, set higher
    than its key: a grid that centres most of its rows)."""
    heads = [
        (line.top, index)
        for index, (lines, spanning) in enumerate(zip(per_column, spans, strict=True))
        if not spanning
        for above, line in zip((None, *lines), lines, strict=False)
        if _starts(line) and (above is None or line.top - above.bottom > inner + 1)
    ]
    # One cut per row: two key columns' first lines a fraction of a point apart (OCR) would
    # leave a sliver of a row between them, which a spanning cell could start on.
    cuts = _merge_ys(
        top
        for top, index in heads
        if is_key[index] and any(abs(t - top) <= 1.5 and i != index for t, i in heads)
    )
    key_tops = [
        ln.top for lines, key in zip(per_column, is_key, strict=True) if key for ln in lines
    ]
    out: list[tuple[float, float]] = []
    for a, b in bands:
        first_key = min((t for t in key_tops if a <= t < b), default=b)
        inside = [a, *[y - 0.5 for y in cuts if max(a, first_key) + 1.5 < y < b], b]
        out += list(itertools.pairwise(inside))
    return out


def _merge_keyless(rows: list[RowDraft], keys: Sequence[str]) -> list[RowDraft]:
    """A run of lines with no key text (a second paragraph of a comment) belongs to the row
    above it; a band does not."""
    merged: list[RowDraft] = []
    for row in rows:
        if merged and not row.has_key(keys) and not row.band and not merged[-1].band:
            merged[-1].absorb(row)
        else:
            merged.append(row)
    return merged
