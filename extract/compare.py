"""Kompass comparisons, computed as data from all accumulated rows: each municipality's areas
beside the other evaluations of the same revision, and the change between a municipality's
consecutive evaluations. The two revisions have different areas, so they are never compared
with each other: every table here is per revision.

An area's points are the sum of its sub-areas' printed points (the printed area total is not
kept in the rows); an area with a sub-area whose points could not be read has no sum."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from statistics import fmean
from typing import Any

from .profiles import Profile
from .records import Check, KompassRow
from .sheets import Block
from .text import fold

UNKNOWN_FRAMEWORK = "okänt ramverk"


@dataclass(frozen=True)
class Catalog:
    """One heading per area and sub-area of each revision: the layout profile's canonical name,
    else the name most often printed, so a template left-over or an older wording in one report
    does not split a column."""

    areas: dict[tuple[str, int], str]
    subareas: dict[tuple[str, str], str]

    def area(self, framework: str, number: int) -> str:
        return self.areas.get((framework, number), "")

    def subarea(self, framework: str, code: str) -> str:
        return self.subareas.get((framework, code), "")


def catalog(profiles: Iterable[Profile], rows: Iterable[KompassRow]) -> Catalog:
    printed_areas: Counter[tuple[str, int, str]] = Counter()
    printed_subareas: Counter[tuple[str, str, str]] = Counter()
    for row in rows:
        if row.area_no is not None:
            printed_areas[row.framework, row.area_no, row.area] += 1
        printed_subareas[row.framework, row.subarea_no, row.subarea] += 1
    areas = _most_common(printed_areas)
    subareas = _most_common(printed_subareas)
    for profile in profiles:
        framework = str(profile.content.get("ramverk", ""))
        for area in profile.content.get("areas", []):
            areas[framework, area["nr"]] = str(area["names"][0])
            for sub in area["subareas"]:
                subareas[framework, sub["nr"]] = str(sub["name"])
    return Catalog(areas, subareas)


def _most_common(counts: Counter[tuple[str, Any, str]]) -> dict[tuple[str, Any], str]:
    best: dict[tuple[str, Any], str] = {}
    # Most frequent first, then alphabetical: the same rows always give the same heading.
    for (framework, key, name), _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][2])):
        best.setdefault((framework, key), name)
    return best


@dataclass(frozen=True)
class Evaluation:
    """One municipality's evaluation in one year and revision: the rows of the file it is read
    from, and the other files that hold the same evaluation (a scan and the original, say)."""

    rows: tuple[KompassRow, ...]
    duplicates: tuple[tuple[KompassRow, ...], ...] = ()

    @property
    def framework(self) -> str:
        return self.rows[0].framework

    @property
    def municipality(self) -> str:
        return self.rows[0].municipality

    @property
    def code(self) -> str:
        return self.rows[0].municipality_code

    @property
    def year(self) -> int | None:
        return self.rows[0].year

    @property
    def file(self) -> str:
        return self.rows[0].file

    @property
    def label(self) -> str:
        name = self.municipality or f"okänd kommun ({self.file})"
        return f"{name} {self.year or 'okänt år'}"

    def area_numbers(self) -> list[int]:
        return _areas(self.rows)

    def area_rows(self, number: int) -> list[KompassRow]:
        return [r for r in self.rows if r.area_no == number]

    def area_score(self, number: int) -> int | None:
        return _sum(r.score for r in self.area_rows(number))

    def area_max(self, number: int) -> int | None:
        return _sum(r.max_score for r in self.area_rows(number))

    @property
    def total(self) -> int | None:
        return _sum(self.area_score(n) for n in self.area_numbers())

    def problems(self) -> tuple[list[int], list[int]]:
        """Areas whose printed values disagree, and areas with a sub-area lacking points."""
        deviating = _areas(r for r in self.rows if r.check == Check.DEVIATION)
        missing = [n for n in self.area_numbers() if self.area_score(n) is None]
        return deviating, missing

    @property
    def check(self) -> str:
        """'ok', or which areas did not add up, lack points or hold a value derived from the
        table's arithmetic rather than read: the sums rest on them."""
        deviating, missing = self.problems()
        derived = _areas(r for r in self.rows if r.check == Check.DERIVED)
        found = []
        if deviating:
            found.append(f"avvikelse i område {_numbers(deviating)}")
        if missing:
            found.append(f"poäng saknas i område {_numbers(missing)}")
        if derived:
            found.append(f"härlett värde i område {_numbers(derived)}")
        if found:
            return "; ".join(found)
        return Check.UNCHECKED if all(r.check == Check.UNCHECKED for r in self.rows) else Check.OK

    @property
    def duplicate_note(self) -> str:
        """The other files of this evaluation, and the areas where their points differ."""
        mine = {r.subarea_no: r.score for r in self.rows}
        notes = []
        for rows in self.duplicates:
            theirs = {r.subarea_no: r.score for r in rows}
            codes = {code for code, _ in mine.items() ^ theirs.items()}
            differing = _areas(r for r in (*self.rows, *rows) if r.subarea_no in codes)
            detail = f"andra poäng i område {_numbers(differing)}" if differing else "samma poäng"
            notes.append(f"{rows[0].file} ({detail})")
        return "; ".join(notes)


def _sum(values: Iterable[int | None]) -> int | None:
    listed = list(values)
    if not listed or None in listed:
        return None
    return sum(v for v in listed if v is not None)


def _areas(rows: Iterable[KompassRow]) -> list[int]:
    return sorted({r.area_no for r in rows if r.area_no is not None})


def _numbers(numbers: Sequence[int]) -> str:
    return ", ".join(str(n) for n in numbers)


def evaluations(rows: Iterable[KompassRow]) -> list[Evaluation]:
    """One per municipality, year and revision, sorted by municipality and year. Files that
    hold the same evaluation count once: the best read one is used (see `_preference`; never
    the order files were added in), and the others are named in `duplicate_note`. Without a
    municipality code and a year, a file cannot be matched with another and stands alone."""
    by_file: dict[tuple[str, str, str, int | None, str], list[KompassRow]] = {}
    for row in rows:
        key = (row.framework, row.municipality, row.municipality_code, row.year, row.file)
        by_file.setdefault(key, []).append(row)
    same: dict[tuple, list[Evaluation]] = {}
    for (framework, municipality, code, year, file), found in by_file.items():
        key = (framework, code, year) if code and year else (framework, municipality, year, file)
        same.setdefault(key, []).append(Evaluation(tuple(found)))
    chosen = []
    for group in same.values():
        ranked = sorted(group, key=_preference)
        chosen.append(Evaluation(ranked[0].rows, tuple(e.rows for e in ranked[1:])))
    return sorted(chosen, key=lambda e: (swedish(e.municipality), e.year or 0, e.file))


def _preference(evaluation: Evaluation) -> tuple[int, int, str]:
    """Fewest problem areas, then most rows that checked out, then the first by name."""
    checked = sum(r.check == Check.OK for r in evaluation.rows)
    return sum(map(len, evaluation.problems())), -checked, evaluation.file


_ALPHABET_END = str.maketrans("åäöÅÄÖ", "{|}{|}")  # Å, Ä, Ö after Z, in that order


def swedish(text: str) -> str:
    """A sort key in Swedish alphabetical order (Ängelholm before Örebro, after Ystad)."""
    return text.lower().translate(_ALPHABET_END)


# ---------------------------------------------------------------------------------------------
# Jämförelse kompass: one block per revision

LEADING = ("utvärdering", "kommun", "kommunkod", "år", "ramverk")
FIRST_AREA_COLUMN = len(LEADING) + 1  # 1-based; the chart code reads the block by these
TOTAL = "totalt"


@dataclass(frozen=True)
class RevisionComparison:
    framework: str
    areas: tuple[tuple[int, str], ...]  # area number and its heading name
    evaluations: tuple[Evaluation, ...]

    @property
    def heading(self) -> str:
        return self.framework or UNKNOWN_FRAMEWORK

    @property
    def slug(self) -> str:
        """For file names: 'Kommunkompassen 2019/2020' → '2019-2020'."""
        words = re.sub(r"[^a-z0-9]+", "-", fold(self.heading)).strip("-")
        return words.removeprefix("kommunkompassen-")

    def area_headers(self) -> tuple[str, ...]:
        return tuple(f"{number} {name}".strip() for number, name in self.areas)

    def mean(self, number: int) -> float | None:
        return _mean(e.area_score(number) for e in self.evaluations)

    @property
    def mean_total(self) -> float | None:
        return _mean(e.total for e in self.evaluations)

    @property
    def mean_label(self) -> str:
        return f"Medelvärde ({len(self.evaluations)} utvärderingar)"

    @property
    def scale(self) -> int:
        """The largest area maximum: a shared radial scale keeps radar charts comparable."""
        maxima = [e.area_max(n) for e in self.evaluations for n, _ in self.areas]
        return max((m for m in maxima if m is not None), default=100)

    def block(self) -> Block:
        header = (*LEADING, *self.area_headers(), TOTAL, "kontroll", "fil", "dubbletter")
        rows = [
            (
                e.label,
                e.municipality,
                e.code,
                e.year,
                e.framework,
                *(e.area_score(n) for n, _ in self.areas),
                e.total,
                e.check,
                e.file,
                e.duplicate_note,
            )
            for e in self.evaluations
        ]
        means = (self.mean(n) for n, _ in self.areas)
        rows.append(
            (self.mean_label, "", "", None, self.framework, *means, self.mean_total, "", "", "")
        )
        title = f"{self.heading}: poäng per område (summan av delområdenas poäng)"
        return Block(header, tuple(rows), title=title, csv=f"jamforelse_kompass_{self.slug}")

    @property
    def total_column(self) -> int:
        return FIRST_AREA_COLUMN + len(self.areas)


def _mean(values: Iterable[int | None]) -> float | None:
    present = [v for v in values if v is not None]
    return round(fmean(present), 1) if present else None


def compare(rows: Sequence[KompassRow], names: Catalog) -> list[RevisionComparison]:
    """One comparison per revision, in name order (the older revision first)."""
    by_framework: dict[str, list[Evaluation]] = {}
    for evaluation in evaluations(rows):
        by_framework.setdefault(evaluation.framework, []).append(evaluation)
    comparisons = []
    for framework in sorted(by_framework, key=lambda f: (not f, f)):
        found = by_framework[framework]
        numbers = sorted({n for e in found for n in e.area_numbers()})
        areas = tuple((n, names.area(framework, n)) for n in numbers)
        comparisons.append(RevisionComparison(framework, areas, tuple(found)))
    return comparisons


# ---------------------------------------------------------------------------------------------
# Förändring kompass: consecutive evaluations of one municipality in one revision

CHANGE_HEADER = (
    "kommun",
    "kommunkod",
    "ramverk",
    "från år",
    "till år",
    "nivå",
    "nr",
    "namn",
    "max",
    "poäng från",
    "poäng till",
    "förändring",
    "fil från",
    "fil till",
)


def changes(comparisons: Sequence[RevisionComparison], names: Catalog) -> Block:
    """Per area, then its sub-areas, the points at the earlier and the later evaluation. A
    municipality is followed by its code (its name when the code is unknown); an evaluation
    without a year has no place in the order and is left out."""
    rows: list[tuple] = []
    for comparison in comparisons:
        series: dict[str, list[Evaluation]] = {}
        for evaluation in comparison.evaluations:
            key = evaluation.code or evaluation.municipality
            if key and evaluation.year:
                series.setdefault(key, []).append(evaluation)
        for found in series.values():
            ordered = sorted(found, key=lambda e: (e.year or 0, e.file))
            for before, after in pairwise(ordered):
                rows += _pair_rows(comparison, before, after, names)
    return Block(CHANGE_HEADER, tuple(rows), csv="forandring_kompass", signed="förändring")


def _pair_rows(
    comparison: RevisionComparison, before: Evaluation, after: Evaluation, names: Catalog
) -> list[tuple]:
    framework = comparison.framework
    items: list[tuple[str, str, str, int | None, int | None, int | None]] = []
    for number, area_name in comparison.areas:
        top = after.area_max(number) or before.area_max(number)
        old, new = before.area_score(number), after.area_score(number)
        items.append(("område", str(number), area_name, top, old, new))
        was = {r.subarea_no: r for r in before.area_rows(number)}
        now = {r.subarea_no: r for r in after.area_rows(number)}
        for code in sorted(was.keys() | now.keys(), key=_code_order):
            old_row, new_row = was.get(code), now.get(code)
            top = (new_row.max_score if new_row else None) or (
                old_row.max_score if old_row else None
            )
            old = old_row.score if old_row else None
            new = new_row.score if new_row else None
            items.append(("delområde", code, names.subarea(framework, code), top, old, new))
    lead = (after.municipality, after.code, framework, before.year, after.year)
    files = (before.file, after.file)
    return [(*lead, *item, _diff(item[4], item[5]), *files) for item in items]


def _diff(old: int | None, new: int | None) -> int | None:
    return None if old is None or new is None else new - old


def _code_order(code: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", code))
