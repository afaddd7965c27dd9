"""The `kompass` table: Kommunkompassen overview tables → one row per sub-area, with the
revision chosen by how well the whole table fits each profile, and the arithmetic checked."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from .coded_table import Row, Section, read_sections
from .context import DocumentContext, KindResult
from .derive import Derivation, derive
from .numbers import parse_percent
from .page import Page, Source
from .profiles import Profile
from .provenance import REVIEW_BELOW, unsure_reading
from .records import Check, KompassRow, ReviewRow
from .text import fold

_INT = re.compile(r"^\d{1,3}$")


@dataclass(frozen=True)
class Item:
    code: str
    text: str
    score: int | None
    max_score: int | None
    percent: float | None
    page: int
    raw: dict[str, str] = field(default_factory=dict, compare=False)  # cells as read
    confidence: float = 1.0  # the least sure word of the row
    method: str = Source.TEXT.value


@dataclass(frozen=True)
class Area:
    number: int
    title: str
    total_score: int | None
    total_max: int | None
    items: tuple[Item, ...]


def read(document: DocumentContext, profiles: Sequence[Profile]) -> KindResult:
    synonyms = _synonyms(profiles)
    sections = read_sections(document.pages, document.furniture, synonyms)
    areas = _areas(_prefer_overview(_merge_adjacent(sections), document, profiles), document.pages)
    if not areas:
        return KindResult()
    profile, fit = best_profile(areas, profiles)
    warnings = []
    if profile is None:
        warnings.append(f"kompass: revisionen kunde inte avgöras (bästa träff {fit:.0f} %)")
    tolerance = int(profile.content.get("total_tolerance", 0)) if profile else 0
    framework = str(profile.content.get("ramverk", profile.name)) if profile else ""
    rows: list[KompassRow] = []
    review: list[ReviewRow] = []
    for printed_area in areas:
        area, derivations = derive(printed_area, tolerance)
        derived = {d.code: d for d in derivations}
        area_check, message = check_area(area, tolerance)
        if message:
            warnings.append(f"kompass område {area.number}: {message}")
        for item in area.items:
            check = Check.DERIVED if item.code in derived else _worst(area_check, check_item(item))
            row = KompassRow(
                municipality=document.municipality_name,
                municipality_code=document.municipality_code,
                year=document.year,
                framework=framework,
                area_no=area.number,
                area=_area_title(area, item, profile),
                subarea_no=item.code,
                subarea=item.text,
                score=item.score,
                max_score=item.max_score,
                percent=item.percent,
                check=check,
                method=item.method,
                confidence=item.confidence,
                file=document.file_name,
                page=item.page,
            )
            rows.append(row)
            review += _review(row, derived.get(item.code), message)
    return KindResult(
        rows={"kompass": rows, "granska": review},
        warnings=warnings,
        profiles=[profile.name] if profile else [],
    )


def _review(row: KompassRow, derivation: Derivation | None, area_message: str) -> list[ReviewRow]:
    """Why a person should look at this row, if they should."""
    reasons = []
    if derivation is not None:
        printed = f"tryckt: {derivation.printed!r}" if derivation.printed else "oläslig"
        reasons.append(f"{derivation.reason} ({printed})")
    elif row.check == Check.DEVIATION:
        reasons.append(area_message or "tryckta värden stämmer inte med varandra")
    if row.confidence < REVIEW_BELOW:
        reasons.append(unsure_reading(row.method, row.confidence))
    if not reasons:
        return []
    return [
        ReviewRow(
            table="kompass",
            file=row.file,
            page=row.page,
            row=row.subarea_no,
            text=row.subarea,
            reason="; ".join(reasons),
        )
    ]


def _synonyms(profiles: Sequence[Profile]) -> dict[str, list[str]]:
    merged: dict[str, list[str]] = {}
    for profile in profiles:
        for role, column in profile.columns.items():
            merged.setdefault(role, [])
            merged[role] += [h for h in column.headers if h not in merged[role]]
    return merged


def _merge_adjacent(sections: list[Section]) -> list[Section]:
    """An area continued under a repeated header is still one area."""
    merged: list[Section] = []
    for section in sections:
        last = merged[-1] if merged else None
        if last is not None and last.code == section.code:
            last.items.extend(section.items)
            last.total = last.total or section.total
            last.title = last.title or section.title
        else:
            merged.append(section)
    return merged


def _prefer_overview(
    sections: list[Section], document: DocumentContext, profiles: Sequence[Profile]
) -> list[Section]:
    """When an area appears twice (a per-area box and the overview), keep the overview's:
    the one after the overview heading, else the later one."""
    headings = [fold(h) for p in profiles for h in p.headings]
    heading_page = 0
    for number, text in enumerate(document.page_texts, start=1):
        for line in text.splitlines():
            folded = fold(line)
            if (
                len(folded) < 80
                and any(fuzz.partial_ratio(h, folded) >= 90 for h in headings)
                and not re.search(r"\.{4,}|\s\d+$", line.strip())
            ):
                heading_page = number  # the last one: a table of contents comes first
    chosen: dict[str | None, Section] = {}
    for section in sections:
        previous = chosen.get(section.code)
        if previous is None or not (previous.page >= heading_page > section.page):
            chosen[section.code] = section
    return [s for s in sections if chosen.get(s.code) is s]


def _areas(sections: list[Section], pages: dict[int, Page]) -> list[Area]:
    areas = []
    for section in sections:
        if section.code is None or not section.code.isdigit():
            continue
        items = []
        seen: set[str] = set()
        for row in section.items:
            if row.code is None or row.code in seen:
                continue
            seen.add(row.code)
            page = pages.get(row.page)
            items.append(
                Item(
                    code=row.code,
                    text=row.text,
                    score=_int(row.values.get("poäng")),
                    max_score=_int(row.values.get("max")),
                    percent=_percent(row.values.get("procent")),
                    page=row.page,
                    raw=dict(row.values),
                    confidence=_confidence(row),
                    method=(page.source if page else Source.TEXT).value,
                )
            )
        total = section.total or {}
        areas.append(
            Area(
                number=int(section.code),
                title=section.title,
                total_score=_int(total.get("poäng")),
                total_max=_int(total.get("max")),
                items=tuple(items),
            )
        )
    return areas


def _confidence(row: Row) -> float:
    words = [w for line in row.lines for w in line.line.words]
    return round(min((w.confidence for w in words), default=1.0), 2)


def _int(text: str | None) -> int | None:
    return int(text) if text and _INT.match(text) else None


def _percent(text: str | None) -> float | None:
    if not text:
        return None
    value = parse_percent(text) if not _INT.match(text) else float(text)
    if value is None:
        return None
    return int(value) if value == int(value) else value


# ---------------------------------------------------------------------------------------------
# Which revision


def best_profile(
    areas: Sequence[Area], profiles: Sequence[Profile]
) -> tuple[Profile | None, float]:
    """The profile whose areas, sub-area names and max points fit the whole table best."""
    scored = sorted(((fit(areas, p), p) for p in profiles), key=lambda pair: -pair[0])
    if not scored or scored[0][0] < 45:
        return None, scored[0][0] if scored else 0.0
    return scored[0][1], scored[0][0]


def fit(areas: Sequence[Area], profile: Profile) -> float:
    """0–100: sub-area names weigh most, then max points, then the area titles (which may be
    template left-overs, so they never decide alone)."""
    known = {a["nr"]: a for a in profile.content.get("areas", [])}
    names: list[float] = []
    maxima: list[float] = []
    titles: list[float] = []
    for area in areas:
        spec = known.get(area.number)
        if spec is None:
            names.append(0.0)
            continue
        if area.title:
            titles.append(
                max(fuzz.token_sort_ratio(fold(area.title), fold(n)) for n in spec["names"])
            )
        subareas = {s["nr"]: s for s in spec["subareas"]}
        for item in area.items:
            sub = subareas.get(item.code)
            if sub is None:
                names.append(0.0)
                maxima.append(0.0)
                continue
            names.append(fuzz.token_set_ratio(fold(item.text), fold(sub["name"])))
            maxima.append(100.0 if item.max_score == sub["max"] else 0.0)

    def mean(values: list[float]) -> float:
        return sum(values) / len(values) if values else 0.0

    return 0.55 * mean(names) + 0.3 * mean(maxima) + 0.15 * mean(titles)


# Letters an OCR'd area title may differ by from a name the profile knows (one in ten at most).
_MISREAD_LETTERS = 2


def _area_title(area: Area, item: Item, profile: Profile | None) -> str:
    """The area's title as printed, or the profile's when none is. On an OCR'd page a title a
    letter or two from a name the profile knows for the area is that name misread
    ("Ständiga förvättringar")."""
    if not area.title:
        return _profile_area_name(profile, area.number)
    if item.method == Source.TEXT.value or profile is None:
        return area.title
    names = [
        n for a in profile.content.get("areas", []) if a["nr"] == area.number for n in a["names"]
    ]
    close = [
        n
        for n in names
        if Levenshtein.distance(area.title, n) <= min(_MISREAD_LETTERS, len(n) // 10)
    ]
    return close[0] if close else area.title


def _profile_area_name(profile: Profile | None, number: int) -> str:
    for area in profile.content.get("areas", []) if profile else []:
        if area["nr"] == number:
            return str(area["names"][0])
    return ""


# ---------------------------------------------------------------------------------------------
# Checks: printed values are never changed, only judged


def check_item(item: Item) -> str:
    if item.score is None or item.max_score is None:
        return Check.DEVIATION
    if item.score > item.max_score:
        return Check.DEVIATION
    if item.percent is None:
        return Check.UNCHECKED
    # The percent is the evaluators' figure and the points are rounded from it.
    expected = item.percent * item.max_score / 100
    slack = 0.5 + 0.005 * item.max_score + 1e-9
    return Check.OK if abs(expected - item.score) <= slack else Check.DEVIATION


def check_area(area: Area, tolerance: int) -> tuple[str, str]:
    """The items against the printed area total; `tolerance` points of rounding allowed."""
    if area.total_score is None:
        return Check.UNCHECKED, ""
    scores = [i.score for i in area.items]
    if any(s is None for s in scores):
        return Check.DEVIATION, "poäng saknas för något delområde"
    total = sum(s for s in scores if s is not None)
    if abs(total - area.total_score) > tolerance:
        return (
            Check.DEVIATION,
            f"delområdena summerar till {total}, tryckt summa {area.total_score}",
        )
    maxima = [i.max_score for i in area.items]
    if area.total_max is not None and None not in maxima:
        max_total = sum(m for m in maxima if m is not None)
        if max_total != area.total_max:
            return Check.DEVIATION, f"maxpoängen summerar till {max_total}, tryckt {area.total_max}"
    return Check.OK, ""


def _worst(area_check: str, item_check: str) -> str:
    """An item is ok when everything that could be checked agreed, and at least one thing was."""
    if Check.DEVIATION in (area_check, item_check):
        return Check.DEVIATION
    if Check.OK in (area_check, item_check):
        return Check.OK
    return Check.UNCHECKED
