"""Page images made fit for Tesseract: straightened, table borders erased (and kept as
rules), dark header bars inverted, the paper's tone divided out, and a ruled table's columns
laid out one below the other to be read on their own."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
from PIL import Image

from .page import Rule, VRule


def straighten(
    image: Image.Image, limit: float = 3.0, step: float = 0.1, shrink: int = 4
) -> Image.Image:
    """Undo a scanner's small rotation (see `skew`)."""
    angle = skew(image, limit, step, shrink)
    if abs(angle) < step / 2:
        return image
    return image.rotate(angle, resample=Image.BICUBIC, fillcolor=255)


def skew(image: Image.Image, limit: float = 3.0, step: float = 0.1, shrink: int = 4) -> float:
    """The rotation (degrees) at which text lines give the sharpest horizontal projection
    profile, searched on a copy `shrink` times smaller."""
    small = image.resize((max(1, image.width // shrink), max(1, image.height // shrink)))
    # The margins are left out: a scanner's shadow along the page's edge lies straight with
    # the scan, not with the text, and would win.
    across, down = round(small.width * 0.06), round(small.height * 0.04)
    small = small.crop((across, down, small.width - across, small.height - down))
    ink = np.asarray(small) < 160
    if ink.mean() < 0.002:
        return 0.0
    mask = Image.fromarray((ink * 255).astype(np.uint8))
    best_angle, best_score = 0.0, -1.0
    for angle in np.arange(-limit, limit + step / 2, step):
        profile = np.asarray(mask.rotate(float(angle), resample=Image.NEAREST)).sum(
            axis=1, dtype=np.float64
        )
        score = float(np.square(np.diff(profile)).sum())
        if score > best_score:
            best_angle, best_score = float(angle), score
    return best_angle


_MIN_VRULE = 28.0  # points: taller than a title's letters, shorter than a header and a row


def erase_rules(
    image: Image.Image, scale: float, black_and_white: Image.Image | None = None
) -> tuple[Image.Image, tuple[Rule, ...], np.ndarray]:
    """The image without long straight lines, the horizontal ones as rules, and the pixels of
    the vertical ones (outside dark bars, whose gaps between letters are no rules).

    `black_and_white` is the page as an archive's scanner stored it (one bit a pixel), before
    its speckle was filtered out: the lines are found there. Its rules are a pixel or two
    wide with a pixel dropped here and there, and the filter that takes out specks leaves
    them in pieces too short to be rules, which Tesseract reads as "i", "|" or "[". So they
    are looked for in the unfiltered page, their short gaps bridged."""
    pixels = np.asarray(image)
    ink = pixels < float(np.median(pixels)) - 45  # thin grey borders on grey scanned paper too
    across, along = _thicken(ink, axis=0), _thicken(ink, axis=1)
    if black_and_white is not None:
        lines = np.asarray(black_and_white) < 128
        across = _bridged(_thicken(lines, axis=0), axis=1)
        along = _bridged(_thicken(lines, axis=1), axis=0)
    # A line left a degree off straight wanders a pixel: runs are looked for in ink thickened
    # across the line, and erased with a pixel to spare.
    horizontal = long_runs(across, max(40, image.width // 12))
    # A rule's length counts in points, not in the image's height: in a band cut from a page
    # the stem of a large heading's "l" would be a rule.
    vertical = long_runs(along.T, max(40, round(_MIN_VRULE / scale))).T
    erased = _thicken(horizontal, axis=0) | _thicken(vertical, axis=1)
    if black_and_white is not None:
        erased |= _thicken(_cell_borders(along, horizontal, scale), axis=1)
    cleaned, bars = _invert_bars(pixels, ink)
    # A bar's rows are long runs too; its text, now dark on white, is kept.
    cleaned[erased & ~bars] = 255
    # A light line across a dark bar (under a header spanning columns) is dark once the bar is
    # inverted: the bar's rule, where its own rows are none, and no letters for Tesseract.
    # Such a line is thin and blurred to a grey much darker than the bar's letters. Only the
    # bars' rows are searched (a page's search costs a third of a second).
    length = max(40, image.width // 12)
    for top, bottom in runs(bars.any(axis=1)):
        band = slice(max(0, top - 2), bottom + 2)
        light = long_runs(_thicken((cleaned[band] < 200) & bars[band], axis=0), length)
        cleaned[band][_thicken(_thicken(light, axis=0), axis=0)] = 255
        horizontal[band] = long_runs(horizontal[band] & ~bars[band], length) | light
    rules: list[Rule] = []
    for y in np.flatnonzero(horizontal.any(axis=1)):
        if rules and abs(rules[-1].y - y * scale) < 3 * scale:
            continue  # the same line, a few pixels thick
        # Its length over all those pixel rows: a line a hair off straight lies in one row
        # for part of its length and in the next for the rest.
        start, length = longest_run(horizontal[y : y + 3].any(axis=0))
        rules.append(Rule(start * scale, (start + length) * scale, y * scale))
    return Image.fromarray(cleaned), tuple(rules), vertical & ~bars


_MIN_CELL = 6.0  # points: a cell is at least a line of small print tall


def _cell_borders(along: np.ndarray, horizontal: np.ndarray, scale: float) -> np.ndarray:
    """The pieces of vertical lines that run from one horizontal rule to another: a cell's
    borders, however short. Made black and white, a light grey line is kept in one cell and
    dropped in the next (its place between two pixel columns differs from cell to cell), and
    a one-line cell's piece is shorter than a rule is looked for; left in, Tesseract reads it
    as "i" or "|" among the figures. A letter's stem does not touch a rule at both ends, and
    a piece with rules along most of its length lies in a dark bar (a header's), not
    between rules (a border of two rows crosses one). The pieces are only erased: the table
    reader keeps the columns of the rules seen whole (pieces of a border kept in some of a
    column's cells would part it differently from row to row)."""
    padded = np.pad(along, ((1, 1), (0, 0))).astype(np.int8)
    steps = np.diff(padded, axis=0).T  # by column, then row
    columns, tops = np.nonzero(steps == 1)
    _, bottoms = np.nonzero(steps == -1)
    near = _thicken(_thicken(_thicken(horizontal, axis=0), axis=0), axis=1)
    ends = (
        ((bottoms - tops) * scale >= _MIN_CELL) & near[tops, columns] & near[bottoms - 1, columns]
    )
    cells = np.zeros(along.shape, dtype=bool)
    for column, top, bottom in zip(columns[ends], tops[ends], bottoms[ends], strict=True):
        if near[top:bottom, column].mean() < 0.5:
            cells[top:bottom, column] = True
    return cells


def vertical_rules(vertical: np.ndarray, scale: float) -> tuple[VRule, ...]:
    """The vertical lines of a mask (from erase_rules) as rules in points: a line a few pixels
    thick is one rule, and a line broken by a pixel or two (a scan's dropout) stays whole."""
    out = []
    for left, right in runs(_thicken(vertical, axis=1).any(axis=0)):
        rows = vertical[:, left:right].any(axis=1)
        for top, bottom in runs(_thicken(_thicken(rows[:, None], axis=0), axis=0)[:, 0]):
            out.append(VRule(((left + right - 1) / 2) * scale, top * scale, bottom * scale))
    return tuple(out)


@dataclass(frozen=True)
class Strip:
    """A column of a ruled table: its place on the page (pixels) and the top of its copy
    below the page, where it is read on its own."""

    left: int
    right: int
    top: int
    bottom: int
    copy_top: int = 0


def grid_strips(vertical: np.ndarray, gap: int = 40) -> list[Strip]:
    """The columns between the vertical rules of each ruled table (rows crossed by three
    rules or more), laid out one below the other under the page."""
    height, width = vertical.shape
    starts = (vertical[:, 1:] & ~vertical[:, :-1]).sum(axis=1)
    strips: list[Strip] = []
    copy_top = height + gap
    for top, bottom in runs(starts >= 3):
        if bottom - top < gap:
            continue  # a few rows where rules cross text, not a table
        spanning = vertical[top:bottom].mean(axis=0) > 0.5
        thin = max(4, width // 200)  # a rule, not a filled box
        edges = [(a + b) // 2 for a, b in runs(spanning) if b - a <= thin]
        for left, right in itertools.pairwise(edges):
            strips.append(Strip(left, right, top, bottom, copy_top))
            copy_top += bottom - top + gap
    return strips


def stack_columns(pixels: np.ndarray, strips: list[Strip]) -> np.ndarray:
    """The page with its ruled tables blanked, and their columns below it."""
    if not strips:
        return pixels
    last = strips[-1]
    out = np.full((last.copy_top + last.bottom - last.top, pixels.shape[1]), 255, np.uint8)
    out[: pixels.shape[0]] = pixels
    for strip in strips:
        cell = pixels[strip.top : strip.bottom, strip.left : strip.right]
        out[strip.top : strip.bottom, strip.left : strip.right] = 255
        out[strip.copy_top : strip.copy_top + cell.shape[0], strip.left : strip.right] = cell
    return out


def flatten(image: Image.Image, dpi: float) -> Image.Image:
    """Dark ink on white: the paper tone, shaded rows and uneven lighting divided out, and the
    faint grey of a scanned glyph stretched to black. Tesseract binarises a page with one
    threshold, which loses light digits on a shaded row of a grey scan."""
    pixels = np.asarray(image)
    # The background is what is left when every stroke is closed over: a window wider than
    # a stroke (bold body text is about 1/60 inch, a bold title's up to 1/17), narrower than a
    # shaded row and than the gaps in a table's figures.
    window = max(3, round(dpi / 14)) | 1
    ground = _running(_running(pixels, window, np.maximum), window, np.minimum)
    share = pixels.astype(np.float32) / np.maximum(ground, 1)
    # The darkest ink is black; a pixel at 90% of its ground is already paper. On a page with
    # little ink (a title page) the darkest 1% of pixels is paper: then the ink's own.
    black = float(np.percentile(share, 1))
    if black > 0.6:
        ink = share[share < 0.9]
        black = float(np.percentile(ink, 10)) if ink.size else 0.0
    stretched = np.clip((share - black) / max(0.9 - black, 0.05), 0.0, 1.0)
    return Image.fromarray((stretched * 255).astype(np.uint8))


def _running(pixels: np.ndarray, window: int, pick: np.ufunc) -> np.ndarray:
    """A square running max or min (`pick`), separable: one pass along each axis."""
    half = window // 2
    for axis in (0, 1):
        pad = [(half, half) if a == axis else (0, 0) for a in (0, 1)]
        padded = np.pad(pixels, pad, mode="edge")
        length = pixels.shape[axis]
        out = np.take(padded, np.arange(length), axis=axis)
        for shift in range(1, window):
            pick(out, np.take(padded, np.arange(shift, shift + length), axis=axis), out=out)
        pixels = out
    return pixels


def _invert_bars(pixels: np.ndarray, ink: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Light text on dark bars (shaded header rows) made dark on light, as Tesseract reads it
    in a page read as one block, and dark text on grey bars set on white; and where the bars
    were."""
    out = pixels.copy()
    bars = np.zeros(pixels.shape, dtype=bool)
    rows = ink.mean(axis=1) > 0.3
    for top, bottom in runs(rows):
        if bottom - top < 8:
            continue  # a rule, not a bar
        columns = ink[top:bottom].mean(axis=0) > 0.6
        # A bold letter's stems ('l', 'k', '1', 'U') leave less of the bar dark in their
        # columns: a few such columns between the bar's are the bar's too (a gap in it, left
        # dark, would hide its letters), where it is dark over and under them (a bar's
        # padding; between a line's letters, paper). Its padding is dark somewhere in its
        # edge's tenth: a tall stem of a two-line header's upper line ('Utfall' over
        # 'jan–aug 2024') reaches into it.
        inset = (bottom - top) // 10
        padded = ink[top : top + inset + 1].any(axis=0) & ink[bottom - 1 - inset : bottom].any(
            axis=0
        )
        for left, right in runs(~columns):
            gap = slice(left, right)
            if left > 0 and right < len(columns) and right - left < bottom - top:
                columns[gap] = padded[gap].all()
        for left, right in runs(columns):
            if right - left > pixels.shape[1] * 0.05:
                box = out[top:bottom, left:right].astype(np.float32)
                # The bar's ground becomes white and its lightest pixel black, linearly: a
                # threshold would cut the thin strokes and the dots of å, ä, ö.
                ground, light = float(np.median(box)), float(box.max())
                inverted = 255 * (light - box) / max(light - ground, 1.0)
                dark_letters = ground - np.percentile(box, 1) > np.percentile(box, 99) - ground
                if dark_letters:
                    # Dark letters on a light grey bar: its ground becomes paper, its darkest
                    # pixel black (inverted, they would turn into white holes in a dark bar),
                    # and its edges, lighter than its ground, paper too.
                    dark = float(box.min())
                    inverted = 255 * (box - dark) / max(ground - dark, 1.0)
                out[top:bottom, left:right] = np.clip(inverted, 0, 255).astype(np.uint8)
                bars[top:bottom, left:right] = True
                if dark_letters:
                    continue
                # Its blurred edges, inside and out, would turn into a frame round the line.
                edge = max(2, (bottom - top) // 10)
                frame = out[max(0, top - edge) : bottom + edge, max(0, left - edge) : right + edge]
                frame[: 2 * edge], frame[-2 * edge :] = 255, 255
                frame[:, : 2 * edge], frame[:, -2 * edge :] = 255, 255
    return out, bars


def _thicken(mask: np.ndarray, axis: int) -> np.ndarray:
    """The mask grown by one pixel both ways along `axis`."""
    grown = mask.copy()
    grown[1:] |= mask[:-1] if axis == 0 else False
    grown[:-1] |= mask[1:] if axis == 0 else False
    if axis == 1:
        grown[:, 1:] |= mask[:, :-1]
        grown[:, :-1] |= mask[:, 1:]
    return grown


def _bridged(mask: np.ndarray, axis: int, reach: int = 2) -> np.ndarray:
    """The mask with short gaps along `axis` filled: a pixel with ink within `reach` pixels
    on both sides of it."""
    before = np.zeros_like(mask)
    after = np.zeros_like(mask)
    for shift in range(1, reach + 1):
        if axis == 0:
            before[shift:] |= mask[:-shift]
            after[:-shift] |= mask[shift:]
        else:
            before[:, shift:] |= mask[:, :-shift]
            after[:, :-shift] |= mask[:, shift:]
    return mask | (before & after)


def long_runs(ink: np.ndarray, length: int) -> np.ndarray:
    """Pixels lying on a horizontal run of ink at least `length` long."""
    height, width = ink.shape
    if width < length:
        return np.zeros(ink.shape, dtype=bool)
    sums = np.concatenate(
        [np.zeros((height, 1), np.int32), np.cumsum(ink, axis=1, dtype=np.int32)], axis=1
    )
    full = (sums[:, length:] - sums[:, :-length]) == length  # the window starting at x is all ink
    starts = np.concatenate(
        [np.zeros((height, 1), np.int32), np.cumsum(full, axis=1, dtype=np.int32)], axis=1
    )
    x = np.arange(width)
    high = np.minimum(x, width - length) + 1  # windows starting at most at x…
    low = np.minimum(np.maximum(0, x - length + 1), high)  # …and at least at x - length + 1
    return (starts[:, high] - starts[:, low]) > 0


def longest_run(row: np.ndarray) -> tuple[int, int]:
    padded = np.concatenate(([0], row.astype(np.int8), [0]))
    edges = np.flatnonzero(np.diff(padded))
    starts, ends = edges[::2], edges[1::2]
    if len(starts) == 0:
        return 0, 0
    lengths = ends - starts
    best = int(np.argmax(lengths))
    return int(starts[best]), int(lengths[best])


def runs(flags: np.ndarray) -> list[tuple[int, int]]:
    padded = np.concatenate(([False], flags, [False])).astype(np.int8)
    edges = np.flatnonzero(np.diff(padded))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True))


def ink_apart(
    ink: np.ndarray, covered: np.ndarray, space: int, least: tuple[int, int]
) -> list[tuple[int, int, int, int]]:
    """Boxes (left, top, right, bottom) of the ink outside `covered`: runs of rows holding
    such ink, split where it leaves a gap wider than `space` across, each box shrunk to its
    own ink. Boxes lower than least[0] or narrower than least[1] pixels (specks, a rule's
    frayed end) are left out."""
    apart = ink & ~covered
    boxes = []
    for top, bottom in runs(apart.any(axis=1)):
        band = apart[top:bottom]
        columns = band.any(axis=0)
        grown = columns.copy()
        for shift in range(1, space // 2 + 1):
            grown[shift:] |= columns[:-shift]
            grown[:-shift] |= columns[shift:]
        for left, right in runs(grown):
            part = band[:, left:right]
            xs, ys = np.flatnonzero(part.any(axis=0)), np.flatnonzero(part.any(axis=1))
            box = (
                left + int(xs[0]),
                top + int(ys[0]),
                left + int(xs[-1]) + 1,
                top + int(ys[-1]) + 1,
            )
            if box[3] - box[1] >= least[0] and box[2] - box[0] >= least[1]:
                boxes.append(box)
    return boxes
