"""Facts about a report as a whole, read from its own text: which municipality, which year."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date

from .kommuner import Municipality, match_name

_NAME_BEFORE_KOMMUN = re.compile(
    r"((?:[A-ZÅÄÖÉ][\wåäöéÅÄÖÉ]*[\s-]){0,2}[A-ZÅÄÖÉ][\wåäöéÅÄÖÉ]*)\s+(?:[Kk]ommuns?|KOMMUNS?|[Ss]tads?)\b"
)
_REGION = re.compile(r"\bRegion\s+([A-ZÅÄÖ][\wåäö]+)")  # Gotland is a municipality and a region
_NAME_AFTER_OF = re.compile(r"\b(?:av|för|i)\s+((?:[A-ZÅÄÖÉ][\wåäöéÅÄÖÉ-]*\s?){1,3})")
_YEAR = re.compile(r"(?<![\d/–-])((?:19|20)\d\d)(?![\d/])")
_MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]
_DATED = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b|\d{4}-\d\d-\d\d", re.IGNORECASE)
# A report that covers a year names it: "Kvalitetsredovisning 2018" is about 2018, even when
# the title page is dated "Mars 2019".
_REPORT_OF_YEAR = re.compile(
    r"\b(kvalitetsredovisning|årsredovisning|verksamhetsberättelse|verksamhetsplan|"
    r"handlingsplan|delårsrapport|delårsuppföljning)(en)?\s+(för\s+)?((?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def find_municipality(page_texts: Sequence[str]) -> Municipality | None:
    """The municipality the report is about: the one named with 'kommun' on the title page
    (a title may wrap, so its lines are read joined); where several are (an evaluator's home
    municipality), the one named most often in the whole report."""
    everywhere: Counter[Municipality] = Counter()
    for text in page_texts:
        for line in text.splitlines():
            everywhere.update(_candidates(line))
    for pages in (page_texts[:1], page_texts[:3]):
        named = {m for text in pages for m in _candidates(" ".join(text.split()))}
        if named:
            return max(named, key=lambda m: (everywhere[m], m.name))
    return everywhere.most_common(1)[0][0] if everywhere else None


def _candidates(line: str) -> list[Municipality]:
    found = [
        hit
        for match in _NAME_BEFORE_KOMMUN.finditer(line)
        if (hit := _longest_name(match.group(1).split(), from_end=True, min_score=88))
    ]
    for match in _REGION.finditer(line):
        hit = match_name(match.group(1), min_score=95)
        if hit is not None:
            found.append(hit)
    if not found:
        found = [
            hit
            for match in _NAME_AFTER_OF.finditer(line)
            if (hit := _longest_name(match.group(1).split(), from_end=False, min_score=95))
        ]
    return found


def _longest_name(words: list[str], from_end: bool, min_score: float) -> Municipality | None:
    """The longest run of words at one end that names a municipality: "Upplands Väsby" before
    "Väsby" (before "kommun"), "Upplands Väsby" before "Upplands" (after "av")."""
    for size in range(len(words), 0, -1):
        run = words[-size:] if from_end else words[:size]
        hit = match_name(" ".join(run), min_score=min_score)
        if hit is not None:
            return hit
    return None


_REPORT_WORDS = re.compile(
    r"uppföljning|redovisning|berättelse|kommunkompass|handlingsplan|utvärdering|rapport|"
    r"verksamhetsplan|bokslut|analys",
    re.IGNORECASE,
)
_ADMINISTRATIVE = re.compile(
    r"\b(dnr|diarie\w*|beslutad\w*|antagen|antogs|fastställd\w*|reviderad\w*|justerad\w*)\b",
    re.IGNORECASE,
)


def find_year(page_texts: Sequence[str], latest: int | None = None) -> int | None:
    """The report's year, from its title page: a year on a line naming the report
    ("Helårsuppföljning 2019", "Kommunkompassen 2017") first, then a dated line
    ("Oktober 2017"), then the latest year printed there; administrative lines ("Dnr 2020/14",
    "Beslutad 2020-02-19") never decide. Failing that, the most frequent year of the first
    pages."""
    latest = latest or date.today().year + 1
    title = page_texts[0] if page_texts else ""
    named: list[int] = []
    dated: list[int] = []
    printed: list[int] = []
    for line in title.splitlines():
        if _ADMINISTRATIVE.search(line):
            continue
        years = [int(y) for y in _YEAR.findall(line) if 1990 <= int(y) <= latest]
        printed += years
        # A title is short; running text on a title page may name next year's work.
        if years and _REPORT_WORDS.search(line) and len(line.split()) <= 12:
            named += years
        if years and _DATED.search(line):
            dated += years
    for found in (named, dated, printed):
        if found:
            return max(found)
    counts = Counter(
        int(y) for text in page_texts[:3] for y in _YEAR.findall(text) if 1990 <= int(y) <= latest
    )
    return counts.most_common(1)[0][0] if counts else None


def find_unit(page_texts: Sequence[str], patterns: Sequence[re.Pattern[str]]) -> str:
    """The reporting unit named on the title page ("Kommunledningskontoret", "Sektor
    utbildning"), as printed: the first match of the first pattern that matches a line."""
    lines = [" ".join(line.split()) for line in (page_texts[0] if page_texts else "").splitlines()]
    for pattern in patterns:
        for line in lines:
            if match := pattern.search(line):
                return match.group(0).strip()
    return ""
