"""The 290 Swedish municipalities with their SCB codes, and a forgiving name matcher."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from rapidfuzz import fuzz, process

from .text import fold


@dataclass(frozen=True)
class Municipality:
    code: str  # kommunkod, four digits with the leading zero
    name: str
    county_code: str
    county: str


@cache
def municipalities() -> tuple[Municipality, ...]:
    text = resources.files("extract").joinpath("data/kommuner.csv").read_text(encoding="utf-8")
    return tuple(
        Municipality(r["kommunkod"], r["kommun"], r["länskod"], r["län"])
        for r in csv.DictReader(text.splitlines())
    )


@cache
def _by_folded() -> dict[str, Municipality]:
    return {fold(m.name): m for m in municipalities()}


_SUFFIX = re.compile(r"\s+(kommuns?|stads?|kommunkoncern)$", re.IGNORECASE)
# No name has a digit: one inside a name is an English OCR engine's reading of a Swedish
# letter ("Savsj6s" for "Sävsjös"), folded as fold() folds it.
_OCR_DIGITS = str.maketrans({"6": "o", "0": "o", "4": "a"})


def match_name(text: str, min_score: float = 88) -> Municipality | None:
    """'Åmåls kommun', 'ÅMÅL', 'Amals', 'Améls kommun', 'Am4l' → Åmål; None when nothing is
    close."""
    name = _SUFFIX.sub("", " ".join(text.split())).strip(" ,.:;–-")
    if not name:
        return None
    folded = fold(name).translate(_OCR_DIGITS)
    known = _by_folded()
    for candidate in (folded, folded[:-1] if folded.endswith("s") else folded):
        if candidate in known:
            return known[candidate]
    if len(folded) < 4:
        return None  # short names are too easy to hit by accident
    choices = list(known)
    for candidate in (folded, folded[:-1]):
        hit = process.extractOne(candidate, choices, scorer=fuzz.ratio, score_cutoff=min_score)
        if hit is not None:
            return known[hit[0]]
    return None
