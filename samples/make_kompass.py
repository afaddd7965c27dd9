"""Generates the Kommunkompassen sample PDFs and their ground truth.

Run from the repository root:  .venv/bin/python samples/make_kompass.py

Writes samples/kompass/<stem>.pdf and samples/expected/<stem>.kompass.csv. The expected rows come
from the data used to draw the tables; only `sida` (the page a row landed on) is looked up in the
finished PDF. See samples/README.md for what each sample exercises.
"""

from __future__ import annotations

import csv
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import kompass_pdf  # noqa: E402
import render_docx  # noqa: E402
import render_reportlab  # noqa: E402
from kompass_data import (  # noqa: E402
    LEFTOVER_AREA1,
    NEW_2020,
    OLD_2010,
    OLD_2016,
    Framework,
    Kommun,
    load_kommuner,
    percent_agrees,
)
from kompass_model import Document, Heading, Look, PrintedArea  # noqa: E402
from kompass_prose import ReportSpec, build_document  # noqa: E402

OUT_PDF = HERE / "kompass"
OUT_CSV = HERE / "expected"
CSV_COLUMNS = [
    "kommun",
    "kommunkod",
    "år",
    "ramverk",
    "område_nr",
    "område",
    "delområde_nr",
    "delområde",
    "poäng",
    "max",
    "procent",
    "kontroll",
    "fil",
    "sida",
]

SPECS: list[ReportSpec] = [
    # 1. older revision, 2016 wording: full grid, Procent, centred numbers, Helvetica + Times
    ReportSpec(
        stem="kompass_a",
        engine="reportlab",
        kommun="Älmhult",
        year=2017,
        month="Oktober",
        framework=OLD_2016,
        seed=1701,
        look=Look(
            body_font="times",
            head_font="helvetica",
            table_font="times",
            rules="grid",
            valign="middle",
            question_width_cm=7.0,
            cell_padding=4.5,
            footer="Sida {n} av {total}",
            footer_align="right",
            header_text="Oktober 2017",
            accent="#1F3864",
        ),
        title="Kommunkompassen – Analys av {kommun}",
        subtitle="Utvärdering av styrning och ledning",
        evaluators=(
            "Margareta Lindholm, Sveriges Kommuner och Landsting",
            "Jonas Ekberg, Ljungby kommun",
        ),
        previous=(2013,),
        overview_heading="4. Översikt av poängfördelning",
        overview_sentence="Tabellerna nedan visar {kommun} resultat per delområde inom "
        "respektive område.",
        split_table=True,
    ),
    # 2. older revision, 2010-era wording: unruled, bottom-aligned numbers, DejaVu Serif
    ReportSpec(
        stem="kompass_b",
        engine="reportlab",
        kommun="Mönsterås",
        year=2012,
        month="April",
        framework=OLD_2010,
        seed=1204,
        look=Look(
            body_font="dejavu-serif",
            head_font="helvetica",
            table_font="dejavu-serif",
            body_size=10,
            table_size=9,
            rules="header_line",
            valign="bottom",
            question_width_cm=8.2,
            footer="{n}",
            footer_align="center",
            accent="#5A2D0C",
        ),
        title="Kommunkompassen",
        subtitle="Utvärdering av {kommun}",
        evaluators=("Bo Almqvist, SKL", "Eva Sandström, Oskarshamns kommun"),
        previous=(2008,),
        overview_heading="4. Översikt av poängfördelningen",
        overview_sentence="Nedanstående tabeller visar {kommun} resultat fördelat på delfrågor "
        "inom respektive område.",
        box_mismatch=5,
    ),
    # 3. 2019/2020 revision, municipality X year A: small zebra tables per area
    ReportSpec(
        stem="kompass_c",
        engine="reportlab",
        kommun="Härnösand",
        year=2020,
        month="November",
        framework=NEW_2020,
        seed=2011,
        look=Look(
            body_font="liberation-sans",
            head_font="liberation-sans",
            table_font="liberation-sans",
            rules="zebra",
            valign="middle",
            question_width_cm=9.5,
            footer="– {n} –",
            footer_align="center",
            header_text="Kommunkompassen 2020",
            accent="#2E6B4F",
            strengths_as_table=True,
        ),
        title="Analys av {kommun} enligt Kommunkompassen",
        subtitle="Rapport från Sveriges Kommuner och Regioner",
        evaluators=("Karin Holmqvist, SKR", "Per-Olof Nyström, Sundsvalls kommun"),
        previous=(2015,),
        overview_heading="4. Översikt – poängfördelning",
        summary_table=True,
    ),
    # 4. same municipality X, later year B: python-docx "Table Grid" -> LibreOffice
    ReportSpec(
        stem="kompass_d",
        engine="docx",
        kommun="Härnösand",
        year=2023,
        month="Mars",
        framework=NEW_2020,
        seed=2303,
        look=Look(
            body_font="liberation-sans",
            head_font="liberation-sans",
            table_font="liberation-sans",
            body_size=10.5,
            table_size=10,
            rules="grid",
            valign="top",
            question_width_cm=10.0,
            footer="Sida {n} av {total}",
            footer_align="center",
            header_text="Mars 2023",
            accent="#2F5496",
            strengths_as_table=True,
        ),
        title="Kommunkompassen – {kommun}",
        subtitle="Uppföljande utvärdering",
        evaluators=("Karin Holmqvist, SKR", "Anders Wiklund, Kramfors kommun"),
        previous=(2015, 2020),
        overview_heading="4. Översikt av poängfördelning",
        overview_sentence="Tabellerna nedan visar {kommun} resultat per delområde.",
    ),
    # 5. 2019/2020 revision with the left-over area 1 name, one borderless table over two pages
    ReportSpec(
        stem="kompass_e",
        engine="docx",
        kommun="Öckerö",
        year=2021,
        month="Maj",
        framework=NEW_2020,
        seed=2105,
        look=Look(
            body_font="liberation-serif",
            head_font="liberation-sans",
            table_font="liberation-serif",
            body_size=11,
            table_size=11,
            rules="none",
            valign="top",
            combined_table=True,
            repeat_header=False,
            question_width_cm=10.5,
            footer="{n}",
            footer_align="right",
            accent="#833C0B",
        ),
        title="Kommunkompassen – Analys av {kommun}",
        subtitle="Slutrapport",
        evaluators=("Leif Sandberg, SKR", "Maria Johansson, Kungälvs kommun"),
        previous=(),
        overview_heading="4 Översikt av poängfördelning",
        overview_sentence="I tabellen nedan redovisas {kommun} resultat per delområde inom "
        "respektive område.",
        area1_name=LEFTOVER_AREA1,
        score_boxes=True,
    ),
    # 6. older revision via python-docx, "45%" in some rows, one area total off by 6
    ReportSpec(
        stem="kompass_f",
        engine="docx",
        kommun="Vetlanda",
        year=2018,
        month="September",
        framework=OLD_2016,
        seed=1809,
        look=Look(
            body_font="dejavu-sans",
            head_font="dejavu-sans",
            table_font="dejavu-sans",
            body_size=9.5,
            table_size=9,
            rules="grid",
            valign="middle",
            question_width_cm=8.4,
            footer="{n} ({total})",
            footer_align="right",
            header_text="Kommunkompassen",
            accent="#375623",
        ),
        title="Utvärdering av {kommun}",
        subtitle="Kommunkompassen – analys av styrning och ledning",
        evaluators=("Gunilla Berg, Sveriges Kommuner och Landsting", "Stefan Lund, Eksjö kommun"),
        previous=(2014,),
        overview_heading="4. Översikt av poängfördelningen per område",
        overview_sentence="Tabellerna nedan visar {kommun} resultat per delfråga inom varje "
        "område.",
        percent_nospace=frozenset({"1.2", "1.4", "2.3", "3.1", "4.4", "5.5", "6.3", "7.2", "8.6"}),
        total_mismatch=(4, 6),
    ),
    # 7. long benchmark report, 2019/2020 revision, overview near the end
    ReportSpec(
        stem="kompass_lang",
        engine="reportlab",
        kommun="Tranemo",
        year=2022,
        month="Februari",
        framework=NEW_2020,
        seed=2202,
        look=Look(
            body_font="times",
            head_font="helvetica",
            table_font="helvetica",
            body_size=11,
            table_size=9.5,
            rules="grid",
            valign="top",
            question_width_cm=10.0,
            footer="Sida {n}",
            footer_align="center",
            header_text="Februari 2022",
            accent="#404040",
        ),
        title="Kommunkompassen – Fördjupad analys av {kommun}",
        subtitle="Fullständig rapport med iakttagelser per förvaltning",
        evaluators=(
            "Helena Strand, SKR",
            "Mikael Åberg, Ulricehamns kommun",
            "Sofia Karlsson, Borås stad",
        ),
        previous=(2012, 2017),
        overview_heading="4. Översikt av poängfördelning",
        long=True,
    ),
]


# --------------------------------------------------------------------------- ground truth


def kontroll(area: PrintedArea, framework: Framework, row_index: int) -> str:
    """ok / avvikelse / ej kontrollerad for one printed row, from printed values only."""
    row = area.rows[row_index]
    tolerance = 2 if framework.has_percent else 0
    if row.percent is None and area.total is None:
        return "ej kontrollerad"
    total_ok = area.total is None or abs(area.total - sum(r.points for r in area.rows)) <= tolerance
    pct_ok = row.percent is None or percent_agrees(row.points, row.max, row.percent)
    return "ok" if total_ok and pct_ok else "avvikelse"


def expected_rows(
    spec: ReportSpec, kommun: Kommun, areas: list[PrintedArea], pages: list[int]
) -> list[dict[str, object]]:
    rows = []
    flat = [(a, i) for a in areas for i in range(len(a.rows))]
    for (area, i), page in zip(flat, pages, strict=True):
        row = area.rows[i]
        rows.append(
            {
                "kommun": kommun.namn,
                "kommunkod": kommun.kod,
                "år": spec.year,
                "ramverk": spec.framework.ramverk,
                "område_nr": area.nr,
                "område": area.name,
                "delområde_nr": row.nr,
                "delområde": row.text,
                "poäng": row.points,
                "max": row.max,
                "procent": "" if row.percent is None else row.percent,
                "kontroll": kontroll(area, spec.framework, i),
                "fil": f"{spec.stem}.pdf",
                "sida": page,
            }
        )
    return rows


def write_csv(path: Path, rows: list[dict[str, object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


# --------------------------------------------------------------------------- rendering


def split_areas(areas: list[PrintedArea], pages: list[int]) -> list[int]:
    """Areas whose item rows are printed on more than one page."""
    found, i = [], 0
    for area in areas:
        if len(set(pages[i : i + len(area.rows)])) > 1:
            found.append(area.nr)
        i += len(area.rows)
    return found


def toc_headings(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Heading) and b.toc]


def render_docx_batch(jobs: list[tuple[ReportSpec, Document]], workdir: Path) -> None:
    """Two LibreOffice passes: the first finds the heading pages for the static contents list."""
    pages: dict[str, dict[str, int]] = {spec.stem: {} for spec, _ in jobs}
    for _ in range(2):
        paths = []
        for spec, doc in jobs:
            path = workdir / f"{spec.stem}.docx"
            render_docx.write_docx(doc, path, pages[spec.stem])
            paths.append(path)
        render_docx.convert(paths, workdir)
        for spec, doc in jobs:
            texts = kompass_pdf.page_texts(workdir / f"{spec.stem}.pdf")
            pages[spec.stem] = kompass_pdf.heading_pages(texts, toc_headings(doc))


def main() -> int:
    started = time.perf_counter()
    kommuner = load_kommuner()
    OUT_PDF.mkdir(exist_ok=True)
    OUT_CSV.mkdir(exist_ok=True)
    built = []
    for spec in SPECS:
        kommun = kommuner[spec.kommun]
        doc, areas = build_document(spec, kommun)
        built.append((spec, kommun, doc, areas))

    with tempfile.TemporaryDirectory(prefix="kompass_") as tmp:
        workdir = Path(tmp)
        for spec, _, doc, _ in built:
            if spec.engine == "reportlab":
                render_reportlab.render(doc, workdir / f"{spec.stem}.pdf")
        render_docx_batch([(s, d) for s, _, d, _ in built if s.engine == "docx"], workdir)
        for spec, *_ in built:
            shutil.copyfile(workdir / f"{spec.stem}.pdf", OUT_PDF / f"{spec.stem}.pdf")

    failed = False
    for spec, kommun, _, areas in built:
        pdf = OUT_PDF / f"{spec.stem}.pdf"
        texts = kompass_pdf.page_texts(pdf)
        pages = kompass_pdf.locate_rows(texts, spec.overview_heading, areas)
        problems = kompass_pdf.layout_problems(texts, areas, pages)
        if spec.split_table and not split_areas(areas, pages):
            problems.append("no area table continues over a page break")
        for problem in problems:
            print(f"  {spec.stem}: {problem}", file=sys.stderr)
            failed = True
        write_csv(OUT_CSV / f"{spec.stem}.kompass.csv", expected_rows(spec, kommun, areas, pages))
        print(
            f"{pdf.relative_to(HERE.parent)}: {len(texts)} pages, {len(pages)} rows, "
            f"tables on pages {min(pages)}-{max(pages)}, split areas {split_areas(areas, pages)}"
        )
    print(f"done in {time.perf_counter() - started:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
