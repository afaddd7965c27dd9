"""The goal follow-up tables: `mal` (numbered goals with their assessment), `indikatorer` (one
row per indicator and period) and `aktiviteter` (the activity plans under the goals).

A report of this family runs goal by goal: a heading with the goal's kind and number
("Kommunfullmäktiges prioriterade mål 8:", "KF-mål 2"), its title on the same line or the
next, an assessment near it, prose, then tables. Tables are read first (activity plans by the
grid engine, indicator tables by indicators.py); the remaining lines are scanned for goal
headings, and every table row belongs to the last goal heading above it. What a goal, an
assessment, an indicator header and an activity column are called comes from the profile.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial

from .context import DocumentContext, KindResult
from .document import find_unit
from .grid import Cell, Grid, GridSpec, read_grids
from .indicators import IndicatorSpec, read_indicators
from .lines import page_lines, word_runs
from .page import Line, Page
from .profiles import Profile, ProfileError
from .provenance import NOT_SWEDISH
from .records import ActivityRow, GoalRow, IndicatorRow
from .reread import checked_text
from .text import fold, join_wrapped
from .values import known_status_spelling, normalise_status, parse_date, parse_value

_NUMBER = r"\s*(?:nr\.?\s*)?(?P<nr>\d{1,2}(?:\.\d{1,2})?)(?![\d-])\s*(?:[:.–-]\s*)?(?P<title>.*)$"
_OUTLINE = r"\s*(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?"  # a heading's own number: "3.1 KF-mål 2"
_MAX_ASSESSMENT_WORDS = 6  # "Målet är delvis uppfyllt": an assessment is a short phrase
_MAX_SECTION_WORDS = 8  # "Kommunfullmäktiges mål 2019": a section heading is short
_ACTIVITY_ROLES = {"aktivitet", "beskrivning", "slutdatum", "ansvarig", "status"}


@dataclass(frozen=True)
class GoalShape:
    """A profile's goal layout, checked."""

    headings: tuple[tuple[str, re.Pattern[str]], ...]  # (måltyp or "", heading pattern)
    sections: tuple[tuple[str, re.Pattern[str]], ...]  # (måltyp, a heading without a number)
    mentions: tuple[tuple[str, re.Pattern[str]], ...]  # (måltyp, its name anywhere in a line)
    labels: re.Pattern[str]  # a line that starts with a word introducing an assessment
    assessments: frozenset[str]  # the status terms that assess a goal
    activities: GridSpec
    types: dict[str, str]  # activity column → text, date or status
    column_words: tuple[re.Pattern[str], ...]  # per activity column, its header words folded
    indicators: IndicatorSpec
    units: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class Goal:
    goal_type: str
    nr: str
    title: str
    assessment: str
    assessment_raw: str
    page: int
    top: float


def shape_of(profile: Profile) -> GoalShape:
    goals = profile.content.get("goals", {})
    indicators = profile.content.get("indicators", {})
    types = {role: column.type for role, column in profile.columns.items()}
    unknown = sorted(set(types) - _ACTIVITY_ROLES)
    if unknown or not goals.get("types") or "period" not in indicators:
        raise ProfileError(
            f"{profile.name}: [goals] types, [indicators] period och kolumnerna "
            f"{', '.join(sorted(_ACTIVITY_ROLES))} krävs ({', '.join(unknown)})"
        )
    flags = re.IGNORECASE
    return GoalShape(
        headings=tuple(
            (kind["type"], re.compile(rf"^{_OUTLINE}(?:{pattern}){_NUMBER}", flags))
            for kind in goals["types"]
            for pattern in kind["heading"]
        ),
        sections=tuple(
            (kind["type"], re.compile(rf"^{_OUTLINE}(?:{pattern})(?!{_NUMBER})", flags))
            for kind in goals["types"]
            if kind["type"]
            for pattern in kind["heading"]
        ),
        mentions=tuple(
            (kind["type"], re.compile(rf"\b(?:{pattern})", flags))
            for kind in goals["types"]
            if kind["type"]
            for pattern in kind["heading"]
        ),
        labels=re.compile(
            r"^\s*(?:"
            + "|".join(re.escape(w) for w in goals.get("assessment_labels", ()))
            + r")\b\s*(?P<colon>[:–-])?\s*(?P<rest>.*)$",
            flags,
        ),
        assessments=frozenset(goals.get("assessments", ())),
        activities=GridSpec(
            headers={role: column.headers for role, column in profile.columns.items()},
            keys=("aktivitet",),
            min_roles=3,
        ),
        types=types,
        column_words=tuple(
            re.compile(r"\b(" + "|".join(re.escape(fold(h)) for h in column.headers) + r")\b")
            for column in profile.columns.values()
        ),
        indicators=IndicatorSpec(
            labels=tuple(sorted((fold(w) for w in indicators.get("header", ())), key=len)[::-1]),
            period=re.compile(indicators["period"], flags),
            source_label=re.compile(indicators.get("source_label", "(?!)"), flags),
            source_column=tuple(fold(w) for w in indicators.get("source_column", ())),
            source_in_label=re.compile(indicators.get("source_in_label", "(?!)"), flags),
        ),
        units=tuple(
            re.compile(p, flags) for p in profile.content.get("document", {}).get("unit", ())
        ),
    )


def read(document: DocumentContext, profiles: Sequence[Profile]) -> KindResult:
    result = KindResult(rows={"mal": [], "indikatorer": [], "aktiviteter": []})
    for profile in profiles:
        shape = shape_of(profile)
        lines = {
            number: [ln for ln in page_lines(page, document.furniture) if not ln.furniture]
            for number, page in sorted(document.pages.items())
        }
        cells, in_tables = read_indicators(
            document.pages, document.furniture, shape.indicators, partial(_ends_table, shape)
        )
        # The activity plans are read without the indicator tables, whose rules would
        # otherwise cut an unruled plan's rows.
        rest = {n: _without(page, lines[n], in_tables) for n, page in document.pages.items()}
        grids = read_grids(rest, document.furniture, shape.activities)
        in_grids = {line for grid in grids for line in _grid_lines(grid)}
        text = [
            line
            for on_page in lines.values()
            for line in on_page
            if line not in in_grids and line not in in_tables
        ]
        goals = find_goals(text, shape, title_type(document.page_texts[0], shape))
        if not goals:
            continue
        listed = distinct(goals)
        scopes = sorted([*goals, *_section_ends(text, goals)], key=lambda g: (g.page, g.top))
        base = {
            "municipality": document.municipality_name,
            "municipality_code": document.municipality_code,
            "year": document.year,
            "unit": find_unit(document.page_texts, shape.units),
            "file": document.file_name,
        }
        result.rows["mal"] += [
            GoalRow(
                goal_type=g.goal_type,
                goal_no=g.nr,
                goal=g.title,
                assessment=g.assessment,
                assessment_raw=g.assessment_raw,
                page=g.page,
                **base,  # type: ignore[arg-type]
            )
            for g in listed
        ]
        for goal in listed:
            if goal.assessment_raw and not goal.assessment:
                result.warnings.append(
                    f"mål {goal.nr} sida {goal.page}: okänd bedömning {goal.assessment_raw!r}"
                )
        result.rows["indikatorer"] += [
            IndicatorRow(
                goal_no=_goal_at(scopes, cell.page, cell.top),
                indicator=cell.indicator,
                source=cell.source,
                period=cell.period,
                value=(value := parse_value(cell.raw)).value,
                value_unit=value.unit,
                benchmark=value.benchmark,
                raw=cell.raw,
                page=cell.page,
                **base,  # type: ignore[arg-type]
            )
            for cell in cells
        ]
        for grid in grids:
            for row in grid.rows:
                if not row.text("aktivitet"):
                    continue
                activity, problems = _activity(row.cells, shape, document)
                result.rows["aktiviteter"].append(
                    ActivityRow(
                        goal_no=_goal_at(scopes, row.page, row.top),
                        page=row.page,
                        **activity,
                        **base,  # type: ignore[arg-type]
                    )
                )
                result.warnings += [f"aktivitet sida {row.page}: {p}" for p in problems]
        result.profiles.append(profile.name)
    return result


def _ends_table(shape: GoalShape, line: Line) -> bool:
    """A goal heading, or a line that names enough activity columns to be a plan's header."""
    if heading(line.text, shape):
        return True
    text = fold(line.text)
    return sum(bool(p.search(text)) for p in shape.column_words) >= shape.activities.min_roles


def _without(page: Page, lines: Sequence[Line], taken: set[Line]) -> Page:
    """The page without the bands of lines in `taken`, words and rules (a table's rules sit
    within a line's height of its text)."""
    bands: list[tuple[float, float]] = []
    for before, line in zip([None, *lines], lines, strict=False):
        if line not in taken:
            continue
        if bands and before in taken:
            bands[-1] = (bands[-1][0], line.bottom + line.height)
        else:
            bands.append((line.top - line.height, line.bottom + line.height))
    if not bands:
        return page

    def inside(y: float) -> bool:
        return any(top <= y <= bottom for top, bottom in bands)

    return replace(
        page,
        words=tuple(w for w in page.words if not inside(w.middle_y)),
        rules=tuple(r for r in page.rules if not inside(r.y)),
    )


def _grid_lines(grid: Grid) -> list[Line]:
    return [
        *grid.header,
        *(line for row in grid.rows for cell in row.cells.values() for line in cell.lines),
    ]


def _section_ends(lines: Sequence[Line], goals: Sequence[Goal]) -> list[Goal]:
    """Headings after the first goal set larger than every goal heading: a part of the report
    that is no goal's ("Politiska prioriteringar", "Internkontroll"), as goals without a
    number."""
    starts = {(g.page, g.top) for g in goals}
    heads = [w.size for ln in lines if (ln.page, ln.top) in starts for w in ln.words]
    first, largest = min(starts), max(heads)
    return [
        Goal("", "", "", "", "", ln.page, ln.top)
        for ln in lines
        if (ln.page, ln.top) > first
        and len(ln.words) <= _MAX_SECTION_WORDS
        and min(w.size for w in ln.words) > largest + 1
    ]


def _goal_at(goals: Sequence[Goal], page: int, top: float) -> str:
    """The number of the last goal whose heading stands above the position ("" after a
    section that is no goal's)."""
    above = [g for g in goals if (g.page, g.top) <= (page, top)]
    return above[-1].nr if above else ""


def _activity(
    cells: Mapping[str, Cell], shape: GoalShape, document: DocumentContext
) -> tuple[dict[str, str | float], list[str]]:
    values: dict[str, str | float] = {}
    problems: list[str] = []
    fields = {"aktivitet": "activity", "beskrivning": "description", "ansvarig": "responsible"}
    surest = 1.0
    for role, kind in shape.types.items():
        text, sure = checked_text(document, cells.get(role), kind)
        surest = min(surest, sure)
        if kind == "date":
            values["end_date"] = parse_date(text) or text
        elif kind == "status":
            term = normalise_status(text)
            values["status"], values["status_raw"] = term or "", text
            if text and term is None:
                problems.append(f"okänd status {text!r}")
            words = [w for line in cells[role].lines for w in line.words] if role in cells else []
            if term and not known_status_spelling(text) and any(w.confidence < 1 for w in words):
                # Read (OCR), not printed in the text layer, near a term's spelling only: a
                # letter misread, which one is not known.
                surest = min([surest, NOT_SWEDISH] + [w.confidence for w in words])
        else:
            values[fields[role]] = text
    if surest < 1.0:
        values["confidence"] = surest
    return values, problems


# ---------------------------------------------------------------------------------------------
# Goal headings, titles and assessments


_CELL_GAP = 2.0  # font sizes: a gap this wide between words parts table cells, not words


def _table_row(line: Line, shape: GoalShape) -> bool:
    """A line of cells set apart by wide gaps, figures among them or short cells with an
    assessment (one a year): a table row that names a goal ("Mål 1. Snabb service   3   3
    Delvis uppfyllt", "Mål 11. Inflytande   Ej aktuellt   Ej uppfyllt"), not a goal's
    heading."""
    cells = [" ".join(w.text for w in run) for run in word_runs(line, _CELL_GAP)[1:]]
    return len(cells) >= 2 and (
        any(re.fullmatch(r"[-+–]?\d+([,.]\d+)?", c.split()[0]) for c in cells)
        or (
            any(_term(c, shape) for c in cells)
            and all(len(c.split()) <= _MAX_ASSESSMENT_WORDS for c in cells)
        )
    )


def title_type(title_page: str, shape: GoalShape) -> str:
    """The måltyp a title page says the report follows up ("Årsuppföljning av
    kommunfullmäktiges mål"), when it names one kind only."""
    named = {kind for kind, pattern in shape.mentions if pattern.search(title_page)}
    return named.pop() if len(named) == 1 else ""


def find_goals(lines: Sequence[Line], shape: GoalShape, report_type: str = "") -> list[Goal]:
    """Every goal heading among the lines (tables taken out), with its title and the first
    assessment before the next goal. A bare "Mål 3:" takes the måltyp of its section, else
    the one the report names (`report_type`)."""
    starts = []
    section = report_type
    for index, line in enumerate(lines):
        if (hit := heading(line.text, shape)) and not _table_row(line, shape):
            starts.append((index, (hit[0] or section, *hit[1:])))
        elif len(line.words) <= _MAX_SECTION_WORDS:
            section = next((t for t, p in shape.sections if p.match(line.text)), section)
    body = statistics.median(w.size for line in lines for w in line.words) if lines else 0.0
    goals = []
    ends = [index for index, _ in starts[1:]] + [len(lines)]
    for (index, (goal_type, nr, rest)), following in zip(starts, ends[: len(starts)], strict=True):
        line = lines[index]
        below = list(lines[index + 1 : following])
        rest, assessment, raw = _set_apart(line, rest, shape)
        if _term(rest, shape):  # "Mål 9: Ej uppfyllt", the title below
            rest, assessment, raw = "", _term(rest, shape), rest.rstrip(" .")
        used: set[int] = set()
        if not assessment:
            assessment, raw, used = _assessment(below, shape)
        title = _title(line, rest, below, used, body)
        goals.append(Goal(goal_type, nr, title, assessment, raw, line.page, line.top))
    return goals


def distinct(goals: Sequence[Goal]) -> list[Goal]:
    """The goals without their listings: a goal listed before it is followed up (an overview,
    a summary) is the same goal. Of a number printed more than once, the headings with an
    assessment are kept (each, as units of a joint report assess the same goal apart), else
    those with a title, else the first."""
    groups: dict[tuple[str, str], list[Goal]] = {}
    for goal in goals:
        groups.setdefault((goal.goal_type, goal.nr), []).append(goal)
    kept = [
        goal
        for group in groups.values()
        for goal in (
            [g for g in group if g.assessment_raw] or [g for g in group if g.title] or group[:1]
        )
    ]
    return sorted(kept, key=lambda g: (g.page, g.top))


_CONTENTS = re.compile(r"(\.\s?){3,}\s*\d+\s*$|…\s*\d+\s*$")  # "Mål 1 ........ 5"


def heading(text: str, shape: GoalShape) -> tuple[str, str, str] | None:
    """(måltyp, number, the rest of the line) of a goal heading; a line that goes on in lower
    case after the number is prose ("mål 15 kan inte anses …"), one with dot leaders a table
    of contents."""
    if _CONTENTS.search(text):
        return None
    for goal_type, pattern in shape.headings:
        match = pattern.match(text)
        if match:
            rest = match.group("title").strip()
            if rest[:1].islower():
                return None
            return goal_type, match.group("nr"), rest
    return None


def _set_apart(line: Line, rest: str, shape: GoalShape) -> tuple[str, str, str]:
    """An assessment set apart at the end of the heading line ("Mål 3: Titel      Uppfyllt"):
    the title without it, the term and the words as printed."""
    runs = word_runs(line, _CELL_GAP)
    if len(runs) > 1:
        tail = " ".join(w.text for w in runs[-1])
        term = _term(tail, shape)
        if term and rest.endswith(tail):
            return rest[: -len(tail)].strip(), term, tail.rstrip(" .")
    return rest, "", ""


def _title(head: Line, rest: str, section: list[Line], used: set[int], body: float) -> str:
    """The title after the number on the heading line, or the first line below it that is no
    assessment, with the lines it wraps onto: set in the same type, close below."""
    if rest:
        parts, last, index = [rest], head, 0
    else:
        candidates = [
            i
            for i, line in enumerate(section)
            if i not in used and not line.text.rstrip().endswith(":")
        ]
        if not candidates or candidates[0] > max(used, default=-1) + 1:
            return ""
        index = candidates[0]
        parts, last, index = [section[index].text], section[index], index + 1
    while index < len(section) and index not in used and _wraps(last, section[index], body):
        parts.append(section[index].text)
        last, index = section[index], index + 1
    return join_wrapped(parts).rstrip(" .")


def _wraps(line: Line, below: Line, body: float) -> bool:
    """A title line going on: the same type below, set close, and the title in bold or
    larger type than the body text or broken mid-sentence."""
    if below.page != line.page or below.top - line.bottom > 0.5 * line.height:
        return False
    bold = all(w.bold for w in line.words)
    size = max(w.size for w in line.words)
    same = all(w.bold == bold and abs(w.size - size) < 0.6 for w in below.words)
    styled = bold or size > body + 0.5
    # A plain title goes on only mid-sentence: prose below it starts a sentence of its own.
    goes_on = below.text[:1].islower() and not line.text.rstrip().endswith((".", ":"))
    return (styled or goes_on) and same and not below.text.rstrip().endswith(":")


def _assessment(section: list[Line], shape: GoalShape) -> tuple[str, str, set[int]]:
    """The goal's assessment as a term and as printed, and the indices of the lines that hold
    it: a short line that is one ("Ej uppfyllt"); one after a label ("Måluppfyllelse: Delvis
    uppfyllt"); the first sentence of the line after a label alone ("Bedömning:" / "Målet är
    ej uppnått. Vi behöver …") or of a paragraph ("Målet är uppfyllt. Under året …")."""
    for index, line in enumerate(section):
        text = line.text.strip()
        label = shape.labels.match(text)
        rest = label.group("rest").strip() if label else text
        if label and not rest:
            if index + 1 < len(section):
                sentence = _first_sentence(section[index + 1].text)
                if term := _term(sentence, shape):
                    return term, sentence.rstrip(" .!"), {index, index + 1}
            continue
        sentence = _first_sentence(rest)
        opens = not label and sentence != text and _opens_paragraph(section, index)
        if (label or opens or sentence == text) and (term := _term(sentence, shape)):
            return term, sentence.rstrip(" .!"), {index}
        if label and label.group("colon") and len(rest.split()) <= _MAX_ASSESSMENT_WORDS:
            return "", rest.rstrip(" .!"), {index}  # labelled, but outside the vocabulary
    return "", "", set()


def _opens_paragraph(lines: list[Line], index: int) -> bool:
    """A line that starts a paragraph: in upper case, after a line that ends one, is set in
    other type (a heading) or stands apart."""
    line = lines[index]
    if not line.text[:1].isupper():
        return False
    if index == 0:
        return True
    before = lines[index - 1]
    other_type = all(w.bold for w in before.words) != all(w.bold for w in line.words)
    apart = before.page != line.page or line.top - before.bottom > 0.5 * line.height
    return apart or other_type or before.text.rstrip().endswith((".", "!", "?", ":"))


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!])\s", text.strip(), maxsplit=1)[0]


def _term(text: str, shape: GoalShape) -> str:
    if len(text.split()) > _MAX_ASSESSMENT_WORDS:
        return ""
    term = normalise_status(text)
    return term if term in shape.assessments else ""
