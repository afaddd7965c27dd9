"""OCR words from Tesseract's answer (ocr.py), mostly without running Tesseract: which are
print, a line's font size, marks read apart from their letters and per cent signs."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from extract import ocr
from extract.glyphs import plus_sign
from extract.ocr import (
    _drop_double_readings,
    _drop_marks,
    _font_box,
    _line_sizes,
    _printed,
    _reread_figures,
    _to_ink,
    _without_marks_apart,
)
from extract.page import Word
from extract.page_image import runs


def tesseract_line(*words: tuple[str, int], conf: float = 95.0) -> dict[str, list]:
    """Tesseract's answer for one line: each word's text and box height in pixels, the words
    set 100 pixels apart on a blank page (BLANK)."""
    return {
        "text": [text for text, _ in words],
        "height": [height for _, height in words],
        "left": [100 * n for n in range(len(words))],
        "width": [50] * len(words),
        "top": [0] * len(words),
        "conf": [conf] * len(words),
        "block_num": [1] * len(words),
        "par_num": [1] * len(words),
        "line_num": [1] * len(words),
    }


BLANK = np.full((100, 1000), 255, np.uint8)


def _english_reads(monkeypatch, english: dict[int, tuple[str, float]]) -> None:
    """A word read again alone: the English model reads `english[index]`, the Swedish none."""

    def read_alone(pixels, data, indices, dpi, language, allowed=""):
        return {i: english[i] for i in indices if i in english} if language == "eng" else {}

    monkeypatch.setattr(ocr, "_read_alone", read_alone)


def test_a_box_grown_by_a_speck_leaves_the_line_size_alone() -> None:
    # An "i" whose box reaches a speck above it, and noise read as "=": the line is still set
    # in the size of its words (otherwise a grid ends at it as at a larger heading).
    data = tesseract_line(("lässtunder", 25), ("i", 41), ("förskoleklass", 25), ("=", 41))
    assert _line_sizes(data) == {(1, 1, 1): 25 / 0.76}


def test_the_ring_of_an_a_read_apart_is_no_word() -> None:
    mal = Word("mål", 126, 146, 98.4, 107.8)
    ring = Word("o", 138, 141, 97.7, 101.0)
    number = Word("1", 151, 155, 98.6, 107.8)
    assert _without_marks_apart([Word("Nämndens", 63, 122, 98.4, 107.8), mal, ring, number])[
        1:
    ] == [mal, number]


def test_a_word_of_the_line_below_reaching_into_a_box_is_no_mark() -> None:
    # "Följare i sociala" over "medier": Tesseract's box of "medier" reaches up into the line
    # above, over "Följare"; a word as wide as another is no accent of it.
    foljare = Word("Följare", 75.4, 105.8, 475.0, 484.1)
    medier = Word("medier", 75.1, 107.8, 480.0, 495.1)
    assert _without_marks_apart([foljare, medier]) == [foljare, medier]
    # Tesseract boxed the "i" of "Besök i biblioteken" within "Besök": as tall as its letters,
    # it is no accent.
    besok, i = Word("Besök", 69.6, 107.0, 107.0, 115.4), Word("i", 101.8, 106.6, 107.3, 115.2)
    assert _without_marks_apart([besok, i]) == [besok, i]


def test_an_ocr_word_is_as_tall_as_its_font() -> None:
    # A wrapped label's lines, "Intresse och" (capitals and ascenders, no descender) over
    # "engagemang" (descenders only): Tesseract boxes their ink, which leaves them 5.8 pt
    # apart, wider than rows. As tall as their 9.5 pt font, set on their baselines (the ink's
    # foot, or a descender's depth above it), they stand 1.3 pt apart, as the text layer gives
    # them.
    over = _font_box(Word("Intresse", 75.6, 112.1, 234.5, 241.9, size=9.5))
    under = _font_box(Word("engagemang", 75.1, 136.6, 247.7, 255.1, size=9.5))
    assert (over.top, over.bottom) == pytest.approx((234.68, 244.18))
    assert (under.top, under.bottom) == pytest.approx((245.6, 255.1))
    # An umlaut or a parenthesis reaching above the capitals moves no box: the baseline holds.
    umlaut = _font_box(Word("Övergripande", 71.3, 135.8, 584.2, 594.2, size=8.5))
    plain = _font_box(Word("resultat", 140.2, 176.9, 585.8, 592.6, size=8.5))
    assert umlaut.bottom == pytest.approx(plain.bottom, abs=0.5)
    # A dash is centred in its font's box.
    dash = _font_box(Word("–", 300, 305, 239.0, 240.0, size=10))
    assert (dash.top, dash.bottom) == (234.5, 244.5)


@pytest.mark.parametrize(
    ("text", "confidence", "printed"),
    [
        ("SCB", 93.0, True),
        ("/", 91.0, True),  # "SCB befolkningsstatistik / SCB medborgarundersökning"
        ("+", 95.0, True),  # "+ 40 696"
        ("+", 20.0, False),
        ("/", 0.0, False),  # a speck
        ("|", 90.0, False),  # a table border
        ("–", 80.0, True),
        ("62", -1.0, False),  # Tesseract's block, not a word
    ],
)
def test_which_words_are_print(text: str, confidence: float, printed: bool) -> None:
    assert _printed(text, confidence) is printed


def test_a_per_cent_sign_the_swedish_model_read_as_a_word(monkeypatch) -> None:
    """ "82 %" read as "82 4", "9,2 %" as "9,2 Yo" and "+4,0 %" as "+4,0 Ya": the English
    model, reading the word after a number (signed or not) alone, sees the sign; a unit it
    cannot read is left alone."""
    data = tesseract_line(
        ("82", 25), ("4", 25), ("9,2", 25), ("Yo", 25), ("5", 25), ("kr", 25), ("+4,0", 25),
        ("Ya", 25),
    )  # fmt: skip
    english = {1: ("%", 92.0), 3: ("%", 91.0), 5: ("%", 12.0), 7: ("%", 90.0)}

    _english_reads(monkeypatch, english)
    _reread_figures(BLANK, data, 300)
    assert data["text"] == ["82", "%", "9,2", "%", "5", "kr", "+4,0", "%"]


def test_ink_no_word_was_read_from_is_read_again_alone(monkeypatch) -> None:
    """A page read as one block loses a header word set between the lines beside it: the ink
    no word covers is read again, alone. A piece of ink beside a word read (a letter its box
    left out) is a part of that word, not a word of its own."""
    import numpy as np

    pixels = np.full((400, 1200), 255, np.uint8)
    pixels[100:130, 100:400] = 0  # "Aktivitet", read
    pixels[100:130, 402:420] = 0  # its last letter, outside its box
    pixels[60:90, 700:850] = 0  # "Status", lost
    data = {
        "level": [5],
        "text": ["Aktivitet"],
        "conf": [95.0],
        "left": [100],
        "top": [100],
        "width": [300],
        "height": [30],
        "block_num": [1],
        "par_num": [1],
        "line_num": [1],
        "word_num": [1],
        "page_num": [1],
    }
    calls = []

    def image_to_data(image, lang=None, config="", output_type=None):
        sheet = np.asarray(image) < 128
        calls.append(sheet.shape)
        answer = {key: [] for key in data}
        for top, bottom in ocr.runs(sheet.any(axis=1)):
            xs = np.flatnonzero(sheet[top:bottom].any(axis=0))
            row = {"level": 5, "text": "Status", "conf": 96.0, "left": int(xs[0])}
            row |= {"top": top, "width": int(xs[-1] - xs[0] + 1), "height": bottom - top}
            row |= {"block_num": 1, "par_num": 1, "line_num": 1, "word_num": 1, "page_num": 1}
            for key in answer:
                answer[key].append(row[key])
        return answer

    monkeypatch.setattr(ocr.pytesseract, "image_to_data", image_to_data)
    ocr._read_missed(pixels, data, 300)
    assert len(calls) == 1
    assert data["text"] == ["Aktivitet", "Status"]
    assert (data["left"][1], data["top"][1], data["width"][1], data["height"][1]) == (
        700,
        60,
        150,
        30,
    )
    assert ocr._line_key(data, 1) != ocr._line_key(data, 0)


def test_a_box_tesseract_made_as_tall_as_two_lines_is_cut_to_its_ink() -> None:
    # An "i" boxed 18 pt tall, over its heading and the text beside it, sets on no line; cut
    # to its ink (its dot with it) it stands on the heading's. A descender of the line above
    # reaching into a box is no part of the word.
    pixels = np.full((80, 40), 255, np.uint8)
    pixels[10:14, 5:9] = 0  # the dot
    pixels[18:40, 5:9] = 0  # the stem
    pixels[0:4, 20:24] = 0  # a descender from above
    pixels[25:45, 20:35] = 0  # the next word's letters
    data = {"text": ["i", "n"], "conf": [96, 96], "top": [5, 0], "left": [0, 18]}
    data |= {"height": [75, 50], "width": [12, 20]}
    _to_ink(pixels, data, 300)
    assert (data["top"], data["height"]) == ([10, 25], [30, 20])


def test_the_ascenders_of_the_next_line_under_a_box_are_no_part_of_the_word() -> None:
    # "planprogram" boxed down into the line below, over the tops of "vid": its descenders end
    # a few pixels above them. The word's ink ends with its own rows, and "vid" stands clear.
    pixels = np.full((80, 60), 255, np.uint8)
    pixels[0:8, 5:9] = 0  # the "l"'s ascender
    pixels[8:22, 5:50] = 0  # the letters
    pixels[22:30, 20:24] = 0  # a "p"'s descender
    pixels[38:50, 30:34] = 0  # the "d" of "vid" below, its top 8 rows under the descender
    data = {"text": ["planprogram"], "conf": [96], "top": [0], "left": [0]}
    data |= {"height": [45], "width": [55]}
    _to_ink(pixels, data, 300)
    assert (data["top"], data["height"]) == ([0], [30])


SERIF = "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf"
SANS = SERIF.replace("Serif", "Sans")


def printed_lines(*lines: list[tuple[str, str, float]]) -> tuple[np.ndarray, dict[str, list]]:
    """A page of lines of words in Times's metrics at 10 pt, 300 dpi, and Tesseract's answer
    for it: each word as printed, as read, and how surely."""
    em, step = 42, 80
    image = Image.new("L", (12 * em, step * (len(lines) + 1)), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(SERIF, em)
    for number, words in enumerate(lines):
        x = em
        for printed, _, _ in words:
            draw.text((x, step * number + em // 2), printed, font=font)
            x += 3 * em
    pixels = np.asarray(image)
    data: dict[str, list] = {key: [] for key in ("text", "conf", "top", "left", "width")}
    data |= {key: [] for key in ("height", "block_num", "par_num", "line_num")}
    for number, words in enumerate(lines):
        x = em
        for _, read, confidence in words:
            ink = pixels[step * number : step * (number + 1), x - 4 : x + 3 * em - 8] < 128
            rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
            data["text"].append(read)
            data["conf"].append(confidence)
            data["top"].append(step * number + int(rows[0]))
            data["left"].append(x - 4 + int(cols[0]))
            data["width"].append(int(cols[-1] + 1 - cols[0]))
            data["height"].append(int(rows[-1] + 1 - rows[0]))
            data["block_num"].append(1)
            data["par_num"].append(1)
            data["line_num"].append(number + 1)
            x += 3 * em
    return pixels, data


def test_figures_read_again_where_the_readings_or_the_ink_disagree(monkeypatch) -> None:
    """Read in its line, read alone by the Swedish model, read alone by the English one."""
    pixels, data = printed_lines(
        [("15", "IS", 78.0), ("20", "20", 95.0)],  # look-alike letters beside a figure
        [("72", "172", 78.0)],  # a digit the ink does not show
        [("11", "11", 59.0)],  # read alone with one too few
        [("7", "7", 36.0)],  # three readings, none agreeing
        [("7", "2", 90.0)],  # two readings of one shape: the surer
        [("1", "|", 67.0)],  # a thin "1" neither model reads alone
        [("2.3", "2.3", 96.0)],  # read alone without its point
        [("IS", "IS", 90.0), ("det", "det", 90.0)],  # a word among words
        [("-4,8", "-4,8", 92.0)],  # read alone without its minus and comma
    )
    swedish = {3: ("1", 82.0), 4: ("2", 65.0)}
    english = {0: ("15", 80.0), 2: ("72", 95.0), 4: ("5", 70.0), 5: ("7", 96.0), 7: ("23", 80.0)}
    english |= {8: ("15", 90.0), 10: ("48", 60.0)}
    asked = []

    def read_alone(pixels, data, indices, dpi, language, allowed=""):
        asked.append((language, sorted(indices)))
        found = english if language == "eng" else swedish
        return {i: found[i] for i in indices if i in found}

    monkeypatch.setattr(ocr, "_read_alone", read_alone)
    _reread_figures(pixels, data, 300)
    assert data["text"] == ["15", "20", "72", "11", "7", "7", "1", "2.3", "IS", "det", "-4,8"]
    assert data["conf"][4] == 36.0 and data["conf"][6] <= ocr.UNSURE_FIGURE
    assert 8 not in asked[-1][1]


def test_figures_the_swedish_model_reads_as_capitals(monkeypatch) -> None:
    # "77" read as "TT" or "T7", "44 830" as "AA 830": the English model, told of figures
    # alone, reads as many digits as the ink shows.
    pixels, data = printed_lines(
        [("77", "TT", 56.0), ("79", "79", 96.0)],
        [("77", "T7", 85.0)],
        [("44", "AA", 8.0), ("830", "830", 94.0)],
        [("AT", "AT", 90.0), ("ansvar", "ansvar", 90.0)],  # a word among words
    )
    english = {0: ("77", 85.0), 2: ("77", 90.0), 3: ("44", 96.0), 5: ("47", 40.0)}

    _english_reads(monkeypatch, english)
    _reread_figures(pixels, data, 300)
    assert data["text"] == ["77", "79", "77", "44", "830", "AT", "ansvar"]


def test_a_year_read_with_a_digit_lost_takes_the_reading_with_as_many_as_the_ink(
    monkeypatch,
) -> None:
    # A header's '2022' read surely as '202' in its line; the English model reads '2022'.
    # The ink's four digits decide: a year read '2027' beside '2021' is left to the ink's
    # ones test, and a four-digit reading of three digits' ink is not taken.
    pixels, data = printed_lines(
        [("2022", "202", 95.0)], [("412", "412", 60.0)], [("2021", "2021", 80.0)]
    )
    english = {0: ("2022", 96.0), 1: ("4120", 90.0), 2: ("2027", 96.0)}

    _english_reads(monkeypatch, english)
    _reread_figures(pixels, data, 300)
    assert data["text"] == ["2022", "412", "2021"]


def test_a_figure_is_read_again_without_the_minus_before_it() -> None:
    # Told of figures alone, Tesseract reads "-0,1" as "0,1" at no confidence: the minus is
    # left to the ink (as_drawn), the digits are read surely.
    pixels, data = printed_lines([("-0,1", "0.", 49.0)])
    text, confidence = ocr._read_alone(pixels, data, [0], 300, "swe")[0]
    assert text == "0,1" and confidence >= ocr.UNSURE_FIGURE


def test_a_plus_sign_is_measured_on_its_whole_ink() -> None:
    # Tesseract boxes a thin "+" narrower than its arms reach.
    pixels, data = printed_lines([("+", "+", 52.0), ("592", "592", 96.0)])
    left, top, width, height = (data[key][0] for key in ("left", "top", "width", "height"))
    mark = ocr._whole_mark(pixels, left + width // 4, top, width // 2, height)
    assert mark.shape[1] == width + 2 and plus_sign(mark)


def test_a_lone_dash_tesseract_left_out_is_found_in_the_ink() -> None:
    """An empty cell's "–" is often not read at all; a bar low in the line ("_") is no dash,
    and a hyphen inside a word read is the word's."""
    pixels, data = printed_lines(
        [("Andel", "Andel", 95.0), ("71", "71", 95.0), ("–", "", -1.0), ("16-84", "16-84", 95.0)],
        [("Andel", "Andel", 95.0), ("_", "", -1.0)],
    )
    dash = data["left"][2]
    ocr._add_unread_dashes(pixels, data, _line_sizes(data))
    added = [(text, left) for text, left in zip(data["text"][6:], data["left"][6:], strict=True)]
    assert added == [("–", dash)]
    assert len({len(values) for values in data.values()}) == 1


def test_a_minus_before_a_per_cent_figure_is_kept(monkeypatch) -> None:
    """ "- 3 %" read as "-3H": the English model, reading it alone with figures and signs only,
    sees the per cent sign but not the minus, which stays, a space apart as printed."""
    pixels, data = printed_lines([("- 3 %", "-3H", 60.0)], [("-3 %", "-3H", 60.0)])

    def read_alone(pixels, data, indices, dpi, language, allowed=""):
        return {i: ("3%", 0.0) for i in indices} if language == "eng" else {}

    monkeypatch.setattr(ocr, "_read_alone", read_alone)
    _reread_figures(pixels, data, 300)
    assert data["text"] == ["- 3 %", "-3 %"]


def test_a_minus_set_apart_before_its_figures_stays_a_hyphen() -> None:
    """'- 3,49' and an empty cell's dash on one line, both bars 13 pixels long (0.34 em of
    the line's 38 pixels): where en dashes are the rule (a dash alone) a blurred bar this
    long is one, but a dash a word space before a figure is its sign, as often a hyphen."""
    font = ImageFont.truetype("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", 42)
    image = Image.new("L", (1400, 200), 255)
    draw = ImageDraw.Draw(image)
    draw.text((40, 60), "Budgetavvikelse", font=font, fill=0, anchor="ls")
    for left in (600, 1000):
        draw.rectangle((left, 46, left + 12, 49), fill=0)
    draw.text((625, 60), "3,49", font=font, fill=0, anchor="ls")
    draw.text((1200, 60), "12", font=font, fill=0, anchor="ls")
    page = ocr.read_image(image.filter(ImageFilter.GaussianBlur(1)), 1)
    assert [w.text for w in page.words][1:] == ["-", "3,49", "–", "12"]


def test_a_per_cent_sign_in_a_header_after_a_word(monkeypatch) -> None:
    """ "Andel %" read as "Andel 20" (unsurely) and "Förändring %" as "Förändring /o": the
    English model sees the sign; a figure the Swedish model read surely stays a figure."""
    data = tesseract_line(
        ("Andel", 25), ("20", 25), ("Förändring", 25), ("/o", 25), ("Antal", 25), ("20", 25)
    )
    data["conf"][1] = 24.0
    english = {1: ("%", 89.0), 3: ("%", 90.0), 5: ("%", 88.0)}

    _english_reads(monkeypatch, english)
    _reread_figures(BLANK, data, 300)
    assert data["text"] == ["Andel", "%", "Förändring", "%", "Antal", "20"]


def test_a_per_cent_sign_read_surely_as_a_figure_after_a_word() -> None:
    """ "Förändring %" and "Andel (%)" read surely as "Förändring 96" and "(9260)": the English
    model reads the sign (by Tesseract, here), and the ink shows one; a "96" printed after a
    word stays a figure."""
    em = 42
    printed = [("Förändring", "%"), ("Andel", "(%)"), ("skola", "96")]
    pixels = _printed_page(
        [(text, x, em // 2 + 2 * em * n) for n, pair in enumerate(printed)
         for text, x in zip(pair, (em, 8 * em), strict=True)]
    )  # fmt: skip
    ink = pixels < 128

    def box(n: int, x0: int, x1: int) -> tuple[int, int, int, int]:
        band = ink[2 * em * n : 2 * em * (n + 1), x0:x1]
        rows, cols = np.flatnonzero(band.any(axis=1)), np.flatnonzero(band.any(axis=0))
        top = 2 * em * n
        return (
            x0 + int(cols[0]),
            top + int(rows[0]),
            x0 + int(cols[-1] + 1),
            top + int(rows[-1] + 1),
        )

    read = [("Förändring", "96"), ("Andel", "(9260)"), ("skola", "96")]
    data = _tesseract_words(
        [
            (text, 95.0, box(n, x0, x1))
            for n, pair in enumerate(read)
            for text, (x0, x1) in zip(pair, ((0, 7 * em), (7 * em, 12 * em)), strict=True)
        ]
    )
    data["line_num"] = [1, 1, 2, 2, 3, 3]
    _reread_figures(pixels, data, 300)
    assert data["text"] == ["Förändring", "%", "Andel", "(%)", "skola", "96"]


def test_a_figure_the_english_model_reads_as_a_sign_stays_a_figure(monkeypatch) -> None:
    # "Holsby skola F–6  96": the English model read the "96" as "%", surely; the ink shows
    # two digits, no sign.
    em = 42
    pixels = _printed_page([("F–6", em, em), ("96", 8 * em, em)])
    ink = pixels < 128
    rows = np.flatnonzero(ink.any(axis=1))
    spans = [
        x0 + np.flatnonzero(ink[:, x0:x1].any(axis=0))
        for x0, x1 in ((0, 7 * em), (7 * em, 12 * em))
    ]
    data = _tesseract_words(
        [
            (text, 96.0, (int(cols[0]), int(rows[0]), int(cols[-1] + 1), int(rows[-1] + 1)))
            for text, cols in zip(("F–6", "96"), spans, strict=True)
        ]
    )

    def read_alone(pixels, data, indices, dpi, language, allowed=""):
        return {i: ("%", 82.0) for i in indices} if language == "eng" else {}

    monkeypatch.setattr(ocr, "_read_alone", read_alone)
    _reread_figures(pixels, data, 300)
    assert data["text"] == ["F–6", "96"]


def test_a_header_cell_of_tight_lines_read_as_one_word_is_read_again() -> None:
    """ "Ödeshög / kommun" set in tight lines comes out of the page as one word as tall as
    both, read unsurely ("kORShög"): read alone (by Tesseract, here), it is two lines."""
    em = 42
    image = Image.new("L", (12 * em, 4 * em), 255)
    draw = ImageDraw.Draw(image)
    bold = ImageFont.truetype(SERIF.replace("Regular", "Bold"), em)
    draw.text((em, em), "Ödeshög", font=bold)
    draw.text((em, em + round(1.1 * em)), "kommun", font=bold)
    draw.text((6 * em, em), "Sektorn", font=bold)
    pixels = np.asarray(image)
    ink = pixels < 128

    def box(x0: int, x1: int) -> tuple[int, int, int, int]:
        rows, cols = (
            np.flatnonzero(ink[:, x0:x1].any(axis=1)),
            np.flatnonzero(ink[:, x0:x1].any(axis=0)),
        )
        return (
            x0 + int(cols[0]),
            int(rows[0]),
            int(cols[-1] - cols[0] + 1),
            int(rows[-1] - rows[0] + 1),
        )

    stack, right = box(0, 5 * em), box(5 * em, 12 * em)
    data = {"text": ["kORShög", "Sektorn"], "conf": [0.0, 91.0]}
    for key, at in zip(("left", "top", "width", "height"), range(4), strict=True):
        data[key] = [stack[at], right[at]]
    data |= {"block_num": [1, 1], "par_num": [1, 1], "line_num": [1, 1]}
    ocr._read_stacked(pixels, data, 300)
    read = [(text, top) for text, top in zip(data["text"], data["top"], strict=True) if text]
    assert [text for text, _ in read] == ["Sektorn", "Ödeshög", "kommun"]
    assert read[1][1] < read[2][1]
    assert len({len(values) for values in data.values()}) == 1


def test_a_wrapped_label_read_as_garble_is_read_again_whole_across_surer_pieces() -> None:
    """ "kan rekrytera och" over "medarbetare med rätt" read as one line of garble: words as
    tall as both lines read unsurely ("bet", "fått"), and between them an unsure short word
    ("to") and a tall one read a little surer ("med"). The whole run is read again as one
    piece (by Tesseract, here): cut at "to" and "med", "rekrytera" would be halved."""
    em = 42
    image = Image.new("L", (24 * em, 5 * em), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(SANS, em)
    draw.text((em, em), "kan rekrytera och", font=font)
    draw.text((em, em + round(1.15 * em)), "medarbetare med rätt", font=font)
    draw.text((15 * em, em), "Sektorn", font=font)
    draw.text((15 * em, em + round(1.15 * em)), "Genomförd", font=font)
    pixels = np.asarray(image)
    ink = pixels < 128

    def box(x0: int, x1: int) -> tuple[int, int, int, int]:
        rows = np.flatnonzero(ink[:, x0:x1].any(axis=1))
        cols = x0 + np.flatnonzero(ink[:, x0:x1].any(axis=0))
        return int(cols[0]), int(rows[0]), int(cols[-1] + 1), int(rows[-1] + 1)

    left, top, right, bottom = box(0, 14 * em)
    quarter = (right - left) // 4
    cuts = [left + n * quarter for n in range(4)] + [right]
    garble = [  # (text, confidence, tall)
        ("bet", 40.0, True),
        ("to", 25.0, False),
        ("med", 62.0, True),
        ("fått", 50.0, True),
    ]
    data: dict[str, list] = {key: [] for key in ("text", "conf", "left", "top", "width", "height")}
    for (text, confidence, tall), a, b in zip(garble, cuts, cuts[1:], strict=False):
        data["text"].append(text)
        data["conf"].append(confidence)
        data["left"].append(a)
        data["width"].append(b - a - 4)
        data["top"].append(top)
        data["height"].append(bottom - top if tall else (bottom - top) // 3)
    for n, (x0, x1, y0, y1) in enumerate(
        ((14 * em, 24 * em, 0, 2 * em), (14 * em, 24 * em, 2 * em, 5 * em))
    ):
        rows = y0 + np.flatnonzero(ink[y0:y1, x0:x1].any(axis=1))
        cols = x0 + np.flatnonzero(ink[y0:y1, x0:x1].any(axis=0))
        data["text"].append(("Sektorn", "Genomförd")[n])
        data["conf"].append(95.0)
        data["left"].append(int(cols[0]))
        data["width"].append(int(cols[-1] + 1 - cols[0]))
        data["top"].append(int(rows[0]))
        data["height"].append(int(rows[-1] + 1 - rows[0]))
    data |= {
        "block_num": [1] * 6,
        "par_num": [1] * 6,
        "line_num": [1, 1, 1, 1, 1, 2],
        "word_num": [1, 2, 3, 4, 5, 1],
    }
    ocr._read_stacked(pixels, data, 300)
    read = [text for text in data["text"] if text]
    assert read[:2] == ["Sektorn", "Genomförd"]
    assert " ".join(read[2:]) == "kan rekrytera och medarbetare med rätt"
    assert len({len(values) for values in data.values()}) == 1


def test_words_read_into_two_made_up_lines_are_read_again_as_one() -> None:
    """A cell centred between the two lines of the label beside it comes out in both lines
    Tesseract makes of them, part of a word in each ("Del", "elvis"); and an unsure word of
    ascenders ("or") overlaps the word it was made of. Read alone (by Tesseract, here)."""
    em = 42
    image = Image.new("L", (16 * em, 3 * em), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(SERIF, em)
    draw.text((em, em), "Delvis", font=font)
    draw.text((6 * em, em), "kommunens", font=font)
    pixels = np.asarray(image)
    rows = np.flatnonzero((pixels < 128).any(axis=1))
    top, height = int(rows[0]), int(rows[-1] - rows[0] + 1)

    def ink(x0: int, x1: int) -> tuple[int, int]:
        cols = x0 + np.flatnonzero((pixels[:, x0:x1] < 128).any(axis=0))
        return int(cols[0]), int(cols[-1] - cols[0] + 1)

    (delvis, wide), (kommunens, long) = ink(0, 5 * em), ink(5 * em, 16 * em)
    data = {
        "text": ["Del", "elvis", "kommunens", "or"],
        "conf": [95.0, 96.0, 96.0, 34.0],
        "left": [delvis, delvis + wide // 3, kommunens, kommunens + long // 3],
        "width": [wide // 2, wide - wide // 3, long, long // 5],
        "top": [top, top + 4, top, top],
        "height": [height, height - 4, height, height // 2],
        "block_num": [1, 1, 1, 1],
        "par_num": [1, 1, 1, 1],
        "line_num": [1, 2, 2, 1],
    }
    ocr._read_overlapping(pixels, data, 300)
    assert [text for text in data["text"] if text] == ["Delvis", "kommunens"]
    assert len({len(values) for values in data.values()}) == 1


def test_a_word_whose_letters_were_dealt_out_to_two_made_up_lines_is_read_again() -> None:
    """Where a cell set lower tilts the line, Tesseract makes up a line of a line's ascenders
    and deals each word's letters out to both: "all" boxed over the "a" in one line and over
    the "ll" in the other, the last "l" of "personal" read as "I" of its own. The boxes touch,
    a letter's gap apart: each word is read again as one piece (by Tesseract, here)."""
    em = 42
    image = Image.new("L", (16 * em, 3 * em), 255)
    ImageDraw.Draw(image).text((em, em), "Utbilda all personal", font=ImageFont.truetype(SANS, em))
    pixels = np.asarray(image)
    ink = pixels < 128
    rows = np.flatnonzero(ink.any(axis=1))
    top, height = int(rows[0]), int(rows[-1] - rows[0] + 1)
    letters = runs(ink.any(axis=0))
    words: list[list[tuple[int, int]]] = [[letters[0]]]
    for start, end in letters[1:]:
        if start - words[-1][-1][1] > em // 5:
            words.append([])
        words[-1].append((start, end))
    (utbilda, all_, personal) = words
    boxes = [  # (text, line, first letter, last letter)
        ("Utbilda", 2, utbilda[0][0], utbilda[-1][1]),
        ("all", 2, all_[0][0], all_[0][1]),
        ("all", 1, all_[1][0], all_[-1][1]),
        ("personal", 2, personal[0][0], personal[-2][1]),
        ("I", 1, personal[-1][0], personal[-1][1]),
    ]
    data = {
        "text": [text for text, *_ in boxes],
        "conf": [95.0] * len(boxes),
        "left": [left for _, _, left, _ in boxes],
        "width": [right - left for *_, left, right in boxes],
        "top": [top] * len(boxes),
        "height": [height] * len(boxes),
        "block_num": [1] * len(boxes),
        "par_num": [1] * len(boxes),
        "line_num": [line for _, line, *_ in boxes],
    }
    ocr._read_overlapping(pixels, data, 300)
    assert sorted(text for text in data["text"] if text) == ["Utbilda", "all", "personal"]
    assert len({len(values) for values in data.values()}) == 1


def test_a_per_cent_sign_tesseract_read_no_word_of(monkeypatch) -> None:
    """ "61 %" read as "61", the sign left out: the English model reads the figure with the
    ink after it. A sign after a figure the English model read ("1712 Yo" for "72 %") is read
    by it too."""
    em = 42
    image = Image.new("L", (14 * em, 3 * em), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(SERIF, em)
    for x, text in ((em, "61 %"), (5 * em, "72 %"), (9 * em, "55")):
        draw.text((x, em), text, font=font)
    pixels = np.asarray(image)
    ink = pixels < 128
    rows = np.flatnonzero(ink.any(axis=1))
    top, height = int(rows[0]), int(rows[-1] - rows[0] + 1)

    def width(x0: int, x1: int) -> tuple[int, int]:
        cols = x0 + np.flatnonzero(ink[:, x0:x1].any(axis=0))
        return int(cols[0]), int(cols[-1] + 1 - cols[0])

    (one, wide), (two, _), (three, lone) = (
        width(em, 2 * em),
        width(5 * em, 6 * em),
        width(9 * em, 11 * em),
    )
    (sign, sign_wide) = width(6 * em, 7 * em)
    data = {
        "text": ["61", "1712", "Yo", "55"],
        "conf": [96.0, 79.0, 45.0, 96.0],
        "left": [one, two, sign, three],
        "width": [wide, wide, sign_wide, lone],
        "top": [top] * 4,
        "height": [height] * 4,
        "block_num": [1] * 4,
        "par_num": [1] * 4,
        "line_num": [1, 2, 2, 3],
    }
    english = {1: ("72", 96.0), 2: ("%", 91.0), 0: ("61%", 55.0)}
    asked = []

    def read_alone(pixels, data, indices, dpi, language, allowed=""):
        asked.append([(i, data["width"][i]) for i in indices])
        if language != "eng":
            return {}
        return {
            i: english[i] if i != 0 or data["width"][i] > wide else ("61", 96.0)
            for i in indices
            if i in english
        }

    monkeypatch.setattr(ocr, "_read_alone", read_alone)
    _reread_figures(pixels, data, 300)
    assert data["text"] == ["61 %", "72", "%", "55"]
    assert asked[-1] == [(0, data["width"][0])] and data["width"][0] > wide
    assert data["width"][3] == lone


def tesseract_words(words: list[tuple[str, int, int, int, int, float, int]]) -> dict[str, list]:
    """Tesseract's answer from each word's text, left, top, width, height, confidence and
    line number (one block, one paragraph)."""
    keys = ("text", "left", "top", "width", "height", "conf", "line_num")
    data: dict[str, list] = {key: [w[n] for w in words] for n, key in enumerate(keys)}
    return data | {"block_num": [1] * len(words), "par_num": [1] * len(words)}


def test_a_line_made_up_of_the_tops_of_another_lines_letters_is_dropped() -> None:
    """Tesseract's raw answer on an archive copy (pixels at 300 dpi): a line made up of the
    tops of the next line's letters, read over the same ink ("Följ kundnöjdheten m", and "o"
    over the word "Pågår" set lower in its cell), and the real line, read partly worse ("Ja
    Upp Ku d öjdheten"). Of each two readings of one piece of ink the surer, or as sure the
    wider, is kept; a word read over no other's ink stays."""
    words = [  # text, left, top, width, height, confidence, line
        ("Följ", 938, 1192, 80, 27, 95, 23),
        ("kundnöjdheten", 1100, 1192, 215, 27, 91, 23),
        ("m", 1325, 1199, 40, 20, 92, 23),
        ("o", 2163, 1213, 16, 9, 81, 23),
        ("Ja", 958, 1199, 55, 28, 39, 24),
        ("Upp", 1025, 1198, 70, 29, 88, 24),
        ("Ku", 1117, 1199, 38, 21, 52, 24),
        ("d", 1158, 1192, 20, 54, 91, 24),
        ("öjdheten", 1200, 1192, 112, 35, 88, 24),
        ("med", 1388, 1192, 50, 28, 96, 24),
        ("Pågår", 2096, 1213, 95, 39, 96, 24),
    ]
    data = tesseract_words(words)
    _drop_double_readings(data)
    assert [t for t in data["text"] if t] == ["Följ", "kundnöjdheten", "m", "Upp", "med", "Pågår"]


def test_a_box_as_tall_as_two_lines_drops_no_word_of_the_line_above() -> None:
    """Tesseract's answer on an archive copy: "medier", the second line of the label "Följare i
    sociala / medier", boxed over the line above too (the leading too tight to part them). It
    shares the ink of "Följare", read less surely, but that ink is the other line's."""
    words = [  # text, left, top, width, height, confidence, line
        ("Följare", 314, 1979, 127, 38, 91, 15),
        ("i", 459, 1980, 3, 30, 96, 15),
        ("sociala", 481, 1980, 132, 31, 96, 15),
        ("medier", 313, 2000, 136, 59, 96, 16),
        ("2", 1173, 2005, 18, 30, 91, 16),
        ("140", 1212, 2005, 70, 31, 91, 16),
        ("2652", 1606, 2006, 107, 31, 89, 16),
    ]
    data = tesseract_words(words)
    _drop_double_readings(data)
    assert data["text"] == [w[0] for w in words]


SANS = "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"


def _printed_page(lines: list[tuple[str, int, int]], size: int = 42) -> np.ndarray:
    """A page of texts (text, x, y) in Liberation Sans at `size` pixels an em."""
    image = Image.new("L", (24 * size, 8 * size), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(SANS, size)
    for text, x, y in lines:
        draw.text((x, y), text, font=font)
    return np.asarray(image)


def _tesseract_words(boxes: list[tuple[str, float, tuple[int, int, int, int]]]) -> dict[str, list]:
    """Tesseract's answer: words (text, confidence, (left, top, right, bottom)) of one line."""
    return {
        "text": [text for text, _, _ in boxes],
        "conf": [conf for _, conf, _ in boxes],
        "left": [box[0] for _, _, box in boxes],
        "top": [box[1] for _, _, box in boxes],
        "width": [box[2] - box[0] for _, _, box in boxes],
        "height": [box[3] - box[1] for _, _, box in boxes],
        "block_num": [1] * len(boxes),
        "par_num": [1] * len(boxes),
        "line_num": [1] * len(boxes),
        "word_num": list(range(1, len(boxes) + 1)),
    }


def test_words_read_again_never_share_a_line_with_others() -> None:
    # Two reads' words, each numbered as Tesseract numbers a sheet's (block 1, line 1), stand
    # on lines of their own, apart from the page's and from each other's.
    data = _tesseract_words([("Kostnad", 95.0, (0, 0, 50, 20))])
    for text in ("invånare", "kr"):
        ocr._add_read(data, _tesseract_words([(text, 90.0, (0, 30, 50, 50))]))
    assert len({ocr._line_key(data, i) for i in range(3)}) == 3


def test_a_wrapped_label_read_as_one_line_of_tall_words_is_read_again_whole() -> None:
    """ "Andel med demensdiagnos i" over "särskilt boende", beside its row's cells, comes out
    as one line of tall, unsure words ("Acer reg emensaiagnos"), the "i" left out. Each cut
    alone would halve the words of the line below; read as one piece, grown over the ink no
    word was read from, the label is read whole (by Tesseract, here)."""
    em = 42
    pixels = _printed_page([("Andel med demensdiagnos i", em, em), ("särskilt boende", em, 2 * em)])
    ink = pixels < 128
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    top, bottom = int(rows[0]), int(rows[-1] + 1)
    left, right = int(cols[0]), int(cols[-1] + 1)
    third = (right - left) // 3
    data = _tesseract_words(
        [
            ("Acer", 16.0, (left, top, left + third, bottom)),
            ("reg", 35.0, (left + third + 4, top, left + 2 * third, bottom)),
            ("emensaiagnos", 7.0, (left + 2 * third + 4, top, right - em // 3, bottom)),
            # Words of the page's size, read surely elsewhere.
            ("Sektorn", 91.0, (16 * em, em, 20 * em, em + em)),
            ("kommun", 92.0, (16 * em, 2 * em, 20 * em, 2 * em + em // 2)),
        ]
    )
    ocr._read_stacked(pixels, data, 300)
    assert [text for text in data["text"] if text][2:] == [
        "Andel", "med", "demensdiagnos", "i", "särskilt", "boende"
    ]  # fmt: skip
    assert len({len(values) for values in data.values()}) == 1


def test_a_word_boxed_over_two_cells_is_read_again_piece_by_piece() -> None:
    """Two cells far apart boxed as one unsure word ("OR" over "Bättre" and "snittet"): its
    ink lies apart wider than a word space, so each piece is read alone (by Tesseract)."""
    em = 42
    pixels = _printed_page([("Bättre", em, em), ("snittet", 12 * em, em)])
    ink = pixels < 128
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    data = _tesseract_words(
        [("OR", 8.0, (int(cols[0]), int(rows[0]), int(cols[-1] + 1), int(rows[-1] + 1)))]
    )
    ocr._read_apart(pixels, data, 300)
    assert [text for text in data["text"] if text] == ["Bättre", "snittet"]
    keys = {ocr._line_key(data, i) for i, text in enumerate(data["text"]) if text}
    assert len(keys) == 2


@pytest.mark.parametrize(("dash", "kept"), [(True, "o"), (False, "0")])
def test_a_word_is_read_again_by_pieces_only_when_every_piece_reads(
    monkeypatch: pytest.MonkeyPatch, dash: bool, kept: str
) -> None:
    """An unsure "0" boxed over a blot and, apart from it, a speck. Read again, the speck
    reads surely as "o" and the blot as nothing: that is no reading of the word, unless what
    read as nothing is a dash (found later as one)."""
    pixels = np.full((120, 600), 255, np.uint8)
    blot = (slice(50, 53) if dash else slice(40, 70), slice(100, 130))
    pixels[blot] = 0
    pixels[55:63, 200:207] = 0
    data = _tesseract_words([("0", 25.0, (100, 40, 207, 70))])
    speck = _tesseract_words([("o", 75.0, (200, 55, 207, 63))])
    monkeypatch.setattr(ocr, "_read_cut", lambda *_: {1: speck})
    ocr._read_apart(pixels, data, 300)
    assert [text for text in data["text"] if text] == [kept]


def test_a_trailing_comma_sets_its_word_on_the_line_of_the_words_beside_it() -> None:
    # "invånare 80+, kr": the comma reaches about half as far below the baseline as a g, so
    # "80+," stands with "invånare" (its box as tall as the font, on the same baseline),
    # not a point above, where the line of figures beside the label would take it.
    em = 42
    image = Image.new("L", (12 * em, 2 * em), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(SANS, em)
    draw.text((em, em // 2), "invånare", font=font)
    draw.text((7 * em, em // 2), "80+,", font=font)
    ink = np.asarray(image) < 128

    def word(text: str, x0: int, x1: int) -> Word:
        rows = np.flatnonzero(ink[:, x0:x1].any(axis=1))
        return Word(text, x0, x1, float(rows[0]), float(rows[-1] + 1), size=float(em))

    label, figures = (
        _font_box(word("invånare", 0, 6 * em)),
        _font_box(word("80+,", 6 * em, 12 * em)),
    )
    assert figures.middle_y == pytest.approx(label.middle_y, abs=0.05 * em)


@pytest.mark.parametrize("binarised", [False, True])
def test_a_bold_title_is_told_by_its_strokes(binarised: bool) -> None:
    """A grid's lines at 9 pt, 300 dpi, blurred as a scan blurs them, or blurred and then
    binarised as an archive copy is (strokes of whole pixels): the goal title beside an
    activity on one line, set in bold, and the plain description below it. Tesseract tells
    no weight; the strokes do, phrase by phrase."""
    sans = "/usr/share/fonts/truetype/liberation/LiberationSans-{}.ttf"
    regular, bold = (ImageFont.truetype(sans.format(face), 38) for face in ("Regular", "Bold"))
    image = Image.new("L", (2000, 260), 255)
    draw = ImageDraw.Draw(image)
    draw.text((60, 40), "Tydligt och nära ledarskap", font=bold)
    draw.text((900, 40), "Starta ett program för första linjens chefer.", font=regular)
    draw.text((60, 100), "Cheferna leder verksamheten mot", font=regular)
    draw.text((900, 100), "Ta fram en gemensam introduktion.", font=regular)
    draw.text((60, 160), "målen med mod och respekt.", font=regular)
    image = image.filter(ImageFilter.GaussianBlur(1))
    if binarised:
        image = image.point(lambda p: 0 if p < 128 else 255)
    page = ocr.read_image(image, 1)
    assert {w.text for w in page.words if w.bold} == {"Tydligt", "och", "nära", "ledarskap"}


def test_dots_and_accents_read_as_words_of_their_own_are_dropped() -> None:
    """A line Tesseract made up of the tops of the next line's letters: the dot of the "i" of
    "service" read as "i" and the dots of the "ö" of "bemötande" as "Ö", 4 pixels high over
    words 28 high. A dash is as low, but no letter, and a word Tesseract boxed as low away
    from any other line's word is still one."""
    data = tesseract_line(
        ("service", 28), ("bemötande", 28), ("och", 28), ("vänligt", 28), ("–", 3), ("i", 3)
    )
    data["top"] = [20, 20, 20, 20, 34, 200]
    marks = tesseract_line(("i", 4), ("Ö", 4))
    marks["left"], marks["top"], marks["line_num"] = [20, 130], [14, 14], [0, 0]
    for key in data:
        data[key] += marks[key]
    _drop_marks(data, 300)
    assert [t for t in data["text"] if t] == ["service", "bemötande", "och", "vänligt", "–", "i"]


@pytest.mark.parametrize(("height", "dropped"), [(9, True), (20, False)])
def test_the_ring_of_an_a_read_as_a_word_over_its_letter_is_dropped(
    height: int, dropped: bool
) -> None:
    """The ring of the "å" of "Kvarstår", dealt by Tesseract to a line made up of the tops of
    the next line's letters, read as an "o" 9 pixels high over words 28 high: a third of a
    word's height, lower than any letter. An "o" as high as the letters is a word."""
    data = tesseract_line(("Kvarstår", 28), ("Genomförd", 28))
    data["top"] = [20, 20]
    ring = tesseract_line(("o", height))
    ring["left"], ring["top"], ring["line_num"] = [10], [20 - height - 1], [0]
    for key in data:
        data[key] += ring[key]
    _drop_marks(data, 300)
    assert ("o" not in data["text"]) is dropped


@pytest.mark.parametrize(
    ("garble", "taken"), [((9.0, 30.0, 34.0), True), ((9.0, 62.0, 34.0), False)]
)
def test_a_garbled_label_read_again_with_an_unsure_word_is_taken_when_surer(
    monkeypatch, garble: tuple[float, ...], taken: bool
) -> None:
    """ "Mäta svarstider i" over "kvartal." read as a line of tall garble ("a a Svarsider",
    read at 9, 30 and 34), read again as "Mäta svarstider i" / "kvanal." (55): each word
    surer than any of the garble, so taken, the unsure one left unsure. Garble with a word
    read at 62 is kept against a reading at 55."""
    data = {
        "text": ["a", "a", "Svarsider", "och"],
        "conf": [*garble, 95.0],
        "left": [0, 60, 100, 300],
        "width": [55, 35, 150, 60],
        "top": [0, 0, 0, 0],
        "height": [76, 71, 85, 28],
        "block_num": [1] * 4,
        "par_num": [1] * 4,
        "line_num": [1] * 4,
        "word_num": [1, 2, 3, 4],
    }
    again = {key: [] for key in data}
    for text, conf, line, top in (
        ("Mäta", 96.0, 1, 0),
        ("svarstider", 96.0, 1, 0),
        ("kvanal.", 55.0, 2, 50),
    ):
        for key, value in (("text", text), ("conf", conf), ("left", 0), ("width", 50), ("top", top),
                           ("height", 28), ("block_num", 1), ("par_num", 1), ("line_num", line),
                           ("word_num", 1)):  # fmt: skip
            again[key].append(value)
    monkeypatch.setattr(ocr, "_read_cut", lambda pixels, boxes, pad, gap: {0: again})
    monkeypatch.setattr(ocr, "_usual_height", lambda data: 28.0)
    ocr._read_stacked(np.full((100, 400), 255, np.uint8), data, 300)
    read = [text for text in data["text"] if text]
    if taken:
        assert read == ["och", "Mäta", "svarstider", "kvanal."]
    else:
        assert read == ["a", "a", "Svarsider", "och"]


def _superscript_read_again(pixels: np.ndarray, read: str) -> str:
    """The word printed alone in `pixels`, first read as `read`, after `_superscripts`."""
    rows, cols = (
        np.flatnonzero((pixels < 128).any(axis=1)),
        np.flatnonzero((pixels < 128).any(axis=0)),
    )
    data = tesseract_line((read, int(rows[-1] + 1 - rows[0])))
    data["top"], data["left"] = [int(rows[0])], [int(cols[0])]
    data["width"] = [int(cols[-1] + 1 - cols[0])]
    ocr._superscripts(pixels, data)
    (text,) = data["text"]
    return text


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        ("anställda²", "anställda?"),  # a note's raised figure, read as a sign
        ("Sjukfrånvaro¹", "Sjukfrånvaro!"),
        ("stöd*", "stöd”"),
        ("anställda?", "anställda?"),  # a sign on the baseline stays
        ("kallade”", "kallade”"),  # a closing quote's pair of commas too
        ("2020¹", "2020!"),  # a row's year with a note's mark
        ("2021*", '2021"'),
        ("1–14¹", "1–14!"),
        ("20°", "20°"),  # a degree sign after figures stays
    ],
)
def test_a_superscript_after_a_label_is_read_again_alone(printed: str, read: str) -> None:
    image = Image.new("L", (600, 120), 255)
    font = ImageFont.truetype("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", 40)
    ImageDraw.Draw(image).text((40, 30), printed, font=font, fill=0)
    pixels = np.asarray(image)
    assert _superscript_read_again(pixels, read) == printed


@pytest.mark.parametrize(("printed", "read"), [("2017*", '2017"'), ("dag¹", "dag!")])
def test_a_blurred_small_mark_is_read_from_a_wider_or_larger_cut(printed: str, read: str) -> None:
    # A scan's narrow type: the mark's dark ink alone, a few pixels wide, reads unsurely.
    image = Image.new("L", (400, 100), 255)
    font = ImageFont.truetype(
        "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Regular.ttf", 28
    )
    ImageDraw.Draw(image).text((20, 20), printed, font=font, fill=0)
    pixels = np.asarray(image.filter(ImageFilter.GaussianBlur(1.0 if "*" in printed else 1.3)))
    assert _superscript_read_again(pixels, read) == printed


def test_a_line_taken_unread_into_a_word_above_it_is_read_apart() -> None:
    # A header's '%' set close under its 'Förändring': Tesseract boxes the word over both
    # lines and reads no '%'. The word's box is cut to its own line, and the line cut off
    # read alone: the Swedish model reads no per cent sign, its ink shows one.
    image = Image.new("L", (600, 200), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype("/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf", 36)
    draw.text((300, 20), "Förändring", font=font, fill=0, anchor="ra")
    _, _, _, foot = draw.textbbox((300, 20), "Förändring", font=font, anchor="ra")
    draw.text((300, foot + 7), "%", font=font, fill=0, anchor="ra")
    pixels = np.asarray(image)
    rows, cols = (
        np.flatnonzero((pixels < 128).any(axis=1)),
        np.flatnonzero((pixels < 128).any(axis=0)),
    )
    data = tesseract_line(("Förändring", int(rows[-1] + 1 - rows[0])))
    data["top"], data["left"] = [int(rows[0])], [int(cols[0])]
    data["width"] = [int(cols[-1] + 1 - cols[0])]
    data.update(level=[5], page_num=[1], word_num=[1])
    _to_ink(pixels, data, 300)
    assert data["text"] == ["Förändring", "%"]
    assert data["top"][0] + data["height"][0] <= foot + 1 < data["top"][1]


def test_a_seven_read_as_a_one_is_read_as_the_ink_shows(monkeypatch) -> None:
    """ "79,5" read surely as "19,5" by the Swedish model and less surely as "79.5" by the
    English one: the bar across the top of its first digit makes it a "7". A "1" read as "7"
    stays a "1" however sure that reading (its top is a narrow flag)."""
    pixels, data = printed_lines(
        [("79,5", "19,5", 78.0)], [("19,5", "19,5", 78.0)], [("17", "17", 80.0)]
    )
    english = {0: ("79.5", 62.0), 1: ("79.5", 90.0), 2: ("77", 95.0)}

    _english_reads(monkeypatch, english)
    _reread_figures(pixels, data, 300)
    assert data["text"] == ["79.5", "19,5", "17"]


def test_a_per_cent_sign_read_unsurely_by_the_english_model_is_taken_where_the_ink_shows_one(
    monkeypatch,
) -> None:
    # "84 %" read as "84 2": the English model reads the sign, but unsurely.
    pixels, data = printed_lines([("84", "84", 90.0), ("%", "2", 7.0), ("2", "2", 7.0)])
    english = {1: ("%", 42.0), 2: ("%", 42.0)}

    _english_reads(monkeypatch, english)
    _reread_figures(pixels, data, 300)
    assert data["text"] == ["84", "%", "2"]


def _line_of_words(printed: str, read: list[str]) -> tuple[np.ndarray, dict[str, list]]:
    """A line printed in Times at 10 pt, 300 dpi, and Tesseract's answer for it: the words as
    read (the printed words, one of them parted in two), each boxed to its ink."""
    em = 42
    font = ImageFont.truetype(SERIF, em)
    image = Image.new("L", (int(font.getlength(printed)) + 2 * em, 2 * em), 255)
    ImageDraw.Draw(image).text((em, em // 2), printed, font=font)
    pixels = np.asarray(image)
    boxes = []
    at = 0
    for word in read:
        start = printed.index(word, at)
        at = start + len(word)
        x0, x1 = em + font.getlength(printed[:start]), em + font.getlength(printed[:at])
        ink = pixels[:, int(x0) : int(np.ceil(x1))] < 128
        rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
        left = int(x0) + int(cols[0])
        box = (left, int(rows[0]), int(x0) + int(cols[-1]) + 1, int(rows[-1]) + 1)
        boxes.append((word, 82.0, box))
    return pixels, _tesseract_words(boxes)


@pytest.mark.parametrize(
    ("printed", "read", "words"),
    [
        # Parted at the gap a kerned "mf" leaves: one word.
        (
            "göra det sökbart på webbplatsen genomfört",
            ["göra", "det", "sökbart", "på", "webbplatsen", "genom", "fört"],
            ["göra", "det", "sökbart", "på", "webbplatsen", "genomfört"],
        ),
        # Two words a space apart stay two, though they spell a compound together.
        (
            "Antal inskrivna barn totalt",
            ["Antal", "inskrivna", "barn", "totalt"],
            ["Antal", "inskrivna", "barn", "totalt"],
        ),
        # Parted where the two halves spell no word together: left as read.
        (
            "göra det sökbart på webbplatsen genomfxrt",
            ["göra", "det", "sökbart", "på", "webbplatsen", "genomf", "xrt"],
            ["göra", "det", "sökbart", "på", "webbplatsen", "genomf", "xrt"],
        ),
    ],
)
def test_a_word_tesseract_parted_between_two_letters_is_one(
    printed: str, read: list[str], words: list[str]
) -> None:
    pixels, data = _line_of_words(printed, read)
    ocr._join_parted(pixels, data)
    assert [text for text in data["text"] if text] == words
    if len(words) < len(read):
        joined = data["text"].index("genomfört")
        assert data["left"][joined] + data["width"][joined] == max(
            left + width for left, width in zip(data["left"], data["width"], strict=True)
        )
