"""Marks Tesseract leaves out or misreads that the ink shows (ocr.py, glyphs.py): a per cent
sign after a label, a full stop after a word, a thousands space beside a footed "1", a
hyphen-minus a scan's blur joins to the figure after it and an en dash a scaled image leaves
lighter in its middle. Words are drawn at 300 dpi."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extract import ocr
from extract.glyphs import as_drawn
from extract.page_image import runs

from .test_glyphs import EM, drawn

FONTS = "/usr/share/fonts/truetype/"
SERIF = FONTS + "liberation/LiberationSerif-Regular.ttf"


def _box(pixels: np.ndarray, x0: int, x1: int) -> tuple[int, int, int, int]:
    """The ink between columns x0 and x1 as Tesseract boxes a word: left, top, width, height."""
    ink = pixels[:, x0:x1] < 128
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    return x0 + int(cols[0]), int(rows[0]), int(cols[-1] + 1 - cols[0]), int(rows[-1] + 1 - rows[0])


def _answer(words: list[tuple[str, tuple[int, int, int, int]]]) -> dict[str, list]:
    """Tesseract's answer (image_to_data's keys): the words of one line, read surely."""
    keys = "level page_num block_num par_num line_num word_num left top width height conf text"
    data: dict[str, list] = {key: [] for key in keys.split()}
    for number, (text, (left, top, width, height)) in enumerate(words, start=1):
        row = {"level": 5, "page_num": 1, "block_num": 1, "par_num": 1, "line_num": 1}
        row |= {"word_num": number, "left": left, "top": top, "width": width}
        row |= {"height": height, "conf": 94.0, "text": text}
        for key, value in row.items():
            data[key].append(value)
    return data


def test_a_per_cent_sign_after_a_label_tesseract_read_no_word_of() -> None:
    # 'Andel %' read as 'Andel' alone, its sign lost (a page read in a band): the ink after
    # the label, as tall as figures and as wide as a sign, is read alone by the English
    # model and taken as the sign.
    font = ImageFont.truetype(SERIF, EM)
    image = Image.new("L", (8 * EM, 3 * EM), 255)
    ImageDraw.Draw(image).text((EM, EM), "Andel %", font=font)
    pixels = np.asarray(image)
    data = _answer([("Andel", _box(pixels, EM, EM + int(font.getlength("Andel")) + 2))])
    ocr._reread_figures(pixels, data, 300)
    assert data["text"] == ["Andel", "%"]
    assert data["left"][1] > data["left"][0] + data["width"][0]
    assert len({len(values) for values in data.values()}) == 1


def _read_kvartal(
    monkeypatch, printed: str, speck: tuple[int, int, int, int] | None = None
) -> list[str]:
    """'Tredje kvartal' and what follows it printed, a speck perhaps, and read as a page
    where Tesseract boxed 'kvartal' alone: the words of the page."""
    font = ImageFont.truetype(SERIF, EM)
    image = Image.new("L", (12 * EM, 4 * EM), 255)
    draw = ImageDraw.Draw(image)
    draw.text((EM, 2 * EM), "Tredje", font=font, anchor="ls")
    draw.text((4 * EM, 2 * EM), printed, font=font, anchor="ls")
    if speck:
        draw.rectangle(speck, fill=0)
    pixels = np.asarray(image)
    answer = _answer(
        [
            ("Tredje", _box(pixels, EM, 4 * EM - 4)),
            ("kvartal", _box(pixels, 4 * EM, 4 * EM + int(font.getlength("kvartal")))),
        ]
    )
    calls = []

    def image_to_data(image, lang=None, config="", output_type=None):
        # The page read once; anything read again alone reads as nothing.
        calls.append(image.size)
        return answer if len(calls) == 1 else {key: [] for key in answer}

    monkeypatch.setattr(ocr.pytesseract, "image_to_data", image_to_data)
    return [w.text for w in ocr.read_image(image, 1).words]


def test_a_full_stop_tesseract_left_off_a_word_is_added(monkeypatch) -> None:
    # A small solid dot on the baseline right after the word's last letter: its full stop.
    assert _read_kvartal(monkeypatch, "kvartal.") == ["Tredje", "kvartal."]
    right = 4 * EM + int(ImageFont.truetype(SERIF, EM).getlength("kvartal"))
    on_baseline = (right + 2, 2 * EM - 5, right + 6, 2 * EM - 1)
    assert _read_kvartal(monkeypatch, "kvartal", on_baseline) == ["Tredje", "kvartal."]
    # As small a speck half-way up the letters, or no ink at all, is no full stop.
    high = (right + 2, 2 * EM - 22, right + 6, 2 * EM - 18)
    assert _read_kvartal(monkeypatch, "kvartal", high) == ["Tredje", "kvartal"]
    assert _read_kvartal(monkeypatch, "kvartal") == ["Tredje", "kvartal"]


@pytest.mark.parametrize("blur", [0, 1.0])
def test_a_thousands_space_before_a_footed_one(blur: float) -> None:
    # DejaVu Serif Bold's "1" has a foot about as wide as a digit's advance, leaving none of
    # the slack a narrow "1" has: measured by the bearings, the gap between it and the "2"
    # after it is a space too, and "2412" parts in the wrong places. From one digit's middle
    # to the next, only the step over the space is wider than the others.
    font = FONTS + "dejavu/DejaVuSerif-Bold.ttf"
    assert as_drawn("2412", drawn("2 412", font, blur), EM) == "2 412"
    assert as_drawn("2412", drawn("2412", font, blur), EM) == "2412"


@pytest.mark.parametrize(
    ("face", "em", "blur"), [("Regular", 40, 1.3), ("Bold", 42, 1.5), ("Bold", 42, 2.0)]
)
@pytest.mark.parametrize("read", ["-4,8", "–4,8"])
def test_a_hyphen_minus_a_scan_blurred_into_the_figure_after_it(
    face: str, em: int, blur: float, read: str
) -> None:
    # Blurred, the hyphen's end runs into the foot of the 4's crossbar through grey: the grey
    # between them is no part of the stroke, which stays as short as a hyphen. An en dash,
    # blurred alike, is still one. Tesseract reads either as either.
    font = FONTS + f"liberation/LiberationSerif-{face}.ttf"
    assert as_drawn(read, drawn("-4,8", font, blur, em), em) == "-4,8"
    assert as_drawn(read, drawn("–4,8", font, blur, em), em) == "–4,8"


@pytest.mark.parametrize("face", ["Serif-Regular", "Sans-Regular", "Serif-Bold"])
@pytest.mark.parametrize("read", ["1-4)", "1–4)"])
def test_an_en_dash_lighter_in_its_middle_stays_an_en_dash(face: str, read: str) -> None:
    # A 1-bit page image scaled down leaves a dash's middle grey in two columns: drawn in
    # black and white, the dash (the longest run of thin columns) is made grey there. The
    # range's en dash has an en dash's length on both sides of the grey, so it is one stroke,
    # no hyphen cut short (only a minus blurred into a figure is parted at such grey).
    font = FONTS + f"liberation/Liberation{face}.ttf"
    box = np.where(drawn("1–4)", font) < 128, 0, 255).astype(np.uint8)
    ink = box < 128
    thin = ink.any(axis=0) & (ink.sum(axis=0) <= 0.15 * EM)
    left, right = max(runs(thin), key=lambda run: run[1] - run[0])
    middle = box[:, (left + right) // 2 - 1 : (left + right) // 2 + 1]
    middle[middle == 0] = 130
    assert as_drawn(read, box, EM) == "1–4)"
