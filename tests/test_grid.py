"""The grid reconstructor on small PDFs: columns from header words whatever their captions,
rows from rules or gaps whatever the ruling and alignment, spanning cells filled down, grids
joined over a page break."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.grid import Cell, Grid, GridSpec, read_grids
from extract.lines import furniture_keys, is_furniture_text
from extract.page import Line, Word
from extract.read_pdf import load_pages, page_texts

from .grids import AIMS, GOALS, RULES, Goal, heading, perspective_grid, prose, report, unit_grid

PERSPECTIVE = GridSpec(
    headers={
        "mål": ["Nämndmål"],
        "aktivitet": ["Aktivitet"],
        "slutdatum": ["Slutdatum"],
        "status": ["Status"],
        "kommentar": ["Kommentar"],
    },
    keys=("aktivitet",),
    spanning=frozenset({"mål"}),
    min_roles=3,
)
UNIT = GridSpec(
    headers={
        "mål": ["Verksamhetsmål"],
        "önskvärt_resultat": ["Önskvärt resultat"],
        "planering": ["Planering"],
        "analys": ["Analys/slutsats"],
        "måluppfyllelse": ["Måluppfyllelse"],
        "nya_insatser": ["Nya insatser/åtgärder"],
    },
    keys=("önskvärt_resultat",),
    spanning=frozenset({"mål"}),
    min_roles=3,
)


def _grids(pdf: Path, spec: GridSpec) -> list[Grid]:
    texts = page_texts(pdf)
    pages = load_pages(pdf, range(1, len(texts) + 1))
    return read_grids(pages, furniture_keys(texts), spec)


def _goal_text(goal: Goal) -> str:
    return f"{goal.title} {goal.description}"


@pytest.mark.parametrize("valign", ["TOP", "MIDDLE", "BOTTOM"])
@pytest.mark.parametrize("rules", RULES)
def test_a_spanning_goal_is_filled_down_whatever_the_ruling(
    tmp_path: Path, rules: str, valign: str
) -> None:
    pdf = tmp_path / "grid.pdf"
    report(
        pdf,
        heading("Medborgare"),
        perspective_grid(rules=rules, valign=valign),
        *prose("Efter tabellen följer löptext som inte hör till den, över hela sidans bredd."),
    )
    [grid] = _grids(pdf, PERSPECTIVE)
    assert grid.roles == ("mål", "aktivitet", "slutdatum", "status", "kommentar")
    want = [(goal, act) for goal in GOALS for act in goal.activities]
    assert [row.text("aktivitet") for row in grid.rows] == [act.text for _, act in want]
    assert [row.text("mål") for row in grid.rows] == [_goal_text(goal) for goal, _ in want]
    assert [row.text("status") for row in grid.rows] == [act.status for _, act in want]
    assert [row.cells["mål"].spanned for row in grid.rows] == [False, True, True, False, True]
    assert grid.rows[1].text("slutdatum") == "2019-06-30"  # printed "2019-06-" / "30"
    assert grid.above[-1].text == "Medborgare"


@pytest.mark.parametrize("repeat", [True, False], ids=["repeated-header", "no-header"])
@pytest.mark.parametrize("rules", ["grid", "rows", "header_line"])
def test_a_grid_over_a_page_break_is_one_grid(tmp_path: Path, rules: str, repeat: bool) -> None:
    goals = tuple(
        Goal(f"Mål {n}", f"Beskrivning av mål {n}.", GOALS[n % 2].activities) for n in range(10)
    )
    pdf = tmp_path / "long.pdf"
    report(pdf, heading("Medarbetare"), perspective_grid(goals, rules=rules, repeat=repeat))
    [grid] = _grids(pdf, PERSPECTIVE)
    want = [(goal, act) for goal in goals for act in goal.activities]
    assert len(grid.rows) == len(want)
    assert {row.page for row in grid.rows} == {2, 3}
    assert [row.text("mål") for row in grid.rows] == [_goal_text(goal) for goal, _ in want]
    assert [row.text("aktivitet") for row in grid.rows] == [act.text for _, act in want]


@pytest.mark.parametrize("rules", ["grid", "none"])
def test_header_words_broken_in_narrow_cells_and_captions_are_not_data(
    tmp_path: Path, rules: str
) -> None:
    pdf = tmp_path / "unit.pdf"
    report(pdf, heading("Serviceenheten"), unit_grid(rules=rules))
    [grid] = _grids(pdf, UNIT)
    assert grid.roles == (
        "mål",
        "önskvärt_resultat",
        "planering",
        "analys",
        "måluppfyllelse",
        "nya_insatser",
    )
    want = [(aim, effort) for aim, efforts in AIMS for effort in efforts]
    assert [row.text("mål") for row in grid.rows] == [aim for aim, _ in want]
    assert [row.text("måluppfyllelse") for row in grid.rows] == [str(e[3]) for _, e in want]
    assert [row.text("analys") for row in grid.rows] == [e[2] for _, e in want]


def test_a_page_without_the_header_words_has_no_grid(tmp_path: Path) -> None:
    pdf = tmp_path / "prose.pdf"
    report(pdf, *prose("Aktivitet och status redovisas i tabellen på nästa sida, per nämndmål."))
    assert _grids(pdf, PERSPECTIVE) == []


def _line(text: str, x0: float, width: float, top: float) -> Line:
    words, x = [], x0
    for part in text.split():
        share = width * len(part) / max(1, len(text.replace(" ", "")))
        words.append(Word(part, x, x + share, top, top + 9, size=9))
        x += share + 2.5
    return Line(tuple(words), page=1)


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("Kompetensförsörjning", "en är säkrad", "Kompetensförsörjningen är säkrad"),
        ("Kompetensförsörjningen", "är säkrad", "Kompetensförsörjningen är säkrad"),
        ("Lönespecifikationer", "skickas digitalt", "Lönespecifikationer skickas digitalt"),
        ("2021-03-3", "1", "2021-03-31"),
    ],
)
def test_a_word_broken_for_want_of_room_is_mended(first: str, second: str, joined: str) -> None:
    full = first in ("Kompetensförsörjning", "Kompetensförsörjningen", "2021-03-3")
    lines = (_line(first, 10, 88 if full else 60, 0), _line(second, 10, 50, 11))
    assert Cell(lines, width=90).text == joined


def test_a_year_closing_a_page_is_no_furniture() -> None:
    # A cell's last line ("2019") ends page 1 and a "2019" opens page 2; page numbers repeat
    # too, but a line of figures alone is furniture only as a page number.
    pages = ["Rubrik\nText\n30 augusti\n2019\n1", "Aktivitet\n2019\nmer text\nslut\n2"]
    assert furniture_keys(pages) == set()
    assert not is_furniture_text("2019", set())
    assert is_furniture_text("12", set()) and is_furniture_text("Sida 3 av 12", set())
