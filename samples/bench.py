"""`make bench`: figures printed, never asserted.

1. End-to-end speed on the born-digital sample reports, one core (each file is extracted in
   this process, so pages/s is per core).
2. With `make variants` made: repair of the English-OCR text layers (character error rate
   before and after, damaged words fixed, correct words wrongly changed), and OCR of the
   scanned copies (seconds, the share of an every-page 300-dpi OCR, rows right)."""

from __future__ import annotations

import difflib
import os
import resource
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from extract.ocr import WHOLE_PAGE, ocr_pages
from extract.pipeline import extract_file
from extract.profiles import load_profiles
from extract.read_pdf import page_texts
from extract.repair import repair_text
from samples.variant_rows import expected_tables, score

SAMPLES = Path(__file__).resolve().parent
VARIANTS = SAMPLES / "variants"
REPEATS = 3


def _best_of(function, repeats: int = REPEATS) -> float:
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        function()
        timings.append(time.perf_counter() - started)
    return min(timings)


def main() -> None:
    profiles = load_profiles()
    pdfs = sorted(p for p in SAMPLES.rglob("*.pdf") if VARIANTS not in p.parents)
    print(f"{'fil':<28} {'sidor':>5} {'triage s':>9} {'totalt s':>9} {'sidor/s':>8} {'rader':>6}")
    total_pages = 0
    total_seconds = 0.0
    for pdf in pdfs:
        pages = len(page_texts(pdf))
        triage = _best_of(lambda pdf=pdf: page_texts(pdf))
        seconds = _best_of(lambda pdf=pdf: extract_file(pdf, profiles))
        rows = extract_file(pdf, profiles).row_count
        total_pages += pages
        total_seconds += seconds
        print(
            f"{pdf.name:<28} {pages:>5} {triage:>9.3f} {seconds:>9.3f} {pages / seconds:>8.1f} {rows:>6}"
        )
    print(
        f"\nalla prover: {total_pages} sidor på {total_seconds:.2f} s = "
        f"{total_pages / total_seconds:.1f} sidor/s per kärna (bäst av {REPEATS})"
    )
    long_reports = [p for p in pdfs if len(page_texts(p)) >= 100]
    for pdf in long_reports:
        pages = len(page_texts(pdf))
        runs = [_best_of(lambda pdf=pdf: extract_file(pdf, profiles), 1) for _ in range(5)]
        print(
            f"lång rapport {pdf.name}: {pages} sidor, median {statistics.median(runs):.3f} s = "
            f"{pages / statistics.median(runs):.1f} sidor/s per kärna"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"högsta minnesanvändning (RSS): {peak:.0f} MiB")


@dataclass
class RepairTally:
    chars: int = 0
    raw_errors: int = 0
    repaired_errors: int = 0
    damaged: int = 0
    fixed: int = 0
    good: int = 0
    broken: int = 0


def bench_repair() -> None:
    """Words of each archive page's text layer aligned with the born-digital original's; a
    word pair that differs is damage. Reading-order differences are left out, since repair
    does not touch them."""
    tally = RepairTally()
    seconds = 0.0
    pages = 0
    for archive in _copies("archive"):
        originals = archive.with_suffix(".clean.txt").read_text(encoding="utf-8").split("\f")
        for raw, clean in zip(page_texts(archive), originals, strict=False):
            started = time.perf_counter()
            repaired = repair_text(raw).text
            seconds += time.perf_counter() - started
            pages += 1
            _tally(tally, raw.split(), repaired.split(), clean.split())
    if not pages:
        return
    print(f"\nreparation av engelsk OCR-text ({pages} sidor):")
    print(
        f"  teckenfel före {tally.raw_errors / tally.chars:.2%}, efter {tally.repaired_errors / tally.chars:.2%}"
        f" – {1 - tally.repaired_errors / tally.raw_errors:.1%} av felen borttagna"
    )
    print(
        f"  skadade ord lagade {tally.fixed}/{tally.damaged} = {tally.fixed / tally.damaged:.1%}; "
        f"korrekta ord felaktigt ändrade {tally.broken}/{tally.good} = {1000 * tally.broken / tally.good:.2f} per 1 000"
    )
    print(f"  {pages / seconds:.0f} sidor/s")


def _tally(tally: RepairTally, raw: list[str], repaired: list[str], clean: list[str]) -> None:
    if len(raw) != len(repaired):
        return
    matcher = difflib.SequenceMatcher(a=raw, b=clean, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for offset in range(i2 - i1):
                was, now, truth = raw[i1 + offset], repaired[i1 + offset], clean[j1 + offset]
                tally.chars += len(truth)
                tally.raw_errors += Levenshtein.distance(was, truth)
                tally.repaired_errors += Levenshtein.distance(now, truth)
                if was == truth:
                    tally.good += 1
                    tally.broken += now != truth
                else:
                    tally.damaged += 1
                    tally.fixed += now == truth


def bench_ocr(profiles: list) -> None:
    """kvalex on each scanned copy against OCR of every page at 300 dpi (timed on a sample of
    its pages, the same Tesseract settings), and the rows it gets right; and the rows right
    on each archive copy."""
    scans = _copies("scanned")
    if not scans:
        return
    print("\nOCR av inskannade kopior (en kärna):")
    total_ours = total_every = 0.0
    for scan in scans:
        started = time.perf_counter()
        result = extract_file(scan, profiles)
        ours = time.perf_counter() - started
        count = len(page_texts(scan))
        sample = list(range(1, count + 1, 5))
        started = time.perf_counter()
        ocr_pages(scan, dict.fromkeys(sample, WHOLE_PAGE))
        every = (time.perf_counter() - started) / len(sample) * count
        right = _rows_right(scan, result)
        total_ours += ours
        total_every += every
        print(
            f"  {scan.name}: {count} sidor, {ours:.0f} s mot {every:.0f} s för varje sida i 300 dpi "
            f"(andel {ours / every:.2f}); rader rätt: {right}"
        )
    print(f"  sammanlagt andel {total_ours / total_every:.2f}")
    print("arkivkopior (engelsk OCR-text, sidorna med tabeller läses om):")
    for archive in _copies("archive"):
        started = time.perf_counter()
        result = extract_file(archive, profiles)
        seconds = time.perf_counter() - started
        print(f"  {archive.name}: {seconds:.0f} s; rader rätt: {_rows_right(archive, result)}")


def _copies(kind: str) -> list[Path]:
    """The degraded copies of one kind, or those named in COPIES ("scan_b arch_a …"): OCR'ing
    every copy of every sample takes most of an hour on one core."""
    named = os.environ.get("COPIES", "").split()
    found = sorted((VARIANTS / kind).glob("*.pdf"))
    return [p for p in found if not named or p.stem in named]


def _rows_right(copy: Path, result) -> str:
    """Rows equal to the original's, per table (samples/variant_rows.py)."""
    scores = score(result, expected_tables(VARIANTS / "expected", copy.stem))
    return ", ".join(f"{s.table} {s.right}/{s.wanted}" for s in scores)


if __name__ == "__main__":
    main()
    profiles = load_profiles()
    bench_repair()
    bench_ocr(profiles)
