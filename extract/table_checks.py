"""The arithmetic a small result table carries within itself, checked cell by cell (the
`kontroll` of `tabeller`): a sum row ('Summa', 'Totalt') against the rows above it, and a
change column ('Förändring', 'Avvikelse') against the two columns it compares. A misread or
corrupted figure (OCR, a damaged text layer) then shows, though its value is kept as printed.

Each check is made only where the table plainly has that structure, and within the rounding
its printed decimals allow: a printed figure stands for any number that rounds to it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .coded_table import TOTAL_LABEL
from .lines import YEAR
from .records import Check
from .values import Value

SUM_FAILS = "summan stämmer inte"
CHANGE_FAILS = "förändringen stämmer inte"

# Rows that are part of another row, not one more part of the total.
_PART_OF = re.compile(r"^[-–•\s]*(varav|därav|därutöver|inkl\w*|exkl\w*)\b", re.IGNORECASE)
# Columns whose cells do not add up: shares, means, indices, rates ('Kostnad per elev').
_NOT_ADDED = re.compile(
    r"%|\b(andel\w*|snitt\w*|medel\w*|genomsnitt\w*|index\w*|median\w*|per)\b", re.I
)
_CHANGE = re.compile(r"^\W*(förändr\w*|skillnad\w*|differens\w*|avvikelse\w*)\b", re.I)
_EITHER_SIGN = re.compile(r"^\W*(skillnad|differens|avvikelse)", re.I)  # 'Budget − Utfall' or back
_RELATIVE = re.compile(r"%|\bprocent(?!enhet)", re.I)
# Columns an Avvikelse compares when they carry no year of their own.
_OPERAND = re.compile(r"\b(budget\w*|utfall\w*|prognos\w*|bokslut\w*|plan)\b", re.I)
_DECIMALS = re.compile(r"\d(?:[\d \u00a0\u202f]*\d)?(?:[.,](\d+))?")

Cell = tuple[int, int]  # row, column
Rows = Sequence[tuple[str, str, Sequence[Value]]]  # group, label, cells


@dataclass(frozen=True)
class Outcome:
    cells: tuple[Cell, ...]
    holds: bool
    reason: str


def check(columns: Sequence[str], rows: Rows) -> dict[Cell, tuple[str, str]]:
    """Each checked cell (row, column) of a table → its `kontroll` and, when a check failed,
    why; `rows` are (group, label, cells). Cells in no check are left out."""
    outcomes = _sums(columns, rows) + _changes(columns, rows)
    result: dict[Cell, tuple[str, str]] = {}
    for outcome in outcomes:
        for cell in outcome.cells:
            if not outcome.holds:
                reasons = result.get(cell, ("", ""))[1].split("; ")
                reason = "; ".join(r for r in dict.fromkeys([*reasons, outcome.reason]) if r)
                result[cell] = (Check.MISMATCH, reason)
            elif cell not in result:
                result[cell] = (Check.MATCHES, "")
    return result


def _half_unit(value: Value) -> float:
    """Half the last printed digit: how far the number may lie from what is printed."""
    match = _DECIMALS.search(value.raw)
    decimals = len(match.group(1)) if match and match.group(1) else 0
    # '1.184' groups thousands with a point: a whole number printed to no decimals.
    if decimals == 3 and value.value is not None and value.value == int(value.value):
        decimals = 0
    return 0.5 * 10.0**-decimals


def _agrees(printed: Value, low: float, high: float) -> bool:
    """Whether a number in [low, high] may be printed as `printed`."""
    assert printed.value is not None
    half = _half_unit(printed) + 1e-9 * max(1.0, abs(printed.value))  # float noise only
    return low - half <= printed.value <= high + half


# ---------------------------------------------------------------------------------------------
# Sum rows


def _totals_and_parts(rows: Rows) -> tuple[list[int], list[int]]:
    """The sum rows, and the rows that may be their parts (not a 'varav' row)."""
    totals = [n for n, (_, label, _) in enumerate(rows) if TOTAL_LABEL.match(label.strip())]
    parts = [n for n in range(len(rows)) if n not in totals and not _PART_OF.match(rows[n][1])]
    return totals, parts


def _sums(columns: Sequence[str], rows: Rows) -> list[Outcome]:
    totals, parts = _totals_and_parts(rows)
    if not totals:
        return []
    added = _added(columns, rows)
    outcomes: list[Outcome] = []
    for total in totals:
        group = rows[total][0]
        # Within the group since its last total; all rows since the last total of the whole
        # table; all rows above (after 'Summa intäkter', 'Summa kostnader' comes 'Totalt').
        same = max((t for t in totals if t < total and rows[t][0] == group), default=-1)
        whole = max((t for t in totals if t < total and not rows[t][0]), default=-1)
        candidates = [
            [n for n in parts if same < n < total and rows[n][0] == group],
            [n for n in parts if whole < n < total],
            [n for n in parts if n < total],
        ]
        candidates = [c for i, c in enumerate(candidates) if len(c) > 1 and c not in candidates[:i]]
        tried = [
            found
            for candidate in candidates
            if (
                found := [
                    o
                    for column in added
                    if (o := _sum_column(rows, total, candidate, column)) is not None
                ]
            )
        ]
        if not tried:
            continue
        best = max(tried, key=lambda outcomes: sum(o.holds for o in outcomes))
        # A row whose figures add up nowhere is no sum of the rows above: a mean, a share or
        # a total of rows the table leaves out. One column alone is flagged unless its
        # total lies among its parts, as a mean does.
        if not any(o.holds for o in best) and (len(best) > 1 or _mean_like(rows, total, best[0])):
            continue
        outcomes += best
    return outcomes


def grand_totals(columns: Sequence[str], rows: Rows) -> list[int]:
    """The total rows, read into a group, whose figures sum the rows of every group since the
    table's last total and not those of their own group: the table's total after its last
    group."""
    totals, parts = _totals_and_parts(rows)
    added = _added(columns, rows)

    def adds_up(total: int, candidate: list[int]) -> bool:
        outcomes = [o for c in added if (o := _sum_column(rows, total, candidate, c)) is not None]
        return bool(outcomes) and all(o.holds for o in outcomes)

    found = []
    for total in totals:
        group = rows[total][0]
        whole = max((t for t in totals if t < total and not rows[t][0]), default=-1)
        every = [n for n in parts if whole < n < total]
        own = [n for n in every if rows[n][0] == group]
        several = len({rows[n][0] for n in every}) > 1
        if group and several and adds_up(total, every) and not adds_up(total, own):
            found.append(total)
    return found


def _added(columns: Sequence[str], rows: Rows) -> list[int]:
    """The columns whose cells may add up: not shares, means, indices or rates, nor a change
    column beside such a column, whose change it may be (sick leave 9,8 % → 9,2 %: −0,6)."""
    added = [
        c
        for c, label in enumerate(columns)
        if not _NOT_ADDED.search(label)
        and not any(cells[c].unit in ("%", "‰") for _, _, cells in rows)
    ]
    if len(added) == len(columns):
        return added
    return [c for c in added if not _CHANGE.match(columns[c])]


def _sum_column(rows: Rows, total: int, parts: list[int], column: int) -> Outcome | None:
    printed = rows[total][2][column]
    if printed.value is None:
        return None
    values = [rows[n][2][column] for n in parts]
    if any(v.value is None and v.raw for v in values) or all(v.value is None for v in values):
        return None  # a part in words, or no parts
    numbers = [v for v in values if v.value is not None]
    sum_ = sum(v.value for v in numbers if v.value is not None)
    slack = sum(_half_unit(v) for v in numbers)
    holds = _agrees(printed, sum_ - slack, sum_ + slack)
    if not holds and len(numbers) < len(values):
        return None  # a part left empty may be one not counted
    cells = tuple((n, column) for n, v in zip(parts, values, strict=True) if v.value is not None)
    return Outcome((*cells, (total, column)), holds, SUM_FAILS)


def _mean_like(rows: Rows, total: int, outcome: Outcome) -> bool:
    column = outcome.cells[0][1]
    parts = [rows[n][2][column].value for n, _ in outcome.cells[:-1]]
    printed = rows[total][2][column].value
    numbers = [p for p in parts if p is not None]
    return printed is not None and min(numbers) >= 0 and min(numbers) <= printed <= max(numbers)


# ---------------------------------------------------------------------------------------------
# Change columns


def _changes(columns: Sequence[str], rows: Rows) -> list[Outcome]:
    outcomes: list[Outcome] = []
    years = {c: _year(label) for c, label in enumerate(columns)}
    for column, label in enumerate(columns):
        if not _CHANGE.match(label):
            continue
        pairs = _pairs(column, label, columns, years)
        relative = _RELATIVE.search(label) is not None
        cells_percent = _carries_percent(rows, column)
        operands_percent = any(_carries_percent(rows, c) for pair in pairs for c in pair)
        kinds = [False, True] if cells_percent and operands_percent else [relative or cells_percent]
        tried = [
            [
                o
                for n in range(len(rows))
                if (o := _change_row(rows, n, column, pair, rel)) is not None
            ]
            for pair in pairs
            for rel in kinds
        ]
        if not tried:
            continue
        best = max(tried, key=lambda outcomes: sum(o.holds for o in outcomes))
        holds = sum(o.holds for o in best)
        # A column that most rows do not bear out compares something else.
        if holds and holds >= len(best) - holds:
            outcomes += best
    return outcomes


def _year(label: str) -> int | None:
    """The one year a column stands for ('Utfall 2023'), if it is no change column."""
    found = YEAR.findall(label)
    return int(found[0]) if len(found) == 1 and not _CHANGE.match(label) else None


def _pairs(
    column: int, label: str, columns: Sequence[str], years: dict[int, int | None]
) -> list[tuple[int, int]]:
    """The (old, new) columns a change column may compare, the likeliest first: the years it
    names ('Förändring 2022–2023', 'sedan 2017'), else the last two years before it; an
    Avvikelse or Skillnad may compare any two of the columns before it, either way round."""
    before = [c for c in range(column) if years[c] is not None]
    dated = (
        before if len(before) > 1 else [c for c in years if years[c] is not None and c != column]
    )
    named = [int(y) for y in YEAR.findall(label)]
    pairs: list[tuple[int, int]] = []
    if dated:
        new, old = dated[-1], None
        if named:
            if len(named) > 1:
                new = next((c for c in reversed(dated) if years[c] == named[-1]), new)
            old = next((c for c in dated if years[c] == named[0]), None)
        else:
            # The last year and the one before under the same label ('2021', '2022' before
            # 'Riket 2022'), else the year before the last.
            alike = [
                (a, b)
                for a in dated
                for b in dated
                if (years[a] or 0) < (years[b] or 0)
                and _undated(columns[a]) == _undated(columns[b])
            ]
            older = [c for c in dated if (years[c] or 0) < (years[new] or 0)]
            if alike:
                old, new = max(alike, key=lambda pair: (pair[1], pair[0]))
            elif older:
                old = older[-1]
        if old is not None and old != new:
            pairs.append((old, new))
    if _EITHER_SIGN.match(label):
        operands = [c for c in range(column) if years[c] is not None or _OPERAND.search(columns[c])]
        pairs += [(a, b) for a in operands for b in operands if a != b and (a, b) not in pairs]
    return pairs


def _undated(label: str) -> str:
    return " ".join(YEAR.sub(" ", label).split()).casefold()


def _carries_percent(rows: Rows, column: int) -> bool:
    return any(cells[column].unit == "%" for _, _, cells in rows)


def _change_row(
    rows: Rows,
    row: int,
    column: int,
    pair: tuple[int, int],
    relative: bool,
) -> Outcome | None:
    cells = rows[row][2]
    change, old, new = cells[column], cells[pair[0]], cells[pair[1]]
    if change.value is None or old.value is None or new.value is None:
        return None
    lows = (old.value - _half_unit(old), new.value - _half_unit(new))
    highs = (old.value + _half_unit(old), new.value + _half_unit(new))
    if relative:
        if lows[0] <= 0:
            return None  # no relative change from nothing or below
        corners = [(n - o) / o * 100 for o in (lows[0], highs[0]) for n in (lows[1], highs[1])]
        low, high = min(corners), max(corners)
    else:
        low, high = lows[1] - highs[0], highs[1] - lows[0]
    holds = _agrees(change, low, high)
    return Outcome(((row, pair[0]), (row, pair[1]), (row, column)), holds, CHANGE_FAILS)
