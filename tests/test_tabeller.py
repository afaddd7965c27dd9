"""The generic small-table reader: labels → period and unit, and prose never as cells. Every
cell of the sample tables is checked in test_samples.py (samples/expected/*.tabeller.csv)."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from extract.context import DocumentContext
from extract.lines import page_text
from extract.page import Page, Rule, Source, VRule, Word
from extract.profiles import load_profiles
from extract.read_pdf import load_pages
from extract.tabeller import period_of, read, read_page, unit_of

from .conftest import SAMPLES

SIZE = 10.0


def test_period_is_the_year_a_column_names() -> None:
    assert period_of("Resultat Götene kommun 2018") == "2018"
    assert period_of("Måluppfyllelse 2019 (1–4)") == "2019"
    assert period_of("Snitt 2016–2018") == "2016-2018"  # an average over three years, one dash
    assert period_of("Förändring %") == ""
    assert period_of("Förändring sedan 2017") == ""  # a change, not a 2017 value
    assert period_of("Utveckling 2019–2020") == ""
    assert period_of("Trend mot 2020") == ""
    assert period_of("Avvikelse mot budget 2021") == ""
    # Years in the rows ('År' over 2016, 2017 …): the row names the period.
    assert period_of("Besök", "2017") == "2017"
    assert period_of("Besök", "2020¹") == "2020"  # a footnote on the year
    assert period_of("Besök", "Antal besök") == ""
    assert period_of("Förändring %", "2021") == "2021"  # the change during the row's year


def test_unit_is_whom_a_column_counts() -> None:
    assert unit_of("Resultat Götene kommun 2018") == "Götene kommun"
    assert unit_of("Götene kommun totalt") == "Götene kommun totalt"
    assert unit_of("Resultat snitt övriga likvärdiga kommuner 2018") == (
        "snitt övriga likvärdiga kommuner"
    )
    assert unit_of("Antal 2018") == ""
    assert unit_of("Totalt") == ""  # a total column counts no one in particular
    assert unit_of("2018 Snitt/vecka (veckorna 15 och 16)") == ""
    assert unit_of("Resultat 2018 i jämförelse med övriga likvärdiga kommuner") == ""


def test_title_and_prose_pages_give_no_tables() -> None:
    for pdf in sorted((SAMPLES / "tabeller").glob("*.pdf")):
        for page in load_pages(pdf, {1, 2}).values():  # the title page, a page of prose only
            assert read_page(page, set()) == []


def _page(lines: list[list[tuple[str, float]]], gap: float = 4.0) -> Page:
    """A page from lines of (text, x0); words are 5 points a letter, lines 14 points apart."""
    words = []
    for n, line in enumerate(lines):
        top = 100 + 14 * n
        for text, x0 in line:
            x = x0
            for word in text.split():
                words.append(Word(word, x, x + 5 * len(word), top, top + SIZE, SIZE))
                x += 5 * len(word) + gap
    return Page(1, 595, 842, tuple(words))


def _context(pages: dict[int, Page]) -> DocumentContext:
    return DocumentContext(
        file_name="x.pdf",
        page_texts=[""] * len(pages),
        pages=pages,
        furniture=set(),
        municipality=None,
        year=2018,
    )


@pytest.mark.parametrize(
    ("rows", "doubted"),
    [
        # A scan's narrow thousands space closed up: the value may be right, the reading is
        # not sure.
        ([("Facebook", "1 820", "2412"), ("Instagram", "592", "1 106")], ["2412"]),
        ([("Facebook", "1 820", "2 412"), ("Instagram", "592", "1 106")], []),
        # Four figures left ungrouped where the table groups five or more ('8650', '41 200').
        (
            [
                ("Nyhetsbrev", "8650", "8720"),
                ("Webbplats", "41 200", "43 115"),
                ("Sociala medier", "61200", "66 020"),
            ],
            ["61200"],
        ),
    ],
)
@pytest.mark.parametrize("source", [Source.OCR, Source.TEXT])
def test_figures_read_ungrouped_where_the_table_groups_them_are_doubted(
    rows, doubted, source
) -> None:
    lines = [[("Följare per kanal", 70)], [("2019", 300), ("2020", 380)]]
    lines += [[(label, 70), (a, 300), (b, 380)] for label, a, b in rows]
    page = replace(_page(lines), source=source)
    cells = read(_context({1: page}), []).rows["tabeller"]
    assert len(cells) == 2 * len(rows)
    unsure = [c.raw for c in cells if c.confidence < 1]
    assert unsure == (doubted if source is Source.OCR else [])


def _justified(text: str, width: float = 420) -> list[tuple[str, float]]:
    """One line of justified prose: its words spread over the width, spaces stretched wide."""
    words = text.split()
    spare = (width - 5 * sum(len(w) for w in words)) / (len(words) - 1)
    out, x = [], 70.0
    for word in words:
        out.append((word, x))
        x += 5 * len(word) + spare
    return out


def test_justified_prose_with_numbers_is_no_table() -> None:
    prose = [
        "Mätningen omfattade 108 samtal",
        "och 108 e-brev under fem veckor",
        "hösten 2018 och svaren var 93 %",
        "Tryggheten ökade med 6 procent",
        "mellan 2016 och 2018 enligt SCB",
    ]
    page = _page([_justified(line) for line in prose])
    assert all(
        w.x0 - v.x1 > 0.6 * SIZE for v, w in itertools.pairwise(page.words) if v.top == w.top
    )
    assert read_page(page, set()) == []


def test_table_under_prose_keeps_to_its_own_lines() -> None:
    page = _page(
        [
            [("Antalet besökare på webbplatsen ökade kraftigt under året.", 70)],
            [("Besök på webbplatsen", 70)],
            [("2017", 300), ("2018", 380)],
            [("Unika besökare", 70), ("48 210", 290), ("88 906", 370)],
            [("Följare i sociala", 70), ("2 140", 295), ("2 652", 375)],
            [("medier", 70)],
            [("Siffrorna kommer från kommunens eget verktyg för statistik.", 70)],
        ]
    )
    (table,) = read_page(page, set())
    assert table.title == "Besök på webbplatsen"
    assert table.columns == ("2017", "2018")
    assert table.rows == (
        ("", "Unika besökare", ("48 210", "88 906")),
        ("", "Följare i sociala medier", ("2 140", "2 652")),
    )


def test_header_left_at_the_foot_of_a_page_names_the_rows_on_the_next() -> None:
    foot = _page([[("Samhällsbetalda resor", 70)], [("Antal 2017", 300), ("Antal 2018", 380)]])
    rows = _page(
        [
            [("Färdtjänst Götene", 70)],
            [("Antal resor", 70), ("8 471", 305), ("8 351", 385)],
            [("Antal tillstånd", 70), ("280", 315), ("289", 395)],
        ]
    )
    cells = read(_context({1: foot, 2: replace(rows, number=2)}), []).rows["tabeller"]
    assert [
        (c.title, c.group, c.row, c.column_label, c.period, c.value, c.page) for c in cells
    ] == [
        (
            "Samhällsbetalda resor",
            "Färdtjänst Götene",
            "Antal resor",
            "Antal 2017",
            "2017",
            8471,
            2,
        ),
        (
            "Samhällsbetalda resor",
            "Färdtjänst Götene",
            "Antal resor",
            "Antal 2018",
            "2018",
            8351,
            2,
        ),
        (
            "Samhällsbetalda resor",
            "Färdtjänst Götene",
            "Antal tillstånd",
            "Antal 2017",
            "2017",
            280,
            2,
        ),
        (
            "Samhällsbetalda resor",
            "Färdtjänst Götene",
            "Antal tillstånd",
            "Antal 2018",
            "2018",
            289,
            2,
        ),
    ]


def test_a_rule_under_a_header_at_the_foot_bridges_its_padding() -> None:
    # A header band ruled off from its first group row (left with it at the foot of the page)
    # by a padding wider than prose leaves between its lines: the rule makes them one table.
    foot = _page(
        [
            [("Tabell 3. Driftredovisning", 70)],
            [("Utfall 2023", 300), ("Budget 2023", 380)],
            [("Gata och park", 70)],
        ]
    )
    group = [replace(w, top=w.top + 14, bottom=w.bottom + 14) for w in foot.words[-3:]]
    foot = replace(foot, words=(*foot.words[:-3], *group), rules=(Rule(65, 480, 133),))
    rows = _page(
        [
            [("Gator och vägar", 70), ("4 210", 305), ("3 900", 385)],
            [("Vinterväghållning", 70), ("0", 320), ("18 500", 380)],
        ]
    )
    cells = read(_context({1: foot, 2: replace(rows, number=2)}), []).rows["tabeller"]
    assert [(c.group, c.row, c.column_label, c.value) for c in cells][:2] == [
        ("Gata och park", "Gator och vägar", "Utfall 2023", 4210),
        ("Gata och park", "Gator och vägar", "Budget 2023", 3900),
    ]


def test_a_coded_list_is_no_result_table() -> None:
    # Kompass items ('1.2 | question | 12 | 20 | 62 %'): rows led by a code, not a label. The
    # Kompass layouts claim these reports; read alone, the page still gives no small table.
    (page,) = load_pages(SAMPLES / "kompass" / "kompass_a.pdf", {28}).values()
    assert read_page(page, set()) == []


def test_two_tables_one_under_the_other() -> None:
    # Götene 2018 prints the färdtjänst table right under the visitors table: the second
    # header ends the first table instead of wrapping into its last row.
    page = _page(
        [
            [("Kommunikation", 70)],
            [("2017", 260), ("2018", 330), ("Förändring", 390)],
            [("Besökare hemsidan", 70), ("333 200", 250), ("373 896", 320), ("+ 40 696", 390)],
            [("Följare på Facebook", 70), ("1 820", 260), ("2 412", 330), ("+ 592", 400)],
            [("Antal 2017", 240), ("Antal 2018", 310)],
            [("Färdtjänst Götene", 70)],
            [("Antal resor", 70), ("8 471", 260), ("8 351", 330)],
            [("Antal tillstånd", 70), ("280", 270), ("289", 340)],
        ]
    )
    first, second = read_page(page, set())
    assert first.columns == ("2017", "2018", "Förändring")
    assert first.rows[-1] == ("", "Följare på Facebook", ("1 820", "2 412", "+ 592"))
    assert second.columns == ("Antal 2017", "Antal 2018")
    assert [row[:2] for row in second.rows] == [
        ("Färdtjänst Götene", "Antal resor"),
        ("Färdtjänst Götene", "Antal tillstånd"),
    ]


def test_a_page_that_goes_on_with_one_row_is_read(profiles) -> None:
    (layout,) = [p for p in profiles if p.name == "tabeller"]
    table = "Besök och lån\nÅr Besök Lån\n2016 40 210 88 104\n2017 41 876 86 950\n2018 1 2\n"
    rest = "Kvalitetsredovisning 2018\nÅr Besök Lån\n2019 44 302 90 415\n5"
    prose = "Kvalitetsredovisning 2018\nBiblioteket hade 44 302 besök.\n5"
    assert layout.pages([prose, table, rest, prose]) == [2, 3]


def test_a_label_wrapped_before_a_number_stays_one_label() -> None:
    page = _page(
        [
            [("Sjukfrånvaro", 70)],
            [("Kvinnor", 300), ("Män", 380)],
            [("Korttidsfrånvaro", 70), ("2,8 %", 300), ("2,1 %", 380)],
            [("Långtidsfrånvaro (mer än", 70), ("3,9 %", 300), ("1,7 %", 380)],
            [("60 dagar)", 70)],
            [("Totalt", 70), ("6,7 %", 300), ("3,8 %", 380)],
        ]
    )
    (table,) = read_page(page, set())
    assert [row[1] for row in table.rows] == [
        "Korttidsfrånvaro",
        "Långtidsfrånvaro (mer än 60 dagar)",
        "Totalt",
    ]


def test_a_table_in_one_of_two_text_columns_keeps_to_its_column() -> None:
    # Orsa sets its report in two columns: prose of the right column runs beside the rows of
    # a table in the left one, and a table's end in the left column goes on at the top of
    # the right one.
    right = [
        "Bokbussen körde 38 turer under hösten, jämfört",
        "med 46 under 2019. Tre hållplatser i norra",
        "delen av kommunen lades ned under sommaren.",
        "Medarbetarenkäten genomförs vartannat år och",
        "mäter motivation, ledarskap och styrning med",
        "en skala från 0 till 100 i alla sektorer.",
    ]
    left = [
        [("Biblioteken höll öppet med kortare tider", 70)],
        [("från april. Utlånen av fysiska medier sjönk", 70)],
        [("med 8 procent, medan e-böckerna ökade.", 70)],
        [("Utlån per bibliotek", 70)],
        [("2019", 200), ("2020", 250)],
        [("Orsa bibliotek", 70), ("48 215", 190), ("39 870", 240)],
        [("Skattungbyn", 70), ("6 102", 195), ("5 433", 245)],
    ]
    lines = [[*row, (text, 315)] for row, text in zip(left, right, strict=False)]
    lines += left[len(right) :]
    lines += [[("2019", 445), ("2020", 495)], [("Bokbussen", 315), ("9 847", 440), ("8 960", 490)]]
    tables = read(_context({1: _page(lines)}), [])
    assert [(r.row, r.column_label, r.raw) for r in tables.rows["tabeller"]] == [
        ("Orsa bibliotek", "2019", "48 215"),
        ("Orsa bibliotek", "2020", "39 870"),
        ("Skattungbyn", "2019", "6 102"),
        ("Skattungbyn", "2020", "5 433"),
        ("Bokbussen", "2019", "9 847"),
        ("Bokbussen", "2020", "8 960"),
    ]


def test_a_page_in_two_text_columns_reads_one_column_after_the_other(profiles) -> None:
    # OCR sets the lines of the right column a little lower than the rows beside them: read
    # across the page, each row would run on into prose ('Orsa bibliotek 48 215 39 870
    # Bokbussen körde …'), and no line would end in its figures.
    (layout,) = [p for p in profiles if p.name == "tabeller"]
    right = [
        "Bokbussen körde 38 turer under hösten, jämfört",
        "med 46 under 2019. Tre hållplatser i norra",
        "delen av kommunen lades ned under sommaren.",
        "Medarbetarenkäten genomförs vartannat år och",
        "mäter motivation, ledarskap och styrning med",
        "en skala från 0 till 100 i alla sektorer.",
    ]
    left = [
        [("Biblioteken höll öppet med kortare tider", 70)],
        [("från april. Utlånen av fysiska medier sjönk", 70)],
        [("Utlån per bibliotek", 70)],
        [("Orsa bibliotek", 70), ("48 215", 190), ("39 870", 240)],
        [("Skattungbyn", 70), ("6 102", 195), ("5 433", 245)],
        [("Bokbussen", 70), ("9 847", 195), ("8 960", 245)],
    ]
    page = _page([[*row, (text, 315)] for row, text in zip(left, right, strict=True)])
    lower = tuple(
        replace(w, top=w.top + 3, bottom=w.bottom + 3) if w.x0 >= 315 else w for w in page.words
    )
    text = page_text(replace(page, words=lower))
    assert "Orsa bibliotek 48 215 39 870\n" in text
    assert layout.pages([text]) == [1]


def test_a_two_level_header_names_the_upper_label_first() -> None:
    # Each year spans two columns, set left in its span ('2019' over 'Antal | Andel %').
    page = _page(
        [
            [("Utlån per bibliotek", 70)],
            [("2019", 250), ("2020", 370)],
            [("Antal", 250), ("Andel %", 300), ("Antal", 370), ("Andel %", 420)],
            [("Orsa bibliotek", 70), ("48 215", 245), ("71", 320), ("39 870", 365), ("64", 440)],
            [("Bokbussen", 70), ("9 847", 250), ("14", 320), ("8 960", 370), ("14", 440)],
        ]
    )
    (table,) = read_page(page, set())
    assert table.columns == ("2019 Antal", "2019 Andel %", "2020 Antal", "2020 Andel %")
    # Set right, each year stands over the last column of its span.
    right = _page(
        [
            [("Utlån per bibliotek", 70)],
            [("2019", 320), ("2020", 440)],
            [("Antal", 250), ("Andel %", 300), ("Antal", 370), ("Andel %", 420)],
            [("Orsa bibliotek", 70), ("48 215", 245), ("71", 320), ("39 870", 365), ("64", 440)],
        ]
    )
    (table,) = read_page(right, set())
    assert table.columns == ("2019 Antal", "2019 Andel %", "2020 Antal", "2020 Andel %")


def test_a_header_over_two_ruled_columns_spans_both() -> None:
    # Kalix centres '2019' over 'Kalix | Riket': the rule between them starts below it.
    page = _page(
        [
            [("Medarbetarenkät", 70)],
            [("2019", 300), ("2021", 425)],
            [("Kalix", 250), ("Riket", 312), ("Kalix", 375), ("Riket", 437)],
            [("NMI", 70), ("68", 280), ("71", 342), ("70", 405), ("72", 467)],
            [("eNPS", 70), ("-4", 280), ("6", 342), ("8", 405), ("9", 467)],
        ]
    )
    rules = [VRule(x, 110, 170) for x in (230, 355, 480)] + [VRule(x, 126, 170) for x in (292, 417)]
    (table,) = read_page(replace(page, vrules=tuple(rules)), set())
    assert table.columns == ("2019 Kalix", "2019 Riket", "2021 Kalix", "2021 Riket")


def test_a_rule_under_an_upper_label_spans_its_columns() -> None:
    # 'Utfall 2022' centred over 'Intäkter | Kostnader | Netto', a rule drawn under it across
    # the three (a scan's dark header: no cell borders), beside two-line labels 'Utfall' /
    # '2021' and 'Budget' / '2023' set right over their figures. Read by OCR: a text layer's
    # header cells are boxed by their filled cells' edges.
    page = _placed(
        [
            (100, (("Utfall 2022", 340),)),
            (106, (("Utfall", 220), ("Budget", 490))),
            (118, (("Verksamhet", 70), ("2021", 230), ("Intäkter", 290), ("Kostnader", 345),
                   ("Netto", 430), ("2023", 500))),
            (134, (("Bibliotek", 70), ("-9 870", 220), ("612", 305), ("-10 645", 350),
                   ("-10 033", 420), ("-10 450", 485))),
            (148, (("Fritidsgårdar", 70), ("-3 108", 220), ("210", 305), ("-3 318", 355),
                   ("-3 108", 425), ("-3 250", 490))),
        ]
    )  # fmt: skip
    spanner = Rule(280, 460, 113)
    (table,) = read_page(replace(page, rules=(spanner,), source=Source.OCR), set())
    assert table.columns == (
        "Utfall 2021",
        "Utfall 2022 Intäkter",
        "Utfall 2022 Kostnader",
        "Utfall 2022 Netto",
        "Budget 2023",
    )


def test_goals_written_out_with_a_trend_column_are_read(profiles) -> None:
    # Grästorp's måluppfyllelse: long goal labels and a text cell last on each row; the page
    # holds nothing else that ends in numbers.
    (layout,) = [p for p in profiles if p.name == "tabeller"]
    goals = (
        "Mål 2016 2017 Trend\n"
        "Invånare och företag ska uppleva att det är enkelt att komma i kontakt med 2 3 "
        "Förbättrad\nkommunen\n"
        "Administrationen ska vara effektiv och rättssäker 3 3 Oförändrad\n"
        "Kommunen ska ha en ekonomi i balans 3 2 Försämrad\n"
    )
    assert layout.pages(["Kvalitetsredovisning 2017\nInledning", goals]) == [2]
    label = "Invånare och företag ska uppleva att det är enkelt att komma i kontakt med"
    page = _page(
        [
            [("Mål", 70), ("2016", 420), ("2017", 470), ("Trend", 515)],
            [(label, 70), ("2", 435), ("3", 485), ("Förbättrad", 500)],
            [("kommunen", 70)],
            [
                ("Administrationen ska vara effektiv", 70),
                ("3", 435),
                ("3", 485),
                ("Oförändrad", 500),
            ],
            [
                ("Kommunen ska ha en ekonomi i balans", 70),
                ("3", 435),
                ("2", 485),
                ("Försämrad", 500),
            ],
        ]
    )
    (table,) = read_page(page, set())
    assert table.rows[0] == ("", f"{label} kommunen", ("2", "3", "Förbättrad"))


def test_a_table_goes_on_without_header_in_the_next_text_column() -> None:
    # The färdtjänst table ends the left column with its header and one group; its rows go on
    # at the top of the right column, cells as far from the labels as before.
    right = [
        [("Resor med riksfärdtjänst", 315), ("112", 420), ("41", 470)],
        [("Mora", 315)],
        [("Tillstånd", 315), ("702", 420), ("688", 470)],
        [("Enkelresor", 315), ("21 406", 405), ("13 598", 455)],
    ]
    left = [
        [("Resandet föll kraftigt under våren då många", 70)],
        [("de som reser tillhör ofta riskgrupper och", 70)],
        [("reste mindre än året innan, i alla kommuner.", 70)],
        [("Färdtjänst per kommun", 70)],
        [("2019", 170), ("2020", 220)],
        [("Orsa", 70)],
        [("Tillstånd", 70), ("341", 175), ("329", 225)],
        [("Enkelresor", 70), ("9 874", 165), ("6 120", 215)],
    ]
    prose = [
        "Under hösten infördes digitala signaturer för",
        "protokoll, som nu kan justeras inom två dagar",
        "i stället för sex dagar som det var tidigare.",
    ]
    lines = [row + right_row for row, right_row in zip(left, right, strict=False)]
    lines += [[*row, (text, 315)] for row, text in zip(left[len(right) :], prose, strict=False)]
    lines += left[len(right) + len(prose) :]
    cells = read(_context({1: _page(lines)}), []).rows["tabeller"]
    assert [(c.group, c.row, c.column_label, c.raw) for c in cells][-4:] == [
        ("Mora", "Tillstånd", "2019", "702"),
        ("Mora", "Tillstånd", "2020", "688"),
        ("Mora", "Enkelresor", "2019", "21 406"),
        ("Mora", "Enkelresor", "2020", "13 598"),
    ]


def test_a_caption_below_names_the_table_and_all_its_parts() -> None:
    # Kalix prints 'Tabell N: …' under each table, once, under the last part of a split one;
    # a caption above the next table stays that table's.
    first = _page(
        [
            [("Bibliotek", 70)],
            [("Utlån 2020", 300), ("Utlån 2021", 380)],
            [("Böcker", 70), ("41 377", 305), ("44 906", 385)],
            [("Ljudböcker", 70), ("6 025", 310), ("6 388", 390)],
        ]
    )
    rest = _page(
        [
            [("Utlån 2020", 300), ("Utlån 2021", 380)],
            [("E-medier", 70), ("7 930", 310), ("9 115", 390)],
            [("Totalt", 70), ("55 332", 305), ("60 409", 385)],
            [("Tabell 4: Utlån per medietyp", 70)],
            [("Tabell 5: Lönespecifikationer", 70)],
            [("2020", 300), ("2021", 380)],
            [("Kalix kommun", 70), ("27 804", 305), ("28 119", 385)],
            [("Överkalix kommun", 70), ("6 233", 305), ("6 180", 385)],
        ]
    )
    cells = read(_context({1: first, 2: replace(rest, number=2)}), []).rows["tabeller"]
    titles = {c.row: c.title for c in cells}
    assert titles == {
        "Böcker": "Tabell 4: Utlån per medietyp",
        "Ljudböcker": "Tabell 4: Utlån per medietyp",
        "E-medier": "Tabell 4: Utlån per medietyp",
        "Totalt": "Tabell 4: Utlån per medietyp",
        "Kalix kommun": "Tabell 5: Lönespecifikationer",
        "Överkalix kommun": "Tabell 5: Lönespecifikationer",
    }


def test_a_caption_left_at_the_foot_of_a_page_names_the_table_on_the_next() -> None:
    foot = _page(
        [
            [("Enkäten besvarades av 24 av 26 medarbetare i förvaltningen.", 70)],
            [("Tabell 6. Sammanvägd måluppfyllelse", 70)],
        ]
    )
    goals = _page(
        [
            [("Mål", 70), ("2016", 380), ("2017", 440), ("Trend", 500)],
            [("Nöjda invånare", 70), ("2", 395), ("3", 455), ("Förbättrad", 490)],
            [("Ekonomi i balans", 70), ("3", 395), ("2", 455), ("Försämrad", 490)],
        ]
    )
    cells = read(_context({1: foot, 2: replace(goals, number=2)}), []).rows["tabeller"]
    assert {c.title for c in cells} == {"Tabell 6. Sammanvägd måluppfyllelse"}
    assert len(cells) == 6


def test_a_table_of_goals_is_a_result_table_not_goal_headings(tmp_path, profiles) -> None:
    # "Mål 1. …  3  3  Delvis uppfyllt": the goal follow-up layout wants the page, but a row
    # of cells is no goal heading, and a page it finds nothing on is the result tables'.
    from reportlab.platypus import Table

    from extract.pipeline import extract_file

    from .grids import report

    goals = [
        ("Mål 1. Invånarna får snabb och korrekt service", "3", "3", "Delvis uppfyllt"),
        ("Mål 2. Kommunens digitala tjänster ska öka", "2", "3", "Delvis uppfyllt"),
        ("Mål 3. Kommunen är en attraktiv arbetsgivare", "3", "4", "Uppfyllt"),
    ]
    header = ("Mål", "Måluppfyllelse 2018", "Måluppfyllelse 2019", "Bedömning")
    pdf = tmp_path / "kvalitet.pdf"
    report(pdf, Table([header, *goals], colWidths=[260, 110, 110, 100]), kommun="Lerums kommun")
    result = extract_file(pdf, profiles)
    assert not result.rows.get("mal")
    cells = [(r.row, r.column_label, r.period, r.value) for r in result.rows["tabeller"]]
    assert cells[:2] == [
        (goals[0][0], "Måluppfyllelse 2018", "2018", 3),
        (goals[0][0], "Måluppfyllelse 2019", "2019", 3),
    ]
    assert len(cells) == 9


def test_labels_centred_over_narrow_columns_a_word_space_apart() -> None:
    # 'Förvaltningen' and 'Kommunen totalt', each centred over its column, stand closer than
    # the gap that parts cells; a label spanning two columns is not parted.
    page = _page(
        [
            [("Medarbetarenkät 2021", 70)],
            [("Förvaltningen", 265), ("Kommunen totalt", 334), ("Riket", 420)],
            [("Nöjd medarbetarindex", 70), ("74", 292), ("70", 366), ("72", 426)],
            [("Motivation", 70), ("3,4", 290), ("3,3", 364), ("3,2", 424)],
        ]
    )
    (table,) = read_page(page, set())
    assert table.columns == ("Förvaltningen", "Kommunen totalt", "Riket")
    spanning = _page(
        [
            [("Besökare", 70)],
            [("Götene kommun", 263)],
            [("2017", 240), ("2018", 330)],
            [("Webbplatsen", 70), ("298 410", 233), ("331 902", 323)],
            [("Facebook", 70), ("2 105", 238), ("2 688", 328)],
        ]
    )
    (table,) = read_page(spanning, set())
    assert table.columns == ("Götene kommun 2017", "Götene kommun 2018")


def test_an_upper_label_centred_in_the_gap_between_its_two_columns() -> None:
    # 'ANTAL' stands over the gap between 'ANSTÄLLDA' and 'LÖNEBESKED', touching neither.
    page = _page(
        [
            [("Personal per år", 70)],
            [("SJUKFRÅNVARO", 282), ("ANTAL", 447)],
            [("TOTALT", 260), ("DAG 1–14", 331), ("ANSTÄLLDA", 400), ("LÖNEBESKED", 480)],
            [("2016", 70), ("6,4 %", 263), ("2,9 %", 336), ("118", 414), ("41 560", 481)],
            [("2017", 70), ("6,9 %", 263), ("3,1 %", 336), ("116", 414), ("41 022", 481)],
        ]
    )
    (table,) = read_page(page, set())
    assert table.columns == (
        "SJUKFRÅNVARO TOTALT",
        "SJUKFRÅNVARO DAG 1–14",
        "ANTAL ANSTÄLLDA",
        "ANTAL LÖNEBESKED",
    )


def test_a_page_whose_rows_end_in_a_unit_is_a_candidate(profiles) -> None:
    (layout,) = [p for p in profiles if p.name == "tabeller"]
    table = "INKOMNA BESVARADE SVARSTID\nKlagomål 131 98 9 dagar\nFörslag 55 46 7 dagar\nBeröm 26 24 3 dagar\n"
    assert layout.pages(["Kvalitetsredovisning 2017\nInledning", table]) == [2]
    prose = "Vi svarade på de flesta inom 9 dagar\noch resten senare.\n"
    assert layout.pages([prose * 3]) == []


def _verdicts(profiles) -> frozenset[str]:
    (layout,) = [p for p in profiles if p.name == "tabeller"]
    return frozenset(v.casefold() for v in layout.content["values"]["verdicts"])


def test_a_table_of_verdicts_only_is_read(profiles) -> None:
    # No number in it: each goal's assessment and trend, one written over two lines.
    page = _page(
        [
            [("Måluppfyllelse", 70)],
            [("Bedömning", 300), ("Trend", 420)],
            [("Snabb och korrekt service", 70), ("Uppfyllt", 300), ("Förbättrad", 420)],
            [("Attraktiv arbetsgivare", 70), ("Delvis", 300), ("Oförändrad", 420)],
            [("uppfyllt", 300)],
            [("Ekonomi i balans", 70), ("Ej uppfyllt", 300), ("Försämrad", 420)],
        ]
    )
    # Without the profile's verdicts, text is no value: no rows.
    assert not [table.rows for table in read_page(page, set()) if table.rows]
    (table,) = read_page(page, set(), _verdicts(profiles))
    assert table.columns == ("Bedömning", "Trend")
    assert [(label, cells) for _, label, cells in table.rows] == [
        ("Snabb och korrekt service", ("Uppfyllt", "Förbättrad")),
        ("Attraktiv arbetsgivare", ("Delvis uppfyllt", "Oförändrad")),
        ("Ekonomi i balans", ("Ej uppfyllt", "Försämrad")),
    ]
    (layout,) = [p for p in profiles if p.name == "tabeller"]
    text = "Bedömning Trend\nService Uppfyllt\nPersonal Delvis uppfyllt\nEkonomi Ej uppfyllt\n"
    assert layout.pages(["Kvalitetsredovisning 2017", text]) == [2]


def test_a_first_row_of_dashes_opens_the_table() -> None:
    # Years in the rows; the first year has no figures yet but its count.
    page = _page(
        [
            [("Felanmälningar", 70)],
            [("År", 70), ("Ärenden", 250), ("Lösta", 340), ("Medeltid", 420)],
            [("2019", 70), ("7 812", 250), ("–", 350), ("–", 430)],
            [("2020", 70), ("9 455", 250), ("61 %", 340), ("6,5 timmar", 410)],
            [("2021", 70), ("9 980", 250), ("64 %", 340), ("5 timmar", 415)],
        ]
    )
    (table,) = read_page(page, set())
    assert table.columns == ("Ärenden", "Lösta", "Medeltid")
    assert [label for _, label, _ in table.rows] == ["2019", "2020", "2021"]
    assert table.rows[0][2] == ("7 812", "–", "–")


def test_a_caption_and_justified_prose_above_a_header_are_no_column_labels() -> None:
    page = _page(
        [
            _justified("Kommunen deltog i undersökningen 2020 och 2022 och andelen trygga"),
            _justified("invånare ökade med fyra procentenheter mellan de båda mätningarna"),
            [("Tabell 3: Trygghet", 70)],
            [("2020", 290), ("2022", 420)],
            [("Kommunen", 260), ("Riket", 320), ("Kommunen", 390), ("Riket", 450)],
            [
                ("Trygghet på kvällen", 70),
                ("61 %", 265),
                ("66 %", 320),
                ("65 %", 395),
                ("67 %", 450),
            ],
            [
                ("Nöjd med bemötandet", 70),
                ("71 %", 265),
                ("73 %", 320),
                ("74 %", 395),
                ("72 %", 450),
            ],
        ]
    )
    (table,) = read_page(page, set())
    assert table.columns == ("2020 Kommunen", "2020 Riket", "2022 Kommunen", "2022 Riket")
    assert table.title == "Tabell 3: Trygghet"


def test_the_frame_left_of_the_labels_is_no_column_border() -> None:
    # A boxed table: only its frame is ruled, so the stub 'Mål' stays over the labels.
    page = _page(
        [
            [("Mål", 70), ("Utfall", 300), ("Trend", 420)],
            [("Snabb service", 70), ("87 %", 300), ("Förbättrad", 420)],
            [("Ekonomi i balans", 70), ("-1,2", 300), ("Försämrad", 420)],
        ]
    )
    frame = (VRule(66, 96, 140), VRule(500, 96, 140))
    (table,) = read_page(replace(page, vrules=frame), set())
    assert table.columns == ("Utfall", "Trend")


def test_an_upper_label_over_one_column_beside_labels_over_two() -> None:
    # '2020' and '2021' each over two columns, 'Förändring' over one; the rest have none.
    header = [("NMI", 250), ("HME", 300), ("NMI", 350), ("HME", 400), ("HME", 462.5), ("eNPS", 520)]
    xs = (255, 305, 355, 405, 465, 525)
    page = _page(
        [
            [("Medarbetarenkät", 70)],
            [("2020", 275), ("2021", 375), ("Förändring", 445)],
            header,
            [("Ekonomi", 70), *zip(("74", "80", "77", "82", "+2", "18"), xs, strict=True)],
            [("Kansli", 70), *zip(("69", "76", "68", "75", "-1", "-4"), xs, strict=True)],
        ]
    )
    (table,) = read_page(page, set())
    assert table.columns == (
        "2020 NMI",
        "2020 HME",
        "2021 NMI",
        "2021 HME",
        "Förändring HME",
        "eNPS",
    )


def test_a_figure_within_a_header_label_is_no_row() -> None:
    page = _page(
        [
            [("Sjukfrånvaro", 70)],
            [("Varav över", 400)],
            [("Kvinnor", 200), ("Män", 270), ("Totalt", 330), ("60 dagar", 405)],
            [("Kansli", 70), ("5,8 %", 205), ("2,1 %", 265), ("4,9 %", 330), ("2,4 %", 410)],
            [("Ekonomi", 70), ("4,2 %", 205), ("1,5 %", 265), ("3,6 %", 330), ("1,1 %", 410)],
        ]
    )
    (table,) = read_page(page, set())
    assert table.columns == ("Kvinnor", "Män", "Totalt", "Varav över 60 dagar")
    assert [label for _, label, _ in table.rows] == ["Kansli", "Ekonomi"]


def test_a_header_cell_in_a_framed_table_is_no_wider_than_its_text() -> None:
    # Only the frame is ruled: 'Kommunen' over 'totalt' names the middle column alone.
    page = _page(
        [
            [("Medarbetarindex", 70)],
            [("Kommunen", 335)],
            [("Förvaltningen", 240), ("totalt", 345), ("Mål", 440)],
            [("NMI", 70), ("76", 265), ("71", 350), ("75", 440)],
            [("HME", 70), ("82", 265), ("78", 350), ("80", 440)],
        ]
    )
    frame = (VRule(66, 110, 170), VRule(500, 110, 170))
    (table,) = read_page(replace(page, vrules=frame), set())
    assert table.columns == ("Förvaltningen", "Kommunen totalt", "Mål")


def test_a_comment_column_beside_values_is_part_of_the_row() -> None:
    page = _page(
        [
            [("Uppföljning av mål", 70)],
            [("Målvärde", 250), ("Utfall", 320), ("Kommentar", 390)],
            [
                ("Andel i kulturskolan", 70),
                ("25 %", 255),
                ("22 %", 320),
                ("Fler elever i kör och dans", 390),
            ],
            [("Arrangemang", 70), ("120", 255), ("134", 320), ("Målet nått", 390)],
        ]
    )
    (table,) = read_page(page, set())
    assert table.columns == ("Målvärde", "Utfall", "Kommentar")
    assert table.rows[0][2] == ("25 %", "22 %", "Fler elever i kör och dans")


def test_header_labels_set_at_different_heights_are_one_row() -> None:
    # 'Ockelbo' over two columns sits a little higher than 'Snitt' over one.
    page = _page(
        [
            [("Servicemätning", 70)],
            [("Ockelbo", 295)],
            [("Faktor", 70), ("2018", 265), ("2020", 338), ("2020", 412)],
            [("Tillgänglighet", 70), ("54%", 267), ("66%", 340), ("61%", 414)],
            [("Bemötande", 70), ("81%", 267), ("88%", 340), ("84%", 414)],
        ]
    )
    snitt = Word("Snitt", 410, 435, 119, 129, SIZE)  # 'Ockelbo' is at 114–124
    (table,) = read_page(replace(page, words=(*page.words, snitt)), set())
    assert table.columns == ("Ockelbo 2018", "Ockelbo 2020", "Snitt 2020")


@pytest.mark.parametrize(
    "text",
    [
        # a table of assessments and comments: words in every cell
        "Område Bedömning Trend Kommentar\n"
        "Service och bemötande God Förbättras Högre tillgänglighet\n"
        "Digitala tjänster God Förbättras Fler e-tjänster\n"
        "Arbetsmiljö Godtagbar Försämras Ökad sjukfrånvaro\n",
        # rows that end in a comment after their figures
        "Påstående Åk 5 Åk 8 Kommentar\n"
        "Jag känner mig trygg i skolan 94% 86% Lägst på rasterna i åk 8\n"
        "Lärarna hjälper mig 91% 78% Oförändrat mot 2018\n"
        "Det är arbetsro på lektionerna 68% 52% Utvecklingsområde\n",
        # changes signed with an en dash, as Word's autocorrect sets a minus
        "Område 2022 Förändring\n"
        "Särskilt boende 402 –6\n"
        "Korttidsplatser 38 –2\n"
        "Hemtjänsttimmar per brukare 28,1 –0,7\n",
        # thousands parted by a narrow no-break space, as pdfium gives it (U+202F)
        "Tabell 8. Driftredovisning 2024, tkr\n"
        "Nämnd och förvaltningsledning 3\u202f150 2\u202f980 3\u202f040\n"
        "Gata och park 21\u202f400 22\u202f870 20\u202f960\n"
        "Fritid och anläggningar 18\u202f600 18\u202f150 17\u202f720\n"
        "Lokalvård 2\u202f800 2\u202f650 2\u202f710\n",
    ],
)
def test_a_page_of_table_rows_is_a_candidate(profiles, text: str) -> None:
    (layout,) = [p for p in profiles if p.name == "tabeller"]
    assert layout.pages(["Kvalitetsredovisning 2020", text]) == [2]


def test_a_heading_without_bold_is_known_by_its_size() -> None:
    # OCR knows no bold: the heading over a lead paragraph is set larger than the text.
    page = _page(
        [
            [("Medborgarkontor", 70)],
            [("Under två veckor räknades alla ärenden som kom in till kontoret", 70)],
            [("och biblioteket, vid disken och i telefon.", 70)],
            [("2018", 300)],
            [("Antal besök", 70), ("241", 300)],
            [("Antal samtal", 70), ("113", 300)],
        ]
    )
    heading = [replace(w, size=14.0) if w.text == "Medborgarkontor" else w for w in page.words]
    (table,) = read_page(replace(page, words=tuple(heading)), set())
    assert table.title == "Medborgarkontor"


def test_an_upper_label_centred_over_three_columns_with_the_same_labels_below() -> None:
    # '2018' stands over the middle one of 'Flickor | Pojkar | Totalt' and over all three;
    # the same three again under '2019' say it spans them.
    xs = (253, 318, 383, 448, 514, 579, 656)
    header = ["Flickor", "Pojkar", "Totalt", "Flickor", "Pojkar", "Totalt", "totalt"]
    page = _page(
        [
            [("Meritvärde per skola", 43)],
            [("2018", 318), ("2019", 514), ("Förändring", 640)],
            [(label, x) for label, x in zip(header, xs, strict=True)],
            [
                ("Lagaholmsskolan", 43),
                *zip(
                    ("238,4", "201,7", "219,0", "241,2", "209,5", "224,8", "+5,8"), xs, strict=True
                ),
            ],
            [
                ("Ängsdalsskolan", 43),
                *zip(
                    ("231,0", "196,3", "212,9", "236,7", "203,1", "219,6", "+6,7"), xs, strict=True
                ),
            ],
        ]
    )
    (table,) = read_page(replace(page, width=842), set())
    assert table.columns == (
        "2018 Flickor",
        "2018 Pojkar",
        "2018 Totalt",
        "2019 Flickor",
        "2019 Pojkar",
        "2019 Totalt",
        "Förändring totalt",
    )


def test_a_page_of_short_paragraphs_beside_tables_is_one_column() -> None:
    # Two lines of running text cross the gap between a table's last columns, and a list
    # beside it leaves the gap free: still no gutter, the page is set in one column.
    prose = " ".join(["och", "att", "med"] * 10)
    item = "Sänka kön till kulturskolan under femtio barn"
    page = _page(
        [
            [(prose, 70)],
            [("Ekonomiskt utfall", 70)],
            [("Budget", 250), ("Utfall", 330), ("Avvikelse", 410)],
            [("Förskola", 70), ("142 300", 250), ("141 870", 330), ("430", 420)],
            [("Fritidshem", 70), ("31 200", 250), ("30 650", 330), ("550", 420)],
            [("Skolskjuts", 70), ("22 600", 250), ("25 180", 330), ("-2 580", 410)],
            [(prose, 70)],
            [(item, 70)],
            [(item, 70)],
            [(item, 70)],
        ],
        gap=2.0,
    )
    tables = read_page(page, set())
    assert [t.columns for t in tables if t.rows] == [("Budget", "Utfall", "Avvikelse")]


def test_an_ocr_header_line_measured_large_stays_in_the_header() -> None:
    # OCR sizes a line from its letters' boxes: 'likvärdiga Munkedal' came out 1.4 times the
    # body's size, and is still a header line, not a heading.
    page = _page(
        [
            [("Servicenivå", 70)],
            [("Resultat", 300), ("Resultat", 400)],
            [("Munkedal", 300), ("Riket", 400)],
            [("2018", 300), ("2020", 400)],
            [("Tillgänglighet", 70), ("65 %", 300), ("81 %", 400)],
            [("Svar på frågan", 70), ("66 %", 300), ("73 %", 400)],
        ]
    )
    words = tuple(
        replace(w, confidence=0.9, size=14.0 if w.top == 128 else SIZE) for w in page.words
    )
    (table,) = read_page(replace(page, words=words), set())
    assert table.columns == ("Resultat Munkedal 2018", "Resultat Riket 2020")


def test_a_row_of_dashes_with_a_comment_naming_a_year_is_a_row() -> None:
    page = _page(
        [
            [("Servicenivå", 70)],
            [("Utfall 2021", 250), ("Mål 2021", 320), ("Kommentar", 390)],
            [("Svarstid e-post", 70), ("1,5 dagar", 250), ("2 dagar", 320), ("Målet nått", 390)],
            [("Väntetid i telefon", 70), ("–", 270), ("–", 340), ("Mäts från 2022", 390)],
        ]
    )
    (table,) = read_page(page, set())
    assert table.rows[-1] == ("", "Väntetid i telefon", ("–", "–", "Mäts från 2022"))


def _word(text: str, x0: float, top: float) -> Word:
    return Word(text, x0, x0 + 5 * len(text), top, top + SIZE, SIZE)


def _line(text: str, x0: float, top: float) -> list[Word]:
    words, x = [], x0
    for word in text.split():
        words.append(_word(word, x, top))
        x += 5 * len(word) + 4
    return words


def _placed(rows: list[tuple[float, tuple[tuple[str, float], ...]]]) -> Page:
    """A page from lines of cells, each line at its own top, each cell at its own x0."""
    words = [w for top, cells in rows for text, x0 in cells for w in _line(text, x0, top)]
    return Page(1, 595, 842, tuple(words))


def test_a_label_with_values_below_a_label_wrapped_around_its_row_is_the_next_row() -> None:
    # Cells set in the middle of a two-line label; the last row's label, a little closer to
    # that label than the group name above it, still names its own values.
    lines = [
        ("Brukarbedömning", 70, 100, ()),
        ("", 0, 121, (("Kommunen", 250), ("Riket", 330))),
        ("Särskilt boende", 70, 142, ()),
        ("Helhetsbedömning, ganska", 70, 160, ()),
        ("", 0, 166, (("79%", 255), ("81%", 335))),
        ("mycket nöjd", 70, 172, ()),
        ("Trivsel i gemensamma utrymmen", 70, 187, (("68%", 255), ("72%", 335))),
    ]
    words = [
        w
        for label, x0, top, cells in lines
        for w in [
            *(_line(label, x0, top) if label else []),
            *(w for text, x in cells for w in _line(text, x, top)),
        ]
    ]
    (table,) = read_page(Page(1, 595, 842, tuple(words)), set())
    assert [row[1:] for row in table.rows] == [
        ("Helhetsbedömning, ganska mycket nöjd", ("79%", "81%")),
        ("Trivsel i gemensamma utrymmen", ("68%", "72%")),
    ]


def test_a_table_stacked_under_another_without_a_caption_between_has_its_own_header() -> None:
    page = _page(
        [
            [("Synpunkter per område", 70)],
            [("Inkomna", 250), ("Besvarade", 320), ("Andel", 400)],
            [("Gator och parker", 70), ("61", 260), ("49", 330), ("80 %", 400)],
            [("Totalt", 70), ("143", 255), ("120", 325), ("84 %", 400)],
            [],
            [("Planerade", 230), ("Genomförda", 300), ("Avgift", 420)],
            [("Livsmedelskontroll", 70), ("74", 250), ("61", 330), ("412 tkr", 420)],
            [("Miljöfarlig verksamhet", 70), ("38", 250), ("35", 330), ("287 tkr", 420)],
        ]
    )
    first, second = read_page(page, set())
    assert first.columns == ("Inkomna", "Besvarade", "Andel")
    assert first.rows[-1] == ("", "Totalt", ("143", "120", "84 %"))
    assert second.columns == ("Planerade", "Genomförda", "Avgift")
    assert second.rows[0] == ("", "Livsmedelskontroll", ("74", "61", "412 tkr"))


def test_dashes_set_right_in_a_comment_column_are_its_cells() -> None:
    page = _page(
        [
            [("Personaltäthet", 70)],
            [("År", 70), ("Barn per årsarbetare", 160), ("Kommentar", 330)],
            [("2017", 70), ("5,6", 200), ("–", 500)],
            [("2018", 70), ("5,4", 200), ("Två förskolor slogs samman", 330)],
            [("2019", 70), ("5,3", 200), ("–", 500)],
        ]
    )
    (table,) = read_page(page, set())
    assert table.columns == ("Barn per årsarbetare", "Kommentar")
    assert [row[2] for row in table.rows] == [
        ("5,6", "–"),
        ("5,4", "Två förskolor slogs samman"),
        ("5,3", "–"),
    ]


def test_a_table_set_beside_a_paragraph_is_read_apart_from_it() -> None:
    # Word wraps the text around a narrow table: the paragraph runs on beside its rows.
    prose = " ".join(["Kommunen", "och", "föreningarna", "har", "under", "året", "arbetat"] * 3)
    paragraph = [
        "Nämnden beslutade om nya regler",
        "för lokalbidrag som ger fler",
        "föreningar med unga medlemmar ett",
        "högre bidrag per timme och även",
        "ansökningar handläggs två gånger",
        "per år med beslut inom sex veckor.",
    ]
    table = [
        ("Tabell 3: Föreningsstöd", ()),
        ("Bidrag", (("Belopp 2022", 190),)),
        ("Aktivitetsstöd", (("412 tkr", 215),)),
        ("Lokalbidrag", (("2 450 tkr", 205),)),
        ("Arrangemangsbidrag", (("96 tkr", 220),)),
        ("Summa", (("2 958 tkr", 205),)),
    ]
    rows: list[list[tuple[str, float]]] = [[(prose, 70)], [(prose, 70)]]
    for n in range(6):
        label, cells = table[n]
        rows.append([(label, 70), *cells, (paragraph[n], 320)])
    rows.append([(prose, 70)])
    (found,) = [t for t in read_page(_page(rows, gap=2.0), set()) if t.rows]
    assert found.title == "Tabell 3: Föreningsstöd"
    assert found.columns == ("Belopp 2022",)
    assert [row[1:] for row in found.rows] == [
        ("Aktivitetsstöd", ("412 tkr",)),
        ("Lokalbidrag", ("2 450 tkr",)),
        ("Arrangemangsbidrag", ("96 tkr",)),
        ("Summa", ("2 958 tkr",)),
    ]


def test_a_group_name_running_on_over_the_first_column_heads_its_rows() -> None:
    # A landscape table whose group rows (merged across in Word) reach over the first figures.
    page = _page(
        [
            [("Skolresultat", 70)],
            [("Skola", 70), ("2019", 230), ("2020", 330)],
            [("Genomsnittligt meritvärde (17 ämnen)", 70)],
            [("Hellidsskolan", 70), ("236,8", 230), ("248,2", 330)],
            [("Riket", 70), ("245,4", 230), ("248,2", 330)],
            [("Andel behöriga till yrkesprogram, %", 70)],
            [("Hellidsskolan", 70), ("90,1", 235), ("91,5", 335)],
            [("Riket", 70), ("87,6", 235), ("88,2", 335)],
        ]
    )
    (table,) = read_page(page, set())
    assert table.columns == ("2019", "2020")
    assert [row[:2] for row in table.rows] == [
        ("Genomsnittligt meritvärde (17 ämnen)", "Hellidsskolan"),
        ("Genomsnittligt meritvärde (17 ämnen)", "Riket"),
        ("Andel behöriga till yrkesprogram, %", "Hellidsskolan"),
        ("Andel behöriga till yrkesprogram, %", "Riket"),
    ]


def test_an_upper_label_over_two_columns_beside_one_over_one() -> None:
    # 'Sala' stands apart from the years below it; 'Riket' sits right over its one column.
    page = _page(
        [
            [("Brukarbedömning", 70)],
            [("Sala", 282), ("Riket", 400)],
            [("2021", 262), ("2022", 330), ("2022", 400)],
            [("Gott bemötande", 70), ("95 %", 262), ("96 %", 330), ("96 %", 400)],
            [("Maten smakar bra", 70), ("64 %", 262), ("66 %", 330), ("71 %", 400)],
        ]
    )
    (table,) = read_page(page, set())
    assert table.columns == ("Sala 2021", "Sala 2022", "Riket 2022")
    # The first line of a wrapped label is aligned with the next: no label over two columns.
    wrapped = _page(
        [
            [("Driftredovisning", 70)],
            [("Budget", 250), ("Utfall", 320), ("Utfall", 460)],
            [("2018", 255), ("2018", 325), ("Avvikelse", 380), ("2017", 465)],
            [("Ledning", 70), ("4 250", 250), ("4 118", 320), ("132", 400), ("3 982", 460)],
            [("Ekonomi", 70), ("11 830", 245), ("12 950", 315), ("-1 120", 385), ("11 402", 455)],
        ]
    )
    (table,) = read_page(wrapped, set())
    assert table.columns == ("Budget 2018", "Utfall 2018", "Avvikelse", "Utfall 2017")


def test_a_label_centred_on_the_rule_between_two_columns_names_both() -> None:
    page = _page(
        [
            [("Färdtjänst", 70)],
            [("Antal", 268)],
            [("2020", 255), ("2021", 320), ("Kommentar", 360)],
            [("Tillstånd", 70), ("318", 260), ("305", 325), ("Färre ansökningar", 360)],
            [("Resor", 70), ("9 842", 250), ("11 206", 315), ("Fler resor", 360)],
        ]
    )
    # Word draws the rules cell by cell: none runs up beside the merged 'Antal'.
    rules = [VRule(x, 126, 170) for x in (219, 280.5, 352)]
    (table,) = read_page(replace(page, vrules=tuple(rules)), set())
    assert table.columns == ("Antal 2020", "Antal 2021", "Kommentar")


def test_a_full_width_table_sharing_the_gap_of_text_beside_a_table_is_read_whole() -> None:
    # A table over the page, then text in two columns with a table in the right one: the
    # gap between the columns runs down between the first table's figures too.
    paragraph = [
        "Lönegruppen gör löner för alla",
        "som är anställda i kommunen och",
        "en allt större del av dem skickas",
        "digitalt vilket har ökat de sista",
        "åren och minskar kostnaden för oss.",
    ]
    rows: list[list[tuple[str, float]]] = [
        [("Färdtjänst", 70)],
        [("2020", 250), ("2021", 320)],
        [("Tillstånd", 70), ("318", 255), ("305", 325)],
        [("Resor", 70), ("9 842", 245), ("11 206", 315)],
        [("Avslag", 70), ("4", 265), ("7", 335)],
        [("Tabell 3. Färdtjänst", 70)],
        [(paragraph[0], 70), ("År", 320), ("Antal", 400), ("Andel", 470)],
    ]
    for n, (year, count, share) in enumerate(
        (("2019", "24 502", "74%"), ("2020", "25 036", "83%"))
    ):
        rows.append([(paragraph[n + 1], 70), (year, 320), (count, 400), (share, 470)])
    rows += [[(line, 70)] for line in paragraph[3:]]
    tables = [t for t in read_page(_page(rows, gap=2.0), set()) if t.rows]
    assert [(t.columns, len(t.rows)) for t in tables] == [
        (("2020", "2021"), 3),
        (("Antal", "Andel"), 2),
    ]
    assert tables[0].caption == "Tabell 3. Färdtjänst"


def test_a_table_closed_by_its_caption_does_not_go_on_on_the_next_page() -> None:
    first = _page(
        [
            [("Löner", 70)],
            [("Antal", 300), ("Andel", 380)],
            [("2020", 70), ("25 036", 300), ("83%", 385)],
            [("2021", 70), ("25 410", 300), ("90%", 385)],
            [("Tabell 4. Lönespecifikationer", 70)],
        ]
    )
    rest = _page(
        [
            [("2019", 300), ("2021", 380)],
            [("Medarbetarindex", 70), ("3,9", 305), ("4,1", 385)],
            [("Svarsfrekvens", 70), ("81%", 305), ("84%", 385)],
        ]
    )
    cells = read(_context({1: first, 2: replace(rest, number=2)}), []).rows["tabeller"]
    assert {(c.row, c.column_label, c.title) for c in cells if c.page == 2} == {
        ("Medarbetarindex", "2019", ""),
        ("Medarbetarindex", "2021", ""),
        ("Svarsfrekvens", "2019", ""),
        ("Svarsfrekvens", "2021", ""),
    }


def test_a_full_width_table_on_a_page_in_two_columns_is_read_across() -> None:
    # Orust sets its prose in two columns and its tables over the whole page: the gap between
    # the text columns runs through the rows, between a label and its figures.
    left = ["Brukarundersökningen gjordes under", "våren och svaren visar att de flesta"]
    right = ["Nöjdheten är fortsatt högre än i", "riket och skillnaden har ökat något"]
    lines = [[(a, 70), (b, 330)] for a, b in zip(left, right, strict=True)]
    lines += [
        [("Tabell 3 – Brukarbedömning", 70)],
        [("Fråga", 70), ("Orust", 340), ("Riket", 420)],
        [("Sammantaget nöjd med verksamheten", 70), ("91%", 345), ("88%", 425)],
        [("Personalen bemöter mig väl", 70), ("97%", 345), ("96%", 425)],
        [("Lätt att få kontakt med personalen", 70), ("84%", 345), ("–", 430)],
        [],
        [],
    ]
    lines += [[(a, 70), (b, 330)] for a, b in zip(right, left, strict=True)]
    (table,) = [t for t in read_page(_page(lines, gap=2.0), set()) if t.rows]
    assert table.columns == ("Orust", "Riket")
    assert [row[1:] for row in table.rows] == [
        ("Sammantaget nöjd med verksamheten", ("91%", "88%")),
        ("Personalen bemöter mig väl", ("97%", "96%")),
        ("Lätt att få kontakt med personalen", ("84%", "–")),
    ]


def test_a_paragraph_right_under_a_table_beside_a_heading_is_no_row() -> None:
    # Two text columns go on close under a full-width table: the left one's prose beside the
    # right one's heading reads like a label and a text cell, but runs across the columns.
    page = _page(
        [
            [("Brukarbedömning", 70)],
            [("Orust", 300), ("Riket", 380), ("Orust", 460), ("Riket", 540)],
            [("Känner sig trygg", 70), ("88%", 300), ("86%", 380), ("85%", 460), ("86%", 540)],
            [("Antal svarande", 70), ("247", 300), ("–", 390), ("96", 465), ("–", 550)],
            [],
            [
                ("Nöjdheten är högre än i riket och i boendet ligger", 70),
                ("Myndighetsutövning och tillsyn", 360),
            ],
            [("resultaten något under riket och ensamheten har ökat", 70)],
        ],
        gap=2.0,
    )
    (table,) = [t for t in read_page(page, set()) if t.rows]
    assert [row[1:] for row in table.rows] == [
        ("Känner sig trygg", ("88%", "86%", "85%", "86%")),
        ("Antal svarande", ("247", "–", "96", "–")),
    ]


def test_a_group_name_over_a_label_wrapped_around_its_row_names_no_row() -> None:
    # 'E-post' sits tight over the next label, whose figures stand between its two lines.
    lines = [
        ("Service", 70, 100, ()),
        ("", 0, 120, (("2019", 250), ("2020", 330))),
        ("Telefon", 70, 140, ()),
        ("Andel samtal besvarade inom 60", 70, 154, ()),
        ("", 0, 160, (("71 %", 250), ("74 %", 330))),
        ("sekunder", 70, 166, ()),
        ("E-post", 70, 178, ()),
        ("Andel som får svar på e-post inom en", 70, 190, ()),
        ("", 0, 196, (("78 %", 250), ("84 %", 330))),
        ("arbetsdag", 70, 202, ()),
    ]
    words = [
        w
        for label, x0, top, cells in lines
        for w in [
            *(_line(label, x0, top) if label else []),
            *(w for text, x in cells for w in _line(text, x, top)),
        ]
    ]
    (table,) = read_page(Page(1, 595, 842, tuple(words)), set())
    assert table.rows == (
        ("Telefon", "Andel samtal besvarade inom 60 sekunder", ("71 %", "74 %")),
        ("E-post", "Andel som får svar på e-post inom en arbetsdag", ("78 %", "84 %")),
    )


def test_one_label_over_years_names_them_all_unless_it_is_a_wrapped_label() -> None:
    # 'Resultat' set over the years (not centred on them); 'Riket' right over its '2021'.
    page = _page(
        [
            [("Resultat årskurs 9", 70)],
            [("Resultat", 335)],
            [("Indikator", 70), ("2019", 290), ("2020", 360), ("2021", 430), ("Riket 2021", 480)],
            [
                ("Andel behöriga", 70),
                ("82,6%", 285),
                ("85,0%", 355),
                ("83,3%", 425),
                ("86,2%", 490),
            ],
            [("Antal elever", 70), ("276", 295), ("281", 365), ("287", 435), ("–", 505)],
        ]
    )
    (table,) = read_page(page, set())
    assert table.columns == ("Resultat 2019", "Resultat 2020", "Resultat 2021", "Riket 2021")
    wrapped = _page(
        [
            [("Meritvärde", 70)],
            [("Riket", 425)],
            [("Kön", 70), ("2021", 250), ("2022", 310), ("2023", 370), ("2023", 425)],
            [("Flickor", 70), ("243,1", 245), ("239,8", 305), ("246,5", 365), ("238,2", 420)],
            [("Pojkar", 70), ("218,4", 245), ("221,0", 305), ("216,9", 365), ("214,6", 420)],
        ]
    )
    (table,) = read_page(wrapped, set())
    assert table.columns == ("2021", "2022", "2023", "Riket 2023")


def test_a_dash_in_the_first_row_does_not_take_the_header_wrapped_above_it() -> None:
    # Header cells set at the top of the row, one wrapped over three lines; the first year
    # has no change yet: the wrapped header lines are the label's, not the dash's.
    rows = [
        (98, (("År", 65), ("Antal", 150), ("Andel digitala", 280), ("Förändring", 400))),
        (110, (("mot", 420),)),
        (123, (("föregående år", 395),)),
        (137, (("2015", 65), ("18 204", 150), ("54 %", 300), ("–", 430))),
        (152, (("2016", 65), ("18 560", 150), ("61 %", 300), ("+356", 420))),
        (167, (("2017", 65), ("18 311", 150), ("71 %", 300), ("−249", 420))),
    ]
    (table,) = read_page(_placed(rows), set())
    assert table.columns == ("Antal", "Andel digitala", "Förändring mot föregående år")
    assert [row[1:] for row in table.rows] == [
        ("2015", ("18 204", "54 %", "–")),
        ("2016", ("18 560", "61 %", "+356")),
        ("2017", ("18 311", "71 %", "−249")),
    ]


def test_a_caption_between_two_tables_heads_the_second() -> None:
    # The second table's caption sits as close under the first as a group name would.
    page = _page(
        [
            [("Tabell 5 Medarbetarindex", 70)],
            [("Index", 70), ("2021", 330), ("2023", 410), ("Förändring", 460)],
            [("Motivation", 70), ("80", 340), ("82", 420), ("+2", 500)],
            [("Ledarskap", 70), ("77", 340), ("79", 420), ("+2", 500)],
            [("Tabell 6 Sjukfrånvaro per kön (%)", 70)],
            [("Ålder", 70), ("Kvinnor", 320), ("Män", 415), ("Totalt", 480)],
            [("29 år eller yngre", 70), ("6,1", 340), ("3,9", 420), ("5,4", 500)],
            [("Totalt", 70), ("7,7", 340), ("4,5", 420), ("6,8", 500)],
        ]
    )
    first, second = read_page(page, set())
    assert [label for _, label, _ in first.rows] == ["Motivation", "Ledarskap"]
    assert second.title == "Tabell 6 Sjukfrånvaro per kön (%)"
    assert second.columns == ("Kvinnor", "Män", "Totalt")
    assert [row[1:] for row in second.rows] == [
        ("29 år eller yngre", ("6,1", "3,9", "5,4")),
        ("Totalt", ("7,7", "4,5", "6,8")),
    ]


def test_a_word_broken_without_a_hyphen_in_a_narrow_column_is_whole_again() -> None:
    rows = [
        (100, (("Nämnd", 70), ("Budget", 210), ("Utfall", 300))),
        (115, (("Socialnämnden", 70), ("512 400", 210), ("519 600", 300))),
        (130, (("Samhällsbyggnad", 70), ("64 300", 215), ("62 880", 305))),
        (142, (("snämnden", 70),)),
        (157, (("Barn- och", 70), ("98 450", 215), ("97 100", 305))),
        (169, (("fritidsnämnden", 70),)),
    ]
    (table,) = read_page(_placed(rows), set())
    assert [label for _, label, _ in table.rows] == [
        "Socialnämnden",
        "Samhällsbyggnadsnämnden",
        "Barn- och fritidsnämnden",
    ]


def test_a_verdict_leading_a_row_of_figures_is_its_label(profiles) -> None:
    page = _page(
        [
            [("Indikator", 70), ("2020", 300), ("2021", 380)],
            [("Behöriga till yrkesprogram", 70), ("84,2 %", 295), ("86,9 %", 375)],
            [("Uppnått", 70), ("73,5 %", 295), ("76,1 %", 375)],
        ]
    )
    (table,) = read_page(page, set(), _verdicts(profiles))
    assert [row[1:] for row in table.rows] == [
        ("Behöriga till yrkesprogram", ("84,2 %", "86,9 %")),
        ("Uppnått", ("73,5 %", "76,1 %")),
    ]


def test_an_ocr_heading_over_a_lead_paragraph_names_the_table() -> None:
    # OCR knows no bold, and measures a heading set 1.18 times the lead's size as 1.12 times.
    def ocr(page: Page, sizes: list[float]) -> Page:
        lines = sorted({w.top for w in page.words})
        return replace(
            page,
            words=tuple(
                replace(w, size=sizes[lines.index(w.top)], confidence=0.95) for w in page.words
            ),
        )

    page = _page(
        [
            [("Medborgarkontor", 70)],
            [("Under två veckor räknades alla ärenden som kom in till kontoret,", 70)],
            [("vid disken, i telefon och med e-post.", 70)],
            [("2017", 300), ("2018", 360)],
            [("Antal besök", 70), ("241", 305), ("262", 365)],
            [("Antal samtal", 70), ("113", 305), ("120", 365)],
        ]
    )
    (table,) = read_page(ocr(page, [12.0, 10.7, 10.6, 8.6, 8.5, 8.5]), set())
    assert table.title == "Medborgarkontor"


def test_a_header_naming_its_label_column_under_a_table_is_the_next_tables() -> None:
    # The second table's header is set at the foot of its cells; its first line ('Medarbetar-')
    # sits as tight under the first table as a wrapped cell would.
    rows = [
        (100, (("Förvaltning", 73), ("2021", 290), ("2022", 350), ("Förändring", 440))),
        (116, (("Socialförvaltningen", 73), ("9,6 %", 285), ("9,9 %", 345), ("+0,3", 495))),
        (132, (("Nynäshamns kommun", 73), ("7,8 %", 285), ("7,5 %", 345), ("−0,3", 495))),
        (152, (("Medarbetar-", 454),)),
        (163, (("HME", 285), ("HME", 347), ("index 2022", 461))),
        (174, (("Förvaltning", 73), ("2021", 282), ("2022", 344), ("(skala 1–5)", 462))),
        (190, (("Socialförvaltningen", 73), ("80", 296), ("82", 358), ("4,2", 503))),
        (206, (("Nynäshamns kommun", 73), ("79", 296), ("81", 358), ("3,9", 503))),
    ]
    first, second = read_page(_placed(rows), set())
    assert first.rows[-1][1:] == ("Nynäshamns kommun", ("7,8 %", "7,5 %", "−0,3"))
    assert second.columns == ("HME 2021", "HME 2022", "Medarbetarindex 2022 (skala 1–5)")
    assert second.rows[0][1:] == ("Socialförvaltningen", ("80", "82", "4,2"))


def test_values_between_the_two_lines_of_a_label_name_it_whole_in_tight_rows() -> None:
    # Rows set without padding: the lines of one label are no closer than two rows are.
    rows = [
        (100, (("Kanal", 71), ("2019", 255), ("2020", 320))),
        (115, (("Följare på Instagram", 71), ("2 930", 255), ("3 480", 320))),
        (127, (("Prenumeranter på nyhetsbrevet", 71),)),
        (133, (("1 480", 255), ("1 395", 320))),
        (138.5, (("Boden informerar", 71),)),
        (150, (("Besökare", 71), ("4 120", 255), ("4 380", 320))),
    ]
    (table,) = read_page(_placed(rows), set())
    assert [row[1:] for row in table.rows] == [
        ("Följare på Instagram", ("2 930", "3 480")),
        ("Prenumeranter på nyhetsbrevet Boden informerar", ("1 480", "1 395")),
        ("Besökare", ("4 120", "4 380")),
    ]


def test_a_heading_and_its_lead_at_the_foot_of_a_page_name_the_table_on_the_next() -> None:
    rows = [
        (100, (("Index", 70), ("2021", 380), ("2022", 440))),
        (115, (("HME totalt", 70), ("79", 390), ("80", 450))),
        (130, (("eNPS", 70), ("12", 390), ("18", 450))),
        (168, (("Sjukfrånvaro per enhet", 70),)),
        (187, (("Sjukfrånvaron anges i procent av ordinarie arbetstid.", 70),)),
    ]
    page = _placed(rows)
    foot = replace(page, words=tuple(replace(w, bold=w.top == 168) for w in page.words))
    leave = _page(
        [
            [("Enhet", 70), ("Kvinnor", 380), ("Män", 440)],
            [("Ekonomi", 70), ("5,1", 390), ("2,0", 450)],
            [("Kontaktcenter", 70), ("9,8", 390), ("5,2", 450)],
        ]
    )
    pages = {1: foot, 2: replace(leave, number=2)}
    cells = read(_context(pages), []).rows["tabeller"]
    assert {(c.row, c.title) for c in cells if c.page == 2} == {
        ("Ekonomi", "Sjukfrånvaro per enhet"),
        ("Kontaktcenter", "Sjukfrånvaro per enhet"),
    }
    assert {c.title for c in cells if c.page == 1} == {""}


def test_a_comment_beside_a_value_and_a_dash_is_part_of_the_row() -> None:
    page = _page(
        [
            [("Ärendetyp", 70), ("Mål", 230), ("Utfall", 290), ("Kommentar", 340)],
            [("Bygglov", 70), ("10 veckor", 210), ("8 veckor", 280), ("Inom lagkrav", 340)],
            [
                ("Registrering av post", 70),
                ("2 dagar", 220),
                ("–", 310),
                ("Mäts inte sedan nytt system infördes", 340),
            ],
            [("Övertid", 70), ("20 timmar", 205), ("26 timmar", 275), ("Hög belastning", 340)],
        ]
    )
    (table,) = read_page(page, set())
    assert [row[1:] for row in table.rows] == [
        ("Bygglov", ("10 veckor", "8 veckor", "Inom lagkrav")),
        ("Registrering av post", ("2 dagar", "–", "Mäts inte sedan nytt system infördes")),
        ("Övertid", ("20 timmar", "26 timmar", "Hög belastning")),
    ]


def test_a_table_with_a_note_under_it_beside_a_paragraph_is_read_apart() -> None:
    # The table's column holds two lines of running text too: a note on how to read it.
    paragraph = [
        "Brukarundersökningen visar att de",
        "flesta som har hemtjänst känner sig",
        "trygga och är nöjda med bemötandet",
        "och svarsfrekvensen var något högre",
        "än föregående år men det är svårt",
        "att komma i kontakt med hemtjänsten",
        "per telefon och under nästa år införs",
        "en gemensam telefontid för grupperna.",
    ]
    table = [
        ("Fråga", (("Ånge", 300), ("Riket", 360))),
        ("Trygghet", (("89 %", 300), ("86 %", 360))),
        ("Bemötande", (("96 %", 300), ("95 %", 360))),
        ("Kontakt", (("78 %", 300), ("79 %", 360))),
        ("Helhet", (("91 %", 300), ("88 %", 360))),
        ("", ()),
        ("Jämförelsen avser skillnad mot riket", ()),
        ("med en marginal på två enheter.", ()),
    ]
    prose = " ".join(["Nämnden", "har", "under", "året", "följt", "upp", "resultaten"] * 3)
    rows = [
        [(paragraph[n], 40), *([(table[n][0], 240)] if table[n][0] else []), *table[n][1]]
        for n in range(8)
    ]
    rows = [[(prose, 40)], [(prose, 40)], *rows, [(prose, 40)]]
    (found,) = [t for t in read_page(_page(rows, gap=2.0), set()) if t.rows]
    assert found.columns == ("Ånge", "Riket")
    assert [row[1:] for row in found.rows] == [
        ("Trygghet", ("89 %", "86 %")),
        ("Bemötande", ("96 %", "95 %")),
        ("Kontakt", ("78 %", "79 %")),
        ("Helhet", ("91 %", "88 %")),
    ]


def test_an_upper_label_centred_over_a_run_of_years_names_them_all() -> None:
    # 'Antal elever' is centred over the middle year as well as over all three.
    rows = [
        (100, (("Antal elever", 237), ("Förändring", 363))),
        (110, (("Ämne", 63), ("2019–2021", 364))),
        (115, (("2019", 206), ("2020", 257), ("2021", 308))),
        (130, (("Dans", 63), ("168", 208), ("121", 259), ("152", 310), ("−16", 380))),
        (145, (("Teater", 63), ("74", 211), ("66", 262), ("81", 313), ("+7", 380))),
    ]
    (table,) = read_page(_placed(rows), set())
    assert table.columns == (
        "Antal elever 2019",
        "Antal elever 2020",
        "Antal elever 2021",
        "Förändring 2019–2021",
    )


def test_an_indicator_named_in_full_beside_its_result_and_verdict_is_a_row(profiles) -> None:
    rows = [
        (100, (("Nämndmål", 36), ("Indikator", 313), ("Utfall 2018", 602), ("Bedömning", 667))),
        (
            117,
            (
                ("Kommunen ska ge god service och ett gott bemötande", 36),
                ("Andel som får svar på frågan via telefon", 313),
                ("57%", 638),
                ("Delvis uppfyllt", 667),
            ),
        ),
        (
            134,
            (
                ("Biblioteken ska nå fler invånare", 36),
                ("Fysiska besök", 313),
                ("98 215", 627),
                ("Uppfyllt", 667),
            ),
        ),
    ]
    page = replace(_placed(rows), width=842, height=595)  # landscape
    (table,) = read_page(page, set(), _verdicts(profiles))
    assert table.columns == ("Indikator", "Utfall 2018", "Bedömning")
    assert [row[1:] for row in table.rows] == [
        (
            "Kommunen ska ge god service och ett gott bemötande",
            ("Andel som får svar på frågan via telefon", "57%", "Delvis uppfyllt"),
        ),
        ("Biblioteken ska nå fler invånare", ("Fysiska besök", "98 215", "Uppfyllt")),
    ]


def test_one_label_beside_a_wrapped_label_names_the_columns_up_to_it() -> None:
    # '2022' is set over 'Män', not centred over the three; 'Förändring / mot 2021' is one
    # label of its own column, its first line level with '2022'.
    rows = [
        (100, (("2022", 317),)),
        (104, (("Förändring", 449),)),
        (115, (("Förvaltning", 67), ("mot 2021", 455), ("Kvinnor", 258), ("Män", 336))),
        (115, (("Totalt", 392),)),
        (132, (("Socialförvaltningen", 67), ("10,9 %", 264), ("7,4 %", 328), ("10,3 %", 388))),
        (132, (("+0,4", 478),)),
        (148, (("Sala kommun totalt", 67), ("9,0 %", 264), ("5,2 %", 328), ("8,0 %", 388))),
        (148, (("−0,2", 478),)),
    ]
    (table,) = read_page(_placed(rows), set())
    assert table.columns == ("2022 Kvinnor", "2022 Män", "2022 Totalt", "Förändring mot 2021")


def test_wrapped_labels_set_flush_right_over_single_columns_span_nothing() -> None:
    # Every label and figure set flush right in its column.
    rows = [
        (100, (("Resultat", 232), ("Liknande", 395))),
        (109, (("Karlshamn", 227), ("Länet", 300), ("Riket", 355), ("kommuner", 395))),
        (118, (("Nyckeltal", 63), ("2022", 252), ("2022", 305), ("2022", 360), ("2022", 415))),
        (118, (("Bedömning", 460),)),
        (131, (("Kostnad, kr/inv", 63), ("25 980", 243), ("26 102", 296), ("24 830", 351))),
        (131, (("25 410", 406), ("Sämre", 460))),
        (146, (("Väntetid, dagar", 63), ("61", 262), ("58", 315), ("72", 370), ("66", 425))),
        (146, (("Bättre", 460),)),
    ]
    (table,) = read_page(_placed(rows), set())
    assert table.columns == (
        "Resultat Karlshamn 2022",
        "Länet 2022",
        "Riket 2022",
        "Liknande kommuner 2022",
        "Bedömning",
    )


def test_a_table_in_a_section_of_two_text_columns_keeps_to_its_column() -> None:
    # A full-width paragraph, then two columns: a paragraph and a table of one row under its
    # caption on the left, a paragraph on the right, its lines level with the table's.
    full = " ".join(["Nämnden", "har", "under", "året", "följt", "upp", "resultaten"] * 3)
    left = [
        (("Under året erbjöds undervisning i", 71),),
        (("sexton språk, jämfört med fjorton", 71),),
        (("språk året innan och antalet elever", 71),),
        (("som deltar har ökat något.", 71),),
        (("Tabell 5. Modersmål", 71),),
        (("2022", 196), ("2023", 236)),
        (("Elever", 71), ("286", 200), ("301", 240)),
        (("Behovet är störst i årskurs sju.", 71),),
    ]
    right = [
        "Nyanlända elever tas emot i",
        "kommunens mottagningsenhet under",
        "de första veckorna och kartläggs",
        "enligt skolverkets material inom",
        "två månader för samtliga elever",
        "vilket uppfyller skollagens krav",
        "och planen följs upp varje termin",
        "tillsammans med elevens mentor.",
    ]
    rows = [(80.0, ((full, 40.0),))]
    rows += [(100 + 14 * n, (*cells, (right[n], 312))) for n, cells in enumerate(left)]
    rows.append((224, ((full, 40),)))
    (found,) = [t for t in read_page(_placed(rows), set()) if t.rows]
    assert found.title == "Tabell 5. Modersmål"
    assert found.columns == ("2022", "2023")
    assert [row[1:] for row in found.rows] == [("Elever", ("286", "301"))]


def test_a_table_beside_a_paragraph_under_a_full_width_table_is_read_apart() -> None:
    # The month table above leaves gaps between its columns that run on down beside the
    # paragraph; the paragraph's own gap opens only under the month table's caption.
    months = [(m, 209 + 45 * n) for n, m in enumerate(("Jan", "Feb", "Mar", "Apr", "Maj", "Jun"))]
    rows: list[tuple[float, tuple[tuple[str, float], ...]]] = [
        (186, tuple(months)),
        (202, (("Hushåll", 63), *((str(400 + n), 210 + 45 * n) for n in range(6)))),
        (217, (("Med barn", 63), *((str(170 + n), 210 + 45 * n) for n in range(6)))),
        (249, (("Tabell 3: Hushåll med försörjningsstöd per månad, januari–juni 2022", 57),)),
        (268, (("Under året betalades sammanlagt", 57), ("Förändring", 492))),
        (281, (("miljoner kronor ut i bistånd,", 57), ("2021", 412), ("2022", 463), ("%", 523))),
        (294, (("vilket är mer än året innan.", 57), ("Utbetalt, tkr", 295))),
        (294, (("38 412", 406), ("41 207", 457), ("+7,3", 515))),
        (307, (("Samtidigt minskade antalet hushåll", 57), ("Antal hushåll", 295))),
        (307, (("601", 416), ("584", 467), ("−2,8", 515))),
        (320, (("något, vilket innebär att det", 57), ("Tid i månader", 295))),
        (320, (("7,4", 418), ("7,9", 469), ("+6,8", 515))),
        (333, (("genomsnittliga biståndet har ökat.", 57),)),
        (350, (("Den genomsnittliga tiden har ökat", 57), ("Tabell 4: Nyckeltal", 289))),
    ]
    tables = [t for t in read_page(_placed(rows), set()) if t.rows]
    assert tables[-1].columns == ("2021", "2022", "Förändring %")
    assert [row[1:] for row in tables[-1].rows] == [
        ("Utbetalt, tkr", ("38 412", "41 207", "+7,3")),
        ("Antal hushåll", ("601", "584", "−2,8")),
        ("Tid i månader", ("7,4", "7,9", "+6,8")),
    ]


def test_labels_set_left_of_their_figures_name_them() -> None:
    # 'Antal' starts left of its figures, which are set right, yet right of every row label.
    pairs = [
        (100, (("2021", 226), ("2022", 351))),
        (114, (("Antal", 194), ("%", 263), ("Antal", 319), ("%", 388))),
        (128, (("Flickor", 64), ("92", 222), ("84,4", 277), ("101", 342), ("87,1", 402))),
        (142, (("Pojkar", 64), ("88", 222), ("76,5", 277), ("94", 347), ("79,0", 402))),
    ]
    (table,) = read_page(_placed(pairs), set())
    assert table.columns == ("2021 Antal", "2021 %", "2022 Antal", "2022 %")
    # Wide labels set left over figures set right: each names the column it leads.
    wide = [
        (100, (("Läsår", 64), ("Meritvärde", 138), ("Behörighet yrkesprogram (%)", 257))),
        (100, (("Meritvärde riket", 405),)),
        (114, (("2021", 64), ("218,4", 227), ("83,9", 370), ("232,1", 515))),
        (128, (("2022", 64), ("224,9", 227), ("86,2", 370), ("230,5", 515))),
    ]
    (table,) = read_page(_placed(wide), set())
    assert table.columns == ("Meritvärde", "Behörighet yrkesprogram (%)", "Meritvärde riket")


def test_a_header_over_rows_set_far_apart_is_as_far_from_the_first() -> None:
    # Cells with generous padding: 18 points between rows, and between header and rows.
    rows = [
        (100, (("Mått", 85), ("Utfall 2019", 297), ("Utfall 2020", 379), ("Utfall 2021", 460))),
        (128, (("Antal personer med hemtjänst", 85), ("312", 344), ("298", 426), ("305", 507))),
        (156, (("Beviljade timmar per månad", 85), ("9 840", 334), ("9 415", 416))),
        (156, (("9 960", 497),)),
        (184, (("Utförda timmar per månad", 85), ("8 120", 334), ("7 880", 416))),
        (184, (("8 290", 497),)),
    ]
    (table,) = read_page(_placed(rows), set())
    assert table.columns == ("Utfall 2019", "Utfall 2020", "Utfall 2021")
    assert len(table.rows) == 3


def test_a_table_beside_a_paragraph_keeps_its_gap_though_a_gap_of_its_own_runs_on() -> None:
    # Under the paragraph a full-width line closes the gap beside the table, not the gap
    # between the table's labels and its figures.
    rows: list[tuple[float, tuple[tuple[str, float], ...]]] = [
        (100, (("Antalet vattenläckor ökade under året.", 63), ("2021", 430), ("2022", 470))),
        (114, (("Ledningsnätet är i dåligt skick och", 63), ("Vattenläckor", 321))),
        (114, (("41", 437), ("49", 477))),
        (128, (("förnyelsetakten behöver öka under", 63), ("Översvämningar", 321))),
        (128, (("6", 442), ("11", 477))),
        (142, (("kommande år enligt planen för", 63), ("Tjänligt vatten", 321))),
        (142, (("99,6 %", 425), ("99,8 %", 465))),
        (156, (("minskade efter en torr sommar.", 63),)),
        (176, (("Antalet tillsynsbesök är tillbaka på samma nivå som före", 63),)),
    ]
    tables = [t for t in read_page(_placed(rows), set()) if t.rows]
    assert [row[1:] for row in tables[0].rows] == [
        ("Vattenläckor", ("41", "49")),
        ("Översvämningar", ("6", "11")),
        ("Tjänligt vatten", ("99,6 %", "99,8 %")),
    ]


def test_a_first_row_set_in_the_middle_of_its_label_has_the_labels_edge() -> None:
    # Values centred on two-line labels: the first row's line holds no label, its dash no
    # part of the next label.
    rows = [
        (100, (("Nyckeltal", 83), ("Sunne", 250), ("Riket", 310))),
        (116, (("Väntetid till särskilt", 83),)),
        (122, (("41", 253), ("64", 313))),
        (128, (("boende, dagar", 83),)),
        (146, (("Andel med demensdiagnos i", 83),)),
        (152, (("–", 258), ("63%", 310))),
        (158, (("särskilt boende", 83),)),
    ]
    (table,) = read_page(_placed(rows), set())
    assert [row[1:] for row in table.rows] == [
        ("Väntetid till särskilt boende, dagar", ("41", "64")),
        ("Andel med demensdiagnos i särskilt boende", ("–", "63%")),
    ]


def test_a_header_left_at_the_foot_names_no_column_after_the_stub() -> None:
    # The table's cells are set a padding in from the caption; the stub and a group under the
    # header start there.
    foot = _placed(
        [
            (100, (("Tabell 3. Driftredovisning per verksamhet, tkr", 63),)),
            (119, (("Verksamhet", 67), ("Budget", 300), ("Utfall", 380), ("Avvikelse", 450))),
            (138, (("Gata och park", 67),)),
        ]
    )
    rows = _placed(
        [
            (60, (("Gator och vägar", 67), ("34 730", 300), ("33 900", 380), ("−830", 460))),
            (76, (("Vinterväghållning", 67), ("21 480", 300), ("18 500", 380))),
            (76, (("−2 980", 450),)),
        ]
    )
    pages = {1: foot, 2: replace(rows, number=2)}
    cells = read(_context(pages), []).rows["tabeller"]
    assert {(c.group, c.column_label) for c in cells} == {
        ("Gata och park", "Budget"),
        ("Gata och park", "Utfall"),
        ("Gata och park", "Avvikelse"),
    }


def test_a_label_set_apart_spans_the_columns_between_labels_of_one_column_each() -> None:
    # 'Utfall 2023' over three columns, set near the middle one; 'Budget 2023' set flush
    # right over its own 'Netto', 'Avvikelse' alone in its column.
    rows = [
        (100, (("Verksamhet", 67), ("Utfall 2023", 281), ("Budget 2023", 417), ("Avvikelse", 487))),
        (114, (("Intäkter", 234), ("Kostnader", 294), ("Netto", 370), ("Netto", 446))),
        (
            130,
            (
                ("Gator", 67),
                ("4210", 254),
                ("−38940", 308),
                ("−34730", 365),
                ("−33900", 441),
                ("−830", 512),
            ),
        ),
        (
            145,
            (
                ("Parker", 67),
                ("1150", 254),
                ("−14320", 308),
                ("−13170", 365),
                ("−13600", 441),
                ("430", 517),
            ),
        ),
    ]
    (table,) = read_page(_placed(rows), set())
    assert table.columns == (
        "Utfall 2023 Intäkter",
        "Utfall 2023 Kostnader",
        "Utfall 2023 Netto",
        "Budget 2023 Netto",
        "Avvikelse",
    )


def test_a_line_wrapped_above_its_values_in_a_tight_table_is_no_group() -> None:
    # Rows set as tight as lines, values on each label's last line, a bold header. 'Antal
    # genomförda' ends early only because 'BPSD-registreringar' would not fit after it;
    # where no label wraps, a line like it names a group ('Tidaholm' over
    # 'Färdtjänsttillstånd'), and so where no word is bold (a text layer made by OCR),
    # whatever room it leaves ('Telefoni' over 'Tillgänglighet').
    def bold_header(page: Page) -> Page:
        return replace(page, words=tuple(replace(w, bold=w.top == 100) for w in page.words))

    rows = [
        (100, (("Indikator", 70), ("2018", 250), ("2019", 310))),
        (112, (("Andel boende med", 70),)),
        (124, (("aktuell riskbedömning", 70), ("82", 255), ("88", 315))),
        (136, (("Antal genomförda", 70),)),
        (148, (("BPSD-registreringar", 70), ("231", 250), ("268", 310))),
        (160, (("Andel nöjda med", 70),)),
        (172, (("bemötandet", 70), ("94", 255), ("95", 315))),
    ]
    (table,) = read_page(bold_header(_placed(rows)), set())
    assert [row[:2] for row in table.rows] == [
        ("", "Andel boende med aktuell riskbedömning"),
        ("", "Antal genomförda BPSD-registreringar"),
        ("", "Andel nöjda med bemötandet"),
    ]
    grouped = [
        (100, (("Kommun", 70), ("2019", 250), ("2020", 310))),
        (112, (("Tidaholm", 70),)),
        (124, (("Färdtjänsttillstånd", 70), ("412", 250), ("398", 310))),
        (136, (("Resor med färdtjänst", 70), ("14806", 240), ("9317", 305))),
    ]
    (table,) = read_page(bold_header(_placed(grouped)), set())
    assert [row[:2] for row in table.rows] == [
        ("Tidaholm", "Färdtjänsttillstånd"),
        ("Tidaholm", "Resor med färdtjänst"),
    ]
    plain = [
        (100, (("Tjänst", 70), ("2019", 250), ("2020", 310))),
        (112, (("Telefoni", 70),)),
        (124, (("Tillgänglighet", 70), ("65 %", 250), ("81 %", 310))),
        (136, (("Intresse och", 70),)),
        (148, (("engagemang", 70), ("95 %", 250), ("97 %", 310))),
    ]
    (table,) = read_page(_placed(plain), set())
    assert [row[:2] for row in table.rows] == [
        ("Telefoni", "Tillgänglighet"),
        ("Telefoni", "Intresse och engagemang"),
    ]


def test_a_table_beside_a_paragraph_keeps_its_caption_and_header_set_above_the_text() -> None:
    # The table's caption and header stand beside the paragraph's first lines, each line on
    # one side only: they are the table's, not text above it.
    prose = [
        "Kulturskolan har haft många elever",
        "från samtliga kommundelar och kön",
        "minskade under hösten sedan två nya",
        "lärare i gitarr och piano anställts.",
        "Avgiften har varit oförändrad sedan",
        "länge och syskonrabatten finns kvar.",
    ]
    rows = [(88 + 15 * n, ((text, 62),)) for n, text in enumerate(prose)]
    rows += [
        (96, (("Tabell 3 Kulturskolan i siffror", 308),)),
        (110, (("VT 2022", 426), ("HT 2022", 483))),
        (124, (("Antal elever", 311), ("612", 442), ("648", 499))),
        (139, (("Elever i kö", 311), ("187", 442), ("152", 499))),
        (154, (("Andel flickor", 311), ("63 %", 437), ("61 %", 494))),
    ]
    (table,) = [t for t in read_page(_placed(rows), set()) if t.rows]
    assert table.title == "Tabell 3 Kulturskolan i siffror"
    assert table.columns == ("VT 2022", "HT 2022")
    assert [row[1:] for row in table.rows] == [
        ("Antal elever", ("612", "648")),
        ("Elever i kö", ("187", "152")),
        ("Andel flickor", ("63 %", "61 %")),
    ]


def test_a_unit_cell_first_on_a_row_set_between_its_label_lines_is_a_cell() -> None:
    # Values set in the middle of two-line labels, the unit column's text first among them:
    # the label lines around show where labels start, so 'kr' is the unit column's.
    rows = [
        (100, (("Enhet", 212), ("2018", 275), ("2019", 333))),
        (118, (("Nettokostnad kultur", 68),)),
        (124, (("kr", 226), ("1042", 275), ("1068", 333))),
        (130, (("per invånare", 68),)),
        (148, (("Besök i simhallen", 68),)),
        (154, (("antal", 211), ("2,9", 281), ("3,1", 339))),
        (160, (("per invånare", 68),)),
    ]
    (table,) = read_page(_placed(rows), set())
    assert table.columns == ("Enhet", "2018", "2019")
    assert [row[1:] for row in table.rows] == [
        ("Nettokostnad kultur per invånare", ("kr", "1042", "1068")),
        ("Besök i simhallen per invånare", ("antal", "2,9", "3,1")),
    ]


def test_a_page_of_a_table_with_one_count_and_a_yes_or_no_is_read() -> None:
    # The cheap page filter lets such a page through: rows end in a verdict, not two numbers.
    [profile] = [p for p in load_profiles() if p.name == "tabeller"]
    text = "Tabell 7: Uppföljning av insatser\nInsats Antal enheter Genomförd\n" + "".join(
        f"{label} {n} {done}\n"
        for label, n, done in (
            ("Kartläggning av läsförmåga", 11, "Ja"),
            ("Digital närvarouppföljning", 11, "Nej"),
            ("Plan mot kränkande behandling", 25, "Ja"),
        )
    )
    assert profile.wants(text)


def test_a_footnote_close_under_a_marked_label_is_no_part_of_it() -> None:
    # Rows with padding; the note, in smaller print, sits closer under the last row than the
    # rows sit to each other.
    rows = [
        (100, (("År", 72), ("Hemtjänst", 190), ("Boende", 280))),
        (116, (("2015", 72), ("441", 195), ("2096", 285))),
        (132, (("2016", 72), ("458", 195), ("2131", 285))),
        (148, (("2017*", 72), ("469", 195), ("2180", 285))),
    ]
    note = [
        Word(text, x0, x0 + 5 * len(text), 162.0, 170.0, 8.0)
        for text, x0 in (("*", 68), ("Prognos", 75), ("för", 113), ("helåret", 132))
    ]
    page = _placed(rows)
    (table,) = read_page(replace(page, words=page.words + tuple(note)), set())
    assert [row[1] for row in table.rows] == ["2015", "2016", "2017*"]


def test_a_legend_close_under_the_last_row_is_no_part_of_its_label() -> None:
    # 'x = uppgift saknas' starts in lower case, as a wrapped label's next line would.
    rows = [
        (100, (("Skolform", 72), ("Kommunen", 190), ("Länet", 250), ("Riket", 280))),
        (116, (("Förskola", 72), ("94", 195), ("91", 255), ("93", 285))),
        (132, (("Grundskola 1–6", 72), ("88", 195), ("87", 255), ("86", 285))),
        (148, (("Grundskola 7–9", 72), ("76", 195), ("x", 255), ("79", 285))),
    ]
    legend = [
        Word(text, x0, x0 + 5 * len(text), 161.0, 169.0, 8.0)
        for text, x0 in (("x", 72), ("=", 79), ("uppgift", 86), ("saknas", 123))
    ]
    page = _placed(rows)
    (table,) = read_page(replace(page, words=page.words + tuple(legend)), set())
    assert [row[1] for row in table.rows] == ["Förskola", "Grundskola 1–6", "Grundskola 7–9"]


def _prose_line(
    words: list[str], top: float, right: float
) -> tuple[float, tuple[tuple[str, float], ...]]:
    """A line of running text from x 62, as many of `words` as end before `right`."""
    kept, x = [], 62.0
    for word in words:
        if x + 5 * len(word) > right:
            break
        kept.append(word)
        x += 5 * len(word) + 4
    return (top, ((" ".join(kept), 62),))


def test_a_table_beside_text_runs_on_below_where_a_full_width_table_above_narrowed_its_gap() -> (
    None
):
    # A full-width table's change column starts at x 340; the text beside the second table
    # ends at 326 and, on its last line, at 335: the gap left by all lines is too narrow
    # there, the gap beside the second table alone is not.
    text = (
        "besöken ökade under våren och ligger nu något över snittet för länet där de "
        "yngre låntagarna står för en allt större del medan ljudböckerna lånas mer än "
        "förut sedan den nya tjänsten infördes och personalen har arbetat med läsning "
        "för de minsta barnen tillsammans med flera förskolor"
    )
    rows = [
        (100, (("Tabell 1. Besök", 62),)),
        (114, (("Bibliotek", 62), ("2021", 180), ("2022", 260), ("Förändring", 340), ("Mål", 450))),
        (
            128,
            (
                ("Huvudbiblioteket", 62),
                ("41200", 180),
                ("48000", 260),
                ("+6800", 340),
                ("50000", 450),
            ),
        ),
        (142, (("Filialen", 62), ("9100", 185), ("9800", 265), ("+700", 345), ("10000", 450))),
        (170, (("Tabell 2. Utlån per invånare", 351),)),
        (184, (("År", 356), ("Hörby", 441), ("Riket", 508))),
    ]
    for n, year in enumerate(("2018", "2019", "2020", "2021", "2022")):
        rows.append((198 + 14 * n, ((year, 356), ("5,1", 454), ("6,0", 517))))
    for n in range(6):
        rows.append(_prose_line(text.split()[n * 5 :], 166 + 14 * n, 326))
    rows.append((250, (("och ungefär var tredje familj tackade ja till inbjudan i", 62),)))
    tables = [t for t in read_page(_placed(rows), set()) if t.title.startswith("Tabell 2")]
    assert [row[1] for t in tables for row in t.rows] == ["2018", "2019", "2020", "2021", "2022"]


def test_a_dark_header_whose_white_rules_end_with_it_boxes_its_upper_labels() -> None:
    # '2023' is centred over the cells of 'Kvinnor | Män | Totalt', whose figures are set
    # right in them: over the figures it would stand over 'Män' alone. The header's white
    # rules end at its foot; around '2023' they run through both header lines.
    xs = (250, 300, 350, 410, 460, 510)
    body = [
        ("HR", ("4,1", "3,6", "3,8", "3,6", "2,9", "3,4")),
        ("IT", ("2,1", "2,9", "3,3", "2,0", "2,4", "2,8")),
    ]
    page = _page(
        [
            [("Sjukfrånvaro per förvaltning", 70)],
            [("2023", 275), ("2024", 435)],
            [
                (label, x - 10)
                for label, x in zip(("Kvinnor", "Män", "Totalt") * 2, xs, strict=True)
            ],
            *[[(label, 70), *zip(cells, xs, strict=True)] for label, cells in body],
        ]
    )
    top, middle, foot = 112, 126, 142  # the header's top, its lines' border, its foot
    rules = [VRule(x, top, foot) for x in (225, 385, 535)]
    rules += [VRule(x, middle, foot) for x in (280, 332, 440, 492)]
    (table,) = read_page(replace(page, vrules=tuple(rules)), set())
    assert table.columns == tuple(
        f"{year} {label}" for year in (2023, 2024) for label in ("Kvinnor", "Män", "Totalt")
    )


def test_a_header_cell_boxed_by_rules_names_no_column_that_ends_at_its_rule() -> None:
    # Each header cell is boxed: 'Utfall' over 'jan–aug 2024' lies between the rules at 303
    # and 385, and the figures of 'Budget 2024' end on the rule at 303.
    page = _page(
        [
            [("Driftredovisning, tkr", 70)],
            [("Utfall", 360)],
            [("Budget 2024", 245), ("jan–aug 2024", 325)],
            [("Bibliotek", 70), ("18 420", 274.5), ("12 518", 354)],
            [("Kulturskola", 70), ("9 760", 279.5), ("6 310", 359)],
        ]
    )
    rules = tuple(VRule(x, 112, 142) for x in (221, 303, 385))
    (table,) = read_page(replace(page, vrules=rules), set())
    assert table.columns == ("Budget 2024", "Utfall jan–aug 2024")


def test_a_total_set_out_like_the_group_names_after_the_groups_is_in_none() -> None:
    # Bold group names at the table's edge, their rows indented under them, and a total set
    # at the edge again: the total belongs to no group, here and where the table goes on
    # after a page break.
    bold = {"Miljöskydd", "Hälsoskydd", "Totalt"}

    def page(number: int, lines: list[list[tuple[str, float]]]) -> Page:
        words = _page(lines).words
        return Page(number, 595, 842, tuple(replace(w, bold=w.text in bold) for w in words))

    head = [
        [("Tabell 2. Tillsyn per område", 65)],
        [("Område", 65), ("Planerat", 300), ("Utfört", 400)],
        [("Miljöskydd", 65)],
        [("Lantbruk", 75), ("40", 310), ("38", 410)],
        [("Industri", 75), ("52", 310), ("47", 410)],
        [("Hälsoskydd", 65)],
        [("Skolor", 75), ("61", 310), ("55", 410)],
    ]
    total = [("Totalt", 65), ("153", 310), ("140", 410)]
    rows = read(_context({1: page(1, [*head, total])}), []).rows["tabeller"]
    groups = {r.row: r.group for r in rows}
    assert groups == {
        "Lantbruk": "Miljöskydd",
        "Industri": "Miljöskydd",
        "Skolor": "Hälsoskydd",
        "Totalt": "",
    }
    after = [
        [("Bassängbad", 75), ("12", 310), ("11", 410)],
        [("Bostäder", 75), ("30", 310), ("25", 410)],
        [("Totalt", 65), ("195", 310), ("176", 410)],
    ]
    rows = read(_context({1: page(1, head), 2: page(2, after)}), []).rows["tabeller"]
    groups = {r.row: r.group for r in rows if r.page == 2}
    assert groups == {"Bassängbad": "Hälsoskydd", "Bostäder": "Hälsoskydd", "Totalt": ""}


def test_a_column_rule_parts_header_labels_set_close_together() -> None:
    # 'Utfall' set right in its cell, 'Status' left in the next, a word space apart: the
    # rule between them parts them.
    page = _page(
        [
            [("Uppföljning av nämndens mål", 70)],
            [("Indikator", 70), ("Målvärde", 200), ("Utfall", 260), ("Status", 294)],
            [("Behöriga lärare", 70), ("90 %", 220), ("84 %", 270), ("Gul", 300)],
            [("Betygspoäng", 70), ("14,0", 225), ("14,2", 270), ("Grön", 300)],
        ]
    )
    rules = tuple(VRule(x, 112, 156) for x in (195, 256, 292, 340))
    (table,) = read_page(replace(page, vrules=rules), set())
    assert table.columns == ("Målvärde", "Utfall", "Status")
    assert [row[2] for row in table.rows] == [("90 %", "84 %", "Gul"), ("14,0", "14,2", "Grön")]


def test_a_row_beside_a_sentence_that_starts_with_a_number_keeps_the_page_in_columns() -> None:
    # The right column's prose may start a line with a figure ('344 deltagare, …') beside a
    # row of the table in the left column, and the footer's page number stands right of the
    # gutter: neither is a row of a table across both columns.
    right = [
        "Läsfrämjande insatser nådde många barn och",
        "unga under året, och programmet i sommar",
        "lockade fler än något år tidigare, med totalt",
        "344 deltagare, en ökning med 34 personer.",
        "Sommarens program hölls i parken med musik",
        "och teater. Trots regn under fem av dagarna",
        "kom i snitt fler besökare än året innan när",
        "13 år var fria, och resten till låga priser.",
    ]
    left = [
        [("Nämndens mål följs upp med indikatorer.", 57)],
        [("Tabell 6. Måluppfyllelse", 57)],
        [("Nämndmål", 60), ("Antal", 190), ("Status", 240)],
        [("Kulturen når fler", 60), ("4", 195), ("Grön", 240)],
        [("Biblioteken är öppna", 60), ("3", 195), ("Gul", 240)],
        [("Ett rikt utbud", 60), ("3", 195), ("Grön", 240)],
        [("Hållbar verksamhet", 60), ("2", 195), ("Röd", 240)],
        [("Uppföljningen görs två gånger per år.", 57)],
    ]
    page = _page([[*row, (text, 309)] for row, text in zip(left, right, strict=True)])
    footer = (*_line("Kultur- och fritidsnämnden", 57, 800), _word("2", 534, 800))
    tables = [t for t in read_page(replace(page, words=page.words + footer), set()) if t.rows]
    assert [(row[1], row[2]) for t in tables for row in t.rows] == [
        ("Kulturen når fler", ("4", "Grön")),
        ("Biblioteken är öppna", ("3", "Gul")),
        ("Ett rikt utbud", ("3", "Grön")),
        ("Hållbar verksamhet", ("2", "Röd")),
    ]


def test_groups_named_in_a_column_of_their_own_beside_their_first_row() -> None:
    # Word merges the group's cell down its rows and prints the name on the first one; the
    # stub headers over both label columns name no column.
    page = _page(
        [
            [("Besökare och följare per kanal", 57)],
            [("Kanal", 57), ("Mätvärde", 147), ("2016", 330), ("2017", 410)],
            [("Webbplats", 57), ("Besökare", 147), ("333 200", 310), ("373 896", 390)],
            [("Sidvisningar", 147), ("1 412 500", 300), ("1 598 300", 380)],
            [("Facebook", 57), ("Följare", 147), ("4 820", 320), ("6 412", 400)],
            [("Inlägg", 147), ("318", 330), ("296", 410)],
        ]
    )
    (table,) = read_page(page, set())
    assert table.columns == ("2016", "2017")
    assert [row[:2] for row in table.rows] == [
        ("Webbplats", "Besökare"),
        ("Webbplats", "Sidvisningar"),
        ("Facebook", "Följare"),
        ("Facebook", "Inlägg"),
    ]


def test_words_shaded_one_by_one_in_a_shaded_group_row_are_one_label(tmp_path) -> None:
    # HTML renderers fill each word's background apart, in the row's own colour: the sides of
    # those fills draw no line between the words of 'Placeringar 31 augusti'.
    from reportlab.pdfgen.canvas import Canvas

    pdf = tmp_path / "shaded.pdf"
    canvas = Canvas(str(pdf))
    lavender = (0.91, 0.85, 0.94)
    rows = [
        ("", ("Jan–aug 2023", "Jan–aug 2024", "Förändring")),
        ("Utredningar", ()),
        ("Inledda utredningar", ("52", "71", "+19")),
        ("Avslutade inom 120 dagar", ("83", "77", "-6")),
        ("Placeringar 31 augusti", ()),
        ("Barn i familjehem", ("14", "12", "-2")),
        ("Barn i HVB", ("4", "5", "+1")),
    ]
    canvas.setFont("Helvetica", 11)
    canvas.drawString(80, 760, "Tabell 5. Barn och unga")
    y = 740
    for label, cells in rows:
        if not cells:  # a group row: its background, then each word's over it
            canvas.setFillColorRGB(*lavender)
            canvas.rect(80, y - 4, 420, 14, stroke=0, fill=1)
            x = 86.0
            for word in label.split():
                width = stringWidth(word + " ", "Helvetica", 9)
                canvas.rect(x, y - 2, width, 10, stroke=0, fill=1)
                x += width
            canvas.setFillColorRGB(0, 0, 0)
        canvas.setFont("Helvetica", 9)
        canvas.drawString(86 if not cells else 95, y, label)
        for n, cell in enumerate(cells):
            canvas.drawRightString(330 + 80 * n, y, cell)
        y -= 15
    canvas.save()
    page = load_pages(pdf, [1])[1]
    (table,) = read_page(page, set())
    assert table.rows[-2:] == (
        ("Placeringar 31 augusti", "Barn i familjehem", ("14", "12", "-2")),
        ("Placeringar 31 augusti", "Barn i HVB", ("4", "5", "+1")),
    )


def _drawn_table(path, header, rows, rules=(), size=9.0) -> Page:
    """A one-page PDF: header labels and rows drawn right-aligned at the given x (a
    spreadsheet's export), vertical rules at `rules`; its page read back."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path))
    canvas.setFont("Helvetica-Bold", 11)
    canvas.drawString(50, 760, "Tabell 4. Klagomål per år")
    y = 740.0
    for n, (label, cells) in enumerate([header, *rows]):
        canvas.setFont("Helvetica-Bold" if n == 0 else "Helvetica", size)
        canvas.drawString(52, y, label)
        for text, x in cells:
            canvas.drawRightString(x, y, text)
        y -= 14
    for x in rules:
        canvas.line(x, 752, x, y + 8)
    canvas.save()
    return load_pages(path, [1])[1]


def test_header_labels_set_flush_to_their_cells_edges_part_where_they_touch(tmp_path) -> None:
    # Calc sets each label to its cell's right edge: 'Buller' ends 2 pt before
    # 'Inomhusmiljö' begins, which pdfplumber reads as one word, and with no rule between
    # them; each ends where its figures end.
    width = stringWidth("Inomhusmiljö", "Helvetica-Bold", 9)
    header = ("År", [("Buller", 300), ("Inomhusmiljö", 302 + width), ("Totalt", 420)])
    rows = [
        (str(year), [(a, 300), (b, 302 + width), (c, 420)])
        for year, a, b, c in [(2017, "72", "35", "107"), (2018, "66", "44", "110")]
    ]
    page = _drawn_table(tmp_path / "flush.pdf", header, rows)
    (table,) = read_page(page, set())
    assert table.columns == ("Buller", "Inomhusmiljö", "Totalt")
    assert table.rows[0][1:] == ("2017", ("72", "35", "107"))


def test_words_set_apart_without_space_characters(tmp_path) -> None:
    # TeX writes no space characters: it moves the pen, its justified spaces shrinking to a
    # sixth of an em, under pdfplumber's fixed 3 pt. Letters tracked evenly wider stay one
    # word.
    from reportlab.pdfgen.canvas import Canvas

    pdf = tmp_path / "tex.pdf"
    canvas = Canvas(str(pdf))

    def words(x: float, y: float, text: str, space: float, font: str = "Helvetica") -> None:
        for word in text.split():
            canvas.setFont(font, 10)
            canvas.drawString(x, y, word)
            x += stringWidth(word, font, 10) + space

    words(52, 760, "Tabell 1: Barn och elever per skolform", 1.9, "Helvetica-Bold")
    tracked = canvas.beginText(52, 740)
    tracked.setFont("Helvetica-Bold", 10)
    tracked.setCharSpace(1.5)  # 0.15 em between every two letters
    tracked.textOut("Skolform")
    tracked.setCharSpace(0)  # the text state outlives the text object
    canvas.drawText(tracked)
    for n, (label, figures) in enumerate(
        [
            ("", ("2021", "2022")),
            ("Pedagogisk omsorg", ("41", "37")),
            ("Grundskola åk 1–9", ("3 412", "3 436")),
        ]
    ):
        words(52, 740 - 14 * n, label, 1.7)
        for figure, x in zip(figures, (300, 360), strict=True):
            canvas.setFont("Helvetica", 10)
            canvas.drawRightString(x, 740 - 14 * n, figure)
    canvas.save()
    page = load_pages(pdf, [1])[1]
    assert "Skolform" in [w.text for w in page.words]
    (table,) = read_page(page, set())
    assert table.columns == ("2021", "2022")
    assert [row[1:] for row in table.rows] == [
        ("Pedagogisk omsorg", ("41", "37")),
        ("Grundskola åk 1–9", ("3 412", "3 436")),
    ]


def test_a_column_rule_parts_two_labels_that_touch(tmp_path) -> None:
    # 'Förändring' right-aligned in its cell touches 'Förändring %' in the next; only the
    # grid's rule between them says where one cell ends.
    width = stringWidth("Förändring %", "Helvetica-Bold", 9)
    header = ("Ärendetyp", [("2018", 300), ("Förändring", 360), ("Förändring %", 362.5 + width)])
    rows = [
        (label, [(a, 300), (b, 360), (c, 362.5 + width)])
        for label, a, b, c in [
            ("Bygglov", "344", "+27", "+8"),
            ("Förhandsbesked", "85", "-17", "-20"),
        ]
    ]
    page = _drawn_table(tmp_path / "ruled.pdf", header, rows, rules=(50, 250, 305, 361.2, 430))
    (table,) = read_page(page, set())
    assert table.columns == ("2018", "Förändring", "Förändring %")
    assert table.rows[1][1:] == ("Förhandsbesked", ("85", "-17", "-20"))


@pytest.mark.parametrize("mark_size", [5.2, 7.5])  # Word's superscript; a browser's <sup>
def test_a_note_mark_after_a_label_is_no_part_of_it(tmp_path, mark_size: float) -> None:
    # 'Chatt¹': the mark set small and raised refers to the note under the table.
    from reportlab.pdfgen.canvas import Canvas

    pdf = tmp_path / "mark.pdf"
    canvas = Canvas(str(pdf))
    canvas.setFont("Helvetica-Bold", 11)
    canvas.drawString(50, 760, "Tabell 1. Ärenden per kanal")
    lines = [("Kanal", ("2022", "2023")), ("Telefon", ("41 200", "39 870"))]
    lines += [("Chatt", ("2 310", "4 985")), ("Felanmälan via app", ("3 915", "4 466"))]
    for n, (label, cells) in enumerate(lines):
        y = 740 - 14 * n
        canvas.setFont("Helvetica", 9)
        canvas.drawString(52, y, label)
        if label.startswith(("Chatt", "Felanmälan")):
            canvas.setFont("Helvetica", mark_size)
            canvas.drawString(
                52.2 + stringWidth(label, "Helvetica", 9), y + 3.5, "1)" if n == 3 else "¹"
            )
            canvas.setFont("Helvetica", 9)
        for cell, x in zip(cells, (300, 360), strict=True):
            canvas.drawRightString(x, y, cell)
    canvas.drawString(52, 670, "¹ Chatten öppnade i mars 2022.")
    canvas.save()
    (table,) = read_page(load_pages(pdf, [1])[1], set())
    assert [label for _, label, _ in table.rows] == ["Telefon", "Chatt", "Felanmälan via app"]


def test_a_label_wrapped_in_a_tight_grid_stays_whole(tmp_path) -> None:
    # Every row ruled off, cells padded by a point: a label's second line lies as close to
    # its first as to the next row, but no rule parts them.
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    cell = ParagraphStyle("cell", fontName="Helvetica", fontSize=9, leading=12)
    rows = [
        (
            "Andel medarbetare som rekommenderar Landskrona stad som arbetsgivare",
            "64 %",
            "67 %",
            "Delvis uppfyllt",
        ),
        ("Sjukfrånvaro, totalt", "6,3 %", "5,9 %", "Ej uppfyllt"),
        ("Andel webbsidor som klarar WCAG 2.1 nivå AA", "–", "89 %", "Uppfyllt"),
        ("Andel visstidsanställda", "8 %", "6 %", "Uppfyllt"),
    ]
    data = [["Indikator", "Utfall 2022", "Utfall 2023", "Status"]]
    data += [
        [Paragraph(label, cell), a, b, Paragraph(status, cell)] for label, a, b, status in rows
    ]
    table = Table(data, colWidths=[190, 55, 55, 45])
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)),
                ("FONT", (0, 0), (-1, -1), "Helvetica", 9),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (2, -1), "RIGHT"),
            ]
        )
    )
    pdf = tmp_path / "grid.pdf"
    title = Paragraph("Tabell 7. Uppföljning av nämndens mål", ParagraphStyle("h", fontSize=11))
    SimpleDocTemplate(str(pdf)).build([title, table])
    (read,) = read_page(load_pages(pdf, [1])[1], set())
    assert [label for _, label, _ in read.rows] == [label for label, *_ in rows]


def test_a_running_header_misread_differently_on_each_page_is_furniture(tmp_path, profiles) -> None:
    # OCR reads a scan's running header a letter or two differently from page to page; the
    # table that goes on at the top of the next page starts under that header, not a title.
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from extract.pipeline import extract_file

    readings = ("friudsnämnden", "fnudsnämnden", "fritudsnämnden", "fnudsnämnden")
    pdf = tmp_path / "rapport.pdf"
    sheet = canvas.Canvas(str(pdf), pagesize=A4)
    _, height = A4

    def row(y: float, label: str, *cells: str) -> None:
        sheet.drawString(70, height - y, label)
        for n, cell in enumerate(cells):
            sheet.drawRightString(300 + 70 * n, height - y, cell)

    body = {
        1: ["Verksamhetsberättelse 2022", "Vårby kommun"],
        2: ["Stöd till föreningar", "Tabell 5. Föreningsbidrag 2022, tkr"],
        3: [],
        4: ["Medborgarnas bedömning", "Invånarna ger kulturen gott betyg i år."],
    }
    for number, reading in enumerate(readings, start=1):
        sheet.setFont("Helvetica", 9)
        sheet.drawString(60, height - 40, f"VÅRBY KOMMUN - Verksamhetsberättelse 2022, {reading}")
        sheet.setFont("Helvetica", 10)
        for n, text in enumerate(body[number]):
            sheet.drawString(60, height - 90 - 16 * n, text)
        if number == 2:
            row(140, "Bidragsform", "Budget 2022", "Utfall 2022", "Avvikelse")
            row(158, "Aktivitetsbidrag", "2 150", "2 236", "-86")
            row(174, "Lokalbidrag", "1 480", "1 412", "+68")
            row(190, "Investeringsbidrag", "600", "655", "-55")
        if number == 3:
            row(68, "Summa", "4 230", "4 303", "-73")
            row(84, "Verksamhetsbidrag", "910", "885", "+25")
            row(100, "Arrangemangsbidrag", "320", "362", "-42")
            sheet.drawString(60, height - 130, "Bidragen fördelas enligt en gemensam modell.")
        sheet.drawString(480, 40, f"Sida {number} av 4")
        sheet.showPage()
    sheet.save()
    cells = [
        (c.title, c.group, c.row, c.column_label, c.value)
        for c in extract_file(pdf, profiles).rows["tabeller"]
        if c.page == 3
    ]
    assert cells[:3] == [
        ("Tabell 5. Föreningsbidrag 2022, tkr", "", "Summa", "Budget 2022", 4230),
        ("Tabell 5. Föreningsbidrag 2022, tkr", "", "Summa", "Utfall 2022", 4303),
        ("Tabell 5. Föreningsbidrag 2022, tkr", "", "Summa", "Avvikelse", -73),
    ]
    assert len(cells) == 9


def _side_by_side(path, left, right, footer: str) -> Page:
    """A landscape slide (LibreOffice Impress): a heading and a lead across the page, then
    two tables side by side, each under its own caption and header, and a footer ending in
    the page number; `left` and `right` are (caption, rows), a row (label, cells), a cell
    (text, x its right edge) and a label of two lines wrapped around its cells."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=(842, 595))
    canvas.setFont("Helvetica-Bold", 22)
    canvas.drawString(40, 550, "Hemtjänst och kostnader")
    canvas.setFont("Helvetica", 12)
    canvas.drawString(40, 500, "Nöjdheten ökade under året medan kostnaden per brukare steg något.")
    for x0, (caption, rows) in ((40, left), (450, right)):
        canvas.setFont("Helvetica-Bold", 12)
        canvas.drawString(x0, 450, caption)
        y = 420.0
        for n, (label, cells) in enumerate(rows):
            canvas.setFont("Helvetica-Bold" if n == 0 else "Helvetica", 10)
            lines = label.split("\n")
            for k, text in enumerate(lines):
                canvas.drawString(x0, y + 6 * (len(lines) - 1) - 12 * k, text)
            for text, x in cells:
                canvas.drawRightString(x, y, text)
            y -= 12 * len(lines) + 14
    canvas.setFont("Helvetica", 9)
    canvas.drawString(40, 30, footer)
    canvas.drawRightString(800, 30, "4 / 6")
    canvas.save()
    return load_pages(path, [1])[1]


def test_two_tables_side_by_side_under_their_own_captions_are_two_tables(tmp_path) -> None:
    # A slide, a two-column DTP page or a Word layout table sets two tables side by side:
    # their lines share heights, yet the right table's labels and figures are no more
    # columns of the left one, nor its rows the left table's rows.
    left = (
        "Brukarundersökning, andel positiva svar",
        [
            ("", [("2022", 270), ("2023", 330), ("Förändring", 400)]),
            (
                "Andel som är nöjda med\nhemtjänsten som helhet",
                [("88 %", 270), ("91 %", 330), ("+3", 400)],
            ),
            (
                "Andel som känner förtroende\nför personalen",
                [("90 %", 270), ("88 %", 330), ("-2", 400)],
            ),
            ("Andel som känner sig trygga", [("–", 270), ("82 %", 330), ("–", 400)]),
        ],
    )
    right = (
        "Kostnad per brukare i hemtjänst, kr",
        [
            ("År", [("Kommunen", 620), ("Länet", 700), ("Riket", 790)]),
            ("2021", [("334 800", 620), ("318 900", 700), ("311 700", 790)]),
            ("2022", [("341 200", 620), ("327 400", 700), ("320 900", 790)]),
            ("2023", [("352 600", 620), ("338 100", 700), ("331 500", 790)]),
        ],
    )
    page = _side_by_side(
        tmp_path / "slide.pdf", left, right, "Omsorgsnämnden | Verksamhetsberättelse 2023"
    )
    tables = [t for t in read_page(page, set()) if t.rows]
    assert [(t.title, t.columns) for t in tables] == [
        ("Brukarundersökning, andel positiva svar", ("2022", "2023", "Förändring")),
        ("Kostnad per brukare i hemtjänst, kr", ("Kommunen", "Länet", "Riket")),
    ]
    assert [row[1:] for row in tables[0].rows] == [
        ("Andel som är nöjda med hemtjänsten som helhet", ("88 %", "91 %", "+3")),
        ("Andel som känner förtroende för personalen", ("90 %", "88 %", "-2")),
        ("Andel som känner sig trygga", ("–", "82 %", "–")),
    ]
    assert [row[1:] for row in tables[1].rows] == [
        ("2021", ("334 800", "318 900", "311 700")),
        ("2022", ("341 200", "327 400", "320 900")),
        ("2023", ("352 600", "338 100", "331 500")),
    ]


def _checked(tmp_path, profiles, title: str, rows: list[tuple[str, ...]]) -> tuple[dict, list]:
    """A report with one table (the first row its header) read through the pipeline: each
    cell's (row, column) → (råtext, kontroll), and the Granska rows."""
    from reportlab.platypus import Table

    from extract.pipeline import extract_file

    from .grids import heading, report

    pdf = tmp_path / "tabell.pdf"
    widths = [200] + [90] * (len(rows[0]) - 1)
    report(pdf, heading(title), Table(rows, colWidths=widths), kommun="Lerums kommun")
    result = extract_file(pdf, profiles)
    cells = {(r.row, r.column_label): (r.raw, r.check) for r in result.rows["tabeller"]}
    return cells, result.rows.get("granska", [])


def test_sums_and_changes_that_hold_are_marked_so(tmp_path, profiles) -> None:
    # The sum to the printed decimals: 12,3 + 4,6 + 7,4 = 24,3 printed 24,4, as rounding
    # from unrounded figures gives; a change in per cent to its rounding.
    header = ("Verksamhet", "2022", "2023", "Förändring", "Förändring %", "Mnkr 2023")
    cells, review = _checked(
        tmp_path,
        profiles,
        "Antal ärenden per verksamhet",
        [
            header,
            ("Bygglov", "412", "448", "+36", "+8,7", "12,3"),
            ("Förhandsbesked", "38", "31", "−7", "−18,4", "4,6"),
            ("Strandskydd", "19", "24", "+5", "+26,3", "7,4"),
            ("Summa", "469", "503", "+34", "+7,2", "24,4"),
        ],
    )
    assert {check for _, check in cells.values()} == {"stämmer"}
    assert not review


def test_a_wrong_figure_fails_its_sum_and_its_change(tmp_path, profiles) -> None:
    # A damaged text layer reads '−7' as '27': the column no longer adds up, nor does the
    # row's change; every cell of both checks is flagged and Granska lists them.
    cells, review = _checked(
        tmp_path,
        profiles,
        "Antal ärenden per verksamhet",
        [
            ("Verksamhet", "2022", "2023", "Förändring"),
            ("Bygglov", "412", "448", "+36"),
            ("Förhandsbesked", "38", "31", "27"),
            ("Strandskydd", "19", "24", "+5"),
            ("Summa", "469", "503", "+34"),
        ],
    )
    assert cells["Förhandsbesked", "Förändring"] == ("27", "stämmer inte")
    assert cells["Förhandsbesked", "2023"] == ("31", "stämmer inte")  # in the failed change
    assert cells["Summa", "Förändring"] == ("+34", "stämmer inte")
    assert cells["Bygglov", "Förändring"] == ("+36", "stämmer inte")  # a part of the sum
    assert cells["Summa", "2023"] == ("503", "stämmer")  # the other columns hold
    assert cells["Bygglov", "2023"] == ("448", "stämmer")
    reasons = {(r.row, r.reason) for r in review}
    key = "Antal ärenden per verksamhet / Förhandsbesked / Förändring"
    assert (key, "summan stämmer inte; förändringen stämmer inte") in reasons
    assert (
        "Antal ärenden per verksamhet / Strandskydd / 2023",
        "förändringen stämmer inte",
    ) not in (reasons)
    assert all(r.table == "tabeller" and r.page == 2 for r in review)


def test_shares_and_means_are_not_summed(tmp_path, profiles) -> None:
    # A column in per cent (the share of applications granted) and an index (a mean) do not
    # add up: neither is checked, and nothing is flagged.
    cells, review = _checked(
        tmp_path,
        profiles,
        "Inkomna ärenden per typ",
        [
            ("Ärendetyp", "Antal", "Beviljade", "Nöjd kund-index"),
            ("Bygglov", "412", "92 %", "71"),
            ("Förhandsbesked", "413", "88 %", "68"),
            ("Strandskydd", "414", "95 %", "74"),
            ("Totalt", "1 239", "91 %", "71"),
        ],
    )
    assert cells["Totalt", "Antal"] == ("1 239", "stämmer")
    for row in ("Bygglov", "Totalt"):
        assert cells[row, "Beviljade"][1] == cells[row, "Nöjd kund-index"][1] == "ej kontrollerad"
    assert not review


def test_a_group_sums_its_own_rows_and_the_total_all(tmp_path, profiles) -> None:
    # 'Summa grundskola' adds up the rows of its group, not the Fritidshem rows above them;
    # 'Totalt' adds up all rows.
    cells, review = _checked(
        tmp_path,
        profiles,
        "Antal barn och elever",
        [
            ("Verksamhet", "2022", "2023"),
            ("Förskola", "", ""),
            ("Kommunal förskola", "2 412", "2 455"),
            ("Fristående förskola", "318", "301"),
            ("Summa förskola", "2 730", "2 756"),
            ("Fritidshem", "", ""),  # a group without a sum of its own
            ("Kommunal fritidshem", "1 210", "1 198"),
            ("Fristående fritidshem", "95", "102"),
            ("Grundskola", "", ""),
            ("Kommunal grundskola", "5 120", "5 207"),
            ("Fristående grundskola", "640", "655"),
            ("Summa grundskola", "5 760", "5 862"),
            ("Totalt", "9 795", "9 918"),
        ],
    )
    assert {check for _, check in cells.values()} == {"stämmer"}
    assert not review


def test_a_note_mark_written_as_a_superscript_glyph_is_no_part_of_the_label(
    tmp_path, profiles
) -> None:
    # Word's AutoCorrect and OCR both write the mark as the glyph itself ('Chatt¹'), part of
    # the label's word: left out all the same, but not a unit's power ('Lokalyta, m²').
    from reportlab.pdfgen.canvas import Canvas

    from extract.pipeline import extract_file

    pdf = tmp_path / "glyph.pdf"
    canvas = Canvas(str(pdf))
    canvas.setFont("Helvetica-Bold", 12)
    canvas.drawString(50, 780, "Borgholms kommun – Kvalitetsredovisning 2023")
    canvas.drawString(50, 740, "Tabell 2. Kontakter per kanal")
    rows = [("Kanal", "2022", "2023¹"), ("Telefon", "18 400", "17 950")]
    rows += [("Chatt¹", "1 210", "2 045"), ("Besök*", "3 300", "3 120")]
    rows += [("Lokalyta, m²", "4 100", "4 100")]
    canvas.setFont("Helvetica", 10)
    for n, (label, *cells) in enumerate(rows):
        y = 715 - 15 * n
        canvas.drawString(52, y, label)
        for cell, x in zip(cells, (320, 400), strict=True):
            canvas.drawRightString(x, y, cell)
    canvas.drawString(52, 620, "¹ Chatten infördes i mars 2022.")
    canvas.save()
    result = extract_file(pdf, profiles)
    cells = {(r.row, r.column_label, r.period) for r in result.rows["tabeller"]}
    assert ("Chatt", "2023", "2023") in cells
    assert ("Besök", "2022", "2022") in cells
    assert ("Lokalyta, m²", "2022", "2022") in cells
    assert len(cells) == 8


def test_a_label_set_flush_over_its_own_column_spans_no_more(tmp_path) -> None:
    # 'Resultat Bjuv' centred over two year columns spans them; 'Snitt riket' set flush right
    # over its own year names that column only, not the text column beside it.
    from reportlab.pdfgen.canvas import Canvas

    pdf = tmp_path / "flush.pdf"
    canvas = Canvas(str(pdf))
    canvas.setFont("Times-Bold", 11)
    canvas.drawString(60, 760, "Tabell 5. Nationella prov i årskurs 6")
    canvas.setFont("Times-Roman", 10.5)
    canvas.drawCentredString(250, 736, "Resultat Bjuv")
    canvas.drawRightString(375, 736, "Snitt riket")
    header = [("2018", 250), ("2019", 308), ("2019", 375)]
    rows = [
        ("Svenska", ["93 %", "95 %", "94 %"], "I nivå med snittet"),
        ("Engelska", ["95 %", "96 %", "93 %"], "Bättre än snittet"),
        ("Matematik", ["87 %", "90 %", "89 %"], "I nivå med snittet"),
    ]
    canvas.drawString(70, 718, "Ämne")
    for text, x in header:
        canvas.drawRightString(x, 718, text)
    canvas.drawString(382, 718, "Jämfört med riket")
    for n, (label, cells, verdict) in enumerate(rows):
        y = 700 - 16 * n
        canvas.drawString(70, y, label)
        for cell, (_, x) in zip(cells, header, strict=True):
            canvas.drawRightString(x, y, cell)
        canvas.drawString(382, y, verdict)
    canvas.save()
    (table,) = read_page(load_pages(pdf, [1])[1], set())
    assert table.columns == (
        "Resultat Bjuv 2018",
        "Resultat Bjuv 2019",
        "Snitt riket 2019",
        "Jämfört med riket",
    )


def _draw_rows(canvas, rows, left: float, rights: tuple[float, ...], top: float, pitch: float):
    """Rows of a label at `left` and cells set flush right at `rights`, `pitch` apart."""
    for n, (label, *cells) in enumerate(rows):
        canvas.drawString(left, top - pitch * n, label)
        for cell, x in zip(cells, rights, strict=True):
            canvas.drawRightString(x, top - pitch * n, cell)


def _draw_lines(canvas, lines, left: float, top: float, pitch: float):
    for n, text in enumerate(lines):
        canvas.drawString(left, top - pitch * n, text)


def test_a_headerless_table_goes_on_from_the_table_that_stood_where_it_stands(
    tmp_path, profiles
) -> None:
    # A dashboard page: a goals table at the left and a cost table at the right, the goals
    # table going on at the top left of the next page without its header. Its cells take
    # the goals table's columns, not those of the cost table that was read last.
    from reportlab.pdfgen.canvas import Canvas

    from extract.pipeline import extract_file

    pdf = tmp_path / "dashboard.pdf"
    canvas = Canvas(str(pdf), pagesize=(842, 595))
    canvas.setFont("Helvetica-Bold", 11)
    canvas.drawString(40, 560, "Ljusdals kommun – Kvalitetsredovisning 2021")
    canvas.drawString(40, 520, "Uppföljning av målen 2021")
    canvas.drawString(460, 520, "Kostnader 2021, tkr")
    canvas.setFont("Helvetica", 9)
    goals = [
        ("Indikator", "Mål 2021", "Utfall 2021"),
        ("Andel nöjda brukare", "90 %", "88 %"),
        ("Väntetid i dagar", "45", "52"),
        ("Andel med genomförandeplan", "100 %", "93 %"),
    ]
    costs = [
        ("Verksamhet", "Budget", "Utfall", "Avvikelse"),
        ("Hemtjänst", "118 450", "117 930", "+ 520"),
        ("Särskilt boende", "176 300", "178 110", "-1 810"),
        ("Summa", "294 750", "296 040", "-1 290"),
    ]
    _draw_rows(canvas, goals, 40, (300, 380), 500, 16)
    _draw_rows(canvas, costs, 460, (640, 710, 790), 500, 16)
    canvas.showPage()
    canvas.setFont("Helvetica-Bold", 11)
    canvas.drawString(40, 560, "Ljusdals kommun – Kvalitetsredovisning 2021")
    canvas.setFont("Helvetica", 9)
    more = [("Andel heltidsanställda", "80 %", "83 %"), ("Sjukfrånvaro", "8,0 %", "9,1 %")]
    _draw_rows(canvas, more, 40, (300, 380), 520, 16)
    canvas.setFont("Helvetica", 10)
    lines = [
        "Nämnden bedömer att arbetet med heltid som norm har gett resultat under året,",
        "men sjukfrånvaron har ökat och följs upp särskilt i alla verksamheter under",
        "det kommande året tillsammans med företagshälsovården.",
    ]
    _draw_lines(canvas, lines, 460, 520, 14)
    canvas.save()
    result = extract_file(pdf, profiles)
    cells = {(r.page, r.title, r.row, r.column_label) for r in result.rows["tabeller"]}
    assert (2, "Uppföljning av målen 2021", "Sjukfrånvaro", "Utfall 2021") in cells
    assert (2, "Uppföljning av målen 2021", "Andel heltidsanställda", "Mål 2021") in cells


def test_a_short_paragraph_beside_a_table_ends_in_a_line_of_one_word(tmp_path) -> None:
    # Two lines of running text and a last line of one word beside a table: a paragraph all
    # the same, so the table is read apart from it and its words stay out of the header.
    from reportlab.pdfgen.canvas import Canvas

    pdf = tmp_path / "short.pdf"
    canvas = Canvas(str(pdf), pagesize=(842, 595))
    canvas.setFont("Helvetica", 9)
    rows = [("Budgetavvikelse, tkr", "0", "+ 1 240"), ("Kostnad per timme", "540 kr", "547 kr")]
    rows += [("Andel inhyrd personal", "1,0 %", "0,6 %")]
    _draw_rows(canvas, rows, 40, (300, 380), 520, 20)
    canvas.setFont("Helvetica", 10)
    lines = [
        "Arbetet i de nationella kvalitetsregistren har utvecklats under året och",
        "andelen brukare med en aktuell riskbedömning är hög, medan arbetet med",
        "förstärkas.",
    ]
    _draw_lines(canvas, lines, 460, 527, 13)
    canvas.save()
    tables = [t for t in read_page(load_pages(pdf, [1])[1], set()) if t.rows]
    assert [row[1:] for table in tables[:1] for row in table.rows] == [
        ("Budgetavvikelse, tkr", ("0", "+ 1 240")),
        ("Kostnad per timme", ("540 kr", "547 kr")),
        ("Andel inhyrd personal", ("1,0 %", "0,6 %")),
    ]
    assert not any("förstärkas" in column for t in tables for column in t.columns)


def test_a_headerless_table_goes_on_from_the_last_table_when_tables_are_stacked(
    tmp_path, profiles
) -> None:
    # Two tables one under the other, their labels a few points apart (OCR or an indent):
    # the rows at the top of the next page go on from the last, not from the one whose edge
    # happens to lie nearer.
    from reportlab.pdfgen.canvas import Canvas

    from extract.pipeline import extract_file

    pdf = tmp_path / "stacked.pdf"
    canvas = Canvas(str(pdf))
    canvas.setFont("Helvetica-Bold", 11)
    canvas.drawString(40, 800, "Orsa kommun – Kvalitetsredovisning 2022")
    canvas.drawString(40, 760, "Besök")
    canvas.drawString(46, 660, "Medarbetarenkät")
    canvas.setFont("Helvetica", 9)
    _draw_rows(
        canvas, [("", "2021", "2022"), ("Bibliotek", "41 200", "43 870")], 40, (300, 380), 740, 16
    )
    _draw_rows(canvas, [("Badhus", "88 100", "91 500")], 40, (300, 380), 708, 16)
    staff = [("", "Kommunen", "Sektorn", "Förändring"), ("Motivation", "80", "83", "+3")]
    staff += [("Ledarskap", "77", "79", "+2")]
    _draw_rows(canvas, staff, 46, (300, 380, 460), 640, 16)
    canvas.showPage()
    canvas.setFont("Helvetica-Bold", 11)
    canvas.drawString(40, 800, "Orsa kommun – Kvalitetsredovisning 2022")
    canvas.setFont("Helvetica", 9)
    _draw_rows(
        canvas,
        [("eNPS", "+8", "+12", "+4"), ("Trivsel", "3,2", "3,4", "+0,2")],
        40,
        (300, 380, 460),
        760,
        16,
    )
    canvas.save()
    result = extract_file(pdf, profiles)
    cells = {(r.page, r.title, r.row, r.column_label) for r in result.rows["tabeller"]}
    assert (2, "Medarbetarenkät", "eNPS", "Sektorn") in cells
    assert (2, "Medarbetarenkät", "Trivsel", "Förändring") in cells


def test_a_caption_saying_the_table_goes_on_takes_the_first_parts_title(tmp_path, profiles) -> None:
    # 'Tabell 7 (forts.)' over the rows on the next page names no table of its own.
    from reportlab.pdfgen.canvas import Canvas

    pdf = tmp_path / "forts.pdf"
    canvas = Canvas(str(pdf))
    header = [("Verksamhet", "Budget", "Utfall")]
    for page, (caption, rows) in enumerate(
        [
            (
                "Tabell 7. Investeringar, tkr",
                [
                    ("Skolor", "12 400", "11 980"),
                    ("Förskolor", "6 300", "6 710"),
                    ("Idrott", "2 450", "2 380"),
                ],
            ),
            (
                "Tabell 7 (forts.)",
                [
                    ("Gator", "8 100", "8 540"),
                    ("Parker", "1 200", "990"),
                    ("Hamnen", "3 800", "4 020"),
                ],
            ),
        ]
    ):
        canvas.setFont("Helvetica-Bold", 11)
        canvas.drawString(40, 760 if page == 0 else 780, caption)
        canvas.setFont("Helvetica", 9)
        top = 740 if page == 0 else 762
        _draw_rows(canvas, header + rows, 40, (300, 380), top, 16)
        canvas.showPage()
    canvas.save()
    result = read(_context(load_pages(pdf, [1, 2])), profiles)
    titles = {(r.page, r.row): r.title for r in result.rows["tabeller"]}
    assert titles[2, "Gator"] == "Tabell 7. Investeringar, tkr"
