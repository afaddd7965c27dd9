"""The `handlingsplan` table: action plans and their follow-ups → one row per activity, with its
goal, date, status or goal fulfilment.

The grids are rebuilt by grid.py. A profile says everything that differs between grid shapes:
which header words name which output column, which columns make a row and which span rows,
what the heading above a grid names (a perspective, a unit), and whether a goal cell starts
with a short goal followed by its description. A new shape is a new profile file.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, fields

from .context import DocumentContext, KindResult
from .grid import Cell, Grid, GridRow, GridSpec, read_grids
from .lines import is_furniture_text
from .page import Line
from .profiles import Profile, ProfileError
from .records import HandlingsplanRow
from .reread import checked_text
from .text import fold, join_wrapped
from .values import normalise_status, parse_date

_FIELDS = {f.metadata["column"]: f.name for f in fields(HandlingsplanRow)}
_TYPES = {"text", "date", "status", "scale"}
# A heading's number or label: "2.1 Samhälle", "Enhet: Fritidsenheten", "Perspektiv: Ekonomi".
_LABEL = re.compile(r"^(\d+(\.\d+)*\.?|[A-ZÅÄÖ][a-zåäö]+:)\s+")
_SCALE = re.compile(r"^\s*([1-4])(?:\s*[=:.(–-].*)?\s*$")


@dataclass(frozen=True)
class Shape:
    """A profile's grid shape, checked."""

    profile: Profile
    spec: GridSpec
    types: dict[str, str]  # role (an output column) → text, date, status or scale
    heading_column: str  # the output column the heading above a grid fills, or ""
    heading_names: dict[str, str]  # headings known to name it: folded → as spelled
    skip_headings: tuple[re.Pattern[str], ...]  # headings above a grid that name nothing
    goal_title: bool  # the goal cell is a short goal, then its description
    title_column: str  # the output column the organisation named in the title fills, or ""
    title_units: tuple[str, ...]  # stems of a word naming an organisation ("nämnd")


def shape_of(profile: Profile) -> Shape:
    grid = profile.content.get("grid", {})
    types = {role: column.type for role, column in profile.columns.items()}
    heading_column = str(grid.get("heading_column", ""))
    title_column = str(grid.get("title_column", ""))
    unknown = [r for r in [*types, heading_column, title_column] if r and r not in _FIELDS]
    unknown += [t for t in types.values() if t not in _TYPES]
    if unknown:
        raise ProfileError(f"{profile.name}: okända kolumner eller typer: {', '.join(unknown)}")
    spec = GridSpec(
        headers={role: column.headers for role, column in profile.columns.items()},
        keys=tuple(grid.get("keys", ())),
        spanning=frozenset(grid.get("spans", ())),
        min_roles=int(grid.get("min_columns", 2)),
        bands=frozenset(fold(n) for n in grid.get("heading_names", ())),
    )
    return Shape(
        profile=profile,
        spec=spec,
        types=types,
        heading_column=heading_column,
        heading_names={fold(n): n for n in grid.get("heading_names", ())},
        skip_headings=tuple(re.compile(p, re.IGNORECASE) for p in grid.get("skip_headings", ())),
        goal_title=bool(grid.get("goal_title", False)),
        title_column=title_column,
        title_units=tuple(str(stem).lower() for stem in grid.get("title_units", ())),
    )


def read(document: DocumentContext, profiles: Sequence[Profile]) -> KindResult:
    shapes = [shape_of(p) for p in profiles]
    found = _best_per_header(
        [
            (shape, grid)
            for shape in shapes
            for grid in read_grids(document.pages, document.furniture, shape.spec)
        ]
    )
    rows: list[HandlingsplanRow] = []
    warnings: list[str] = []
    headings: dict[str, str] = {}  # carried into a grid printed without a heading of its own
    titled = {s.title_column: unit_in_title(document.page_texts, s) for s in shapes}
    for shape, grid in found:
        heading = _heading(grid, shape, document)
        if shape.heading_column:
            headings[shape.heading_column] = heading or headings.get(shape.heading_column, "")
        for grid_row in grid.rows:
            if grid_row.band and shape.heading_column:
                headings[shape.heading_column] = _heading_name(grid_row.band, shape)
            if not any(grid_row.text(key) for key in shape.spec.keys):
                continue
            values, problems = _values(grid_row, shape, document)
            if shape.title_column:
                values[shape.title_column] = titled[shape.title_column]
            if column := shape.heading_column:  # its own column, the heading, or the title's
                own = values.get(column) if column in shape.types else ""
                values[column] = own or headings[column] or values.get(column, "")
            rows.append(_record(values, document, grid_row.page))
            warnings += [f"handlingsplan sida {grid_row.page}: {p}" for p in problems]
    names = sorted({shape.profile.name for shape, _ in found})
    return KindResult(rows={"handlingsplan": rows}, warnings=warnings, profiles=names)


def _best_per_header(found: list[tuple[Shape, Grid]]) -> list[tuple[Shape, Grid]]:
    """Where two profiles read the same table, the one that names more of its columns: a
    table is read twice when one's header stands where the other has its header or its
    rows, on its first page or on a page it goes on to (its header repeated there)."""
    ordered = sorted(found, key=lambda pair: (pair[1].page, pair[1].top))
    ranked = sorted(range(len(ordered)), key=lambda i: -len(ordered[i][1].roles))
    kept: list[int] = []
    for i in ranked:
        if not any(_same_table(ordered[i][1], ordered[k][1]) for k in kept):
            kept.append(i)
    return [ordered[i] for i in sorted(kept)]


def _same_table(a: Grid, b: Grid) -> bool:
    return _header_within(a, b) or _header_within(b, a)


def _header_within(a: Grid, b: Grid) -> bool:
    """Whether a's header stands within b: b's header, or b's rows on that page (from the
    page's top on a page b goes on to)."""
    top, foot = a.top, _foot(a.header)
    tops = [row.top for row in b.rows if row.page == a.page]
    if a.page == b.page:
        return top < max([_foot(b.header), *tops]) and b.top < foot
    return bool(tops) and a.page > b.page and top < max(tops)


def _foot(lines: Sequence[Line]) -> float:
    return max(line.bottom for line in lines)


def _values(
    row: GridRow, shape: Shape, document: DocumentContext
) -> tuple[dict[str, object], list[str]]:
    values: dict[str, object] = {}
    problems: list[str] = []
    surest = 1.0
    for role, kind in shape.types.items():
        text, sure = checked_text(document, row.cells.get(role), kind)
        surest = min(surest, sure)
        if kind == "date":
            values[role] = parse_date(text) or text
        elif kind == "status":
            term = normalise_status(text)
            values[role] = term or ""
            values["status_råtext"] = text
            if text and term is None:
                problems.append(f"okänd status {text!r}")
        elif kind == "scale":
            match = _SCALE.match(text)
            values[role] = int(match.group(1)) if match else None
            if text and not match:
                problems.append(f"måluppfyllelse utanför skalan 1–4: {text!r}")
        elif role == "mål" and shape.goal_title:
            values["mål"], values["målbeskrivning"] = split_goal(row.cells.get(role, Cell()))
        else:
            values[role] = text
    if surest < 1.0:
        values["säkerhet"] = surest
    return values, problems


def _record(values: dict[str, object], document: DocumentContext, page: int) -> HandlingsplanRow:
    return HandlingsplanRow(
        municipality=document.municipality_name,
        municipality_code=document.municipality_code,
        year=document.year,
        file=document.file_name,
        page=page,
        **{_FIELDS[column]: value for column, value in values.items()},  # type: ignore[arg-type]
    )


# ---------------------------------------------------------------------------------------------
# The goal cell and the heading above a grid


def split_goal(cell: Cell) -> tuple[str, str]:
    """A goal cell's short goal and its description. The goal is set in a type of its own
    (bold, or plain before an italic description), or stands as a paragraph of its own, or is
    the line(s) before the first line that starts a sentence."""
    lines = list(cell.lines)
    cut = _style_cut(lines) or _paragraph_cut(lines) or _sentence_cut(lines)
    if not cut:
        return cell.text, ""
    return join_wrapped([ln.text for ln in lines[:cut]]), join_wrapped(
        [ln.text for ln in lines[cut:]]
    )


def _style_cut(lines: list[Line]) -> int:
    """Before the first line set otherwise than the first (bold, italic)."""
    styles = [
        (all(w.bold for w in line.words), all(w.italic for w in line.words)) for line in lines
    ]
    return next((i for i, style in enumerate(styles) if style != styles[0]), 0)


def _paragraph_cut(lines: list[Line]) -> int:
    """After the first gap clearly wider than the cell's usual line gap (same page only: a
    cell may go on over a page break)."""
    gaps = [
        (b.top - a.bottom, i)
        for i, (a, b) in enumerate(itertools.pairwise(lines))
        if a.page == b.page
    ]
    if len(gaps) < 2:
        return 0
    usual = statistics.median(gap for gap, _ in gaps)
    height = statistics.median(line.height for line in lines)
    wide = [i for gap, i in gaps if gap > usual + 0.3 * height]
    return wide[0] + 1 if wide else 0


def _sentence_cut(lines: list[Line]) -> int:
    for index in range(1, len(lines)):
        first, before = lines[index].text, lines[index - 1].text
        if first[:1].isupper() and not before.endswith((",", "-", "–", "och", "för")):
            return index
    return 0


def _heading(grid: Grid, shape: Shape, document: DocumentContext) -> str:
    """The heading nearest above the grid that names something: a known name (a perspective),
    else a short line set apart by size, weight or space. A grid at the top of its page may
    have left its heading at the foot of the page before, which may have been read only as
    plain text."""
    above = [line for line in grid.above if not _skipped(line.text, shape)]
    known = [line for line in above if _known(line.text, shape)]
    if known:
        return _heading_name(known[-1].text, shape)
    body = statistics.median(w.size or w.height for line in grid.header for w in line.words)
    for index in range(len(above) - 1, -1, -1):
        if _looks_like_heading(above, index, body):
            return _heading_name(above[index].text, shape)
    if any(line.page == grid.page for line in grid.above) or grid.page < 2:
        return ""
    return _heading_in_text(document.page_texts[grid.page - 2], shape, document.furniture)


def unit_in_title(page_texts: Sequence[str], shape: Shape) -> str:
    """The organisation a report is about, named on its title page (or the next, in a
    running header): "Uppföljning av Tekniska nämndens handlingsplan" → "Tekniska nämnden",
    "Handlingsplan 2020 – Kultur- och fritidsförvaltningen" (a title may wrap). A bare
    "nämnden" names none."""
    if not shape.title_units:
        return ""
    # The definite form, perhaps genitive: "nämnden", "Socialnämndens", "förvaltningen".
    unit = re.compile(rf"^(\w*(?:{'|'.join(shape.title_units)}))(en|et|n)s?$", re.IGNORECASE)
    for text in page_texts[:2]:
        words = [w.strip(".,:;()") for w in text.split()]
        for index, word in enumerate(words):
            match = unit.match(word)
            if match is None:
                continue
            start = index
            if start >= 2 and words[start - 1] == "och" and words[start - 2].endswith("-"):
                start -= 2  # "Kultur- och fritidsförvaltningen"
            elif start >= 1 and re.fullmatch(r"[A-ZÅÄÖ]\w*a", words[start - 1]):
                start -= 1  # "Tekniska nämnden"
            if start == index and match.group(1).lower() in shape.title_units:
                continue
            name = " ".join([*words[start:index], match.group(1) + match.group(2)])
            return name[:1].upper() + name[1:]
    return ""


def _heading_name(text: str, shape: Shape) -> str:
    """A heading as the profile spells it ("SAMHÄLLE" → "Samhälle"), or as printed, capitals
    set as a name; without its number or label ("2.1 Samhälle", "Enhet: Kansliet")."""
    text = _bare(text)
    if fold(text) in shape.heading_names:
        return shape.heading_names[fold(text)]
    return text.capitalize() if text.isupper() and len(text) > 3 else text


def _known(text: str, shape: Shape) -> bool:
    return fold(_bare(text)) in shape.heading_names


def _bare(text: str) -> str:
    return _LABEL.sub("", " ".join(text.split())).rstrip(":")


def _heading_in_text(text: str, shape: Shape, furniture: set[str]) -> str:
    """The last line of a page's plain text when it reads as a heading."""
    for line in reversed(text.splitlines()):
        line = " ".join(line.split())
        if not line or is_furniture_text(line, furniture) or _skipped(line, shape):
            continue
        short = len(line.split()) <= 6 and line[0].isupper() and not line.endswith((".", ":"))
        short = short and not re.search(r"\b(19|20)\d\d\b", line)  # a date ("Maj 2019")
        return _heading_name(line, shape) if _known(line, shape) or short else ""
    return ""


def _skipped(text: str, shape: Shape) -> bool:
    return any(pattern.search(text) for pattern in shape.skip_headings)


def _looks_like_heading(lines: list[Line], index: int, body: float) -> bool:
    line = lines[index]
    text = line.text.strip()
    if not text or len(text.split()) > 8 or text.endswith((".", ",", ";", ":")):
        return False
    if not text[0].isupper():
        return False
    if any(b.x0 - a.x1 > 4 * (a.size or a.height) for a, b in itertools.pairwise(line.words)):
        return False  # a running header's two parts, left and right
    gap_above = line.top - lines[index - 1].bottom if index else line.height
    return (
        line.size > 1.1 * body or all(w.bold for w in line.words) or gap_above > 0.6 * line.height
    )
