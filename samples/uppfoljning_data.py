"""The data of the goal follow-up samples (make_uppfoljning.py): goals, assessments, indicator
tables and activity plans, each cell as printed and as expected. Headings, column names,
assessment wordings and the kinds of cells are facts of the report family; the goals,
activities, numbers and prose are written for this project."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Cell:
    """An indicator cell: as printed, and what it means."""

    printed: str
    value: float | None = None
    unit: str = ""
    benchmark: float | None = None


def n(printed: str, value: float, unit: str = "", bench: float | None = None) -> Cell:
    return Cell(printed, value, unit, bench)


def miss(printed: str) -> Cell:
    return Cell(printed)


@dataclass(frozen=True)
class Indicator:
    label: str
    cells: tuple[Cell, ...]
    source: str = ""  # printed as a line of its own above this indicator, or in the header


@dataclass(frozen=True)
class IndicatorTable:
    periods: tuple[str, ...]
    rows: tuple[Indicator, ...]
    header_source: str = ""  # "Indikator: <source>" in the header's label cell
    label: str = "Indikator:"
    bullet: bool = False  # labels printed after "- ", as in lists


@dataclass(frozen=True)
class Activity:
    name: str
    description: str
    date: str  # as printed
    date_iso: str  # as expected: ISO, or the words as printed
    responsible: str
    status: str  # as printed
    term: str  # the vocabulary term, "" outside it


@dataclass(frozen=True)
class Goal:
    type_words: str  # as printed before the number
    goal_type: str  # expected måltyp
    nr: str
    title: str
    style: str  # inline | assess_first | next_line
    assessment: str = ""  # as printed ("" = none)
    term: str = ""  # expected bedömning
    assess_form: str = "line"  # line | label (Måluppfyllelse: X) | sentence (Bedömning: + text)
    prose: tuple[int, ...] = (0,)  # paragraphs of PROSE after the heading
    activities: tuple[Activity, ...] = ()
    indicators: tuple[IndicatorTable, ...] = ()


@dataclass(frozen=True)
class Report:
    stem: str
    engine: str  # reportlab | docx
    municipality: str
    code: str
    year: int
    unit: str
    title: str
    dated: str
    font: str
    rules: str  # grid | header_line | none (a shaded header, no rules)
    activity_headers: tuple[str, str, str, str, str]
    widths: tuple[float, float, float, float, float]  # cm
    goals: tuple[Goal, ...]
    intro: tuple[int, ...] = (1, 2)
    repeat_header: bool = True
    footer: bool = True  # the running footer names the report; else a page number only
    contents: bool = False  # a table of contents with dot leaders lists the goals


# Sections of prose before and after the goals, as real reports have (uppdrag, året, ekonomi,
# personal): pages that only the cheap text pass should read.
SECTIONS = (
    ("Verksamhetens uppdrag", (
        "Förvaltningen ansvarar för kommunens gemensamma funktioner och stödjer de andra "
        "förvaltningarna i frågor om ekonomi, personal, kommunikation och digitalisering. "
        "Uppdraget utgår från reglementet och från de mål som fullmäktige beslutar i budgeten.",
        "Verksamheten är organiserad i enheter med var sin chef. Enheterna följer upp sitt "
        "arbete varje månad, och förvaltningens ledningsgrupp sammanställer läget inför "
        "delårsrapporten och årsredovisningen.",
    )),
    ("Året i korthet", (
        "Året präglades av ett omfattande förändringsarbete. Flera nya arbetssätt infördes, "
        "bland annat gemensamma rutiner för ärendehantering och en ny modell för "
        "budgetuppföljning som gör det lättare att se avvikelser tidigt.",
        "Samarbetet med grannkommunerna fördjupades inom flera områden. En gemensam "
        "upphandling av it-drift genomfördes under hösten, och ett avtal om gemensam "
        "löneadministration förbereddes för beslut.",
        "Efterfrågan på förvaltningens tjänster ökade jämfört med föregående år, samtidigt som "
        "flera medarbetare gick i pension. Rekryteringarna tog längre tid än beräknat.",
    )),
    ("Ekonomi", (
        "Förvaltningen redovisar ett resultat nära budget. Personalkostnaderna blev lägre än "
        "planerat till följd av vakanser, medan kostnaderna för konsulter och licenser ökade.",
        "Investeringsbudgeten har inte förbrukats fullt ut, eftersom två projekt har skjutits "
        "till nästa år. Medlen föreslås föras över så att projekten kan slutföras.",
    )),
    ("Personal", (
        "Sjukfrånvaron minskade något under året men ligger fortfarande över kommunens mål. "
        "Korttidsfrånvaron står för den största delen, och insatser för en bättre "
        "arbetsmiljö har genomförts på flera arbetsplatser.",
        "Medarbetarenkäten visar att de flesta trivs och känner att de har inflytande över "
        "sitt arbete. Förbättringsområden är arbetsbelastning och information mellan enheter.",
    )),
)

PROSE = [
    "Så här har verksamheten arbetat för att nå målet under året.",
    "Förvaltningen har under året prioriterat arbetet med att följa upp de beslutade målen. "
    "Uppföljningen görs två gånger per år, i delårsrapporten och i årsredovisningen, och "
    "utgår från de indikatorer som fullmäktige har kopplat till varje mål.",
    "Målen ska vara mätbara och följas upp med samma metod från år till år. Där en mätning "
    "saknas för ett år redovisas det i tabellen, så att jämförelsen med tidigare år blir tydlig "
    "för läsaren.",
    "Arbetet har bedrivits i nära samverkan med andra förvaltningar och med externa parter. "
    "Flera av insatserna sträcker sig över mer än ett år och redovisas därför med sin status "
    "vid årets slut.",
    "Resultatet visar en positiv utveckling jämfört med föregående mätning, men skillnaden mot "
    "genomsnittet för jämförbara kommuner är fortfarande tydlig. Verksamheten behöver därför "
    "fortsätta med de insatser som påbörjats.",
    "Under hösten genomfördes en genomlysning av arbetssätten, och de förslag som kom fram "
    "har lett till ändrade rutiner. Effekten av dessa förväntas synas först i nästa mätning.",
    "Medarbetarna har deltagit i planeringen av aktiviteterna, och uppföljningen har skett på "
    "arbetsplatsträffar varje månad. Det har gett en bättre förankring av målen i vardagen.",
    "Det finns fortfarande delar som inte har kommit så långt som planerat. Främst handlar det "
    "om insatser som är beroende av beslut i andra organ eller av extern finansiering.",
]

# ---------------------------------------------------------------------------------------------
# Report a: Vara 2016, reportlab, full grid, "Status?" header, repeated header


def _act(*fields: str) -> Activity:
    return Activity(*fields)


_A_TRADE = (
    _act("Företagsbesök", "Besök hos lokala företag tillsammans med politiker och tjänstemän, "
         "minst tio besök per termin", "Löpande", "Löpande", "Näringslivschef", "Genomfört",
         "Genomfört"),
    _act("Frukostmöten", "Återkommande frukostmöten mellan näringslivet och kommunens "
         "förvaltningar med ett aktuellt tema vid varje tillfälle", "2016-12-31", "2016-12-31",
         "Näringslivschef", "Klart", "Genomfört"),
    _act("Snabbare bygglov", "Se över handläggningen av bygglov så att företagens ärenden "
         "hanteras inom lagstadgad tid och med en kontaktperson genom hela ärendet",
         "2016-09-30", "2016-09-30", "Samhällsbyggnadschef", "Pågår", "Pågående"),
    _act("Upphandlingsdialog", "Informationsträffar om kommande upphandlingar så att fler "
         "lokala företag kan lämna anbud, i samarbete med inköpsenheten", "30 juni 2016",
         "2016-06-30", "Upphandlare", "Genomfört, två träffar", "Genomfört"),
    _act("Lokalregister", "Ett register över lediga lokaler och tomter för verksamheter, "
         "publicerat på kommunens webbplats och uppdaterat varje kvartal", "2016-11-30",
         "2016-11-30", "Näringslivsutvecklare", "Påbörjad", "Påbörjad"),
    _act("Skola och arbetsliv", "Samverkan mellan gymnasieskolan och företagen kring "
         "praktikplatser, studiebesök och gästlärare under läsåret", "Våren 2017",
         "Våren 2017", "Rektor och näringslivschef", "Pågående", "Pågående"),
    _act("Nyföretagarträffar", "Träffar för den som vill starta företag, med rådgivning om "
         "finansiering och tillstånd", "2016-10-15", "2016-10-15", "Nyföretagarcentrum",
         "Ej påbörjat", "Ej påbörjad"),
    _act("Servicemätning", "Delta i den nationella servicemätningen av myndighetsutövning mot "
         "företag för att få jämförbara resultat", "2016-12-31", "2016-12-31",
         "Kvalitetsstrateg", "Kvarstår", "Kvarstår"),
    _act("Företagsgala", "Uppmärksamma goda insatser i näringslivet med en årlig gala och "
         "utmärkelser i fyra kategorier", "Varje år", "Varje år", "Näringslivschef",
         "Klart 18 nov", "Genomfört"),
)

REPORT_A = Report(
    stem="uppfoljning_a",
    engine="reportlab",
    municipality="Vara",
    code="1470",
    year=2016,
    unit="Kommunledningskontoret",
    title="Verksamhetsuppföljning 2016",
    dated="Februari 2017",
    font="helvetica",
    rules="grid",
    activity_headers=("Aktivitet", "Beskrivning", "Slutdatum", "Ansvarig", "Status?"),
    widths=(3.4, 4.9, 2.3, 3.9, 2.5),
    goals=(
        Goal(
            "Kommunfullmäktiges prioriterade mål", "KF-mål", "1",
            "Vara ska vara en attraktiv kommun att bo i med en växande befolkning",
            "inline", "Delvis uppfyllt", "Delvis uppfyllt", prose=(0, 1, 3),
            activities=(
                _act("Bostadsförsörjning", "Ta fram ett program för bostadsförsörjning med "
                     "mål för antal nya bostäder per år", "2016-06-30", "2016-06-30",
                     "Planchef", "Påbörjad", "Påbörjad"),
            ),
            indicators=(
                IndicatorTable(
                    ("2012", "2013", "2014", "2015", "2016"),
                    (
                        Indicator("Antal invånare i kommunen", (
                            n("15 611", 15611), n("15 628", 15628), n("15 683", 15683),
                            n("15 745", 15745), n("15 870", 15870)),
                            source="SCB befolkningsstatistik / SCB medborgarundersökning"),
                        Indicator("Nöjd Region-Index, betyg för kommunen som en plats att "
                                  "leva och bo på", (
                            n("55 (medel 57)", 55, bench=57), miss("Ingen mätning gjordes"),
                            n("57 (medel 58)", 57, bench=58), miss("Ingen mätning görs"),
                            n("60 (medel 59)", 60, bench=59))),
                    ),
                ),
            ),
        ),
        Goal(
            "Kommunfullmäktiges prioriterade mål", "KF-mål", "4",
            "I Vara ska företagare mötas av god service och ett positivt näringslivsklimat",
            "assess_first", "Ej uppfyllt", "Ej uppfyllt", prose=(0, 4, 5),
            activities=_A_TRADE,
            indicators=(
                IndicatorTable(
                    ("2012", "2013", "2014", "2015", "2016"),
                    (Indicator("Placering i rankingen", (
                        n("188", 188), n("201", 201), n("176", 176), n("143", 143),
                        n("152", 152))),),
                    header_source="Svenskt Näringslivs företagsranking",
                ),
            ),
        ),
        Goal(
            "Kommunfullmäktiges prioriterade mål", "KF-mål", "8",
            "Vara kommun ska aktivt bidra till att invånarna i Skaraborg får Sveriges bästa "
            "hälsa år 2020",
            "inline", prose=(0, 3),
            indicators=(
                IndicatorTable(
                    ("2009", "2010-2013", "2014", "2015", "2016"),
                    (
                        Indicator("Andel invånare med gott självskattat hälsotillstånd", (
                            n("71 %", 71, "%"), miss("Ingen mätning gjordes"),
                            n("73 %", 73, "%"), miss("Ingen mätning görs"), miss("–")),
                            source="SKL:s öppna jämförelser"),
                        Indicator("Andel rökare bland invånare 16–84 år", (
                            n("13 %", 13, "%"), n("11,5 %", 11.5, "%"), n("10 %", 10, "%"),
                            miss("–"), n("9,2 %", 9.2, "%"))),
                    ),
                    label="Indikator :",
                ),
            ),
        ),
        Goal(
            "Kommunstyrelsens mål", "KS-mål", "1",
            "Kommunens invånare ska ha tillgång till lättillgänglig och relevant information",
            "next_line", "Målet är uppnått", "Uppfyllt", assess_form="sentence",
            prose=(0, 1),
            activities=(
                _act("Ny webbplats", "Lansera en ny webbplats anpassad för mobiltelefoner, "
                     "med tydligare vägar till e-tjänsterna", "1 juli 2016", "2016-07-01",
                     "Kommunikationschef", "Genomförd", "Genomfört"),
                _act("Årsredovisning i korthet", "En lättläst kortversion av "
                     "årsredovisningen delas ut till alla hushåll", "2017-06-01",
                     "2017-06-01", "Ekonomichef", "Påbörjad", "Påbörjad"),
            ),
            indicators=(
                IndicatorTable(
                    ("2012", "2013", "2014", "2015", "2016"),
                    (
                        Indicator("Hur god är kommunens webbinformation till medborgarna?", (
                            n("68 (medel 74)", 68, bench=74), n("71 (medel 79)", 71, bench=79),
                            n("75 (medel 78)", 75, bench=78), n("77 (medel 80)", 77, bench=80),
                            n("81 (medel 76)", 81, bench=76))),
                        Indicator("Medborgarnas omdöme om kommunens information", (
                            n("51 (medel 52)", 51, bench=52), miss("-"),
                            n("53 (medel 52)", 53, bench=52), miss("Ingen mätning"),
                            n("56 (medel 54)", 56, bench=54))),
                    ),
                    header_source="SKL:s webbgranskning / SCB:s medborgarundersökning",
                ),
            ),
        ),
        Goal(
            "Kommunstyrelsens mål", "KS-mål", "2",
            "Kommunen ska vara en attraktiv arbetsgivare som behåller och utvecklar sin personal",
            "next_line", "Målet är ej uppnått", "Ej uppfyllt", assess_form="sentence",
            prose=(7, 4),
            activities=(
                _act("Chefsutveckling", "Ett gemensamt program för nya chefer med fyra "
                     "träffar under året", "2016-12-31", "2016-12-31", "Personalchef",
                     "Genomfört och fortsätter", "Genomfört"),
                _act("Heltid som norm", "Utreda hur fler tjänster kan erbjudas på heltid",
                     "Löpande", "Löpande", "Personalchef", "Vilande", ""),
                _act("Kompetensförsörjning", "En plan för kompetensförsörjning för de "
                     "kommande fem åren", "2016-10-31", "2016-10-31", "HR-strateg",
                     "Ej påbörjad", "Ej påbörjad"),
            ),
        ),
    ),
)

# ---------------------------------------------------------------------------------------------
# Report b: Töreboda 2018, python-docx → LibreOffice, Word grid, other column names

_B_CARE = (
    _act("Hemtagningsteam", "Ett team som stödjer den enskilde de första veckorna efter "
         "utskrivning från sjukhus", "2018-12-31", "2018-12-31", "Enhetschef hemtjänst",
         "Genomfört", "Genomfört"),
    _act("Digital tillsyn", "Kameratillsyn nattetid för de brukare som önskar det, som "
         "komplement till besök", "2018-09-30", "2018-09-30", "Verksamhetschef",
         "Pågående", "Pågående"),
    _act("Kontaktmannaskap", "Varje brukare ska ha en namngiven kontaktperson och en "
         "uppdaterad genomförandeplan", "30 juni 2018", "2018-06-30", "Enhetschefer",
         "Genomfört", "Genomfört"),
    _act("Mat och måltider", "Se över måltidssituationen på särskilda boenden tillsammans "
         "med kostenheten och de boendes anhöriga", "December 2018", "2018-12",
         "Kostchef och enhetschefer", "Påbörjad", "Påbörjad"),
    _act("Anhörigstöd", "Utveckla stödet till anhöriga med samtalsgrupper och en "
         "anhörigkonsulent på halvtid", "2018-11-30", "2018-11-30", "Anhörigkonsulent",
         "Pågår", "Pågående"),
    _act("Välfärdsteknik", "Inventera vilka tekniska hjälpmedel som kan öka "
         "självständigheten i hemmet och pröva tre av dem", "2018-12-31", "2018-12-31",
         "Utvecklingsledare", "Kvarstår", "Kvarstår"),
    _act("Introduktion av personal", "Ett gemensamt introduktionsprogram för nyanställda "
         "inom vård och omsorg, med handledare", "2018-05-31", "2018-05-31",
         "Personalsamordnare", "Klart", "Genomfört"),
    _act("Kvalitetsregister", "Öka registreringen i Senior alert och BPSD-registret på "
         "samtliga enheter", "Löpande", "Löpande", "Medicinskt ansvarig sjuksköterska",
         "Pågående", "Pågående"),
)

REPORT_B = Report(
    stem="uppfoljning_b",
    engine="docx",
    municipality="Töreboda",
    code="1473",
    year=2018,
    unit="Socialförvaltningen",
    title="Verksamhetsuppföljning 2018",
    dated="Mars 2019",
    font="liberation-serif",
    rules="grid",
    activity_headers=("Aktivitet", "Beskrivning", "Klart när", "Ansvar", "Status"),
    widths=(3.2, 5.6, 1.7, 3.7, 2.4),
    repeat_header=False,
    goals=(
        Goal(
            "KF-mål", "KF-mål", "2",
            "Äldre ska känna trygghet och ha inflytande över sin vardag",
            "next_line", "Delvis uppfyllt", "Delvis uppfyllt", assess_form="label",
            prose=(1, 3, 4, 5, 6, 2, 7, 0, 3),
            activities=_B_CARE,
            indicators=(
                IndicatorTable(
                    ("2015", "2016", "2017", "2018"),
                    (
                        Indicator("Andel brukare som känner sig trygga i sitt boende", (
                            n("82 %", 82, "%"), n("84 %", 84, "%"), n("81 %", 81, "%"),
                            n("86 %", 86, "%")),
                            source="Socialstyrelsens brukarundersökning"),
                        Indicator("Antal personal som besöker en brukare under 14 dagar", (
                            n("16", 16), n("15", 15), miss("–"), n("12 (riket 15)", 12,
                                                                    bench=15))),
                    ),
                ),
            ),
        ),
        Goal(
            "KF-mål", "KF-mål", "3",
            "Kommunens verksamheter ska hålla en budget i balans",
            "next_line", "Målet är inte uppnått", "Ej uppfyllt", assess_form="sentence",
            prose=(2,),
            indicators=(
                IndicatorTable(
                    ("2014", "2015-2017", "2018"),
                    (
                        Indicator("Budgetavvikelse, mnkr", (
                            n("-1,2", -1.2), n("- 3,49", -3.49), n("-4,8", -4.8))),
                        Indicator("Kostnad per brukare i hemtjänsten, kr", (
                            n("231 400", 231400), miss("Ingen mätning gjordes"),
                            n("248 900", 248900))),
                    ),
                    label="Nyckeltal",
                ),
            ),
        ),
        Goal(
            "Socialnämndens mål", "Nämndmål", "1",
            "Fler personer med försörjningsstöd ska komma i egen försörjning",
            "inline", "Uppfylld", "Uppfyllt", prose=(6,),
            activities=(
                _act("Arbetsmarknadsteam", "Gemensamt team med arbetsmarknadsenheten för "
                     "personer som stått långt från arbetsmarknaden", "2018-03-31",
                     "2018-03-31", "Enhetschef IFO", "Genomfört", "Genomfört"),
                _act("Språkpraktik", "Praktikplatser med språkstöd i kommunens "
                     "verksamheter", "Hösten 2018", "Hösten 2018", "Arbetsmarknadschef",
                     "Pågår enligt plan", "Pågående"),
            ),
        ),
    ),
)

# ---------------------------------------------------------------------------------------------
# Report c: Mariestad 2021, reportlab, unruled tables, Times, title bold below the heading

_C_SCHOOL = (
    _act("Läsfrämjande insatser", "Läsombud på varje skola och gemensamma lässtunder i "
         "förskoleklass och årskurs 1–3", "2021-06-15", "2021-06-15", "Rektorer F–6",
         "Genomfört", "Genomfört"),
    _act("Studiero", "Gemensamma ordningsregler och en plan för studiero som tas fram med "
         "elevråden", "2021-12-20", "2021-12-20", "Rektorer 7–9", "Pågående", "Pågående"),
    _act("Mattelyftet", "Kollegialt lärande i matematik med handledning av förstelärare "
         "under hela läsåret", "Läsåret 21/22", "Läsåret 21/22", "Utvecklingsledare",
         "Påbörjad", "Påbörjad"),
    _act("Elevhälsa", "Tidigare insatser från elevhälsan för elever med hög frånvaro, "
         "med uppföljning varje månad", "2021-10-31", "2021-10-31", "Elevhälsochef",
         "Genomfört", "Genomfört"),
    _act("Digitala läromedel", "Utvärdera de digitala läromedlen och välja gemensamma "
         "plattformar för alla skolor", "2021-11-30", "2021-11-30", "IT-pedagog",
         "Kvarstår", "Kvarstår"),
    _act("Modersmål", "Utöka studiehandledning på modersmål för nyanlända elever i "
         "årskurs 4–9", "2021-08-31", "2021-08-31", "Rektor språkcentrum", "Klar", "Genomfört"),
    _act("Lovskola", "Lovskola under sommarlovet för elever som saknar betyg i något "
         "ämne", "2021-08-13", "2021-08-13", "Rektorer 7–9", "Genomfört", "Genomfört"),
    _act("Fritidshemmets uppdrag", "Kompetensutveckling för fritidspersonal om "
         "fritidshemmets läroplan", "2021-12-31", "2021-12-31", "Rektorer F–6",
         "Ej påbörjad", "Ej påbörjad"),
)

REPORT_C = Report(
    stem="uppfoljning_c",
    engine="reportlab",
    municipality="Mariestad",
    code="1493",
    year=2021,
    unit="Sektor utbildning",
    title="Kvalitetsredovisning 2021",
    dated="Mars 2022",
    font="times",
    rules="header_line",
    activity_headers=("Åtgärd", "Beskrivning", "Klart senast", "Ansvarig", "Status"),
    widths=(3.6, 6.0, 2.3, 3.0, 2.1),
    repeat_header=False,
    footer=False,
    intro=(1, 2, 3),
    goals=(
        Goal(
            "Nämndens mål", "Nämndmål", "1",
            "Alla elever ska nå kunskapskraven i samtliga ämnen",
            "next_line", "Delvis uppfyllt", "Delvis uppfyllt", assess_form="label",
            prose=(1, 4),
            indicators=(
                IndicatorTable(
                    ("2019", "2020", "2021"),
                    (
                        Indicator("Andel elever i åk 9 som är behöriga till yrkesprogram", (
                            n("81,2 %", 81.2, "%"), n("79,5 %", 79.5, "%"),
                            n("84 (länet 86)", 84, bench=86))),
                        Indicator("Genomsnittligt meritvärde i årskurs 9", (
                            n("214,5", 214.5), n("218", 218), n("221,3", 221.3))),
                        Indicator("Andel elever med godkänt i matematik, åk 6", (
                            miss("Ingen mätning gjordes"), n("88 %", 88, "%"),
                            n("90 %", 90, "%"))),
                    ),
                    label="Indikatorer",
                ),
            ),
        ),
        Goal(
            "Nämndens mål", "Nämndmål", "2",
            "Eleverna ska känna sig trygga och ha studiero i skolan",
            "next_line", "Målet är uppfyllt", "Uppfyllt", assess_form="line",
            prose=(0, 5, 3, 6, 2),
            activities=_C_SCHOOL,
        ),
        Goal(
            "Nämndens mål", "Nämndmål", "3",
            "Andelen barn som går i förskola ska öka och förskolan ska ha en hög kvalitet",
            "inline", "Ej uppfyllt", "Ej uppfyllt", assess_form="label",
            prose=(7,),
            indicators=(
                IndicatorTable(
                    ("2019", "2020", "2021"),
                    (
                        Indicator("Inskrivna barn 1–5 år, andel av befolkningen", (
                            n("84 %", 84, "%"), n("83 %", 83, "%"), n("82 %", 82, "%"))),
                        Indicator("Antal barn per årsarbetare i förskolan", (
                            n("5,3", 5.3), n("5,4", 5.4), n("5,6", 5.6))),
                        Indicator("Antal inskrivna barn totalt", (
                            n("1 215", 1215), n("1 198", 1198), n("1 187", 1187))),
                    ),
                    header_source="Kolada",
                ),
            ),
        ),
        Goal(
            "Nämndens mål", "Nämndmål", "4",
            "Vuxna ska ha goda möjligheter att utbilda sig",
            "inline", prose=(2,),
            activities=(
                _act("Yrkesvux", "Fler platser inom yrkesvux i vård och omsorg i samarbete "
                     "med grannkommunerna", "2021-08-16", "2021-08-16", "Rektor vuxenutbildning",
                     "Genomfört", "Genomfört"),
                _act("SFI på distans", "Erbjuda svenska för invandrare på distans för den som "
                     "arbetar dagtid", "Löpande", "Löpande", "Rektor vuxenutbildning",
                     "Pågående", "Pågående"),
            ),
        ),
    ),
)

# ---------------------------------------------------------------------------------------------
# Report d: Tidaholm 2019, python-docx → LibreOffice, no rules, a shaded header, a table of
# contents, list dashes before indicator labels, statuses with comments

_D_CULTURE = (
    _act("Kulturskolan", "Fler elever i kulturskolan genom avgiftsfria prova-på-kurser på "
         "alla skolor under vårterminen", "31 mars 2019", "2019-03-31", "Kulturskolechef",
         "Klart, 12 nov", "Genomfört"),
    _act("Biblioteket som mötesplats", "Utökade öppettider med meröppet och fler "
         "arrangemang för barn och unga", "Löpande", "Löpande", "Bibliotekschef",
         "Pågående, två kvar", "Pågående"),
    _act("Föreningsbidrag", "Nya regler för föreningsbidrag som gynnar verksamhet för "
         "flickor och unga kvinnor", "2019-06-30", "2019-06-30", "Fritidschef",
         "Genomfört", "Genomfört"),
    _act("Spontanidrott", "Anlägga en aktivitetsyta för spontanidrott i centralorten i "
         "dialog med ungdomsrådet", "2019-10-31", "2019-10-31", "Fritidschef",
         "Påbörjat", "Påbörjad"),
    _act("Kulturarv", "Digitalisera det lokala bildarkivet och göra det sökbart på "
         "webbplatsen", "2019-12-31", "2019-12-31", "Kultursamordnare",
         "Delvis genomfört", ""),
    _act("Sommarlovsaktiviteter", "Avgiftsfria aktiviteter för barn och unga under "
         "sommarlovet, med statsbidrag", "2019-08-18", "2019-08-18", "Fritidschef",
         "Genomfört", "Genomfört"),
    _act("Ungdomens hus", "Utreda en ny lokal för fritidsgården med längre öppettider på "
         "helger", "2019-11-30", "2019-11-30", "Kultur- och fritidschef", "Kvarstår",
         "Kvarstår"),
)

REPORT_D = Report(
    stem="uppfoljning_d",
    engine="docx",
    municipality="Tidaholm",
    code="1498",
    year=2019,
    unit="Kultur- och fritidsförvaltningen",
    title="Verksamhetsuppföljning 2019",
    dated="Februari 2020",
    font="liberation-sans",
    rules="none",
    activity_headers=("Aktivitet", "Beskrivning", "Slutdatum", "Ansvarig", "Status?"),
    widths=(3.4, 5.4, 2.2, 3.4, 2.6),
    contents=True,
    goals=(
        Goal(
            "Kommunfullmäktiges prioriterade mål", "KF-mål", "3",
            "Tidaholm ska erbjuda ett rikt kultur- och fritidsliv för alla åldrar",
            "inline", "Uppfyllt", "Uppfyllt", prose=(0, 1, 3, 4, 5, 6, 2, 7, 3),
            activities=_D_CULTURE,
            indicators=(
                IndicatorTable(
                    ("2015", "2016", "2017", "2018", "2019"),
                    (
                        Indicator("Antal besök på biblioteket", (
                            n("98 400", 98400), n("101 250", 101250), n("97 800", 97800),
                            n("104 020", 104020), n("109 900", 109900)),
                            source="Egen statistik"),
                        Indicator("Nöjd Medborgar-Index, fritidsmöjligheter", (
                            n("52 (medel 55)", 52, bench=55), miss("Ingen mätning gjordes"),
                            n("54 (medel 56)", 54, bench=56), miss("Ingen mätning görs"),
                            n("58 (medel 57)", 58, bench=57)),
                            source="SCB:s medborgarundersökning"),
                    ),
                    bullet=True,
                ),
            ),
        ),
        Goal(
            "Kommunfullmäktiges prioriterade mål", "KF-mål", "6",
            "Tidaholm ska ha en levande stadskärna med en positiv handelsutveckling",
            "assess_first", "Målet är ej uppnått", "Ej uppfyllt", prose=(0, 4),
            indicators=(
                IndicatorTable(
                    ("2015", "2016", "2017", "2018", "2019"),
                    (
                        Indicator("Försäljningsindex i dagligvaruhandeln", (
                            n("81", 81), n("83", 83), n("80", 80), n("79", 79),
                            miss("Aug. 2020"))),
                        Indicator("Omsättningsförändring i sällanköpshandeln", (
                            n("4 %", 4, "%"), n("- 3 %", -3, "%"), n("6%", 6, "%"),
                            n("2 %", 2, "%"), miss("Aug. 2020"))),
                    ),
                    header_source="Handeln i Sverige",
                    bullet=True,
                ),
            ),
        ),
        Goal(
            "Kommunfullmäktiges prioriterade mål", "KF-mål", "7",
            "Barn och unga ska ha inflytande över de verksamheter som rör dem",
            "inline", "Delvis uppfyllt", "Delvis uppfyllt", assess_form="sentence",
            prose=(6,),
            activities=(
                _act("Ungdomsråd", "Ett ungdomsråd med representanter från alla "
                     "högstadieskolor som träffar nämnden två gånger per termin",
                     "2019-05-31", "2019-05-31", "Fritidschef", "Genomfört", "Genomfört"),
                _act("Medborgardialog", "Dialog med unga om nya aktivitetsytan",
                     "Hösten 2019", "Hösten 2019", "Kommunikatör", "Ej påbörjad",
                     "Ej påbörjad"),
            ),
        ),
    ),
)

REPORTS = (REPORT_A, REPORT_B, REPORT_C, REPORT_D)
