"""The data behind the handlingsplan samples: what each grid holds, drawn from the texts with a
seeded generator, and the printed form of every cell. The expected CSV is written from these
objects, never from reading a PDF back."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Literal

from handlingsplan_texts import AIMS, PERSPECTIVES, STATUS_TERMS
from kompass_model import CellPara, GridCell, GridTable

DateStyle = Literal["iso", "broken", "words"]


@dataclass(frozen=True)
class Printed:
    """A cell as printed (a newline is a forced line break) and the value it must give."""

    printed: str
    value: str


@dataclass(frozen=True)
class Activity:
    text: str
    date: Printed  # value: the ISO date, or the words as printed ("Löpande")
    status: Printed  # value: the vocabulary term, "" for a status outside it
    comment: str


@dataclass(frozen=True)
class Goal:
    title: str
    description: str
    activities: tuple[Activity, ...]


@dataclass(frozen=True)
class PerspectiveGrid:
    perspective: str
    goals: tuple[Goal, ...]


@dataclass(frozen=True)
class Effort:
    """One row of a unit's follow-up."""

    desired: str
    planning: str
    analysis: str
    score: int
    next_steps: str


@dataclass(frozen=True)
class Aim:
    goal: str
    efforts: tuple[Effort, ...]


@dataclass(frozen=True)
class UnitGrid:
    unit: str
    aims: tuple[Aim, ...]


# --------------------------------------------------------------------------- shape (a)

_MONTHS = ["mars", "juni", "september", "december"]
_LAST_DAY = {"mars": "03-31", "juni": "06-30", "september": "09-30", "december": "12-31"}


def _date(rng: random.Random, year: int, styles: tuple[DateStyle, ...]) -> Printed:
    month = rng.choice(_MONTHS)
    iso = f"{year}-{_LAST_DAY[month]}"
    style = rng.choice(styles)
    if style == "broken":  # a narrow column: the date breaks after its second hyphen
        return Printed(iso[:8] + "\n" + iso[8:], iso)
    if style == "words":
        return rng.choice(
            [
                Printed("Löpande", "Löpande"),
                Printed(f"{int(iso[8:])} {month} {year}", iso),
                Printed(f"{month.capitalize()} {year}", iso[:7]),
                Printed(f"Hösten {year}", f"Hösten {year}"),
            ]
        )
    return Printed(iso, iso)


def perspective_grids(
    rng: random.Random,
    year: int,
    date_styles: tuple[DateStyle, ...],
    statuses: tuple[str, ...],
    long_perspective: str,
    unknown_status: str = "",
) -> list[PerspectiveGrid]:
    """One grid per perspective, two or three goals each; `long_perspective` gets every goal
    and activity there is, so that its grid runs over a page break."""
    grids = []
    for perspective, goals in PERSPECTIVES.items():
        chosen = goals if perspective == long_perspective else rng.sample(goals, 2)
        built = []
        for title, description, activities in chosen:
            count = len(activities) if perspective == long_perspective else rng.randint(1, 3)
            picked = activities[:count]
            built.append(
                Goal(
                    title,
                    description,
                    tuple(
                        Activity(text, _date(rng, year, date_styles), _status(rng, statuses), note)
                        for text, note in picked
                    ),
                )
            )
        grids.append(PerspectiveGrid(perspective, tuple(built)))
    if unknown_status:  # one status outside the vocabulary: kept raw, with a warning
        grid = grids[1]
        goal = grid.goals[0]
        first = goal.activities[0]
        odd = Activity(first.text, first.date, Printed(unknown_status, ""), first.comment)
        goals_ = (Goal(goal.title, goal.description, (odd, *goal.activities[1:])), *grid.goals[1:])
        grids[1] = PerspectiveGrid(grid.perspective, goals_)
    return grids


def _status(rng: random.Random, statuses: tuple[str, ...]) -> Printed:
    printed = rng.choice(statuses)
    return Printed(printed, STATUS_TERMS[printed])


@dataclass(frozen=True)
class HeaderWords:
    """How a shape (a) grid names its columns, and the captions under the names."""

    goal: str = "Nämndmål"
    activity: str = "Aktivitet"
    date: str = "Slutdatum {year}"
    status: str = "Status"
    comment: str = "Kommentar"
    date_caption: str = "Datum då aktiviteten enligt planen ska vara klar."
    status_caption: str = "Genomförd, pågår eller kvarstår"
    captions_in_own_row: bool = False
    bold_goal: bool = True


def perspective_table(
    grid: PerspectiveGrid, year: int, words: HeaderWords, widths: list[float]
) -> GridTable:
    def title(text: str) -> CellPara:
        return CellPara(text.format(year=year), bold=True)

    header: list[GridCell] = [
        (title(words.goal),),
        (title(words.activity),),
        (title(words.date),),
        (title(words.status),),
        (title(words.comment),),
    ]
    captions: list[GridCell] = [(), (), (CellPara(words.date_caption, small=True),)]
    captions += [(CellPara(words.status_caption, small=True),), ()]
    if not words.captions_in_own_row:
        header = [h + c for h, c in zip(header, captions, strict=True)]
    rows: list[list[GridCell]] = []
    merges = []
    for goal in grid.goals:
        first = len(rows)
        for index, activity in enumerate(goal.activities):
            goal_cell: GridCell = ()
            if index == 0:
                goal_cell = (CellPara(goal.title, bold=words.bold_goal), CellPara(goal.description))
            rows.append(
                [
                    goal_cell,
                    (CellPara(activity.text),),
                    (CellPara(activity.date.printed),),
                    (CellPara(activity.status.printed),),
                    (CellPara(activity.comment),) if activity.comment else (),
                ]
            )
        if len(rows) - first > 1:
            merges.append((0, first, len(rows) - 1))
    return GridTable(
        header=header,
        rows=rows,
        widths_cm=widths,
        merges=merges,
        caption_row=captions if words.captions_in_own_row else None,
    )


# --------------------------------------------------------------------------- shape (b)


def unit_grids(rng: random.Random, units: list[str], long_unit: str) -> list[UnitGrid]:
    """Each unit follows up two of the verksamhetsmål with one or two rows each; `long_unit`
    follows up three with three rows each, so that its grid runs over a page break. No row is
    used twice in a report."""
    unused = {aim: list(rows) for aim, rows in AIMS.items()}
    grids = {}
    for unit in sorted(units, key=lambda u: u != long_unit):  # the long one first
        long = unit == long_unit
        need = 3 if long else 1
        aims = rng.sample([a for a, rows in unused.items() if len(rows) >= need], 3 if long else 2)
        built = []
        for aim in aims:
            count = 3 if long else rng.randint(1, min(2, len(unused[aim])))
            rows = rng.sample(unused[aim], count)
            unused[aim] = [row for row in unused[aim] if row not in rows]
            built.append(Aim(aim, tuple(Effort(*row) for row in rows)))
        grids[unit] = UnitGrid(unit, tuple(built))
    return [grids[unit] for unit in units]


@dataclass(frozen=True)
class UnitHeader:
    goal: str = "NÄMNDENS/BOLAGETS VERKSAMHETSMÅL {first}–{last}"
    upper: bool = True  # header names in capitals, as Word's template has them
    legend_lines: bool = True  # the 1–4 legend one step a line


def unit_table(grid: UnitGrid, year: int, words: UnitHeader, widths: list[float]) -> GridTable:
    def name(text: str) -> CellPara:
        return CellPara(text.upper() if words.upper else text, bold=True)

    def caption(text: str) -> CellPara:
        return CellPara(text, small=True)

    steps = ["4 = mycket hög", "3 = medel/hög", "2 = medel/låg", "1 = mycket låg"]
    legend = "\n".join(steps) if words.legend_lines else " ".join(steps)
    header: list[GridCell] = [
        (CellPara(words.goal.format(first=year - 2, last=year), bold=True),),
        (name("Önskvärt resultat"), caption("Det läge vi vill nå")),
        (name("Planering"), caption("Insatser vi har gjort för att nå dit")),
        (name("Analys/slutsats"), caption("Blev det som vi ville? Varför, eller varför inte?")),
        (name("Måluppfyllelse"), caption("i förhållande till verksamhetsmålet"), caption(legend)),
        (name("Nya insatser/åtgärder"), caption("Det vi planerar utifrån analysen")),
    ]
    rows: list[list[GridCell]] = []
    merges = []
    for aim in grid.aims:
        first = len(rows)
        for index, effort in enumerate(aim.efforts):
            rows.append(
                [
                    (CellPara(aim.goal),) if index == 0 else (),
                    (CellPara(effort.desired),),
                    (CellPara(effort.planning),),
                    (CellPara(effort.analysis),),
                    (CellPara(str(effort.score)),),
                    (CellPara(effort.next_steps),),
                ]
            )
        if len(rows) - first > 1:
            merges.append((0, first, len(rows) - 1))
    return GridTable(header=header, rows=rows, widths_cm=widths, merges=merges)
