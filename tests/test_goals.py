"""Goal follow-ups: goal headings, titles and assessments (goals.py), indicator tables
(indicators.py) and the pages the layout keeps for itself. Every sample's rows are checked in
test_samples.py."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest

from extract import pipeline
from extract.document import find_unit
from extract.goals import (
    Goal,
    _activity,
    _goal_at,
    _section_ends,
    distinct,
    find_goals,
    heading,
    shape_of,
    title_type,
)
from extract.grid_model import Cell
from extract.indicators import read_indicators
from extract.page import Line, Page, Rule, Source, Word
from extract.profiles import load_profile
from extract.provenance import NOT_SWEDISH

from .conftest import SAMPLES

PROFILE = load_profile(Path(__file__).resolve().parent.parent / "layouts" / "malstyrning.toml")
SHAPE = shape_of(PROFILE)
SIZE = 10.0


def never(line: Line) -> bool:
    return False


def line(text: str, top: float, x0: float = 50.0, bold: bool = False, size: float = SIZE) -> Line:
    """A line of words set one space apart."""
    words, x = [], x0
    for word in text.split():
        width = 0.5 * size * len(word)
        words.append(Word(word, x, x + width, top, top + size, size, bold))
        x += width + 0.25 * size
    return Line(tuple(words), 1, 842.0)


def cells(top: float, *texts: tuple[float, str], bold: bool = False) -> list[Word]:
    """Words of table cells at the given x positions on one baseline."""
    return [w for x0, text in texts for w in line(text, top, x0, bold).words]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Kommunfullmäktiges prioriterade mål 8: Hjo kommun ska bidra till god hälsa",
            ("KF-mål", "8", "Hjo kommun ska bidra till god hälsa"),
        ),
        ("Kommunfullmäktiges prioriterade mål 15:", ("KF-mål", "15", "")),
        ("Kommunfullmäktiges prioriterade mål 1:Hjo ska växa", ("KF-mål", "1", "Hjo ska växa")),
        ("KF-mål 2", ("KF-mål", "2", "")),
        ("3.2 KF-mål 4: Trygg skola", ("KF-mål", "4", "Trygg skola")),
        (
            "Kommunstyrelsens mål 1 – Bemanning efter behov",
            ("KS-mål", "1", "Bemanning efter behov"),
        ),
        ("Socialnämndens mål 3. Egen försörjning", ("Nämndmål", "3", "Egen försörjning")),
        ("Nämndens mål 2.1: Trygghet", ("Nämndmål", "2.1", "Trygghet")),
        ("Inriktningsmål 4: Hållbar tillväxt", ("KF-mål", "4", "Hållbar tillväxt")),
        ("Mål 15 kan inte anses vara helt uppfyllt", None),
        ("Kommunfullmäktiges mål 9 nås genom samverkan", None),
        ("Kommunstyrelsens mål 2016-2018", None),
        ("Kommunfullmäktiges prioriterade mål 3 ............ 4", None),
        ("Så här har verksamheten arbetat för att nå målet:", None),
    ],
)
def test_goal_headings(text: str, found: tuple[str, str, str] | None) -> None:
    assert heading(text, SHAPE) == found


def test_title_on_the_heading_line_wraps_in_bold() -> None:
    lines = [
        line("Kommunfullmäktiges prioriterade mål 1: Hjo ska vara en attraktiv", 100, bold=True),
        line("boendekommun med positiv befolkningstillväxt", 112, bold=True),
        line("Uppfyllt", 130, bold=True),
        line("Så här har verksamheten arbetat för att nå målet:", 150),
    ]
    (goal,) = find_goals(lines, SHAPE)
    assert (goal.goal_type, goal.nr, goal.assessment, goal.assessment_raw) == (
        "KF-mål",
        "1",
        "Uppfyllt",
        "Uppfyllt",
    )
    assert goal.title == "Hjo ska vara en attraktiv boendekommun med positiv befolkningstillväxt"


def test_a_page_without_a_goal_heading_has_no_goals() -> None:
    # A candidate page whose "mål 2" is no heading (a handlingsplan grid, a sentence).
    lines = [line("Verksamheten arbetar mot mål 2 i planen.", 100), line("Status", 112)]
    assert find_goals(lines, SHAPE) == []
    assert find_goals([], SHAPE) == []


def test_rows_of_a_table_assessing_goals_year_by_year_are_no_goal_headings() -> None:
    # A kvalitetsredovisning's table of goals, one assessment a year: a result table.
    rows = [
        ("Mål 9. I Hjo ska vi ha ett gott företagsklimat", "Ej uppfyllt", "Delvis uppfyllt"),
        ("Mål 11. I Hjo ska man kunna påverka", "Ej aktuellt", "Ej uppfyllt"),
    ]
    lines = [
        Line(tuple(cells(100 + 14 * n, (50, goal), (330, first), (430, second))), 1, 842.0)
        for n, (goal, first, second) in enumerate(rows)
    ]
    assert find_goals(lines, SHAPE) == []
    # A heading with its assessment beside it is still a goal.
    beside = Line(
        tuple(cells(100, (50, "Mål 9. Gott företagsklimat"), (430, "Uppfyllt"))), 1, 842.0
    )
    (goal,) = find_goals([beside], SHAPE)
    assert (goal.nr, goal.assessment) == ("9", "Uppfyllt")


def test_a_plain_title_goes_on_only_mid_sentence() -> None:
    lines = [
        line("KF-mål 3: Kommunen ska vara en attraktiv arbetsgivare för", 100),
        line("alla yrkesgrupper", 112),
        line("Under året har rekryteringen förbättrats.", 124),
    ]
    (goal,) = find_goals(lines, SHAPE)
    assert goal.title == "Kommunen ska vara en attraktiv arbetsgivare för alla yrkesgrupper"


def test_an_assessment_set_apart_on_the_heading_line() -> None:
    head = line("KF-mål 5: Hållbar energi", 100, bold=True)
    mark = line("Delvis uppfyllt", 100, x0=450, bold=True)
    lines = [Line(head.words + mark.words, 1, 842.0), line("Vi har fortsatt arbetet.", 120)]
    (goal,) = find_goals(lines, SHAPE)
    assert (goal.title, goal.assessment, goal.assessment_raw) == (
        "Hållbar energi",
        "Delvis uppfyllt",
        "Delvis uppfyllt",
    )


def test_an_assessment_after_the_number_and_the_title_below() -> None:
    lines = [line("KF-mål 9: Ej uppfyllt", 100, bold=True), line("Gott företagsklimat", 115)]
    (goal,) = find_goals(lines, SHAPE)
    assert (goal.title, goal.assessment) == ("Gott företagsklimat", "Ej uppfyllt")


def test_assessment_before_the_title_and_a_plain_heading_keeps_prose_apart() -> None:
    lines = [
        line("Kommunfullmäktiges prioriterade mål 9:", 100),
        line("Ej uppfyllt", 115, bold=True),
        line("I Hjo ska vi ha ett gott företagsklimat", 130, bold=True),
        line("Vi har fortsatt att arbeta med mötesplatser för", 145),
        line("näringslivet.", 157),
    ]
    (goal,) = find_goals(lines, SHAPE)
    assert (goal.title, goal.assessment) == (
        "I Hjo ska vi ha ett gott företagsklimat",
        "Ej uppfyllt",
    )


@pytest.mark.parametrize(
    ("printed", "term", "raw"),
    [
        (
            ["Bedömning:", "Målet är ej uppnått. Vi behöver stärka klimatet."],
            "Ej uppfyllt",
            "Målet är ej uppnått",
        ),
        (["Måluppfyllelse: Delvis uppfyllt"], "Delvis uppfyllt", "Delvis uppfyllt"),
        (["Målet är uppfyllt."], "Uppfyllt", "Målet är uppfyllt"),
        (["Bedömning: Nästan i mål"], "", "Nästan i mål"),  # kept, with a warning
        (["Mål 15 kan inte anses vara helt uppfyllt då försäljningen minskade."], "", ""),
        (["Bedömning Uppfyllt"], "Uppfyllt", "Uppfyllt"),
        (
            ["Målet är ej uppfyllt. Kostnaderna har ökat mer än budget."],
            "Ej uppfyllt",
            "Målet är ej uppfyllt",
        ),
        (["Vi bedömer inte att", "målet är uppfyllt. Det krävs mer."], "", ""),
        (["Bedömning av läget görs i december."], "", ""),
    ],
)
def test_assessments_worded_differently(printed: list[str], term: str, raw: str) -> None:
    lines = [line("KF-mål 4", 100, bold=True, size=13), line("Ett gott bemötande", 118, bold=True)]
    lines += [line(text, 136 + 14 * i) for i, text in enumerate(printed)]
    (goal,) = find_goals(lines, SHAPE)
    assert (goal.title, goal.assessment, goal.assessment_raw) == ("Ett gott bemötande", term, raw)


def test_a_bare_goal_number_takes_the_kind_of_its_section() -> None:
    lines = [
        line("Kommunstyrelsens mål 2020", 80, bold=True, size=14),
        line("Mål 1: Effektiv förvaltning", 100, bold=True),
        line("Mål 2. Nöjda invånare", 140, bold=True),
        line("Mål 2 kan inte anses uppfyllt.", 160),
    ]
    assert [(g.goal_type, g.nr, g.title) for g in find_goals(lines, SHAPE)] == [
        ("KS-mål", "1", "Effektiv förvaltning"),
        ("KS-mål", "2", "Nöjda invånare"),
    ]


def test_a_bare_goal_number_takes_the_kind_the_title_page_names() -> None:
    title = (
        "Töreboda kommun\nMåluppföljning 2020\nÅrsuppföljning av kommunfullmäktiges mål för skolan"
    )
    assert title_type(title, SHAPE) == "KF-mål"
    assert title_type("Uppföljning av KF-mål och nämndmål", SHAPE) == ""  # two kinds
    lines = [line("Mål 4 Trygg och säker kommun", 100, bold=True)]
    assert [g.goal_type for g in find_goals(lines, SHAPE, title_type(title, SHAPE))] == ["KF-mål"]
    assert [g.goal_type for g in find_goals(lines, SHAPE)] == [""]


def test_rows_after_a_larger_heading_belong_to_no_goal() -> None:
    lines = [
        line("Prioriterade mål", 60, bold=True, size=16),
        line("KF-mål 1: Trygghet", 100, bold=True, size=12),
        line("Internkontroll", 300, bold=True, size=16),
    ]
    goals = find_goals(lines, SHAPE)
    scopes = sorted([*goals, *_section_ends(lines, goals)], key=lambda g: (g.page, g.top))
    assert [_goal_at(scopes, 1, top) for top in (80, 200, 400)] == ["", "1", ""]


def test_a_goal_listed_before_its_follow_up_is_one_goal() -> None:
    overview = Goal("KF-mål", "1", "Attraktiv kommun", "", "", 2, 100.0)
    follow_up = Goal("KF-mål", "1", "Attraktiv kommun", "Uppfyllt", "Uppfyllt", 5, 80.0)
    other = Goal("KS-mål", "1", "Bemanning", "", "", 6, 80.0)
    assert distinct([overview, follow_up, other]) == [follow_up, other]
    again = Goal("KF-mål", "1", "Attraktiv kommun", "Ej uppfyllt", "Ej uppfyllt", 9, 80.0)
    assert distinct([overview, follow_up, again]) == [follow_up, again]


@pytest.mark.parametrize(
    ("title_page", "unit"),
    [
        (
            "Verksamhetsuppföljning 2016\nKommunledningskontoret\nHjo kommun",
            "Kommunledningskontoret",
        ),
        ("Kvalitetsredovisning 2018\nSektor Ledning och stöd", "Sektor Ledning och stöd"),
        ("Årsrapport\nKultur- och fritidsförvaltningen", "Kultur- och fritidsförvaltningen"),
        ("Verksamhetsuppföljning 2019 för Socialförvaltningen", "Socialförvaltningen"),
        (
            "Piteå kommun · Kultur- och fritidsnämnden · Måluppföljning",
            "Kultur- och fritidsnämnden",
        ),
        ("Årsredovisning 2020\nTibro kommun", ""),
    ],
)
def test_reporting_unit(title_page: str, unit: str) -> None:
    assert find_unit([title_page], SHAPE.units) == unit


def _page(words: list[Word], rules: tuple[Rule, ...] = ()) -> Page:
    return Page(1, 595.0, 842.0, tuple(words), rules)


YEARS = ((260.0, "2012"), (330.0, "2013"), (400.0, "2014"))


def test_indicator_table_with_source_wrapped_labels_and_missing_measurements() -> None:
    words = cells(100, (50, "Indikator:"), *YEARS, bold=True)
    words += cells(113, (50, "SCB:s medborgarundersökning"))
    words += cells(130, (50, "Antal invånare"), (260, "8 840"), (330, "8 805"), (400, "8 885"))
    words += cells(147, (50, "Betygsindex för kommunen"), (260, "53 (medel"), (330, "Ingen"))
    words += cells(147, (400, "58 (medel"))
    words += cells(159, (50, "som plats att bo på"), (260, "57)"), (330, "mätning"), (400, "57)"))
    words += cells(171, (330, "gjordes"))
    words += cells(220, (50, "Efter tabellen följer en vanlig mening som löper över sidan."))
    found, used = read_indicators({1: _page(words)}, set(), SHAPE.indicators, never)
    got = [(c.indicator, c.source, c.period, c.raw) for c in found]
    source = "SCB:s medborgarundersökning"
    assert got == [
        ("Antal invånare", source, "2012", "8 840"),
        ("Antal invånare", source, "2013", "8 805"),
        ("Antal invånare", source, "2014", "8 885"),
        ("Betygsindex för kommunen som plats att bo på", source, "2012", "53 (medel 57)"),
        ("Betygsindex för kommunen som plats att bo på", source, "2013", "Ingen mätning gjordes"),
        ("Betygsindex för kommunen som plats att bo på", source, "2014", "58 (medel 57)"),
    ]
    assert not any(ln.text.startswith("Efter tabellen") for ln in used)


@pytest.mark.parametrize(
    ("source", "read"),
    [(Source.OCR, ["221,3", "1,5"]), (Source.TEXT, ["221.3", "1.5"])],
)
def test_ocr_reads_a_decimal_comma_as_a_point(source: Source, read: list[str]) -> None:
    """In a table that prints decimal commas, a point read by OCR is a comma (not a date's);
    as printed in a text layer, it stays."""
    words = cells(100, (50, "Indikator"), *YEARS, bold=True)
    words += cells(113, (50, "Meritvärde"), (260, "214,5"), (330, "218"), (400, "221.3"))
    words += cells(126, (50, "Mätt"), (260, "2.10.2021"), (330, "1.5"), (400, "3"))
    page = replace(_page(words), source=source)
    found, _ = read_indicators({1: page}, set(), SHAPE.indicators, never)
    assert [c.raw for c in found] == ["214,5", "218", read[0], "2.10.2021", read[1], "3"]


def test_a_source_in_a_cell_merged_across_the_table_with_its_label() -> None:
    words = cells(100, (50, "Indikator"), *YEARS, bold=True)
    words += cells(113, (50, "Källa: SKR:s servicemätning och SCB:s medborgarundersökning"))
    words += cells(
        130, (50, "Andel svar inom två dagar"), (260, "81 %"), (330, "79 %"), (400, "86 %")
    )
    found, _ = read_indicators({1: _page(words)}, set(), SHAPE.indicators, never)
    assert [(c.source, c.raw) for c in found] == [
        ("SKR:s servicemätning och SCB:s medborgarundersökning", raw)
        for raw in ("81 %", "79 %", "86 %")
    ]


def test_a_source_column_and_a_label_wrapped_after_a_comma() -> None:
    years = ((420.0, "2020"), (490.0, "2021"), (560.0, "2022"))
    words = cells(100, (50, "Indikator"), (300, "Källa"), *years, bold=True)
    label = "Andel invånare som deltar i föreningslivet,"
    words += cells(113, (50, label), (300, "Kolada"), (420, "48 % (riket"), (490, "44 %"))
    words += cells(125, (50, "13–19 år"), (420, "52 %)"))
    words += cells(137, (50, "Nöjd medborgarindex"), (300, "SCB"), (420, "62"), (490, "Ingen"))
    words += cells(149, (300, "medborgarundersökning"), (490, "mätning"))
    found, _ = read_indicators({1: _page(words)}, set(), SHAPE.indicators, never)
    assert [(c.indicator, c.source, c.raw) for c in found if c.period != "2022"] == [
        ("Andel invånare som deltar i föreningslivet, 13–19 år", "Kolada", "48 % (riket 52 %)"),
        ("Andel invånare som deltar i föreningslivet, 13–19 år", "Kolada", "44 %"),
        ("Nöjd medborgarindex", "SCB medborgarundersökning", "62"),
        ("Nöjd medborgarindex", "SCB medborgarundersökning", "Ingen mätning"),
    ]


def test_a_source_named_after_the_label() -> None:
    words = cells(100, (50, "Indikator"), *YEARS, bold=True)
    words += cells(113, (50, "Antal invånare (källa: SCB)"), (260, "8 840"), (330, "8 805"))
    words += cells(113, (400, "8 885"))
    words += cells(126, (50, "Nöjd-Inflytande-Index"), (260, "38"), (330, "40"), (400, "41"))
    found, _ = read_indicators({1: _page(words)}, set(), SHAPE.indicators, never)
    assert {(c.indicator, c.source) for c in found} == {
        ("Antal invånare", "SCB"),
        ("Nöjd-Inflytande-Index", ""),
    }


@pytest.mark.parametrize("span", ["2010-2013", "2010–2013"])  # OCR may read either dash
def test_ruled_indicator_rows_and_a_year_span(span: str) -> None:
    periods = ((260.0, "2009"), (330.0, span), (420.0, "2014"))
    words = cells(100, (50, "Indikator: SKL:s öppna jämförelser"), *periods, bold=True)
    words += cells(120, (50, "- Självskattad hälsa"), (260, "70 %"), (330, "Ingen mätning"))
    words += cells(120, (420, "74 %"))
    words += cells(140, (50, "Rökare"), (260, "12 %"), (330, "–"), (420, "- 3 %"))
    rules = tuple(Rule(40.0, 480.0, y) for y in (96.0, 116.0, 136.0, 156.0))
    found, _ = read_indicators({1: _page(words, rules)}, set(), SHAPE.indicators, never)
    got = [(c.indicator, c.source, c.period, c.raw) for c in found]
    assert got[:3] == [
        ("Självskattad hälsa", "SKL:s öppna jämförelser", "2009", "70 %"),
        ("Självskattad hälsa", "SKL:s öppna jämförelser", "2010-2013", "Ingen mätning"),
        ("Självskattad hälsa", "SKL:s öppna jämförelser", "2014", "74 %"),
    ]
    assert [raw for *_, raw in got[3:]] == ["12 %", "–", "- 3 %"]


@pytest.mark.parametrize("label_top", [95.0, 113.0])
def test_a_label_cell_set_above_or_below_the_periods(label_top: float) -> None:
    words = cells(label_top, (50, "Indikator: SCB:s"), bold=True)
    words += cells(104, *YEARS, bold=True)
    if label_top < 100:
        words += cells(113, (50, "medborgarundersökning"))
    words += cells(130, (50, "Nöjd Inflytande-Index"), (260, "38"), (330, "40"), (400, "44"))
    found, _ = read_indicators({1: _page(words)}, set(), SHAPE.indicators, never)
    expected = "SCB:s medborgarundersökning" if label_top < 100 else "SCB:s"
    assert {(c.indicator, c.source) for c in found} == {("Nöjd Inflytande-Index", expected)}
    assert [c.raw for c in found] == ["38", "40", "44"]


def test_periods_named_with_a_word() -> None:
    periods = ((260.0, "Utfall 2015"), (340.0, "Utfall 2016"), (420.0, "Målvärde"))
    words = cells(100, (50, "Nyckeltal"), *periods, bold=True)
    words += cells(120, (50, "Nettokostnad per invånare, kr"), (260, "8 840"), (340, "9 012"))
    words += cells(120, (420, "9 000"))
    found, _ = read_indicators({1: _page(words)}, set(), SHAPE.indicators, never)
    assert [(c.period, c.raw) for c in found] == [
        ("Utfall 2015", "8 840"),
        ("Utfall 2016", "9 012"),
        ("Målvärde", "9 000"),
    ]


def test_a_missing_measurement_merged_over_two_periods() -> None:
    words = cells(100, (50, "Indikator:"), *YEARS, bold=True)
    words += cells(120, (50, "Nöjd Medborgar-Index"), (260, "55"), (318, "Ingen mätning gjordes"))
    found, _ = read_indicators({1: _page(words)}, set(), SHAPE.indicators, never)
    assert [(c.period, c.raw) for c in found] == [
        ("2012", "55"),
        ("2013", "Ingen mätning gjordes"),
        ("2014", "Ingen mätning gjordes"),
    ]


@pytest.mark.parametrize("named", [True, False])
def test_right_aligned_cells_wider_than_half_their_column(named: bool) -> None:
    label = (50, "Indikator:") if named else (50, "")
    words = cells(100, label, *YEARS, bold=True)
    words += cells(120, (50, "Andel nöjda"), (197, "Ingen mätning gjordes"), (330, "61"))
    words += cells(120, (400, "64"))
    found, _ = read_indicators({1: _page(words)}, set(), SHAPE.indicators, never)
    assert [(c.indicator, c.raw) for c in found] == [
        ("Andel nöjda", "Ingen mätning gjordes"),
        ("Andel nöjda", "61"),
        ("Andel nöjda", "64"),
    ]


def test_years_in_prose_make_no_table() -> None:
    words = cells(100, (50, "Mellan 2012 och 2014 ökade antalet besökare kraftigt."))
    words += cells(113, (50, "Resultat"), (260, "2012"))
    found, used = read_indicators({1: _page(words)}, set(), SHAPE.indicators, never)
    assert found == [] and used == set()


@pytest.mark.parametrize(
    "pdf", sorted((SAMPLES / "uppfoljning").glob("*.pdf")), ids=lambda p: p.stem
)
def test_goal_pages_are_read_by_this_layout_alone(pdf: Path, extracted) -> None:
    """An activity plan is no handlingsplan grid, and an indicator table no small result
    table: no sample gives rows to another table."""
    result = extracted(pdf)
    assert result.profiles == ["malstyrning"]
    assert {key for key, rows in result.rows.items() if rows} <= {
        "mal",
        "indikatorer",
        "aktiviteter",
    }
    assert all(re.match(r"aktivitet sida \d+: okänd status", w) for w in result.warnings)


def test_an_indicator_table_goes_on_over_a_page_break() -> None:
    first = cells(700, (50, "Indikator:"), *YEARS, bold=True)
    first += cells(720, (50, "Antal besök"), (260, "98 400"), (330, "101 250"), (400, "97 800"))
    second = cells(60, (50, "Indikator:"), *YEARS, bold=True)  # the header repeated
    second += cells(80, (50, "Antal lån"), (260, "12"), (330, "14"), (400, "–"))
    second += cells(100, (50, "Nöjdhet"), (260, "61 (medel 60)"), (330, "62"), (400, "64"))
    third = cells(60, (50, "Antal utlån per invånare"), (260, "5,1"), (330, "5,3"), (400, "5,6"))
    pages = {
        1: _page(first),
        2: Page(2, 595.0, 842.0, tuple(second)),
        3: Page(3, 595.0, 842.0, tuple(third)),
    }
    found, _ = read_indicators(pages, set(), SHAPE.indicators, never)
    rows = {(c.indicator, c.page) for c in found}
    assert rows == {
        ("Antal besök", 1),
        ("Antal lån", 2),
        ("Nöjdhet", 2),
        ("Antal utlån per invånare", 3),
    }
    assert len(found) == 12


def test_a_table_band_below_its_goal_heading_is_read_from_the_top(monkeypatch, profiles) -> None:
    """A scanned page's OCR band holds the activity plan, its goal heading stands in the prose
    above: the layout's table goes on there, so the page is read from its top."""
    heading = cells(80, (50, "Kommunfullmäktiges prioriterade mål 3: Ett rikt kulturliv"))
    plan = cells(500, (50, "Aktivitet"), (150, "Beskrivning"), (330, "Slutdatum"), (450, "Status"))
    plan += cells(520, (50, "Kulturskolan"), (150, "Fler elever"), (330, "2019-03-31"))
    plan += cells(520, (450, "Genomfört"))

    def ocr_pages(path: Path, bands: dict[int, tuple[float, float]]) -> dict[int, Page]:
        read = {1: cells(80, (50, "Verksamhetsuppföljning 2019")), 2: heading + plan}
        return {
            n: Page(n, 595.0, 842.0, tuple(w for w in read[n] if w.top >= top * 842.0))
            for n, (top, _) in bands.items()
        }

    monkeypatch.setattr(pipeline, "check_tesseract", lambda: None)
    monkeypatch.setattr(pipeline, "table_regions", lambda path, numbers: {2: (0.5, 0.95)})
    monkeypatch.setattr(pipeline, "ocr_pages", ocr_pages)
    by_kind: dict[str, list] = {}
    for profile in profiles:
        by_kind.setdefault(profile.table, []).append(profile)
    pdf = SAMPLES / "uppfoljning" / "uppfoljning_d.pdf"  # opened only for its text-layer pages
    texts, wanted, _ = pipeline._read_pages(pdf, ["", ""], by_kind)
    assert wanted["mal"] == [2]
    assert texts[1].startswith("Kommunfullmäktiges prioriterade mål 3")


@pytest.mark.parametrize(
    ("foot", "band", "read_from_top"),
    [
        (780.0, None, True),  # the plan runs to the foot; its last row shows no columns
        (780.0, (0.12, 0.6), True),  # the band starts below the rows at the top
        (420.0, None, False),  # the plan ends mid-page: the next page stays unread
    ],
)
def test_a_plan_that_runs_to_the_foot_of_a_scanned_page_goes_on_at_the_top_of_the_next(
    monkeypatch, profiles, foot: float, band: tuple[float, float] | None, read_from_top: bool
) -> None:
    """The rest of an activity plan broken over a page break: one row under the repeated
    header, which shows no table columns in the image (or a band that starts below it, at a
    table further down), so it is not read from its top unless the plan ran to the foot."""
    names = ((50, "Aktivitet"), (150, "Beskrivning"), (330, "Slutdatum"), (450, "Status"))
    first = cells(80, (50, "Kommunfullmäktiges prioriterade mål 7: Barn och unga"))
    first += cells(foot - 40, *names)
    first += cells(foot, (50, "Ungdomsråd"), (150, "Ett ungdomsråd"), (330, "2019-05-31"))
    first += cells(foot, (450, "Genomfört"))
    second = cells(60, *names)
    second += cells(82, (150, "från alla skolor"))
    second += cells(110, (50, "Medborgardialog"), (150, "Dialog med unga"), (330, "Hösten 2019"))
    second += cells(110, (450, "Ej påbörjad"))
    read: list[tuple[int, tuple[float, float]]] = []

    def ocr_pages(path: Path, bands: dict[int, tuple[float, float]]) -> dict[int, Page]:
        printed = {1: cells(80, (50, "Verksamhetsuppföljning 2019")), 2: first, 3: second}
        read.extend(bands.items())
        return {
            n: Page(n, 595.0, 842.0, tuple(w for w in printed[n] if w.top >= top * 842.0))
            for n, (top, _) in bands.items()
        }

    regions = {2: (0.0, 1.0)} | ({3: band} if band else {})
    monkeypatch.setattr(pipeline, "check_tesseract", lambda: None)
    monkeypatch.setattr(pipeline, "table_regions", lambda path, numbers: dict(regions))
    monkeypatch.setattr(pipeline, "ocr_pages", ocr_pages)
    by_kind: dict[str, list] = {}
    for profile in profiles:
        by_kind.setdefault(profile.table, []).append(profile)
    pdf = SAMPLES / "uppfoljning" / "uppfoljning_d.pdf"  # opened only for its text-layer pages
    texts, wanted, _ = pipeline._read_pages(pdf, ["", "", ""], by_kind)
    if read_from_top:
        assert wanted["mal"] == [2, 3]
        assert texts[2].startswith("Aktivitet Beskrivning")
        assert (3, (0.0, band[1] if band else 1.0)) in read
    else:
        assert wanted["mal"] == [2]
        assert all(n != 3 for n, _ in read)


@pytest.mark.parametrize(
    ("printed", "confidence", "sure"),
    [
        ("Genomför", 0.87, False),  # OCR'd "Genomfört" or "Genomförd": which is not known
        ("Genomfört", 0.87, True),
        ("Klart, 12 nov", 0.87, True),
        ("Genomför", 1.0, True),  # as the text layer prints it
    ],
)
def test_a_status_read_near_a_term_only_is_unsure(
    printed: str, confidence: float, sure: bool
) -> None:
    words = tuple(Word(w, 0, 10, 0, 10, confidence=confidence) for w in printed.split())
    shape = SimpleNamespace(types={"status": "status"})
    cell = Cell(lines=(Line(words, page=1),))
    values, _ = _activity({"status": cell}, shape, SimpleNamespace())
    assert values["status"] == "Genomfört"
    assert ("confidence" not in values) is sure
    if not sure:
        assert values["confidence"] <= NOT_SWEDISH


def scanned_page_pdf(path: Path, printed: list[tuple[float, float, str, str]]) -> list[Word]:
    """A one-page PDF holding only an image of the texts (x, top in points, text), as a scan
    does; and the words an OCR pass read there (the fourth item), set over where it stands."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.pdfgen import canvas

    scale = 300 / 72
    image = Image.new("L", (round(595 * scale), round(842 * scale)), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(
        "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf", round(SIZE * scale)
    )
    words = []
    for x, top, text, reading in printed:
        draw.text((x * scale, top * scale), text, font=font, fill=0)
        left, _, right, _ = (
            v / scale for v in draw.textbbox((x * scale, top * scale), text, font=font)
        )
        step = (right - left) / len(reading.split())
        words += [
            Word(w, left + i * step, left + (i + 1) * step - 2, top, top + SIZE, SIZE)
            for i, w in enumerate(reading.split())
        ]
    image.save(path.with_suffix(".png"))
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.drawImage(str(path.with_suffix(".png")), 0, 0, 595, 842)
    pdf.showPage()
    pdf.save()
    return words


@pytest.mark.parametrize(
    ("column", "first_reading", "printed", "field", "value"),
    [
        ("status", "Klan, 12 nov", "Klart, 12 nov", "status", "Genomfört"),
        ("date", "2019 -31", "2019-03-31", "end_date", "2019-03-31"),
    ],
)
def test_a_cell_read_outside_its_column_vocabulary_is_read_again_alone(
    monkeypatch, tmp_path, profiles, column, first_reading, printed, field, value
) -> None:
    """OCR of a whole scanned page reads a cell of a plan wrong ("Klart" as "Klan" beside the
    cells around it, a date's middle lost): a status no term has, a date that does not
    parse. That cell alone is read again from the page image, and kept when it passes; the
    row is listed for review, since two readings of it disagreed."""
    at = {"status": 450.0, "date": 330.0}[column]
    heading = cells(80, (50, "Kommunfullmäktiges prioriterade mål 3: Ett rikt kulturliv"))
    header = cells(
        500, (50, "Aktivitet"), (150, "Beskrivning"), (330, "Slutdatum"), (450, "Status")
    )
    row = cells(520, (50, "Kulturskolan"), (150, "Fler elever"))
    row += cells(520, *[(x, t) for x, t in ((330, "2019-03-31"), (450, "Genomfört")) if x != at])
    pdf = tmp_path / "plan.pdf"
    first = scanned_page_pdf(pdf, [(at, 520.0, printed, first_reading)])
    ocr = [replace(w, confidence=0.95) for w in heading + header + row + first]

    def ocr_pages(path: Path, bands: dict[int, tuple[float, float]]) -> dict[int, Page]:
        return {1: Page(1, 595.0, 842.0, tuple(ocr), source=Source.OCR)}

    monkeypatch.setattr(pipeline, "check_tesseract", lambda: None)
    monkeypatch.setattr(pipeline, "table_regions", lambda path, numbers: {})
    monkeypatch.setattr(pipeline, "ocr_pages", ocr_pages)
    result = pipeline.extract_file(pdf, profiles)
    (activity,) = result.rows["aktiviteter"]
    assert getattr(activity, field) == value
    assert activity.confidence <= NOT_SWEDISH
    assert any(r.table == "aktiviteter" for r in result.rows["granska"])
