"""Builds the engine-neutral Document for one sample report from its spec.

The score tables are drawn from the same PrintedArea objects that make_kompass.py writes to the
expected CSV, so the ground truth never depends on reading the PDF back.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Literal

from kompass_data import AreaScore, Framework, Kommun, make_scores
from kompass_model import (
    Bullets,
    Document,
    Heading,
    Label,
    Look,
    PageBreak,
    Para,
    PrintedArea,
    PrintedRow,
    ScoreBox,
    ScoreTable,
    SimpleTable,
    TitlePage,
    TocBlock,
    TwoColumn,
)
from kompass_texts import (
    ACTIVITIES,
    FORUM,
    FORV_TEXT,
    FORVALTNINGAR,
    GENERIC,
    INTRO_WHAT,
    METHOD,
    NETWORKS,
    PREVIOUS,
    THEMES,
)

Engine = Literal["reportlab", "docx"]

# Revisions of the method and the first evaluation year they were used in.
REVISIONS = [("2010", 2010), ("2016", 2016), ("2019/2020", 2020)]


@dataclass(frozen=True)
class ReportSpec:
    stem: str
    engine: Engine
    kommun: str
    year: int
    month: str  # "Oktober"
    framework: Framework
    seed: int
    look: Look
    title: str  # with {kommun} = "Älmhults kommun"
    subtitle: str
    evaluators: tuple[str, ...]
    previous: tuple[int, ...] = ()  # earlier evaluations mentioned in the prose
    overview_heading: str = "4. Översikt av poängfördelning"
    overview_sentence: str = (
        "Tabellerna nedan visar {kommun} resultat per delområde inom respektive område."
    )
    area1_name: str | None = None  # the name printed in the overview table for area 1
    score_boxes: bool = True
    box_mismatch: int | None = None  # area whose Rubriker/Poäng box disagrees with the table
    total_mismatch: tuple[int, int] | None = None  # (area, delta) printed total off by delta
    percent_nospace: frozenset[str] = field(default_factory=frozenset)  # nrs printed "45%"
    summary_table: bool = False
    long: bool = False
    split_table: bool = False  # generation fails unless an area's rows continue on a new page


@dataclass
class _Ctx:
    """Slot values for the sentence templates."""

    rng: random.Random
    kommun: Kommun
    year: int
    previous: tuple[int, ...]
    decks: dict[str, list[str]] = field(default_factory=dict)

    def draw(self, key: str, pool: list[str]) -> str:
        """Next sentence from a shuffled deck, so sentences repeat only once a pool is used up."""
        deck = self.decks.setdefault(key, [])
        if not deck:
            deck.extend(pool)
            self.rng.shuffle(deck)
        return deck.pop()

    @property
    def org(self) -> str:
        return (
            "Sveriges Kommuner och Regioner (SKR)"
            if self.year >= 2020
            else "Sveriges Kommuner och Landsting (SKL)"
        )

    def fill(self, template: str, theme: str, topic: str = "") -> str:
        forv = self.rng.choice(FORVALTNINGAR)
        values = {
            "k": self.kommun.namn,
            "kg": self.kommun.genitiv,
            "topic": topic,
            "doc": self.rng.choice(THEMES[theme]["docs"]),
            "forv": forv,
            "forv_cap": forv[0].upper() + forv[1:],
            "forum": self.rng.choice(FORUM),
            "net": self.rng.choice(NETWORKS),
            "act": self.rng.choice(ACTIVITIES),
            "year": self.year - self.rng.randint(1, 6),
            "prev": self.previous[-1] if self.previous else self.year - 4,
        }
        return template.format(**values)


# --------------------------------------------------------------------------- printed tables


def printed_areas(spec: ReportSpec, scores: list[AreaScore]) -> list[PrintedArea]:
    areas = []
    for sc in scores:
        name = spec.area1_name if (sc.area.nr == 1 and spec.area1_name) else sc.area.name
        rows = tuple(
            PrintedRow(
                it.sub.nr,
                it.sub.text,
                it.points,
                it.sub.max,
                it.percent,
                _percent_text(it.percent, it.sub.nr in spec.percent_nospace),
            )
            for it in sc.items
        )
        total = sc.total
        if spec.total_mismatch and spec.total_mismatch[0] == sc.area.nr:
            total += spec.total_mismatch[1]
        has_pct = spec.framework.has_percent
        areas.append(
            PrintedArea(
                sc.area.nr,
                name,
                rows,
                total,
                _percent_text(total if has_pct else None, False),
                has_pct,
            )
        )
    return areas


def _percent_text(percent: int | None, nospace: bool) -> str:
    if percent is None:
        return ""
    return f"{percent}%" if nospace else f"{percent} %"


# --------------------------------------------------------------------------- chapters


def _paragraph(ctx: _Ctx, theme: str, topic: str, n: int) -> Para:
    picks: list[str] = []
    while len(picks) < n:
        key, pool = (
            (theme, THEMES[theme]["obs"]) if ctx.rng.random() < 0.45 else ("generic", GENERIC)
        )
        sentence = ctx.draw(key, pool)
        if sentence not in picks:
            picks.append(sentence)
    return Para(" ".join(ctx.fill(t, theme, topic) for t in picks))


def _title(spec: ReportSpec, kommun: Kommun) -> TitlePage:
    return TitlePage(
        title=spec.title.format(kommun=kommun.kommun_namn),
        subtitle=spec.subtitle.format(kommun=kommun.kommun_namn),
        date_line=f"{spec.month} {spec.year}",
        evaluators=list(spec.evaluators),
    )


def _chapter_intro(doc: Document, spec: ReportSpec, ctx: _Ctx) -> None:
    done = [r for r, first_used in REVISIONS if spec.year >= first_used]
    revs = f"år {done[0]}" if len(done) == 1 else _join_years(tuple(done))
    doc.add(Heading("1. Vad är Kommunkompassen?"))
    for text in INTRO_WHAT:
        doc.add(Para(text.format(revs=revs, org=ctx.org)))
    doc.add(Para("Utvärderingen omfattar åtta huvudområden:"))
    doc.add(Bullets([f"{a.nr}. {a.name}" for a in spec.framework.areas]))
    if spec.long:
        doc.add(Heading("Metod och genomförande", level=2))
        for _ in range(3):
            for text in METHOD:
                doc.add(
                    Para(
                        text
                        + " "
                        + ctx.fill(
                            ctx.rng.choice(GENERIC), "styrning", "utvärderingens genomförande"
                        )
                    )
                )


def _chapter_summary(doc: Document, spec: ReportSpec, ctx: _Ctx, scores: list[AreaScore]) -> None:
    k = ctx.kommun
    total = sum(s.total for s in scores)
    best = max(scores, key=lambda s: s.total)
    worst = min(scores, key=lambda s: s.total)
    doc.add(PageBreak(), Heading("2. Sammanfattande resultat"), Label("Utvärderingen"))
    prev = (
        f"Kommunen har tidigare utvärderats {_join_years(spec.previous)}."
        if spec.previous
        else "Det är kommunens första utvärdering med Kommunkompassen."
    )
    doc.add(
        Para(
            f"Utvärderingen av {k.kommun_namn} genomfördes under {spec.month.lower()} "
            f"månad. {prev} Underlaget består av dokumentstudier, en genomgång av "
            f"webbplatsen och intervjuer med ett trettiotal personer."
        )
    )
    doc.add(Label("Sammanfattning av resultatet"))
    doc.add(
        Para(
            f"{k.namn} får totalt {total} av 800 möjliga poäng. Högst poäng får området "
            f"{best.area.name.lower()} med {best.total} poäng, medan området "
            f"{worst.area.name.lower()} med {worst.total} poäng har störst "
            f"utvecklingspotential."
        )
    )
    if spec.summary_table:
        doc.add(
            SimpleTable(
                ["Område", "Poäng", "Max"],
                [[f"{s.area.nr}. {s.area.name}", str(s.total), "100"] for s in scores],
            )
        )
    for sc in scores:
        theme = THEMES[sc.area.theme]
        doc.add(Para(f"{sc.area.name} ({sc.total} poäng). {ctx.rng.choice(theme['summary'])}"))
    doc.add(
        Para(
            f"Resultaten från tidigare utvärderingar finns tillgängliga hos {ctx.org}, och "
            "jämförelser över tid bör göras med hänsyn till att frågorna reviderats."
        )
    )


def _join_years(years: tuple[int | str, ...]) -> str:
    ys = [str(y) for y in years]
    return ys[0] if len(ys) == 1 else ", ".join(ys[:-1]) + " och " + ys[-1]


def _area_chapter(
    doc: Document, spec: ReportSpec, ctx: _Ctx, sc: AreaScore, box_points: int
) -> None:
    area = sc.area
    theme = THEMES[area.theme]
    rng = ctx.rng
    if area.nr > 1:
        doc.add(PageBreak())
    doc.add(Heading(f"Område {area.nr} {area.name}", level=2))
    if spec.score_boxes:
        doc.add(ScoreBox(list(area.rubriker), box_points))
    doc.add(Label("Allmänt"), Para(" ".join(theme["intro"])))
    paras_per_rubrik = 20 if spec.long else rng.randint(2, 3)
    for i, rubrik in enumerate(area.rubriker):
        doc.add(Label(rubrik))
        topic = rubrik[0].lower() + rubrik[1:]
        for _ in range(paras_per_rubrik):
            doc.add(_paragraph(ctx, area.theme, topic, rng.randint(3, 5)))
        if spec.previous and i == 0:
            doc.add(Para(ctx.fill(rng.choice(PREVIOUS), area.theme)))
    strengths = rng.sample(theme["strengths"], min(len(theme["strengths"]), rng.randint(3, 5)))
    improvements = rng.sample(
        theme["improvements"], min(len(theme["improvements"]), rng.randint(3, 4))
    )
    if spec.look.strengths_as_table:
        doc.add(TwoColumn("Styrkor", "Förbättringsmöjligheter", strengths, improvements))
    else:
        doc.add(
            Label("STYRKOR"),
            Bullets(strengths),
            Label("FÖRBÄTTRINGSOMRÅDEN"),
            Bullets(improvements),
        )
    doc.add(
        Label("SAMMANFATTNING AV UTVÄRDERARNAS INTRYCK"),
        Para(
            " ".join(theme["summary"])
            + " "
            + ctx.fill(rng.choice(GENERIC), area.theme, area.name.lower())
        ),
    )


def _long_forvaltningar(doc: Document, ctx: _Ctx) -> None:
    """Extra chapter for the long benchmark report."""
    doc.add(PageBreak(), Heading("Iakttagelser från förvaltningarna", level=2))
    for forv in FORVALTNINGAR:
        doc.add(Label(forv[0].upper() + forv[1:]))
        for _ in range(16):
            picks = ctx.rng.sample(FORV_TEXT, 4)
            text = " ".join(
                t.format(
                    forv=forv,
                    forv_cap=forv[0].upper() + forv[1:],
                    year=ctx.year - ctx.rng.randint(1, 5),
                )
                for t in picks
            )
            doc.add(Para(text))


def _overview(doc: Document, spec: ReportSpec, kommun: Kommun, areas: list[PrintedArea]) -> None:
    doc.add(PageBreak(), Heading(spec.overview_heading))
    doc.add(Para(spec.overview_sentence.format(kommun=_kommuns(kommun))))
    if spec.look.combined_table:
        doc.add(ScoreTable(areas))
    else:
        for area in areas:
            doc.add(ScoreTable([area]))


def _kommuns(kommun: Kommun) -> str:
    """'Älmhults kommuns' for 'visar Älmhults kommuns resultat'."""
    return f"{kommun.genitiv} kommuns"


# --------------------------------------------------------------------------- entry point


def build_document(spec: ReportSpec, kommun: Kommun) -> tuple[Document, list[PrintedArea]]:
    scores = make_scores(spec.framework, spec.seed)
    areas = printed_areas(spec, scores)
    ctx = _Ctx(random.Random(spec.seed * 7 + 1), kommun, spec.year, spec.previous)
    doc = Document(spec.look, f"Kommunkompassen – {kommun.kommun_namn}")
    doc.add(_title(spec, kommun), TocBlock())
    _chapter_intro(doc, spec, ctx)
    _chapter_summary(doc, spec, ctx, scores)
    doc.add(
        PageBreak(),
        Heading("3. Genomgång per område"),
        Para(
            f"Nedan redovisas utvärderarnas iakttagelser för vart och ett av de åtta "
            f"områdena i {kommun.kommun_namn}, med styrkor och förbättringsområden."
        ),
    )
    for sc in scores:
        box = sc.total
        if spec.box_mismatch == sc.area.nr:
            box += 4 if sc.total <= 90 else -4
        _area_chapter(doc, spec, ctx, sc, box)
    if spec.long:
        _long_forvaltningar(doc, ctx)
    _overview(doc, spec, kommun, areas)
    return doc, areas
