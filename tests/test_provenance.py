"""Every table's rows say where their words came from (`metod`) and how sure the reading is
(`säkerhet`); rows read unsurely are listed in Granska."""

from __future__ import annotations

from dataclasses import replace

from extract.page import Page, Source, Word
from extract.provenance import NOT_SWEDISH, joined_reasons, review, stamp
from extract.records import HANDLINGSPLAN, TABELLER, HandlingsplanRow, ReviewRow, TabellRow


def _page(source: Source, words: list[tuple[str, float]]) -> Page:
    return Page(
        number=3,
        width=595,
        height=842,
        words=tuple(
            Word(text, x0=10 + 40 * i, x1=40 + 40 * i, top=100, bottom=110, confidence=sure)
            for i, (text, sure) in enumerate(words)
        ),
        source=source,
    )


def _cell(**values: object) -> TabellRow:
    return TabellRow(
        municipality="Vara",  # from the title page, not this one: no part of the reading
        title="Besökare",
        row="Webbplatsen",
        column_label="2019",
        period="2019",
        value=1250.0,
        raw="1 250",
        file="vara.pdf",
        page=3,
        **values,
    )


def test_a_row_is_as_sure_as_its_least_sure_printed_word() -> None:
    page = _page(
        Source.OCR,
        [("Besökare", 0.96), ("Webbplatsen", 0.71), ("2019", 0.93), ("1", 0.9), ("250", 0.88)],
    )
    (row,) = stamp(TABELLER, [_cell()], {3: page})
    assert (row.method, row.confidence) == ("ocr", 0.71)
    (listed,) = review(TABELLER, [row])
    assert (listed.table, listed.page, listed.row) == (
        "tabeller",
        3,
        "Besökare / Webbplatsen / 2019",
    )
    assert "ocr" in listed.reason and "0.71" in listed.reason


def test_a_surely_read_row_is_not_listed() -> None:
    page = _page(Source.REPAIRED, [("Besökare", 0.95), ("Webbplatsen", 0.95), ("1", 1.0)])
    rows = stamp(TABELLER, [_cell()], {3: page})
    assert [(r.method, r.confidence) for r in rows] == [("reparerad", 0.95)]
    assert review(TABELLER, rows) == []


def test_a_row_its_reader_knows_unsure_stays_unsure() -> None:
    # A status read near a vocabulary term only ("Genomför"): its words were read surely.
    page = _page(Source.OCR, [("Besökare", 0.95), ("Webbplatsen", 0.95), ("1", 0.95)])
    (row,) = stamp(TABELLER, [_cell(confidence=0.6)], {3: page})
    assert (row.method, row.confidence) == ("ocr", 0.6)


def test_born_digital_rows_keep_text_and_full_confidence() -> None:
    page = _page(Source.TEXT, [("Besökare", 1.0)])
    row = HandlingsplanRow(goal="Trygg skola", activity="Rastvakter", file="a.pdf", page=3)
    assert stamp(HANDLINGSPLAN, [row], {3: page}) == [row]
    assert review(HANDLINGSPLAN, [row]) == []


def test_an_ocr_word_that_is_no_swedish_word_is_unsure() -> None:
    """Tesseract reads "Näringslivschef" as "Näringslivschet", surely: the row is listed."""
    words = [("Besökare", 0.96), ("Näringslivschet", 0.95), ("2019", 0.93), ("1", 0.9)]
    page = _page(Source.OCR, [*words, ("250", 0.9)])
    (row,) = stamp(TABELLER, [replace(_cell(), row="Näringslivschet")], {3: page})
    assert row.confidence == NOT_SWEDISH
    assert len(review(TABELLER, [row])) == 1
    # A word the dictionary knows, and an abbreviation, are as sure as Tesseract says.
    page = _page(Source.OCR, [("Besökare", 0.96), ("SCB", 0.9), ("2019", 0.93), ("250", 0.9)])
    (row,) = stamp(TABELLER, [replace(_cell(), row="SCB", raw="250")], {3: page})
    assert row.confidence == 0.9


def test_an_ocr_word_with_a_capital_after_a_small_letter_is_unsure() -> None:
    """Tesseract reads "eller" as "eHer", surely; the word list has "eher" (German) in small
    letters, but no Swedish word is spelled with a capital inside it."""
    page = _page(Source.OCR, [("Besökare", 0.96), ("eHer", 0.95), ("2019", 0.93), ("250", 0.9)])
    (row,) = stamp(TABELLER, [replace(_cell(), row="eHer", raw="250")], {3: page})
    assert row.confidence == NOT_SWEDISH
    assert len(review(TABELLER, [row])) == 1


def test_a_word_carried_from_another_page_is_as_sure_as_it_was_read_there() -> None:
    """A grid that goes on over a page break keeps the unit heading read above it on the page
    before, however unsurely: the rows on the next page are listed too."""
    heading = replace(_page(Source.OCR, [("Kans", 0.0), ("iet", 0.91)]), number=2)
    page = _page(Source.OCR, [("Rastvakter", 0.95), ("Trygg", 0.96), ("skola", 0.96)])
    row = HandlingsplanRow(
        unit="Kans iet", goal="Trygg skola", activity="Rastvakter", file="a.pdf", page=3
    )
    (stamped,) = stamp(HANDLINGSPLAN, [row], {2: heading, 3: page})
    assert (stamped.method, stamped.confidence) == ("ocr", 0.0)
    assert len(review(HANDLINGSPLAN, [stamped])) == 1


def test_a_cell_a_reader_lists_and_read_unsurely_is_one_granska_row() -> None:
    def listed(text: str, reason: str) -> ReviewRow:
        return ReviewRow("tabeller", "x.pdf", 2, "Ärenden / Summa / 2023", text, reason)

    unsure = [listed("503", "osäker läsning (ocr, säkerhet 0.60)"), listed("31", "osäker")]
    own = [listed("503", "summan stämmer inte"), listed("469", "summan stämmer inte")]
    assert [(r.text, r.reason) for r in joined_reasons(unsure, own)] == [
        ("503", "summan stämmer inte; osäker läsning (ocr, säkerhet 0.60)"),
        ("31", "osäker"),
        ("469", "summan stämmer inte"),
    ]
