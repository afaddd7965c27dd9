"""The handlingsplan table: one row per activity with its goal, date and status (shape a) or
its goal fulfilment (shape b), whatever the grid's ruling and alignment; a new shape is only a
profile file. Every sample's rows are checked in test_samples.py, like every table's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from reportlab.platypus import Table

from extract.grid import Cell, Column, Grid, GridRow
from extract.handlingsplan import _best_per_header, shape_of, split_goal
from extract.page import Line, Word
from extract.pipeline import extract_file
from extract.profiles import LAYOUTS_DIR, ProfileError, load_profile, load_profiles

from .conftest import SAMPLES, expected_rows
from .grids import (
    AIMS,
    GOALS,
    LOOSE,
    RULES,
    Activity,
    Goal,
    heading,
    p,
    perspective_grid,
    prose,
    report,
    unit_grid,
)

EXPECTED = sorted((SAMPLES / "expected").glob("*.handlingsplan.csv"))
STATUS = {"Pågående": "Pågående", "Genomfört": "Genomfört", "Pågår": "Pågående"}
STATUS |= {"Klar": "Genomfört", "Kvarstår": "Kvarstår"}
DATE = {"2019-12-31": "2019-12-31", "2019-06-<br/>30": "2019-06-30", "Löpande": "Löpande"}
DATE |= {"30 juni 2019": "2019-06-30", "2019-09-30": "2019-09-30"}


def test_samples_cover_both_shapes_with_grids_over_a_page_break() -> None:
    shapes = {"perspektiv": 0, "enhet": 0}
    for path in EXPECTED:
        rows = expected_rows(path)
        part = "perspektiv" if rows[0]["aktivitet"] else "enhet"
        shapes[part] += 1
        pages = {(row[part], row["sida"]) for row in rows}
        assert len(pages) > len({part for part, _ in pages}), f"{path.name}: no grid over a break"
    assert shapes["perspektiv"] >= 3 and shapes["enhet"] >= 3


@pytest.mark.parametrize("rules", RULES)
def test_perspective_grids_whatever_the_ruling(tmp_path: Path, profiles, rules: str) -> None:
    pdf = tmp_path / "plan.pdf"
    valign = {"grid": "TOP", "rows": "MIDDLE", "groups": "BOTTOM"}.get(rules, "TOP")
    report(
        pdf,
        heading("Samhälle"),
        perspective_grid(rules=rules, valign=valign),
        *prose("Sammantaget är de flesta aktiviteterna genomförda eller pågår enligt plan."),
    )
    result = extract_file(pdf, profiles)
    rows = result.rows["handlingsplan"]
    want = [(goal, act) for goal in GOALS for act in goal.activities]
    assert [(r.goal, r.goal_description, r.activity) for r in rows] == [
        (goal.title, goal.description, act.text) for goal, act in want
    ]
    assert [(r.end_date, r.status, r.status_raw, r.comment) for r in rows] == [
        (DATE[act.date], STATUS[act.status], act.status, act.comment) for _, act in want
    ]
    assert {(r.municipality, r.municipality_code, r.year, r.perspective) for r in rows} == {
        ("Säffle", "1785", 2019, "Samhälle")
    }
    assert result.warnings == []


@pytest.mark.parametrize("valign", ["TOP", "MIDDLE", "BOTTOM"])
@pytest.mark.parametrize("rules", ["none", "zebra"])
def test_one_line_cells_leave_the_spanning_goal_to_tell_the_alignment(
    tmp_path: Path, profiles, rules: str, valign: str
) -> None:
    # Every activity, date and status a line of its own: only the goal cell shows where the
    # grid sets text, and its first row lies above the goal's first line.
    goal = Goal(
        "Hållbar vattenförsörjning",
        "Rent vatten.",
        tuple(
            Activity(text, "2020-12-31", "Pågående")
            for text in ("Mäta", "Söka läckor", "Planera", "Förnya ledningar")
        ),
    )
    pdf = tmp_path / "plan.pdf"
    report(pdf, heading("Verksamhet"), perspective_grid((goal,), rules=rules, valign=valign))
    rows = extract_file(pdf, profiles).rows["handlingsplan"]
    assert [(r.goal, r.activity) for r in rows] == [(goal.title, a.text) for a in goal.activities]


@pytest.mark.parametrize("rules", RULES)
def test_perspectives_in_bands_across_one_grid(tmp_path: Path, profiles, rules: str) -> None:
    """One grid for every perspective, each a row of its own across the grid in bold
    capitals; the nämnd the title names is the enhet."""
    pdf = tmp_path / "plan.pdf"
    grid = perspective_grid(rules=rules, bands={0: "SAMHÄLLE", 1: "MEDARBETARE"})
    report(pdf, grid, title_text="Uppföljning av Socialnämndens verksamhetsplan")
    rows = extract_file(pdf, profiles).rows["handlingsplan"]
    assert [(r.unit, r.perspective, r.goal, r.activity) for r in rows] == [
        ("Socialnämnden", perspective, goal.title, act.text)
        for goal, perspective in zip(GOALS, ("Samhälle", "Medarbetare"), strict=True)
        for act in goal.activities
    ]


@pytest.mark.parametrize("rules", ["grid", "none"])
def test_perspectives_in_a_column_of_their_own(tmp_path: Path, profiles, rules: str) -> None:
    names = ["Perspektiv", "Nämndmål", "Aktivitet", "Slutdatum", "Status"]
    data = [[p(f"<b>{name}</b>") for name in names]]
    style: list[tuple[object, ...]] = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    if rules == "grid":
        style.append(("GRID", (0, 0), (-1, -1), 0.5, "black"))
    parts = list(zip(("Samhälle", "Medarbetare"), GOALS, strict=True))
    for perspective, goal in parts:
        first, last = len(data), len(data) + len(goal.activities) - 1
        style += [("SPAN", (0, first), (0, last)), ("SPAN", (1, first), (1, last))]
        for n, act in enumerate(goal.activities):
            cells = ["" if n else perspective, "" if n else goal.title, act.text, act.date]
            data.append([p(text) for text in [*cells, act.status]])
    pdf = tmp_path / "plan.pdf"
    report(pdf, Table(data, colWidths=[100, 160, 250, 90, 90], style=style))
    rows = extract_file(pdf, profiles).rows["handlingsplan"]
    assert [(r.perspective, r.goal, r.activity, r.end_date) for r in rows] == [
        (perspective, goal.title, act.text, DATE[act.date])
        for perspective, goal in parts
        for act in goal.activities
    ]


def test_headings_lose_numbers_and_labels_and_a_grid_without_one_takes_the_title(
    tmp_path: Path, profiles
) -> None:
    pdf = tmp_path / "plan.pdf"
    report(pdf, heading("2.1 Samhälle"), perspective_grid(rules="rows"))
    rows = extract_file(pdf, profiles).rows["handlingsplan"]
    assert {r.perspective for r in rows} == {"Samhälle"}
    report(pdf, unit_grid(), title_text="Uppföljning av Fritidsförvaltningens handlingsplan")
    rows = extract_file(pdf, profiles).rows["handlingsplan"]
    assert {r.unit for r in rows} == {"Fritidsförvaltningen"}
    report(pdf, heading("Enhet: Kansliet"), unit_grid())
    rows = extract_file(pdf, profiles).rows["handlingsplan"]
    assert {r.unit for r in rows} == {"Kansliet"}


@pytest.mark.parametrize("rules", RULES)
def test_unit_grids_whatever_the_ruling(tmp_path: Path, profiles, rules: str) -> None:
    pdf = tmp_path / "plan.pdf"
    valign = {"rows": "MIDDLE", "groups": "BOTTOM", "zebra": "BOTTOM"}.get(rules, "TOP")
    report(
        pdf, heading("Sektor Ledning och stöd"), heading("Löneenheten"), unit_grid(rules, valign)
    )
    rows = extract_file(pdf, profiles).rows["handlingsplan"]
    want = [(aim, effort) for aim, efforts in AIMS for effort in efforts]
    assert [(r.unit, r.goal, r.desired_result, r.fulfilment, r.new_measures) for r in rows] == [
        ("Löneenheten", aim, e[0], e[3], e[4]) for aim, e in want
    ]
    assert all(r.activity == r.status == r.perspective == "" for r in rows)


def test_a_grid_page_a_goal_layout_wants_but_finds_no_goal_on_stays_a_grid(
    tmp_path: Path, profiles
) -> None:
    # "verksamhetsmål 4 = mycket hög" (a legend) looks like a goal heading to the goal
    # follow-up layout, whose pages are its own only where it finds goals.
    pdf = tmp_path / "plan.pdf"
    legend = "Måluppfyllelse i förhållande till verksamhetsmål<br/>4 = mycket hög, 1 = mycket låg"
    report(pdf, heading("Löneenheten"), *prose(legend), unit_grid())
    result = extract_file(pdf, profiles)
    assert len(result.rows["handlingsplan"]) == sum(len(efforts) for _, efforts in AIMS)
    assert not result.rows.get("mal")


@pytest.mark.parametrize("valign", ["MIDDLE", "BOTTOM"])
@pytest.mark.parametrize("rules", ["none", "header_line"])
def test_unit_grids_set_with_loose_leading(
    tmp_path: Path, profiles, rules: str, valign: str
) -> None:
    """Cells set a line and a half apart: a cell's own lines are further apart than the usual
    share of a line, rows further still."""
    pdf = tmp_path / "plan.pdf"
    report(pdf, heading("Löneenheten"), unit_grid(rules, valign, style=LOOSE))
    rows = extract_file(pdf, profiles).rows["handlingsplan"]
    want = [(aim, effort) for aim, efforts in AIMS for effort in efforts]
    assert [(r.goal, r.desired_result, r.planning, r.fulfilment) for r in rows] == [
        (aim, e[0], e[1], e[3]) for aim, e in want
    ]


def test_a_header_whose_names_all_wrap_is_found(tmp_path: Path, profiles) -> None:
    """Header names broken over lines, set at the foot of their cells: the lines, read whole,
    name only two columns."""
    names = [
        "Verksamhetsmål",
        "Önskvärt<br/>resultat",
        "Planering",
        "Ana-<br/>lys",
        "Målupp-<br/>fyllelse<br/><font size=7>4 = mycket hög<br/>1 = mycket låg</font>",
        "Nya<br/>insatser",
    ]
    data = [[p(f"<b>{name}</b>") for name in names]]
    style: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
    ]
    for aim, efforts in AIMS:
        style.append(("SPAN", (0, len(data)), (0, len(data) + len(efforts) - 1)))
        data += [[p("" if n else aim), *(p(str(v)) for v in e)] for n, e in enumerate(efforts)]
    grid = Table(data, colWidths=[110, 120, 150, 190, 75, 130], style=style)
    pdf = tmp_path / "plan.pdf"
    report(pdf, *prose("Analys av året."), heading("Löneenheten"), grid)
    rows = extract_file(pdf, profiles).rows["handlingsplan"]
    want = [(aim, effort) for aim, efforts in AIMS for effort in efforts]
    assert [(r.goal, r.desired_result, r.planning, r.fulfilment) for r in rows] == [
        (aim, e[0], e[1], e[3]) for aim, e in want
    ]


def test_unknown_status_is_kept_as_printed_with_a_warning(tmp_path: Path, profiles) -> None:
    goal = Goal(
        "Trygg kommun", "Invånarna är trygga.", (Activity("Ny belysning.", "2019", "Vilande"),)
    )
    pdf = tmp_path / "plan.pdf"
    report(pdf, heading("Samhälle"), perspective_grid((goal,)))
    result = extract_file(pdf, profiles)
    [row] = result.rows["handlingsplan"]
    assert (row.status, row.status_raw, row.end_date) == ("", "Vilande", "2019")
    assert result.warnings == ["handlingsplan sida 2: okänd status 'Vilande'"]


def test_a_status_and_a_date_as_ocr_misreads_them(tmp_path: Path, profiles) -> None:
    """An 'l' read as an 'i' costs a short status more than a near match allows, and OCR
    cannot tell the hyphen of a date from an en dash."""
    goal = Goal(
        "Trygg kommun",
        "Invånarna är trygga.",
        (Activity("Ny belysning.", "2021-03–<br/>31", "Uppfyilt"),),
    )
    pdf = tmp_path / "plan.pdf"
    report(pdf, heading("Samhälle"), perspective_grid((goal,)))
    result = extract_file(pdf, profiles)
    [row] = result.rows["handlingsplan"]
    assert (row.status, row.status_raw, row.end_date) == ("Uppfyllt", "Uppfyilt", "2021-03-31")
    assert result.warnings == []


def test_a_new_shape_is_only_a_profile(tmp_path: Path) -> None:
    """Mål | Åtgärd | Ansvarig | Klart | Bedömning: a third shape, read with no new code."""
    layouts = tmp_path / "layouts"
    layouts.mkdir()
    (layouts / "atgardsplan.toml").write_text(
        """
name = "atgardsplan"
table = "handlingsplan"
[find]
pages = ['åtgärd', 'bedömning']
[grid]
keys = ["aktivitet"]
spans = ["mål"]
min_columns = 3
heading_column = "enhet"
[columns]
"mål" = { header = ["Mål"], type = "text" }
aktivitet = { header = ["Åtgärd"], type = "text" }
slutdatum = { header = ["Klart"], type = "date" }
status = { header = ["Bedömning"], type = "status" }
""",
        encoding="utf-8",
    )
    cells = [
        ["<b>Mål</b>", "<b>Åtgärd</b>", "<b>Ansvarig</b>", "<b>Klart</b>", "<b>Bedömning</b>"],
        ["Fler digitala tjänster", "E-tjänst för bygglov.", "IT-chef", "2020-03-31", "Uppfyllt"],
        ["", "Digital signering.", "Kanslichef", "Hösten 2020", "Delvis uppfyllt"],
    ]
    data = [[p(text) for text in row] for row in cells]
    grid = Table(
        data,
        colWidths=[160, 200, 100, 90, 120],
        style=[("GRID", (0, 0), (-1, -1), 0.5, "black"), ("SPAN", (0, 1), (0, 2))],
    )
    pdf = tmp_path / "plan.pdf"
    report(pdf, heading("Kansliet"), grid)
    rows = extract_file(pdf, load_profiles(layouts)).rows["handlingsplan"]
    assert [(r.unit, r.goal, r.activity, r.end_date, r.status) for r in rows] == [
        ("Kansliet", "Fler digitala tjänster", "E-tjänst för bygglov.", "2020-03-31", "Uppfyllt"),
        (
            "Kansliet",
            "Fler digitala tjänster",
            "Digital signering.",
            "Hösten 2020",
            "Delvis uppfyllt",
        ),
    ]


def test_profiles_name_only_output_columns(tmp_path: Path) -> None:
    for profile in load_profiles():
        if profile.table == "handlingsplan":
            assert shape_of(profile).spec.keys
    bad = tmp_path / "bad.toml"
    shutil.copy(LAYOUTS_DIR / "handlingsplan-perspektiv.toml", bad)
    bad.write_text(bad.read_text().replace("kommentar = {", "anteckning = {"), encoding="utf-8")
    with pytest.raises(ProfileError, match="anteckning"):
        shape_of(load_profile(bad))


def _cell_lines(*texts: tuple[str, str], gap: float = 2.0) -> tuple[Line, ...]:
    """A cell's lines, each in a type: "b" bold, "i" italic, "" plain."""
    lines, top = [], 0.0
    for text, kind in texts:
        word = Word(text, 0, 80, top, top + 9, size=9, bold=kind == "b", italic=kind == "i")
        lines.append(Line((word,), page=1))
        top += 9 + gap
    return tuple(lines)


@pytest.mark.parametrize(
    ("lines", "goal", "description"),
    [
        (
            _cell_lines(("Goda", "b"), ("arbetsplatser", "b"), ("Varje medarbetare trivs", "")),
            "Goda arbetsplatser",
            "Varje medarbetare trivs",
        ),
        (  # a name in the goal starts a line with a capital: the type tells, not the sentence
            _cell_lines(("Ett levande", ""), ("Gammelstad", ""), ("Besöken ökar", "i")),
            "Ett levande Gammelstad",
            "Besöken ökar",
        ),
        (
            _cell_lines(("Goda", ""), ("arbetsplatser", ""), ("Varje medarbetare trivs", "")),
            "Goda arbetsplatser",
            "Varje medarbetare trivs",
        ),
    ],
    ids=["bold", "italic", "sentence"],
)
def test_a_goal_cell_splits_into_goal_and_description(
    lines: tuple[Line, ...], goal: str, description: str
) -> None:
    assert split_goal(Cell(lines)) == (goal, description)


def test_a_repeated_header_another_profile_reads_is_no_second_table(profiles) -> None:
    """A follow-up grid goes on over a page break under its header repeated; the other shape
    (Nämndmål | Aktivitet | Status | Kommentar) reads that repeated header too ("Det läge vi
    vill nå" as a status, "Nya insatser" as activities) and starts a grid of its own there.
    It is the same table, and the profile that names more of its columns reads it."""

    def line(page: int, top: float, text: str) -> Line:
        return Line((Word(text, 60, 300, top, top + 9, size=9),), page)

    def grid(roles: list[str], page: int, top: float, rows: list[tuple[int, float]]) -> Grid:
        columns = tuple(Column(r, 60 + 100 * n, 160 + 100 * n, r) for n, r in enumerate(roles))
        header = (line(page, top, "NÄMNDENS MÅL ÖNSKVÄRT RESULTAT"), line(page, top + 60, "MÅL"))
        return Grid(columns, header, (), tuple(GridRow(n, t, {}) for n, t in rows), page, top)

    unit = grid(
        ["mål", "önskvärt_resultat", "planering", "analys", "måluppfyllelse", "nya_insatser"],
        2,
        300,
        [(2, 390), (2, 450), (3, 200), (3, 250)],
    )
    perspective = grid(["mål", "status", "kommentar", "aktivitet"], 3, 70, [(3, 200), (3, 250)])
    later = grid(["mål", "status", "kommentar", "aktivitet"], 4, 70, [(4, 200)])
    shapes = {p.name: shape_of(p) for p in profiles if p.table == "handlingsplan"}
    up, per = shapes["handlingsplan-uppfoljning"], shapes["handlingsplan-perspektiv"]
    found = [(per, perspective), (up, unit), (per, later)]
    assert [g for _, g in _best_per_header(found)] == [unit, later]


def test_a_follow_up_goes_on_to_a_page_whose_scores_ocr_read_inside_a_line(profiles) -> None:
    """A unit's header at a page's foot, its rows on the next page read by OCR: each line holds
    the cells side by side, the score between the analysis and the new measures. The next
    page is the grid's; a page of prose counting from 1 to 4 is not."""
    [follow_up] = [p for p in profiles if p.name == "handlingsplan-uppfoljning"]
    header = "Nämndens Önskvärt resultat Planering Analys/slutsats Måluppfyllelse Nya"
    rows = "på intranätet. inte gör det har främst saknat utrustning. 4 Fortsätter som"
    prose = "Måluppfyllelsen bedöms på en skala från 1 till 4, där 4 betyder mycket hög."
    assert follow_up.pages([prose, header, rows, prose]) == [2, 3]
