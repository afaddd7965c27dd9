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
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .lines import group_lines, page_lines
from .page import Line, Page, Rule, Word
from .text import clean_token, fold, join_wrapped, token_matches

_INF = float("inf")
# Words that begin a line after a space, hardly ever the tail of a word broken for want of
# room (unlike "en", "et", "na": the endings of the long compounds that get broken).
# fmt: off
_WORDS = frozenset({
    "är", "och", "i", "på", "att", "som", "för", "med", "av", "till", "om", "har", "kan", "ska",
    "inte", "det", "den", "de", "vi", "så", "eller", "samt", "vid", "från", "under", "efter",
    "mot", "genom",
})
# fmt: on


@dataclass(frozen=True)
class GridSpec:
    """What a grid reader looks for: the columns by role with their header synonyms."""

    headers: Mapping[str, Sequence[str]]  # role → header words as printed ("Slutdatum")
    keys: tuple[str, ...] = ()  # roles whose text makes a row; empty: any text does
    spanning: frozenset[str] = frozenset()  # roles whose cells may cover several rows
    min_roles: int = 2  # a header names at least this many roles


@dataclass(frozen=True)
class Column:
    role: str | None  # None: a column the spec does not name
    x0: float  # borders; the outer ones are open (±inf)
    x1: float
    header: str  # the header cell as printed, captions included


@dataclass(frozen=True)
class Cell:
    lines: tuple[Line, ...] = ()
    spanned: bool = False  # filled down from a cell that began on an earlier row
    width: float = 0.0  # what a line of the column can hold

    @property
    def text(self) -> str:
        """The lines joined; a word too long for the column, broken where the line was full
        ("Kompetensförsörjning" + "en"), is mended."""
        parts: list[str] = []
        for before, line in zip((None, *self.lines), self.lines, strict=False):
            if before is not None and self._broken_word(before, line):
                parts[-1] += line.text
            else:
                parts.append(line.text)
        return join_wrapped(parts)

    def _broken_word(self, line: Line, following: Line) -> bool:
        """A line of one word, so full that not even the next line's first letter would
        have fitted: the word was broken for want of room, not at a space. When a full line
        is followed by a word that mostly stands alone ("är", "och"), it was a space."""
        goes_on = following.text[:1].islower() or (
            following.text[:1].isdigit() and line.text[-1:].isdigit()  # "2021-03-3" + "1"
        )
        if (
            len(line.words) != 1
            or not goes_on
            or following.words[0].text.lower().strip(".,;:") in _WORDS
        ):
            return False
        first = following.words[0]
        letter = (first.x1 - first.x0) / max(1, len(first.text))
        return line.x1 - line.x0 + letter > self.width


@dataclass(frozen=True)
class GridRow:
    page: int
    top: float
    cells: Mapping[str, Cell]

    def text(self, role: str) -> str:
        cell = self.cells.get(role)
        return cell.text if cell else ""


@dataclass(frozen=True)
class Grid:
    columns: tuple[Column, ...]
    header: tuple[Line, ...]  # the header band, captions included
    above: tuple[Line, ...]  # what stands between the previous grid (or page top) and header
    rows: tuple[GridRow, ...]
    page: int  # where the header is
    top: float

    @property
    def roles(self) -> tuple[str, ...]:
        return tuple(c.role for c in self.columns if c.role)


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
    cursor = 0
    if open_draft is not None and lines and (not headers or headers[0].first > 0):
        top = lines[0].top - 1
        headers = _outside(headers, open_draft.columns, page, top)
        stop = headers[0].first if headers else len(lines)
        # Borders found afresh from the header's cells: the page before may have held
        # too little of the grid to place them.
        segment = _segment(page, lines, 0, stop, open_draft.header.columns, top, spec)
        if segment.rows:
            open_draft.add(segment, continued=True)
            cursor = segment.end
        else:
            open_draft = None
    while headers:
        header = headers.pop(0)
        headers = _outside(headers, header.columns, page, header.bottom)
        stop = headers[0].first if headers else len(lines)
        segment = _segment(page, lines, header.last, stop, header.columns, header.bottom, spec)
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


def _outside(
    headers: list[Header], columns: Sequence[Column], page: Page, top: float
) -> list[Header]:
    """The headers below a ruled grid's foot: a row inside the grid that happens to hold
    header words is data."""
    _, foot = _ruled_columns(columns, page, top)
    return [h for h in headers if foot is None or h.top >= foot - 1]


# ---------------------------------------------------------------------------------------------
# Headers


@dataclass(frozen=True)
class Header:
    first: int  # index of the header's first line among the page's lines
    last: int  # index after its last line
    top: float
    bottom: float  # the body starts below this
    columns: tuple[Column, ...]
    lines: tuple[Line, ...]


def find_headers(page: Page, lines: Sequence[Line], spec: GridSpec) -> list[Header]:
    """Header bands on a page: lines close together that name at least `min_roles` columns,
    each in a cell of its own."""
    hits = [_line_hits(line, spec) for line in lines]
    headers: list[Header] = []
    index = 0
    while index < len(lines):
        if not hits[index]:
            index += 1
            continue
        header = _header_at(page, lines, hits, index, spec)
        if header is None:
            index += 1
            continue
        headers.append(header)
        index = header.last
    return headers


def _header_at(
    page: Page, lines: Sequence[Line], hits: list[set[str]], index: int, spec: GridSpec
) -> Header | None:
    first_line = lines[index]
    height = first_line.height or 10.0
    seed_end = index + 1  # after the last line that names a role not named yet
    roles = set(hits[index])
    probe = index + 1
    while probe < len(lines) and lines[probe].top - first_line.bottom < 5 * height:
        gap = (lines[probe - 1].bottom, lines[probe].top)
        if gap[1] - gap[0] > 1.2 * height or any(gap[0] < r.y < gap[1] for r in page.rules):
            break  # a header is set close, and no rule runs through it
        if hits[probe] - roles:
            roles |= hits[probe]
            seed_end = probe + 1
        probe += 1
    if len(roles) < spec.min_roles:
        return None
    seed_top = first_line.top
    seed_bottom = max(line.bottom for line in lines[index:seed_end])
    first, last, bottom = _band(page, lines, index, seed_end, seed_top, seed_bottom)
    band = lines[first:last]
    columns = _header_columns(page, band, spec)
    named = [c.role for c in columns if c.role]
    if len(named) < spec.min_roles or (spec.keys and not set(spec.keys) & set(named)):
        return None
    top = min(line.top for line in band)
    return Header(first, last, top, bottom, tuple(columns), tuple(band))


def _band(
    page: Page, lines: Sequence[Line], start: int, end: int, top: float, bottom: float
) -> tuple[int, int, float]:
    """The whole header band around its seed lines: between the rules above and below it when
    the grid is ruled, else the lines set as closely as the seed's own."""
    width = _extent(lines[start:end])
    below = [r for r in page.rules if r.y > bottom - 1 and _covers(r, width, 0.5)]
    above = [r for r in page.rules if r.y < top + 1 and _covers(r, width, 0.5)]
    height = statistics.median(line.height for line in lines[start:end]) or 10.0
    first = start
    if above and top - max(r.y for r in above) < 2 * height:  # the grid's top border
        ceiling = max(r.y for r in above)
        while first > 0 and lines[first - 1].top > ceiling:
            first -= 1
    else:
        while first > 0 and lines[first].top - lines[first - 1].bottom <= 0.5 * height:
            first -= 1
    last = end
    if below and min(r.y for r in below) - bottom < 12 * height:
        floor = min(r.y for r in below)
        while last < len(lines) and lines[last].bottom <= floor + 1:
            last += 1
        return first, last, floor
    while last < len(lines) and lines[last].top - lines[last - 1].bottom <= 0.5 * height:
        last += 1
    return first, last, lines[last - 1].bottom + 0.5


def _extent(lines: Sequence[Line]) -> tuple[float, float]:
    return min(line.x0 for line in lines), max(line.x1 for line in lines)


def _covers(rule: Rule, extent: tuple[float, float], share: float) -> bool:
    left, right = extent
    overlap = min(rule.x1, right) - max(rule.x0, left)
    return overlap >= share * (right - left)


# Matching header synonyms ---------------------------------------------------------------------


def _tokens(words: Sequence[Word]) -> list[str]:
    """Folded header tokens; "ANALYS/SLUTSATS" is two."""
    return [t for w in words for t in clean_token(w.text).replace("/", " / ").split()]


def _synonyms(spec: GridSpec) -> list[tuple[str, list[str]]]:
    pairs = [
        (role, fold(s).replace("/", " / ").split()) for role, ss in spec.headers.items() for s in ss
    ]
    return sorted(pairs, key=lambda pair: -len(pair[1]))


def _find(tokens: list[str], synonym: list[str]) -> int | None:
    for start in range(len(tokens) - len(synonym) + 1):
        window = tokens[start : start + len(synonym)]
        if all(_same_word(w, t) for w, t in zip(window, synonym, strict=True)):
            return start
    return None


def _same_word(word: str, token: str) -> bool:
    """OCR damage tolerated in long words, inflection not: "aktiviteterna" in a caption is no
    "Aktivitet", "slutsats" no "Status", "ledning" no "bedömning"."""
    if len(token) < 7 or abs(len(word) - len(token)) > 2 or word[:1] != token[:1]:
        return word == token
    return token_matches(word, token)


def _line_hits(line: Line, spec: GridSpec) -> set[str]:
    tokens = _tokens(line.words)
    return {role for role, synonym in _synonyms(spec) if _find(tokens, synonym) is not None}


def _first_role(words: Sequence[Word], spec: GridSpec) -> list[tuple[int, str]]:
    """(position, role) for every role the cell names, the earliest first: the header title
    comes before its caption. Words broken inside a narrow cell ("VERKSAMHETSM" + "ÅL") are
    matched on the letters run together, for synonyms long enough not to match by chance."""
    tokens = _tokens(_title_words(words))
    found: dict[str, int] = {}
    for role, synonym in _synonyms(spec):
        at = _find(tokens, synonym)
        if at is not None:
            found[role] = min(found.get(role, at), at)
    letters, owner = "", []
    for position, token in enumerate(tokens):
        kept = "".join(ch for ch in token if ch.isalpha())
        letters += kept
        owner += [position] * len(kept)
    for role, synonym in _synonyms(spec):
        wanted = "".join(ch for ch in "".join(synonym) if ch.isalpha())
        at = letters.find(wanted) if len(wanted) >= 8 else -1
        if at >= 0 and role not in found:
            found[role] = owner[at]
    return sorted((position, role) for role, position in found.items())


def _title_words(words: Sequence[Word]) -> list[Word]:
    """A header cell's title, without its caption: the bold words when some are bold, and
    of those the largest when sizes differ."""
    title = [w for w in words if w.bold] or list(words)
    largest = max((w.size for w in title), default=0.0)
    return [w for w in title if w.size >= largest - 0.5]


def _header_columns(page: Page, band: Sequence[Line], spec: GridSpec) -> list[Column]:
    top, bottom = min(line.top for line in band), max(line.bottom for line in band)
    words = [w for line in band for w in line.words]
    borders = sorted(
        {round(v.x, 1) for v in page.vrules if v.top <= top + 2 and v.bottom >= bottom - 2}
    )
    cells = _split_by_borders(words, borders) if len(borders) >= 3 else _split_by_gaps(band)
    if len(cells) < 2:
        return []
    claims = sorted(
        (position, index, role)
        for index, (cell_words, _, _) in enumerate(cells)
        for position, role in _first_role(cell_words, spec)
    )
    roles: dict[int, str] = {}
    for _, index, role in claims:
        if index not in roles and role not in roles.values():
            roles[index] = role
    columns = []
    for index, (cell_words, left, right) in enumerate(cells):
        ordered = sorted(cell_words, key=lambda w: (round(w.top), w.x0))
        text = " ".join(w.text for w in ordered)
        columns.append(Column(roles.get(index), left, right, text))
    return columns


def _split_by_borders(
    words: Sequence[Word], borders: list[float]
) -> list[tuple[list[Word], float, float]]:
    cells = []
    for left, right in itertools.pairwise(borders):
        inside = [w for w in words if left <= w.middle_x < right]
        if inside or right - left > 12:
            cells.append((inside, left, right))
    return cells


def _split_by_gaps(band: Sequence[Line]) -> list[tuple[list[Word], float, float]]:
    """Header words in cells: words overlapping across lines, or a space apart on one line,
    share a cell. The cell's extent is its words' (the borders come later, from the body)."""
    words = [(w, n) for n, line in enumerate(band) for w in line.words]
    parent = list(range(len(words)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for (i, (a, line_a)), (j, (b, line_b)) in itertools.combinations(enumerate(words), 2):
        gap = max(a.x0, b.x0) - min(a.x1, b.x1)
        space = 0.6 * max(a.size or a.height, b.size or b.height)
        if (line_a == line_b and gap <= space) or (line_a != line_b and gap < 0):
            parent[root(i)] = root(j)
    groups: dict[int, list[Word]] = {}
    for i, (word, _) in enumerate(words):
        groups.setdefault(root(i), []).append(word)
    ordered = sorted(groups.values(), key=lambda g: min(w.x0 for w in g))
    return [(g, min(w.x0 for w in g), max(w.x1 for w in g)) for g in ordered]


# ---------------------------------------------------------------------------------------------
# Column borders below the header


def _ruled_columns(
    columns: Sequence[Column], page: Page, top: float
) -> tuple[tuple[Column, ...], float | None]:
    """The columns on the vertical rules that run down from `top`, and the grid's foot where
    those rules end; no foot when the grid has no rule at every inner border."""
    ruled = _snap_to_rules(columns, page, top)
    inner = [c.x1 for c in ruled[:-1]]
    rules = [v for v in page.vrules if v.top <= top + 4 and v.bottom > top + 4]
    at_borders = [v for v in rules if any(abs(v.x - x) < 2 for x in inner)]
    if inner and len({round(v.x) for v in at_borders}) >= len(inner):
        return ruled, max(v.bottom for v in at_borders)
    return tuple(columns), None


def _snap_to_rules(columns: Sequence[Column], page: Page, top: float) -> tuple[Column, ...]:
    """Borders moved onto vertical rules that run past `top`, when every border has one."""
    rules = sorted(v.x for v in page.vrules if v.top <= top + 4 and v.bottom > top + 4)
    moved = []
    for column in columns:
        left = _nearest(rules, column.x0) if column.x0 > -_INF else -_INF
        right = _nearest(rules, column.x1) if column.x1 < _INF else _INF
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
        counts = [sum(1 for line in lines if _touches(line, x)) for x in steps]
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
    edges = [-_INF, *borders, _INF]
    return tuple(
        Column(c.role, a, b, c.header)
        for c, (a, b) in zip(columns, itertools.pairwise(edges), strict=True)
    )


def _touches(line: Line, x: float) -> bool:
    return any(w.x0 - 0.5 <= x <= w.x1 + 0.5 for w in line.words)


def _crosses(line: Line, columns: Sequence[Column]) -> bool:
    """A word running over a column border: prose, not a grid line."""
    return any(w.x0 < c.x1 - 1 < w.x1 - 2 for w in line.words for c in columns[:-1])


# ---------------------------------------------------------------------------------------------
# The body of a grid on one page


@dataclass
class _RowDraft:
    page: int
    top: float
    bottom: float
    cells: dict[str, list[Line]]  # role → lines
    spanned: dict[str, bool] = field(default_factory=dict)

    def has_key(self, keys: Sequence[str]) -> bool:
        roles = keys or list(self.cells)
        return any(self.cells.get(role) for role in roles)

    def own_texts(self, below: Sequence[_RowDraft]) -> dict[str, str]:
        """The text of every cell that is this row's alone, not a spanning cell going on
        into the row below."""
        after = below[0].cells if below else {}
        return {
            role: " ".join(ln.text for ln in lines)
            for role, lines in self.cells.items()
            if lines and after.get(role) is not lines
        }

    def is_caption(self, captions: Mapping[str, str], below: Sequence[_RowDraft]) -> bool:
        """Every cell of its own holds captions printed under the grid's first header."""
        own = self.own_texts(below)
        return bool(own) and all(text in captions.get(role, "") for role, text in own.items())

    def absorb(self, other: _RowDraft) -> None:
        for role, lines in other.cells.items():
            if lines and not other.spanned.get(role):
                self.cells.setdefault(role, []).extend(lines)
        self.bottom = max(self.bottom, other.bottom)


@dataclass
class _Segment:
    columns: tuple[Column, ...]
    rows: list[_RowDraft]
    end: int  # index of the first page line after the segment
    page: int


def _segment(
    page: Page,
    lines: Sequence[Line],
    start: int,
    stop: int,
    columns: Sequence[Column],
    top: float,
    spec: GridSpec,
) -> _Segment:
    """The grid's body between `start` and `stop` (the next header): cut at the grid's foot,
    split into columns and rows."""
    body = list(lines[start:stop])
    ruled, foot = _ruled_columns(columns, page, top)
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
    rows = _rows(page, used, columns, top, bottom, spec) if used else []
    return _Segment(tuple(columns), rows, start + end, page.number)


def _without_tail(used: Sequence[Line], columns: Sequence[Column], spec: GridSpec) -> int:
    """Before another header, lines set apart below the last key text are that header's
    heading, not this grid's."""
    keyed = [
        i
        for i, line in enumerate(used)
        for c in columns
        if c.role in spec.keys and any(c.x0 <= w.middle_x < c.x1 for w in line.words)
    ]
    if not spec.keys or not keyed:
        return len(used)
    last = max(keyed)
    for i in range(last + 1, len(used)):
        if used[i].top - used[i - 1].bottom > 0.8 * used[i - 1].height:
            return i
    return len(used)


def _before_foreign(body: Sequence[Line], columns: Sequence[Column]) -> list[Line]:
    """The lines up to prose or a heading after the grid: a line that crosses a column
    border, is set larger than the grid, or stands after a wide gap."""
    if not body:
        return []
    size = statistics.median(w.size or w.height for line in body for w in line.words)
    height = statistics.median(line.height for line in body)
    kept: list[Line] = []
    for line in body:
        line_size = statistics.median(w.size or w.height for w in line.words)
        if line_size > 1.2 * size or _crosses(line, columns):
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
) -> list[_RowDraft]:
    per_column = _column_lines(page, used, columns)
    spans = [c.role in spec.spanning for c in columns]
    cuts = [
        _cuts(page, lines, column, top, bottom)
        for column, lines in zip(columns, per_column, strict=True)
    ]
    row_lines = [ln for lines, s in zip(per_column, spans, strict=True) if not s for ln in lines]
    threshold = _row_gap(per_column)
    rule_ys = _merge_ys(y for cut, s in zip(cuts, spans, strict=True) if not s for y in cut)
    rule_bands = list(itertools.pairwise([top, *rule_ys, bottom]))
    gap_bands = [
        _gap_bands([ln for ln in row_lines if a <= _mid(ln) < b], threshold) for a, b in rule_bands
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
        intervals = [(a, b) for a, b in rule_bands if any(a <= _mid(ln) < b for ln in row_lines)]
    if not intervals:
        return []
    mode = _alignment(per_column, spans, intervals)
    keyed = [
        any(id(ln) in key_lines and a <= _mid(ln) <= b for ln in row_lines) for a, b in intervals
    ]
    rows = [_RowDraft(page.number, a, b, {}) for a, b in intervals]
    for column, lines, cut, spanning in zip(columns, per_column, cuts, spans, strict=True):
        if column.role is None:
            continue
        if by_gaps and not spanning:
            cells = [[i] for i in range(len(rows))]
            texts = [[ln for ln in lines if a <= _mid(ln) <= b] for a, b in intervals]
        elif by_gaps:
            cells, texts = _spanning_cells(
                lines, cut, intervals, keyed, (top, bottom), mode, threshold
            )
        else:
            cells, texts = _ruled_cells(lines, cut, intervals, top, bottom)
        for covered, text in zip(cells, texts, strict=True):
            shared = list(text)  # one list for every row the cell covers: text added later
            for order, index in enumerate(covered):  # (from the next page) reaches them all
                rows[index].cells[column.role] = shared
                rows[index].spanned[column.role] = order > 0
    if by_gaps:
        rows = _merge_keyless(rows, spec.keys)
    return rows


def _cuts(
    page: Page, lines: Sequence[Line], column: Column, top: float, bottom: float
) -> list[float]:
    """The y of every horizontal rule across this column's text (its borders when it has
    none), top to bottom. Not across its borders: an unruled grid's are only estimates."""
    if lines:
        left, right = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    else:
        left, right = column.x0 + 2, column.x1 - 2
    if not -_INF < left < right < _INF:
        return []
    ys = [
        r.y
        for r in page.rules
        if top + 1 < r.y < bottom - 1 and r.x0 <= left + 2 and r.x1 >= right - 2
    ]
    return _merge_ys(ys)


def _merge_ys(ys: Iterable[float]) -> list[float]:
    merged: list[float] = []
    for y in sorted(ys):
        if not merged or y - merged[-1] > 2:
            merged.append(y)
    return merged


def _row_gap(per_column: Sequence[Sequence[Line]]) -> float:
    """A gap wider than this between lines is a row border: the gap between a cell's own
    wrapped lines plus a margin."""
    heights = [ln.height for lines in per_column for ln in lines] or [10.0]
    height = statistics.median(heights)
    gaps = [
        b.top - a.bottom
        for lines in per_column
        for a, b in itertools.pairwise(lines)
        if b.top - a.bottom < 0.9 * height
    ]
    inner = statistics.median(gaps) if gaps else 0.25 * height
    return max(inner, 0.0) + max(1.5, 0.25 * height)


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
            if any(id(ln) in keys and band[0] <= _mid(ln) <= band[1] for ln in row_lines)
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
            texts.append([ln for ln in lines if a <= _mid(ln) < b])
    return covered, texts


def _spanning_cells(
    lines: Sequence[Line],
    cut: Sequence[float],
    intervals: Sequence[tuple[float, float]],
    keyed: Sequence[bool],
    extent: tuple[float, float],
    mode: str,
    threshold: float,
) -> tuple[list[list[int]], list[list[Line]]]:
    """An unruled spanning column: its text blocks, each given the rows it is aligned with.
    Rows before the first row with key text (captions) are no block's."""
    covered: list[list[int]] = []
    texts: list[list[Line]] = []
    for a, b in itertools.pairwise([extent[0], *cut, extent[1]]):
        rows = [i for i, (r0, r1) in enumerate(intervals) if a <= (r0 + r1) / 2 < b]
        rows = rows[next((n for n, i in enumerate(rows) if keyed[i]), len(rows)) :]
        inside = [ln for ln in lines if a <= _mid(ln) < b]
        blocks = _blocks(inside, threshold)
        if not rows or not blocks:
            continue
        for owned, block in _align_blocks(blocks, [intervals[i] for i in rows], mode):
            covered.append([rows[i] for i in owned])
            texts.append(block)
    return covered, texts


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
    is nearest its own middle."""
    spans: list[tuple[int, int]] = []
    start = 0
    for n, (anchor, lines) in enumerate(anchors):
        middle = (lines[0].top + lines[-1].bottom) / 2
        limit = anchors[n + 1][0] - 1 if n + 1 < len(anchors) else len(rows) - 1
        if n + 1 == len(anchors):
            end = limit
        else:
            end = min(
                range(max(anchor, start), limit + 1),
                key=lambda e: abs((rows[start][0] + rows[e][1]) / 2 - middle),
            )
        spans.append((start, end))
        start = end + 1
    return spans


def _alignment(
    per_column: Sequence[Sequence[Line]],
    spans: Sequence[bool],
    intervals: Sequence[tuple[float, float]],
) -> str:
    """How the grid sets text in a cell taller than it: 'top', 'middle' or 'bottom', from rows
    whose non-spanning cells differ in height. Top, the common default, when nothing tells."""
    votes = {"top": 0, "middle": 0, "bottom": 0}
    for a, b in intervals:
        extents = []
        for lines, spanning in zip(per_column, spans, strict=True):
            inside = [ln for ln in lines if a <= _mid(ln) <= b]
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
    return max(votes, key=lambda k: (votes[k], k == "top"))


def _spread(values: Sequence[float]) -> float:
    return max(values) - min(values)


def _merge_keyless(rows: list[_RowDraft], keys: Sequence[str]) -> list[_RowDraft]:
    """A run of lines with no key text (a second paragraph of a comment) belongs to the row
    above it."""
    merged: list[_RowDraft] = []
    for row in rows:
        if merged and not row.has_key(keys):
            merged[-1].absorb(row)
        else:
            merged.append(row)
    return merged


# ---------------------------------------------------------------------------------------------
# A grid over its pages


class _Draft:
    """A grid being read, segment by segment (a page's part of it)."""

    def __init__(self, header: Header, above: tuple[Line, ...], page: int, spec: GridSpec) -> None:
        self.header = header
        self.above = above
        self.page = page
        self.spec = spec
        self.columns: tuple[Column, ...] = header.columns
        self.rows: list[_RowDraft] = []
        self.last_page = page
        self.captions: dict[str, str] = {}  # role → caption text under the header, not data
        self.room: dict[str, float] = {}  # role → what a line of the column can hold

    def add(self, segment: _Segment, continued: bool) -> None:
        self.columns = segment.columns
        self.last_page = segment.page
        for column in segment.columns:
            lines = [ln for row in segment.rows for ln in row.cells.get(column.role or "", [])]
            if column.role and lines:
                room = max(self.room.get(column.role, 0.0), _room(column, lines))
                self.room[column.role] = room
        rows = list(segment.rows)
        if not continued:
            while rows and not rows[0].has_key(self.spec.keys):  # no key text under the header
                for role, text in _drop_first(rows).items():
                    self.captions[role] = f"{self.captions.get(role, '')} {text}"
        while rows and rows[0].is_caption(self.captions, rows[1:2]):
            _drop_first(rows)  # the captions under a repeated header
        if continued and rows and self.rows:
            self._join(rows)
        self.rows += rows

    def _join(self, rows: list[_RowDraft]) -> None:
        """The top of a new page against the last row of the page before. A first row whose
        key text is missing or goes on in lower case is the rest of a row broken over the
        page break; a spanning cell left empty at the top of the page is the one above."""
        last, first = self.rows[-1], rows[0]
        key = " ".join(ln.text for k in self.spec.keys for ln in first.cells.get(k, []))
        broken = not first.has_key(self.spec.keys) or key[:1].islower()
        spanning = set(self.spec.spanning) | {
            role for row in self.rows for role, spanned in row.spanned.items() if spanned
        }
        for role in {c.role for c in self.columns if c.role}:
            head = first.cells.get(role)
            if broken and head:
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
            rows.pop(0)

    def grid(self) -> Grid:
        rows = tuple(
            GridRow(
                page=row.page,
                top=row.top,
                cells={
                    role: Cell(
                        tuple(lines), row.spanned.get(role, False), self.room.get(role, _INF)
                    )
                    for role, lines in row.cells.items()
                },
            )
            for row in self.rows
            if any(row.cells.values())
        )
        return Grid(
            columns=self.columns,
            header=self.header.lines,
            above=self.above,
            rows=rows,
            page=self.page,
            top=self.header.top,
        )


def _drop_first(rows: list[_RowDraft]) -> dict[str, str]:
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
    if column.x0 == -_INF or column.x1 == _INF:
        return _INF
    padding = max(0.0, min(ln.x0 for ln in lines) - column.x0)
    return max(widest, column.x1 - column.x0 - 2 * padding)


def _mid(line: Line) -> float:
    return (line.top + line.bottom) / 2
