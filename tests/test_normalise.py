"""The small pieces the rows depend on: numbers, names, years, wrapped text, checks."""

from __future__ import annotations

import pytest

from extract.document import find_municipality, find_year
from extract.kommuner import match_name, municipalities
from extract.kompass import Area, Item, _area_title, check_area, check_item
from extract.numbers import parse_number, parse_percent
from extract.text import join_wrapped
from extract.values import normalise_status, parse_date, parse_value


@pytest.mark.parametrize(
    ("text", "value"),
    [("8 840", 8840), ("8\u00a0840", 8840), ("3,49", 3.49), ("−5", -5), ("+12", 12), ("100", 100)],
)
def test_numbers_as_printed(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "abc", "12a", "1.2.3", "Ingen mätning"])
def test_not_numbers(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("45 %", 45), ("45%", 45), ("66,7 %", 66.7), ("0,45", 45), ("1,00", 100), ("100%", 100)],
)
def test_percents(text: str, value: float) -> None:
    assert parse_percent(text) == value


def test_percent_rejects_plain_numbers() -> None:
    assert parse_percent("45") is None and parse_percent("2,5") is None


def test_the_municipality_table_is_complete() -> None:
    rows = municipalities()
    assert len(rows) == 290
    assert len({m.code for m in rows}) == 290
    assert all(len(m.code) == 4 and m.code.isdigit() for m in rows)


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Åmåls kommun", "Åmål", "1492"),
        ("ÅMÅL", "Åmål", "1492"),
        ("Amals", "Åmål", "1492"),
        ("Upplands Väsby kommun", "Upplands Väsby", "0114"),
        ("Härjedalens", "Härjedalen", "2361"),
        ("Göteborgs stad", "Göteborg", "1480"),
        ("Borås", "Borås", "1490"),
        ("Kramfors kommuns", "Kramfors", "2282"),
        ("Savsj6s kommun", "Sävsjö", "0684"),  # English OCR's "6" for "ö"
    ],
)
def test_names_match_robustly(text: str, name: str, code: str) -> None:
    found = match_name(text)
    assert found is not None and (found.name, found.code) == (name, code)


@pytest.mark.parametrize("text", ["Kommunkompassen", "Utvärderare", "Sverige", "Max"])
def test_other_words_are_not_municipalities(text: str) -> None:
    assert match_name(text) is None


def test_title_page_decides_the_municipality_over_an_evaluators_home() -> None:
    title = "Kommunkompassen – Analys av Härnösands\nkommun\nMars 2023\nUtvärderare:\nA B, Kramfors kommun"
    body = "Kommunkompassen – Härnösands kommun Mars 2023\nHärnösands kommun arbetar med …"
    found = find_municipality([title, body, body])
    assert found is not None and found.name == "Härnösand"


def test_year_comes_from_the_dated_title_line_not_the_prose() -> None:
    title = "Kommunkompassen\nAnalys av Säffle kommun\nOktober 2020\nRevideringar 2010, 2016 och 2019/2020"
    assert find_year([title, "Förra utvärderingen gjordes 2014 och nästa 2024."]) == 2020
    assert find_year(["Östersunds kommun", "Rapport 2023-05-16, jämfört med 2019"]) == 2023
    follow_up = "Älmhults kommun\nHelårsuppföljning 2019\nDnr SN 2020/14 · Beslutad 2020-02-19"
    assert find_year([follow_up]) == 2019  # the year reported on, not the decision's
    # A report that starts on its first page: its prose may name next year's work.
    opening = (
        "Kvalitetsredovisning 2023\nSvedala kommun\nInledning\nResultaten analyseras vidare i "
        "nämndens kvalitetsdialoger och redovisas i verksamhetsplanen under våren 2024."
    )
    assert find_year([opening]) == 2023


def test_wrapped_text_is_joined_and_hyphenation_mended() -> None:
    assert join_wrapped(["Kommunen som", "samhälls-", "byggare"]) == "Kommunen som samhällsbyggare"
    assert join_wrapped(["Chefs-", "och ledarskap"]) == "Chefs- och ledarskap"
    assert join_wrapped(["synpunkts-", "och klagomål"]) == "synpunkts- och klagomål"
    assert join_wrapped(["Fler e-", "tjänster"]) == "Fler e-tjänster"
    assert join_wrapped(["Klart 2019-12-", "31"]) == "Klart 2019-12-31"


def _item(score: int | None, top: int | None, percent: float | None = None) -> Item:
    return Item("1.1", "x", score, top, percent, 1)


def test_item_checks() -> None:
    assert check_item(_item(7, 15, 45)) == "ok"  # 45 % of 15 = 6.75, printed 7
    assert check_item(_item(10, 15, 70)) == "ok"  # 10.5 rounds either way
    assert check_item(_item(14, 25, 33)) == "avvikelse"
    assert check_item(_item(16, 15)) == "avvikelse"  # above its max
    assert check_item(_item(10, 15)) == "ej kontrollerad"
    assert check_item(_item(None, 15)) == "avvikelse"


def test_area_checks_allow_the_older_revisions_rounding() -> None:
    items = (_item(7, 15), _item(15, 20), _item(12, 65))
    assert check_area(Area(1, "a", 34, 100, items), tolerance=0) == ("ok", "")
    assert check_area(Area(1, "a", 36, 100, items), tolerance=2)[0] == "ok"
    assert check_area(Area(1, "a", 36, 100, items), tolerance=0) == (
        "avvikelse",
        "delområdena summerar till 34, tryckt summa 36",
    )
    assert check_area(Area(1, "a", 34, 90, items), tolerance=0)[0] == "avvikelse"
    assert check_area(Area(1, "a", None, None, items), tolerance=0)[0] == "ej kontrollerad"


@pytest.mark.parametrize(
    ("printed", "method", "title"),
    [
        ("Ständiga förvättringar", "ocr", "Ständiga förbättringar"),  # a letter misread
        ("Ständiga förvättringar", "reparerad", "Ständiga förbättringar"),
        ("Ständiga förvättringar", "text", "Ständiga förvättringar"),  # as printed
        ("Ständiga förbättringar i kommunen", "ocr", "Ständiga förbättringar i kommunen"),
        ("", "ocr", "Ständiga förbättringar"),  # none printed: the profile's
    ],
)
def test_an_ocr_area_title_a_letter_from_a_known_name(
    printed: str, method: str, title: str, profiles
) -> None:
    (profile,) = [p for p in profiles if p.name == "kommunkompassen-2010"]
    item = Item("7.1", "x", 5, 15, 31, 1, method=method)
    assert _area_title(Area(7, printed, None, None, (item,)), item, profile) == title


@pytest.mark.parametrize(
    ("text", "value", "unit", "benchmark"),
    [
        ("8 840", 8840, "", None),
        ("3,49", 3.49, "", None),
        ("74 %", 74, "%", None),
        ("53 (medel 57)", 53, "", 57),
        ("12 (snitt: 14)", 12, "", 14),
        ("+ 40 696", 40696, "", None),
        ("+12", 12, "", None),
        ("3 timmar", 3, "timmar", None),
        ("52 sekunder", 52, "sekunder", None),
        ("1,5 mnkr", 1.5, "mnkr", None),
        ("Ingen mätning gjordes", None, "", None),
        ("–", None, "", None),
        ("", None, "", None),
        ("Bättre än snittet", None, "", None),
        ("- 6 %", -6, "%", None),
        ("6%", 6, "%", None),
        ("- 3,49", -3.49, "", None),
        ("12 (riket 15)", 12, "", 15),
        ("56 (medel 58)", 56, "", 58),
        ("Ingen mätning görs", None, "", None),
        ("Aug. 2017", None, "", None),
        ("-", None, "", None),
        ("1 284 600 m³", 1284600, "m³", None),
        ("4,8 ‰", 4.8, "‰", None),
        ("12 promille", 12, "‰", None),
    ],
)
def test_cell_values(text: str, value, unit: str, benchmark) -> None:
    """The indicator cells of follow-up reports, as printed."""
    parsed = parse_value(text)
    assert (parsed.value, parsed.unit, parsed.benchmark, parsed.raw) == (
        value,
        unit,
        benchmark,
        text,
    )


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2016-06-30", "2016-06-30"),
        ("2019-12- 31", "2019-12-31"),
        ("30 juni 2016", "2016-06-30"),
        ("31/12 2016", "2016-12-31"),
        ("juni 2016", "2016-06"),
        ("December 2018", "2018-12"),
        (join_wrapped(["2019-12-", "31"]), "2019-12-31"),
        ("1 juli 2016", "2016-07-01"),
        ("Löpande", None),
        ("Våren 2017", None),
        ("2016-13-01", None),
    ],
)
def test_dates(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Pågår", "Pågående"),
        ("Genomförd", "Genomfört"),
        ("Klar.", "Genomfört"),
        ("Ej påbörjat", "Ej påbörjad"),
        ("Målet är ej uppnått", "Ej uppfyllt"),
        ("Delvis uppfyllt", "Delvis uppfyllt"),
        ("Blå", None),
        ("Status?", None),
        ("Klart, 17 nov", "Genomfört"),
        ("Klart 26 maj", "Genomfört"),
        ("Genomfört och fortsätter", "Genomfört"),
        ("Pågående, få grundskolekontakter", "Pågående"),
        ("Pågår enligt plan", "Pågående"),
        ("Delvis genomfört", None),
        ("Vilande", None),
        ("Målet är inte uppnått", "Ej uppfyllt"),
        ("Målet är ej helt uppfyllt", "Delvis uppfyllt"),
        ("Målet bedöms vara uppfyllt", "Uppfyllt"),
        ("Målet bedöms som ej uppfyllt.", "Ej uppfyllt"),
        ("Målet är nästan uppfyllt", None),
        ("Uppfylld", "Uppfyllt"),
    ],
)
def test_statuses(text: str, term: str | None) -> None:
    assert normalise_status(text) == term
