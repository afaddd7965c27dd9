"""Facts for the Kommunkompassen samples: frameworks, municipalities and scores.

The area names, sub-area texts and max points are facts taken from real reports
(see /work/shared/reference/). Everything here is data; prose lives in kompass_prose.py.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, replace
from fractions import Fraction
from pathlib import Path

KOMMUNER_CSV = Path("/work/shared/reference/kommuner.csv")

RAMVERK_OLD = "Kommunkompassen 2010–2016"
RAMVERK_NEW = "Kommunkompassen 2019/2020"


@dataclass(frozen=True)
class SubArea:
    nr: str
    text: str
    max: int


@dataclass(frozen=True)
class Area:
    nr: int
    name: str
    theme: str  # key into the prose themes
    subareas: tuple[SubArea, ...]
    rubriker: tuple[str, ...]  # headings of the section 3 "Rubriker / Poäng" box


@dataclass(frozen=True)
class Framework:
    key: str
    ramverk: str
    areas: tuple[Area, ...]
    has_percent: bool  # older revision prints a Procent column


def _area(nr: int, name: str, theme: str, rubriker: list[str], subs: list[tuple[str, int]]) -> Area:
    subareas = tuple(SubArea(f"{nr}.{i}", text, mx) for i, (text, mx) in enumerate(subs, 1))
    assert sum(s.max for s in subareas) == 100, name
    return Area(nr, name, theme, subareas, tuple(rubriker))


OLD_2016 = Framework(
    key="old2016",
    ramverk=RAMVERK_OLD,
    has_percent=True,
    areas=(
        _area(
            1,
            "Offentlighet och demokrati",
            "demokrati",
            [
                "Strategi för demokratiutveckling och information",
                "Information till medborgare",
                "Dialog och medborgarmedverkan",
                "Etik – motverkan av korruption",
            ],
            [
                (
                    "Finns det en kommunövergripande strategi för demokratiutveckling och"
                    " information?",
                    15,
                ),
                ("Informeras invånarna om aktuella frågor i politiken?", 20),
                ("Informeras invånare om resultat?", 25),
                ("Främjas invånardialog och deltagande?", 30),
                ("Etik – Hur skapas tillit genom hög etisk standard?", 10),
            ],
        ),
        _area(
            2,
            "Tillgänglighet och brukarorientering",
            "brukare",
            [
                "Strategi för brukarfokus",
                "Tillgänglighet och bemötande",
                "Information om service och tjänster",
                "Brukarundersökningar",
                "Deklarationer och synpunkts-/klagomålshantering",
            ],
            [
                ("Finns det en kommunövergripande strategi för brukarfokus?", 15),
                ("Hur arbetar kommunen med tillgänglighet och bemötande?", 25),
                ("Hur informerar kommunen om service och tjänster?", 20),
                ("Hur arbetar kommunen med brukarundersökningar?", 20),
                (
                    "Hur arbetar kommunen med att förtydliga tjänsternas innehåll samt synpunkts-"
                    " och klagomålshantering för medborgare och brukare?",
                    20,
                ),
            ],
        ),
        _area(
            3,
            "Politisk styrning och kontroll",
            "styrning",
            [
                "System för styrning och uppföljning",
                "Politiska mål",
                "Uppföljning och rapportering",
                "Ansvarsfördelning politiker/tjänstemän",
                "Samspel politiker/tjänstemän",
            ],
            [
                (
                    "Genomsyras hela organisationen av ett helhetstänkande avseende styrning och"
                    " uppföljning?",
                    15,
                ),
                ("Styrs kommunen av tydliga politiska mål?", 25),
                (
                    "Rapporterar förvaltningen till den politiska nivån och har politikerna möjlighet"
                    " att utöva tillsyn över förvaltningen?",
                    25,
                ),
                (
                    "Finns det en tydlig delegation och ansvarsfördelning mellan politisk nivå och"
                    " tjänstemannanivå?",
                    20,
                ),
                (
                    "Finns det en ömsesidig förståelse av uppgifter, roller och spelregler mellan"
                    " politiker och tjänstemän?",
                    15,
                ),
            ],
        ),
        _area(
            4,
            "Ledarskap, ansvar och delegation",
            "ledarskap",
            [
                "Strategi för ledarskap, ansvar och delegation",
                "Enheternas ansvar",
                "Tvärsektoriellt samarbete",
                "Personligt ansvar och uppdrag för chefer",
                "Kommunledningens kommunikation",
                "Ledarutveckling",
            ],
            [
                ("Finns kommunövergripande strategi för ledarskap, ansvar och delegation?", 15),
                ("Vilket ansvar har resultatenheterna för budget, personal och organisation?", 10),
                ("Beskrivs inriktning och ansvar för tvärsektoriellt samarbete?", 20),
                ("Tydliggörs det personliga uppdraget för alla chefer i organisationen?", 15),
                ("Sker central ledning för underställda avdelningar och enheter?", 20),
                ("Bedriver kommunen ledarutveckling?", 20),
            ],
        ),
        _area(
            5,
            "Resultat och effektivitet",
            "effektivitet",
            [
                "Strategi för resultatstyrning och effektivitetsutveckling",
                "Kostnader och resultat i budgetprocessen",
                "Arbetsprocesser, uppföljning och kontroll",
                "Kommunikation kring resurser och resultat",
                "Jämförelser",
                "Extern samverkan",
            ],
            [
                ("Finns en strategi för resultatstyrning och effektivitetsutveckling?", 15),
                (
                    "Tydliggör kommunen sambandet mellan kostnader och resultat i budgetprocessen?",
                    25,
                ),
                ("Arbetar kommunen med utveckling, uppföljning och kontroll?", 15),
                ("Kommuniceras och förs strategiska diskussioner kring resurser och resultat?", 15),
                (
                    "Används jämförelser aktivt som ett led i serviceutveckling och effektivisering?",
                    20,
                ),
                ("Sker extern samverkan för att stärka serviceutbudet och öka effektiviteten?", 10),
            ],
        ),
        _area(
            6,
            "Kommunen som arbetsgivare – personalpolitik",
            "arbetsgivare",
            [
                "Personalstrategi",
                "Rekrytering – attraktiv arbetsgivare",
                "Kompetens- och medarbetarutveckling",
                "Individuell lönesättning",
                "Arbetsmiljöarbete",
                "Mångfald",
            ],
            [
                ("Finns en kommunövergripande personalstrategi?", 15),
                (
                    "Tillvaratas befintliga och hur rekryteras nya medarbetare? Kommunen som"
                    " ”attraktiv arbetsgivare”.",
                    20,
                ),
                ("Läggs stor vikt på kompetens- och medarbetarutveckling?", 25),
                ("Sker individuell lönesättning och belöning av goda prestationer?", 15),
                ("Arbetar kommunen med medarbetarundersökningar?", 15),
                ("Arbetar kommunen med mångfald (etnicitet, kulturell bakgrund och kön)?", 10),
            ],
        ),
        _area(
            7,
            "Ständiga förbättringar",
            "kvalitet",
            [
                "Strategi för ständiga förbättringar",
                "Analys av avvikelser, brister och problem",
                "Lärande genom omvärldsspaning och samverkan",
                "Metoder för att förbättra kvaliteten på tjänsterna",
                "Kreativitet och förbättringar",
            ],
            [
                ("Finns en strategi för ständiga förbättringar?", 15),
                ("Arbetar verksamheterna med analys av avvikelser, brister och problem?", 25),
                (
                    "Sker extern omvärldsspaning och samverkan för att förbättra kvaliteten på"
                    " tjänsterna?",
                    20,
                ),
                ("Finns metoder för att förbättra kvaliteten på tjänsterna?", 20),
                ("Arbetar kommunen med kreativitet och förbättringar?", 20),
            ],
        ),
        _area(
            8,
            "Kommunen som samhällsbyggare",
            "samhalle",
            [
                "Planer och strategier för samhällsbyggande",
                "Samarbete med civilsamhället",
                "Samarbete med kulturlivet",
                "Stöd till näringslivet",
                "Internationella kontakter",
                "Miljöfrågor",
                "Social hållbarhet",
            ],
            [
                ("Finns övergripande planer och strategier för samhällsbyggandet?", 15),
                (
                    "Samverkar kommunen med aktörer inom civilsamhället kring utveckling av"
                    " lokalsamhället?",
                    15,
                ),
                ("Samverkar kommunen med kulturlivet?", 15),
                ("Vilken är kommunens roll i utveckling av näringslivet?", 15),
                ("Arbetar kommunen med internationella kontakter?", 10),
                ("Arbetar kommunen med miljöfrågor?", 15),
                ("Hur främjas social hållbarhet?", 15),
            ],
        ),
    ),
)


def _old_2010() -> Framework:
    """The 2010-era edition: same maxima, areas 2 and 7 named differently, some wording varies."""
    areas = list(OLD_2016.areas)
    areas[0] = _area(
        1,
        "Offentlighet och demokrati",
        "demokrati",
        list(OLD_2016.areas[0].rubriker),
        [
            (
                "Finns en övergripande strategi för demokratiutveckling och information"
                " till invånarna?",
                15,
            ),
            ("Informeras invånarna om aktuella politiska frågor?", 20),
            ("Informeras invånarna om verksamhetens resultat?", 25),
            ("Främjas dialog med och deltagande av invånarna?", 30),
            ("Hur arbetar kommunen med etik och motverkan av korruption?", 10),
        ],
    )
    areas[1] = _area(
        2,
        "Brukarfokus, tillgänglighet och bemötande",
        "brukare",
        [
            "Strategi för brukarfokus",
            "Tillgänglighet och bemötande",
            "Information om tjänsterna",
            "Brukarundersökningar",
            "Servicedeklarationer och klagomålshantering",
        ],
        [
            ("Finns en kommunövergripande strategi för brukarfokus?", 15),
            ("Hur arbetar kommunen med tillgänglighet och bemötande?", 25),
            ("Hur informerar kommunen om sina tjänster och sin service?", 20),
            ("Genomförs brukarundersökningar och hur används resultaten?", 20),
            ("Finns servicedeklarationer samt rutiner för synpunkts- och klagomålshantering?", 20),
        ],
    )
    areas[6] = _area(
        7,
        "Verksamhetsutveckling",
        "kvalitet",
        [
            "Strategi för verksamhetsutveckling",
            "Analys av avvikelser",
            "Omvärldsbevakning och samverkan",
            "Metoder för kvalitetsutveckling",
            "Kreativitet och förbättringsidéer",
        ],
        [
            ("Finns en strategi för verksamhetsutveckling?", 15),
            ("Analyseras avvikelser, brister och problem i verksamheterna?", 25),
            ("Sker omvärldsbevakning och samverkan för att utveckla tjänsternas kvalitet?", 20),
            ("Används metoder och verktyg för kvalitetsutveckling?", 20),
            ("Tas medarbetarnas kreativitet och förbättringsidéer till vara?", 20),
        ],
    )
    return replace(OLD_2016, key="old2010", areas=tuple(areas))


OLD_2010 = _old_2010()

NEW_2020 = Framework(
    key="new2020",
    ramverk=RAMVERK_NEW,
    has_percent=False,
    areas=(
        _area(
            1,
            "Samspel mellan förtroendevalda och medborgare",
            "demokrati",
            [
                "Strategi för demokratiutveckling och information",
                "Kommunens information till medborgare",
                "Medborgarnas möjlighet till dialog med politiken",
                "Transparens kring resultat",
                "Förutsättningar för politiken",
            ],
            [
                ("Strategi för demokratiutveckling och information", 20),
                ("Kommunens information till medborgarna", 10),
                ("Medborgarnas möjlighet till dialog med politiken", 30),
                ("Transparens kring resultat", 10),
                ("Förutsättningar för politiken", 30),
            ],
        ),
        _area(
            2,
            "Samhällsutveckling",
            "samhalle",
            [
                "Strategi för hållbar utveckling",
                "Social hållbarhet",
                "Ekologisk hållbarhet",
                "Civilsamhälle, näringsliv och kultur",
            ],
            [
                ("Strategiskt arbete", 15),
                ("Social hållbarhet", 30),
                ("Ekologisk hållbarhet", 30),
                ("Civilsamhälle, näringsliv och kultur", 25),
            ],
        ),
        _area(
            3,
            "Styrning och kontroll",
            "styrning",
            [
                "Strategi för styrning",
                "Politisk styrning",
                "Uppföljning och analys",
                "Samspel mellan rollerna som förtroendevald respektive tjänsteperson",
                "Koncernstyrning",
            ],
            [
                ("Strategi för styrning", 10),
                ("Politisk styrning", 30),
                ("Uppföljning och analys", 25),
                ("Samspel mellan rollerna som förtroendevald respektive tjänsteperson", 20),
                ("Koncernstyrning", 15),
            ],
        ),
        _area(
            4,
            "Effektivitet",
            "effektivitet",
            [
                "Strategi för effektivitet",
                "Långsiktig planering",
                "Jämförelser för effektivitet",
                "Ny teknik som ökar effektivitet",
                "Samverkan för effektivitet",
            ],
            [
                ("Strategi för ökad effektivitet", 20),
                ("Långsiktig planering för ökad effektivitet", 20),
                ("Jämförelser för ökad effektivitet", 20),
                ("Ny teknik som ökar effektivitet", 20),
                ("Samverkan för ökad effektivitet", 20),
            ],
        ),
        _area(
            5,
            "Brukarens fokus",
            "brukare",
            [
                "Strategi för brukarens fokus",
                "Fokus på service",
                "Förenklade kontakter med kommunen",
                "Information kring kommunens serviceutbud",
                "Brukarinflytande",
            ],
            [
                ("Strategi för brukarens fokus", 20),
                ("Fokus på service och bemötande", 20),
                ("Förenklade kontakter med kommunen", 20),
                ("Information kring kommunens serviceutbud", 20),
                ("Brukarinflytande", 20),
            ],
        ),
        _area(
            6,
            "Kvalitetsutveckling",
            "kvalitet",
            [
                "Strategi för kvalitetsutveckling",
                "Centrala utvecklingsinsatser för bättre kvalitet",
                "Ständiga förbättringar",
                "Lära av goda exempel",
            ],
            [
                ("Strategi för kvalitetsutveckling", 20),
                ("Centrala utvecklingsinsatser för bättre kvalitet", 20),
                ("Innovation och ständiga förbättringar", 30),
                ("Lära av goda exempel", 30),
            ],
        ),
        _area(
            7,
            "Arbetsliv",
            "arbetsgivare",
            [
                "Strategier för ett hållbart arbetsliv",
                "Strategisk kompetensförsörjning",
                "Arbetsmiljö och sjukfrånvaro",
                "Jämställdhet och mångfald",
            ],
            [
                ("Strategier för ett hållbart arbetsliv", 15),
                ("Strategisk kompetensförsörjning", 40),
                ("Arbetsmiljö", 25),
                ("Lika rättigheter och möjligheter på arbetsplatsen", 20),
            ],
        ),
        _area(
            8,
            "Chefs- och ledarskap samt medarbetarskap",
            "ledarskap",
            [
                "Strategi för chefs- och ledarskap samt medarbetarskap",
                "Högsta cheferna som förebilder",
                "Chefers uppdrag",
                "Intern kommunikation",
                "Utveckling av ledarskap och medarbetarskap",
            ],
            [
                ("Strategi för chefs- och ledarskap samt medarbetarskap", 20),
                ("Chefernas uppdrag och förutsättningar", 30),
                ("Intern kommunikation", 20),
                ("Utveckling av ledarskap och medarbetarskap", 30),
            ],
        ),
    ),
)

# The left-over area 1 name some 2020-revision reports print (template from the older revision).
LEFTOVER_AREA1 = "Offentlighet och demokrati"


# --------------------------------------------------------------------------- municipalities


@dataclass(frozen=True)
class Kommun:
    kod: str
    namn: str
    lan: str

    @property
    def genitiv(self) -> str:
        """'Älmhults', 'Mönsterås' (names ending in s/x/z take no extra s)."""
        return self.namn if self.namn[-1] in "sxz" else self.namn + "s"

    @property
    def kommun_namn(self) -> str:
        """'Älmhults kommun'."""
        return f"{self.genitiv} kommun"


def load_kommuner(path: Path = KOMMUNER_CSV) -> dict[str, Kommun]:
    with path.open(encoding="utf-8", newline="") as fh:
        return {
            r["kommun"]: Kommun(r["kommunkod"], r["kommun"], r["län"]) for r in csv.DictReader(fh)
        }


# --------------------------------------------------------------------------- scores


def round_half_up(value: Fraction) -> int:
    """Round like a person (and a spreadsheet) does: .5 goes up."""
    return int((value * 2 + 1) // 2)


@dataclass(frozen=True)
class ItemScore:
    sub: SubArea
    points: int
    percent: int | None  # printed percent (older revision only)


@dataclass(frozen=True)
class AreaScore:
    area: Area
    items: tuple[ItemScore, ...]
    total: int  # the total the report prints

    @property
    def item_sum(self) -> int:
        return sum(i.points for i in self.items)


def _old_area_score(area: Area, rng: random.Random) -> AreaScore:
    """Older revision: each item has an unrounded share; points and percent are rounded from it,
    the printed total is the rounded sum of the unrounded points (so it may differ by 1-2)."""
    while True:
        level = rng.uniform(0.30, 0.85)
        shares = [
            Fraction(min(1000, max(20, round(rng.gauss(level, 0.18) * 1000))), 1000)
            for _ in area.subareas
        ]
        items = tuple(
            ItemScore(s, round_half_up(p * s.max), round_half_up(p * 100))
            for s, p in zip(area.subareas, shares, strict=True)
        )
        total = round_half_up(
            sum((p * s.max for s, p in zip(area.subareas, shares, strict=True)), Fraction(0))
        )
        if abs(total - sum(i.points for i in items)) <= 2:
            return AreaScore(area, items, total)


def _new_area_score(area: Area, rng: random.Random) -> AreaScore:
    level = rng.uniform(0.35, 0.85)
    items = []
    for s in area.subareas:
        pts = round(rng.gauss(level, 0.15) * s.max)
        items.append(ItemScore(s, min(s.max, max(1, pts)), None))
    return AreaScore(area, tuple(items), sum(i.points for i in items))


def make_scores(framework: Framework, seed: int) -> list[AreaScore]:
    rng = random.Random(seed)
    make = _old_area_score if framework.has_percent else _new_area_score
    return [make(area, rng) for area in framework.areas]


def percent_agrees(points: int, mx: int, percent: int) -> bool:
    """Printed percent vs points/max, both rounded from one unrounded share."""
    return abs(Fraction(percent * mx, 100) - points) <= Fraction(1, 2) + Fraction(mx, 200)
