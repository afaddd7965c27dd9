"""What a word's image shows that Tesseract's text loses (extract/glyphs.py), on words drawn
in the metrics of Helvetica and Times at 10 pt, 300 dpi."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from extract.glyphs import (
    as_drawn,
    blurred,
    digit_count,
    narrow_tops,
    per_cent_sign,
    plus_sign,
    sign_apart,
    stroke_width,
    within_brackets,
)
from extract.glyphs import columns as columns_of

EM = 42  # pixels: 10 pt at 300 dpi
FONTS = [
    f"/usr/share/fonts/truetype/liberation/Liberation{face}-Regular.ttf"
    for face in ("Sans", "Serif")
]


BOLD = "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"


def drawn(text: str, font: str, blur: float = 0, em: int = EM) -> np.ndarray:
    """The word in black on white, cut to its ink as Tesseract boxes it, a pixel to spare."""
    image = Image.new("L", (em * len(text), 2 * em), 255)
    ImageDraw.Draw(image).text((em // 2, em // 3), text, font=ImageFont.truetype(font, em))
    image = image.filter(ImageFilter.GaussianBlur(blur))
    ink = np.asarray(image) < 128
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    return np.asarray(image)[rows[0] - 1 : rows[-1] + 2, cols[0] - 1 : cols[-1] + 2]


@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize(
    ("printed", "read"),
    [
        ("1 215", "1215"),  # the thousands space Tesseract closes
        ("15 611", "15611"),
        ("1 198", "1198"),
        ("1111", "1111"),  # a "1" is narrow: the gaps beside it are no spaces
        ("2011", "2011"),
        ("5,4", "54"),  # the decimal comma it overlooks
        ("16–84", "16-84"),  # a dash by its length
        ("F–6", "F-6"),
        ("2021-12-31", "2021—12—31"),
        ("BPSD-registret", "BPSD-registret"),
        ("HR-strateg", "HR–strateg"),  # the "H"'s crossbar is longer, but joined at both ends
        ("- 3", "-3"),  # a minus set apart, read close
        ("-3", "-3"),
        ("–4,8", "-4,8"),
        ("–", "-"),
        ("-", "–"),
    ],
)
def test_what_the_ink_shows(printed: str, read: str, font: str) -> None:
    assert as_drawn(read, drawn(printed, font), EM) == printed


@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize(
    ("printed", "read"),
    [("1–5", "1-5"), ("2021-12-31", "2021–12–31"), ("2016-06-30", "2016–06–30")],
)
def test_a_dash_a_scan_blurred_grey(printed: str, read: str, font: str) -> None:
    assert as_drawn(read, drawn(printed, font, blur=1.5), EM) == printed


@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize(("printed", "apart"), [("6%", False), ("6 %", True), ("11%", False)])
def test_a_per_cent_sign_apart_or_not(printed: str, apart: bool, font: str) -> None:
    assert sign_apart(drawn(printed, font), 1 + printed.startswith("11")) is apart


def thickened(box: np.ndarray, pixels: int) -> np.ndarray:
    """The word as a blurred scan's threshold leaves it: every stroke `pixels` bolder each side."""
    padded = np.pad(box, pixels, constant_values=255)
    return np.asarray(Image.fromarray(padded).filter(ImageFilter.MinFilter(2 * pixels + 1)))


@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize(("printed", "read"), [("1–4", "1-4"), ("16–84", "16-84"), ("F–6", "F-6")])
def test_a_dash_a_scan_thickened_as_its_stems(printed: str, read: str, font: str) -> None:
    # A scan thickens every stroke, the dash's too: 0.3 em, no thinner than 0.15 em then,
    # but no thicker than the stems beside it.
    assert as_drawn(read, thickened(drawn(printed, font, blur=1.0), 2), EM) == printed


def test_how_long_a_dash_is_a_guess_in_a_blurred_scan() -> None:
    # Its length grows with the strokes: a hyphen may measure as an en dash. OCR reads such a
    # word as unsure (ocr.read_image), so its row goes to Granska.
    sans = FONTS[0]
    assert not blurred(drawn("e-post", sans), EM)
    assert not blurred(drawn("e-post", sans, blur=1.5), EM)
    assert blurred(thickened(drawn("e-post", sans, blur=1.0), 2), EM)


@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize(
    "printed", ["1", "7", "11", "72", "15", "100", "1111", "2.3", "5,4", "2021"]
)
def test_how_many_digits_the_ink_shows(printed: str, font: str) -> None:
    # "72" read as "172" or "11" as "1" has a digit the ink does not show, or lacks one.
    digits = sum(ch.isdigit() for ch in printed)
    assert digit_count(drawn(printed, font)) == digits
    assert digit_count(drawn(printed, font, blur=1.0)) == digits


def test_a_minus_a_scan_blurred_thick_is_measured_at_half_its_darkness() -> None:
    # "- 3,49": the lone minus, its stroke grey for two pixels above and below its core.
    box = np.full((13, 17), 255, np.uint8)
    box[2:4, 2:15] = box[7:9, 2:15] = 150
    box[4:7, 2:15] = 40
    assert as_drawn("–", box, EM) == "-"


@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize(
    ("printed", "read"),
    [("-0,1", "0,1"), ("-1", "1"), ("-12", "12"), ("0,1", "0,1"), ("7", "7"), ("+12", "12")],
)
def test_a_minus_tesseract_left_out_before_a_number(printed: str, read: str, font: str) -> None:
    # A flat bar half-way up the digits is a minus; a plus's upright stroke makes it none.
    expected = printed.lstrip("+")
    assert as_drawn(read, drawn(printed, font), EM) == expected
    assert as_drawn(read, drawn(printed, font, blur=1.0), EM) == expected


@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize(
    ("printed", "read"), [("-0,1", "0,1"), ("-9", "9"), ("-3", "3"), ("+0,1", "0,1"), ("+4", "4")]
)
def test_a_minus_a_scan_blurred_into_the_digit_after_it(printed: str, read: str, font: str) -> None:
    # Blurred thick, the bar runs into the digit's ink: a minus all the same; a plus sign's arm
    # going on past its upright makes it none.
    expected = printed.lstrip("+")
    assert as_drawn(read, thickened(drawn(printed, font, blur=1.0), 2), EM) == expected


def test_a_short_minus_thickened_by_a_scan_is_a_minus() -> None:
    # An archive copy's hyphen-minus: 0.22 em long, and a scan's 0.12 em thick.
    digits = drawn("0,1", FONTS[0])
    box = np.hstack([np.full((digits.shape[0], 14), 255, np.uint8), digits])
    middle = digits.shape[0] // 2
    box[middle - 2 : middle + 3, 2:11] = 0
    assert as_drawn("0,1", box, EM) == "-0,1"


def spaced(digits: str, gaps: list[float], font: str) -> np.ndarray:
    """The digits drawn one by one, each the given ems of blank after the one before (beyond
    the bearings of a digit's advance), as a scan's bold figures come out unevenly set."""
    glyphs = [drawn(digit, font)[:, 1:-1] for digit in digits]
    height = max(glyph.shape[0] for glyph in glyphs)
    slack = [max(0.0, (0.53 * EM - glyph.shape[1]) / 2) for glyph in glyphs]
    parts = [np.full((height, 1), 255, np.uint8)]
    for index, glyph in enumerate(glyphs):
        if index:
            blank = gaps[index - 1] * EM + slack[index - 1] + slack[index]
            parts.append(np.full((height, round(blank)), 255, np.uint8))
        parts.append(np.pad(glyph, ((height - glyph.shape[0], 0), (0, 0)), constant_values=255))
    parts.append(np.full((height, 1), 255, np.uint8))
    return np.hstack(parts)


@pytest.mark.parametrize(
    ("printed", "gaps"),
    [("2019", [0.14, 0.11, 0.05]), ("2020", [0.08, 0.05, 0.14]), ("2 412", [0.37, 0.11, 0.05])],
)
def test_a_thousands_space_is_wider_than_the_other_gaps(printed: str, gaps: list[float]) -> None:
    # A scan sets bold figures unevenly: a gap a little wider than the rest is no space.
    bold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
    digits = printed.replace(" ", "")
    assert as_drawn(digits, spaced(digits, gaps, bold), EM) == printed


@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize(("printed", "read"), [("+ 32", "+32"), ("+ 512", "+512"), ("+12", "+12")])
def test_a_plus_sign_apart_or_not(printed: str, read: str, font: str) -> None:
    assert as_drawn(read, drawn(printed, font), EM) == printed
    assert as_drawn(read, thickened(drawn(printed, font, blur=1.0), 1), EM) == printed


@pytest.mark.parametrize("font", FONTS)
def test_a_plus_sign_by_its_shape(font: str) -> None:
    # Tesseract reads a lone "+" before figures unsurely; its ink shows it, however thick.
    assert plus_sign(drawn("+", font))
    assert plus_sign(thickened(drawn("+", font, blur=1.0), 2))
    assert not any(plus_sign(drawn(mark, font)) for mark in ("x", "t", "4", "–", "o", "f", "1"))


def test_a_thin_plus_sign_whose_arms_fade_is_a_plus() -> None:
    # An archive copy's "+": its upright 15 pixels tall, its arms' ends grey, 10 pixels of ink.
    box = np.full((17, 16), 255, np.uint8)
    box[1:16, 7:9] = 0
    box[7:9, 3:13] = 0
    box[7:9, 1:3] = box[7:9, 13:15] = 200
    assert plus_sign(box)


@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize(("printed", "read"), [("18 535", "18.535"), ("2 412", "2,412")])
def test_a_thousands_space_read_as_a_mark(printed: str, read: str, font: str) -> None:
    # No mark in the ink between the digits: the space parts thousands.
    assert as_drawn(read, drawn(printed, font), EM) == printed
    assert as_drawn(read, drawn(printed, font, blur=1.0), EM) == printed


@pytest.mark.parametrize("font", [*FONTS, "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"])
@pytest.mark.parametrize("printed", ["2,5", "0,1", "12,75", "1.2", "3.14"])
def test_a_decimal_comma_or_point_as_its_ink_shows(printed: str, font: str) -> None:
    # Tesseract reads the one as the other in a scan ("2,5" as "2.5"); a comma's tail reaches
    # below the digits. Where a scan's thick strokes hide it, the reading stands.
    read = printed.translate(str.maketrans(",.", ".,"))
    assert as_drawn(read, drawn(printed, font), EM) == printed
    assert as_drawn(read, drawn(printed, font, blur=1.0), EM) == printed
    assert as_drawn(read, thickened(drawn(printed, font, blur=1.0), 2), EM) in (printed, read)


def test_a_minus_with_a_speck_on_it_is_a_minus() -> None:
    # An archive copy's image: a speck on the bar makes it no thicker along its length (its
    # line's size, as Tesseract's boxes give it, a little small).
    box = drawn("-0,1", FONTS[0]).copy()
    bar = columns_of(box)[0]
    box[bar.top - 2 : bar.top, bar.left + 3 : bar.left + 6] = 0
    assert as_drawn("0,1", box, 0.75 * EM) == "-0,1"


@pytest.mark.parametrize("font", FONTS)
def test_a_per_cent_sign_by_its_shape(font: str) -> None:
    # The Swedish model reads "%" as "96", "N" or "Yo", the English one a "96" now and then as
    # "%": the ink tells them apart, blurred too, and within brackets ("(96)" for "(%)").
    for blur in (0, 1.0):
        assert per_cent_sign(drawn(" % ", font, blur))
        assert per_cent_sign(within_brackets(drawn("(%)", font, blur), True, True))
        for figures in ("96", "69", "88", "17", "71", "06", "N", "H", "Yo"):
            assert not per_cent_sign(drawn(f" {figures} ", font, blur)), figures
        assert not per_cent_sign(within_brackets(drawn("(96)", font, blur), True, True))


def test_bold_strokes_tell_from_plain_ones_in_a_binarised_image() -> None:
    """An archive copy's image is binarised: a plain stroke is 3 pixels wide in one word and
    4 in the next, a bold one 4 or 5. Measured over every stroke of a word, plain words
    measure alike and bold ones clearly thicker (8.6 pt at 300 dpi)."""
    words = ["Kommunen", "föredöme", "miljöarbetet", "medarbetare", "Färre", "LED"]
    sans = "/usr/share/fonts/truetype/liberation/LiberationSans-{}.ttf"

    def widths(face: str) -> list[float]:
        font = ImageFont.truetype(sans.format(face), 36)
        out = []
        for word in words:
            image = Image.new("L", (36 * len(word), 72), 255)
            ImageDraw.Draw(image).text((18, 12), word, font=font)
            image = image.filter(ImageFilter.GaussianBlur(1.2)).point(
                lambda p: 0 if p < 128 else 255
            )
            out.append(stroke_width(np.asarray(image)))
        return out

    plain, bold = widths("Regular"), widths("Bold")
    assert max(plain) < 1.2 * min(plain)
    assert min(bold) > 1.25 * max(plain)


@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize(
    ("printed", "read"),
    [
        ("Antal 2023", "Antal2023"),  # a header's label and year, a narrow space apart
        ("Kv 1", "Kv1"),
        ("Utfall 2022", "Utfall2022"),
        ("Tabell4", "Tabell4"),  # printed together, it stays so
        ("Kv1", "Kv1"),
        ("Riket2021", "Riket2021"),
    ],
)
def test_a_word_space_before_figures_as_the_ink_shows(printed: str, read: str, font: str) -> None:
    assert as_drawn(read, drawn(printed, font), EM) == printed


@pytest.mark.parametrize("font", [*FONTS, BOLD])
@pytest.mark.parametrize(
    ("printed", "read"),
    [
        ("Utfall", "utfall"),  # a capital with its small letter's shape, by its height
        ("Vt", "vt"),
        ("Summa", "summa"),
        ("utfall", "utfall"),  # a small letter stays so
        ("vt", "vt"),
        ("ovan", "ovan"),
        ("summa", "summa"),
    ],
)
def test_a_capital_read_as_its_small_letter(printed: str, read: str, font: str) -> None:
    assert as_drawn(read, drawn(printed, font), EM) == printed


CONDENSED = "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf"


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        ("7–20", "7-20"),  # a range between figures: an en dash, short in a condensed face
        ("2020–2022", "2020-2022"),
        ("–", "-"),  # a spaced dash standing alone
        ("Prova-på-kurser", "Prova-på-kurser"),  # between letters a hyphen stays one
        ("e-tjänst", "e-tjänst"),
        ("2016-06-30", "2016-06-30"),  # a date's are hyphens
        ("-", "-"),
    ],
)
def test_an_en_dash_of_a_condensed_face_a_scan_blurred(printed: str, read: str) -> None:
    # DejaVu Sans Condensed's en dash is 0.45 em long, its hyphen 0.32 em; a scan's blur
    # fades the ends of the one and widens the other.
    image = Image.new("L", (EM * len(printed) * 2, 2 * EM), 255)
    font = ImageFont.truetype(CONDENSED, round(0.8 * EM))  # 8 pt in a 10 pt line
    ImageDraw.Draw(image).text((EM // 2, EM // 3), printed, font=font)
    image = image.resize((image.width // 2, image.height // 2)).resize(image.size)
    image = image.filter(ImageFilter.GaussianBlur(1))
    box = np.asarray(image)
    ink = box < 128
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    box = box[rows[0] - 1 : rows[-1] + 2, cols[0] - 1 : cols[-1] + 2]
    assert as_drawn(read, box, 0.8 * EM) == printed


@pytest.mark.parametrize("font", [*FONTS, BOLD])
@pytest.mark.parametrize(
    ("printed", "read"),
    [
        ("upp", "Upp"),  # a small letter's word read alone as a capital's
        ("ut", "Ut"),
        ("ut", "ut"),  # a small letter by a 't' no capital stands a tenth under
        ("vill", "vill"),
        ("Upp", "Upp"),  # a capital stays so
        ("Ut", "Ut"),
        ("Utfall", "Utfall"),
        ("Vår", "Vår"),  # the ring over the 'a' is no letter's body
    ],
)
def test_a_small_letter_measured_on_a_line_of_its_own(printed: str, read: str, font: str) -> None:
    """A word alone on its line is measured by its own box, as read: a line of 'Upp' or 'ut'
    alone comes out a tenth smaller than the text beside it."""
    assert as_drawn(read, drawn(printed, font), 0.89 * EM) == printed


@pytest.mark.parametrize("font", [*FONTS, BOLD])
@pytest.mark.parametrize("printed", ["19,5", "79,5", "1171", "7 217", "17"])
def test_a_one_has_a_narrow_top_a_seven_a_bar(printed: str, font: str) -> None:
    # The models read a "7" as a "1" and back now and then: the top of its ink tells them
    # apart (other digits' tops may be narrow or wide).
    digits = [d for d in printed if d.isdigit()]
    for blur in (0, 1.0):
        narrow = narrow_tops(drawn(printed, font, blur=blur))
        assert narrow is not None and len(narrow) == len(digits)
        assert [n for n, d in zip(narrow, digits, strict=True) if d in "17"] == [
            d == "1" for d in digits if d in "17"
        ]
