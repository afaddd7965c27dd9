"""Generates the handlingsplan sample PDFs and their ground truth.

Run from the repository root:  .venv/bin/python samples/make_handlingsplan.py

Writes samples/handlingsplan/<stem>.pdf and samples/expected/<stem>.handlingsplan.csv. Two grid
shapes, three reports each: (a) per perspective Nämndmål | Aktivitet | Slutdatum | Status |
Kommentar, (b) per unit Verksamhetsmål | Önskvärt resultat | Planering | Analys/slutsats |
Måluppfyllelse | Nya insatser/åtgärder. The expected rows come from the data the grids were
drawn from; only `sida` (the page a row starts on) is looked up in the finished PDF.
"""

from __future__ import annotations

import csv
import random
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import kompass_pdf  # noqa: E402
import render_docx  # noqa: E402
import render_reportlab  # noqa: E402
from handlingsplan_data import (  # noqa: E402
    DateStyle,
    HeaderWords,
    PerspectiveGrid,
    UnitGrid,
    UnitHeader,
    perspective_grids,
    perspective_table,
    unit_grids,
    unit_table,
)
from handlingsplan_texts import (  # noqa: E402
    CLOSING_A,
    CLOSING_B,
    INTRO_A,
    INTRO_B,
    PERSPECTIVE_LEADS,
)
from kompass_data import Kommun, load_kommuner  # noqa: E402
from kompass_model import Document, Heading, Look, PageBreak, Para, TitlePage  # noqa: E402

OUT_PDF = HERE / "handlingsplan"
OUT_CSV = HERE / "expected"
CSV_COLUMNS = [
    "kommun",
    "kommunkod",
    "år",
    "enhet",
    "perspektiv",
    "mål",
    "målbeskrivning",
    "aktivitet",
    "slutdatum",
    "status",
    "status_råtext",
    "måluppfyllelse",
    "önskvärt_resultat",
    "planering",
    "analys",
    "nya_insatser",
    "kommentar",
    "fil",
    "sida",
]


@dataclass(frozen=True)
class PlanSpec:
    stem: str
    shape: Literal["a", "b"]
    engine: Literal["reportlab", "docx"]
    kommun: str
    year: int
    month: str
    seed: int
    look: Look
    owner: str  # the nämnd (shape a) or the sector (shape b)
    widths: list[float]
    # shape (a)
    words: HeaderWords = field(default_factory=HeaderWords)
    date_styles: tuple[DateStyle, ...] = ("iso",)
    statuses: tuple[str, ...] = ("Genomfört", "Pågående", "Kvarstår")
    long_part: str = ""  # the perspective or unit whose grid runs over a page break
    unknown_status: str = ""
    leads: bool = True
    # shape (b)
    units: tuple[str, ...] = ()
    unit_words: UnitHeader = field(default_factory=UnitHeader)


def _look(**kwargs: object) -> Look:
    base: dict[str, object] = {"landscape": True, "footer": "Sida {n} av {total}"}
    return Look(**(base | kwargs))  # type: ignore[arg-type]


SPECS: list[PlanSpec] = [
    # (a) ruled grid, goal cells spanning, captions inside header cells, repeated header
    PlanSpec(
        stem="handlingsplan_a",
        shape="a",
        engine="reportlab",
        kommun="Sävsjö",
        year=2019,
        month="Maj",
        seed=419,
        look=_look(
            body_font="helvetica",
            head_font="helvetica",
            table_font="helvetica",
            table_size=9,
            valign="top",
            header_text="Uppföljning per 30 april 2019",
            accent="#1F4E79",
        ),
        owner="Tekniska nämnden",
        widths=[5.6, 7.6, 2.8, 2.6, 6.7],
        date_styles=("iso", "iso", "words"),
        statuses=("Genomfört", "Pågående", "Pågående", "Kvarstår", "Uppfyllt"),
        long_part="Medarbetare",
    ),
    # (a) Word table grid via LibreOffice: merged goal cells that break over a page, captions in
    # a row of their own, other header words, narrow date column, goal not in bold
    PlanSpec(
        stem="handlingsplan_b",
        shape="a",
        engine="docx",
        kommun="Ånge",
        year=2021,
        month="September",
        seed=921,
        look=_look(
            body_font="liberation-serif",
            head_font="liberation-sans",
            table_font="liberation-serif",
            table_size=10,
            valign="top",
            footer="{n}",
            footer_align="right",
            accent="#385623",
        ),
        owner="Socialnämnden",
        widths=[5.2, 7.6, 2.0, 2.5, 7.4],
        words=HeaderWords(
            goal="Mål",
            activity="Aktiviteter",
            date="Klart senast",
            comment="Kommentar",
            date_caption="Enligt verksamhetsplanen",
            status_caption="Genomförd, pågår, påbörjad eller ej påbörjad",
            captions_in_own_row=True,
            bold_goal=False,
        ),
        date_styles=("iso", "broken"),
        statuses=("Genomförd", "Pågår", "Påbörjad", "Ej påbörjad", "Klar"),
        long_part="Verksamhet",
        leads=False,
    ),
    # (a) lightly ruled: a line under the header and under each goal group only, no vertical
    # rules, no repeated header; dates in words; one status outside the vocabulary
    PlanSpec(
        stem="handlingsplan_c",
        shape="a",
        engine="reportlab",
        kommun="Älvkarleby",
        year=2020,
        month="Oktober",
        seed=1020,
        look=_look(
            body_font="dejavu-sans",
            head_font="dejavu-sans",
            table_font="dejavu-sans",
            body_size=10,
            table_size=8.5,
            rules="groups",
            valign="top",
            repeat_header=False,
            cell_padding=4,
            footer="{n} ({total})",
            footer_align="center",
            header_text="Delårsuppföljning 2020",
            accent="#7030A0",
        ),
        owner="Kultur- och fritidsnämnden",
        widths=[6.0, 7.4, 2.8, 2.5, 6.6],
        date_styles=("words", "iso"),
        statuses=("Genomfört", "Pågående", "Kvarstår", "Delvis uppfyllt"),
        long_part="Medborgare",
        unknown_status="Vilande",
    ),
    # (b) Word table grid via LibreOffice, capitals in narrow header cells (words broken),
    # legend in the Måluppfyllelse header, the sector and the unit above each grid
    PlanSpec(
        stem="handlingsplan_d",
        shape="b",
        engine="docx",
        kommun="Härryda",
        year=2018,
        month="Mars",
        seed=318,
        look=_look(
            body_font="liberation-sans",
            head_font="liberation-sans",
            table_font="liberation-sans",
            body_size=10.5,
            table_size=9,
            valign="top",
            header_text="Kvalitetsredovisning 2018",
            accent="#2F5496",
        ),
        owner="Sektor Ledning och stöd",
        widths=[3.0, 3.6, 4.6, 6.0, 2.2, 5.3],
        units=("Serviceenheten", "Personal- och ekonomienheten", "Löneenheten"),
        long_part="Serviceenheten",
    ),
    # (b) reportlab grid with a shaded header, mixed-case names, middle-aligned cells
    PlanSpec(
        stem="handlingsplan_e",
        shape="b",
        engine="reportlab",
        kommun="Östhammar",
        year=2017,
        month="April",
        seed=417,
        look=_look(
            body_font="times",
            head_font="helvetica",
            table_font="times",
            body_size=11,
            table_size=9.5,
            valign="middle",
            footer="– {n} –",
            footer_align="center",
            header_text="Kvalitetsredovisning 2017",
            accent="#833C0B",
        ),
        owner="Kommunledningsförvaltningen",
        widths=[4.0, 3.9, 5.0, 6.4, 2.7, 3.3],
        units=("Kansliet", "IT-enheten", "Medborgarkontoret"),
        long_part="IT-enheten",
        unit_words=UnitHeader(goal="Verksamhetsmål {first}–{last}", upper=False),
    ),
    # (b) unruled body: a line above and below the header only, top-aligned, legend on one line
    PlanSpec(
        stem="handlingsplan_f",
        shape="b",
        engine="reportlab",
        kommun="Mölndal",
        year=2022,
        month="Februari",
        seed=222,
        look=_look(
            body_font="liberation-sans",
            head_font="liberation-sans",
            table_font="liberation-sans",
            table_size=8.5,
            rules="header_line",
            valign="top",
            repeat_header=False,
            cell_padding=5,
            footer="{n}",
            footer_align="right",
            accent="#404040",
        ),
        owner="Sektor samhällsbyggnad",
        widths=[4.3, 4.0, 5.0, 6.2, 2.6, 3.2],
        units=("Kommunikationsenheten", "IT-enheten"),
        long_part="Kommunikationsenheten",
        unit_words=UnitHeader(goal="Nämndens verksamhetsmål", upper=False, legend_lines=False),
    ),
    # (a) Word table without any rules, cells centred and set without padding: rows apart by
    # hardly more than a cell's own lines; a nämnd with "och" in its name
    PlanSpec(
        stem="handlingsplan_g",
        shape="a",
        engine="docx",
        kommun="Vetlanda",
        year=2020,
        month="November",
        seed=1120,
        look=_look(
            body_font="liberation-sans",
            head_font="liberation-sans",
            table_font="liberation-sans",
            table_size=9,
            rules="none",
            valign="middle",
            footer="Sida {n} av {total}",
            footer_align="right",
            accent="#2E5E4E",
        ),
        owner="Miljö- och byggnadsnämnden",
        widths=[5.4, 7.2, 2.6, 2.6, 7.0],
        words=HeaderWords(goal="Mål", date="Klart"),
        date_styles=("iso", "broken", "words"),
        statuses=("Genomförd", "Pågår", "Ej påbörjad", "Kvarstår"),
        long_part="Medborgare",
    ),
    # (b) Word table without any rules, cells bottom-aligned: the header's tall Måluppfyllelse
    # cell begins well above the other names
    PlanSpec(
        stem="handlingsplan_h",
        shape="b",
        engine="docx",
        kommun="Bollnäs",
        year=2021,
        month="Mars",
        seed=321,
        look=_look(
            body_font="liberation-serif",
            head_font="liberation-sans",
            table_font="liberation-serif",
            table_size=9,
            rules="none",
            valign="bottom",
            accent="#7F3F00",
        ),
        owner="Sektor samhälle",
        widths=[3.6, 3.8, 5.4, 6.4, 2.4, 3.8],
        units=("Bygglovsenheten", "Miljöenheten"),
        long_part="Bygglovsenheten",
    ),
    # (b) Word table without any rules, top-aligned, goals in plain type without a full stop:
    # the next goal begins at a row's top, set only a little further apart than a line
    PlanSpec(
        stem="handlingsplan_i",
        shape="b",
        engine="docx",
        kommun="Sandviken",
        year=2019,
        month="Februari",
        seed=318,
        look=_look(
            body_font="liberation-sans",
            head_font="liberation-sans",
            table_font="liberation-sans",
            body_size=10.5,
            table_size=9,
            rules="none",
            valign="top",
            footer="{n}",
            accent="#1F3864",
        ),
        owner="Kommunledningsförvaltningen",
        widths=[3.0, 3.6, 4.6, 6.0, 2.2, 5.3],
        units=("Personalenheten", "Ekonomienheten", "Kansliet"),
        long_part="Personalenheten",
    ),
]


# --------------------------------------------------------------------------- documents


def build_a(spec: PlanSpec, kommun: Kommun) -> tuple[Document, list[PerspectiveGrid]]:
    rng = random.Random(spec.seed)
    grids = perspective_grids(
        rng, spec.year, spec.date_styles, spec.statuses, spec.long_part, spec.unknown_status
    )
    doc = Document(spec.look, f"{spec.owner} – uppföljning av verksamhetsplan {spec.year}")
    doc.add(
        TitlePage(
            title=spec.owner,
            subtitle=f"Uppföljning av verksamhetsplan {spec.year}, {kommun.kommun_namn}",
            date_line=f"{spec.month} {spec.year}",
            evaluators=[f"Förvaltningschef, {spec.owner.lower()}"],
            people_label="Ansvarig:",
        ),
        Heading("1. Inledning"),
        Para(INTRO_A[0]),
        Para(
            f"Verksamhetsplanen för {spec.year}–{spec.year + 2} antogs av nämnden i december "
            f"{spec.year - 1}. {rng.choice(INTRO_A[1:])}"
        ),
        Heading("2. Uppföljning per perspektiv"),
    )
    for grid in grids:
        doc.add(Heading(grid.perspective, level=2, toc=False))
        if spec.leads:
            doc.add(Para(PERSPECTIVE_LEADS[grid.perspective]))
        doc.add(perspective_table(grid, spec.year, spec.words, spec.widths))
    doc.add(PageBreak(), Heading("3. Sammanfattande bedömning"), *(Para(p) for p in CLOSING_A))
    return doc, grids


def build_b(spec: PlanSpec, kommun: Kommun) -> tuple[Document, list[UnitGrid]]:
    rng = random.Random(spec.seed)
    grids = unit_grids(rng, list(spec.units), spec.long_part)
    doc = Document(spec.look, f"Kvalitetsredovisning {spec.year} – {spec.owner}")
    doc.add(
        TitlePage(
            title=f"Kvalitetsredovisning {spec.year}",
            subtitle=f"{spec.owner}, {kommun.kommun_namn}",
            date_line=f"{spec.month} {spec.year + 1}",
            evaluators=[],
        ),
        Heading("1. Förutsättningar för måluppfyllelse"),
        Para(
            f"Året präglades av arbetet med de nya verksamhetsmålen för {spec.year - 2}–"
            f"{spec.year}. {INTRO_B[2]}"
        ),
        Heading(f"2. Uppföljning av handlingsplan {spec.year}"),
        *(Para(p) for p in INTRO_B[:2]),
        Heading(spec.owner, level=2, toc=False),
    )
    for grid in grids:
        doc.add(Heading(grid.unit, level=2, toc=False))
        doc.add(unit_table(grid, spec.year, spec.unit_words, spec.widths))
    doc.add(PageBreak(), Heading("3. Kvalitetsarbetet och handlingsplanen"))
    doc.add(*(Para(p) for p in CLOSING_B))
    return doc, grids


# --------------------------------------------------------------------------- ground truth


def rows_a(spec: PlanSpec, kommun: Kommun, grids: list[PerspectiveGrid]) -> list[dict]:
    return [
        _row(spec, kommun)
        | {
            "enhet": spec.owner,
            "perspektiv": grid.perspective,
            "mål": goal.title,
            "målbeskrivning": goal.description,
            "aktivitet": activity.text,
            "slutdatum": activity.date.value,
            "status": activity.status.value,
            "status_råtext": activity.status.printed,
            "kommentar": activity.comment,
        }
        for grid in grids
        for goal in grid.goals
        for activity in goal.activities
    ]


def rows_b(spec: PlanSpec, kommun: Kommun, grids: list[UnitGrid]) -> list[dict]:
    return [
        _row(spec, kommun)
        | {
            "enhet": grid.unit,
            "mål": aim.goal,
            "måluppfyllelse": effort.score,
            "önskvärt_resultat": effort.desired,
            "planering": effort.planning,
            "analys": effort.analysis,
            "nya_insatser": effort.next_steps,
        }
        for grid in grids
        for aim in grid.aims
        for effort in aim.efforts
    ]


def _row(spec: PlanSpec, kommun: Kommun) -> dict:
    empty = dict.fromkeys(CSV_COLUMNS, "")
    return empty | {"kommun": kommun.namn, "kommunkod": kommun.kod, "år": spec.year}


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalpha())


def locate(texts: list[str], rows: list[dict], key: str) -> list[int]:
    """1-based page each row starts on: the first page, never before the previous row's,
    whose letters hold the letters of the row's first words (enough for ten letters, few
    enough to stay on the row's first line). Letters only, because a cell's lines may be
    broken inside a word or interleaved with other cells in the text stream."""
    letters = [_letters(t) for t in texts]
    page = 1  # the title page never holds a grid
    pages = []
    for row in rows:
        words = row[key].split()
        count = next(
            (n for n in range(1, len(words)) if len(_letters(" ".join(words[:n]))) >= 10),
            len(words),
        )
        wanted = _letters(" ".join(words[:count]))
        for index in range(page, len(texts)):
            if wanted in letters[index]:
                page = index
                break
        else:
            raise LookupError(f"{row[key]!r} not found")
        pages.append(page + 1)
    return pages


def write_csv(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


# --------------------------------------------------------------------------- main


def main() -> int:
    started = time.perf_counter()
    kommuner = load_kommuner()
    OUT_PDF.mkdir(exist_ok=True)
    built = []
    for spec in SPECS:
        kommun = kommuner[spec.kommun]
        if spec.shape == "a":
            doc, grids_a = build_a(spec, kommun)
            rows = rows_a(spec, kommun, grids_a)
        else:
            doc, grids_b = build_b(spec, kommun)
            rows = rows_b(spec, kommun, grids_b)
        built.append((spec, doc, rows))
    with tempfile.TemporaryDirectory(prefix="handlingsplan_") as tmp:
        workdir = Path(tmp)
        docx_paths = []
        for spec, doc, _ in built:
            if spec.engine == "reportlab":
                render_reportlab.render(doc, workdir / f"{spec.stem}.pdf")
            else:
                docx_paths.append(workdir / f"{spec.stem}.docx")
                render_docx.write_docx(doc, docx_paths[-1], {})
        render_docx.convert(docx_paths, workdir)
        for spec, *_ in built:
            shutil.copyfile(workdir / f"{spec.stem}.pdf", OUT_PDF / f"{spec.stem}.pdf")
    failed = False
    for spec, _, rows in built:
        pdf = OUT_PDF / f"{spec.stem}.pdf"
        texts = kompass_pdf.page_texts(pdf)
        key = "aktivitet" if spec.shape == "a" else "önskvärt_resultat"
        pages = locate(texts, rows, key)
        for row, page in zip(rows, pages, strict=True):
            row["fil"], row["sida"] = pdf.name, page
        part = "perspektiv" if spec.shape == "a" else "enhet"
        split = sorted(
            {r[part] for r in rows if len({x["sida"] for x in rows if x[part] == r[part]}) > 1}
        )
        if not split:
            print(f"  {spec.stem}: no grid runs over a page break", file=sys.stderr)
            failed = True
        write_csv(OUT_CSV / f"{spec.stem}.handlingsplan.csv", rows)
        print(
            f"{pdf.relative_to(HERE.parent)}: {len(texts)} pages, {len(rows)} rows, over a page break: {split}"
        )
    print(f"done in {time.perf_counter() - started:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
