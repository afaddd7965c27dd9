"""The command end to end into a temporary folder, and the workbook re-read."""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import load_workbook

from extract.cli import main

from .conftest import SAMPLES

GOOD = SAMPLES / "kompass" / "kompass_c.pdf"


def test_extract_writes_workbook_and_csv(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "in" / "broken.pdf"
    bad.parent.mkdir()
    bad.write_bytes(b"%PDF-1.7\n" + b"\x00" * 50)
    out = tmp_path / "out"
    code = main(["extract", str(GOOD), str(bad.parent), "--out", str(out)])
    printed = capsys.readouterr().out
    assert code == 1  # one file failed
    assert "FEL       broken.pdf: trasig" in printed
    assert "filer 2 · sidor" in printed and "rader 36 · varningar 0 · fel 1" in printed

    with (out / "csv" / "kompass.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 36
    assert list(rows[0])[:4] == ["kommun", "kommunkod", "år", "ramverk"]
    with (out / "csv" / "kallor.csv").open(encoding="utf-8") as handle:
        sources = {r["fil"]: r for r in csv.DictReader(handle)}
    assert sources["kompass_c.pdf"]["rader"] == "36"
    assert sources["broken.pdf"]["fel"].startswith("trasig")

    book = load_workbook(out / "kvalex.xlsx")
    assert book.sheetnames[0] == "Kompass"
    assert book.sheetnames[-3:] == ["Källor", "Jämförelse kompass", "Diagram"]
    sheet = book["Kompass"]
    header = [c.value for c in sheet[1]]
    assert header == [
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
        "metod",
        "säkerhet",
        "fil",
        "sida",
    ]
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == sheet.dimensions
    second = {h: c.value for h, c in zip(header, sheet[2], strict=True)}
    assert isinstance(second["poäng"], int) and isinstance(second["år"], int)
    assert isinstance(second["kommunkod"], str) and len(second["kommunkod"]) == 4
    assert sheet.max_row == 37


def test_all_good_files_exit_zero(tmp_path: Path, capsys) -> None:
    assert main(["extract", str(GOOD), "--out", str(tmp_path)]) == 0
    assert "fel 0" in capsys.readouterr().out


def test_usage_errors_exit_two(tmp_path: Path, capsys) -> None:
    assert main(["extract", str(tmp_path), "--out", str(tmp_path / "o")]) == 2
    assert "inga PDF-filer hittades" in capsys.readouterr().err


def test_profiles_lists_both_revisions(capsys) -> None:
    assert main(["profiles"]) == 0
    printed = capsys.readouterr().out
    assert "kommunkompassen-2010" in printed and "kommunkompassen-2020" in printed


def test_python_api_returns_dataframes() -> None:
    import extract

    tables = extract.read([GOOD])
    assert list(tables["kompass"].columns)[-2:] == ["fil", "sida"]
    assert len(tables["kompass"]) == 36
    assert tables["kallor"].loc[0, "rader"] == 36
