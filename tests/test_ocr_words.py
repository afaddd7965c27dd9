"""OCR words from Tesseract's answer (ocr.py), without running Tesseract: which are print, a
line's font size, marks read apart from their letters and per cent signs."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extract import ocr
from extract.ocr import _line_sizes, _printed, _reread_figures, _without_marks_apart
from extract.page import Word


def tesseract_line(*words: tuple[str, int], conf: float = 95.0) -> dict[str, list]:
    """Tesseract's answer for one line: each word's text and box height in pixels."""
    return {
        "text": [text for text, _ in words],
        "height": [height for _, height in words],
        "conf": [conf] * len(words),
        "block_num": [1] * len(words),
        "par_num": [1] * len(words),
        "line_num": [1] * len(words),
    }


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
    """ "82 %" read as "82 4" and "9,2 %" as "9,2 Yo": the English model, reading the word
    after a number alone, sees the sign; a unit it cannot read is left alone."""
    data = tesseract_line(("82", 25), ("4", 25), ("9,2", 25), ("Yo", 25), ("5", 25), ("kr", 25))
    english = {1: ("%", 92.0), 3: ("%", 91.0), 5: ("%", 12.0)}

    def read_alone(pixels, data, indices, dpi, language):
        return {i: english[i] for i in indices if i in english} if language == "eng" else {}

    monkeypatch.setattr(ocr, "_read_alone", read_alone)
    _reread_figures(None, data, 300)
    assert data["text"] == ["82", "%", "9,2", "%", "5", "kr"]


SERIF = "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf"


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

    def read_alone(pixels, data, indices, dpi, language):
        asked.append((language, sorted(indices)))
        found = english if language == "eng" else swedish
        return {i: found[i] for i in indices if i in found}

    monkeypatch.setattr(ocr, "_read_alone", read_alone)
    _reread_figures(pixels, data, 300)
    assert data["text"] == ["15", "20", "72", "11", "7", "7", "1", "2.3", "IS", "det", "-4,8"]
    assert data["conf"][4] == 36.0 and data["conf"][6] <= ocr.UNSURE_FIGURE
    assert 8 not in asked[-1][1]


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

    def read_alone(pixels, data, indices, dpi, language):
        return {i: ("3%", 0.0) for i in indices} if language == "eng" else {}

    monkeypatch.setattr(ocr, "_read_alone", read_alone)
    _reread_figures(pixels, data, 300)
    assert data["text"] == ["- 3 %", "-3 %"]
