"""Grid headers: lines set close together that name at least a few columns, each in a cell
of its own. The cells come from vertical rules or from the gaps between words; each is named
by the first header synonym of its title (bold or larger words, when the cell has a caption
in plain or smaller type), and words broken inside narrow cells are matched on their letters
run together."""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from .grid_model import INF, Column, GridSpec
from .page import Line, Page, Rule, Word
from .text import clean_token, token_matches


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
        ceiling = headers[-1].last if headers else 0
        header = _header_at(page, lines, hits, index, spec, ceiling)
        if header is None:
            index += 1
            continue
        headers.append(header)
        index = header.last
    return headers


def _header_at(
    page: Page,
    lines: Sequence[Line],
    hits: list[set[str]],
    index: int,
    spec: GridSpec,
    ceiling: int = 0,
) -> Header | None:
    """The header whose seed is line `index`; it starts no higher than line `ceiling` (the
    end of the header above)."""
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
    if len(roles) < min(2, spec.min_roles):  # names broken over lines count in the band
        return None
    seed_top = first_line.top
    seed_bottom = max(line.bottom for line in lines[index:seed_end])
    first, last, bottom = _band(page, lines, index, seed_end, seed_top, seed_bottom)
    while last - first > 1 and _runs_across(lines[first], lines[first + 1 : last]):
        if first == index:
            return None  # prose that happens to hold a header word: the header is below
        first += 1  # prose set close above the header
    band = lines[first:last]
    columns = _header_columns(page, band, spec)
    if not all(c.role for c in columns):  # a name may stand higher than the band
        raised = _raised(page, lines, ceiling, first, last, spec, columns)
        if raised < first:
            first, band = raised, lines[raised:last]
            columns = _header_columns(page, band, spec)
    named = [c.role for c in columns if c.role]
    if len(named) < spec.min_roles or (spec.keys and not set(spec.keys) & set(named)):
        return None
    top = min(line.top for line in band)
    return Header(first, last, top, bottom, tuple(columns), tuple(band))


def _raised(
    page: Page,
    lines: Sequence[Line],
    ceiling: int,
    first: int,
    last: int,
    spec: GridSpec,
    columns: Sequence[Column],
) -> int:
    """The band's first line, raised over the cells that stand taller than the rest: in a
    header set on its cells' foot, a long name wraps over more lines than its neighbours
    ("MÅLUPPFYL" / "LELSE" / a legend) and starts well above them, often in a line of its
    own or shared with other cells' upper lines. OCR tells neither weights nor sizes surely
    enough to see these as header type, so each line above is taken by where it stands: in
    the band's columns, set close on the header words under it. The band is raised only as
    far as the line that completes a name not named yet; a heading above the header (set
    close on its first column, or apart) names none."""
    band = list(lines[first:last])
    cells = _split_by_gaps(band)
    stacked = first
    while (
        stacked > max(ceiling, first - _RAISE_LINES)
        and _stacked_on(lines[stacked - 1], band, page)
        and not _runs_over(lines[stacked - 1], cells)
    ):
        stacked -= 1
        band.insert(0, lines[stacked])
    named = {first: {c.role for c in columns if c.role}}
    if stacked == first or not _named(page, lines[stacked:last], spec) > named[first]:
        return first  # the lines stacked above name nothing more (one look, names cost)
    for top in range(first - 1, stacked - 1, -1):
        named[top] = _named(page, lines[top:last], spec)
    for top in range(stacked, first):
        if named[top] > named[first] and named[top] - named[top + 1]:
            return top
    return first


def _stacked_on(line: Line, band: Sequence[Line], page: Page) -> bool:
    """A line with a word set close on a word of the band below it, no rule between."""
    below = [w for other in band for w in other.words]
    return any(
        other.x0 < word.x1
        and word.x0 < other.x1
        and other.top - word.bottom <= _STACK * max(word.height, other.height)
        and not any(
            word.bottom < r.y < other.top and r.x0 < word.x1 and word.x0 < r.x1 for r in page.rules
        )
        for word in line.words
        for other in below
    )


# A line apart at most, in header words: OCR may leave a line of a legend unread ("3 = medel/hög").
_STACK = 1.5
_RAISE_LINES = 16  # a header's tallest cell stands at most this many lines over the rest


def _named(page: Page, band: Sequence[Line], spec: GridSpec) -> set[str]:
    return {c.role for c in _header_columns(page, band, spec) if c.role}


def _runs_across(line: Line, below: Sequence[Line]) -> bool:
    """A line whose words run on, a word space apart, over the column gap between two header
    cells of the lines below it: a sentence ("Här redovisas aktiviteter för kvalitet …"),
    not a header line. Cells a few points apart (OCR's gap inside "1 – mycket låg") are no
    columns."""
    return _runs_over(line, _split_by_gaps(below))


def _runs_over(line: Line, below: Sequence[tuple[list[Word], float, float]]) -> bool:
    """_runs_across, given the cells of the lines below."""
    cells = [(left, right) for _, left, right in below]
    for phrase, left, right in _split_by_gaps([line]):
        over = [(a, b) for a, b in cells if a < right and left < b]
        gaps = [c - b for (_, b), (c, _) in itertools.pairwise(over)]
        if len(phrase) > 1 and any(gap > 1.5 * line.height for gap in gaps):
            return True
    return False


def _band(
    page: Page, lines: Sequence[Line], start: int, end: int, top: float, bottom: float
) -> tuple[int, int, float]:
    """The whole header band around its seed lines: between the rules above and below it when
    the grid is ruled, else the lines set as closely as the seed's own. The grid's top is
    where the column rules through the seed begin (a header set in the middle of its cells
    may start well above the seed), or a rule just above it."""
    width = _extent(lines[start:end])
    below = [r for r in page.rules if r.y > bottom - 1 and _covers(r, width, 0.5)]
    above = [r for r in page.rules if r.y < top + 1 and _covers(r, width, 0.5)]
    through = [v.top for v in page.vrules if v.top < top and v.bottom > bottom]
    height = statistics.median(line.height for line in lines[start:end]) or 10.0
    largest = max(w.size for line in lines[start:end] for w in line.words)
    first = start
    if len(through) >= 2 or (above and top - max(r.y for r in above) < 2 * height):
        ceiling = max(through) if len(through) >= 2 else max(r.y for r in above)
        while first > 0 and lines[first - 1].top > ceiling - 1:
            first -= 1
    else:
        while first > 0 and _close(lines[first - 1], lines[first], height, largest):
            first -= 1
    last = end
    if below and min(r.y for r in below) - bottom < 12 * height:
        floor = _floor(page, lines, sorted(r.y for r in below), (top, bottom), largest)
        while last < len(lines) and lines[last].bottom <= floor + 1:
            last += 1
        return first, last, floor
    while last < len(lines) and _close(lines[last], lines[last - 1], height, largest):
        last += 1
    return first, last, lines[last - 1].bottom + 0.5


def _floor(
    page: Page,
    lines: Sequence[Line],
    ys: Sequence[float],
    seed: tuple[float, float],
    largest: float,
) -> float:
    """The rule under the header: the first below its seed, or a later one when the header's
    column borders run on down to it and the row between holds only header type: bold (a
    name wrapped or centred), or captions set in a row of their own under the names ("Datum
    då aktiviteterna ska vara genomförda"), clearly smaller than the row below. OCR tells no
    weights and measures sizes only roughly, so the captions are told by the row below, not
    by the names: a body row is set as large as the next, a caption row is not."""
    top, bottom = seed
    frame = [v for v in page.vrules if v.top <= top + 2 and v.bottom >= bottom - 2]
    floor = ys[0]
    for deeper, after in itertools.pairwise([*ys[1:], INF]):
        row = [ln for ln in lines if floor < ln.top and ln.bottom <= deeper + 1]
        # The row below begins right under the rule; text further down is none of the grid's.
        near = deeper + 2 * max((ln.height for ln in row), default=0.0)
        below = [ln for ln in lines if deeper < (ln.top + ln.bottom) / 2 < min(after, near)]
        framed = len({round(v.x) for v in frame if v.bottom >= deeper - 1}) >= 3
        if not row or not framed:
            break
        # A text layer gives weights and sizes: a row in plain type as large as the names is
        # a body row. OCR gives neither surely; there the row below tells.
        printed = all(w.confidence >= 1.0 for line in row for w in line.words)
        if printed and not all(_header_type(ln, largest) for ln in row):
            break
        names = all(w.bold for line in row for w in line.words)  # a name wrapped or centred
        if not names and (not below or _size(row) >= _CAPTION * _size(below)):
            break
        floor = deeper
    return floor


_CAPTION = 0.9  # a caption row's type is at most this share of the row below it


def _size(lines: Sequence[Line]) -> float:
    return statistics.median(w.size or w.height for line in lines for w in line.words)


def _header_type(line: Line, largest: float) -> bool:
    """Bold (a name wrapped or centred) or smaller than the header's names (a caption)."""
    return all(w.bold or w.size < largest - 0.5 for w in line.words)


def _close(line: Line, neighbour: Line, height: float, largest: float) -> bool:
    """A line of an unruled header next to its seed: set as closely, and in the header's
    type: bold (a name wrapped or centred) or smaller (a caption), never larger (a heading)
    nor plain at full size (the first row). Stacked in one cell, a title and its caption may
    be set a paragraph apart."""
    gap = max(line.top - neighbour.bottom, neighbour.top - line.bottom)
    size = max(w.size for w in line.words)
    stacked = line.x0 < neighbour.x1 and neighbour.x0 < line.x1
    close = gap <= (0.8 if stacked else 0.5) * height and size <= largest + 0.5
    return close and _header_type(line, largest)


def _extent(lines: Sequence[Line]) -> tuple[float, float]:
    return min(line.x0 for line in lines), max(line.x1 for line in lines)


def _covers(rule: Rule, extent: tuple[float, float], share: float) -> bool:
    left, right = extent
    overlap = min(rule.x1, right) - max(rule.x0, left)
    return overlap >= share * (right - left)


def _tokens(words: Sequence[Word]) -> list[str]:
    """Folded header tokens; "ANALYS/SLUTSATS" is two."""
    return [t for w in words for t in clean_token(w.text).replace("/", " / ").split()]


def _words_named(tokens: list[str], spec: GridSpec) -> dict[str, int]:
    """Role → the first position where one of its synonyms stands word by word."""
    initials = {t[:1] for t in tokens}  # _same_word needs the initial: skip the rest cheaply
    found: dict[str, int] = {}
    for role, synonym in spec.synonyms:
        if synonym[0][:1] in initials and (at := _find(tokens, synonym)) is not None:
            found[role] = min(found.get(role, at), at)
    return found


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
    """The roles a line names, one per cell: a sentence of a body cell ("Månadsvisa
    uppföljningar med analys och åtgärder.") names no more than its first, while a header
    line names one in each of its cells."""
    tokens = _tokens(line.words)
    roles = set(_words_named(tokens, spec))
    if len(roles) < 2:
        return roles
    cells = _split_by_gaps([line])
    return {found[0][1] for words, _, _ in cells if (found := _first_role(words, spec))}


def _first_role(words: Sequence[Word], spec: GridSpec) -> list[tuple[int, str]]:
    """(position, role) for every role the cell names, the earliest first: the header title
    comes before its caption. A title that names nothing gives way to the whole cell: OCR
    measures sizes only roughly, so the largest words may be one line of a wrapped title
    ("ÖNSKVÄRT" without "RESULTAT"). And the whole cell's roles follow the title's: the
    largest words OCR measured may be a caption's ("aktiviteten enligt", whose role the
    column beside holds) when the name is a short word apart ("Klart")."""
    title = _roles_named(_tokens(_title_words(words)), spec)
    named = {role for _, role in title}
    rest = [(len(words) + p, r) for p, r in _roles_named(_tokens(words), spec) if r not in named]
    return title + rest


def _roles_named(tokens: list[str], spec: GridSpec) -> list[tuple[int, str]]:
    """(position, role) for every role the tokens name, in order. Words broken inside a
    narrow cell ("VERKSAMHETSM" + "ÅL") are matched on the letters run together, for
    synonyms long enough not to match by chance."""
    found = _words_named(tokens, spec)
    letters, owner = "", []
    for position, token in enumerate(tokens):
        kept = "".join(ch for ch in token if ch.isalpha())
        letters += kept
        owner += [position] * len(kept)
    for role, synonym in spec.synonyms:
        wanted = "".join(ch for ch in "".join(synonym) if ch.isalpha())
        if role not in found and len(wanted) >= 8 and (at := _letters_at(letters, wanted)) >= 0:
            found[role] = owner[at]
    return sorted((position, role) for role, position in found.items())


def _letters_at(letters: str, wanted: str) -> int:
    """Where `wanted` stands in a cell's letters run together: exactly, or, for a long
    name, with a letter or two misread in a broken word ("MÅLUPPFY" + "LÅLLELSE"), one edit
    in seven letters at most. -1 when it does not."""
    at = letters.find(wanted)
    if at >= 0 or len(wanted) < 12:
        return at
    most = len(wanted) // 7
    best = (most + 1, -1)
    for start in _near_pieces(letters, wanted, most):
        for length in range(len(wanted) - most, len(wanted) + most + 1):
            if start + length > len(letters):
                break
            edits = Levenshtein.distance(letters[start : start + length], wanted, score_cutoff=most)
            best = min(best, (edits, start))
    return best[1] if best[0] <= most else -1


def _near_pieces(letters: str, wanted: str, most: int) -> list[int]:
    """The starts at which `wanted` may stand with `most` edits: cut into `most` + 1 pieces,
    one piece is found unchanged, so the match starts within `most` of where that piece puts
    it. Spares trying every start of every line of every page."""
    size = len(wanted) // (most + 1)
    starts: set[int] = set()
    for k in range(most + 1):
        offset = k * size
        piece = wanted[offset : offset + size if k < most else None]
        at = letters.find(piece)
        while at >= 0:
            starts.update(range(max(0, at - offset - most), at - offset + most + 1))
            at = letters.find(piece, at + 1)
    return sorted(s for s in starts if s < len(letters))


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
    _yield_names(roles, claims)
    columns = []
    for index, (cell_words, left, right) in enumerate(cells):
        ordered = sorted(cell_words, key=lambda w: (round(w.top), w.x0))
        text = " ".join(w.text for w in ordered)
        columns.append(Column(roles.get(index), left, right, text))
    return columns


def _yield_names(roles: dict[int, str], claims: list[tuple[int, int, str]]) -> None:
    """A cell left unnamed because the one name it gives went to another cell: that cell
    takes another name it gives, still free, and leaves this one its own. A caption may
    repeat a column's name ("i förhållande till verksamhetsmålet" under "MÅLUPPFYLLELSE"),
    and OCR, which tells no weights, may take the caption for the title."""
    given: dict[int, list[str]] = {}
    for _, index, role in claims:
        given.setdefault(index, []).append(role)
    for index, names in given.items():
        if index in roles:
            continue
        for role in names:
            holder = next(i for i, r in roles.items() if r == role)
            spare = [r for r in given[holder] if r not in roles.values()]
            if spare:
                roles[holder], roles[index] = spare[0], role
                break


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

    # Pairs by left edge: once a word starts beyond the widest space, none further joins.
    order = sorted(range(len(words)), key=lambda i: words[i][0].x0)
    reach = 0.6 * max((w.size or w.height for w, _ in words), default=0.0)
    for position, i in enumerate(order):
        a, line_a = words[i]
        for j in order[position + 1 :]:
            b, line_b = words[j]
            if b.x0 > a.x1 + reach:
                break
            gap = b.x0 - min(a.x1, b.x1)
            space = 0.6 * max(a.size or a.height, b.size or b.height)
            if (line_a == line_b and gap <= space) or (line_a != line_b and gap < 0):
                parent[root(i)] = root(j)
    groups: dict[int, list[Word]] = {}
    for i, (word, _) in enumerate(words):
        groups.setdefault(root(i), []).append(word)
    ordered = sorted(groups.values(), key=lambda g: min(w.x0 for w in g))
    return [(g, min(w.x0 for w in g), max(w.x1 for w in g)) for g in ordered]
