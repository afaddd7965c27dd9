"""Native Excel charts on a `Diagram` sheet, drawn from the cells of `Jämförelse kompass` (so
they follow any correction an analyst types in): per revision a bar chart of the totals, then a
radar chart ("spindeldiagram") per evaluation against the revision's mean."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.chart import BarChart, RadarChart, Reference, Series
from openpyxl.chart.marker import DataPoint
from openpyxl.chart.series import SeriesLabel, StrRef
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.chart.title import Title, title_maker
from openpyxl.styles import Font
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from .compare import FIRST_AREA_COLUMN, RevisionComparison
from .sheets import Sheet

CHART_SHEET = "Diagram"
_RADAR_SIZE = (20.0, 14.0)  # cm: the area names around the web need the room
_RADAR_ROWS = 30  # rows one radar chart takes, with a margin (default rows are 0.5 cm)
_RADAR_SECOND_COLUMN = "M"  # two radar charts side by side
# The same colours in the workbook and in the PNG figures (report.py).
EVALUATION_COLOUR = "4472C4"
MEAN_COLOUR = "7F7F7F"


def add_charts(workbook: Workbook, sheet: Sheet, comparisons: Sequence[RevisionComparison]) -> None:
    """`sheet` is the comparison sheet as laid out, one block per comparison."""
    data = workbook[sheet.name]
    out = workbook.create_sheet(CHART_SHEET)
    row = 1
    for comparison, header_row in zip(comparisons, sheet.header_rows(), strict=True):
        out.cell(row, 1, comparison.heading).font = Font(bold=True, size=14)
        bars = totals_chart(data, comparison, header_row)
        out.add_chart(bars, f"A{row + 1}")
        row += 2 + int(bars.height / 0.5)
        for index in range(len(comparison.evaluations)):
            column = "A" if index % 2 == 0 else _RADAR_SECOND_COLUMN
            anchor = f"{column}{row + (index // 2) * _RADAR_ROWS}"
            out.add_chart(radar_chart(data, comparison, header_row, index), anchor)
        row += -(-len(comparison.evaluations) // 2) * _RADAR_ROWS + 1


def radar_chart(
    data: Worksheet, comparison: RevisionComparison, header_row: int, index: int
) -> RadarChart:
    """The evaluation's area points and the revision mean, over the area headings."""
    chart = RadarChart()
    chart.type = "marker"
    chart.style = 26
    evaluation = comparison.evaluations[index]
    chart.title = _title(f"{evaluation.label} jämfört med medelvärdet\n{comparison.heading}")
    chart.legend.position = "b"
    last = comparison.total_column - 1
    mean_row = header_row + len(comparison.evaluations) + 1
    for row in (header_row + 1 + index, mean_row):
        values = Reference(data, min_col=FIRST_AREA_COLUMN, max_col=last, min_row=row)
        chart.series.append(_labelled(Series(values), data, row))
    own, mean = chart.series
    own.graphicalProperties.line.solidFill = EVALUATION_COLOUR
    own.graphicalProperties.line.width = 28575  # EMU: 2.25 pt
    own.marker.symbol, own.marker.size = "circle", 6
    own.marker.graphicalProperties = GraphicalProperties(solidFill=EVALUATION_COLOUR)
    mean.graphicalProperties.line.solidFill = MEAN_COLOUR
    mean.graphicalProperties.line.width = 19050  # 1.5 pt
    mean.graphicalProperties.line.dashStyle = "dash"
    mean.marker.symbol = "none"
    chart.set_categories(
        Reference(data, min_col=FIRST_AREA_COLUMN, max_col=last, min_row=header_row)
    )
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = comparison.scale
    chart.y_axis.majorUnit = comparison.scale / 5
    _show_axes(chart)
    chart.width, chart.height = _RADAR_SIZE
    return chart


def totals_chart(data: Worksheet, comparison: RevisionComparison, header_row: int) -> BarChart:
    """Every evaluation's total and, last, the mean: one horizontal bar each."""
    chart = BarChart()
    chart.type = "bar"
    chart.style = 10
    chart.title = _title(f"Totalpoäng: {comparison.heading}")
    first, last = header_row + 1, header_row + len(comparison.evaluations) + 1
    values = Reference(data, min_col=comparison.total_column, min_row=first, max_row=last)
    series = Series(values, title="totalt")
    series.graphicalProperties.solidFill = EVALUATION_COLOUR
    mean = DataPoint(idx=last - first, spPr=GraphicalProperties(solidFill=MEAN_COLOUR))
    series.dPt.append(mean)
    chart.series.append(series)
    chart.set_categories(Reference(data, min_col=1, min_row=first, max_row=last))
    chart.legend = None
    chart.x_axis.scaling.orientation = "maxMin"  # the first evaluation at the top, as in the table
    chart.y_axis.scaling.min = 0
    _show_axes(chart)
    chart.width, chart.height = 20.0, 3.0 + 0.9 * (last - first + 1)
    return chart


def _labelled(series: Series, data: Worksheet, row: int) -> Series:
    """The series is named by the row's first cell ('Härnösand 2020', 'Medelvärde …')."""
    series.tx = SeriesLabel(strRef=StrRef(str(Reference(data, min_col=1, min_row=row))))
    return series


def _title(text: str) -> Title:
    """A title at 12 pt: the default 18 pt crowds out a chart's plot."""
    title = title_maker(text)
    properties = title.tx.rich.paragraphs[0].pPr.defRPr  # shared by the title's lines
    properties.sz, properties.b = 1200, True
    return title


def _show_axes(chart: RadarChart | BarChart) -> None:
    # openpyxl leaves <c:delete> unset, which newer Excel reads as "hide the axis".
    chart.x_axis.delete = False
    chart.y_axis.delete = False
