"""Output rows. Each table is a dataclass whose fields carry their Swedish column name; the
writer and the DataFrame API read the columns from here, so the contract lives in one place."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


def column(name: str, default: Any = None) -> Any:
    return field(default=default, metadata={"column": name})


def columns_of(record_type: type) -> list[str]:
    return [f.metadata["column"] for f in fields(record_type)]


def values_of(record: object) -> list[Any]:
    return [getattr(record, f.name) for f in fields(record)]  # type: ignore[arg-type]


class Check:
    """The `kontroll` vocabulary."""

    OK = "ok"
    DEVIATION = "avvikelse"
    UNCHECKED = "ej kontrollerad"


@dataclass(frozen=True)
class KompassRow:
    municipality: str = column("kommun")
    municipality_code: str = column("kommunkod")
    year: int | None = column("år")
    framework: str = column("ramverk")
    area_no: int | None = column("område_nr")
    area: str = column("område")
    subarea_no: str = column("delområde_nr")
    subarea: str = column("delområde")
    score: int | None = column("poäng")
    max_score: int | None = column("max")
    percent: float | None = column("procent")
    check: str = column("kontroll")
    file: str = column("fil")
    page: int = column("sida")


@dataclass(frozen=True)
class SourceRow:
    """One row per input file in `Källor`."""

    file: str = column("fil")
    pages: int = column("sidor", 0)
    profiles: str = column("profiler", "")
    rows: int = column("rader", 0)
    warnings: str = column("varningar", "")
    error: str = column("fel", "")


@dataclass(frozen=True)
class TableSpec:
    key: str  # csv file stem and DataFrame key
    sheet: str
    record_type: type


KOMPASS = TableSpec("kompass", "Kompass", KompassRow)
SOURCES = TableSpec("kallor", "Källor", SourceRow)
TABLES: tuple[TableSpec, ...] = (KOMPASS,)
