"""One file through the whole flow: read pages → choose profiles → extract rows (normalised
and checked by each table kind) → a FileResult. Pure apart from reading the file."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import kompass
from .context import DocumentContext, KindResult
from .document import find_municipality, find_year
from .lines import furniture_keys
from .profiles import Profile
from .read_pdf import ReadError, load_pages, page_texts

TableReader = Callable[[DocumentContext, Sequence[Profile]], KindResult]

# Table kinds with code of their own; their layouts (revisions, variants) are profiles.
READERS: dict[str, TableReader] = {"kompass": kompass.read}


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
        return sum(len(rows) for rows in self.rows.values())


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def extract_file(path: Path, profiles: Sequence[Profile]) -> FileResult:
    result = FileResult(path=str(path), file_name=path.name)
    try:
        texts = page_texts(path)
        result.sha256 = file_digest(path)
        result.pages = len(texts)
        by_kind: dict[str, list[Profile]] = {}
        for profile in profiles:
            by_kind.setdefault(profile.table, []).append(profile)
        wanted = {
            kind: sorted({n for p in kind_profiles for n in p.pages(texts)})
            for kind, kind_profiles in by_kind.items()
        }
        pages = load_pages(path, {n for numbers in wanted.values() for n in numbers})
    except ReadError as error:
        result.error = str(error)
        return result
    repeated = furniture_keys(texts)
    municipality = find_municipality(texts)
    year = find_year(texts)
    for kind, kind_profiles in by_kind.items():
        reader = READERS.get(kind)
        if reader is None or not wanted[kind]:
            continue
        context = DocumentContext(
            file_name=path.name,
            page_texts=texts,
            pages={n: pages[n] for n in wanted[kind]},
            furniture=repeated,
            municipality=municipality,
            year=year,
        )
        found = reader(context, kind_profiles)
        for key, rows in found.rows.items():
            result.rows.setdefault(key, []).extend(rows)
        result.warnings += found.warnings
        result.profiles += found.profiles
    if not result.row_count:
        result.warnings.append("ingen känd tabellayout hittades")
    elif municipality is None:
        result.warnings.append("kommunen kunde inte läsas ur dokumentet")
    if result.row_count and year is None:
        result.warnings.append("årtalet kunde inte läsas ur dokumentet")
    return result
