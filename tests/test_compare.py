"""Comparison output: Kompass areas per revision, changes between evaluations, indicators side
by side, the long table, the charts' cell references, and results accumulated over runs."""

from __future__ import annotations

import csv
import json
import shutil
from dataclasses import fields, make_dataclass, replace
from pathlib import Path
from typing import Any, get_type_hints

import pytest
from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries

from extract.charts import CHART_SHEET
from extract.cli import main
from extract.compare import Catalog, Evaluation, catalog, changes, compare, evaluations
from extract.compare_indicators import compare_indicators, match_names
from extract.pipeline import FileResult
from extract.records import Check, KompassRow, column
from extract.store import STATE_FILE
from extract.write import COMPARISON_SHEET, INDICATOR_SHEET, build_outputs, write_outputs

from .conftest import SAMPLES

NEW = "Kommunkompassen 2019/2020"
OLD = "Kommunkompassen 2010–2016"
HARNOSAND_2020 = [65, 56, 56, 55, 44, 74, 44, 65]  # kompass_c.kompass.csv, summed by hand
HARNOSAND_2023 = [35, 64, 53, 71, 43, 64, 38, 39]  # kompass_d


def kompass_rows(*stems: str) -> list[KompassRow]:
    """Expected sample rows typed like the extractor's (ints, floats, None for empty)."""
    hints = get_type_hints(KompassRow)
    rows = []
    for stem in stems:
        with (SAMPLES / "expected" / f"{stem}.kompass.csv").open(encoding="utf-8") as handle:
            for raw in csv.DictReader(handle):
                values = {}
                for f in fields(KompassRow):
                    if f.metadata["column"] not in raw:
                        continue  # a column the samples do not record keeps its default
                    text = raw[f.metadata["column"]]
                    kind = hints[f.name]
                    number = int if "int" in str(kind) else float if "float" in str(kind) else None
                    values[f.name] = (number(text) if text else None) if number else text
                rows.append(KompassRow(**values))
    return rows


ALL = ("kompass_a", "kompass_b", "kompass_c", "kompass_d", "kompass_e", "kompass_f")


@pytest.fixture(scope="module")
def rows() -> list[KompassRow]:
    return kompass_rows(*ALL)


@pytest.fixture(scope="module")
def names(rows, profiles) -> Catalog:
    return catalog(profiles, rows)


def _block_rows(block) -> dict[str, dict[str, Any]]:
    return {row[0]: dict(zip(block.header, row, strict=True)) for row in block.rows}


def test_area_totals_per_revision_never_mixed(rows, names) -> None:
    old, new = compare(rows, names)
    assert (old.framework, new.framework) == (OLD, NEW)
    block = new.block()
    # Area columns are headed by number and canonical name: kompass_e prints the template
    # left-over "Offentlighet och demokrati" for area 1, which must not split the column.
    assert block.header[5:13] == (
        "1 Samspel mellan förtroendevalda och medborgare",
        "2 Samhällsutveckling",
        "3 Styrning och kontroll",
        "4 Effektivitet",
        "5 Brukarens fokus",
        "6 Kvalitetsutveckling",
        "7 Arbetsliv",
        "8 Chefs- och ledarskap samt medarbetarskap",
    )
    assert old.block().header[5] == "1 Offentlighet och demokrati"
    by_label = _block_rows(block)
    harnosand = by_label["Härnösand 2020"]
    assert [harnosand[h] for h in block.header[5:13]] == HARNOSAND_2020
    assert harnosand["totalt"] == sum(HARNOSAND_2020) == 459
    assert (harnosand["kommunkod"], harnosand["år"], harnosand["kontroll"]) == ("2280", 2020, "ok")
    assert {r[4] for r in block.rows} == {NEW}
    assert list(by_label) == [
        "Härnösand 2020",
        "Härnösand 2023",
        "Öckerö 2021",
        "Medelvärde (3 utvärderingar)",
    ]
    mean = by_label["Medelvärde (3 utvärderingar)"]
    assert mean[block.header[5]] == round((65 + 35 + 45) / 3, 1)
    assert mean["totalt"] == round((459 + 407 + 494) / 3, 1)
    # Vetlanda's printed area-4 total disagrees with its items: the sum is used, and said so.
    vetlanda = _block_rows(old.block())["Vetlanda 2018"]
    assert vetlanda["4 Ledarskap, ansvar och delegation"] == 45
    assert vetlanda["kontroll"] == "avvikelse i område 4"


def test_change_between_consecutive_evaluations(rows, names) -> None:
    block = changes(compare(rows, names), names)
    assert {(r[0], r[3], r[4]) for r in block.rows} == {("Härnösand", 2020, 2023)}
    by_item = {row[6]: dict(zip(block.header, row, strict=True)) for row in block.rows}
    area1 = by_item["1"]
    assert (area1["nivå"], area1["poäng från"], area1["poäng till"], area1["förändring"]) == (
        "område",
        65,
        35,
        -30,
    )
    assert by_item["2"]["förändring"] == 8
    assert (by_item["1.1"]["poäng från"], by_item["1.1"]["poäng till"]) == (14, 8)
    assert by_item["4.4"]["namn"] == "Ny teknik som ökar effektivitet"
    changes_by_area = [by_item[str(n)]["förändring"] for n in range(1, 9)]
    assert changes_by_area == [b - a for a, b in zip(HARNOSAND_2020, HARNOSAND_2023, strict=True)]
    assert [r[6] for r in block.rows][:7] == ["1", "1.1", "1.2", "1.3", "1.4", "1.5", "2"]


def test_the_same_evaluation_in_two_files_counts_once(rows, names) -> None:
    # A scan of kompass_c whose 3.4 could not be read and was derived: it sorts first by name,
    # but the original, with every row checked, is the one compared.
    scan = [
        replace(r, file="a_scan.pdf", score=0, check=Check.DERIVED)
        if r.subarea_no == "3.4"
        else replace(r, file="a_scan.pdf")
        for r in rows
        if r.file == "kompass_c.pdf"
    ]
    assert Evaluation(tuple(scan)).check == "härlett värde i område 3"
    found = [e for e in evaluations([*scan, *rows]) if e.code == "2280"]
    assert [(e.year, e.file) for e in found] == [(2020, "kompass_c.pdf"), (2023, "kompass_d.pdf")]
    assert found[0].duplicate_note == "a_scan.pdf (andra poäng i område 3)"
    (new,) = [c for c in compare([*rows, *scan], names) if c.framework == NEW]
    assert new.mean_label == "Medelvärde (3 utvärderingar)"


def test_long_table(rows, names, profiles) -> None:
    (block,) = build_outputs({"kompass": rows}, profiles).csv_only
    assert block.csv == "long"
    assert block.header == (
        "kommunkod",
        "kommun",
        "period",
        "mått",
        "värde",
        "källa",
        "fil",
        "sida",
    )
    found = {(r[0], r[2], r[3]): r for r in block.rows}
    area = found["2280", 2020, f"{NEW} område 3 Styrning och kontroll"]
    assert area[4] == 56 and area[5:] == ("kompass", "kompass_c.pdf", 25)
    sub = found[
        "2280",
        2020,
        f"{NEW} delområde 3.4 Samspel mellan rollerna som förtroendevald respektive tjänsteperson",
    ]
    assert sub[4] == 9
    assert found["2280", 2023, f"{NEW} totalt"][4] == sum(HARNOSAND_2023)
    assert found["0861", 2012, f"{OLD} totalt"][1] == "Mönsterås"  # the code keeps its zero
    # kompass_e prints area 1 with an old name; the measure keeps the canonical one.
    assert ("1407", 2021, f"{NEW} område 1 Samspel mellan förtroendevalda och medborgare") in found
    per_file = len(rows) + 6 * 9  # each sub-area, plus 8 areas and a total per evaluation
    assert len(block.rows) == per_file


# ---------------------------------------------------------------------------------------------
# Indicators: built from rows with the `indikatorer` column contract


def indicator(name: str, municipality: str, code: str, period: str, value: Any, **extra) -> dict:
    row = {
        "kommun": municipality,
        "kommunkod": code,
        "år": 2023,
        "enhet": "",
        "mål_nr": "1",
        "indikator": name,
        "indikatorkälla": "Kolada",
        "period": period,
        "värde": value,
        "enhet_värde": "%",
        "jämförelsevärde": None,
        "råtext": str(value),
        "fil": f"{municipality.lower()}.pdf",
        "sida": 4,
    }
    return {**row, **extra}


INDICATORS = [
    indicator("Andel elever med behörighet till gymnasiet", "Härnösand", "2280", "2022", 82),
    indicator("Andel elever med behörighet till gymnasiet", "Härnösand", "2280", "2023", 85),
    indicator("Andel elever med behörighet till gymnasiet.", "Öckerö", "1407", "2023", 91),
    indicator("Andel elever med behörighet till gymnasiets", "Tranemo", "1452", "2023", 88),
    indicator("Andel elever i åk 6 som känner sig trygga", "Härnösand", "2280", "2023", 70),
    indicator("Andel elever i åk 9 som känner sig trygga", "Härnösand", "2280", "2023", 60),
    indicator("Andel elever i åk 9 som känner sig trygga", "Härnösand", "2280", "2022", 58),
    indicator(
        "Andel elever i åk 9 som känner sig trygga", "Härnösand", "2280", "2022", 61, fil="b.pdf"
    ),
]


def test_indicator_names_matched_and_shown() -> None:
    matches = match_names(r["indikator"] for r in INDICATORS)
    group = "Andel elever med behörighet till gymnasiet"
    assert matches["Andel elever med behörighet till gymnasiet."].group == group
    assert matches["Andel elever med behörighet till gymnasiets"].group == group
    assert matches["Andel elever med behörighet till gymnasiets"].score < 100
    # The numbers in a name must agree: åk 6 and åk 9 stay apart, however alike.
    assert (
        matches["Andel elever i åk 6 som känner sig trygga"].group
        != matches["Andel elever i åk 9 som känner sig trygga"].group
    )

    values, matching = compare_indicators(INDICATORS)
    assert values.header == (
        "indikator",
        "enhet_värde",
        "kommun",
        "kommunkod",
        "enhet",
        "namn i rapporterna",
        "2022",
        "2023",
    )
    rows = {(r[0], r[2]): r for r in values.rows}
    assert rows[group, "Härnösand"][6:] == (82, 85)
    assert rows[group, "Öckerö"][6:] == (None, 91)
    assert rows[group, "Tranemo"][5] == "Andel elever med behörighet till gymnasiets"
    # Two reports that disagree on a value show both.
    assert rows["Andel elever i åk 9 som känner sig trygga", "Härnösand"][6:] == ("58 / 61", 60)
    shown = {r[0]: r[1] for r in matching.rows}
    assert shown["Andel elever med behörighet till gymnasiet."] == group
    assert len(shown) == 5  # every printed name, with the group it was counted in


# A record type with the contract's columns, as the issue that adds the table will define it.
IndicatorRow = make_dataclass(
    "IndicatorRow", [(f"c{i}", Any, column(name)) for i, name in enumerate(INDICATORS[0])]
)


def test_indicator_sheet_only_when_there_are_indicators(rows, profiles) -> None:
    assert compare_indicators([]) == []
    without = build_outputs({"kompass": rows}, profiles)
    assert INDICATOR_SHEET not in [s.name for s in without.sheets]
    records = [IndicatorRow(*row.values()) for row in INDICATORS]
    with_them = build_outputs({"kompass": rows, "indikatorer": records}, profiles)
    (sheet,) = [s for s in with_them.sheets if s.name == INDICATOR_SHEET]
    assert [b.csv for b in sheet.blocks] == [
        "jamforelse_indikatorer",
        "jamforelse_indikatorer_namn",
    ]
    (long,) = with_them.csv_only
    indicator_rows = [r for r in long.rows if r[5] == "indikatorer"]
    assert len(indicator_rows) == len(INDICATORS)
    assert ("1407", "Öckerö", "2023", "Andel elever med behörighet till gymnasiet (%)", 91) in [
        r[:5] for r in indicator_rows
    ]


def test_long_table_takes_goal_fulfilment_from_action_plans(profiles) -> None:
    plan = {"kommun": "Härnösand", "kommunkod": "2280", "år": 2023, "enhet": "Förskolan"}
    plan |= {"perspektiv": "", "mål": "Trygg miljö", "aktivitet": "Rastvakter"}
    plan |= {"måluppfyllelse": 3, "fil": "plan.pdf", "sida": 2}
    PlanRow = make_dataclass(
        "PlanRow", [(f"c{i}", Any, column(name)) for i, name in enumerate(plan)]
    )
    unrated = PlanRow(*{**plan, "måluppfyllelse": None}.values())
    (long,) = build_outputs(
        {"handlingsplan": [PlanRow(*plan.values()), unrated]}, profiles
    ).csv_only
    assert long.rows == (
        (
            "2280",
            "Härnösand",
            2023,
            "Handlingsplan måluppfyllelse (1–4): Förskolan / Trygg miljö / Rastvakter",
            3,
            "handlingsplan",
            "plan.pdf",
            2,
        ),
    )


# ---------------------------------------------------------------------------------------------
# The workbook: comparison sheets and the charts' cell references


def test_workbook_charts_refer_to_the_right_cells(tmp_path: Path, profiles) -> None:
    results = [
        FileResult(
            f"/in/{stem}.pdf", f"{stem}.pdf", sha256=stem, rows={"kompass": kompass_rows(stem)}
        )
        for stem in ALL
    ]
    write_outputs(results, tmp_path, profiles)
    book = load_workbook(tmp_path / "kvalex.xlsx")
    assert book.sheetnames[-4:] == ["Källor", COMPARISON_SHEET, "Förändring kompass", CHART_SHEET]
    data = book[COMPARISON_SHEET]
    charts = book[CHART_SHEET]._charts
    bars = [c for c in charts if c.tagname == "barChart"]
    radars = [c for c in charts if c.tagname == "radarChart"]
    assert len(bars) == 2 and len(radars) == 6  # per revision; per evaluation

    def cells(reference: str) -> list[Any]:
        sheet, _, area = reference.rpartition("!")
        assert sheet.strip("'") == COMPARISON_SHEET
        low_col, low_row, high_col, high_row = range_boundaries(area.replace("$", ""))
        block = data.iter_rows(low_row, high_row, low_col, high_col, values_only=True)
        return [value for row in block for value in row]

    (harnosand_2023,) = [r for r in radars if "Härnösand 2023" in _title(r)]
    own, mean = harnosand_2023.series
    assert cells(own.tx.strRef.f) == ["Härnösand 2023"]
    assert cells(own.val.numRef.f) == HARNOSAND_2023
    assert cells(mean.tx.strRef.f) == ["Medelvärde (3 utvärderingar)"]
    assert cells(mean.val.numRef.f)[0] == round((65 + 35 + 45) / 3, 1)
    categories = cells(own.cat.strRef.f if own.cat.strRef else own.cat.numRef.f)
    assert (
        categories[0] == "1 Samspel mellan förtroendevalda och medborgare" and len(categories) == 8
    )
    assert harnosand_2023.y_axis.scaling.max == 100

    (new_totals,) = [b for b in bars if NEW in _title(b)]
    assert cells(new_totals.series[0].val.numRef.f) == [459, 407, 494, round(1360 / 3, 1)]
    labels = new_totals.series[0].cat
    assert cells((labels.strRef or labels.numRef).f)[-1] == "Medelvärde (3 utvärderingar)"


def _title(chart) -> str:
    return "".join(run.t for p in chart.title.tx.rich.p for run in p.r or [])


# ---------------------------------------------------------------------------------------------
# Accumulating results: the command end to end


C, D = SAMPLES / "kompass" / "kompass_c.pdf", SAMPLES / "kompass" / "kompass_d.pdf"


def _outputs(out: Path) -> dict[str, Any]:
    """Every CSV's text and every sheet's cell values."""
    found: dict[str, Any] = {
        p.name: p.read_text(encoding="utf-8") for p in (out / "csv").glob("*.csv")
    }
    book = load_workbook(out / "kvalex.xlsx")
    for sheet in book.worksheets:
        found[sheet.title] = [tuple(c.value for c in row) for row in sheet.iter_rows()]
    return found


def test_extracting_twice_gives_the_rows_of_one_run(tmp_path: Path, capsys) -> None:
    once, twice = tmp_path / "once", tmp_path / "twice"
    assert main(["extract", str(C), str(D), "--out", str(once)]) == 0
    shutil.copytree(once, twice)  # as if the first run had been into `twice`
    assert main(["extract", str(C), str(D), "--out", str(twice)]) == 0
    assert (
        "har nu resultat från 2 filer (0 nya, 2 lästa igen och ersatta)" in capsys.readouterr().out
    )
    first, second = _outputs(once), _outputs(twice)
    assert first == second
    assert {"kompass.csv", "kallor.csv", "long.csv", "forandring_kompass.csv"} <= set(first)
    assert len(first["kompass.csv"].splitlines()) == 1 + 72


def test_batches_accumulate_and_a_renamed_file_replaces_its_rows(tmp_path: Path) -> None:
    out, renamed = tmp_path / "out", tmp_path / "in" / "harnosand_2023.pdf"
    renamed.parent.mkdir()
    shutil.copy(D, renamed)
    assert main(["extract", str(C), "--out", str(out)]) == 0
    assert main(["extract", str(renamed), "--out", str(out)]) == 0  # a second portion
    assert main(["extract", str(D), "--out", str(out)]) == 0  # the same content, its own name
    with (out / "csv" / "kallor.csv").open(encoding="utf-8") as handle:
        sources = list(csv.DictReader(handle))
    assert [s["fil"] for s in sources] == ["kompass_c.pdf", "kompass_d.pdf"]
    assert all(len(s["sha256"]) == 64 for s in sources)
    with (out / "csv" / "kompass.csv").open(encoding="utf-8") as handle:
        files = [r["fil"] for r in csv.DictReader(handle)]
    assert files == ["kompass_c.pdf"] * 36 + ["kompass_d.pdf"] * 36
    with (out / "csv" / "forandring_kompass.csv").open(encoding="utf-8") as handle:
        area1 = next(csv.DictReader(handle))
    assert (area1["från år"], area1["till år"], area1["förändring"]) == ("2020", "2023", "-30")
    state = json.loads((out / STATE_FILE).read_text(encoding="utf-8"))
    assert [f["kallor"]["fil"] for f in state["filer"]] == ["kompass_c.pdf", "kompass_d.pdf"]


def test_a_failed_file_read_again_keeps_one_row(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00" * 50)
    for _ in range(2):
        assert main(["extract", str(broken), "--out", str(tmp_path / "out")]) == 1
    with (tmp_path / "out" / "csv" / "kallor.csv").open(encoding="utf-8") as handle:
        (source,) = csv.DictReader(handle)
    assert source["fel"].startswith("trasig") and len(source["sha256"]) == 64


def test_a_damaged_state_file_stops_the_run_and_is_kept(tmp_path: Path, capsys) -> None:
    (tmp_path / STATE_FILE).write_text("{not json", encoding="utf-8")
    assert main(["extract", str(C), "--out", str(tmp_path)]) == 2
    assert "kan inte läsas" in capsys.readouterr().err
    assert (tmp_path / STATE_FILE).read_text(encoding="utf-8") == "{not json"
    assert not (tmp_path / "kvalex.xlsx").exists()


def test_report_writes_png_figures(tmp_path: Path, profiles, capsys) -> None:
    assert main(["report", str(tmp_path)]) == 2  # nothing extracted there yet
    results = [
        FileResult(f"/in/{s}.pdf", f"{s}.pdf", sha256=s, rows={"kompass": kompass_rows(s)})
        for s in ("kompass_c", "kompass_d")
    ]
    write_outputs(results, tmp_path, profiles)
    assert main(["report", str(tmp_path)]) == 0
    figures = sorted(p.name for p in (tmp_path / "figurer").iterdir())
    assert figures == [
        "spindel_2019-2020_2280_2020.png",
        "spindel_2019-2020_2280_2023.png",
        "totaler_2019-2020.png",
    ]
    assert (tmp_path / "figurer" / figures[0]).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
