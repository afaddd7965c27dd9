"""Landscape grid reports built with reportlab for the grid and handlingsplan tests: the two
shapes of handlingsplan grids in any ruling and cell alignment, with the data they were drawn
from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table

STYLES = getSampleStyleSheet()
CELL = ParagraphStyle("cell", parent=STYLES["BodyText"], fontSize=9, leading=11)
LOOSE = ParagraphStyle("loose", parent=CELL, leading=15)  # "1.5 lines", as Word sets it
RULES = ["grid", "rows", "groups", "between", "header_line", "zebra", "none"]


@dataclass(frozen=True)
class Activity:
    text: str
    date: str  # as printed; "<br/>" breaks it over two lines
    status: str
    comment: str = ""


@dataclass(frozen=True)
class Goal:
    title: str
    description: str
    activities: tuple[Activity, ...]


GOALS = (
    Goal(
        "Trygg kommun",
        "Invånarna känner sig trygga i parker, på torg och längs gång- och cykelvägar.",
        (
            Activity("Byta belysningen längs skolvägarna till LED.", "2019-12-31", "Pågående"),
            Activity(
                "Genomföra trygghetsvandringar tillsammans med polisen och föreningslivet.",
                "2019-06-<br/>30",
                "Genomfört",
                "Tre vandringar hölls under våren.",
            ),
            Activity("Inventera otrygga platser.", "Löpande", "Pågår", "Kartan uppdateras."),
        ),
    ),
    Goal(
        "Nöjda invånare",
        "Den som kontaktar förvaltningen får snabbt ett korrekt och vänligt svar.",
        (
            Activity("Mäta svarstider i telefon och e-post varje kvartal.", "30 juni 2019", "Klar"),
            Activity("Utbilda all personal med kundkontakt i bemötande.", "2019-09-30", "Kvarstår"),
        ),
    ),
)
# (verksamhetsmål, [(önskvärt resultat, planering, analys, måluppfyllelse, nya insatser)])
AIMS = (
    (
        "Verksamheten är effektiv och har hög kvalitet",
        (
            (
                "Felanmälningar hanteras inom utlovad tid",
                "Ett nytt ärendesystem har införts och rutinerna för prioritering har setts över.",
                "Nio av tio ärenden hanteras i tid. Förseningarna gäller ärenden som kräver "
                "upphandling.",
                4,
                "Fortsätta enligt plan.",
            ),
            (
                "Lönespecifikationer skickas digitalt",
                "Medarbetarna har fått hjälp att ansluta sig till en digital brevlåda.",
                "Andelen digitala lönespecifikationer har ökat kraftigt.",
                3,
                "Erbjuda hjälp med e-legitimation på arbetsplatserna.",
            ),
        ),
    ),
    (
        "Kommunen minskar sin klimatpåverkan",
        (
            (
                "Fler möten hålls på distans",
                "Utrustning för videomöten har installerats i alla konferensrum.",
                "Distansmöten används mest internt; med andra kommuner reser vi fortfarande.",
                2,
                "Komma överens med grannkommunerna om en gemensam lösning.",
            ),
        ),
    ),
)


def p(text: str, style: ParagraphStyle = CELL) -> Paragraph:
    return Paragraph(text, style)


def perspective_grid(
    goals: tuple[Goal, ...] = GOALS,
    rules: str = "grid",
    valign: str = "TOP",
    repeat: bool = True,
    header: tuple[str, ...] = ("Nämndmål", "Aktivitet", "Slutdatum 2019", "Status", "Kommentar"),
    bands: dict[int, str] | None = None,
) -> Table:
    """Shape (a): a goal cell (bold goal, then its description) spanning its activities;
    captions under the date and status names. `bands`: goal index → a perspective set in a
    row across the grid above that goal."""
    names = [f"<b>{name}</b>" for name in header]
    names[2] += "<br/><font size=7>Datum då aktiviteten enligt planen ska vara klar.</font>"
    names[3] += "<br/><font size=7>Genomfört, pågående eller kvarstår</font>"
    data: list[list[object]] = [[p(n) for n in names]]
    spans = []
    across = []
    for number, goal in enumerate(goals):
        if bands and number in bands:
            across.append(len(data))
            data.append([p(f"<b>{bands[number]}</b>"), "", "", "", ""])
        first = len(data)
        for index, act in enumerate(goal.activities):
            text = f"<b>{goal.title}</b><br/>{goal.description}" if index == 0 else ""
            data.append([p(text), p(act.text), p(act.date), p(act.status), p(act.comment)])
        spans.append((first, len(data) - 1))
    table = _table(data, spans, [150, 230, 90, 90, 180], rules, valign, repeat)
    table.setStyle([("SPAN", (0, row), (-1, row)) for row in across])
    return table


def unit_grid(
    rules: str = "grid", valign: str = "TOP", repeat: bool = True, style: ParagraphStyle = CELL
) -> Table:
    """Shape (b): names in capitals broken in narrow cells, the 1–4 legend in the header."""
    names = [
        "<b>NÄMNDENS/BOL<br/>AGETS VERKSAMHETSM<br/>ÅL 2016–2018</b>",
        "<b>ÖNSKVÄRT RESULTAT</b><br/><font size=7>Det läge vi vill nå</font>",
        "<b>PLANERING</b><br/><font size=7>Insatser vi har gjort</font>",
        "<b>ANALYS/SLUTSATS</b><br/><font size=7>Blev det som vi ville? Varför?</font>",
        "<b>MÅLUPPFYLL<br/>ELSE</b><br/><font size=7>4 = mycket hög 3 = medel/hög "
        "2 = medel/låg 1 = mycket låg</font>",
        "<b>NYA INSATSER/ÅTGÄRDER</b>",
    ]
    data: list[list[object]] = [[p(n) for n in names]]
    spans = []
    for aim, efforts in AIMS:
        first = len(data)
        for index, (desired, planning, analysis, score, steps) in enumerate(efforts):
            goal = aim if index == 0 else ""
            cells = [goal, desired, planning, analysis, str(score), steps]
            data.append([p(c, style) for c in cells])
        spans.append((first, len(data) - 1))
    return _table(data, spans, [110, 120, 150, 190, 75, 130], rules, valign, repeat)


def _table(
    data: list[list[object]],
    spans: list[tuple[int, int]],
    widths: list[float],
    rules: str,
    valign: str,
    repeat: bool,
) -> Table:
    style: list[tuple[object, ...]] = [("VALIGN", (0, 0), (-1, -1), valign)]
    style += [("SPAN", (0, a), (0, b)) for a, b in spans]
    header_line = ("LINEBELOW", (0, 0), (-1, 0), 0.8, "black")
    if rules == "grid":
        style.append(("GRID", (0, 0), (-1, -1), 0.5, "black"))
    elif rules == "rows":  # under every cell, none inside a spanning one
        inside = {(0, r) for a, b in spans for r in range(a, b)}
        cells = [(c, r) for r in range(len(data)) for c in range(len(widths))]
        style += [("LINEBELOW", cell, cell, 0.4, "grey") for cell in cells if cell not in inside]
    elif rules == "groups":
        style += [header_line] + [("LINEBELOW", (0, b), (-1, b), 0.4, "grey") for _, b in spans]
    elif rules == "between":  # as Word sets a plan: under the header and between goals only
        style += [header_line] + [("LINEABOVE", (0, a), (-1, a), 0.4, "grey") for a, _ in spans[1:]]
    elif rules == "header_line":
        style.append(header_line)
    elif rules == "zebra":  # shaded rows, even under a spanning cell: their edges are no borders
        style += [
            ("BACKGROUND", (0, 0), (-1, 0), "#1F4E79"),
            ("TEXTCOLOR", (0, 0), (-1, 0), "white"),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), ["white", "#E4ECF4"]),
        ]
    return Table(data, colWidths=widths, style=style, repeatRows=1 if repeat else 0, hAlign="LEFT")


def report(
    path: Path,
    *story: Flowable,
    kommun: str = "Säffle kommun",
    year: int = 2019,
    title_text: str = "Uppföljning av verksamhetsplan",
) -> None:
    """A title page naming the municipality and year, then the story."""
    title = [
        Paragraph(f"{title_text} {year}", STYLES["Title"]),
        Paragraph(kommun, STYLES["Heading2"]),
        Paragraph(f"Maj {year}", STYLES["Normal"]),
        PageBreak(),
    ]
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build([*title, *story])


def heading(text: str) -> Paragraph:
    return Paragraph(text, STYLES["Heading2"])


def prose(text: str) -> list[Flowable]:
    return [Spacer(1, 12), Paragraph(text, STYLES["BodyText"])]
