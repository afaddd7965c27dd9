"""The `kvalex` command."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from tqdm import tqdm

from . import lexicon
from .batch import Limits, find_pdfs, run_batch
from .pipeline import FileResult
from .profiles import LAYOUTS_DIR, Profile, ProfileError, load_profiles
from .repair import repair_text
from .store import STATE_FILE, StateError, load, tables_of
from .write import build_outputs, write_outputs

_DESCRIPTION = """\
kvalex turns Swedish municipal report PDFs (Kommunkompassen, kvalitetsredovisningar,
verksamhetsuppföljningar) into Excel and CSV tables. Every row keeps the file and page it came
from, and a `kontroll` column that says whether the printed numbers agree with each other.

  kvalex extract samples/ --out output/     read every PDF under samples/ (added to output/)
  kvalex report output/                     the charts as PNG files in output/figurer/
  kvalex profiles                           list the layouts kvalex recognises
  kvalex repair ocr.txt > lagad.txt         repair damaged Swedish text
"""


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    if args.command == "repair":
        return _repair(args)
    try:
        profiles = load_profiles(args.layouts)
        lexicon.load()  # once, before the workers fork: they share it
    except (ProfileError, lexicon.DictionaryMissing) as error:
        print(f"kvalex: {error}", file=sys.stderr)
        return 2
    if args.command == "profiles":
        for profile in profiles:
            print(f"{profile.name:<28} {profile.table:<10} {profile.describes}")
        return 0
    try:
        load(args.out)  # a damaged state file stops the run before any work, and is kept
    except StateError as error:
        print(f"kvalex: {error}; flytta eller ta bort filen för att börja om", file=sys.stderr)
        return 2
    if args.command == "report":
        return _report(args, profiles)
    return _extract(args, profiles)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kvalex", description=_DESCRIPTION, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument(
        "--layouts", type=Path, default=LAYOUTS_DIR, help="folder of layout profiles (TOML)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    extract = commands.add_parser(
        "extract",
        help="read PDFs and write output/kvalex.xlsx and output/csv/*.csv",
        description="Read PDF files and folders (searched recursively for *.pdf) and write "
        "OUT/kvalex.xlsx and OUT/csv/<table>.csv. The files are added to what OUT already "
        f"holds (OUT/{STATE_FILE}); a file read again, under any name, replaces its rows. "
        "Exit code 0 when every file was read, 1 when any file failed, 2 on a usage error.",
    )
    extract.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="PDF files or folders")
    extract.add_argument(
        "--out", type=Path, default=Path("output"), help="output folder (default: output)"
    )
    extract.add_argument(
        "--workers", type=int, default=Limits.workers, help="parallel files (default: cores)"
    )
    extract.add_argument(
        "--timeout",
        type=float,
        default=Limits.seconds,
        help="seconds allowed per file (default: 300)",
    )
    extract.add_argument(
        "--max-memory",
        type=int,
        default=Limits.memory_bytes >> 20,
        help="MiB allowed per file (default: 4096)",
    )
    report = commands.add_parser(
        "report",
        help="write the workbook's charts as PNG files into OUT/figurer/",
        description="Draw the comparison charts (a radar chart per Kompass evaluation against "
        "its revision's mean, and the totals per revision) from everything `kvalex extract` "
        "has written to OUT, as PNG files in OUT/figurer/.",
    )
    report.add_argument("out", type=Path, metavar="OUT", help="an output folder of kvalex extract")
    commands.add_parser("profiles", help="list the layout profiles")
    repair = commands.add_parser(
        "repair",
        help="repair damaged Swedish text (OCR, encoding): text in, text out",
        description="Repair Swedish text an English OCR engine or a wrong encoding damaged "
        '("&r" → "är", "podng" → "poäng", "GÃ¶tene" → "Götene"), word by word; line breaks are '
        "kept, words a Swedish lexicon knows are left alone, numbers are never changed. Reads "
        "FILE, or standard input when no FILE is given; writes standard output.",
    )
    repair.add_argument("file", nargs="?", type=Path, metavar="FILE", help="a text file (UTF-8)")
    repair.add_argument(
        "--explain", action="store_true", help="list every change on standard error"
    )
    return parser


def _repair(args: argparse.Namespace) -> int:
    try:
        text = args.file.read_text(encoding="utf-8") if args.file else sys.stdin.read()
    except (OSError, UnicodeDecodeError) as error:
        print(f"kvalex: {args.file}: {error}", file=sys.stderr)
        return 2
    repaired = repair_text(text)
    sys.stdout.write(repaired.text)
    if args.explain:
        for fix in repaired.fixes:
            print(f"{fix.reason:<9} {fix.original!r} → {fix.fixed!r}", file=sys.stderr)
    return 0


def _extract(args: argparse.Namespace, profiles: list[Profile]) -> int:
    files = find_pdfs(args.paths)
    if not files:
        print(
            "kvalex: inga PDF-filer hittades i " + ", ".join(map(str, args.paths)), file=sys.stderr
        )
        return 2
    limits = Limits(seconds=args.timeout, memory_bytes=args.max_memory << 20, workers=args.workers)
    started = time.monotonic()
    with tqdm(total=len(files), unit="fil", desc="kvalex", disable=None, file=sys.stderr) as bar:
        results = run_batch(files, profiles, limits, on_done=lambda _: bar.update())
    written = write_outputs(results, args.out, profiles)
    print(summary(results, time.monotonic() - started))
    merged = written.merged
    print(
        f"{args.out} har nu resultat från {len(merged.entries)} filer "
        f"({merged.added} nya, {merged.replaced} lästa igen och ersatta)"
    )
    print(
        f"Skrev {written.workbook} och {len(written.csv_files)} CSV-filer i "
        f"{written.workbook.parent / 'csv'}"
    )
    return 1 if any(r.error for r in results) else 0


def _report(args: argparse.Namespace, profiles: list[Profile]) -> int:
    if not (args.out / STATE_FILE).exists():
        print(f"kvalex: {args.out} har inga resultat; kör först kvalex extract", file=sys.stderr)
        return 2
    from .report import write_report  # matplotlib loads slowly; only this command needs it

    comparisons = build_outputs(tables_of(load(args.out)), profiles).comparisons
    written = write_report(comparisons, args.out)
    if not written:
        print(f"Inga Kompass-utvärderingar i {args.out}: inga diagram att rita")
        return 0
    print(f"Skrev {len(written)} diagram (PNG) i {written[0].parent}")
    return 0


def summary(results: Sequence[FileResult], seconds: float) -> str:
    """The closing table: one line per file, problems spelled out, then the totals."""
    name_width = max([len(r.file_name) for r in results] + [3])
    lines = [f"{'fil':<{name_width}}  {'sidor':>5}  {'rader':>5}  profiler"]
    for r in results:
        status = "FEL" if r.error else ", ".join(dict.fromkeys(r.profiles)) or "–"
        lines.append(f"{r.file_name:<{name_width}}  {r.pages:>5}  {r.row_count:>5}  {status}")
    for r in results:
        if r.error:
            lines.append(f"FEL       {r.file_name}: {r.error}")
        for warning in r.warnings:
            lines.append(f"VARNING   {r.file_name}: {warning}")
    pages = sum(r.pages for r in results)
    lines.append(
        f"filer {len(results)} · sidor {pages} · profiler hittade "
        f"{sum(bool(r.profiles) for r in results)} · rader {sum(r.row_count for r in results)} · "
        f"varningar {sum(len(r.warnings) for r in results)} · fel {sum(bool(r.error) for r in results)}"
        f" · {seconds:.1f} s"
    )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
