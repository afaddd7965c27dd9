"""One file through the whole flow: read pages → choose profiles → extract rows (normalised
and checked by each table kind) → a FileResult. Pure apart from reading the file."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import goals, handlingsplan, kompass, tabeller
from .context import DocumentContext, KindResult
from .document import find_municipality, find_year
from .lines import furniture_keys, page_lines, page_text
from .ocr import (
    WHOLE_PAGE,
    Band,
    OcrUnavailable,
    PageImages,
    check_tesseract,
    ocr_pages,
    table_regions,
)
from .page import Page, Source
from .profiles import Profile
from .provenance import joined_reasons, review, stamp
from .read_pdf import ReadError, load_pages, page_texts
from .records import REVIEW, SPEC_BY_KEY
from .repair import mend_lost_ligatures, mend_ocr_page, repair_page
from .triage import plan_pages

TableReader = Callable[[DocumentContext, Sequence[Profile]], KindResult]

# Table kinds with code of their own; their layouts (revisions, variants) are profiles.
READERS: dict[str, TableReader] = {
    "kompass": kompass.read,
    "handlingsplan": handlingsplan.read,
    "mal": goals.read,
    "tabeller": tabeller.read,
}


@dataclass
class FileResult:
    path: str
    file_name: str
    sha256: str = ""
    pages: int = 0
    profiles: list[str] = field(default_factory=list)
    rows: dict[str, list] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    error: str = ""

    @property
    def row_count(self) -> int:
        """Data rows; the Granska rows only point at some of them."""
        return sum(len(rows) for key, rows in self.rows.items() if key != REVIEW.key)


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def extract_file(path: Path, profiles: Sequence[Profile]) -> FileResult:
    result = FileResult(path=str(path), file_name=path.name)
    by_kind: dict[str, list[Profile]] = {}
    whole = {p.name for p in profiles if p.content.get("whole_report")}
    for profile in profiles:
        by_kind.setdefault(profile.table, []).append(profile)
    try:
        printed = page_texts(path)
        result.sha256 = file_digest(path)
        result.pages = len(printed)
        texts, wanted, pages = _read_pages(path, printed, by_kind)
    except (ReadError, OcrUnavailable) as error:
        result.error = str(error)
        return result
    repeated = furniture_keys(texts)
    municipality = find_municipality(texts)
    year = find_year(texts)
    # An exclusive kind (goal follow-ups) reads first and keeps the pages it found rows on
    # from every other kind: its activity plans are no handlingsplan. A generic kind reads
    # last, the pages no layout found rows on. A page a layout wanted but found nothing on
    # stays open to the others.
    owned: set[int] = set()
    productive: set[int] = set()
    images = PageImages(path)  # a cell OCR read badly is read again from its page's image
    for kind, kind_profiles in sorted(by_kind.items(), key=lambda item: not _exclusive(item[1])):
        reader = READERS.get(kind)
        if reader is None or not wanted[kind]:
            continue
        generic, exclusive = _generic(kind_profiles), _exclusive(kind_profiles)
        # A generic kind (tabeller, profiles sort it last) skips a report that a layout
        # claims whole (a Kompass report's summary tables repeat its overview); otherwise it
        # reads the pages no other layout found rows on (a kvalitetsredovisning holds a
        # handlingsplan).
        if whole & set(result.profiles) and generic:
            continue
        withheld = productive if generic else owned
        context = DocumentContext(
            file_name=path.name,
            page_texts=texts,
            pages={n: pages[n] for n in wanted[kind] if n not in withheld},
            furniture=repeated,
            municipality=municipality,
            year=year,
            read_box=images.read_box,
        )
        found = reader(context, kind_profiles)
        unsure = []
        for key, rows in found.rows.items():
            if key == REVIEW.key:
                continue
            spec = SPEC_BY_KEY.get(key)
            if spec is not None:
                rows = stamp(spec, rows, context.pages)
                unsure += review(spec, rows)
            result.rows.setdefault(key, []).extend(rows)
            if exclusive:
                owned |= {row.page for row in rows}
            if not generic:
                productive |= {row.page for row in rows}
        if found.rows:
            listed = found.rows.get(REVIEW.key, [])
            result.rows.setdefault(REVIEW.key, []).extend(joined_reasons(unsure, listed))
        result.warnings += found.warnings
        result.profiles += found.profiles
    if not result.row_count:
        result.warnings.append("ingen känd tabellayout hittades")
    elif municipality is None:
        result.warnings.append("kommunen kunde inte läsas ur dokumentet")
    if result.row_count and year is None:
        result.warnings.append("årtalet kunde inte läsas ur dokumentet")
    return result


def _generic(profiles: Sequence[Profile]) -> bool:
    return all(profile.content.get("generic") for profile in profiles)


def _exclusive(profiles: Sequence[Profile]) -> bool:
    return any(profile.content.get("exclusive") for profile in profiles)


_FOOT = 0.8  # share of the page height: a page whose text ends below this runs to its foot


def _runs_to_foot(page: Page, furniture: set[str]) -> bool:
    """Whether the page's text, its running footer aside, goes on to the foot of the page."""
    body = [line for line in page_lines(page, furniture) if not line.furniture]
    return bool(body) and max(line.bottom for line in body) > _FOOT * page.height


def _read_pages(
    path: Path, printed: list[str], by_kind: dict[str, list[Profile]]
) -> tuple[list[str], dict[str, list[int]], dict[int, Page]]:
    """Each page from its best source (triage.py), read fully only where a profile wants it.

    Returns the text of every page (as printed, repaired, or read by OCR; empty for image
    pages no profile could want), the pages each table kind wants, and those pages read."""
    plans = {plan.number: plan for plan in plan_pages(printed)}
    texts = [plans[n].text for n in sorted(plans)]
    images = [n for n, plan in plans.items() if plan.source is Source.OCR]
    by_ocr: dict[int, Page] = {}
    regions: dict[int, Band] = {}

    def read(bands: dict[int, Band]) -> None:
        check_tesseract()
        for number, page in ocr_pages(path, bands).items():
            page = mend_ocr_page(page)
            by_ocr[number] = page
            texts[number - 1] = page_text(page)

    if images:
        # OCR costs about 2 s a page: only the title page (municipality, year) and the parts
        # of pages whose image shows table columns are read.
        regions = table_regions(path, images)
        if 1 in images:
            regions[1] = WHOLE_PAGE
        read(regions)

    def wanted_pages() -> dict[str, list[int]]:
        return {
            kind: sorted({n for p in kind_profiles for n in p.pages(texts)})
            for kind, kind_profiles in by_kind.items()
        }

    wanted = wanted_pages()
    # A layout's table going on in a band that the layout cannot place: the table's heading
    # ("Mål 3: …") stands in the prose above the band. The page is read from its top.
    headless = {
        n: (0.0, bottom)
        for n, (top, bottom) in regions.items()
        if top > 0
        and any(
            n not in wanted[kind] and p.goes_on(texts[n - 1])
            for kind, ps in by_kind.items()
            for p in ps
        )
    }
    if headless:
        read(headless)
        wanted = wanted_pages()
    # A table that runs to the foot of a page goes on at the top of the next, where the row
    # or two left under its repeated header may show no columns of their own (the page gets
    # no band, or one that starts below them): that page is read from its top.
    tops = regions | headless
    # Only OCR'd pages have such a page after them: a born-digital report pays nothing here.
    furniture = furniture_keys(texts) if by_ocr else set()
    going_on = {
        n + 1: (0.0, tops[n + 1][1] if n + 1 in tops else 1.0)
        for n in sorted({n for numbers in wanted.values() for n in numbers} & by_ocr.keys())
        if n + 1 in images
        and tops.get(n + 1, (1.0, 1.0))[0] > 0
        and _runs_to_foot(by_ocr[n], furniture)
    }
    if going_on:
        read(going_on)
        wanted = wanted_pages()
    every = {n for numbers in wanted.values() for n in numbers}
    # A damaged text layer repairs well enough to find a table, but a table's codes and
    # numbers ("1.2" read as "122") are beyond repair: the Swedish OCR reads those pages again.
    # So does it a damaged page whose image shows table columns that no layout could see in
    # its text ("62 %" read as "62 Yo" is no row of figures).
    damaged = [n for n in plans if plans[n].source is Source.REPAIRED]
    unseen = [n for n in damaged if n not in every]
    shown = table_regions(path, unseen) if unseen else {}
    reread = sorted(n for n in damaged if n in every or n in shown)
    if reread:
        read(dict.fromkeys(reread, WHOLE_PAGE))
        wanted = wanted_pages()
        every = {n for numbers in wanted.values() for n in numbers}
    pages = load_pages(path, every - by_ocr.keys()) | by_ocr
    # A text layer that gives figures for glyphs that are none misprints numbers: OCR reads
    # what the page shows.
    if wrong := [n for n, page in pages.items() if page.wrong_figures]:
        read(dict.fromkeys(wrong, WHOLE_PAGE))
        pages |= {n: by_ocr[n] for n in wrong}
    for number, page in pages.items():
        if number in by_ocr:
            continue
        page = mend_lost_ligatures(page)
        if plans[number].source is Source.REPAIRED:
            page = repair_page(page, plans[number].quality)
        pages[number] = page
    return texts, wanted, pages
