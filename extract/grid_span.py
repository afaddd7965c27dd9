"""Spanning cells in a grid whose rules do not show them: a column's text blocks, each given
the rows it is aligned with, by the habit the grid shows (top, middle or bottom)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from .grid_model import mid
from .page import Line


def spanning_cells(
    lines: Sequence[Line],
    cut: Sequence[float],
    intervals: Sequence[tuple[float, float]],
    keyed: Sequence[bool],
    extent: tuple[float, float],
    mode: str,
    gaps: tuple[float, float],
    ends: Sequence[float],
) -> tuple[list[list[int]], list[list[Line]]]:
    """An unruled spanning column: its text blocks, each given the rows it is aligned with
    (`gaps`: the gap between a cell's own lines, and the gap that parts rows; `ends`: where
    each row's own text ends).
    Rows before the first row with key text (captions) are no block's; a block wholly above
    that row that goes on mid-sentence (the rest of a cell from the page before) covers no
    row."""
    covered: list[list[int]] = []
    texts: list[list[Line]] = []
    for a, b in itertools.pairwise([extent[0], *cut, extent[1]]):
        rows = [i for i, (r0, r1) in enumerate(intervals) if a <= (r0 + r1) / 2 < b]
        rows = rows[next((n for n, i in enumerate(rows) if keyed[i]), len(rows)) :]
        inside = [ln for ln in lines if a <= mid(ln) < b]
        blocks = _with_titles(_blocks(inside, gaps[1]))
        starts = [intervals[i][0] + 0.5 for i in rows]
        blocks = _split_blocks(blocks, starts, [ends[i] for i in rows], mode, gaps[0])
        first = intervals[rows[0]][0] if rows else b
        for block in (block for block in blocks if block[-1].bottom < first):
            if block[0].text[:1].islower():  # it goes on mid-sentence
                covered.append([])
                texts.append(block)
        blocks = [block for block in blocks if block[-1].bottom >= first]
        if not rows or not blocks:
            continue
        for owned, block in _align_blocks(blocks, [intervals[i] for i in rows], mode):
            covered.append([rows[i] for i in owned])
            texts.append(block)
    return covered, texts


def _split_blocks(
    blocks: list[list[Line]],
    row_tops: Sequence[float],
    row_ends: Sequence[float],
    mode: str,
    inner: float,
) -> list[list[Line]]:
    """Blocks parted where the next cell begins, set too close to tell by the gap. Top-aligned
    cells begin where a row begins, bottom-aligned ones end where a row's text ends: there a
    bold title after plain lines, or a capital after a finished sentence or set further apart
    than a cell's own lines (`inner`), begins one. Centred cells begin anywhere: a bold title
    after plain lines tells, or a capital after a finished sentence set that far apart."""
    out: list[list[Line]] = []
    for block in blocks:
        out.append([block[0]])
        for above, line in itertools.pairwise(block):
            title = _bold(line) and not _bold(above)
            sentence = above.text.endswith((".", "!", "?")) and line.text[:1].isupper()
            if mode == "top":
                at_row = any(abs(line.top - top) <= 1.5 for top in row_tops)
            else:
                at_row = mode == "bottom" and any(abs(above.bottom - e) <= 1.5 for e in row_ends)
            apart = line.top - above.bottom > inner + 1.0
            capital = apart and line.text[:1].isupper() and _bold(line) == _bold(above)
            if ((title or sentence or capital) and at_row) or (
                mode != "top" and (title or (sentence and apart))
            ):
                out.append([line])
            else:
                out[-1].append(line)
    return out


def _with_titles(blocks: list[list[Line]]) -> list[list[Line]]:
    """A block of a bold title alone joins the plain lines after it, less than a line
    below: the title's description, set a paragraph's space apart, which may be as wide as
    the gap that parts rows."""
    out: list[list[Line]] = []
    for block in blocks:
        title = out and all(_bold(line) for line in out[-1])
        if title and not _bold(block[0]) and block[0].top - out[-1][-1].bottom < block[0].height:
            out[-1] = [*out[-1], *block]
        else:
            out.append(block)
    return out


def _bold(line: Line) -> bool:
    return all(w.bold for w in line.words)


def _blocks(lines: Sequence[Line], threshold: float) -> list[list[Line]]:
    blocks: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: ln.top):
        if blocks and line.top - blocks[-1][-1].bottom <= threshold:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def _align_blocks(
    blocks: list[list[Line]], rows: Sequence[tuple[float, float]], mode: str
) -> list[tuple[list[int], list[Line]]]:
    """Rows for each block of a spanning cell's text. Top-aligned text starts on the first row
    it covers, bottom-aligned text ends on its last; centred text is centred on its rows. A
    block that starts nowhere near a row (a second paragraph) joins the block before it."""
    anchors: list[tuple[int, list[Line]]] = []  # (row where the cell starts or ends, lines)
    for block in blocks:
        edge = block[0].top if mode == "top" else block[-1].bottom
        if mode == "middle":
            edge = (block[0].top + block[-1].bottom) / 2
        if mode == "top":
            near = [
                i for i, (a, _) in enumerate(rows) if abs(a - edge) <= 0.5 * block[0].height + 1
            ]
        elif mode == "bottom":
            near = [
                i for i, (_, b) in enumerate(rows) if abs(b - edge) <= 0.5 * block[-1].height + 1
            ]
        else:  # the row nearest the middle: it may fall between two rows
            near = [min(range(len(rows)), key=lambda i: max(rows[i][0] - edge, edge - rows[i][1]))]
        if anchors and (not near or near[0] <= anchors[-1][0]):
            anchors[-1][1].extend(block)
        else:
            fallback = min(range(len(rows)), key=lambda i: abs(rows[i][0] - block[0].top))
            anchors.append((near[0] if near else fallback, list(block)))
    starts = [a for a, _ in anchors]
    if mode == "top":
        ends = [*[s - 1 for s in starts[1:]], len(rows) - 1]
        spans = list(zip(starts, ends, strict=True))
    elif mode == "bottom":
        firsts = [0, *[s + 1 for s in starts[:-1]]]
        spans = list(zip(firsts, starts, strict=True))
    else:
        spans = _centred_spans(anchors, rows)
    return [
        (list(range(a, b + 1)), lines) for (a, b), (_, lines) in zip(spans, anchors, strict=True)
    ]


def _centred_spans(
    anchors: list[tuple[int, list[Line]]], rows: Sequence[tuple[float, float]]
) -> list[tuple[int, int]]:
    """Each centred block takes the run of rows, from where the one before ended, whose middle
    is nearest its own middle. The first may begin a row or more lower, when that centres it
    clearly better: the page's first row may be the rest of a row broken over the page
    break, its cell on the page before."""
    spans: list[tuple[int, int]] = []
    start = 0
    for n, (anchor, lines) in enumerate(anchors):
        middle = (lines[0].top + lines[-1].bottom) / 2
        limit = anchors[n + 1][0] - 1 if n + 1 < len(anchors) else len(rows) - 1
        ends = [limit] if n + 1 == len(anchors) else range(max(anchor, start), limit + 1)

        def miss(span: tuple[int, int], middle: float = middle) -> float:
            return abs((rows[span[0]][0] + rows[span[1]][1]) / 2 - middle)

        best = min(((start, e) for e in ends), key=miss)
        if n == 0:
            later = [(s, e) for s in range(start + 1, anchor + 1) for e in ends if e >= s]
            better = [span for span in later if miss(span) < miss(best) - lines[0].height]
            best = min(better, key=lambda span: (span[0], miss(span)), default=best)
        spans.append(best)
        start = best[1] + 1
    return spans


def alignment(
    per_column: Sequence[Sequence[Line]],
    spans: Sequence[bool],
    intervals: Sequence[tuple[float, float]],
) -> str | None:
    """How the grid sets text in a cell taller than it: 'top', 'middle' or 'bottom', from rows
    whose non-spanning cells differ in height; None when no such row tells."""
    votes = {"top": 0, "middle": 0, "bottom": 0}
    for a, b in intervals:
        extents = []
        for lines, spanning in zip(per_column, spans, strict=True):
            inside = [ln for ln in lines if a <= mid(ln) <= b]
            if inside and not spanning:
                extents.append((inside[0].top, inside[-1].bottom))
        if (
            len(extents) < 2
            or max(e[1] - e[0] for e in extents) - min(e[1] - e[0] for e in extents) < 4
        ):
            continue
        spread = {
            "top": _spread([e[0] for e in extents]),
            "middle": _spread([(e[0] + e[1]) / 2 for e in extents]),
            "bottom": _spread([e[1] for e in extents]),
        }
        votes[min(spread, key=lambda k: spread[k])] += 1
    best = max(votes, key=lambda k: (votes[k], k == "top"))
    return best if votes[best] else None


_LINED_UP = 2.0  # points: text set by the same habit lines up within this


def spanning_alignment(
    per_column: Sequence[Sequence[Line]],
    spans: Sequence[bool],
    intervals: Sequence[tuple[float, float]],
    threshold: float,
) -> str | None:
    """How a grid whose own cells are all one line high sets its spanning cells: the habit
    under which each spanning block lines up with the rows (its top with a row's top, its
    bottom with a row's bottom, or its middle with the middle of a run of rows)."""
    votes = {"top": 0, "middle": 0, "bottom": 0}
    for lines, spanning in zip(per_column, spans, strict=True):
        for block in _blocks(lines, threshold) if spanning else []:
            top, bottom, slack = block[0].top, block[-1].bottom, _LINED_UP
            middle = (top + bottom) / 2
            runs = itertools.combinations_with_replacement(range(len(intervals)), 2)
            votes["top"] += any(abs(a - top) <= slack for a, _ in intervals)
            votes["bottom"] += any(abs(b - bottom) <= slack for _, b in intervals)
            votes["middle"] += any(
                abs((intervals[i][0] + intervals[j][1]) / 2 - middle) <= slack for i, j in runs
            )
    best = max(votes, key=lambda k: (votes[k], k == "top"))
    return best if votes[best] else None


def _spread(values: Sequence[float]) -> float:
    return max(values) - min(values)


# ---------------------------------------------------------------------------------------------
# Rows set too close to part by gaps: a middle- or bottom-aligned grid without padding


def column_blocks(
    per_column: Sequence[Sequence[Line]], spans: Sequence[bool], within: float
) -> list[list[list[Line]]]:
    """Each non-spanning column's lines in blocks set as closely as a paragraph's lines
    (`within`: the widest gap between a cell's own lines); a spanning column has none."""
    out: list[list[list[Line]]] = []
    for lines, spanning in zip(per_column, spans, strict=True):
        blocks: list[list[Line]] = []
        for line in [] if spanning else lines:
            if blocks and line.top - blocks[-1][-1].bottom <= within:
                blocks[-1].append(line)
            else:
                blocks.append([line])
        out.append(blocks)
    return out


def _anchor(block: Sequence[Line], mode: str) -> float:
    if mode == "top":
        return block[0].top
    if mode == "bottom":
        return block[-1].bottom
    return (block[0].top + block[-1].bottom) / 2


def _pairs(
    blocks: Sequence[Sequence[Sequence[Line]]], is_key: Sequence[bool]
) -> list[tuple[Sequence[Line], Sequence[Line]]]:
    """A key column's block with each block of another column beside it."""
    return [
        (kb, ob)
        for k, column in enumerate(blocks)
        if is_key[k]
        for kb in column
        for o, other in enumerate(blocks)
        if o != k
        for ob in other
        if ob[0].top < kb[-1].bottom and ob[-1].bottom > kb[0].top
    ]


def block_alignment(
    blocks: Sequence[Sequence[Sequence[Line]]], is_key: Sequence[bool]
) -> str | None:
    """'top', 'middle' or 'bottom': where a key cell and a taller or shorter cell beside it
    line up most often; None when no such pair tells."""
    votes = {"top": 0, "middle": 0, "bottom": 0}
    for kb, ob in _pairs(blocks, is_key):
        heights = (kb[-1].bottom - kb[0].top, ob[-1].bottom - ob[0].top)
        if abs(heights[0] - heights[1]) < 4:
            continue
        for mode in votes:
            votes[mode] += abs(_anchor(kb, mode) - _anchor(ob, mode)) <= 1.5
    best = max(votes, key=lambda k: (votes[k], k == "top"))
    return best if votes[best] else None


def split_at_anchors(
    intervals: Sequence[tuple[float, float]],
    blocks: Sequence[Sequence[Sequence[Line]]],
    is_key: Sequence[bool],
    mode: str,
) -> list[tuple[float, float]]:
    """Bands parted between rows found by their cells' common anchor (middle or bottom): each
    key cell lined up with a cell beside it makes a row, and a cut falls in the white between
    one row's cells and the next's."""
    rows: list[list[float]] = []  # [anchor, top, bottom]
    for kb, ob in _pairs(blocks, is_key):
        anchor = _anchor(kb, mode)
        if abs(anchor - _anchor(ob, mode)) > 1.5:
            continue
        top, bottom = min(kb[0].top, ob[0].top), max(kb[-1].bottom, ob[-1].bottom)
        same = next((row for row in rows if abs(row[0] - anchor) <= 1.5), None)
        if same is None:
            rows.append([anchor, top, bottom])
        else:
            same[1], same[2] = min(same[1], top), max(same[2], bottom)
    rows.sort()
    cuts = [(a[2] + b[1]) / 2 for a, b in itertools.pairwise(rows) if a[2] < b[1]]
    out: list[tuple[float, float]] = []
    for a, b in intervals:
        inside = [a, *[y for y in cuts if a + 1 < y < b - 1], b]
        out += list(itertools.pairwise(inside))
    return out
