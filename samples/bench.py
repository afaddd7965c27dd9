"""`make bench`: end-to-end speed on the sample reports, one core, figures printed (never
asserted). Each file is extracted in this process, so pages/s is per core."""

from __future__ import annotations

import resource
import statistics
import time
from pathlib import Path

from extract.pipeline import extract_file
from extract.profiles import load_profiles
from extract.read_pdf import page_texts

SAMPLES = Path(__file__).resolve().parent
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
    pdfs = sorted(SAMPLES.rglob("*.pdf"))
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


if __name__ == "__main__":
    main()
