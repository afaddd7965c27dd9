"""The shared value normaliser: cells as printed in Swedish reports → typed values, the raw
text always kept. Used by every table kind, so one cell means the same everywhere."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from rapidfuzz import fuzz, process

from .numbers import parse_number
from .text import fold

_MISSING = re.compile(
    r"^(|[-–—−]+|\.+|x|n/?a|uppgift saknas|saknas|ingen (mätning|uppgift|data)\b.*|"
    r"ej (mätt|tillämpligt|aktuellt)|ej mätning.*|inget (värde|utfall))$",
    re.IGNORECASE,
)
_BENCHMARK = re.compile(
    r"^(?P<value>.+?)\s*\(\s*(?:(?P<label>[a-zåäö .:]+?)\s*:?\s*)?(?P<bench>[+\-−–]?[\d  ,.]+)\s*(?P<bunit>%?)\s*\)$",
    re.IGNORECASE,
)
_SIGNED = re.compile(r"^(?P<sign>[+\-−–])\s+(?P<rest>\d.*)$")
_UNIT = re.compile(
    r"^(?P<number>[+\-−–]?\s?[\d  \u202f]+(?:[.,]\d+)?)\s*(?P<unit>%|‰|procent|promille|kr|tkr|mnkr|mkr|"
    r"st|stycken|timmar|tim|h|minuter|min|sekunder|sek|dagar|dgr|veckor|år|personer|pers|p|poäng|ggr|"
    r"kronor|m2|m²|m3|m³|km|ton|kg|kwh|mwh|gwh|liter)\.?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Value:
    """A cell: its number (None when it has none), unit, printed comparison value, raw text."""

    value: float | None
    unit: str
    benchmark: float | None
    raw: str

    @property
    def is_number(self) -> bool:
        return self.value is not None


def parse_value(text: str) -> Value:
    """'8 840' → 8840; '3,49' → 3.49; '74 %' → 74 with unit '%' ('4,8 ‰' likewise); '53 (medel 57)' → 53 with
    benchmark 57; '+ 40 696' → 40696; 'Ingen mätning gjordes', '–', '' → no value; words such
    as 'Bättre än snittet' → no value, raw text kept."""
    raw = " ".join(text.split())
    benchmark = None
    body = raw
    match = _BENCHMARK.match(raw)
    if match:
        bench = parse_number(match.group("bench").strip())
        if bench is not None:
            benchmark = _tidy(bench)
            body = match.group("value").strip()
    if _MISSING.match(body):
        return Value(None, "", benchmark, raw)
    signed = _SIGNED.match(body)
    if signed:  # "+ 40 696": a sign set apart from its number
        body = signed.group("sign") + signed.group("rest")
    number = parse_number(body)
    if number is not None:
        return Value(_tidy(number), "", benchmark, raw)
    unit_match = _UNIT.match(body)
    if unit_match:
        number = parse_number(unit_match.group("number").strip())
        if number is not None:
            unit = unit_match.group("unit").lower()
            unit = {"procent": "%", "promille": "‰"}.get(unit, unit)
            return Value(_tidy(number), unit, benchmark, raw)
    return Value(None, "", benchmark, raw)


def _tidy(number: float) -> float:
    return int(number) if number == int(number) else number


_MONTHS = {
    name: index
    for index, names in enumerate(
        [
            ("januari", "jan"),
            ("februari", "feb"),
            ("mars", "mar"),
            ("april", "apr"),
            ("maj",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("augusti", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# Any dash between a date's parts: OCR cannot tell a hyphen from an en dash ('2021-03– 31').
_ISO = re.compile(r"^(\d{4})\s*[-–—−]\s*(\d{1,2})\s*[-–—−]\s*(\d{1,2})$")
_ISO_MONTH = re.compile(r"^(\d{4})\s*[-–—−]\s*(\d{1,2})$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})\s*\.?\s*([a-zåäö]+)\.?\s+(\d{4})$", re.IGNORECASE)
_MONTH_YEAR = re.compile(r"^([a-zåäö]+)\.?\s+(\d{4})$", re.IGNORECASE)
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})[\s-]+(\d{4})$")


def parse_date(text: str) -> str | None:
    """'2016-06-30', '2019-12- 31' (broken over lines), '30 juni 2016', '31/12 2016' →
    '2016-06-30'-style ISO dates; 'juni 2016' and '2016-06' → '2016-06'. Anything else
    (such as 'Löpande') → None; the caller keeps the text."""
    cleaned = " ".join(text.split()).strip(" .,")
    candidates: list[tuple[int, int, int | None]] = []
    if match := _ISO.match(cleaned):
        candidates.append((int(match[1]), int(match[2]), int(match[3])))
    elif match := _ISO_MONTH.match(cleaned):
        candidates.append((int(match[1]), int(match[2]), None))
    elif (match := _DAY_MONTH_YEAR.match(cleaned)) and match[2].lower() in _MONTHS:
        candidates.append((int(match[3]), _MONTHS[match[2].lower()], int(match[1])))
    elif (match := _MONTH_YEAR.match(cleaned)) and match[1].lower() in _MONTHS:
        candidates.append((int(match[2]), _MONTHS[match[1].lower()], None))
    elif match := _SLASHED.match(cleaned):
        candidates.append((int(match[3]), int(match[2]), int(match[1])))
    for year, month, day in candidates:
        try:
            date(year, month, day or 1)
        except ValueError:
            return None
        return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
    return None


@cache
def _status_spellings() -> dict[str, str]:
    data = tomllib.loads(
        resources.files("extract").joinpath("data/status.toml").read_text(encoding="utf-8")
    )
    return {fold(spelling): term for term, spellings in data.items() for spelling in spellings}


# The thin upright strokes OCR tells apart least: an 'l' read as 'i', '1', '|' or '!'.
_STROKES = str.maketrans("i1|!", "llll")


@cache
def _status_strokes() -> dict[str, str]:
    """The spellings with their thin strokes made one: no two spellings differ in them."""
    return {spelling.translate(_STROKES): term for spelling, term in _status_spellings().items()}


# Words that turn a status around: a near spelling must agree on them ("Målet är ej helt
# uppfyllt" is no "Målet är helt uppfyllt").
_NEGATIONS = {"ej": "ej", "inte": "ej", "icke": "ej", "ingen": "ej", "delvis": "delvis"}


def _qualifiers(folded: str) -> set[str]:
    return {_NEGATIONS[w] for w in folded.split() if w in _NEGATIONS}


# Where a status cell goes on with a comment: "Klart, 17 nov", "Genomfört och fortsätter".
_STATUS_COMMENT = re.compile(r"\s*(?:[,;(–]|\s-\s|\s(?:och|med|men|enligt|i|under|till)\s|\d).*$")


def _status_key(text: str) -> str:
    return fold(text).strip(" .!:;")


def known_status_spelling(text: str) -> bool:
    """Whether a status is printed in a spelling of the vocabulary (a comment after it aside),
    not only near one: an OCR'd "Genomför" is "Genomfört" or "Genomförd", misread."""
    key = _status_key(text)
    spellings = _status_spellings()
    return key in spellings or _STATUS_COMMENT.sub("", key) in spellings


def status_spellings() -> list[str]:
    """The vocabulary's spellings, folded."""
    return list(_status_spellings())


def status_head(text: str) -> str:
    """A printed status folded, a comment after it left out ('Klart, 17 nov' → 'klart')."""
    return _STATUS_COMMENT.sub("", _status_key(text))


def normalise_status(text: str) -> str | None:
    """The vocabulary term for a printed status ('Pågår' → 'Pågående'), or None. A status
    followed by a comment ('Klart, 17 nov', 'Genomfört och fortsätter') is its status."""
    key = _status_key(text)
    if not key:
        return None
    spellings = _status_spellings()
    if key in spellings:
        return spellings[key]
    # A misread stroke costs a short word more than the near match allows ('Uppfyilt').
    if (term := _status_strokes().get(key.translate(_STROKES))) is not None:
        return term
    hit = process.extractOne(key, list(spellings), scorer=fuzz.ratio, score_cutoff=88)
    if hit and _qualifiers(hit[0]) == _qualifiers(key):
        return spellings[hit[0]]
    head = _STATUS_COMMENT.sub("", key)
    return spellings.get(head) if head and head != key else None
