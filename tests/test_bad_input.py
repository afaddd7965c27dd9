"""Bad files get one clear line naming the file and the reason, and the batch goes on."""

from __future__ import annotations

import os
import signal
import time
import zlib
from pathlib import Path

import pikepdf
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extract import batch
from extract.batch import Limits, find_pdfs, run_batch
from extract.pipeline import FileResult

from .conftest import SAMPLES

GOOD = SAMPLES / "kompass" / "kompass_c.pdf"


def _prose_pdf(path: Path) -> None:
    page = canvas.Canvas(str(path), pagesize=A4)
    page.drawString(72, 770, "Protokoll från kommunstyrelsens sammanträde. Inga tabeller här.")
    page.save()


@pytest.fixture
def bad_folder(tmp_path: Path) -> Path:
    (tmp_path / "notes.pdf").write_text("Det här är ingen PDF utan en textfil.\n", encoding="utf-8")
    (tmp_path / "empty.pdf").write_bytes(b"")
    data = GOOD.read_bytes()
    (tmp_path / "truncated.pdf").write_bytes(data[: len(data) // 3])
    with pikepdf.open(GOOD) as pdf:
        pdf.save(tmp_path / "locked.pdf", encryption=pikepdf.Encryption(user="hemligt", owner="x"))
    _prose_pdf(tmp_path / "prose.pdf")
    (tmp_path / "good.pdf").write_bytes(data)
    return tmp_path


def _by_name(results: list[FileResult]) -> dict[str, FileResult]:
    return {r.file_name: r for r in results}


def test_each_bad_file_is_named_with_its_reason(bad_folder: Path, profiles) -> None:
    results = _by_name(run_batch(find_pdfs([bad_folder]), profiles, Limits(workers=2)))
    assert results["notes.pdf"].error == "inte en PDF-fil (saknar %PDF-huvud)"
    assert results["empty.pdf"].error == "tom fil (0 byte)"
    assert results["truncated.pdf"].error.startswith("trasig")
    assert results["locked.pdf"].error == "krypterad PDF (lösenord krävs)"
    assert results["prose.pdf"].error == ""
    assert results["prose.pdf"].warnings == ["ingen känd tabellayout hittades"]
    good = results["good.pdf"]
    assert good.error == "" and len(good.rows["kompass"]) == 36


def test_folder_walk_skips_pdf_named_folders_and_link_loops(tmp_path: Path) -> None:
    (tmp_path / "archive.pdf").mkdir()
    (tmp_path / "archive.pdf" / "inner.pdf").write_bytes(GOOD.read_bytes())
    (tmp_path / "sub").mkdir()
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    (tmp_path / "sub" / "report.PDF").write_bytes(GOOD.read_bytes())
    found = sorted(p.relative_to(tmp_path).as_posix() for p in find_pdfs([tmp_path]))
    assert found == ["archive.pdf/inner.pdf", "sub/report.PDF"]


def _bomb(path: Path, inflated_mb: int) -> None:
    """A page whose content stream inflates to hundreds of megabytes."""
    stream = zlib.compress(b" " * (inflated_mb << 20), 9)
    with pikepdf.new() as pdf:
        pdf.add_blank_page()
        content = pikepdf.Stream(pdf, b"")
        content.write(stream, filter=pikepdf.Name.FlateDecode)
        pdf.pages[0].Contents = content
        pdf.save(path)


def test_a_decompression_bomb_is_stopped_and_reported(tmp_path: Path, profiles) -> None:
    _bomb(tmp_path / "bomb.pdf", 600)
    (tmp_path / "good.pdf").write_bytes(GOOD.read_bytes())
    limits = Limits(seconds=20, memory_bytes=300 << 20, workers=2)
    results = _by_name(run_batch(find_pdfs([tmp_path]), profiles, limits))
    assert results["bomb.pdf"].error.startswith("läsningen avbröts av SIGABRT (minnesgränsen")
    assert len(results["good.pdf"].rows["kompass"]) == 36


def test_a_looping_page_tree_does_not_hang(tmp_path: Path, profiles) -> None:
    with pikepdf.open(GOOD) as pdf:
        pages = pdf.Root.Pages
        pages.Kids.append(pages)  # the page tree now contains itself
        pdf.save(tmp_path / "loop.pdf", fix_metadata_version=False)
    started = time.monotonic()
    (result,) = run_batch([tmp_path / "loop.pdf"], profiles, Limits(seconds=30))
    assert time.monotonic() - started < 60
    assert result.error or result.rows


def test_a_file_over_its_time_limit_is_stopped(tmp_path: Path, profiles, monkeypatch) -> None:
    def slow(path: Path, profiles) -> FileResult:
        if path.name == "slow.pdf":
            time.sleep(60)
        return FileResult(str(path), path.name)

    monkeypatch.setattr(batch, "extract_file", slow)  # the forked worker inherits the patch
    paths = [tmp_path / "slow.pdf", tmp_path / "quick.pdf"]
    results = _by_name(run_batch(paths, profiles, Limits(seconds=1, workers=2)))
    assert results["slow.pdf"].error == "för långsam: stoppad efter 1 s"
    assert results["quick.pdf"].error == ""


def test_a_worker_that_dies_is_reported(tmp_path: Path, profiles, monkeypatch) -> None:
    def crash(path: Path, profiles) -> FileResult:
        os._exit(3)

    monkeypatch.setattr(batch, "extract_file", crash)
    (result,) = run_batch([tmp_path / "x.pdf"], profiles, Limits(seconds=10))
    assert result.error == "läsningen avbröts (kod 3)"


def test_a_killed_worker_names_the_signal(tmp_path: Path, profiles, monkeypatch) -> None:
    def segfault(path: Path, profiles) -> FileResult:
        os.kill(os.getpid(), signal.SIGSEGV)
        raise AssertionError("unreachable")

    monkeypatch.setattr(batch, "extract_file", segfault)
    (result,) = run_batch([tmp_path / "x.pdf"], profiles, Limits(seconds=10))
    assert result.error.startswith("läsningen avbröts av SIGSEGV")
