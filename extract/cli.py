"""The `kvalex` command."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from tqdm import tqdm

from .batch import Limits, find_pdfs, run_batch
from .pipeline import FileResult
from .profiles import LAYOUTS_DIR, ProfileError, load_profiles
from .write import write_outputs

_DESCRIPTION = """\
kvalex turns Swedish municipal report PDFs (Kommunkompassen, kvalitetsredovisningar,
verksamhetsuppföljningar) into Excel and CSV tables. Every row keeps the file and page it came
from, and a `kontroll` column that says whether the printed numbers agree with each other.

  kvalex extract samples/ --out output/     read every PDF under samples/
  kvalex profiles                           list the layouts kvalex recognises
"""


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        profiles = load_profiles(args.layouts)
    except ProfileError as error:
        print(f"kvalex: {error}", file=sys.stderr)
        return 2
    if args.command == "profiles":
        for profile in profiles:
            print(f"{profile.name:<28} {profile.table:<10} {profile.describes}")
        return 0
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
        "OUT/kvalex.xlsx and OUT/csv/<table>.csv. Exit code 0 when every file was read, "
        "1 when any file failed, 2 on a usage error.",
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
    commands.add_parser("profiles", help="list the layout profiles")
    return parser


def _extract(args: argparse.Namespace, profiles: list) -> int:
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
    written = write_outputs(results, args.out)
    print(summary(results, time.monotonic() - started))
    print(f"Skrev {written[0]} och {len(written) - 1} CSV-filer i {written[1].parent}")
    return 1 if any(r.error for r in results) else 0


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
