"""Makes degraded variants of some sample reports: image-only scans and OCR'd archive copies.

Run from the repository root:  .venv/bin/python samples/make_scanned.py [variant-stem ...]

Reads samples/kompass/<stem>.pdf and writes

* samples/variants/scanned/scan_{b,c,d}.pdf: every page rendered with pypdfium2 at 200 dpi grayscale,
  slightly rotated, shaded, noisy and blurred like an office scan, stored as a grayscale JPEG;
  no text layer at all.
* samples/variants/archive/arch_{a,c,e}.pdf: every page rendered at 300 dpi, lightly degraded and made
  black and white, OCR'd by Tesseract with the English model only (so Swedish letters come out
  damaged, as in old archive PDFs); the page is that 300-dpi image (CCITT G4) with Tesseract's
  invisible text on top.
* samples/variants/archive/arch_{a,c,e}.clean.txt: the pypdfium2 text of the original born-digital PDF,
  pages separated by a form feed, for character error rates.
* samples/variants/expected/<variant-stem>.kompass.csv: the original's expected rows with `fil` renamed.
* samples/variants/short/short_{scan,arch}.pdf, with their expected rows beside them: two pages
  of one overview table each, small enough to be committed and read by `make test` in seconds
  (`sida` renumbered to the short copy's pages).

Everything is seeded and Tesseract runs single-threaded (OMP_THREAD_LIMIT=1), so the output is
byte-for-byte reproducible with the same Tesseract, traineddata, libjpeg and Pillow versions.
See samples/README.md.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import numpy as np
import pikepdf
import pypdfium2 as pdfium
from PIL import Image, ImageFilter

HERE = Path(__file__).resolve().parent
ORIGINAL_EXPECTED_DIR = HERE / "expected"
# Generated, not committed (they are large and take minutes to make): `make variants`.
VARIANTS = HERE / "variants"
EXPECTED_DIR = VARIANTS / "expected"
SHORT_DIR = VARIANTS / "short"  # committed: a few pages each, for `make test`
SCAN_DIR = VARIANTS / "scanned"
ARCHIVE_DIR = VARIANTS / "archive"

SCAN_DPI = 200
OCR_DPI = 300
OCR_JOBS = 2  # Tesseract processes at a time, each single-threaded


@dataclass(frozen=True)
class Degrade:
    """How one variant's pages are spoiled; all random draws come from `seed` and the page."""

    seed: int
    angle: tuple[float, float] = (0.0, 0.0)  # |rotation| in degrees, drawn per page, random sign
    noise: float = 3.0  # standard deviation of the Gaussian noise, in grey levels
    blur: float = 1.0  # Gaussian blur radius in pixels (after the noise)
    paper: tuple[float, float] = (226.0, 244.0)  # range of the uneven paper tone
    ink: float = 50.0  # grey level of solid black
    edge_share: float = 0.0  # share of pages with a faint dark band along one side
    jpeg_quality: int = 35  # progressive grayscale JPEG
    threshold: int | None = None  # make the page black and white (stored CCITT G4) at this grey


@dataclass(frozen=True)
class Variant:
    stem: str
    source: str
    kind: str  # "scan" or "archive"
    degrade: Degrade
    pages: tuple[int, ...] = ()  # the source's pages to copy (1-based); all when empty

    def folder(self) -> Path:
        if self.pages:
            return SHORT_DIR
        return SCAN_DIR if self.kind == "scan" else ARCHIVE_DIR

    def source_pdf(self) -> Path:
        return HERE / self.source.split("_")[0] / f"{self.source}.pdf"

    def expected_dir(self) -> Path:
        return SHORT_DIR if self.pages else EXPECTED_DIR


def _light_scan(seed: int) -> Degrade:
    return Degrade(seed=seed, angle=(0.3, 0.8), edge_share=0.3)


def _crooked_scan(seed: int) -> Degrade:
    return Degrade(
        seed=seed, angle=(1.0, 1.2), noise=7.0, paper=(220.0, 240.0), ink=55.0, edge_share=0.5
    )


def _tilted_scan(seed: int) -> Degrade:
    return Degrade(seed=seed, angle=(0.3, 0.9), edge_share=0.3)


def _archive_style(seed: int) -> Degrade:
    """A clean-ish 300 dpi scan, upright, made black and white before English OCR."""
    return Degrade(seed=seed, noise=8.0, blur=0.6, paper=(232.0, 246.0), ink=25.0, threshold=135)


_SCAN_STYLES = (_light_scan, _tilted_scan, _crooked_scan)
OTHER_SAMPLES = sorted(
    path.stem
    for family in ("handlingsplan", "uppfoljning", "tabeller")
    for path in (HERE / family).glob("*.pdf")
)

VARIANTS: list[Variant] = [
    # older revision, unruled, DejaVu Serif
    Variant("scan_b", "kompass_b", "scan", _light_scan(2)),
    # 2019/2020, zebra shading and a coloured header row
    Variant("scan_c", "kompass_c", "scan", _tilted_scan(3)),
    # Word-made Table Grid: the most crooked and noisiest scan
    Variant("scan_d", "kompass_d", "scan", _crooked_scan(4)),
    # archive copies, OCR'd with the English model only
    *(
        Variant(f"arch_{letter}", f"kompass_{letter}", "archive", _archive_style(10 + i))
        for i, letter in enumerate("ace")
    ),
    # the rest of the Kompass reports, so that every sample has a scan and an archive copy
    *(
        Variant(f"scan_{letter}", f"kompass_{letter}", "scan", _SCAN_STYLES[i % 3](20 + i))
        for i, letter in enumerate(("a", "e", "f", "lang"))
    ),
    *(
        Variant(f"arch_{letter}", f"kompass_{letter}", "archive", _archive_style(30 + i))
        for i, letter in enumerate(("b", "d", "f", "lang"))
    ),
    # every handlingsplan, goal follow-up and small-table report, scanned and archived
    *(
        variant
        for i, source in enumerate(OTHER_SAMPLES)
        for variant in (
            Variant(f"scan_{source}", source, "scan", _SCAN_STYLES[i % 3](40 + i)),
            Variant(f"arch_{source}", source, "archive", _archive_style(60 + i)),
        )
    ),
    # short copies for `make test`: the zebra-shaded overview with dark header bars, and the
    # Word grid whose area 6 continues under a repeated header on the next page
    Variant("short_scan", "kompass_c", "scan", Degrade(seed=5, angle=(0.3, 0.9)), (25, 26)),
    Variant("short_arch", "kompass_d", "archive", _archive_style(6), (27, 28)),
    # the title page and a page of small tables (assessments in words, years in rows) of a
    # Word-made kvalitetsredovisning
    Variant("short_tab_scan", "tabeller_e", "scan", _tilted_scan(7), (1, 5)),
]


# --- images ------------------------------------------------------------------------------------


def render_pages(
    pdf_path: Path, dpi: int, pages: tuple[int, ...] = ()
) -> Iterator[tuple[Image.Image, tuple[float, float]]]:
    """Yields each page (or the given 1-based pages) as an 8-bit grayscale image, with the page
    size in points."""
    document = pdfium.PdfDocument(pdf_path)
    try:
        for index in [p - 1 for p in pages] or range(len(document)):
            page = document[index]
            image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            yield image, page.get_size()
            page.close()
    finally:
        document.close()


def _smooth_field(
    rng: np.random.Generator, size: tuple[int, int], low: float, high: float
) -> np.ndarray:
    """A slowly varying field between low and high (a few control points, bicubic in between)."""
    coarse = rng.uniform(low, high, size=(4, 3)).astype(np.float32)
    field = Image.fromarray(coarse).resize(size, Image.Resampling.BICUBIC)
    return np.clip(np.asarray(field, dtype=np.float32), low, high)


def _edge_shadow(rng: np.random.Generator, width: int, height: int, dpi: int) -> np.ndarray:
    """A multiplicative factor (≤ 1) that darkens a band along one side of the page."""
    side = int(rng.integers(4))  # 0 left, 1 right, 2 top, 3 bottom
    band = max(2, round(rng.uniform(0.08, 0.2) * dpi))  # 0.08–0.2 inch
    depth = rng.uniform(0.25, 0.45)  # darkening at the very edge
    length = width if side < 2 else height
    distance = np.arange(length, dtype=np.float32)
    if side in (1, 3):
        distance = distance[::-1]
    profile = 1.0 - depth * np.clip(1.0 - distance / band, 0.0, 1.0) ** 2
    return profile[np.newaxis, :] if side < 2 else profile[:, np.newaxis]


def degrade(image: Image.Image, spec: Degrade, page_index: int, dpi: int) -> Image.Image:
    """Turns a clean grayscale render into something that looks scanned."""
    rng = np.random.default_rng([spec.seed, page_index])
    if spec.angle[1] > 0:
        angle = rng.uniform(*spec.angle) * (1 if rng.integers(2) else -1)
        image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    width, height = image.size
    clean = np.asarray(image, dtype=np.float32) / 255.0
    paper = _smooth_field(rng, (width, height), *spec.paper)
    pixels = spec.ink + (paper - spec.ink) * clean
    if rng.uniform() < spec.edge_share:
        pixels *= _edge_shadow(rng, width, height, dpi)
    pixels += rng.normal(0.0, spec.noise, size=pixels.shape).astype(np.float32)
    spoiled = Image.fromarray(np.clip(pixels + 0.5, 0, 255).astype(np.uint8))
    if spec.blur > 0:
        spoiled = spoiled.filter(ImageFilter.GaussianBlur(spec.blur))
    if spec.threshold is not None:
        spoiled = spoiled.point(lambda v: 255 if v > spec.threshold else 0).convert("1")
    return spoiled


@dataclass(frozen=True)
class PdfImage:
    """Encoded image data and the image dictionary entries that describe it."""

    data: bytes
    size: tuple[int, int]
    bits: int
    filter: str
    parms: dict[str, int | bool] | None = None


def jpeg_image(image: Image.Image, quality: int) -> PdfImage:
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=quality, optimize=True, progressive=True)
    return PdfImage(buffer.getvalue(), image.size, 8, "/DCTDecode")


def g4_image(image: Image.Image) -> PdfImage:
    """CCITT group 4, as archive scanners store black-and-white pages: one TIFF strip's data."""
    buffer = BytesIO()
    image.convert("1").save(buffer, "TIFF", compression="group4", tiffinfo={278: image.height})
    with Image.open(BytesIO(buffer.getvalue())) as tiff:
        (offset,), (length,) = tiff.tag_v2[273], tiff.tag_v2[279]  # StripOffsets, StripByteCounts
        min_is_black = tiff.tag_v2[262] == 1  # PhotometricInterpretation
    parms = {"K": -1, "Columns": image.width, "Rows": image.height, "BlackIs1": min_is_black}
    data = buffer.getvalue()[offset : offset + length]
    return PdfImage(data, image.size, 1, "/CCITTFaxDecode", parms)


# --- PDF assembly -----------------------------------------------------------------------------


def add_image_page(
    pdf: pikepdf.Pdf,
    picture: PdfImage,
    page_size: tuple[float, float],
    text_layer: pikepdf.Page | None = None,
) -> None:
    """Appends a page filled by the image, optionally with a Tesseract text-only page on top.

    The text page is scaled onto the page size, so its words land on the image's words whatever
    the rounding of the pixel sizes.
    """
    page_w, page_h = page_size
    image = pikepdf.Stream(pdf, picture.data)
    image.Type = pikepdf.Name.XObject
    image.Subtype = pikepdf.Name.Image
    image.Width, image.Height = picture.size
    image.ColorSpace = pikepdf.Name.DeviceGray
    image.BitsPerComponent = picture.bits
    image.Filter = pikepdf.Name(picture.filter)
    if picture.parms:
        image.DecodeParms = pikepdf.Dictionary({f"/{k}": v for k, v in picture.parms.items()})
    resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
    content = f"q {page_w:.4f} 0 0 {page_h:.4f} 0 0 cm /Im0 Do Q\n".encode()
    if text_layer is not None:
        box = [float(v) for v in text_layer.mediabox]
        scale_x = page_w / (box[2] - box[0])
        scale_y = page_h / (box[3] - box[1])
        text = (
            text_layer.Contents.read_bytes()
            if not isinstance(text_layer.Contents, pikepdf.Array)
            else b"\n".join(part.read_bytes() for part in text_layer.Contents)
        )
        content += f"q {scale_x:.6f} 0 0 {scale_y:.6f} {-box[0] * scale_x:.4f} {-box[1] * scale_y:.4f} cm\n".encode()
        content += text + b"\nQ\n"
        # the font dictionary is direct in Tesseract's output, so copy via the page object
        resources.Font = pdf.copy_foreign(text_layer.obj).Resources.Font
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=[0, 0, round(page_w, 4), round(page_h, 4)],
        Resources=resources,
        Contents=pikepdf.Stream(pdf, zlib.compress(content, 9), Filter=pikepdf.Name.FlateDecode),
    )
    pdf.pages.append(pikepdf.Page(page))


def save_pdf(pdf: pikepdf.Pdf, path: Path) -> None:
    """Saves without an info dictionary and with an /ID derived from the content."""
    if "/Info" in pdf.trailer:
        del pdf.trailer.Info
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.save(
        path,
        deterministic_id=True,
        compress_streams=True,
        object_stream_mode=pikepdf.ObjectStreamMode.generate,
    )


# --- OCR ----------------------------------------------------------------------------------------


def ocr_text_only(png: Path) -> Path:
    """Runs Tesseract (English only, one thread) and returns its text-only one-page PDF."""
    out_base = png.with_suffix("")
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    command = ["tesseract", str(png), str(out_base), "-l", "eng", "--dpi", str(OCR_DPI)]
    command += ["-c", "textonly_pdf=1", "pdf"]
    subprocess.run(command, check=True, env=env, capture_output=True)
    return out_base.with_suffix(".pdf")


# --- variants ---------------------------------------------------------------------------------


def make_scan(variant: Variant) -> Path:
    pdf = pikepdf.new()
    for index, (image, size) in enumerate(
        render_pages(variant.source_pdf(), SCAN_DPI, variant.pages)
    ):
        spoiled = degrade(image, variant.degrade, index, SCAN_DPI)
        add_image_page(pdf, jpeg_image(spoiled, variant.degrade.jpeg_quality), size)
    out = variant.folder() / f"{variant.stem}.pdf"
    save_pdf(pdf, out)
    return out


def make_archive(variant: Variant, pool: ThreadPoolExecutor) -> Path:
    source = variant.source_pdf()
    with tempfile.TemporaryDirectory(prefix=f"{variant.stem}-") as tmp:
        pages: list[tuple[PdfImage, tuple[float, float]]] = []
        ocr_jobs = []
        for index, (image, size) in enumerate(render_pages(source, OCR_DPI, variant.pages)):
            spoiled = degrade(image, variant.degrade, index, OCR_DPI)
            png = Path(tmp) / f"p{index:03d}.png"
            spoiled.save(png, dpi=(OCR_DPI, OCR_DPI))
            ocr_jobs.append(pool.submit(ocr_text_only, png))  # OCR runs while rendering goes on
            pages.append((g4_image(spoiled), size))
        text_pdfs = [job.result() for job in ocr_jobs]
        pdf = pikepdf.new()
        for (picture, size), text_pdf in zip(pages, text_pdfs, strict=True):
            with pikepdf.open(text_pdf) as text_doc:
                add_image_page(pdf, picture, size, text_layer=text_doc.pages[0])
        out = variant.folder() / f"{variant.stem}.pdf"
        save_pdf(pdf, out)
    if not variant.pages:  # for the repair figures of `make bench`
        write_clean_text(source, ARCHIVE_DIR / f"{variant.stem}.clean.txt")
    return out


def write_clean_text(source: Path, out: Path) -> None:
    """The born-digital original's pypdfium2 text, "\\n" line ends, pages joined by a form feed."""
    document = pdfium.PdfDocument(source)
    texts = []
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
            textpage.close()
            page.close()
    finally:
        document.close()
    out.write_text("\f".join(texts), encoding="utf-8", newline="\n")


def write_expected(variant: Variant) -> list[Path]:
    """The original's expected rows, every table it has, with `fil` naming the variant (of a
    short copy, the rows on its pages, `sida` counted in the copy)."""
    written = []
    for source in sorted(ORIGINAL_EXPECTED_DIR.glob(f"{variant.source}.*.csv")):
        table = source.name.split(".")[1]
        with source.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            columns = list(reader.fieldnames or [])
            rows = list(reader)
        if variant.pages:
            rows = [row for row in rows if int(row["sida"]) in variant.pages]
            for row in rows:
                row["sida"] = str(variant.pages.index(int(row["sida"])) + 1)
        for row in rows:
            row["fil"] = f"{variant.stem}.pdf"
        out = variant.expected_dir() / f"{variant.stem}.{table}.csv"
        out.parent.mkdir(parents=True, exist_ok=True)  # a fresh clone has no variants/expected
        with out.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        written.append(out)
    return written


def check(variant: Variant, out: Path) -> list[str]:
    """Page count, a light page 1, and the text layer: none for scans, words on archive pages."""
    problems = []
    source = pdfium.PdfDocument(variant.source_pdf())
    made = pdfium.PdfDocument(out)
    try:
        wanted = len(variant.pages) or len(source)
        if len(made) != wanted:
            problems.append(f"{out.name}: {len(made)} pages, not {wanted}")
        for index in range(len(made)):
            page = made[index]
            if index == 0:
                ink = page.render(scale=20 / 72, grayscale=True).to_pil().convert("L")
                if np.asarray(ink).mean() < 128:
                    problems.append(f"{out.name}: page 1 renders mostly dark (inverted image?)")
            textpage = page.get_textpage()
            chars = textpage.count_chars()
            textpage.close()
            page.close()
            if variant.kind == "scan" and chars:
                problems.append(f"{out.name} page {index + 1}: has a text layer")
            if variant.kind == "archive" and chars < 20:
                problems.append(f"{out.name} page {index + 1}: only {chars} OCR characters")
    finally:
        made.close()
        source.close()
    return problems


def main(argv: list[str]) -> int:
    wanted = set(argv)
    unknown = wanted - {v.stem for v in VARIANTS}
    if unknown:
        print(f"unknown variant(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    problems: list[str] = []
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=OCR_JOBS) as pool:
        for variant in VARIANTS:
            if wanted and variant.stem not in wanted:
                continue
            variant_started = time.perf_counter()
            out = make_scan(variant) if variant.kind == "scan" else make_archive(variant, pool)
            write_expected(variant)
            problems += check(variant, out)
            with pikepdf.open(out) as made:
                pages = len(made.pages)
            size = out.stat().st_size
            print(
                f"{out.relative_to(HERE)}: {pages} pages, {size / 1024:.0f} KB "
                f"({size / 1024 / pages:.0f} KB/page), {time.perf_counter() - variant_started:.1f} s"
            )
    print(f"done in {time.perf_counter() - started:.1f} s")
    for problem in problems:
        print(f"CHECK FAILED: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
