"""Page images made fit for Tesseract (extract/page_image.py), on drawn images."""

from __future__ import annotations

import numpy as np
import pikepdf
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from extract.lines import group_lines
from extract.ocr import WHOLE_PAGE, ocr_pages
from extract.page_image import erase_rules, flatten, skew, vertical_rules
from samples.make_scanned import Degrade, add_image_page, degrade, g4_image, render_pages

from .conftest import SAMPLES

DPI = 300


def _page(width: int = 1240, height: int = 1754) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("L", (width, height), 235)  # scanned paper is grey, not white
    return image, ImageDraw.Draw(image)


def test_a_page_with_little_ink_keeps_its_ink_dark() -> None:
    # A title page: a few words' worth of strokes on a sheet of paper.
    image, draw = _page()
    for x in range(200, 600, 40):
        draw.rectangle((x, 300, x + 12, 360), fill=40)
    flat = np.asarray(flatten(image, DPI))
    assert flat[330, 205] < 60  # a stroke
    assert flat[330, 230] > 200 and flat[900, 600] > 200  # the paper


def test_a_bold_title_keeps_its_thick_strokes_solid() -> None:
    image, draw = _page()
    for y in range(600, 1600, 40):  # a page of body text …
        for x in range(150, 1050, 30):
            draw.rectangle((x, y, x + 4, y + 25), fill=40)
    draw.rectangle((200, 300, 218, 420), fill=40)  # … under a stroke 18 px (1/17 inch) thick
    flat = np.asarray(flatten(image, DPI))
    assert flat[360, 209] < 60
    assert flat[360, 300] > 200


def test_skew_is_measured_on_the_text_not_on_the_edge_shadow() -> None:
    # A sample page spoiled as make_scanned.py spoils its crooked scans: turned by 1–1.2°,
    # with a shadow along one edge that lies straight with the scan.
    (clean, _), *_ = render_pages(SAMPLES / "tabeller" / "tabeller_c.pdf", 200, (3,))
    spec = Degrade(seed=51, angle=(1.0, 1.2), noise=7.0, paper=(220.0, 240.0), edge_share=0.5)
    assert 1.0 <= abs(skew(degrade(clean, spec, 2, 200))) <= 1.2


def test_vertical_lines_become_rules_in_points() -> None:
    mask = np.zeros((1000, 800), dtype=bool)
    mask[100:600, 300:303] = True  # a rule three pixels thick …
    mask[600:602, 300:303] = False  # … with a scan's dropout
    mask[602:900, 300:303] = True
    mask[100:900, 700] = True
    (first, second) = vertical_rules(mask, 72 / DPI)
    assert round(first.x, 1) == round(301 * 72 / DPI, 1)
    assert (round(first.top), round(first.bottom)) == (24, 216)
    assert round(second.x) == round(700 * 72 / DPI)


def test_a_large_letter_in_a_band_cut_from_a_page_is_no_rule() -> None:
    # A band an inch high holding a heading: the stem of its bold "l" (about 1/6 inch at
    # 300 dpi) stays, a table's vertical rule (half an inch and more) goes.
    image, draw = _page(height=300)
    draw.rectangle((200, 100, 210, 150), fill=40)  # the stem
    draw.rectangle((600, 40, 602, 260), fill=40)  # the rule
    cleaned, _, vertical = erase_rules(image, 72 / DPI)
    pixels = np.asarray(cleaned)
    assert pixels[125, 205] < 100 and not vertical[:, 195:215].any()
    assert pixels[150, 601] > 200 and vertical[150, 601]


def test_a_rule_a_hair_off_straight_keeps_its_whole_length() -> None:
    """A rule two pixels thick that steps down a pixel halfway (a scan a hair off straight):
    its first pixel row holds only part of it, the rows below the rest. It is one rule, as
    long as drawn (else a row rule is missed and two cells run together)."""
    image, draw = _page()
    draw.rectangle((100, 500, 700, 501), fill=40)
    draw.rectangle((701, 502, 1100, 503), fill=40)
    _, rules, _ = erase_rules(image, 72 / DPI)
    assert (rules[0].x0, rules[0].x1) == (100 * 72 / DPI, 1101 * 72 / DPI)


BOLD = "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"


def test_white_letters_with_tall_stems_on_a_dark_bar_all_turn_dark() -> None:
    # A header bar in black and white (an archive copy): the stems of 'l', 'k' and '1' leave
    # their columns less than half dark, but they are the bar's too, under its dark padding:
    # inverted with it, none of its letters is lost in a dark blob or erased with it.
    image, draw = _page()
    draw.rectangle((100, 400, 1100, 450), fill=0)
    draw.text((130, 400), "Avvikelse Utfall 2021", font=ImageFont.truetype(BOLD, 44), fill=255)
    letters = np.asarray(image)[400:451, 110:1090] > 128
    cleaned, _, _ = erase_rules(image, 72 / DPI)
    dark = np.asarray(cleaned)[400:451, 110:1090] < 128
    assert not dark[:6].any() and not dark[-6:].any()  # its padding, all white
    assert (dark == letters).mean() > 0.98  # every letter, dark on white


def test_tall_stems_of_a_two_line_header_on_a_dark_bar_turn_dark() -> None:
    # A two-line header cell ('Utfall' over 'jan-aug 2024') on a bar: the upper line's 'll'
    # reaches into the bar's top padding, and stands over the '24' of the lower line, so its
    # columns are mostly white and dark only at the bar's very edges: the bar's all the same.
    image, draw = _page()
    draw.rectangle((100, 400, 1100, 490), fill=0)
    font = ImageFont.truetype(BOLD, 40)
    for text, y in (("Utfall", 401), ("jan-aug 2024", 445)):
        draw.text((1080, y), text, font=font, fill=255, anchor="ra")
    letters = np.asarray(image)[400:491, 110:1090] > 128
    cleaned, _, _ = erase_rules(image, 72 / DPI)
    dark = np.asarray(cleaned)[400:491, 110:1090] < 128
    assert (dark == letters).mean() > 0.98  # every letter, dark on white


def test_dark_letters_on_a_light_grey_bar_stay_dark_on_white() -> None:
    # A header row shaded light grey under dark letters (a scan's grey counts as ink): the
    # bar becomes paper and its letters stay dark, not inverted into holes in a dark bar.
    image, draw = _page()
    draw.rectangle((100, 400, 1100, 450), fill=175)
    text = "År      Trygghet   Studiero   Nöjdhet"
    draw.text((130, 404), text, font=ImageFont.truetype(BOLD, 36), fill=50)
    letters = np.asarray(image)[400:451, 110:1090] < 110
    cleaned, _, _ = erase_rules(image, 72 / DPI)
    dark = np.asarray(cleaned)[400:451, 110:1090] < 128
    assert (dark == letters).mean() > 0.98


def test_a_line_of_bold_letters_is_no_bar() -> None:
    # A header line of bold letters across the page: in its x-height the letters make the
    # rows more than a third dark, but between them lies paper, not a bar's padding.
    image, draw = _page()
    text = "Genomsnittligt meritvärde  Behörighet yrkesprogram  Meritvärde riket"
    draw.text((60, 400), text, font=ImageFont.truetype(BOLD, 36), fill=30)
    cleaned, _, _ = erase_rules(image, 72 / DPI)
    assert np.array_equal(np.asarray(cleaned)[380:460] < 128, np.asarray(image)[380:460] < 128)


REGULAR = "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"
ROWS = [("Antal platser", "402", "396", "388"), ("Antal besök", "1 214", "1 198", "1 276")]


def _black_and_white_table() -> Image.Image:
    """A ruled table as an archive's scanner stores it, one bit a pixel at 300 dpi: its rules
    a pixel wide, with a pixel dropped every 30 (a thin grey line cut by the threshold)."""
    image = Image.new("L", (1600, 700), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(REGULAR, 40)
    columns, tops = [100, 600, 900, 1200, 1500], [100, 200, 300]
    for y in tops:
        draw.line((100, y, 1500, y), fill=0)
    for x in columns:
        draw.line((x, 100, x, 300), fill=0)
    pixels = np.asarray(image).copy()
    pixels[13::30, :] = 255  # dropouts in the vertical rules …
    pixels[:, 13::30] = 255  # … and in the horizontal ones
    image = Image.fromarray(pixels)
    draw = ImageDraw.Draw(image)
    for row, top in zip(ROWS, tops, strict=False):
        draw.text((120, top + 25), row[0], font=font, fill=0)
        for text, right in zip(row[1:], columns[2:], strict=True):
            draw.text((right - 20, top + 25), text, font=font, fill=0, anchor="ra")
    return image.convert("1").convert("L")


def test_the_thin_broken_rules_of_a_black_and_white_page_are_erased() -> None:
    image = _black_and_white_table()
    filtered = image.filter(ImageFilter.MedianFilter(3))
    cleaned, rules, vertical = erase_rules(filtered, 72 / DPI, black_and_white=image)
    pixels = np.asarray(cleaned)
    # No piece of a rule is left to be read as "i", "|" or "[" beside a figure.
    for x in (600, 900, 1200, 1500):
        assert pixels[105:295, x - 2 : x + 3].min() > 128
    assert pixels[98:103, 100:1500].min() > 128
    assert [round(rule.y / 72 * DPI) for rule in rules] == [99, 199, 299]
    assert vertical[150, 600] and vertical[250, 1200]


def test_a_black_and_white_page_s_table_is_read_without_its_rules(tmp_path) -> None:
    pdf = pikepdf.new()
    add_image_page(pdf, g4_image(_black_and_white_table()), (1600 * 72 / DPI, 700 * 72 / DPI))
    path = tmp_path / "arkiv.pdf"
    pdf.save(path)
    page = ocr_pages(path, {1: WHOLE_PAGE})[1]
    lines = [" ".join(w.text for w in line.words) for line in group_lines(page)]
    assert lines == [" ".join(row) for row in ROWS]


def test_a_light_line_across_a_dark_bar_is_a_rule_and_no_ink() -> None:
    # A two-level header on a dark bar: 'Utfall 2022' over three columns, with a thin light
    # line under it across them, blurred grey on a scan. The line is the bar's only rule, as
    # long as drawn; its rows are erased, not read as dashes; the bar's own rows are no rules.
    image, draw = _page()
    draw.rectangle((100, 400, 1100, 560), fill=60)
    font = ImageFont.truetype(BOLD, 36)
    draw.text((650, 410), "Utfall 2022", font=font, fill=235, anchor="ma")
    draw.rectangle((400, 470, 900, 472), fill=200)
    for x, text in ((450, "Intäkter"), (650, "Kostnader"), (850, "Netto")):
        draw.text((x, 500), text, font=font, fill=235, anchor="ma")
    image = image.filter(ImageFilter.GaussianBlur(1.2))
    cleaned, rules, _ = erase_rules(image, 72 / DPI)
    inside = [r for r in rules if 405 * 72 / DPI < r.y < 555 * 72 / DPI]
    assert inside and all(466 * 72 / DPI < r.y < 476 * 72 / DPI for r in inside)
    assert all(abs(r.x0 - 400 * 72 / DPI) < 2 and abs(r.x1 - 901 * 72 / DPI) < 2 for r in inside)
    assert (np.asarray(cleaned)[462:481, 380:920] > 200).all()


def _one_line_cells() -> Image.Image:
    """A black-and-white table whose one-line cells keep their vertical borders only in the
    first row: a light grey line cut by the threshold in one cell, kept in the next. Each
    piece (55 px, 13 pt) is shorter than a rule is looked for."""
    image = Image.new("L", (1600, 300), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(REGULAR, 40)
    columns, tops = [100, 600, 900, 1200, 1500], [100, 155, 210]
    for y in tops:
        draw.line((100, y, 1500, y), fill=0, width=2)
    for x in columns:
        draw.line((x, 100, x, 155), fill=0, width=2)
    for row, top in zip(ROWS, tops, strict=False):
        draw.text((120, top + 8), row[0], font=font, fill=0)
        for text, right in zip(row[1:], columns[2:], strict=True):
            draw.text((right - 20, top + 8), text, font=font, fill=0, anchor="ra")
    return image.convert("1").convert("L")


def test_the_short_cell_borders_of_a_black_and_white_page_are_erased(tmp_path) -> None:
    image = _one_line_cells()
    filtered = image.filter(ImageFilter.MedianFilter(3))
    cleaned, _, _ = erase_rules(filtered, 72 / DPI, black_and_white=image)
    pixels, letters = np.asarray(cleaned), np.asarray(filtered)
    for x in (600, 900, 1200, 1500):
        assert pixels[105:150, x - 2 : x + 3].min() > 128
    # The letters' stems touch no rule at both ends: the label is kept whole.
    assert np.array_equal(pixels[110:150, 110:590] < 128, letters[110:150, 110:590] < 128)
    pdf = pikepdf.new()
    add_image_page(pdf, g4_image(image), (1600 * 72 / DPI, 300 * 72 / DPI))
    path = tmp_path / "celler.pdf"
    pdf.save(path)
    page = ocr_pages(path, {1: WHOLE_PAGE})[1]
    lines = [" ".join(w.text for w in line.words) for line in group_lines(page)]
    assert lines == [" ".join(row) for row in ROWS]
