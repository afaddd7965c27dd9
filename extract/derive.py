"""Values a damaged page lost, derived from the arithmetic the table itself prints.

Where exactly one value of an area is unreadable or contradicts the area's printed total, it
is the total minus the other items (exact revisions), or percent × max (revisions whose
points are rounded from percentages). A maximum can be derived the same way from the area's
printed maximum. Derived values are marked `härledd`; nothing is derived where two or more
values are unknown, and a printed value that agrees with the arithmetic is never touched."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .kompass import Area, Item

UNSURE = 0.75  # an OCR'd cell below this confidence may be the misread one


@dataclass(frozen=True)
class Derivation:
    code: str
    field: str  # "poäng" or "max"
    printed: str  # the cell as read, empty when nothing was
    value: int
    reason: str


def derive(area: Area, tolerance: int) -> tuple[Area, list[Derivation]]:
    area, derived_max = _derive_max(area)
    area, derived_score = _derive_score(area, tolerance)
    return area, derived_max + derived_score


def _derive_max(area: Area) -> tuple[Area, list[Derivation]]:
    if area.total_max is None:
        return area, []
    known = [i.max_score for i in area.items if i.max_score is not None]
    suspects = [i for i in area.items if i.max_score is None or i.max_score < (i.score or 0)]
    if not suspects and sum(known) != area.total_max:
        suspects = [i for i in area.items if i.confidence < UNSURE]
    if len(suspects) != 1:
        return area, []
    (suspect,) = suspects
    others = sum(i.max_score or 0 for i in area.items if i is not suspect)
    value = area.total_max - others
    if value <= 0 or (suspect.score is not None and value < suspect.score):
        return area, []
    reason = f"max härlett ur områdets maxpoäng {area.total_max}"
    return _with(area, suspect, replace(suspect, max_score=value)), [
        Derivation(suspect.code, "max", suspect.raw.get("max", ""), value, reason)
    ]


def _derive_score(area: Area, tolerance: int) -> tuple[Area, list[Derivation]]:
    suspects = [
        i
        for i in area.items
        if i.score is None or (i.max_score is not None and i.score > i.max_score)
    ]
    total = area.total_score
    if not suspects and total is not None:
        printed = sum(i.score or 0 for i in area.items)
        if abs(printed - total) > tolerance:
            suspects = [i for i in area.items if i.confidence < UNSURE]
    if len(suspects) != 1:
        return area, []
    (suspect,) = suspects
    value, reason = None, ""
    if total is not None and tolerance == 0:
        value = total - sum(i.score or 0 for i in area.items if i is not suspect)
        reason = f"poäng härledd ur områdets summa {total}"
    elif suspect.percent is not None and suspect.max_score is not None:
        value = round(suspect.percent * suspect.max_score / 100)
        reason = f"poäng härledd ur procent {suspect.percent} och max {suspect.max_score}"
    if value is None or value < 0 or (suspect.max_score is not None and value > suspect.max_score):
        return area, []
    return _with(area, suspect, replace(suspect, score=value)), [
        Derivation(suspect.code, "poäng", suspect.raw.get("poäng", ""), value, reason)
    ]


def _with(area: Area, old: Item, new: Item) -> Area:
    return replace(area, items=tuple(new if item is old else item for item in area.items))
