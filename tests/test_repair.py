"""The repairer on word lists: damaged forms fixed, good Swedish, names and numbers untouched."""

from __future__ import annotations

import io
import sys

import pytest

from extract.cli import main
from extract.page import Page, Source, Word
from extract.repair import judge, mend_ocr_page, repair_text, repair_word

# (as an English OCR engine or a wrong encoding left it, as printed)
DAMAGED = [
    ("&r", "är"),
    ("p&", "på"),
    ("podng", "poäng"),
    ("Poang", "Poäng"),
    ("6ppen", "öppen"),
    ("bedémning", "bedömning"),
    ("Utvirderingens", "Utvärderingens"),
    ("Tillginglighet", "Tillgänglighet"),
    ("omraden", "områden"),
    ("forbattringar", "förbättringar"),
    ("Amal", "Åmål"),
    ("Folkhdgskola", "Folkhögskola"),
    ("samhiillsbyggare", "samhällsbyggare"),
    ("UPPNATT", "UPPNÅTT"),
    ("Utvarderarna", "Utvärderarna"),  # inflections and compounds: Hunspell knows them
    ("beslutsvagar", "beslutsvägar"),
    ("Jaémfort", "Jämfört"),  # one letter read as two
    ("forstagangsbesékare", "förstagångsbesökare"),
    ("jamfGrelser", "jämförelser"),  # a capital inside a word
    ("Ocker@", "Öckerö"),
    ("4r", "är"),  # a digit and one letter: only for the commonest words
]
# Correct Swedish, names and numbers that must stay exactly as they are.
GOOD = [
    "är", "och", "kommunen", "vara", "våra", "har", "här", "sitt", "idé", "Åmål",
    "Hjo", "Ale", "Mark", "Vara", "Kommunkompassen", "2019", "8 840", "45 %", "3,49",
    "A4", "1.1", "6", "0", "B6", "6b", "valprogram", "kommunorganisationen", "Malung-Sälen",
    "IT", "SKR", "förtroendevald", "tjänsternas", "utvärderarna", "”Vi", "framtid”.",
]  # fmt: skip


@pytest.mark.parametrize(("damaged", "printed"), DAMAGED)
def test_damaged_words_are_mended(damaged: str, printed: str) -> None:
    fix = repair_word(damaged, damaged=True)
    assert fix is not None and fix.fixed == printed and fix.reason == "ocr"


@pytest.mark.parametrize("word", GOOD)
def test_good_words_stay(word: str) -> None:
    assert repair_text(word, damaged=True).text == word


def test_known_words_change_only_on_damaged_text() -> None:
    assert repair_word("for", damaged=True).fixed == "för"  # ~200 times more common
    assert repair_word("for", damaged=False) is None
    assert repair_word("pa", damaged=True).fixed == "på"
    # A known word gives way only to a reading clearly more common than itself: "kön" may be
    # meant on a damaged page; "matt" and "mått" are too close to call, so it stays.
    assert repair_word("kon", damaged=False) is None
    assert repair_word("matt", damaged=True) is None


def test_an_ambiguous_word_is_read_from_the_word_before() -> None:
    text = "Planen ar klar och följs upp varje ar. Om tre ar ar den slut."
    assert repair_text(text, damaged=True).text == (
        "Planen är klar och följs upp varje år. Om tre år är den slut."
    )


def test_signs_an_english_engine_misreads_in_damaged_text() -> None:
    text = "Områden:\n* Styrning och kontroll\ne Effektivitet\nKommunen — personalpolitik. | jämförelse\nInnehåll.....ccscsesceee\n"
    assert repair_text(text, damaged=True).text == (
        "Områden:\n• Styrning och kontroll\n• Effektivitet\nKommunen – personalpolitik. I jämförelse\nInnehåll"
        + "." * 16
        + "\n"
    )
    clean = "Det står * 2 i tabellen och — en gång till.\n"
    assert repair_text(clean, damaged=False).text == clean


def test_mojibake_and_detached_diacritics_with_their_plan() -> None:
    repaired = repair_text("GÃ¶tene kommun och a¨ven Åmål.\n")
    assert repaired.text == "Götene kommun och även Åmål.\n"
    assert [(f.original, f.fixed, f.reason) for f in repaired.fixes] == [
        ("GÃ¶tene", "Götene", "mojibake"),
        ("a¨ven", "även", "diakrit"),
    ]


@pytest.mark.parametrize(
    ("lost", "spelled"),
    [
        ("U\ufffdall", "Utfall"),  # 'tf', 'ft', 'tt' and 'ti' set as one glyph, mapped to none
        ("E\ufffder", "Efter"),
        ("a\ufffd", "att"),
        ("Effek\ufffdviteten,", "Effektiviteten,"),
        ("\ufffdllfällen", "tillfällen"),
        ("Må\ufffd", "Mått"),
        ("\ue001nns", "finns"),  # a private-use code in its place
        ("\ufffd", "\ufffd"),  # alone it was a symbol, no ligature
        ("12\ufffd3", "12\ufffd3"),  # no letters: left as it is
        ("Qx\ufffdzq", "Qx\ufffdzq"),  # no spelling makes a word
    ],
)
def test_lost_ligatures_are_spelled_out(lost: str, spelled: str) -> None:
    repaired = repair_text(f"Under året har {lost} ökat.")
    assert repaired.text == f"Under året har {spelled} ökat."
    assert [f.reason for f in repaired.fixes] == (["ligatur"] if lost != spelled else [])


def test_a_table_with_lost_ligatures_reads_as_text(tmp_path) -> None:
    # A writer that sets Carlito's 'tt', 'ti' and 'tf' as one glyph each, in a font subset of
    # their own, maps them to U+FFFD: the words stay whole and are spelled out from the
    # text layer, with no OCR.
    import pikepdf
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    from extract.pipeline import extract_file
    from extract.profiles import load_profiles

    fonts = "/usr/share/fonts/truetype/dejavu/"
    pdfmetrics.registerFont(TTFont("Brodtext", fonts + "DejaVuSans.ttf"))
    # Another face, renamed below as a second subset of the body's font.
    pdfmetrics.registerFont(TTFont("Ligaturer", fonts + "DejaVuSansCondensed.ttf"))
    pdf = tmp_path / "ligaturer.pdf"
    canvas = Canvas(str(pdf))

    def text(x: float, y: float, line: str) -> None:
        for part in line.replace("\ufffd", "|\ufffd|").split("|"):
            face = "Ligaturer" if part == "\ufffd" else "Brodtext"
            canvas.setFont(face, 10)
            canvas.drawString(x, y, part)
            x += pdfmetrics.stringWidth(part, face, 10)

    prose = [
        "Verksamhetsberä\ufffdelse 2023 för Tranemo kommun",
        "E\ufffder en översyn av mo\ufffdagningen har vi få\ufffd fler \ufffdllfällen a\ufffd",
        "möta invånarna, och väntetiden har minskat under hela året.",
        "Tabell 1. U\ufffdall för mo\ufffdagningen",
    ]
    for n, line in enumerate(prose):
        text(52, 760 - 16 * n, line)
    rows = [
        ("", ("U\ufffdall 2022", "U\ufffdall 2023")),
        ("Antal \ufffdllfällen", ("1 240", "1 310")),
        ("Vänte\ufffdd e\ufffder ansökan, dagar", ("14", "9")),
        ("Totalt antal \ufffdllsa\ufffda platser", ("312", "341")),
    ]
    for n, (label, cells) in enumerate(rows):
        y = 680 - 16 * n
        text(52, y, label)
        for cell, x in zip(cells, (300, 380), strict=True):
            text(x, y, cell)
    canvas.save()
    with pikepdf.open(pdf, allow_overwriting_input=True) as document:
        for face in document.pages[0].Resources.Font.values():
            if str(face.BaseFont).endswith("DejaVuSansCondensed"):
                face.BaseFont = pikepdf.Name("/BBBBBB+DejaVuSans")
                face.FontDescriptor.FontName = face.BaseFont
        document.save(pdf)
    result = extract_file(pdf, load_profiles())
    cells = [(r.row, r.column_label, r.raw, r.method) for r in result.rows["tabeller"]]
    assert cells == [
        ("Antal tillfällen", "Utfall 2022", "1 240", "text"),
        ("Antal tillfällen", "Utfall 2023", "1 310", "text"),
        ("Väntetid efter ansökan, dagar", "Utfall 2022", "14", "text"),
        ("Väntetid efter ansökan, dagar", "Utfall 2023", "9", "text"),
        ("Totalt antal tillsatta platser", "Utfall 2022", "312", "text"),
        ("Totalt antal tillsatta platser", "Utfall 2023", "341", "text"),
    ]


def test_line_breaks_and_spacing_are_kept() -> None:
    text = "Resultat  &r\nbra.\n\n  12 podng\n"
    assert repair_text(text).text == "Resultat  är\nbra.\n\n  12 poäng\n"


def test_damage_is_recognised_and_clean_text_is_not() -> None:
    clean = (
        "Kommunen har en tydlig strategi för demokratiutveckling och information till "
        "medborgarna. Utvärderarna bedömer att arbetet med öppenhet och dialog har "
        "förbättrats sedan förra utvärderingen, även om uppföljningen kan bli bättre."
    )
    damaged = clean.replace("ä", "&").replace("ö", "6").replace("å", "a")
    assert not judge(clean.split()).damaged
    assert judge(damaged.split()).damaged


def test_repair_command_reads_stdin(monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Det &r 12 podng.\n"))
    assert main(["repair"]) == 0
    assert capsys.readouterr().out == "Det är 12 poäng.\n"


def test_words_the_swedish_ocr_misread_are_mended_and_no_surer() -> None:
    words = [Word(text, 10, 50, 10, 20, confidence=0.95) for text in ("Odeshög", "kommun", "2019")]
    page = mend_ocr_page(Page(1, 595, 842, tuple(words), source=Source.OCR))
    assert [w.text for w in page.words] == ["Ödeshög", "kommun", "2019"]
    assert [w.confidence for w in page.words] == [0.8, 0.95, 0.95]
    assert page.source is Source.OCR


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        ("Awikelse", "Avvikelse"),  # "vv" read as "w"
        ("Awvikelse", "Avvikelse"),
        ("Fntidshem", "Fritidshem"),  # "ri" read as "n"
        ("vrkesprogram", "yrkesprogram"),
        ("Nettokostnad", "Nettokostnad"),
        ("friuid", "fritid"),
        ("jan–auq", "jan–aug"),
        ("Blever", "Elever"),
        # Names and codes the lexicon does not know stay as read.
        ("Vendelskolan", "Vendelskolan"),
        ("KKiK-snitt", "KKiK-snitt"),
        ("Bjöm", "Bjöm"),
    ],
)
def test_letters_the_swedish_ocr_read_as_others_of_their_shape(read: str, printed: str) -> None:
    words = [Word(read, 10, 50, 10, 20, confidence=0.9)]
    [word] = mend_ocr_page(Page(1, 595, 842, tuple(words), source=Source.OCR)).words
    assert word.text == printed
    assert word.confidence == (0.9 if read == printed else 0.8)


def test_a_table_of_contents_with_dotted_leaders_reads_as_clean_swedish() -> None:
    entries = [
        "Område 3 Styrning och kontroll.......................11",
        "Område 4 Effektivitet...................................14",
        "Område 5 Brukarens fokus.............................17",
        "Område 6 Kvalitetsutveckling.........................19",
        "Område 7 Arbetsliv.......................................21",
        "Översikt av poängfördelning och sammanfattande resultat....27",
    ]
    judgement = judge(" ".join(entries).split())
    assert judgement.known == judgement.words
    assert not judgement.damaged
