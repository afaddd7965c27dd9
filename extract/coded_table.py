"""Reconstruct tables whose rows are identified by hierarchical codes ("3", "3.4") and whose
value columns are named by header words, such as the Kommunkompassen overview tables.

The hard part is wrapped text: a row's text may span several lines, and its code and numbers
may sit on the first line (Word's default), the last (reportlab's default) or the middle one.
Every line of a table region is either an *anchor* (a header, a coded row, a total) or a *free*
line; free lines are split between neighbouring anchors by the strongest evidence there is:
ruling lines (or shading edges), then vertical gaps, then the table's own alignment habit
learned from its unambiguous rows. Numbers are matched to rows in reading order, which holds
whatever the vertical alignment, because rows never interleave.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum, auto

from rapidfuzz import fuzz

from .lines import MARGIN, group_lines, page_lines
from .page import Line, Page, Rule, Word
from .text import clean_token, fold, join_wrapped, token_matches

_CODE = re.compile(r"^(\d{1,2})(?:[.,](\d{1,2}))?[.:]?$")
_AREA_WORD = {"omrade", "område"}
_SUBCODE = re.compile(r"^\d{1,2}[.,]\d{1,2}\.?$")
DAMAGED = "?"  # prefix of a code that OCR could not read; its place in the sequence tells
# A row that sums the rows above it (also read by table_checks for the small tables).
TOTAL_LABEL = re.compile(
    r"^(summa|totalt?|total\s*po\S*ng|delsumma|s:a|sammanlagt|samtliga)(\b|[¹²³*†])", re.I
)
_JUNK = re.compile(r"^[\W_]{1,2}$")
_NUMERIC = re.compile(r"^[+\-−–]?\d+(?:[.,]\d+)?%?$")
_DASH = {"-", "–", "—", "−"}


class Kind(Enum):
    HEADER = auto()
    CODED = auto()
    TOTAL_LABEL = auto()
    NUMBERS = auto()
    TEXT = auto()
    FOREIGN = auto()


@dataclass(frozen=True)
class Columns:
    """Where the value columns of a table are, learned from its header line."""

    order: tuple[str, ...]  # roles left to right
    bounds: tuple[float, ...]  # x boundaries between consecutive value columns
    text_limit: float  # words right of this are in the value columns

    def role_at(self, x: float) -> str:
        index = sum(1 for bound in self.bounds if x > bound)
        return self.order[index]


@dataclass
class TableLine:
    line: Line
    kind: Kind
    code: str | None = None
    text_words: tuple[Word, ...] = ()
    values: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.text_words)

    @property
    def page(self) -> int:
        return self.line.page


@dataclass
class Row:
    """One anchor (a coded row, a header, a total) with the wrapped lines that belong to it."""

    anchor: TableLine
    kind: Kind
    lines: list[TableLine] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)

    @property
    def code(self) -> str | None:
        return self.anchor.code

    @property
    def page(self) -> int:
        return self.anchor.page

    @property
    def text(self) -> str:
        ordered = sorted(self.lines, key=_reading_order)
        return join_wrapped([t.text for t in ordered])


@dataclass
class Section:
    """An area: its code and printed title, its printed total and its coded items."""

    code: str | None
    title: str
    page: int
    total: dict[str, str] | None = None
    items: list[Row] = field(default_factory=list)


@dataclass(frozen=True)
class HeaderMatch:
    columns: Columns
    first_header_index: int


# ---------------------------------------------------------------------------------------------
# Header recognition


def match_header(line: Line, synonyms: dict[str, Sequence[str]]) -> HeaderMatch | None:
    """A header line names at least two value columns, and only headers follow the first one.
    "Max Poäng" may be one column ("Max poäng") or two: the reading naming more columns wins."""
    folded = [clean_token(w.text) for w in line.words]
    candidates = [(role, fold(s).split()) for role, names in synonyms.items() for s in names]
    best: list[tuple[int, int, str]] = []
    for longest_first in (True, False):
        ordered = sorted(candidates, key=lambda c: -len(c[1]) if longest_first else len(c[1]))
        spans = _header_spans(folded, ordered)
        if len(spans) > len(best):
            best = spans
    if len(best) == 1:
        best += _misread_header(line, folded, candidates, best)
    if len(best) < 2:
        return None
    used = {i for first, last, _ in best for i in range(first, last + 1)}
    first = min(s[0] for s in best)
    if any(i not in used and not _speck(line.words[i]) for i in range(first, len(line.words))):
        return None  # words after the headers: prose that mentions "max" and "poäng"
    best.sort()
    order = tuple(role for *_, role in best)
    lefts = [line.words[s[0]].x0 for s in best]
    rights = [line.words[s[1]].x1 for s in best]
    bounds = tuple((rights[i] + lefts[i + 1]) / 2 for i in range(len(best) - 1))
    before = line.words[first - 1].x1 if first > 0 else lefts[0] - 40
    text_limit = lefts[0] - min(12.0, max(2.0, (lefts[0] - before) * 0.4))
    return HeaderMatch(Columns(order, bounds, text_limit), first)


def _misread_header(
    line: Line,
    folded: list[str],
    candidates: list[tuple[str, list[str]]],
    found: list[tuple[int, int, str]],
) -> list[tuple[int, int, str]]:
    """Beside one header OCR read well ("Max"), a word it read badly ("Uppnarr") that is still
    close to another column's header: only on OCR'd lines, only long header words."""
    used = {i for first, last, _ in found for i in range(first, last + 1)}
    roles = {role for *_, role in found}
    for index, word in enumerate(line.words):
        if index in used or word.confidence >= 1.0 or len(folded[index]) < 5:
            continue  # a word from a text layer is read as printed
        for role, tokens in candidates:
            if (
                role not in roles
                and len(tokens) == 1
                and len(tokens[0]) >= 5
                and fuzz.ratio(folded[index], tokens[0]) >= 60
            ):
                return [(index, index, role)]
    return []


def _speck(word: Word) -> bool:
    """A scrap OCR made of a border or a shadow: short and read with little confidence."""
    return word.confidence < 0.5 and len(word.text) <= 2


def _header_spans(
    folded: list[str], candidates: list[tuple[str, list[str]]]
) -> list[tuple[int, int, str]]:
    """(first word, last word, role) of each column header found, one per role."""
    spans: list[tuple[int, int, str]] = []
    used: set[int] = set()
    for role, tokens in candidates:
        if any(span[2] == role for span in spans):
            continue
        for start in range(len(folded) - len(tokens) + 1):
            window = range(start, start + len(tokens))
            if any(i in used for i in window):
                continue
            if all(token_matches(folded[i], t) for i, t in zip(window, tokens, strict=True)):
                spans.append((start, start + len(tokens) - 1, role))
                used.update(window)
                break
    return spans


def _side_by_side(lines: Sequence[Line], synonyms: dict[str, Sequence[str]]) -> list[float]:
    """x boundaries between tables printed side by side: a line holding two header groups."""
    tokens = {t for names in synonyms.values() for name in names for t in fold(name).split()}
    bounds: list[float] = []
    for line in lines:
        flags = [any(token_matches(clean_token(w.text), t) for t in tokens) for w in line.words]
        runs: list[tuple[int, int]] = []  # (first, last) header words in a row
        for index, flag in enumerate(flags):
            if flag and runs and runs[-1][1] == index - 1:
                runs[-1] = (runs[-1][0], index)
            elif flag:
                runs.append((index, index))
        runs = [r for r in runs if r[1] > r[0]]  # a header group names two columns or more
        for (_, end), _next in itertools.pairwise(runs):
            if end + 1 < len(line.words):
                bound = (line.words[end].x1 + line.words[end + 1].x0) / 2
                if all(abs(bound - b) > 20 for b in bounds):
                    bounds.append(bound)
    return bounds


# ---------------------------------------------------------------------------------------------
# Line classification


def classify(
    line: Line, columns: Columns, synonyms: dict[str, Sequence[str]], code_x0: float | None
) -> TableLine:
    header = match_header(line, synonyms)
    if header is not None:
        left = line.words[: header.first_header_index]
        code, text_words = _split_code(left, None)
        return TableLine(line, Kind.HEADER, code, text_words)
    # A word starting left of the value columns is text, however far it runs.
    left_words = [w for w in line.words if w.x0 <= columns.text_limit]
    value_words = [w for w in line.words if w.x0 > columns.text_limit]
    tokens = _value_tokens(value_words)
    if tokens is None:
        return TableLine(line, Kind.FOREIGN)
    values = _assign_values(tokens, columns)
    code, text_words = _split_code(left_words, code_x0)
    if code is not None:
        return TableLine(line, Kind.CODED, code, text_words, values)
    text = " ".join(w.text for w in text_words)
    if TOTAL_LABEL.match(text):
        return TableLine(line, Kind.TOTAL_LABEL, None, text_words, values)
    if not text_words or all(_JUNK.match(w.text) for w in text_words):
        if values:
            return TableLine(line, Kind.NUMBERS, None, (), values)
        return TableLine(line, Kind.TEXT, None, (), values)
    return TableLine(line, Kind.TEXT, None, text_words, values)


def _split_code(
    words: Sequence[Word], code_x0: float | None
) -> tuple[str | None, tuple[Word, ...]]:
    if not words:
        return None, ()
    first = words[0]
    if fold(first.text) in _AREA_WORD and len(words) > 1 and _CODE.match(words[1].text):
        return _normal_code(words[1].text), tuple(words[2:])
    match = _CODE.match(first.text)
    if _damaged_code(words, code_x0) and (
        not match or (match.group(2) is None and len(match.group(1)) == 2)
    ):
        return DAMAGED + first.text, tuple(words[1:])
    if not match:
        return None, tuple(words)
    if code_x0 is not None and abs(first.x0 - code_x0) > max(8.0, first.height * 1.2):
        return None, tuple(words)  # a number at the start of a wrapped line, not a code
    if match.group(2) is None and not first.text.endswith((".", ":")) and len(words) == 1:
        return None, tuple(words)  # a lone integer is a value, not an area code
    return _normal_code(first.text), tuple(words[1:])


def _damaged_code(words: Sequence[Word], code_x0: float | None) -> bool:
    """An OCR'd word in the code column that does not read as a code: "Li" for "1.1", "21" for
    "2.1". It stands alone at the code column's x, set apart from the text by a column gap."""
    first = words[0]
    if first.confidence >= 1.0 or code_x0 is None or len(first.text) > 4:
        return False
    if abs(first.x0 - code_x0) > max(4.0, first.height * 0.6):
        return False
    return len(words) == 1 or words[1].x0 - first.x1 > 0.8 * first.height


def _lost_code(table_line: TableLine, code_x0: float | None, text_x: float) -> bool:
    """An OCR'd row whose code was not read at all: it carries values and its text starts,
    capitalised, at the text column, right of an empty code column."""
    if table_line.kind is not Kind.TEXT or not table_line.values or not table_line.text_words:
        return False
    first = table_line.text_words[0]
    return (
        first.confidence < 1.0
        and code_x0 is not None
        and first.x0 > code_x0 + first.height
        and abs(first.x0 - text_x) < first.height
        and first.text[:1].isupper()
    )


def _normal_code(text: str) -> str:
    match = _CODE.match(text)
    assert match is not None
    return match.group(1) if match.group(2) is None else f"{match.group(1)}.{match.group(2)}"


def _value_tokens(words: Sequence[Word]) -> list[Word] | None:
    """The value-column words as tokens ('45 %' merged); None when prose runs into them."""
    tokens: list[Word] = []
    for word in words:
        text = word.text.strip("|[]()")
        if text == "%" and tokens:
            last = tokens[-1]
            tokens[-1] = Word(last.text + "%", last.x0, word.x1, last.top, last.bottom, last.size)
            continue
        if not text or (_JUNK.match(text) and text not in _DASH):
            continue
        letters = sum(c.isalpha() for c in text)
        if letters >= 3 and not any(c.isdigit() for c in text):
            return None
        tokens.append(Word(text, word.x0, word.x1, word.top, word.bottom, word.size))
    return tokens


def _assign_values(tokens: list[Word], columns: Columns) -> dict[str, str]:
    if not tokens:
        return {}
    if len(tokens) == len(columns.order):
        return {role: t.text for role, t in zip(columns.order, tokens, strict=True)}
    values: dict[str, str] = {}
    for token in tokens:
        role = columns.role_at(token.middle_x)
        if role in values:  # two tokens in one column: keep reading order
            later = [r for r in columns.order[columns.order.index(role) + 1 :] if r not in values]
            if not later:
                continue
            role = later[0]
        values[role] = token.text
    return values


# ---------------------------------------------------------------------------------------------
# Regions: runs of lines that belong to a table


@dataclass
class Region:
    lines: list[TableLine]
    columns: Columns
    text_x: float


def find_regions(lines: Sequence[Line], synonyms: dict[str, Sequence[str]]) -> list[Region]:
    regions: list[Region] = []
    current: Region | None = None
    code_columns = _code_columns(lines)
    sizes: list[float] = []
    outside: list[Line] = []  # recent lines not in any region, for the look-back
    content = [line for line in lines if not line.furniture]
    tokens = {t for names in synonyms.values() for name in names for t in fold(name).split()}
    skip_next = 0
    for index, line in enumerate(content):
        if skip_next:
            skip_next -= 1
            continue
        header = match_header(line, synonyms)
        stacked, joined = line, 0
        for below in content[index + 1 : index + 3]:  # a header may take up to three lines
            merged = _stacked(stacked, below, tokens)
            if merged is None:
                break
            stacked, joined = merged, joined + 1
            stacked_header = match_header(stacked, synonyms)
            if stacked_header is not None and (
                header is None or len(stacked_header.columns.order) >= len(header.columns.order)
            ):
                line, header, skip_next = stacked, stacked_header, joined
        if header is not None:
            code_x0 = _nearest(code_columns, line.words[0].x0)
            code, text_words = _split_code(line.words[: header.first_header_index], code_x0)
            if code is not None and code_x0 is None:
                code_columns.append(line.words[0].x0)
            text_x = text_words[0].x0 if text_words else line.words[0].x0
            head = TableLine(line, Kind.HEADER, code, text_words)
            if current is not None:
                # The previous table's last free lines may be this header's first lines.
                tail = [t.line for t in current.lines if t.kind is Kind.TEXT and not t.values]
                above = _look_back(tail[-3:], head, header.columns, synonyms)
                taken = {id(t.line) for t in above}
                current.lines = [t for t in current.lines if id(t.line) not in taken]
                regions.append(current)
            else:
                above = _look_back(outside, head, header.columns, synonyms)
            current = Region([*above, head], header.columns, text_x)
            sizes = [w.size or w.height for w in line.words]
            outside = []
            continue
        if current is None:
            outside = [*outside[-2:], line]
            continue
        code_x0 = _nearest(code_columns, line.words[0].x0)
        table_line = classify(line, current.columns, synonyms, code_x0)
        if _running_header(current, table_line):
            continue
        if _ends_region(current, table_line, sizes):
            regions.append(current)
            current = None
            outside = [line]
            continue
        if _lost_code(table_line, code_x0, current.text_x):
            table_line.kind, table_line.code = Kind.CODED, DAMAGED
        if table_line.kind is Kind.CODED:
            if code_x0 is None:
                code_columns.append(line.words[0].x0)
            if table_line.text_words and len(current.lines) <= 2:
                current.text_x = min(current.text_x, table_line.text_words[0].x0)
        sizes.extend(w.size or w.height for w in line.words)
        current.lines.append(table_line)
    if current is not None:
        regions.append(current)
    return [r for r in regions if any(t.kind is Kind.CODED for t in r.lines)]


def _stacked(upper: Line, lower: Line, tokens: set[str]) -> Line | None:
    """A header printed on two lines ("Uppnådd" over "poäng", "Max-" over "poäng") as one
    line: header words standing over each other are joined, other words ("Fråga" centred in
    the header row) taken as they are. None unless the lines are tight and one of them is
    all header words."""
    if upper.page != lower.page or lower.top - upper.bottom > 0.8 * upper.height:
        return None
    if not (
        all(_is_header_word(w.text, tokens) for w in upper.words)
        or all(_is_header_word(w.text, tokens) for w in lower.words)
    ):
        return None  # one of the two lines holds nothing but header words
    merged: list[Word] = []
    used: set[int] = set()
    for word in lower.words:
        above = [
            (i, w)
            for i, w in enumerate(upper.words)
            if min(w.x1, word.x1) - max(w.x0, word.x0) > 0.3 * min(w.x1 - w.x0, word.x1 - word.x0)
            and (_is_header_word(w.text, tokens) or _is_header_word(word.text, tokens))
        ]
        if not above:
            merged.append(word)
            continue
        used.update(i for i, _ in above)
        top = " ".join(w.text for _, w in above)
        text = top[:-1] + word.text if top.endswith("-") else f"{top} {word.text}"
        left, right = min(word.x0, above[0][1].x0), max(word.x1, above[-1][1].x1)
        merged.append(Word(text, left, right, upper.top, word.bottom, word.size))
    merged += [w for i, w in enumerate(upper.words) if i not in used]
    # A joined header ("Uppnådd poäng") is split again into words, so that synonyms of
    # several words match word by word, as on a one-line header.
    words = [
        Word(part, w.x0, w.x1, w.top, w.bottom, w.size)
        for w in sorted(merged, key=lambda w: w.x0)
        for part in w.text.split()
    ]
    return Line(tuple(words), lower.page, lower.page_height)


def _is_header_word(text: str, tokens: set[str]) -> bool:
    cleaned = clean_token(text)
    return text.endswith("-") or any(token_matches(cleaned, t) for t in tokens)


def _code_columns(lines: Sequence[Line]) -> list[float]:
    """Where sub-area codes ("3.4") start, known before any row is read, so that a code OCR
    damaged in the very first row is still recognised by its place. Tables side by side have
    a code column each."""
    starts = sorted(
        line.words[0].x0
        for line in lines
        if not line.furniture and len(line.words) > 1 and _SUBCODE.match(line.words[0].text)
    )
    clusters: list[list[float]] = []
    for x in starts:
        if clusters and x - clusters[-1][-1] <= 8:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    return [c[len(c) // 2] for c in clusters if len(c) >= 2]


def _nearest(columns: list[float], x: float) -> float | None:
    return min(columns, key=lambda c: abs(c - x)) if columns else None


def _look_back(
    outside: list[Line], head: TableLine, columns: Columns, synonyms: dict[str, Sequence[str]]
) -> list[TableLine]:
    """Lines just above a header that belong to the table: an area title printed above a
    header without a code, or the first lines of a header cell centred or bottom-aligned."""
    taken: list[TableLine] = []
    below = head.line
    for line in reversed(outside):
        if line.page != below.page:
            break
        gap = below.top - line.bottom
        candidate = classify(line, columns, synonyms, None)
        if (
            head.code is None
            and not taken
            and candidate.kind is Kind.CODED
            and candidate.code is not None
            and "." not in candidate.code
            and not candidate.values
            and gap < 2.5 * line.height
        ):
            return [candidate]
        if (
            candidate.kind is Kind.TEXT
            and not candidate.values
            and -0.6 * line.height <= gap < 0.5 * line.height
        ):
            taken.insert(0, candidate)
            below = line
            continue
        break
    return taken


def _running_header(region: Region, candidate: TableLine) -> bool:
    """A line across the top of the next page, before the table goes on there: a running
    header that a short document does not repeat often enough to be known as one."""
    line = candidate.line
    return (
        candidate.kind is Kind.FOREIGN
        and line.page != region.lines[-1].page
        and bool(line.page_height)
        and line.bottom < line.page_height * MARGIN
    )


def _ends_region(region: Region, candidate: TableLine, sizes: list[float]) -> bool:
    if candidate.kind is Kind.FOREIGN:
        return True
    previous = region.lines[-1].line
    line = candidate.line
    body = statistics.median(sizes) if sizes else line.height
    if (
        candidate.kind is Kind.TEXT
        and line.page == previous.page
        and line.top - previous.bottom > 2.5 * body
    ):
        return True  # text after a gap: prose after the table (a coded row may follow a gap)
    if candidate.kind is Kind.TEXT and candidate.text_words:
        first = candidate.text_words[0]
        if first.x0 < region.text_x - max(3.0, 0.6 * body):
            return True  # starts left of the text column: prose after the table
        if (first.size or first.height) > 1.2 * body:
            return True  # a heading
    return False


# ---------------------------------------------------------------------------------------------
# Rows: anchors, numbers, and the split of wrapped text between anchors


def read_sections(
    pages: dict[int, Page], furniture: set[str], synonyms: dict[str, Sequence[str]]
) -> list[Section]:
    """All coded tables on the pages as sections of rows, in reading order."""
    lines: list[Line] = []
    for number in sorted(pages):
        page = pages[number]
        lines += page_lines(page, furniture, _side_by_side(group_lines(page), synonyms))
    rules = {number: page.rules for number, page in pages.items()}
    tables = []
    regions = find_regions(lines, synonyms)
    _resolve_damaged_codes([t for region in regions for t in region.lines])
    for region in regions:
        rows, free = _anchor_rows(region)
        rows, free = _match_values(rows, free)
        tables.append((region, rows, free))
    mode = _alignment_mode([(region, rows, free, rules) for region, rows, free in tables])
    sections: list[Section] = []
    for region, rows, free in tables:
        _split_free_text(region, rows, free, rules, mode)
        _group_sections(rows, sections)
    return [s for s in sections if any(item.values for item in s.items)]


def _resolve_damaged_codes(lines: Sequence[TableLine]) -> None:
    """Give codes OCR could not read their place in the sequence: an area header between
    areas 2 and 4 is 3, the row after 3.3 is 3.4. A damaged "34" that fits is taken as 3.4, and
    an OCR'd code that breaks the sequence where the next code goes on with it ("2.5" between
    1.4 and area 2) is taken as misread."""
    coded = [t for t in lines if t.code is not None]
    readable = [_readable(t) for t in coded]
    area, item = 0, 0
    for index, line in enumerate(coded):
        code = line.code
        assert code is not None
        following = next((r for r in readable[index + 1 :] if r is not None), None)
        if line.kind is Kind.HEADER or (
            "." not in code.lstrip(DAMAGED) and not code.startswith(DAMAGED)
        ):
            previous = area
            if code.startswith(DAMAGED):
                area = following[0] if following and following[1] else area + 1
                line.code = str(area)
            else:
                area = int(code)
            if area != previous:  # a header repeated on the next page goes on counting
                item = 0
            continue
        expected = (area, item + 1)
        parsed = readable[index]
        if parsed is not None and (
            parsed == expected or not _misread(line, parsed, expected, following)
        ):
            area, item = parsed
            continue
        raw = code.lstrip(DAMAGED)
        if raw.isdigit() and len(raw) == 2 and int(raw[0]) == area:
            expected = (area, int(raw[1]))
        area, item = expected
        line.code = f"{area}.{item}" if area else None
        if line.code is None:
            line.kind = Kind.TEXT


def _readable(line: TableLine) -> tuple[int, int] | None:
    code = line.code or ""
    if code.startswith(DAMAGED) or not code:
        return None
    area, _, item = code.partition(".")
    return int(area), int(item or 0)


def _misread(
    line: TableLine,
    parsed: tuple[int, int],
    expected: tuple[int, int],
    following: tuple[int, int] | None,
) -> bool:
    """An OCR'd code out of sequence whose successor follows the expected one instead."""
    if line.line.words[0].confidence >= 1.0 or expected[0] == 0:
        return False
    if parsed[0] not in (expected[0], expected[0] + 1):
        return True  # areas go on one at a time: "17.2" under area 7 is 7.2 with a speck
    if following is None:
        return parsed[0] != expected[0]
    after_expected = following in ((expected[0], expected[1] + 1), (expected[0] + 1, 0))
    return after_expected or (following[0] == expected[0] + 1 and following[1] == 0)


def _reading_order(table_line: TableLine) -> tuple[int, float]:
    return table_line.page, table_line.line.top


def _anchor_rows(region: Region) -> tuple[list[Row], list[TableLine]]:
    """A row for every anchor line; the rest are free lines (wrapped text, loose numbers)."""
    rows: list[Row] = []
    free: list[TableLine] = []
    for table_line in region.lines:
        if table_line.kind in (Kind.HEADER, Kind.CODED, Kind.TOTAL_LABEL):
            rows.append(Row(table_line, table_line.kind, [table_line]))
        else:
            free.append(table_line)
    return rows, free


def _is_area(row: Row) -> bool:
    return row.code is not None and "." not in row.code


def _is_item(row: Row) -> bool:
    return row.kind is Kind.CODED and not _is_area(row)


def _match_values(rows: list[Row], free: list[TableLine]) -> tuple[list[Row], list[TableLine]]:
    """Give every value tuple to its row: in reading order within an area when the counts
    agree (k items and k or k+1 tuples, the extra one being the area total)."""
    ordered = sorted([r.anchor for r in rows] + free, key=_reading_order)
    position = {id(t): i for i, t in enumerate(ordered)}
    groups = _area_groups(rows)
    free = list(free)
    for number, group in enumerate(groups):
        start = position[id(group[0].anchor)]
        end = position[id(groups[number + 1][0].anchor)] if number + 1 < len(groups) else None
        items = [r for r in group if _is_item(r)]
        head = group[0] if _is_area(group[0]) else None
        totals: list[tuple[int, Row]] = []
        if head is not None and head.anchor.values:
            head.values = dict(head.anchor.values)
        tuples = [
            t
            for t in ordered[start:end]
            if t.values
            and t.kind in (Kind.CODED, Kind.NUMBERS, Kind.TEXT)
            and (head is None or t is not head.anchor)
        ]
        if len(tuples) == len(items) + 1 and tuples[-1].kind is Kind.NUMBERS:
            last = tuples.pop()
            free.remove(last)
            total = Row(last, Kind.TOTAL_LABEL, [last])
            rows.append(total)
            totals.append((position[id(last)], total))
        totals += [(position[id(r.anchor)], r) for r in group if r.kind is Kind.TOTAL_LABEL]
        # The first total after the items is the area's; a later one is a grand total.
        if totals and not head_has_total(head):
            first = min(totals, key=lambda pair: pair[0])[1]
            first.values = dict(first.anchor.values)
        if len(tuples) == len(items):
            for table_line, item in zip(tuples, items, strict=True):
                item.values = dict(table_line.values)
            continue
        for table_line in tuples:  # counts disagree: each tuple to the row on its line or above
            above = [r for r in items if position[id(r.anchor)] <= position[id(table_line)]]
            target = above[-1] if above else (items[0] if items else None)
            if target is not None and not target.values:
                target.values = dict(table_line.values)
    rows.sort(key=lambda r: position[id(r.anchor)])
    return rows, free


def head_has_total(head: Row | None) -> bool:
    return head is not None and bool(head.values)


def _area_groups(rows: list[Row]) -> list[list[Row]]:
    """Rows grouped by area: a new group at an area row or where the item codes change area."""
    groups: list[list[Row]] = []
    prefix: str | None = None
    for row in rows:
        code_prefix = row.code.split(".")[0] if row.code else None
        starts = _is_area(row) or (_is_item(row) and prefix is not None and code_prefix != prefix)
        if not groups or starts:
            groups.append([row])
        else:
            groups[-1].append(row)
        if code_prefix is not None:
            prefix = code_prefix
    return groups


@dataclass(frozen=True)
class _Gap:
    size: float | None  # None across a page break
    ruled: bool


def _gap(upper: TableLine, lower: TableLine, rules: dict[int, Sequence[Rule]], x: float) -> _Gap:
    if upper.page != lower.page:
        return _Gap(None, False)
    top, bottom = upper.line.bottom, lower.line.top
    ruled = any(
        top - 1.5 <= r.y <= bottom + 1.5 and r.x0 <= x + 4 and r.x1 >= x + 30
        for r in rules.get(upper.page, ())
    )
    return _Gap(bottom - top, ruled)


@dataclass
class _Segment:
    upper: Row | None  # None: lines before the region's first anchor
    between: list[TableLine]
    lower: Row | None  # None: lines after the region's last anchor


def _segments(rows: list[Row], free: list[TableLine]) -> list[_Segment]:
    """The free text lines between each pair of neighbouring anchors."""
    text_lines = [t for t in free if t.text_words]
    anchors = sorted(rows, key=lambda r: _reading_order(r.anchor))
    segments = [_Segment(None, [], anchors[0] if anchors else None)]
    for row in anchors[1:]:
        segments.append(_Segment(segments[-1].lower, [], row))
    if anchors:
        segments.append(_Segment(anchors[-1], [], None))
    keys = [_reading_order(r.anchor) for r in anchors]
    for table_line in text_lines:
        index = sum(1 for key in keys if key <= _reading_order(table_line))
        segments[index].between.append(table_line)
    for segment in segments:
        segment.between.sort(key=_reading_order)
    return [s for s in segments if s.between]


def _alignment_mode(tables: list[tuple[Region, list[Row], list[TableLine], dict]]) -> str:
    """Where a row's anchor sits in its wrapped text: 'top', 'bottom' or 'middle'. Learned from
    the splits that rules or gaps make plain; Word's default, top, when nothing tells."""
    votes: Counter[str] = Counter()
    for region, rows, free, rules in tables:
        for segment in _segments(rows, free):
            if segment.upper is None or segment.lower is None:
                continue
            split = _evidence_split(segment, rules, region.text_x)
            if split == len(segment.between):
                votes["top"] += 1
            elif split == 0:
                votes["bottom"] += 1
            elif split is not None:
                votes["middle"] += 1
    return votes.most_common(1)[0][0] if votes else "top"


def _evidence_split(segment: _Segment, rules: dict, text_x: float) -> int | None:
    """How many of the free lines belong to the upper anchor, if rules or gaps say so."""
    assert segment.upper is not None and segment.lower is not None
    chain = [segment.upper.anchor, *segment.between, segment.lower.anchor]
    gaps = [_gap(a, b, rules, text_x) for a, b in itertools.pairwise(chain)]
    ruled = [i for i, g in enumerate(gaps) if g.ruled]
    if len(ruled) == 1:
        return ruled[0]
    sizes = sorted(((g.size, i) for i, g in enumerate(gaps) if g.size is not None), reverse=True)
    if len(sizes) >= 2:
        (largest, index), (second, _) = sizes[0], sizes[1]
        if largest - second >= 1.5 and largest >= 1.35 * max(second, 0.5):
            return index
    return None


def _split_free_text(
    region: Region, rows: list[Row], free: list[TableLine], rules: dict, mode: str
) -> None:
    for segment in _segments(rows, free):
        between = segment.between
        if segment.upper is None or segment.lower is None:
            owner = segment.lower or segment.upper
            assert owner is not None
            owner.lines.extend(between)  # before the first anchor or after the last one
            continue
        split = _evidence_split(segment, rules, region.text_x)
        if split is None:
            split = {"top": len(between), "bottom": 0}.get(mode, (len(between) + 1) // 2)
        segment.upper.lines.extend(between[:split])
        segment.lower.lines.extend(between[split:])


def _group_sections(rows: list[Row], sections: list[Section]) -> None:
    for row in rows:
        if _is_area(row):
            title = row.text.lstrip("–—-:. ")  # "Område 3 – Styrning och kontroll"
            sections.append(Section(row.code, title, row.page, row.values or None))
        elif _is_item(row) and row.code is not None:
            prefix = row.code.split(".")[0]
            if not sections or sections[-1].code != prefix:
                sections.append(Section(prefix, "", row.page))
            sections[-1].items.append(row)
        elif row.kind is Kind.TOTAL_LABEL and row.values and sections and not sections[-1].total:
            sections[-1].total = row.values
