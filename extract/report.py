"""`kvalex report OUT`: the workbook's charts as PNG files in OUT/figurer/, for readers without
Excel. Drawn from the same comparison data as the workbook, with matplotlib's Agg backend (the
Figure API, no pyplot state), so it runs on a server without a display."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from pathlib import Path

from matplotlib.figure import Figure

from .charts import EVALUATION_COLOUR, MEAN_COLOUR
from .compare import Evaluation, RevisionComparison
from .write import atomic

FOLDER = "figurer"
_OWN = ("spindel_", "totaler_")  # figures from an earlier report that no longer apply go
_EVALUATION, _MEAN = f"#{EVALUATION_COLOUR}", f"#{MEAN_COLOUR}"


def write_report(comparisons: Sequence[RevisionComparison], out_dir: Path) -> list[Path]:
    folder = out_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for comparison in comparisons:
        figures = [(f"totaler_{comparison.slug}", totals_figure(comparison))]
        for evaluation in comparison.evaluations:
            stem = f"spindel_{comparison.slug}_{evaluation.code or 'okand'}_{evaluation.year or 'okant'}"
            figures.append((stem, radar_figure(comparison, evaluation)))
        for stem, figure in figures:
            target = folder / f"{stem}.png"
            number = 2
            while target in written:  # the same municipality and year from two files
                target = folder / f"{stem}_{number}.png"
                number += 1
            atomic(target, lambda path, figure=figure: figure.savefig(path, format="png", dpi=110))
            written.append(target)
    for stale in folder.glob("*.png"):
        if stale.name.startswith(_OWN) and stale not in written:
            stale.unlink()
    return written


def radar_figure(comparison: RevisionComparison, evaluation: Evaluation) -> Figure:
    """The evaluation's area points against the revision mean, on the shared 0–max scale."""
    figure = Figure(figsize=(9, 7), layout="constrained")
    axes = figure.add_subplot(projection="polar")
    axes.set_theta_offset(math.pi / 2)  # area 1 at the top, then clockwise, as Excel draws it
    axes.set_theta_direction(-1)
    count = len(comparison.areas)
    angles = [2 * math.pi * i / count for i in range(count)] + [0.0]
    numbers = [n for n, _ in comparison.areas]
    own = [_nan(evaluation.area_score(n)) for n in numbers]
    mean = [_nan(comparison.mean(n)) for n in numbers]
    own_line = [*own, own[0]]
    axes.plot(angles, own_line, marker="o", linewidth=2, color=_EVALUATION, label=evaluation.label)
    axes.fill(angles, own_line, alpha=0.15, color=_EVALUATION)
    axes.plot(
        angles,
        [*mean, mean[0]],
        linestyle="--",
        linewidth=1.5,
        color=_MEAN,
        label=comparison.mean_label,
    )
    axes.set_xticks(angles[:-1])
    axes.set_xticklabels([textwrap.fill(h, 22) for h in comparison.area_headers()], fontsize=8)
    axes.set_ylim(0, comparison.scale)
    axes.tick_params(axis="y", labelsize=7)
    axes.set_title(
        f"{evaluation.label}: poäng per område\n{comparison.heading}", fontsize=12, pad=24
    )
    axes.legend(loc="lower right", bbox_to_anchor=(1.25, -0.12), fontsize=8)
    return figure


def totals_figure(comparison: RevisionComparison) -> Figure:
    """Every evaluation's total and the mean, as horizontal bars, the first at the top."""
    labels = [e.label for e in comparison.evaluations] + [comparison.mean_label]
    totals = [_nan(e.total) for e in comparison.evaluations] + [_nan(comparison.mean_total)]
    figure = Figure(figsize=(8, 1.2 + 0.45 * len(labels)), layout="constrained")
    axes = figure.add_subplot()
    colours = [_EVALUATION] * len(comparison.evaluations) + [_MEAN]
    bars = axes.barh(range(len(labels)), totals, color=colours)
    axes.bar_label(bars, fmt="%g", padding=3, fontsize=8)
    axes.set_yticks(range(len(labels)), labels, fontsize=9)
    axes.invert_yaxis()
    axes.set_xlabel("totalpoäng (summan av områdenas poäng)")
    axes.set_title(f"Totalpoäng: {comparison.heading}")
    return figure


def _nan(value: float | None) -> float:
    return math.nan if value is None else float(value)
