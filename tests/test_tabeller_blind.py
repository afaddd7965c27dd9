"""Regression tests for table layouts first seen in blind sets of WeasyPrint, FOP, pdfmake,
XeLaTeX, ConTeXt and Qt reports: each page is drawn with reportlab and read back as a PDF."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from extract import table_checks
from extract.context import DocumentContext
from extract.page import Page
from extract.pipeline import extract_file
from extract.read_pdf import load_pages
from extract.tabeller import read, read_page
from extract.values import parse_value

# (x, top, text, size) and, optionally, "r" (set flush right at x), "b" (bold), "d" (a plain
# face drawn twice 0.3 points apart: fake bold)
Item = tuple


def _draw(canvas: Canvas, items: list[Item]) -> None:
    """Items drawn on the canvas's page, each line's baseline `top` points from its top."""
    for x, top, text, size, *style in items:
        canvas.setFont("Helvetica-Bold" if "b" in "".join(style) else "Helvetica", size)
        draw = canvas.drawRightString if "r" in "".join(style) else canvas.drawString
        draw(x, 842 - top, text)
        if "d" in "".join(style):
            draw(x + 0.3, 842 - top, text)


def _pdf(path: Path, items: list[Item]) -> Page:
    """An A4 page drawn from items, the page read back."""
    canvas = Canvas(str(path))
    _draw(canvas, items)
    canvas.save()
    return load_pages(path, [1])[1]


def _report(path: Path, *pages: list[Item]) -> Path:
    """A report of A4 pages, each drawn from its items."""
    canvas = Canvas(str(path))
    for items in pages:
        _draw(canvas, items)
        canvas.showPage()
    canvas.save()
    return path


def _header(top: float, labels: tuple[str, ...], xs: tuple[float, ...]) -> list[Item]:
    """A header line of bold labels at 9 points, each set right at its x."""
    return [(x, top, label, 9, "rb") for x, label in zip(xs, labels, strict=True)]


def _rows(
    top: float, rows: list[tuple[str, ...]], x: float, xs: tuple[float, ...], pitch: float = 14
) -> list[Item]:
    """Table rows at 9 points, `pitch` apart: a label at x, its cells set right at xs (a
    group's name alone on its line has none)."""
    items: list[Item] = []
    for n, (label, *cells) in enumerate(rows):
        items += [(x, top + pitch * n, label, 9)] if label else []
        items += [
            (right, top + pitch * n, cell, 9, "r")
            for right, cell in zip(xs if cells else (), cells, strict=True)
        ]
    return items


def _spread(x: float, top: float, text: str, width: float, size: float = 10) -> list[Item]:
    """A line of justified prose: its words spread over `width`, every space stretched alike."""
    words = text.split()
    space = (width - sum(stringWidth(w, "Helvetica", size) for w in words)) / (len(words) - 1)
    items: list[Item] = []
    for word in words:
        items.append((x, top, word, size))
        x += stringWidth(word, "Helvetica", size) + space
    return items


def _cells(tables) -> list[tuple[str, tuple[str, ...]]]:
    return [row[1:] for table in tables for row in table.rows]


def test_a_heading_set_larger_than_the_rows_ends_the_table_above_it(tmp_path) -> None:
    # A table at the top of a page, then the next section's heading at 14 points over its own
    # table: the heading, a label alone on its line, names no group of the rows above; it
    # heads the next table.
    items = [(300, 60, "2022", 9, "r"), (370, 60, "2023", 9, "r")]
    rows = [("Bygglov", "412", "448"), ("Förhandsbesked", "38", "31"), ("Strandskydd", "19", "24")]
    items += _rows(74, rows, 60, (300, 370))
    items.append((60, 120, "Miljö- och hälsoskydd", 14, "b"))
    items += _rows(138, [("Tillsyn", "Planerat", "Utfört")], 60, (300, 370))
    rows = [("Livsmedel", "240", "212"), ("Miljöfarlig verksamhet", "85", "91")]
    items += _rows(152, rows, 60, (300, 370))
    tables = read_page(_pdf(tmp_path / "rubrik.pdf", items), set())
    assert [(t.title, t.columns, len(t.rows)) for t in tables] == [
        ("", ("2022", "2023"), 3),
        ("Miljö- och hälsoskydd", ("Planerat", "Utfört"), 2),
    ]


def test_justified_prose_right_under_a_table_wraps_no_cells(tmp_path) -> None:
    # Justified prose a row's pitch under the last row, every space stretched past a cell
    # gap: each word a chunk, like a label and the wrapped text of short cells. Its words
    # are no cells of 'Utbetalt, tkr'.
    items = [(60, 60, "Tabell 2. Ekonomiskt bistånd", 11, "b")]
    rows = [
        ("", "2022", "2023", "Förändring"),
        ("Hushåll", "412", "448", "+36"),
        ("Barnhushåll", "138", "131", "-7"),
        ("Utbetalt, tkr", "21 950", "24 310", "+2 360"),
    ]
    items += _rows(80, rows, 60, (330, 420, 510))
    prose = [
        "Kostnaden för ekonomiskt bistånd har ökat under året efter",
        "flera år av minskning och nämnden bedömer att ökningen beror",
        "på att fler hushåll har haft svårt att klara de höjda priserna",
    ]
    for n, line in enumerate(prose):
        items += _spread(60, 136 + 12 * n, line, 450)
    items.append((60, 172, "på livsmedel och el under hösten.", 10))
    (table,) = read_page(_pdf(tmp_path / "bistand.pdf", items), set())
    assert table.columns == ("2022", "2023", "Förändring")
    assert table.rows[-1][1:] == ("Utbetalt, tkr", ("21 950", "24 310", "+2 360"))


def _text_and_narrow_table(lead, prose, tail: str, caption: str, rows, left: float) -> list:
    """Two lead lines, a paragraph justified to x 418 and its last line, and beside the
    paragraph a narrow table from x `left` to the margin under its caption."""
    items = [(50, 80, lead[0], 10), (50, 93, lead[1], 10)]
    for n, line in enumerate(prose):
        items += _spread(50, 115 + 13 * n, line, 368)
    items.append((50, 180, tail, 10))
    items.append((left, 115, caption, 9, "b"))
    return items + _rows(128, rows, left, (530, 570), pitch=13)


def test_a_narrow_table_right_of_a_text_column_is_read_apart_from_it(tmp_path) -> None:
    # A text column to x 418 and a table from 445 to the margin: the gutter between them lies
    # at 0.72 of the page's width, outside 0.3-0.7 where a gutter used to be looked for. The
    # rows are no continuation of the text's lines.
    prose = [
        "Sjukfrånvaron har minskat något jämfört med föregående år men ligger",
        "fortfarande över målet på sex procent och är högst inom vård och omsorg",
        "där andelen långa sjukskrivningar har ökat under hösten. En handlingsplan",
        "har tagits fram tillsammans med företagshälsovården och de fackliga",
        "organisationerna och under våren erbjuds alla chefer en utbildning i",
    ]
    lead = (
        "Personalen är kommunens viktigaste resurs och arbetet med",
        "kompetensförsörjning har fortsatt i alla förvaltningar under året.",
    )
    tail = "rehabilitering och tidiga insatser vid upprepad korttidsfrånvaro."
    rows = [
        ("", "2022", "2023"),
        ("Anställda", "1 412", "1 431"),
        ("Årsarbetare", "1 288", "1 302"),
        ("Sjukfrånvaro", "7,4 %", "6,9 %"),
        ("Avgångar", "11 %", "9 %"),
    ]
    items = _text_and_narrow_table(lead, prose, tail, "Tabell 3. Personal", rows, 445)
    items.append((50, 200, "Under nästa år ska chefernas förutsättningar att leda förbättras.", 10))
    (table,) = [t for t in read_page(_pdf(tmp_path / "personal.pdf", items), set()) if t.rows]
    assert table.title == "Tabell 3. Personal"
    assert table.columns == ("2022", "2023")
    assert _cells([table]) == [
        ("Anställda", ("1 412", "1 431")),
        ("Årsarbetare", ("1 288", "1 302")),
        ("Sjukfrånvaro", ("7,4 %", "6,9 %")),
        ("Avgångar", ("11 %", "9 %")),
    ]


def test_a_small_table_beside_text_at_other_heights_under_a_full_width_table(tmp_path) -> None:
    # Under a full-width table whose columns the gutter cuts, a paragraph at 15 points'
    # leading beside a small table at 14: their lines seldom share a height, so the caption,
    # header and first rows stand on lines of their own beside the text's first lines. They
    # are the small table's, not the full-width table's.
    items = [(50, 70, "Tabell 1. Besök per bibliotek", 10, "b")]
    rows = [
        ("Bibliotek", "2021", "2022", "Förändring", "Mål 2023"),
        ("Huvudbiblioteket", "41 200", "48 000", "+6 800", "50 000"),
        ("Filialen i Norrby", "9 100", "9 800", "+700", "10 000"),
        ("Bokbussen", "3 400", "3 150", "-250", "3 500"),
    ]
    items += _rows(86, rows, 50, (200, 280, 380, 470))
    prose = [
        "Besöken ökade under våren och ligger",
        "nu något över snittet för länet där de",
        "yngre låntagarna står för en allt större",
        "del medan ljudböckerna lånas mer än",
        "förut sedan den nya tjänsten infördes",
        "och personalen har arbetat med läsning",
        "för de minsta barnen tillsammans med",
        "flera förskolor i kommunens alla delar.",
    ]
    items += [(50, 170 + 15 * n, line, 10) for n, line in enumerate(prose)]
    items.append((320, 163, "Tabell 2. Utlån per invånare", 9, "b"))
    rows = [("År", "Hörby", "Riket"), ("2019", "5,1", "6,0"), ("2020", "4,6", "5,4")]
    rows += [("2021", "4,9", "5,6"), ("2022", "5,3", "5,8"), ("2023", "5,6", "5,9")]
    items += _rows(177, rows, 320, (470, 540))
    tables = read_page(_pdf(tmp_path / "bibliotek.pdf", items), set())
    assert [(t.title, t.columns) for t in tables] == [
        ("Tabell 1. Besök per bibliotek", ("2021", "2022", "Förändring", "Mål 2023")),
        ("Tabell 2. Utlån per invånare", ("Hörby", "Riket")),
    ]
    assert [label for _, label, _ in tables[1].rows] == ["2019", "2020", "2021", "2022", "2023"]


def _staff_beside(prose: list[str], caption: str) -> list:
    """A paragraph from x 50 and, beside it from x 320, a staff table under its caption."""
    items = [(50, 120 + 14 * n, line, 10) for n, line in enumerate(prose)]
    items.append((320, 120, caption, 9, "b"))
    rows = [("", "2022", "2023"), ("Anställda", "612", "648"), ("Årsarbetare", "571", "590")]
    rows += [("Timavlönade", "88", "74"), ("Sjukfrånvaro", "7,4 %", "6,9 %")]
    return items + _rows(134, rows, 320, (470, 540))


def test_a_note_under_a_narrow_table_beside_text_cuts_no_row(tmp_path) -> None:
    # '1 Omräknat till heltidstjänster.' shares its line with the paragraph beside the table:
    # a figure right of the gutter after words left of it, as a row cut by the gutter has,
    # but a note's mark before a sentence. The table beside the text is read whole.
    prose = [
        "Antalet anställda har ökat något under",
        "året, främst inom förskolan och inom",
        "hemtjänsten, där flera nya grupper har",
        "startats. Personalomsättningen är lägre",
        "än tidigare år och de flesta som slutar",
        "går i pension. Sjukfrånvaron minskar",
        "men ligger över målet för förvaltningen.",
    ]
    items = _staff_beside(prose, "Tabell 4. Anställda och sjukfrånvaro")
    items.append((320, 204, "1 Omräknat till heltidstjänster.", 8))
    items.append(
        (50, 240, "Under nästa år fortsätter arbetet med heltid som norm i alla delar.", 10)
    )
    (table,) = [t for t in read_page(_pdf(tmp_path / "not.pdf", items), set()) if t.rows]
    assert (table.title, table.columns) == (
        "Tabell 4. Anställda och sjukfrånvaro",
        ("2022", "2023"),
    )
    assert _cells([table]) == [
        ("Anställda", ("612", "648")),
        ("Årsarbetare", ("571", "590")),
        ("Timavlönade", ("88", "74")),
        ("Sjukfrånvaro", ("7,4 %", "6,9 %")),
    ]


def test_a_column_of_repeated_verdicts_before_a_figure_column_is_no_second_table(
    tmp_path,
) -> None:
    # A text column set left ('I nivå med snittet') after the figures, then the nation's
    # figure: the gap before the verdicts runs down the whole table, and 'Jämfört med riket'
    # starts its header there as a caption would. Verdicts repeat where row labels would not:
    # one table.
    items = [(50, 80, "Tabell 6. Nyckeltal för grundskolan", 11, "b")]
    header = [("Nyckeltal", 50, ""), ("2022", 270, "r"), ("2023", 330, "r")]
    header += [("Jämfört med riket", 360, ""), ("Riket 2023", 540, "r")]
    items += [(x, 100, text, 9, "b" + how) for text, x, how in header]
    rows = [
        ("Meritvärde åk 9", "221,4", "224,9", "I nivå med snittet", "223,8"),
        ("Behörighet gymnasiet, %", "84,2", "87,5", "Bättre än snittet", "84,3"),
        ("Elever per lärare", "12,1", "11,8", "I nivå med snittet", "11,9"),
        ("Nöjdhet med skolan, %", "78", "81", "Bättre än snittet", "74"),
        ("Kostnad per elev, tkr", "118", "121", "I nivå med snittet", "120"),
    ]
    for n, (label, a, b, verdict, nation) in enumerate(rows):
        top = 114 + 14 * n
        items += [(50, top, label, 9), (270, top, a, 9, "r"), (330, top, b, 9, "r")]
        items += [(360, top, verdict, 9), (540, top, nation, 9, "r")]
    tables = read_page(_pdf(tmp_path / "nyckeltal.pdf", items), set())
    assert [t.columns for t in tables] == [("2022", "2023", "Jämfört med riket", "Riket 2023")]
    assert _cells(tables)[:2] == [
        ("Meritvärde åk 9", ("221,4", "224,9", "I nivå med snittet", "223,8")),
        ("Behörighet gymnasiet, %", ("84,2", "87,5", "Bättre än snittet", "84,3")),
    ]


def test_a_note_mark_raised_at_the_texts_own_size_is_no_part_of_the_label(tmp_path) -> None:
    # ConTeXt scales the mark's glyph, not the font: the '1' after 'E-tjänst' is reported at
    # the label's 9 points, yet raised 0.4 em. It refers to the note under the table.
    items = [(50, 80, "Tabell 2. Ärenden per kanal", 11, "b")]
    rows = [("Kanal", "2022", "2023"), ("Telefon", "41 200", "39 870")]
    rows += [("E-tjänst", "2 310", "4 985"), ("Besök", "3 915", "3 466")]
    items += _rows(100, rows, 52, (300, 360))
    items.append((52.4 + stringWidth("E-tjänst", "Helvetica", 9), 128 - 3.6, "1", 9))
    items.append((52, 170, "1 E-tjänsten öppnade i mars 2022.", 8))
    (table,) = read_page(_pdf(tmp_path / "context.pdf", items), set())
    assert [label for _, label, _ in table.rows] == ["Telefon", "E-tjänst", "Besök"]


def test_a_total_set_further_apart_than_rows_set_far_apart_is_kept(tmp_path) -> None:
    # Cells padded generously: rows 28 points apart, the total 35 below the last. The gap
    # is wider than a table's rows usually leave, not wider than these rows' own.
    items = [(50, 80, "Tabell 5. Investeringar per projekt, mnkr", 11, "b")]
    rows = [
        ("Projekt", "Budget", "Utfall"),
        ("Ny förskola i Väster", "42,0", "39,6"),
        ("Gång- och cykelväg", "8,5", "9,1"),
        ("Reningsverket", "15,0", "12,4"),
    ]
    items += _rows(104, rows, 52, (330, 420), pitch=28)
    items += [(52, 223, "Summa", 9, "b"), (330, 223, "65,5", 9, "rb"), (420, 223, "61,1", 9, "rb")]
    tables = read_page(_pdf(tmp_path / "luft.pdf", items), set())
    assert [(t.columns, len(t.rows)) for t in tables] == [(("Budget", "Utfall"), 4)]
    assert _cells(tables)[-1] == ("Summa", ("65,5", "61,1"))


def test_a_total_after_the_last_group_that_sums_every_group_is_in_none(tmp_path) -> None:
    # Group names and the total set alike, bold at the label edge, the rows not indented:
    # 'Totalt' is read into the last group, yet sums the rows of both groups, not its own.
    def values(*texts: str) -> list:
        return [parse_value(text) for text in texts]

    rows = [
        ("Hemtjänst", "Kvinnor", values("412", "431")),
        ("Hemtjänst", "Män", values("236", "248")),
        ("Särskilt boende", "Kvinnor", values("118", "121")),
        ("Särskilt boende", "Män", values("64", "70")),
        ("Särskilt boende", "Totalt", values("830", "870")),
    ]
    assert table_checks.grand_totals(("2022", "2023"), rows) == [4]
    # A group's own total sums its own rows: it stays in its group.
    own = [*rows[:4], ("Särskilt boende", "Totalt", values("182", "191"))]
    assert table_checks.grand_totals(("2022", "2023"), own) == []

    items = [(50, 80, "Tabell 3. Brukare per verksamhet och kön", 11, "b")]
    items += [(50, 100, "Verksamhet", 9, "b"), (330, 100, "2022", 9, "rb")]
    items.append((420, 100, "2023", 9, "rb"))
    lines = [("Hemtjänst",), ("Kvinnor", "412", "431"), ("Män", "236", "248")]
    lines += [("Särskilt boende",), ("Kvinnor", "118", "121"), ("Män", "64", "70")]
    lines.append(("Totalt", "830", "870"))
    items += _rows(114, lines, 50, (330, 420))
    page = _pdf(tmp_path / "brukare.pdf", items)
    document = DocumentContext(
        file_name="brukare.pdf",
        page_texts=[""],
        pages={1: page},
        furniture=set(),
        municipality=None,
        year=2023,
    )
    cells = read(document, []).rows["tabeller"]
    assert {(c.group, c.row) for c in cells} == {
        ("Hemtjänst", "Kvinnor"),
        ("Hemtjänst", "Män"),
        ("Särskilt boende", "Kvinnor"),
        ("Särskilt boende", "Män"),
        ("", "Totalt"),
    }


def test_labels_of_a_few_words_at_equal_gaps_are_a_header(tmp_path) -> None:
    # pdfmake sizes each column to its widest cell, its label: the labels, set left, stand
    # one padding apart, as evenly as justified prose. Each holds words of one cell, where
    # justification would stretch every space.
    labels = ["Typ av ärende", "Antal 2022", "Antal 2023", "Förändring"]
    xs = [60.0]
    for label in labels[:-1]:
        xs.append(xs[-1] + stringWidth(label, "Helvetica-Bold", 9) + 14)
    items = [
        (60, 60, "Bygg- och miljönämnden", 16, "b"),
        (60, 84, "Nämnden har under året tagit emot fler ärenden än tidigare.", 10),
        (60, 110, "Tabell 1. Inkomna ärenden", 10, "b"),
    ]
    items += [(x, 128, label, 9, "b") for x, label in zip(xs, labels, strict=True)]
    rows = [("Bygglov", "412", "448", "+36"), ("Förhandsbesked", "38", "31", "-7")]
    rows.append(("Strandskydd", "19", "24", "+5"))
    for n, cells in enumerate(rows):
        items += [(x, 142 + 14 * n, cell, 9) for x, cell in zip(xs, cells, strict=True)]
    tables = read_page(_pdf(tmp_path / "pdfmake.pdf", items), set())
    assert [(t.title, t.columns) for t in tables] == [
        ("Tabell 1. Inkomna ärenden", ("Antal 2022", "Antal 2023", "Förändring"))
    ]
    assert _cells(tables) == [
        ("Bygglov", ("412", "448", "+36")),
        ("Förhandsbesked", ("38", "31", "-7")),
        ("Strandskydd", ("19", "24", "+5")),
    ]


def _led(x: float, top: float, label: str, right: float, figure: str) -> list[Item]:
    """A row as a tab stop with dot leaders sets it: the label, dots up to the figure set
    right at `right`, and no space written between them (one word to pdfplumber)."""
    start = x + stringWidth(label, "Helvetica", 9)
    end = right - stringWidth(figure, "Helvetica", 9)
    dots = int((end - start) / stringWidth(".", "Helvetica", 9))
    return [(x, top, label + "." * dots, 9), (right, top, figure, 9, "r")]


def test_dot_leaders_part_a_label_from_its_figure(tmp_path) -> None:
    # A word processor's tab stop fills the room between a label and its figure with dots,
    # touching both: pdfplumber reads 'timmar.....118' as one word. The dots lead the eye
    # and are dropped; the label and the figure are words of their own. Three dots ending a
    # word ('m.m...') are the word's own.
    items = [(60, 60, "Tabell 3. Hemtjänst i ordinärt boende", 11, "b")]
    items += [(330, 80, "2023", 9, "r"), (420, 80, "2024", 9, "r")]
    rows = [
        ("Beviljade timmar", "131 870", "134 020"),
        ("Utförda timmar", "118 204", "121 500"),
        ("Brukare", "412", "431"),
    ]
    for n, (label, first, second) in enumerate(rows):
        items += _led(60, 94 + 14 * n, label, 330, first)
        items.append((420, 94 + 14 * n, second, 9, "r"))
    items.append((60, 150, "Till insatserna räknas städning, tvätt, inköp m.m...", 10))
    page = _pdf(tmp_path / "ledare.pdf", items)
    texts = [w.text for w in page.words]
    start = texts.index("Beviljade")
    assert texts[start : start + 5] == ["Beviljade", "timmar", "131", "870", "134"]
    assert not any("...." in text for text in texts)
    assert "m.m..." in texts
    (table,) = read_page(page, set())
    assert table.columns == ("2023", "2024")
    assert _cells([table]) == [
        ("Beviljade timmar", ("131 870", "134 020")),
        ("Utförda timmar", ("118 204", "121 500")),
        ("Brukare", ("412", "431")),
    ]


def test_a_group_name_under_the_header_of_a_table_stacked_under_another(tmp_path) -> None:
    # A second table right under the first, over the same columns: its upper header line
    # ('Utfall | Budget | Utfall') stands a little apart from the first table's last row,
    # like text wrapped from its cells. Under its lower line ('Verksamhet | 2023 | 2024 …')
    # a group's name comes before the first row. The lines from the upper one down are the
    # second table's header, none of them the first table's.
    xs = (330, 400, 470, 540)
    items = [(60, 60, "Tabell 4. Nettokostnad per nämnd, mnkr", 10, "b")]
    items.append((60, 80, "Nämnd", 9, "b"))
    years = ("2021", "2022", "2023", "2024")
    items += _header(80, years, xs)
    rows = [
        ("Barn- och utbildning", "790,2", "812,4", "846,1", "880,0"),
        ("Vård och omsorg", "640,8", "655,0", "690,3", "702,5"),
    ]
    items += _rows(94, rows, 60, xs, pitch=13)
    upper = ("Utfall", "Budget", "Utfall")
    items += [(x, 124, text, 9, "rb") for x, text in zip(xs[:3], upper, strict=True)]
    items.append((60, 135, "Verksamhet", 9, "b"))
    lower = ("2023", "2024", "2024", "Avvikelse")
    items += [(x, 135, text, 9, "rb") for x, text in zip(xs, lower, strict=True)]
    rows = [
        ("Samhällsbyggnad",),
        ("Gator och vägar", "42,1", "44,0", "43,2", "0,8"),
        ("Parker", "8,4", "9,0", "8,1", "0,9"),
        ("Räddningstjänst", "61,5", "63,0", "64,2", "-1,2"),
    ]
    items += _rows(149, rows, 60, xs, pitch=13)
    first, second = read_page(_pdf(tmp_path / "staplade.pdf", items), set())
    assert first.columns == ("2021", "2022", "2023", "2024")
    assert _cells([first])[-1] == ("Vård och omsorg", ("640,8", "655,0", "690,3", "702,5"))
    assert second.columns == ("Utfall 2023", "Budget 2024", "Utfall 2024", "Avvikelse")
    assert second.rows[0] == ("Samhällsbyggnad", "Gator och vägar", ("42,1", "44,0", "43,2", "0,8"))


def test_first_lines_of_wrapped_labels_set_right_span_no_columns(tmp_path) -> None:
    # Labels set right, two of them wrapped ('Timmar per' / 'brukare', 'Förändring' /
    # 'brukare') beside one-line labels on the lower line: the upper line holds only the
    # wrapped labels' first lines, each right over its own second line. The lower labels
    # repeat ('brukare' twice), as under spanning labels, but none of these spans.
    xs = (230, 310, 390, 470)
    items = [(60, 60, "Tabell 2. Hemtjänst i siffror", 10, "b")]
    items += [(310, 80, "Timmar per", 9, "rb"), (470, 80, "Förändring", 9, "rb")]
    items.append((60, 91, "År", 9, "b"))
    lower = ("Brukare", "brukare", "Nöjdhet", "brukare")
    items += [(x, 91, text, 9, "rb") for x, text in zip(xs, lower, strict=True)]
    rows = [
        ("2021", "412", "286", "89 %", "+12"),
        ("2022", "431", "279", "91 %", "+19"),
        ("2023", "448", "291", "90 %", "+17"),
    ]
    items += _rows(105, rows, 60, xs, pitch=13)
    (table,) = read_page(_pdf(tmp_path / "brukare.pdf", items), set())
    assert table.columns == ("Brukare", "Timmar per brukare", "Nöjdhet", "Förändring brukare")
    assert [label for _, label, _ in table.rows] == ["2021", "2022", "2023"]


def test_a_narrow_table_a_few_points_from_the_text_beside_it_is_read_apart(tmp_path) -> None:
    # A spreadsheet sets the text and the table in cells side by side: the justified text
    # ends at x 418, the table's labels start 6 points on, wider than a word space but far
    # narrower than a gutter in a typeset page.
    prose = [
        "Skolans resultat har förbättrats under året och andelen elever som",
        "når kunskapskraven i alla ämnen är den högsta sedan mätningarna",
        "började. Förbättringen är störst i matematik där skolorna har infört",
        "gemensamma genomgångar och extra stöd för elever som behöver det",
        "och lärarna har fått tid för kollegialt lärande under hela läsåret",
    ]
    lead = (
        "Grundskolan har arbetat vidare med de prioriterade målen",
        "för läsförståelse och matematik i alla årskurser under året.",
    )
    tail = "Arbetet följs upp av huvudmannen varje termin med rektorerna."
    rows = [
        ("", "2022", "2023"),
        ("Meritvärde", "221", "226"),
        ("Behöriga", "84 %", "88 %"),
        ("Godkända", "76 %", "79 %"),
        ("Elever", "1 208", "1 236"),
    ]
    items = _text_and_narrow_table(lead, prose, tail, "Tabell 5. Resultat", rows, 424)
    tables = [t for t in read_page(_pdf(tmp_path / "kalkyl.pdf", items), set()) if t.rows]
    assert [(t.title, t.columns) for t in tables] == [("Tabell 5. Resultat", ("2022", "2023"))]
    assert _cells(tables) == [
        ("Meritvärde", ("221", "226")),
        ("Behöriga", ("84 %", "88 %")),
        ("Godkända", ("76 %", "79 %")),
        ("Elever", ("1 208", "1 236")),
    ]


def test_a_heading_under_a_table_beside_text_names_no_table(tmp_path) -> None:
    # Text beside a narrow table, then, under the table's last row, the next section's
    # heading and two lines of text on the text's side only. They belong to the rest of the
    # page, not to the text beside the table: there, the heading after running text with
    # no more than two lines under it looked like the caption of a table on the next page.
    prose = [
        "Antalet anställda har ökat något under",
        "året, främst inom förskolan och inom",
        "hemtjänsten, där flera nya grupper har",
        "startats. Personalomsättningen är lägre",
        "än tidigare år och de flesta som slutar",
        "går i pension. Sjukfrånvaron minskar.",
    ]
    items = _staff_beside(prose, "Tabell 6. Anställda och sjukfrånvaro")
    items.append((50, 222, "Kompetensförsörjning", 11, "b"))
    items.append((50, 238, "Rekryteringen av lärare och sjuksköterskor", 10))
    items.append((50, 252, "är fortsatt svår för alla förvaltningar.", 10))
    tables = read_page(_pdf(tmp_path / "rubrik_under.pdf", items), set())
    assert [(t.title, t.columns) for t in tables] == [
        ("Tabell 6. Anställda och sjukfrånvaro", ("2022", "2023"))
    ]


def test_justified_prose_whose_spaces_straddle_the_cell_gap_wraps_no_cells(tmp_path) -> None:
    # Justified prose right under a table, its spaces stretched to about the gap that parts
    # cells (6 points at 10 points) and a little uneven: some words stand alone, others in
    # pairs. Its spaces are still one width within a point, as justification sets them: no
    # text wrapped from the last row's cells.
    def uneven(top: float, text: str) -> list[Item]:
        items: list[Item] = []
        x = 60.0
        for n, word in enumerate(text.split()):
            items.append((x, top, word, 10))
            x += stringWidth(word, "Helvetica", 10) + (6.3 if n % 2 else 5.7)
        return items

    items = [(60, 60, "Tabell 7. Ekonomiskt bistånd", 11, "b")]
    rows = [
        ("", "2022", "2023", "Förändring"),
        ("Hushåll", "412", "448", "+36"),
        ("Barnhushåll", "138", "131", "-7"),
        ("Utbetalt, tkr", "21 950", "24 310", "+2 360"),
    ]
    items += _rows(80, rows, 60, (330, 420, 510))
    items += uneven(136, "Kostnaden för bistånd har ökat under året efter flera år")
    items += uneven(148, "av minskning och nämnden bedömer att ökningen beror på")
    items.append((60, 160, "att fler hushåll har haft svårt att klara de höjda priserna.", 10))
    (table,) = read_page(_pdf(tmp_path / "ojamn.pdf", items), set())
    assert table.columns == ("2022", "2023", "Förändring")
    assert _cells([table])[-1] == ("Utbetalt, tkr", ("21 950", "24 310", "+2 360"))


def test_a_caption_in_fake_bold_is_the_title_not_the_heading_above(tmp_path) -> None:
    # Qt and Word set a caption bold by drawing the plain face twice, a fraction of a point
    # apart: its words are bold all the same, so the caption right above the table names
    # it, not the larger section heading further up.
    items = [(60, 60, "Grundskola", 16, "b")]
    items.append((60, 84, "Antalet elever har ökat något under året i alla skolor.", 10))
    items.append((60, 110, "Elever per skola", 10, "d"))
    rows = [("Skola", "2022", "2023"), ("Norrskolan", "412", "431")]
    rows += [("Söderskolan", "288", "301"), ("Västskolan", "190", "204")]
    items += _rows(128, rows, 60, (330, 420))
    page = _pdf(tmp_path / "dubbeltryck.pdf", items)
    (table,) = read_page(page, set())
    assert (table.title, table.columns) == ("Elever per skola", ("2022", "2023"))
    assert [(w.text, w.bold) for w in page.words if w.top < 112 and w.bottom > 100] == [
        ("Elever", True),
        ("per", True),
        ("skola", True),
    ]


def test_a_note_mark_after_a_captions_last_word_is_no_part_of_the_title(tmp_path) -> None:
    # A '1' set small and raised after the caption refers to a note under the table: the
    # title is the caption's words alone.
    caption = "Tabell 8. Kostnad per elev"
    items = [(60, 60, "Grundskola", 16, "b"), (60, 110, caption, 10, "b")]
    items.append((60.5 + stringWidth(caption, "Helvetica-Bold", 10), 107, "1", 6))
    rows = [("Skola", "2022", "2023"), ("Norrskolan", "118", "121")]
    rows += [("Söderskolan", "124", "129"), ("Västskolan", "131", "127")]
    items += _rows(128, rows, 60, (330, 420))
    items.append((60, 200, "1 Kronor i tusental, lokaler inräknade.", 8))
    (table,) = read_page(_pdf(tmp_path / "notmarke.pdf", items), set())
    assert table.title == "Tabell 8. Kostnad per elev"


def test_a_full_width_tables_caption_under_a_section_in_two_columns(tmp_path) -> None:
    # A section in two text columns, then a table across the page: its caption and the
    # upper header line ('Flickor' and 'Pojkar', each over two columns) leave the columns'
    # gutter free and were parted with the paragraphs; the lower line's '2023' crosses it.
    # Set tight on the table, caption and both header lines are the table's.
    left = [
        "Skolans resultat har förbättrats under",
        "året och andelen elever som är behöriga",
        "till gymnasiet är den högsta på länge.",
        "Flickorna når fortfarande högre resultat",
    ]
    right = [
        "Skillnaden mellan flickor och pojkar har",
        "minskat något men är störst i svenska där",
        "skolorna nu arbetar med läsfrämjande",
        "insatser i alla årskurser under hösten",
    ]
    items = [(50, 60, "Resultat i grundskolan", 14, "b")]
    for n, (first, second) in enumerate(zip(left, right, strict=True)):
        items += _spread(50, 84 + 13 * n, first, 232) + _spread(308, 84 + 13 * n, second, 237)
    items += [(50, 136, "än pojkarna i nästan alla ämnen.", 10), (308, 136, "och vårterminen.", 10)]
    items.append((50, 170, "Tabell 6. Nyckeltal per kön", 10, "b"))
    items += [(50, 184, "Nyckeltal", 9, "b"), (250, 184, "Flickor", 9, "b")]
    items.append((424, 184, "Pojkar", 9, "b"))
    xs = (247, 305, 420, 478)  # '2023' at 288-305 crosses the gutter (282-308)
    years = ("2022", "2023", "2022", "2023")
    items += _header(195, years, xs)
    rows = [
        ("Meritvärde åk 9", "232,1", "236,4", "208,5", "211,0"),
        ("Behöriga till gymnasiet, %", "88,2", "90,1", "82,4", "84,7"),
        ("Godkända i alla ämnen, %", "79,5", "80,2", "71,3", "73,8"),
    ]
    items += _rows(209, rows, 50, xs, pitch=13)
    tables = read_page(_pdf(tmp_path / "spalter.pdf", items), set())
    assert [(t.title, t.columns) for t in tables] == [
        (
            "Tabell 6. Nyckeltal per kön",
            ("Flickor 2022", "Flickor 2023", "Pojkar 2022", "Pojkar 2023"),
        )
    ]
    assert _cells(tables)[0] == ("Meritvärde åk 9", ("232,1", "236,4", "208,5", "211,0"))


def test_a_caption_wrapped_in_a_narrow_column_is_the_whole_title(tmp_path) -> None:
    # A narrow table beside text: its bold caption wraps onto a second line right under the
    # first, set alike. Both lines name the table, not the second line alone.
    prose = [
        "Andelen elever som är behöriga till ett yrkesprogram",
        "har ökat för tredje året i rad och ligger nu över",
        "snittet för riket. Ökningen är störst bland pojkarna",
        "där skolorna har satsat på studiehandledning och",
        "extra undervisning i matematik under vårterminen",
        "och lovskolan har haft fler deltagare än tidigare",
    ]
    items = [(50, 80, "Skolans resultat har förbättrats i alla årskurser.", 10)]
    for n, line in enumerate(prose):
        items += _spread(50, 102 + 13 * n, line, 320)
    items.append((50, 180, "Arbetet fortsätter nästa läsår med samma inriktning.", 10))
    items.append((400, 102, "Tabell 5. Behörighet till gymnasiets", 9, "b"))
    items.append((400, 113, "yrkesprogram", 9, "b"))
    rows = [("", "2022", "2023"), ("Flickor", "88,4", "90,2"), ("Pojkar", "81,7", "85,3")]
    rows += [("Totalt", "84,9", "87,6"), ("Riket", "85,6", "86,1")]
    items += _rows(127, rows, 400, (510, 560), pitch=13)
    tables = [t for t in read_page(_pdf(tmp_path / "radbruten.pdf", items), set()) if t.rows]
    assert [(t.title, t.columns) for t in tables] == [
        ("Tabell 5. Behörighet till gymnasiets yrkesprogram", ("2022", "2023"))
    ]


def test_rows_set_evenly_far_apart_make_one_table(tmp_path) -> None:
    # Cells with generous padding: rows 32 points apart at 9 points, a gap of 2.5 lines, as
    # the header stands above the first. A row of dashes only, and a label wrapped onto a
    # line set tight under its first, keep the rows' even spacing: one table.
    xs = (330, 390, 450, 510)
    items = [(60, 60, "Tabell 4. Elever per program i gymnasieskolan", 11, "b")]
    items.append((60, 84, "Program", 9, "b"))
    years = ("2021", "2022", "2023", "2024")
    items += _header(84, years, xs)
    rows = [
        ("Ekonomiprogrammet", "212", "225", "231", "240"),
        ("Introduktionsprogram", "–", "–", "–", "–"),
        ("Naturvetenskaps- och", "148", "139", "152", "160"),
        ("Vård- och omsorgsprogrammet", "64", "71", "69", "75"),
        ("Teknikprogrammet", "97", "102", "99", "104"),
    ]
    items += _rows(116, rows, 60, xs, pitch=32)
    items.append((60, 190.5, "teknikprogrammet", 9))
    tables = read_page(_pdf(tmp_path / "luftig.pdf", items), set())
    assert [(t.title, t.columns) for t in tables] == [
        ("Tabell 4. Elever per program i gymnasieskolan", years)
    ]
    assert [label for _, label, _ in tables[0].rows] == [
        "Ekonomiprogrammet",
        "Introduktionsprogram",
        "Naturvetenskaps- och teknikprogrammet",
        "Vård- och omsorgsprogrammet",
        "Teknikprogrammet",
    ]
    assert tables[0].rows[1][2] == ("–", "–", "–", "–")


def test_a_tall_header_repeated_at_a_pages_top_names_the_columns(tmp_path, profiles) -> None:
    # The table runs on to page 2, which repeats its header at the top, under the running
    # header, in a bar of its own: the header text stands 50 points above the first row,
    # further than the rows (28 points apart) leave, yet it is the table's header.
    xs = (330, 410, 490)
    labels = ("Budget 2023", "Utfall 2023", "Avvikelse")

    def header(top: float) -> list[Item]:
        items = [(60, top, "Verksamhet", 9, "b")]
        return items + [(x, top, text, 9, "rb") for x, text in zip(xs, labels, strict=True)]

    running = (60, 36, "Ljusdals kommun – Årsredovisning 2023", 8)
    first = [running, (60, 80, "Ekonomisk uppföljning", 14, "b")]
    first.append((60, 104, "Nämnderna redovisar tillsammans ett underskott mot budget.", 10))
    first.append((60, 600, "Tabell 3. Nettokostnad per verksamhet, mnkr", 11, "b"))
    first += header(656)
    rows = [("Förskola", "212,4", "208,9", "3,5"), ("Grundskola", "398,0", "402,7", "-4,7")]
    first += _rows(680, rows, 60, xs, pitch=28)
    second = [running, *header(80)]
    rows = [
        ("Äldreomsorg", "512,6", "530,1", "-17,5"),
        ("Funktionsstöd", "188,3", "185,0", "3,3"),
        ("Kultur och fritid", "54,0", "52,7", "1,3"),
    ]
    second += _rows(130, rows, 60, xs, pitch=28)
    result = extract_file(_report(tmp_path / "stapel.pdf", first, second), profiles)
    cells = {(r.row, r.column_label) for r in result.rows["tabeller"] if r.page == 2}
    assert cells == {(label, column) for label, *_ in rows for column in labels}


def test_a_wrapped_name_is_no_broken_word(tmp_path) -> None:
    # 'Hammarsundsbadets' fills the label column to its edge and 'bastu' goes on in lower
    # case, as a word broken for want of room does; but the name is unknown and 'bastu' a
    # word of its own: two words. 'Tillgängligh' / 'et' is still one broken word.
    items = [(60, 60, "Tabell 7. Besök vid kommunens bad", 11, "b")]
    items += [(230, 80, "2022", 9, "r"), (290, 80, "2023", 9, "r")]
    rows = [("Simhallen", "41 200", "43 870"), ("Hammarsundsbadets", "3 120", "3 460")]
    items += [*_rows(94, rows, 60, (230, 290)), (60, 118.5, "bastu", 9)]
    items += _rows(132, [("Utebadet", "12 400", "9 870")], 60, (230, 290))
    items.append((60, 180, "Tabell 8. Samtal besvarade inom en minut, %", 11, "b"))
    items += [(180, 200, "2022", 9, "r"), (240, 200, "2023", 9, "r")]
    items += _rows(214, [("Telefon", "61", "66"), ("Tillgängligh", "72", "75")], 60, (180, 240))
    items.append((60, 238.5, "et", 9))
    items += _rows(252, [("E-post", "84", "88")], 60, (180, 240))
    tables = read_page(_pdf(tmp_path / "namn.pdf", items), set())
    assert [[label for _, label, _ in t.rows] for t in tables] == [
        ["Simhallen", "Hammarsundsbadets bastu", "Utebadet"],
        ["Telefon", "Tillgänglighet", "E-post"],
    ]


def test_a_running_header_over_a_table_beside_text_is_no_header_line(tmp_path, profiles) -> None:
    # The running header spans the page: its right half stands over a narrow table at the
    # page's top, beside the text. Parted with the page into text and table, that half was
    # no longer the repeated line and became the table's upper header line. It is left out
    # first: the columns are the years alone.
    running = [(50, 40, "Hudiksvalls kommun", 9)]
    running.append((545, 40, "Kvalitetsredovisning 2021 – Vård och omsorg", 9, "r"))
    first = [*running, (50, 80, "Inledning", 16, "b")]
    first.append((50, 110, "Nämnden ansvarar för äldreomsorg, funktionsstöd och hälso- och", 10))
    first.append((50, 124, "sjukvård i hela kommunen.", 10))
    prose = [
        "Antalet brukare i hemtjänsten har ökat under",
        "året och fler får nu insatser på kvällar och",
        "helger. Kontinuiteten har förbättrats sedan",
        "nya arbetsscheman infördes i alla områden",
        "men väntetiden till särskilt boende är fortsatt",
    ]
    second = list(running)
    for n, line in enumerate(prose):
        second += _spread(50, 58 + 14 * n, line, 290)
    second.append((50, 128, "längre än målet på tre månader för nämnden.", 10))
    rows = [("", "2020", "2021"), ("Brukare", "412", "437"), ("Timmar per brukare", "31", "33")]
    rows += [("Kontinuitet", "14", "12"), ("Väntetid, dagar", "96", "104")]
    second += _rows(58, rows, 360, (500, 545))
    result = extract_file(_report(tmp_path / "sidhuvud.pdf", first, second), profiles)
    cells = {(r.row, r.column_label) for r in result.rows["tabeller"] if r.page == 2}
    assert cells == {(label, year) for label, *_ in rows[1:] for year in ("2020", "2021")}


def _landscape(path: Path, items: list[Item]) -> Page:
    """A landscape A4 page drawn from items (tops from the page's top), the page read back."""
    canvas = Canvas(str(path), pagesize=(842, 595))
    canvas.translate(0, 595 - 842)
    _draw(canvas, items)
    canvas.save()
    return load_pages(path, [1])[1]


_GOAL_VERDICTS = frozenset(("uppfyllt", "delvis uppfyllt", "ej uppfyllt"))


def _goals_beside_economy(path: Path, goals: list[tuple[str, ...]]) -> list:
    """A dashboard page of a spreadsheet: left a table of goals, each row a long indicator,
    its target, its outcome and a verdict, under group names; right a heading, a paragraph
    of three lines and a small economy table. The tables read from the page."""
    xs = (360, 430, 490)
    items = [(60, 50, "Måluppfyllelse 2021", 14, "b"), (60, 80, "Indikator", 9, "b")]
    items += [(xs[0], 80, "Målvärde 2021", 9, "rb"), (xs[1], 80, "Utfall 2021", 9, "rb")]
    items.append((xs[2], 80, "Bedömning", 9, "b"))
    for n, (label, *cells) in enumerate(goals):
        top = 96 + 16 * n
        items.append((60, top, label, 9, "" if cells else "b"))
        if cells:
            items += [(xs[0], top, cells[0], 9, "r"), (xs[1], top, cells[1], 9, "r")]
            items.append((xs[2], top, cells[2], 9))
    items.append((620, 80, "Ekonomi", 12, "b"))
    prose = [
        "Nämnden redovisar ett överskott",
        "mot budget för året, främst inom",
        "vård och omsorg där kostnaderna",
    ]
    items += [(620, 98 + 13 * n, line, 10) for n, line in enumerate(prose)]
    rows = [("Mnkr", "Budget", "Utfall"), ("Intäkter", "112,4", "118,9")]
    rows += [("Kostnader", "-845,0", "-838,2"), ("Nettokostnad", "-732,6", "-719,3")]
    items += _rows(150, rows, 620, (730, 790))
    return read_page(_landscape(path, items), set(), _GOAL_VERDICTS)


_GOALS = [
    ("Verksamhet",),
    ("Andel elever som känner sig trygga i skolan, %", "90", "86", "Delvis uppfyllt"),
    ("Andel brukare som är nöjda med hemtjänsten, %", "85", "88", "Uppfyllt"),
    ("Antal dagar från ansökan till beslut om bistånd", "20", "27", "Ej uppfyllt"),
    ("Medarbetare",),
    ("Andel medarbetare som rekommenderar sin arbetsplats, %", "75", "71", "Delvis uppfyllt"),
    ("Sjukfrånvaro bland alla anställda i kommunen, %", "7,0", "7,6", "Ej uppfyllt"),
]


def test_two_tables_side_by_side_are_no_page_in_two_text_columns(tmp_path) -> None:
    # The goals' long indicators have five words or more, as lines of prose do, and beside
    # the paragraph on the right they made the page look set in two text columns, its gutter
    # in the widest gap near the middle: between 'Utfall 2021' and 'Bedömning', which lost
    # the verdicts. A row with two figures or more is no line of running text.
    tables = _goals_beside_economy(tmp_path / "styrkort.pdf", _GOALS)
    assert [(t.title, t.columns) for t in tables] == [
        ("Måluppfyllelse 2021", ("Målvärde 2021", "Utfall 2021", "Bedömning")),
        ("Ekonomi", ("Budget", "Utfall")),
    ]
    assert [(group, cells[-1]) for group, _, cells in tables[0].rows] == [
        ("Verksamhet", "Delvis uppfyllt"),
        ("Verksamhet", "Uppfyllt"),
        ("Verksamhet", "Ej uppfyllt"),
        ("Medarbetare", "Delvis uppfyllt"),
        ("Medarbetare", "Ej uppfyllt"),
    ]


def test_rows_of_figures_under_the_text_beside_a_table_stay_in_the_table(tmp_path) -> None:
    # The goals' long indicators outnumber the paragraph's lines, so the goals are the side
    # taken for text, and their last two rows, below the economy table beside them, were
    # trimmed off as lines under a paragraph and read apart, with no header. Rows of figures
    # are no such lines: the goals table keeps them.
    goals = [
        *_GOALS,
        ("Andel heltidsanställda av alla tillsvidareanställda, %", "80", "83", "Uppfyllt"),
        ("Antal anställda som har gått chefsutbildningen", "40", "36", "Delvis uppfyllt"),
    ]
    tables = _goals_beside_economy(tmp_path / "styrkort.pdf", goals)
    assert [label for _, label, _ in tables[0].rows] == [goal[0] for goal in goals if goal[1:]]
    assert [t.title for t in tables] == ["Måluppfyllelse 2021", "Ekonomi"]
    assert tables[0].rows[-2:] == (
        (
            "Medarbetare",
            "Andel heltidsanställda av alla tillsvidareanställda, %",
            ("80", "83", "Uppfyllt"),
        ),
        (
            "Medarbetare",
            "Antal anställda som har gått chefsutbildningen",
            ("40", "36", "Delvis uppfyllt"),
        ),
    )


def test_group_names_further_off_than_rows_set_far_apart_keep_the_table_whole(tmp_path) -> None:
    # Cells padded generously: rows 24 points apart, and a group's name 30 points under the
    # row above it, over 2.2 lines off, yet within what these rows leave between them. The
    # table went on no further than the first group; it is one table with both groups.
    xs = (330, 410)
    items = [(50, 80, "Tabell 2. Nyckeltal för nämndens verksamhet och personal", 11, "b")]
    items += [(50, 104, "Område", 9, "b"), (xs[0], 104, "2022", 9, "rb")]
    items.append((xs[1], 104, "2023", 9, "rb"))
    groups = {
        "Verksamhet": [
            ("Elever per lärare", "12,1", "11,8"),
            ("Kostnad per elev, tkr", "118", "121"),
            ("Nöjda vårdnadshavare, %", "84", "86"),
        ],
        "Medarbetare": [
            ("Årsarbetare", "612", "640"),
            ("Sjukfrånvaro, %", "7,4", "6,9"),
            ("Personalomsättning, %", "11", "9"),
        ],
    }
    top = 128
    for group, rows in groups.items():
        items += [(50, top, group, 9, "b"), *_rows(top + 24, rows, 50, xs, pitch=24)]
        top += 24 * len(rows) + 30
    tables = read_page(_pdf(tmp_path / "grupper.pdf", items), set())
    assert [(t.title, t.columns) for t in tables] == [
        ("Tabell 2. Nyckeltal för nämndens verksamhet och personal", ("2022", "2023"))
    ]
    assert [(group, label) for group, label, _ in tables[0].rows] == [
        (group, label) for group, rows in groups.items() for label, *_ in rows
    ]
