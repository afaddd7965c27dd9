"""csv/long.csv: every number in one long table keyed like Kolada and SCB (kommunkod, period), so
results join with them. A measure (`mått`) name says what it is on its own: the revision and the
area or sub-area for Kompass, the matched indicator group and its units for indicators, the
unit, perspective, goal and activity for an action plan's goal fulfilment."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .compare import Catalog, RevisionComparison, swedish
from .compare_indicators import TABLE as INDICATORS
from .compare_indicators import Row, match_names, measure
from .sheets import Block

HEADER = ("kommunkod", "kommun", "period", "mått", "värde", "källa", "fil", "sida")
ACTION_PLANS = "handlingsplan"


def long_block(
    comparisons: Sequence[RevisionComparison],
    names: Catalog,
    indicators: Sequence[Row],
    action_plans: Sequence[Row],
) -> Block:
    """`indicators` and `action_plans` are rows of those tables by column name."""
    rows = _kompass(comparisons, names) + _indicators(indicators) + _action_plans(action_plans)
    rows.sort(key=lambda r: (r[5], r[0], swedish(r[1]), str(r[2]), r[6]))
    return Block(HEADER, tuple(rows), csv="long")


def _kompass(comparisons: Sequence[RevisionComparison], names: Catalog) -> list[tuple[Any, ...]]:
    """Per evaluation: the total, each area's sum, each sub-area's points; missing ones left out."""
    rows: list[tuple[Any, ...]] = []
    for comparison in comparisons:
        framework = comparison.heading
        for e in comparison.evaluations:
            lead = (e.code, e.municipality, e.year)
            first_page = min(r.page for r in e.rows)
            found = [(f"{framework} totalt", e.total, first_page)]
            for number, area_name in comparison.areas:
                area_rows = e.area_rows(number)
                if area_rows:
                    measure_name = f"{framework} område {number} {area_name}".strip()
                    found.append((measure_name, e.area_score(number), area_rows[0].page))
                for r in area_rows:
                    sub_name = names.subarea(r.framework, r.subarea_no) or r.subarea
                    found.append(
                        (f"{framework} delområde {r.subarea_no} {sub_name}", r.score, r.page)
                    )
            rows += [
                (*lead, name, value, "kompass", e.file, page)
                for name, value, page in found
                if value is not None
            ]
    return rows


def _indicators(indicators: Sequence[Row]) -> list[tuple[Any, ...]]:
    matches = match_names(str(r["indikator"]) for r in indicators)
    return [
        _row(r, r["period"], measure(r, matches), r["värde"], INDICATORS)
        for r in indicators
        if r.get("värde") is not None
    ]


def _action_plans(plans: Sequence[Row]) -> list[tuple[Any, ...]]:
    """Goal fulfilment, 1–4 as printed in a follow-up, for the year of the report."""
    found = []
    for r in plans:
        if r.get("måluppfyllelse") is not None:
            where = " / ".join(
                str(r[c]) for c in ("enhet", "perspektiv", "mål", "aktivitet") if r.get(c)
            )
            name = f"Handlingsplan måluppfyllelse (1–4): {where}"
            found.append(_row(r, r.get("år"), name, r["måluppfyllelse"], ACTION_PLANS))
    return found


def _row(source: Row, period: Any, name: str, value: Any, table: str) -> tuple[Any, ...]:
    place = (source.get("kommunkod") or "", source.get("kommun") or "")
    return (*place, period, name, value, table, source.get("fil") or "", source.get("sida"))
