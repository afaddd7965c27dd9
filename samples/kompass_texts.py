"""Swedish text material for the sample reports (all written for this project).

Sentences carry slots filled by kompass_prose.py: {k} municipality name ("Älmhult"),
{kg} its genitive ("Älmhults"), {doc}, {forv}, {forum}, {net}, {act}, {prev}, {year}, {topic}.
"""

from __future__ import annotations

FORVALTNINGAR = [
    "socialförvaltningen",
    "barn- och utbildningsförvaltningen",
    "samhällsbyggnadsförvaltningen",
    "kultur- och fritidsförvaltningen",
    "vård- och omsorgsförvaltningen",
    "tekniska förvaltningen",
    "kommunledningskontoret",
    "miljö- och byggförvaltningen",
]
FORUM = [
    "kommunledningsgruppen",
    "kommunstyrelsens arbetsutskott",
    "förvaltningschefsgruppen",
    "presidieöverläggningarna",
    "det gemensamma chefsforumet",
    "samverkansgruppen",
]
NETWORKS = [
    "Kommunens Kvalitet i Korthet",
    "ett regionalt nätverk för kvalitetsarbete",
    "SKR:s nätverk för Kommunkompassen",
    "ett samarbete med grannkommunerna i länet",
    "ett nätverk för kommunala controllers",
]
ACTIVITIES = [
    "följer upp avvikelser varje månad",
    "återkopplar resultat till medarbetarna på arbetsplatsträffar",
    "använder brukarnas synpunkter när verksamheten planeras",
    "arbetar med förbättringstavlor",
    "gör egna jämförelser med liknande kommuner",
    "låter medarbetare pröva nya arbetssätt i små steg",
]

INTRO_WHAT = [
    "Kommunkompassen är ett analysverktyg som belyser hur en kommun styrs och leds sett ur "
    "kommunfullmäktiges perspektiv. Verktyget mäter inte kvaliteten i enskilda verksamheter utan "
    "hur organisationen som helhet arbetar med ledning, uppföljning och utveckling.",
    "Verktyget har sitt ursprung i ett nordiskt samarbete under 1990-talet och har använts av "
    "{org} sedan början av 2000-talet. Det har reviderats vid flera tillfällen, bland annat "
    "{revs}, för att fånga nya krav på offentlig sektor.",
    "En utvärdering bygger på tre källor: intervjuer med förtroendevalda, chefer, medarbetare och "
    "fackliga företrädare, kommunens styrdokument samt den information som kommunen ger på sin "
    "webbplats och i sociala kanaler.",
    "Resultatet redovisas dels som poäng, dels som en beskrivning av styrkor och "
    "förbättringsområden. Varje område kan ge högst 100 poäng och hela utvärderingen högst 800 "
    "poäng. Poängen ska läsas som en indikation på var kommunen står, inte som ett betyg.",
    "Många kommuner återkommer efter några år för en ny utvärdering för att se om de insatser som "
    "gjorts har gett effekt. Jämförelser över tid bör göras med viss försiktighet eftersom "
    "frågorna och poängfördelningen har ändrats mellan revideringarna.",
]

METHOD = [
    "Utvärderingsteamet bestod av två personer, en från SKR och en från en annan kommun. Inför "
    "intervjuerna studerades budget, årsredovisning, styrdokument och ett urval av protokoll.",
    "Intervjuerna genomfördes under två dagar på plats i kommunhuset och kompletterades med ett "
    "par digitala samtal. Sammanlagt deltog ett trettiotal personer.",
    "Bland de intervjuade fanns kommunstyrelsens ordförande, oppositionsråd, nämndordförande, "
    "kommundirektör, förvaltningschefer, enhetschefer, medarbetare och fackliga företrädare.",
    "Utvärderarna har efter intervjuerna gjort en gemensam bedömning per delområde. Bedömningen "
    "har stämts av mot underlagen och i förekommande fall kompletterats med uppgifter från "
    "kommunens webbplats.",
    "Rapporten har lämnats till kommunen för faktagranskning innan den fastställdes. "
    "Synpunkterna har gällt sakuppgifter och har inte påverkat poängsättningen.",
]

# Per theme: intro sentences (area background), documents, observations, strengths,
# improvements and closing summary sentences.
THEMES: dict[str, dict[str, list[str]]] = {
    "demokrati": {
        "intro": [
            "En kommun är en politiskt styrd organisation, och invånarnas förtroende för de "
            "demokratiska processerna är en grund för allt annat arbete.",
            "Området handlar om hur kommunen informerar om beslut och resultat, hur invånarna kan "
            "göra sina röster hörda och hur de förtroendevalda får stöd i sitt uppdrag.",
            "Partiernas egna aktiviteter ligger utanför det som utvärderas; fokus ligger på vad "
            "kommunorganisationen gör för att underlätta insyn och delaktighet.",
            "Öppenhet kring ekonomi, beslut och resultat gör det möjligt för invånarna att bilda "
            "sig en uppfattning om hur skattepengarna används.",
        ],
        "docs": [
            "kommunikationspolicyn",
            "riktlinjerna för medborgardialog",
            "arbetsordningen för kommunfullmäktige",
            "policyn mot mutor och jäv",
        ],
        "obs": [
            "Fullmäktiges sammanträden sänds på webben och kan ses i efterhand, och handlingarna "
            "finns tillgängliga i god tid före mötena.",
            "{k} har en tydlig sida på webbplatsen där invånarna kan läsa om hur de kan påverka.",
            "E-förslag har ersatt de traditionella medborgarförslagen och ett tjugotal förslag "
            "kommer in varje år.",
            "Information om resultat finns främst i årsredovisningen, som är svår att ta till sig "
            "för den som inte är van vid kommunala dokument.",
            "Kontaktuppgifter till de förtroendevalda finns samlade på webben, vilket gör det lätt "
            "att nå politiken.",
            "Medborgardialoger har genomförts i samband med översiktsplanen och inför "
            "förändringar i skolstrukturen.",
            "Det saknas en samlad rutin för hur synpunkter från dialogerna återkopplas till de "
            "invånare som deltagit.",
            "Nyvalda förtroendevalda erbjuds en introduktion, men utbildningsinsatserna under "
            "mandatperioden varierar mellan nämnderna.",
            "Frågor om hot och hat mot förtroendevalda har lyfts i kommunstyrelsen och en "
            "handlingsplan är under framtagande.",
        ],
        "strengths": [
            "Webbsändningar av fullmäktige med sökbara ärenden",
            "Tydlig information om hur invånarna kan påverka",
            "Regelbundna medborgardialoger i planfrågor",
            "Lättillgängliga kontaktuppgifter till förtroendevalda",
            "Aktiv närvaro i sociala medier med snabb återkoppling",
            "Introduktionsprogram för nya förtroendevalda",
        ],
        "improvements": [
            "Redovisa verksamheternas resultat på ett sätt som invånarna kan förstå",
            "Återkoppla resultatet av medborgardialoger till deltagarna",
            "Ta fram en samlad strategi för demokratiutveckling",
            "Tydliggör rutinerna för att anmäla misstänkta oegentligheter",
            "Erbjud fortbildning för förtroendevalda under hela mandatperioden",
            "Jämför kommunens resultat med andra kommuner i den externa informationen",
        ],
        "summary": [
            "Sammantaget finns en stor öppenhet och vilja att involvera invånarna.",
            "Utmaningen ligger i att skapa systematik och uthållighet i dialogarbetet.",
            "Informationen om vad invånarna får för sina skattepengar kan bli tydligare.",
        ],
    },
    "brukare": {
        "intro": [
            "Med brukarfokus menas att verksamheterna utformas utifrån de behov som invånare och "
            "brukare har, och att brukarna ges möjlighet att påverka tjänsternas innehåll.",
            "Tillgänglighet handlar både om fysisk tillgänglighet och om hur lätt det är att "
            "komma i kontakt med kommunen via telefon, e-post och digitala tjänster.",
            "Ett gott bemötande och tydliga löften om vad brukaren kan förvänta sig skapar "
            "förtroende för den kommunala servicen.",
        ],
        "docs": [
            "servicepolicyn",
            "riktlinjerna för synpunktshantering",
            "den kommungemensamma värdegrunden",
            "planen för e-tjänster",
        ],
        "obs": [
            "Ett kontaktcenter tar emot en stor del av samtalen och löser många ärenden direkt.",
            "Synpunkter och klagomål kan lämnas via webben, men sammanställningen av dem görs "
            "olika i förvaltningarna.",
            "Brukarundersökningar genomförs regelbundet inom skola och äldreomsorg, medan övriga "
            "verksamheter främst förlitar sig på nationella mätningar.",
            "{k} har ett tiotal e-tjänster och fler är på väg, bland annat för bygglov och "
            "ansökan om förskoleplats.",
            "Servicedeklarationer har tagits fram för några verksamheter men följs inte upp "
            "systematiskt.",
            "Medarbetare i flera verksamheter har gått utbildning i bemötande och klarspråk.",
            "Brukarråd finns inom omsorgen och uppskattas av både brukare och personal.",
            "Informationen om kommunens tjänster är omfattande men kan vara svår att hitta för en "
            "förstagångsbesökare på webbplatsen.",
        ],
        "strengths": [
            "Kontaktcenter som löser många ärenden vid första kontakten",
            "Utbildning i bemötande för medarbetare",
            "Brukarråd inom vård och omsorg",
            "Växande utbud av e-tjänster",
            "Regelbundna brukarundersökningar inom skolan",
        ],
        "improvements": [
            "Sammanställ synpunkter och klagomål centralt och använd dem i utvecklingsarbetet",
            "Inför servicelöften i fler verksamheter och följ upp dem",
            "Gör webbplatsen enklare att navigera för nya invånare",
            "Återkoppla resultaten av brukarundersökningar till brukarna",
            "Ta fram en kommungemensam strategi för brukarens fokus",
        ],
        "summary": [
            "Bemötandet beskrivs genomgående som gott av de intervjuade.",
            "Kommunen har potential att i högre grad låta brukarnas synpunkter styra utvecklingen.",
        ],
    },
    "styrning": {
        "intro": [
            "Ett fungerande styrsystem säkerställer att politiska beslut omsätts i praktisk "
            "verksamhet och att de förtroendevalda kan följa upp vad resurserna leder till.",
            "Området omfattar målstyrning, rapportering, ansvarsfördelning och samspelet mellan "
            "förtroendevalda och tjänstepersoner.",
            "Tydliga roller och ett tillitsfullt samspel gör det lättare för både politik och "
            "förvaltning att fokusera på resultat för invånarna.",
        ],
        "docs": [
            "styrmodellen",
            "reglementet för intern kontroll",
            "delegationsordningen",
            "ägardirektiven för de kommunala bolagen",
        ],
        "obs": [
            "Kommunfullmäktige har beslutat om ett fåtal övergripande mål som bryts ned i "
            "nämndernas verksamhetsplaner.",
            "Målen är kända bland cheferna, men kopplingen till det dagliga arbetet är svagare "
            "längre ut i organisationen.",
            "Uppföljning sker i delårsrapport och årsredovisning samt i månadsrapporter med fokus "
            "på ekonomi.",
            "Ekonomi och verksamhet följs upp i delvis skilda processer, vilket försvårar analysen "
            "av vad resurserna ger för resultat.",
            "Delegationsordningen är uppdaterad och väl känd bland cheferna.",
            "Samspelet mellan förtroendevalda och tjänstepersoner beskrivs som förtroendefullt, "
            "med korta vägar och en öppen dialog.",
            "Internkontrollplaner finns i samtliga nämnder och granskas av revisionen.",
            "De kommunala bolagen har ägardirektiv, men dialogen mellan ägare och bolag kan "
            "utvecklas.",
        ],
        "strengths": [
            "Få och tydliga fullmäktigemål",
            "Uppdaterad delegationsordning",
            "Förtroendefullt samspel mellan politik och förvaltning",
            "Regelbunden rapportering till nämnderna",
            "Gemensamt digitalt stöd för planering och uppföljning",
        ],
        "improvements": [
            "Integrera ekonomi och verksamhet tydligare i uppföljningen",
            "Utveckla analysen av resultat och inte bara redovisningen",
            "Tydliggör hur fullmäktiges mål påverkar det dagliga arbetet",
            "Stärk ägardialogen med de kommunala bolagen",
            "Säkerställ att internkontrollen kopplas till verksamhetens risker",
        ],
        "summary": [
            "Styrmodellen är etablerad och förfinas successivt.",
            "Nästa steg är att flytta fokus från rapportering till analys och lärande.",
        ],
    },
    "ledarskap": {
        "intro": [
            "Chefer och ledare har en nyckelroll i att omsätta politiska beslut i verksamhet och i "
            "att skapa förutsättningar för engagerade medarbetare.",
            "Området belyser hur kommunen tydliggör chefernas uppdrag, hur ledningen kommunicerar "
            "och hur ledarskap och medarbetarskap utvecklas.",
            "Ett gott medarbetarskap förutsätter att medarbetarna känner till mål och värdegrund "
            "och ges möjlighet att ta ansvar.",
        ],
        "docs": [
            "ledarpolicyn",
            "chefshandboken",
            "medarbetarpolicyn",
            "riktlinjerna för intern kommunikation",
        ],
        "obs": [
            "Alla chefer har skriftliga uppdragsbeskrivningar som följs upp i de årliga "
            "medarbetarsamtalen.",
            "Ett chefsforum samlar samtliga chefer fyra gånger per år kring gemensamma frågor.",
            "Kommundirektören träffar förvaltningscheferna varje vecka, och informationen förs "
            "vidare i linjen.",
            "Ett internt ledarutvecklingsprogram har genomförts i flera omgångar och får gott "
            "betyg av deltagarna.",
            "Vissa enhetschefer har ett mycket stort antal medarbetare, vilket begränsar "
            "möjligheten till närvarande ledarskap.",
            "Intranätet är den viktigaste kanalen för intern information men upplevs av en del "
            "som svårnavigerat.",
            "Samarbete över förvaltningsgränserna sker främst i projekt och beror mycket på "
            "enskilda chefers engagemang.",
            "Resultatenheterna har ett tydligt ansvar för budget och personal, men mindre "
            "inflytande över lokaler och organisation.",
        ],
        "strengths": [
            "Skriftliga uppdragsbeskrivningar för alla chefer",
            "Uppskattat internt ledarutvecklingsprogram",
            "Regelbundet chefsforum",
            "Tät kontakt mellan kommundirektör och förvaltningschefer",
        ],
        "improvements": [
            "Se över antalet medarbetare per chef",
            "Utveckla intranätet som kanal för intern kommunikation",
            "Skapa strukturer för samarbete över förvaltningsgränserna",
            "Följ upp ledarskapet systematiskt, till exempel i medarbetarundersökningen",
            "Ta fram en strategi för medarbetarskap",
        ],
        "summary": [
            "Ledarskapet präglas av engagemang och en god sammanhållning i ledningen.",
            "Förutsättningarna för cheferna i de största verksamheterna behöver ses över.",
        ],
    },
    "effektivitet": {
        "intro": [
            "Med effektivitet avses förhållandet mellan de resurser som används och de resultat "
            "som uppnås för invånarna.",
            "En växande andel äldre och yngre invånare ökar efterfrågan på välfärd samtidigt som "
            "finansieringen blir svårare, vilket ställer krav på nya arbetssätt.",
            "Jämförelser med andra kommuner och samverkan över kommungränser är viktiga verktyg "
            "för att hitta förbättringsmöjligheter.",
        ],
        "docs": [
            "digitaliseringsstrategin",
            "den ekonomiska flerårsplanen",
            "lokalförsörjningsplanen",
            "riktlinjerna för god ekonomisk hushållning",
        ],
        "obs": [
            "Kommunen jämför regelbundet sina kostnader och resultat med liknande kommuner, "
            "främst inom skola och äldreomsorg.",
            "Kostnad per brukare redovisas i årsredovisningen men används sällan i budgetdialogen.",
            "Ett digitaliseringsråd prioriterar utvecklingsinsatser och följer upp nyttan av dem.",
            "Flera verksamheter har infört digitala lösningar, till exempel nattillsyn med kamera "
            "och digitala signeringar.",
            "Samverkan med grannkommunerna sker inom bland annat räddningstjänst, IT och "
            "upphandling.",
            "En långsiktig planering för lokaler och investeringar har tagits fram och revideras "
            "årligen.",
            "Det finns en innovationspott där medarbetare kan söka medel för att pröva nya idéer.",
        ],
        "strengths": [
            "Systematiska kostnadsjämförelser inom skola och omsorg",
            "Digitaliseringsråd med tydligt mandat",
            "Väl utbyggd samverkan med grannkommunerna",
            "Innovationspott för medarbetarnas idéer",
        ],
        "improvements": [
            "Använd jämförelserna aktivt i budgetprocessen",
            "Koppla samman kostnader och kvalitet i analysen",
            "Ta fram en samlad strategi för effektivitet",
            "Följ upp nyttan av genomförda digitaliseringsprojekt",
        ],
        "summary": [
            "Kommunen har många goda initiativ som kan samlas i en tydligare helhet.",
            "Kopplingen mellan resurser och resultat bör stärkas i styrningen.",
        ],
    },
    "arbetsgivare": {
        "intro": [
            "Kommunen är ofta den största arbetsgivaren på orten, och förmågan att rekrytera och "
            "behålla medarbetare avgör i hög grad kvaliteten i välfärden.",
            "Området belyser personalpolitiken, kompetensförsörjningen, arbetsmiljön samt arbetet "
            "med jämställdhet och mångfald.",
            "Ett hållbart arbetsliv förutsätter rimliga arbetsvillkor, möjligheter till utveckling "
            "och ett systematiskt arbetsmiljöarbete.",
        ],
        "docs": [
            "personalpolicyn",
            "kompetensförsörjningsplanen",
            "lönepolicyn",
            "planen för lika rättigheter och möjligheter",
        ],
        "obs": [
            "En kompetensförsörjningsplan har tagits fram och pekar ut de yrkesgrupper där "
            "rekryteringsbehovet är störst.",
            "Heltid som norm har införts inom vård och omsorg och följs upp årligen.",
            "Sjukfrånvaron har minskat något de senaste åren men är fortfarande hög inom delar "
            "av omsorgen.",
            "Medarbetarundersökningen genomförs vartannat år och resultaten diskuteras på "
            "arbetsplatsträffar.",
            "Lönekriterier finns och används i lönesamtalen, men medarbetarna känner inte alltid "
            "till hur de tillämpas.",
            "Introduktionen av nya medarbetare sker på förvaltningsnivå och varierar i omfattning.",
            "Feriearbeten och praktikplatser används för att marknadsföra kommunen som "
            "arbetsgivare.",
            "Kommunen samarbetar med gymnasieskolan och vuxenutbildningen kring utbildningar inom "
            "bristyrken.",
        ],
        "strengths": [
            "Tydlig kompetensförsörjningsplan",
            "Heltid som norm inom vård och omsorg",
            "Samarbete med utbildningsanordnare kring bristyrken",
            "Regelbunden medarbetarundersökning",
        ],
        "improvements": [
            "Skapa en gemensam introduktion för nya medarbetare",
            "Fortsätt arbetet med att sänka sjukfrånvaron",
            "Tydliggör lönekriterierna för medarbetarna",
            "Följ upp jämställdhet och mångfald med mätbara mål",
        ],
        "summary": [
            "Kommunen har tagit flera viktiga steg för att trygga kompetensförsörjningen.",
            "Arbetsmiljön i de största verksamheterna behöver fortsatt uppmärksamhet.",
        ],
    },
    "kvalitet": {
        "intro": [
            "Ständiga förbättringar innebär att verksamheterna systematiskt lär av avvikelser, "
            "synpunkter och goda exempel för att utveckla tjänsterna.",
            "Området omfattar strategier, metoder och arbetssätt för kvalitetsutveckling samt hur "
            "kommunen tar tillvara medarbetarnas idéer.",
            "Lärande mellan verksamheter och från andra organisationer är en viktig del av "
            "kvalitetsarbetet.",
        ],
        "docs": [
            "kvalitetspolicyn",
            "ledningssystemet för systematiskt kvalitetsarbete",
            "rutinen för avvikelsehantering",
            "innovationsstrategin",
        ],
        "obs": [
            "Inom vård och omsorg finns ett ledningssystem för kvalitet med rutiner för "
            "avvikelsehantering.",
            "Övriga verksamheter saknar i stor utsträckning gemensamma metoder för "
            "förbättringsarbete.",
            "Förbättringstavlor används på ett antal arbetsplatser och har gett synliga resultat.",
            "Goda exempel sprids främst genom personliga kontakter och i mindre grad genom "
            "gemensamma forum.",
            "Kommunen deltar i flera nätverk och tar emot studiebesök från andra kommuner.",
            "Avvikelser sammanställs och rapporteras till nämnden två gånger per år.",
            "Det finns ingen kommungemensam strategi för kvalitetsutveckling, men frågan "
            "diskuteras i ledningsgruppen.",
        ],
        "strengths": [
            "Ledningssystem för kvalitet inom vård och omsorg",
            "Förbättringstavlor på flera arbetsplatser",
            "Aktivt deltagande i nätverk",
            "Sammanställning av avvikelser till nämnden",
        ],
        "improvements": [
            "Ta fram en kommungemensam strategi för kvalitetsutveckling",
            "Skapa forum för att sprida goda exempel mellan verksamheterna",
            "Inför gemensamma metoder för förbättringsarbete",
            "Uppmärksamma och belöna goda förbättringsinitiativ",
        ],
        "summary": [
            "Förbättringsarbetet är väl utvecklat i delar av organisationen.",
            "Ett gemensamt ramverk skulle göra det lättare att lära mellan verksamheterna.",
        ],
    },
    "samhalle": {
        "intro": [
            "Kommunen har en viktig roll som samhällsbyggare, både genom den fysiska planeringen "
            "och genom samarbetet med näringsliv, föreningsliv och kulturliv.",
            "Hållbar utveckling omfattar sociala, ekologiska och ekonomiska perspektiv och kräver "
            "samverkan över förvaltnings- och organisationsgränser.",
            "Attraktivitet, trygghet och en god livsmiljö är centrala för att behålla och locka "
            "invånare och företag.",
        ],
        "docs": ["översiktsplanen", "miljöprogrammet", "näringslivsstrategin", "folkhälsoplanen"],
        "obs": [
            "Översiktsplanen är nyligen antagen och har tagits fram med omfattande dialog.",
            "Kommunen har kopplat fullmäktiges mål till de globala hållbarhetsmålen i Agenda 2030.",
            "Ett folkhälsoråd samordnar det förebyggande arbetet tillsammans med regionen och "
            "polisen.",
            "Näringslivsfrågorna har en tydlig plats i kommunledningen och företagsklimatet har "
            "förbättrats enligt de senaste mätningarna.",
            "Föreningslivet får stöd genom bidrag, lokaler och en särskild kontaktperson.",
            "Biblioteken fungerar som mötesplatser och erbjuder ett brett kulturprogram för barn "
            "och unga.",
            "Kommunens egna utsläpp av växthusgaser följs upp årligen och en plan för "
            "klimatanpassning finns.",
            "Trygghetsvandringar genomförs tillsammans med polis och fastighetsägare.",
        ],
        "strengths": [
            "Nyligen antagen översiktsplan med bred förankring",
            "Aktivt näringslivsarbete med tydlig politisk prioritering",
            "Välfungerande stöd till föreningslivet",
            "Folkhälsoråd med bred samverkan",
            "Årlig uppföljning av klimatpåverkan",
        ],
        "improvements": [
            "Samla styrdokumenten för hållbar utveckling i ett program",
            "Samordna uppföljningen av social och ekologisk hållbarhet",
            "Förankra hållbarhetsmålen i linjeorganisationen",
            "Utveckla samarbetet med kulturlivet utanför centralorten",
        ],
        "summary": [
            "Området hör till kommunens starkare, med flera exempel som kan inspirera andra.",
            "Ett sammanhållet hållbarhetsprogram skulle underlätta prioritering och uppföljning.",
        ],
    },
}

# Generic sentences used when writing about a sub-area ({topic} is its heading, lower-cased).
GENERIC = [
    "När det gäller {topic} utgår arbetet i {k} från {doc}, som antogs av fullmäktige {year}.",
    "Av intervjuerna framgår att {doc} är väl känd bland cheferna men mindre känd bland "
    "medarbetarna.",
    "Utvärderarna har tagit del av {doc} och konstaterar att dokumentet ger en tydlig riktning "
    "men saknar mått som gör det möjligt att följa upp arbetet.",
    "Flera intervjuade lyfter fram {forv} som den verksamhet som kommit längst i frågor om "
    "{topic}.",
    "Det saknas i dag en samlad bild av hur arbetet med {topic} följs upp och rapporteras till "
    "politiken.",
    "Ett förbättringsområde är att knyta {topic} tydligare till budget och verksamhetsplan.",
    "Arbetet bedrivs i hög grad på förvaltningsnivå, vilket ger variation mellan verksamheterna.",
    "Frågan diskuteras regelbundet i {forum}, som också följer upp beslutade åtgärder.",
    "Flera av de intervjuade efterfrågar en tydligare samordning från kommunledningskontoret.",
    "{k} deltar i {net} och använder det för att hämta inspiration och jämföra sig med andra.",
    "Enligt de intervjuade har arbetet fått ett nytt fokus under den senaste mandatperioden.",
    "Utvärderarnas bedömning är att {k} har goda förutsättningar att utveckla arbetet vidare, "
    "inte minst tack vare korta beslutsvägar.",
    "Samtidigt finns skillnader i hur centrala riktlinjer tolkas ute i verksamheterna.",
    "Ett gott exempel finns inom {forv}, där man {act}.",
    "De förtroendevalda uttrycker ett stort intresse för frågan men efterfrågar bättre underlag.",
    "Rutinerna är dokumenterade, men det är oklart i vilken utsträckning de följs i praktiken.",
    "Kommunen har under året påbörjat en översyn som väntas bli klar under nästa år.",
    "I jämförelse med andra kommuner av liknande storlek ligger {k} väl till inom detta område.",
    "Utvärderarna vill uppmuntra kommunen att fortsätta på den inslagna vägen.",
    "Det finns en medvetenhet om utmaningarna, och flera åtgärder är redan planerade.",
]

PREVIOUS = [
    "Vid den förra utvärderingen {prev} lyftes liknande iakttagelser, och sedan dess har "
    "kommunen tagit flera steg framåt.",
    "Jämfört med utvärderingen {prev} har poängen inom området förändrats, vilket till stor del "
    "förklaras av ett mer systematiskt arbetssätt.",
    "Redan {prev} pekade utvärderarna på behovet av en samlad strategi inom området.",
]

# Extra material for the long report: observations from the förvaltningar.
FORV_TEXT = [
    "Inom {forv} har ledningsgruppen under de senaste åren arbetat med att tydliggöra "
    "uppdraget för varje enhet.",
    "Personalen inom {forv} beskriver en hög arbetsbelastning men också en stark "
    "sammanhållning i arbetsgrupperna.",
    "{forv_cap} redovisar sina resultat till nämnden varje kvartal med en kort analys av "
    "avvikelserna.",
    "Samarbetet mellan {forv} och andra förvaltningar fungerar bäst där det finns "
    "gemensamma mål och en utsedd samordnare.",
    "Flera chefer inom {forv} har gått kommunens ledarutvecklingsprogram och vittnar om "
    "att det gett dem nya verktyg.",
    "Lokalfrågorna är en återkommande utmaning för {forv}, särskilt i de mindre orterna.",
    "{forv_cap} har påbörjat ett arbete med digitala verktyg för planering och dokumentation.",
    "Brukarnas synpunkter tas om hand i {forv} enligt en rutin som reviderades {year}.",
    "Medarbetarna inom {forv} känner väl till kommunens värdegrund och uppger att den "
    "används i det dagliga arbetet.",
    "Budgetföljsamheten i {forv} har förbättrats sedan en ny modell för resursfördelning "
    "infördes {year}.",
]
