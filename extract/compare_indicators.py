"""Indicators side by side (indicator × municipality × period) from the `indikatorer` table.

Reports word the same indicator in different ways, so names are grouped by similarity. The
grouping is shown next to the values (each printed name, the group it joined and how similar it
was), never applied silently. The rows are read by their column names, the table's contract:
kommun, kommunkod, år, enhet, mål_nr, indikator, indikatorkälla, period, värde, enhet_värde,
jämförelsevärde, råtext, fil, sida."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process

from .compare import swedish
from .sheets import Block
from .text import fold

TABLE = "indikatorer"
# Similarity (rapidfuzz token_sort_ratio, 0–100) of folded names for one indicator. The numbers
# in a name must also agree: "andel elever i åk 6" and "… åk 9" are different indicators.
SAME_INDICATOR = 90

Row = Mapping[str, Any]


@dataclass(frozen=True)
class NameMatch:
    name: str  # as printed
    group: str  # the group's name: its most often printed form
    score: float  # how similar the name is to the group's first name, 0–100


def _normal(name: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold(name)).split())


def match_names(names: Iterable[str]) -> dict[str, NameMatch]:
    """Printed name → its group. The most common names found the groups, so a rare misspelling
    joins the usual wording rather than the other way round; the order is fixed, so the same
    names always give the same groups."""
    printed = Counter(names)
    forms: dict[str, Counter[str]] = {}
    for name, count in printed.items():
        forms.setdefault(_normal(name), Counter())[name] += count
    order = sorted(forms, key=lambda form: (-sum(forms[form].values()), form))
    founders: list[str] = []
    joined: dict[str, tuple[str, float]] = {}
    for form in order:
        digits = re.findall(r"\d+", form)
        candidates = [f for f in founders if re.findall(r"\d+", f) == digits]
        hit = process.extractOne(
            form, candidates, scorer=fuzz.token_sort_ratio, score_cutoff=SAME_INDICATOR
        )
        if hit is None:
            founders.append(form)
            joined[form] = (form, 100.0)
        else:
            joined[form] = (hit[0], round(hit[1], 1))
    label = {
        form: sorted(forms[form].items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for form in founders
    }
    return {
        name: NameMatch(name, label[joined[form][0]], joined[form][1])
        for form, spellings in forms.items()
        for name in spellings
    }


def measure(row: Row, matches: Mapping[str, NameMatch]) -> str:
    """A self-explaining, stable measure name: indicator group, unit of the organisation, and
    the unit of the value."""
    name = matches[str(row["indikator"])].group
    if row.get("enhet"):
        name += f", {row['enhet']}"
    if row.get("enhet_värde"):
        name += f" ({row['enhet_värde']})"
    return name


VALUE_LEAD = ("indikator", "enhet_värde", "kommun", "kommunkod", "enhet", "namn i rapporterna")
MATCH_HEADER = ("namn i rapporten", "indikator", "likhet", "rader", "filer")


def compare_indicators(rows: Sequence[Row]) -> list[Block]:
    """The values block and the name-matching block; nothing when there are no indicators."""
    if not rows:
        return []
    matches = match_names(str(r["indikator"]) for r in rows)
    return [_values(rows, matches), _matching(rows, matches)]


def _values(rows: Sequence[Row], matches: Mapping[str, NameMatch]) -> Block:
    periods = sorted({str(r["period"]) for r in rows}, key=_period_order)
    cells: dict[tuple, dict[str, list[Any]]] = {}
    printed: dict[tuple, dict[str, None]] = {}
    for row in rows:
        key = (
            matches[str(row["indikator"])].group,
            row.get("enhet_värde") or "",
            row.get("kommun") or "",
            row.get("kommunkod") or "",
            row.get("enhet") or "",
        )
        printed.setdefault(key, {})[str(row["indikator"])] = None
        values = cells.setdefault(key, {}).setdefault(str(row["period"]), [])
        if row.get("värde") is not None and row["värde"] not in values:
            values.append(row["värde"])
    ordered = sorted(cells, key=lambda k: (swedish(k[0]), k[1], swedish(k[2]), k[3], k[4]))
    body = tuple(
        (*key, "; ".join(printed[key]), *(_cell(cells[key].get(p, [])) for p in periods))
        for key in ordered
    )
    title = "Indikatorer: värde per kommun och period (indikatornamn grupperade, se nedan)"
    return Block((*VALUE_LEAD, *periods), body, title=title, csv="jamforelse_indikatorer")


def _cell(values: list[Any]) -> Any:
    """One value as a number; reports that disagree on a value show every value, as text."""
    if len(values) > 1:
        return " / ".join(str(v) for v in values)
    return values[0] if values else None


def _period_order(period: str) -> tuple[tuple[int, ...], str]:
    return tuple(int(n) for n in re.findall(r"\d+", period)), period


def _matching(rows: Sequence[Row], matches: Mapping[str, NameMatch]) -> Block:
    counts = Counter(str(r["indikator"]) for r in rows)
    files: dict[str, dict[str, None]] = {}
    for row in rows:
        files.setdefault(str(row["indikator"]), {})[str(row.get("fil") or "")] = None
    ordered = sorted(matches.values(), key=lambda m: (swedish(m.group), -m.score, m.name))
    body = tuple(
        (m.name, m.group, m.score, counts[m.name], ", ".join(files[m.name])) for m in ordered
    )
    title = (
        f"Namnmatchning: varje tryckt indikatornamn och gruppen det räknas till "
        f"(likhet 0–100; samma grupp från {SAME_INDICATOR} och med samma siffror)"
    )
    return Block(MATCH_HEADER, body, title=title, csv="jamforelse_indikatorer_namn")
