"""The grid reconstructor on small PDFs: columns from header words whatever their captions,
rows from rules or gaps whatever the ruling and alignment, spanning cells filled down, grids
joined over a page break."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from extract.grid import Cell, Grid, GridSpec, read_grids
from extract.grid_header import _letters_at
from extract.lines import furniture_keys, group_lines, is_furniture_text
from extract.page import Line, Page, Rule, Source, VRule, Word
from extract.read_pdf import load_pages, page_texts

from .grids import (
    AIMS,
    GOALS,
    RULES,
    Activity,
    Goal,
    heading,
    perspective_grid,
    prose,
    report,
    unit_grid,
)

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


def test_an_ocr_d_cells_wrapped_lines_a_little_further_apart_stay_one_cell(
    tmp_path: Path,
) -> None:
    """On an OCR'd page a line's place is measured from its letters' ink: a cell's second
    line may stand half a point or more further down than the leading puts it. In a
    middle-aligned grid set close the wrapped activity and date ("2020-09-" / "30") stay one
    row's cells, not two rows lined up line by line."""
    goal = Goal(
        "Tydligt ledarskap",
        "Cheferna leder verksamheten mot målen med mod, närvaro och respekt.",
        (
            Activity(
                "Starta ett ledarutvecklingsprogram för första linjens chefer i förvaltningen.",
                "2020-09-30",
                "Genomförd",
                "Första omgången avslutad.",
            ),
            Activity(
                "Ta fram en gemensam introduktion för nya chefer i alla verksamheter.",
                "2020-09-<br/>30",
                "Genomförd",
            ),
        ),
    )
    pdf = tmp_path / "grid.pdf"
    report(pdf, heading("Medarbetare"), perspective_grid((goal,), rules="none", valign="MIDDLE"))
    texts = page_texts(pdf)
    pages = load_pages(pdf, range(1, len(texts) + 1))
    [second] = [w.top for w in pages[2].words if w.text == "30"]
    lower = [
        replace(w, top=w.top + 0.8, bottom=w.bottom + 0.8)
        if abs(w.top - second) < 0.5 and w.x0 > 200
        else w
        for w in pages[2].words
    ]
    pages[2] = replace(pages[2], words=tuple(lower), source=Source.OCR)
    [grid] = read_grids(pages, furniture_keys(texts), PERSPECTIVE)
    assert [row.text("aktivitet") for row in grid.rows] == [a.text for a in goal.activities]
    assert grid.rows[1].text("slutdatum") == "2020-09-30"


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


def test_a_cell_line_measured_large_by_ocr_does_not_end_the_grid() -> None:
    """OCR sizes a short line roughly: a cell's second line measured larger than the grid's
    type is still the grid's when it starts inside it; a heading starts at its left edge."""
    words = [
        *_header(100),
        *_row(120, "Trygg kommun", "Genomföra en enkät om hur", "2019-12-31", "Delvis"),
        *_words("invånarna vill få information.", _BORDERS[1] + 5, 130, size=11.5),
        *_words("uppfyllt", _BORDERS[3] + 5, 130, size=11.5),
        *_row(150, "Nöjda invånare", "Mäta svarstider.", "2019-06-30", "Klar"),
        *_words("Medborgare", _BORDERS[0] + 5, 175, size=13),
        *_row(195, "Delaktighet", "Publicera protokollen.", "2019-09-30", "Pågår"),
    ]
    page = Page(1, 842.0, 595.0, tuple(words))
    grids = read_grids({1: page}, set(), PERSPECTIVE)
    assert [row.text("aktivitet") for row in grids[0].rows] == [
        "Genomföra en enkät om hur invånarna vill få information.",
        "Mäta svarstider.",
    ]
    assert [row.text("status") for row in grids[0].rows] == ["Delvis uppfyllt", "Klar"]


@pytest.mark.parametrize("rest", ["LLELSE", "LÅLLELSE"])
def test_a_title_measured_roughly_by_ocr_still_names_its_column(rest: str) -> None:
    """OCR sizes each line of a wrapped title on its own, roughly: the largest words are then
    one line of the title ("ÖNSKVÄRT" without "RESULTAT", "MÅLUPPFY" without "LLELSE"), which
    names nothing; the whole cell does, even with a letter of the broken word misread."""
    cells = (
        (56.7, [("NÄMNDENS/", 10.4), ("BOLAGETS", 9.2), ("VERKSAMHETS", 8.8), ("MÅL", 9.8)]),
        (150.0, [("ÖNSKVÄRT", 10.4), ("RESULTAT", 9.2), ("Det läge vi vill nå", 6.7)]),
        (252.0, [("PLANERING", 8.8), ("Insatser vi har gjort", 6.9)]),
        (383.0, [("ANALYS/SLUTSATS", 8.8), ("Blev det som vi ville?", 7.3)]),
        (553.0, [("MÅLUPPFY", 10.4), (rest, 8.8), ("4 = hög", 6.6)]),
        (615.0, [("NYA INSATSER/ÅTGÄRDER", 9.6), ("Det vi planerar", 6.7)]),
    )
    words = [
        w
        for x, lines in cells
        for n, (text, size) in enumerate(lines)
        for w in _words(text, x + 4, 100 + 10 * n, size=size)
    ]
    words += [
        *_words("Effektivitet", 60.7, 150),
        *_words("Korta svarstider", 154, 150),
        *_words("Nytt ärendesystem.", 256, 150),
        *_words("Målet nåddes.", 387, 150),
        *_words("3", 557, 150),
        *_words("Fortsätta.", 619, 150),
    ]
    page = Page(1, 842.0, 595.0, tuple(words), (Rule(56.7, 785.2, 145),))
    [grid] = read_grids({1: page}, set(), UNIT)
    assert grid.roles == (
        "mål",
        "önskvärt_resultat",
        "planering",
        "analys",
        "måluppfyllelse",
        "nya_insatser",
    )
    assert [row.text("önskvärt_resultat") for row in grid.rows] == ["Korta svarstider"]


@pytest.mark.parametrize("valign", ["TOP", "MIDDLE"])
def test_an_activity_naming_two_columns_is_no_header(tmp_path: Path, valign: str) -> None:
    """A sentence with two header words in one cell, the next grid's ruled header below it:
    the sentence is data, and the header below heads its own grid."""
    reports = Activity("Rapportera status för varje aktivitet till nämnden.", "2019-12-31", "Pågår")
    goals = (GOALS[0], Goal("Nöjda invånare", "Snabba svar.", (*GOALS[1].activities, reports)))
    pdf = tmp_path / "two.pdf"
    grid = perspective_grid(goals, rules="between", valign=valign)
    report(pdf, heading("Medborgare"), grid, heading("Ekonomi"), grid)
    grids = _grids(pdf, PERSPECTIVE)
    want = [(goal, act) for goal in goals for act in goal.activities]
    assert [g.roles for g in grids] == [
        ("mål", "aktivitet", "slutdatum", "status", "kommentar")
    ] * 2
    for found in grids:
        assert [row.text("aktivitet") for row in found.rows] == [act.text for _, act in want]
        assert [row.text("mål") for row in found.rows] == [_goal_text(goal) for goal, _ in want]


def _words(text: str, x0: float, top: float, bold: bool = False, size: float = 9) -> list[Word]:
    return [
        Word(w.text, w.x0, w.x1, w.top, w.top + size, size=size, bold=bold)
        for w in _line(text, x0, 0.5 * size * len(text), top).words
    ]


_BORDERS = (56.7, 204.1, 413.9, 479.0, 552.6, 785.2)  # Nämndmål … Kommentar


def _header(top: float) -> list[Word]:
    names = ("Nämndmål", "Aktivitet", "Slutdatum", "Status", "Kommentar")
    return [
        w for name, x in zip(names, _BORDERS, strict=False) for w in _words(name, x + 5, top, True)
    ]


def _row(top: float, *cells: str) -> list[Word]:
    """One line of a row, its cells from the first column on ("" for an empty one)."""
    return [
        w
        for text, x in zip(cells, _BORDERS, strict=False)
        if text
        for w in _words(text, x + 5, top)
    ]


def _two_pages(first: list[Word], second: list[Word], rule_y: float) -> dict[int, Page]:
    """A grid's two landscape pages, each with its header rule at `rule_y`."""
    rule = (Rule(56.7, 785.2, rule_y),)
    return {n: Page(n, 842.0, 595.0, tuple(w), rule) for n, w in ((1, first), (2, second))}


def test_body_rows_of_an_ocr_page_are_no_caption_rows_of_a_ruled_header() -> None:
    """A ruled grid read by OCR (no weights, rough sizes) whose header frame runs on down
    through the body: the rows under the header rule are set a little smaller than its
    largest name, but as large as the rows below them, so they are data, not captions."""
    names = ("NÄMNDMÅL", "AKTIVITET", "SLUTDATUM", "STATUS", "KOMMENTAR")
    words = [
        w
        for name, x, size in zip(names, _BORDERS, (10.7, 9.5, 9.5, 9.5, 9.5), strict=False)
        for w in _words(name, x + 5, 100, size=size)
    ]
    rows = (
        (120, ("Trygg kommun", "Byta belysningen.", "2019-12-31", "Pågår")),
        (150, ("", "Inventera platser.", "2019-06-30", "Klar")),
        (180, ("Nöjda invånare", "Mäta svarstider.", "2019-09-30", "Pågår")),
    )
    for top, cells in rows:
        words += [
            w
            for text, x in zip(cells, _BORDERS, strict=False)
            if text
            for w in _words(text, x + 5, top, size=8.8)
        ]
    rules = tuple(Rule(56.7, 785.2, y) for y in (95, 115, 145, 175, 205))
    frame = tuple(VRule(x, 95, 205) for x in _BORDERS)
    page = Page(1, 842.0, 595.0, tuple(words), rules, vrules=frame)
    [grid] = read_grids({1: page}, set(), PERSPECTIVE)
    assert [row.text("aktivitet") for row in grid.rows] == [
        "Byta belysningen.",
        "Inventera platser.",
        "Mäta svarstider.",
    ]


def test_a_caption_row_read_by_ocr_is_told_by_the_row_below() -> None:
    """A ruled grid read by OCR, its captions in a row of their own under the names, the
    header repeated over a row broken at the page break: no weights, and a caption line
    measured nearly as large as the names. The captions are clearly smaller than the row
    below them, so they are the header's, not the rest of the broken row."""
    names = ("Mål", "Aktivitet", "Slutdatum", "Status", "Kommentar")
    header = [
        w for name, x in zip(names, _BORDERS, strict=False) for w in _words(name, x + 5, 75, 0, 9.5)
    ]

    def captions(comma: str) -> list[Word]:  # OCR reads them a little otherwise on each page
        return [
            *_words("Enligt", _BORDERS[2] + 5, 99, size=9.1),
            *_words(f"Genomförd{comma}", _BORDERS[3] + 5, 99, size=7.8),
            *_words("verksamhets", _BORDERS[2] + 5, 108.5, size=8.2),
            *_words("pågår", _BORDERS[3] + 5, 108.5, size=8.2),
            *_words("planen", _BORDERS[2] + 5, 118, size=7.9),
        ]

    def row(top: float, *cells: str) -> list[Word]:
        return [
            w
            for text, x in zip(cells, _BORDERS, strict=False)
            if text
            for w in _words(text, x + 5, top, size=9.5)
        ]

    first = [
        *header,
        *captions(","),
        *row(131, "Trygg kommun", "Byta belysningen.", "2019-12-31", "Pågår"),
        *row(150, "Nöjda invånare", "Mäta svarstider i telefon", "2019-12-", "Klar"),
    ]
    second = [*header, *captions("."), *row(131, "", "varje kvartal.", "31")]
    rules = tuple(Rule(56.7, 785.2, y) for y in (71, 96, 128, 145, 165))
    frame = tuple(VRule(x, 71, 165) for x in _BORDERS)
    pages = {  # read by OCR: each word as sure as Tesseract was
        n: Page(n, 842.0, 595.0, tuple(replace(x, confidence=0.9) for x in w), rules, vrules=frame)
        for n, w in ((1, first), (2, second))
    }
    [grid] = read_grids(pages, set(), PERSPECTIVE)
    assert [row.text("slutdatum") for row in grid.rows] == ["2019-12-31", "2019-12-31"]
    assert grid.rows[1].text("aktivitet") == "Mäta svarstider i telefon varje kvartal."


def test_a_name_beside_a_caption_measured_larger_still_names_its_column() -> None:
    """An OCR'd header cell whose name ("Slutdatum") stands above its caption, the caption's
    line measured larger ("aktiviteten enligt", read into one line with the other names):
    the caption's words name the column beside, so the cell's name names this one."""
    words = [
        *_words("Slutdatum", _BORDERS[2] + 5, 72, size=8.8),
        *_words("Datum då", _BORDERS[2] + 5, 83, size=7.7),
        *_words("Nämndmål", _BORDERS[0] + 5, 93, size=9.8),
        *_words("Aktivitet", _BORDERS[1] + 5, 93, size=9.8),
        *_words("aktiviteten", _BORDERS[2] + 5, 95, size=9.8),
        *_words("Status", _BORDERS[3] + 5, 93, size=9.8),
        *_words("Kommentar", _BORDERS[4] + 5, 93, size=9.8),
        *_words("planen ska vara", _BORDERS[2] + 5, 105, size=7.6),
        *_row(130, "Trygg kommun", "Byta belysningen.", "2019-12-31", "Pågår", "Klart."),
    ]
    page = Page(1, 842.0, 595.0, tuple(words), (Rule(56.7, 785.2, 120),))
    [grid] = read_grids({1: page}, set(), PERSPECTIVE)
    assert grid.roles == ("mål", "aktivitet", "slutdatum", "status", "kommentar")
    assert [row.text("slutdatum") for row in grid.rows] == ["2019-12-31"]


def test_prose_holding_a_header_word_above_a_header_is_not_the_header() -> None:
    """A sentence under a heading names an activity ("Här redovisas aktiviteter …") a little
    above a header whose first line is one name set higher than the others: the sentence runs
    over two header cells, so it is prose and the header begins below it."""
    words = [
        *_words("Verksamhet", 71.3, 247, size=12.6),
        *_words("Här redovisas aktiviteter för kvalitet och miljö.", 71.5, 263.3, size=10.4),
        *_words("Slutdatum", _BORDERS[2] + 5, 282.7, size=8.8),
        *_words("Nämndmål", _BORDERS[0] + 5, 301.7, size=9.8),
        *_words("Aktivitet", _BORDERS[1] + 5, 301.7, size=9.8),
        *_words("Status", _BORDERS[3] + 5, 301.7, size=9.8),
        *_words("Kommentar", _BORDERS[4] + 5, 301.7, size=9.8),
        *_row(340, "Trygg kommun", "Byta belysningen.", "2019-12-31", "Pågår", "Klart."),
    ]
    page = Page(1, 842.0, 595.0, tuple(words), (Rule(56.7, 785.2, 336),))
    [grid] = read_grids({1: page}, set(), PERSPECTIVE)
    assert grid.roles == ("mål", "aktivitet", "slutdatum", "status", "kommentar")
    assert grid.above[-1].text.startswith("Här redovisas")
    assert [row.text("mål") for row in grid.rows] == ["Trygg kommun"]


def test_a_row_set_higher_than_its_activity_keeps_its_first_line() -> None:
    """Cells centred in their rows (LibreOffice from Word) but the last row before a page
    break set at the top: the votes tie, and the first row's date, begun above its activity
    ("2019-12-" / "31" around a one-line activity), stays whole."""
    words = [
        *_words("Nämndmål", 56.8, 457, bold=True),
        *_words("Aktivitet", 232.5, 457, bold=True),
        *_words("Slutdatum", 456.5, 457, bold=True),
        *_words("Status", 510.4, 457, bold=True),
        *_words("Kommentar", 575.6, 457, bold=True),
        *_words("Goda arbetsplatser", 56.8, 477.9, bold=True),
        *_words("Varje medarbetare trivs", 56.8, 489.8),
        *_words("och utvecklas.", 56.8, 503.7),
        *_words("Införa önskad sysselsättningsgrad.", 232.5, 483.8),
        *_words("2019-12-", 456.5, 477.9),
        *_words("31", 456.5, 489.8),
        *_words("Pågående", 510.4, 483.8),
        *_words("Strategier för ett hållbart arbetsliv.", 232.5, 505.7),
        *_words("2019-12-", 456.5, 505.7),
        *_words("31", 456.5, 517.6),
        *_words("Pågår", 510.4, 505.7),
    ]
    page = Page(1, 842.0, 595.0, tuple(words), (Rule(51, 780, 475.9),))
    [grid] = read_grids({1: page}, set(), PERSPECTIVE)
    assert [row.text("aktivitet") for row in grid.rows] == [
        "Införa önskad sysselsättningsgrad.",
        "Strategier för ett hållbart arbetsliv.",
    ]
    assert [row.text("slutdatum") for row in grid.rows] == ["2019-12-31", "2019-12-31"]
    assert [row.text("status") for row in grid.rows] == ["Pågående", "Pågår"]


def test_a_legend_under_an_unruled_grid_is_no_row() -> None:
    """A line of prose under a grid without vertical rules (a colour legend), a word space
    of it where the goal column's text ends: a word space is no river, so the line crosses
    the border and stays out, and the rules under the activities alone still part them."""
    legend = _words("Färgkoder: grönt = genomfört, gult =", 56.7, 225)
    words = [
        *_header(100),
        *_row(120, "", "Byta belysningen.", "2019-12-31", "Pågående"),
        *_row(145, "Trygg kommun", "Inventera platser.", "Löpande", "Pågår"),
        *_row(170, "", "Mäta svarstider.", "2019-06-30", "Klar"),
        *_row(195, "Nöjda invånare", "Utbilda personalen.", "2019-09-30", "Kvarstår"),
        *legend,
        *_words("pågående, rött = kvarstår.", legend[-1].x1 + 2.5, 225),
    ]
    rules = (
        Rule(56.7, 785.2, 113),
        *(Rule(_BORDERS[1], 785.2, y) for y in (138, 188)),  # activity columns only
        *(Rule(56.7, 785.2, y) for y in (163, 213)),  # closing a goal
    )
    page = Page(1, 842.0, 595.0, tuple(words), rules)
    [grid] = read_grids({1: page}, set(), PERSPECTIVE)
    assert [row.text("aktivitet") for row in grid.rows] == [
        "Byta belysningen.",
        "Inventera platser.",
        "Mäta svarstider.",
        "Utbilda personalen.",
    ]
    assert [row.text("mål") for row in grid.rows] == ["Trygg kommun"] * 2 + ["Nöjda invånare"] * 2


def test_captions_in_a_header_row_of_their_own_are_no_data() -> None:
    """Word's header of two shaded rows, the names above and the captions below in a row of
    their own, over an unruled body: the shaded cells' edges are no column rules of the body."""
    words = [
        *_header(150),
        *_words("Datum då", 419, 169.2, size=7.5),
        *_words("Genomfört,", 485, 174.2, size=7.5),
        *_words("aktiviteterna ska", 419, 179.1, size=7.5),
        *_words("pågående eller", 485, 184.1, size=7.5),
        *_words("vara genomförda", 419, 189.0, size=7.5),
        *_words("kvarstår", 485, 194.0, size=7.5),
        *_row(216, "Trygg kommun", "Byta belysningen.", "2019-12-31", "Pågående"),
        *_row(240, "", "Inventera otrygga platser.", "Löpande", "Pågår", "Klart i maj."),
    ]
    shading = tuple(Rule(56.7, 785.2, y, shading=True) for y in (144.9, 169.7, 210.6))
    frame = tuple(VRule(x, 144.9, 210.6) for x in _BORDERS)
    page = Page(1, 842.0, 595.0, tuple(words), shading, vrules=frame)
    [grid] = read_grids({1: page}, set(), PERSPECTIVE)
    assert [row.text("aktivitet") for row in grid.rows] == [
        "Byta belysningen.",
        "Inventera otrygga platser.",
    ]
    assert [row.text("slutdatum") for row in grid.rows] == ["2019-12-31", "Löpande"]
    assert [row.text("mål") for row in grid.rows] == ["Trygg kommun"] * 2


def test_a_row_cut_short_at_a_hyphen_goes_on_over_the_page_break() -> None:
    """A row split over a page break whose activity goes on with a name ("Linnéparken."):
    its date "2019-12-" left at the foot of the page tells that the row goes on."""
    first = [
        *_header(60),
        *_row(90, "Delaktiga medborgare", "Införa digital felanmälan.", "2019-09-30", "Klar"),
        *_row(102, "Medborgarna ska kunna"),
        *_row(114, "påverka sin närmiljö.", "Genomföra dialog om", "2019-12-", "Kvarstår"),
    ]
    second = [
        *_header(60),
        *_row(90, "", "Linnéparken.", "31"),
        *_row(114, "God hushållning", "Se över avgifterna.", "2019-06-30", "Pågår"),
    ]
    pages = _two_pages(first, second, 80)
    [grid] = read_grids(pages, set(), PERSPECTIVE)
    assert [row.text("aktivitet") for row in grid.rows] == [
        "Införa digital felanmälan.",
        "Genomföra dialog om Linnéparken.",
        "Se över avgifterna.",
    ]
    assert [row.text("slutdatum") for row in grid.rows] == [
        "2019-09-30",
        "2019-12-31",
        "2019-06-30",
    ]


def test_a_running_header_not_known_as_one_does_not_break_the_grid() -> None:
    """A scan reads only its table pages, too few for its running header to be known as one:
    above the repeated header, in the page's top margin, it still leaves the header at the top
    of the page, and the row broken over the page break goes on there."""
    first = [
        *_header(80),
        *_row(100, "Delaktiga medborgare", "Införa digital felanmälan.", "2019-09-30", "Klar"),
        *_row(120, "", "Alla förtroendevalda", "2019-12-31", "Pågår"),
    ]
    second = [
        *_words("Kvalitetsredovisning 2019 – Kommunledningsförvaltningen", 56.7, 36),
        *_header(80),
        *_row(100, "", "använder den digitala plattformen."),
        *_row(120, "God hushållning", "Se över avgifterna.", "2019-06-30", "Pågår"),
    ]
    pages = _two_pages(first, second, 95)
    [grid] = read_grids(pages, set(), PERSPECTIVE)
    assert [row.text("aktivitet") for row in grid.rows] == [
        "Införa digital felanmälan.",
        "Alla förtroendevalda använder den digitala plattformen.",
        "Se över avgifterna.",
    ]


def test_a_grid_goes_on_below_a_running_header_not_known_as_one() -> None:
    """The same running header over a page the grid goes on to without its header: set
    apart in the top margin, it is no row, and the rows below it are the grid's."""
    first = [
        *_header(80),
        *_row(100, "Delaktiga medborgare", "Införa digital felanmälan.", "2019-09-30", "Klar"),
    ]
    second = [
        *_words("Kvalitetsredovisning 2019 – Kommunledningsförvaltningen", 56.7, 36),
        *_row(100, "God hushållning", "Se över avgifterna.", "2019-06-30", "Pågår"),
    ]
    pages = _two_pages(first, second, 95)
    [grid] = read_grids(pages, set(), PERSPECTIVE)
    assert [row.text("aktivitet") for row in grid.rows] == [
        "Införa digital felanmälan.",
        "Se över avgifterna.",
    ]
    assert [row.text("mål") for row in grid.rows] == ["Delaktiga medborgare", "God hushållning"]


def test_a_band_heading_the_next_page_goes_on_from_nothing() -> None:
    """A perspective band as the first row under the repeated header: it begins a new part
    of the grid and is no text of the goal that ended the page before."""
    first = [
        *_header(60),
        *_row(90, "Resurser efter behov", "Revidera modellen.", "2021-09-30", "Uppfyllt"),
        *_row(102, "Fördelning efter behov."),
        *_row(126, "", "Minska kostnaderna.", "2021-12-31", "Ej uppfyllt"),
    ]
    second = [
        *_header(60),
        *_words("Verksamhet", 61.7, 90, bold=True),
        *_row(114, "Digital kompetens", "Fortbilda lärare.", "2021-06-30", "Genomfört"),
    ]
    pages = _two_pages(first, second, 80)
    spec = replace(PERSPECTIVE, bands=frozenset({"verksamhet"}))
    [grid] = read_grids(pages, set(), spec)
    assert [(row.band, row.text("mål")) for row in grid.rows] == [
        ("", "Resurser efter behov Fördelning efter behov."),
        ("", "Resurser efter behov Fördelning efter behov."),
        ("Verksamhet", ""),
        ("", "Digital kompetens"),
    ]


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


def test_a_running_header_of_a_scan_whose_other_pages_were_not_read_is_furniture() -> None:
    """A scan's pages without a table are not read (empty text): the running header repeats
    on the two table pages read of five, as a short report's does on two of three."""
    header = "Kvalitetsredovisning 2022 – Sektor samhällsbyggnad"
    pages = ["Titel\nKommun", f"{header}\nVerksamhetsmål\n2", f"{header}\nKommunen\n3", "", ""]
    assert furniture_keys(pages) == {"kvalitetsredovisning # sektor samhällsbyggnad"}


def test_a_header_line_over_cells_a_few_points_apart_is_no_prose() -> None:
    """OCR parts "1 – mycket låg" into two cells a few points apart; the header line above
    ("2 - medel/låg" in the same column) runs over both, yet over no column gap."""
    from extract.grid_header import _runs_across

    above = Line(tuple(_words("2 - medel/låg", 615, 355, size=8.2)), 1)
    below = Line(tuple(_words("1", 616, 369, size=6.6) + _words("– mycket låg", 628, 369)), 1)
    assert not _runs_across(above, [below])
    prose = Line(tuple(_words("Här redovisas aktiviteter för kvalitet.", 71, 263, size=10)), 1)
    names = Line(tuple(_words("Mål", 71, 300) + _words("Aktivitet", 224, 300)), 1)
    assert _runs_across(prose, [names])


def test_a_body_row_in_a_text_layer_under_a_repeated_header_is_no_caption_row() -> None:
    """The last row of a grid broken over a page, under the repeated header and its captions,
    with a heading set large under the grid: the row is in plain type as large as the names,
    so it is a body row, however large the heading below it."""
    names = ("Mål", "Aktivitet", "Slutdatum", "Status", "Kommentar")
    words = [
        *(w for name, x in zip(names, _BORDERS, strict=False) for w in _words(name, x + 5, 75)),
        *_words("Datum då", _BORDERS[2] + 5, 99, size=7.5),
        *_words("Genomfört,", _BORDERS[3] + 5, 99, size=7.5),
        *_words("Trygg kommun", _BORDERS[0] + 5, 131),
        *_words("Byta belysningen.", _BORDERS[1] + 5, 131),
        *_words("2019-12-31", _BORDERS[2] + 5, 131),
        *_words("Pågår", _BORDERS[3] + 5, 131),
        *_words("Medarbetare", _BORDERS[0], 152, bold=True, size=13),
    ]
    rules = tuple(Rule(56.7, 785.2, y) for y in (71, 96, 128, 145))
    frame = tuple(VRule(x, 71, 145) for x in _BORDERS)
    page = Page(1, 842.0, 595.0, tuple(words), rules, vrules=frame)
    [grid] = read_grids({1: page}, set(), PERSPECTIVE)
    assert [row.text("aktivitet") for row in grid.rows] == ["Byta belysningen."]


def test_a_header_set_on_its_cells_foot_is_read_up_to_its_tallest_name_by_ocr() -> None:
    """An OCR'd header set on its cells' foot: the long names wrap over more lines than the
    rest and start well above the line that names the others, in lines of their own or
    shared with other cells' upper lines; OCR tells no weights, and sizes only roughly (a
    legend's line read as large as the names, "verksamhetsmålet" in it). The lines stacked
    on the header's cells are the header's, up to the name they complete; the unit heading
    above, set apart, is not."""
    x = (56.7, 159.0, 266.0, 420.0, 600.0, 700.0, 800.0)
    lines = [
        ("Bygglovsenheten", 0, 52, 12.2),
        ("MÅLUPPFYL", 4, 68, 10.1),
        ("LELSE", 4, 81, 8.2),
        ("i förhållande till", 4, 94, 7.4),
        ("NYA", 5, 99, 7.4),
        ("verksamhetsmålet", 4, 103, 10.1),
        ("NÄMNDENS/", 0, 109, 8.5),
        ("INSATSER/ÅTGÄRDE", 5, 109, 8.5),
        ("BOLAGETS", 0, 121, 8.1),
        ("ÖNSKVÄRT", 1, 121, 8.1),
        ("R", 5, 121, 8.1),
        ("VERKSAMHETSMÅL", 0, 133, 7.7),
        ("RESULTAT", 1, 133, 7.7),
        ("PLANERING", 2, 133, 7.7),
        ("ANALYS/SLUTSATS", 3, 133, 7.7),
        ("1 = mycket låg", 4, 133, 7.7),
        ("Det vi planerar", 5, 133, 7.7),
    ]
    words = [
        w for text, column, top, size in lines for w in _words(text, x[column] + 4, top, size=size)
    ]
    for n, cells in enumerate(
        [
            (
                "Effektiv verksamhet",
                "Korta svarstider",
                "Nytt ärendesystem.",
                "Målet nåddes.",
                "3",
                "Fortsätta.",
            ),
            ("", "Digitala lönebesked", "Information.", "Andelen ökade.", "2", "Hjälpa till."),
        ]
    ):
        words += [
            w
            for text, left in zip(cells, x, strict=False)
            if text
            for w in _words(text, left + 4, 160 + 20 * n, size=8.5)
        ]
    ocr = tuple(replace(w, confidence=0.9) for w in words)
    page = Page(1, 842.0, 595.0, ocr, (Rule(56.7, 785.2, 150),))
    [grid] = read_grids({1: page}, set(), UNIT)
    assert grid.roles == (
        "mål",
        "önskvärt_resultat",
        "planering",
        "analys",
        "måluppfyllelse",
        "nya_insatser",
    )
    assert [line.text for line in grid.above] == ["Bygglovsenheten"]
    assert [row.text("måluppfyllelse") for row in grid.rows] == ["3", "2"]


@pytest.mark.parametrize(
    ("letters", "at"),
    [
        ("uppföljningavverksamhetsmålochmaluppfylalelse", 30),  # two edits, far in
        ("måluppfyllelsemåluppföljning", 0),
        ("målsättningochuppföljningavinsatser", -1),
    ],
)
def test_a_long_name_is_found_in_run_together_letters_at_its_first_close_match(
    letters: str, at: int
) -> None:
    assert _letters_at(letters, "måluppfyllelse") == at


def test_a_word_read_between_two_lines_joins_the_nearer_one() -> None:
    # OCR boxed 'kön)?' taller than its line's letters, reaching up into the code line's
    # height: by its middle, and standing a space after 'och', it is the label's second
    # line's.
    def word(text: str, x0: float, top: float) -> Word:
        return Word(text, x0, x0 + 5 * len(text), top, top + 9.5, 9.5)

    words = (
        word("Arbetar", 105, 460.3),
        word("mångfald", 150, 459.7),
        word("6.6", 71, 465.6),
        word("5", 365, 465.8),
        word("10", 422, 465.6),
        word("kulturell", 105, 470.9),
        word("och", 155, 470.9),
        word("kön)?", 174, 469.1),
    )
    lines = group_lines(Page(1, 595, 842, words))
    assert [line.text for line in lines] == ["Arbetar mångfald", "6.6 5 10", "kulturell och kön)?"]


_UNIT_X = (56.7, 180.0, 300.0, 420.0, 560.0, 640.0)  # Verksamhetsmål … Nya insatser


def _unit_line(top: float, *cells: str, nudge: float = 0.0) -> list[Word]:
    """One line of a unit grid's row, its cells from the first column on; the planning cell
    set `nudge` points lower, as OCR boxes a line a fraction of a point off its neighbour's."""
    return [
        w
        for n, (text, x) in enumerate(zip(cells, _UNIT_X, strict=False))
        if text
        for w in _words(text, x + 4, top + (nudge if n == 2 else 0.0))
    ]


def test_key_cells_a_fraction_apart_begin_one_row() -> None:
    """A top-aligned grid whose rows are set hardly further apart than a cell's lines, with
    two key columns, read by OCR: the two key cells that begin a row, boxed 0.4 points apart,
    part the rows once. A sliver of a row between them would take the next goal, and the row
    above it would end with that goal's text."""
    names = ("Verksamhetsmål", "Önskvärt resultat", "Planering", "Analys", "Måluppfyllelse")
    words = [
        *(w for name, x in zip(names, _UNIT_X, strict=False) for w in _words(name, x + 4, 100)),
        *_unit_line(120, "Trygg kommun", "Fler trygga", "Vi har inventerat."),
        *_unit_line(132, "", "platser"),
        *_unit_line(146, "Nöjda invånare", "Kortare svarstider", "Vi mäter.", nudge=0.4),
    ]
    page = Page(1, 842.0, 595.0, tuple(words), (Rule(56.7, 785.2, 112),))
    spec = replace(UNIT, keys=("önskvärt_resultat", "planering"))
    [grid] = read_grids({1: page}, set(), spec)
    assert [row.text("önskvärt_resultat") for row in grid.rows] == [
        "Fler trygga platser",
        "Kortare svarstider",
    ]
    assert [row.text("mål") for row in grid.rows] == ["Trygg kommun", "Nöjda invånare"]


def test_a_bold_title_set_as_far_above_its_description_as_rows_are_apart_keeps_it() -> None:
    """A goal cell centred on its activities, its bold title set a paragraph's space above
    the description, as wide a gap as parts the rows (OCR measures gaps roughly): the title
    alone is no cell of its own, the description goes with it over all three rows."""
    title, description = "Effektiv resursanvändning", "Verksamhetens resurser används"
    words = [
        *_header(100),
        *_words(title, 61.7, 154.4, bold=True),
        *_row(141.3, "", "Jämföra nyckeltal med liknande kommuner", "2020-12-"),
        *_row(147.2, "", "", "", "Kvarstår"),
        *_row(153.2, "", "analysera skillnaderna.", "31"),
        *_row(167.3, "", "Samordna upphandlingen av fordon med"),
        *_row(168.9, description),
        *_row(173.3, "", "", "Juni 2020", "Kvarstår"),
        *_row(179.2, "", "grannkommunerna."),
        *_row(180.8, "där de gör störst nytta för"),
        *_row(192.7, "invånarna."),
        *_row(193.4, "", "Se över lokalbehovet och avveckla", "2020-06-"),
        *_row(199.3, "", "", "", "Genomförd"),
        *_row(205.3, "", "lokaler som inte används.", "30"),
    ]
    page = Page(1, 842.0, 595.0, tuple(words), (Rule(56.7, 785.2, 130),))
    [grid] = read_grids({1: page}, set(), PERSPECTIVE)
    assert [row.text("status") for row in grid.rows] == ["Kvarstår", "Kvarstår", "Genomförd"]
    goal = f"{title} {description} där de gör störst nytta för invånarna."
    assert [row.text("mål") for row in grid.rows] == [goal] * 3


def test_a_bottom_aligned_goal_ends_where_its_rows_text_ends() -> None:
    """Goal cells set at the foot of their rows, the next goal begun hardly further below the
    last line of the one before than a cell's lines are apart (no full stop to tell): the
    first goal ends on the line where its row's text ends, and the next begins there."""
    names = ("Verksamhetsmål", "Önskvärt resultat", "Planering", "Analys", "Måluppfyllelse")
    words = [
        *(w for name, x in zip(names, _UNIT_X, strict=False) for w in _words(name, x + 4, 150)),
        *_unit_line(180, "Kommunen är ett"),
        *_unit_line(192, "föredöme i", "Resor med buss", "Rutinen har"),
        *_unit_line(204, "och minskar sin", "när det är", "förtydligats."),
        *_unit_line(216, "klimatpåverkan", "möjligt", "Den är känd.", "", "1"),
        *_unit_line(230.2, "Invånarna har goda", "", "Vi har tagit"),
        *_unit_line(242.2, "möjligheter till", "Webbplatsen", "fram en plan."),
        *_unit_line(254.2, "dialog och", "används för", "Inläggen"),
        *_unit_line(266.2, "inflytande", "dialog", "planeras.", "", "3"),
    ]
    page = Page(1, 842.0, 595.0, tuple(words), (Rule(56.7, 785.2, 170),))
    [grid] = read_grids({1: page}, set(), UNIT)
    assert [row.text("måluppfyllelse") for row in grid.rows] == ["1", "3"]
    assert [row.text("mål") for row in grid.rows] == [
        "Kommunen är ett föredöme i och minskar sin klimatpåverkan",
        "Invånarna har goda möjligheter till dialog och inflytande",
    ]
