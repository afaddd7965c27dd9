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
    DERIVED = "härledd"  # an unreadable value derived from the table's own arithmetic
    # A small table's cell (tabeller) in a sum or change that adds up, or that does not.
    MATCHES = "stämmer"
    MISMATCH = "stämmer inte"


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
    method: str = column("metod", "text")  # text, reparerad or ocr: where the words came from
    confidence: float = column("säkerhet", 1.0)  # 0–1: the least sure word of the row
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
    sha256: str = column("sha256", "")  # the content's hash: the file's identity in OUT/


@dataclass(frozen=True)
class HandlingsplanRow:
    """One activity of an action plan or its follow-up, with its goal, date and status; the
    columns a grid does not have stay empty."""

    municipality: str = column("kommun", "")
    municipality_code: str = column("kommunkod", "")
    year: int | None = column("år")
    unit: str = column("enhet", "")
    perspective: str = column("perspektiv", "")
    goal: str = column("mål", "")
    goal_description: str = column("målbeskrivning", "")
    activity: str = column("aktivitet", "")
    end_date: str = column("slutdatum", "")  # ISO when a date, else as printed ("Löpande")
    status: str = column("status", "")  # the vocabulary term, or empty
    status_raw: str = column("status_råtext", "")
    fulfilment: int | None = column("måluppfyllelse")  # 1–4 as printed
    desired_result: str = column("önskvärt_resultat", "")
    planning: str = column("planering", "")
    analysis: str = column("analys", "")
    new_measures: str = column("nya_insatser", "")
    comment: str = column("kommentar", "")
    method: str = column("metod", "text")
    confidence: float = column("säkerhet", 1.0)
    file: str = column("fil", "")
    page: int = column("sida", 0)


@dataclass(frozen=True)
class TabellRow:
    """One cell of a small result table (tabeller.py), with the labels that make it comparable
    across years and municipalities."""

    municipality: str = column("kommun", "")
    municipality_code: str = column("kommunkod", "")
    year: int | None = column("år")
    unit: str = column("enhet", "")  # whom the column counts, when its label names it
    title: str = column("rubrik", "")  # the heading or caption above the table
    group: str = column("grupp", "")  # the sub-group row the cell sits under
    row: str = column("rad", "")
    column_label: str = column("kolumn", "")  # the column's header as printed
    period: str = column("period", "")  # the year (or span of years) the column stands for
    value: float | None = column("värde")
    value_unit: str = column("enhet_värde", "")
    raw: str = column("råtext", "")
    check: str = column("kontroll", "")  # its sum row or change column: stämmer, stämmer inte …
    method: str = column("metod", "text")
    confidence: float = column("säkerhet", 1.0)
    file: str = column("fil", "")
    page: int = column("sida", 0)


@dataclass(frozen=True)
class GoalRow:
    """A goal of a follow-up report (a KF-mål, a KS-mål …) and how it was assessed."""

    municipality: str = column("kommun", "")
    municipality_code: str = column("kommunkod", "")
    year: int | None = column("år")
    unit: str = column("enhet", "")  # the reporting förvaltning, nämnd or sektor, when named
    goal_type: str = column("måltyp", "")  # KF-mål, KS-mål, Nämndmål … (profile vocabulary)
    goal_no: str = column("mål_nr", "")  # as printed: "8", "2.1"
    goal: str = column("mål", "")
    assessment: str = column("bedömning", "")  # Uppfyllt, Delvis uppfyllt, Ej uppfyllt or empty
    assessment_raw: str = column("bedömning_råtext", "")
    method: str = column("metod", "text")
    confidence: float = column("säkerhet", 1.0)
    file: str = column("fil", "")
    page: int = column("sida", 0)


@dataclass(frozen=True)
class IndicatorRow:
    """One cell of an indicator table: an indicator in one year or period."""

    municipality: str = column("kommun", "")
    municipality_code: str = column("kommunkod", "")
    year: int | None = column("år")
    unit: str = column("enhet", "")
    goal_no: str = column("mål_nr", "")  # the goal the table stands under
    indicator: str = column("indikator", "")
    source: str = column("indikatorkälla", "")  # "SCB:s medborgarundersökning", when printed
    period: str = column("period", "")  # the column's label as printed: "2012", "2010-2013"
    value: float | None = column("värde")
    value_unit: str = column("enhet_värde", "")
    benchmark: float | None = column("jämförelsevärde")  # "53 (medel 57)" → 57
    raw: str = column("råtext", "")
    method: str = column("metod", "text")
    confidence: float = column("säkerhet", 1.0)
    file: str = column("fil", "")
    page: int = column("sida", 0)


@dataclass(frozen=True)
class ActivityRow:
    """One row of an activity plan under a goal."""

    municipality: str = column("kommun", "")
    municipality_code: str = column("kommunkod", "")
    year: int | None = column("år")
    unit: str = column("enhet", "")
    goal_no: str = column("mål_nr", "")
    activity: str = column("aktivitet", "")
    description: str = column("beskrivning", "")
    end_date: str = column("slutdatum", "")  # ISO when a date, else as printed ("Löpande")
    responsible: str = column("ansvarig", "")
    status: str = column("status", "")  # the vocabulary term, or empty
    status_raw: str = column("status_råtext", "")
    method: str = column("metod", "text")
    confidence: float = column("säkerhet", 1.0)
    file: str = column("fil", "")
    page: int = column("sida", 0)


@dataclass(frozen=True)
class TableSpec:
    key: str  # csv file stem and DataFrame key
    sheet: str
    record_type: type
    # The fields that name a row to a person, in Granska; none where the table's reader
    # lists its rows there itself (Kompass).
    key_fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReviewRow:
    """A row a person should check: a derived value, a disagreement, an unsure reading."""

    table: str = column("tabell", "")
    file: str = column("fil", "")
    page: int = column("sida", 0)
    row: str = column("rad", "")  # the row's key in its table, e.g. the sub-area code
    text: str = column("text", "")
    reason: str = column("orsak", "")


KOMPASS = TableSpec("kompass", "Kompass", KompassRow)
HANDLINGSPLAN = TableSpec("handlingsplan", "Handlingsplan", HandlingsplanRow, ("goal", "activity"))
TABELLER = TableSpec("tabeller", "Tabeller", TabellRow, ("title", "row", "column_label"))
GOALS = TableSpec("mal", "Mål", GoalRow, ("goal_no", "goal"))
INDICATORS = TableSpec(
    "indikatorer", "Indikatorer", IndicatorRow, ("goal_no", "indicator", "period")
)
ACTIVITIES = TableSpec("aktiviteter", "Aktiviteter", ActivityRow, ("goal_no", "activity"))
SOURCES = TableSpec("kallor", "Källor", SourceRow)
REVIEW = TableSpec("granska", "Granska", ReviewRow)
TABLES: tuple[TableSpec, ...] = (
    KOMPASS,
    HANDLINGSPLAN,
    GOALS,
    INDICATORS,
    ACTIVITIES,
    TABELLER,
    REVIEW,
)
SPEC_BY_KEY: dict[str, TableSpec] = {spec.key: spec for spec in TABLES}
