"""Swedish material for the handlingsplan samples: goals, activities, comments and follow-up
texts, all written for this project. Perspective names, column names, statuses and the 1–4
scale are facts of the report family (see ../shared/reference/)."""

from __future__ import annotations

# Shape (a): perspective → goals (short goal, description, activities as (text, comment)).
PERSPECTIVES: dict[str, list[tuple[str, str, list[tuple[str, str]]]]] = {
    "Samhälle": [
        (
            "Hållbar samhällsutveckling",
            "Planeringen ger utrymme för nya bostäder, företag och en levande landsbygd.",
            [
                (
                    "Ta fram ett planprogram för det nya bostadsområdet vid stationen.",
                    "Samråd hölls i mars.",
                ),
                ("Ajourhålla markreserven och redovisa den två gånger per år.", ""),
                (
                    "Delta i det regionala arbetet med en gemensam bredbandsstrategi.",
                    "Strategin antas under hösten.",
                ),
                (
                    "Utreda behovet av pendlarparkering i tätorterna.",
                    "Inventering av befintliga platser klar.",
                ),
            ],
        ),
        (
            "Trygg och tillgänglig kommun",
            "Invånare och besökare kan röra sig tryggt i offentliga miljöer under dygnets alla timmar.",
            [
                (
                    "Byta ut gatubelysningen längs skolvägarna till LED.",
                    "Två av fem sträckor är klara.",
                ),
                (
                    "Genomföra trygghetsvandringar tillsammans med polisen och föreningslivet.",
                    "Tre vandringar genomförda.",
                ),
                (
                    "Åtgärda de brister i tillgänglighet som inventeringen visade.",
                    "Ramper vid biblioteket och sporthallen är byggda.",
                ),
            ],
        ),
        (
            "Attraktiva offentliga miljöer",
            "Parker, lekplatser och stråk är välskötta och inbjuder till möten och rörelse.",
            [
                ("Rusta upp lekplatsen i centralparken.", "Upphandlingen överklagades."),
                ("Anlägga ett nytt promenadstråk längs ån.", ""),
                (
                    "Ta fram en skötselplan för kommunens grönytor.",
                    "Arbetet har startat med en inventering.",
                ),
            ],
        ),
    ],
    "Medborgare": [
        (
            "Delaktiga invånare",
            "Invånarna har goda möjligheter att påverka och få insyn i nämndens arbete.",
            [
                (
                    "Införa medborgardialog inför varje större ombyggnad av gator och torg.",
                    "Metodstöd finns på intranätet.",
                ),
                ("Publicera nämndens protokoll på webben senast en vecka efter sammanträdet.", ""),
                (
                    "Genomföra en enkät om hur invånarna vill få information.",
                    "Svarsfrekvensen blev 41 procent.",
                ),
            ],
        ),
        (
            "God service och bemötande",
            "Den som kontaktar förvaltningen får ett snabbt, korrekt och vänligt svar.",
            [
                (
                    "Mäta svarstider i telefon och e-post varje kvartal.",
                    "Mätningen visar förbättrade svarstider.",
                ),
                (
                    "Utbilda all personal med kundkontakt i bemötande.",
                    "Två utbildningstillfällen återstår.",
                ),
                (
                    "Ta fram gemensamma riktlinjer för återkoppling till den som lämnat en synpunkt.",
                    "",
                ),
                (
                    "Följa upp kundnöjdheten med en kort enkät efter avslutat ärende.",
                    "Enkäten skickas ut automatiskt.",
                ),
            ],
        ),
        (
            "Fler digitala tjänster",
            "Fler ärenden kan skötas digitalt, när det passar den enskilde.",
            [
                ("Införa e-tjänst för ansökan om bygglov.", "E-tjänsten lanserades i februari."),
                (
                    "Digitalisera blanketterna för felanmälan.",
                    "Kopplas till det nya ärendesystemet.",
                ),
                ("Erbjuda digital signering av avtal.", "Väntar på beslut om gemensam lösning."),
            ],
        ),
    ],
    "Ekonomi": [
        (
            "Effektiv resursanvändning",
            "Verksamhetens resurser används där de gör störst nytta för invånarna.",
            [
                (
                    "Jämföra nyckeltal med liknande kommuner och analysera skillnaderna.",
                    "Rapport till nämnden i oktober.",
                ),
                ("Samordna upphandlingen av fordon med grannkommunerna.", ""),
                (
                    "Se över lokalbehovet och avveckla lokaler som inte används.",
                    "Två lokaler är uppsagda.",
                ),
            ],
        ),
        (
            "God ekonomisk kontroll",
            "Nämnden bedriver verksamheten inom tilldelad budgetram och har en säker prognos.",
            [
                (
                    "Månatlig uppföljning av budget och prognos i ledningsgruppen.",
                    "Prognosen visar ett mindre underskott.",
                ),
                ("Utbilda budgetansvariga chefer i det nya ekonomisystemet.", ""),
                (
                    "Ta fram en åtgärdsplan för verksamheter med negativ avvikelse.",
                    "Planen beslutades i juni.",
                ),
            ],
        ),
    ],
    "Verksamhet": [
        (
            "Klimatsmart verksamhet",
            "Förvaltningens resor, transporter och lokaler ger så små utsläpp som möjligt.",
            [
                (
                    "Ersätta fossildrivna bilar med el- eller biogasbilar när leasingavtalen löper ut.",
                    "Sex bilar är utbytta.",
                ),
                ("Ta fram en plan för att minska användningen av kemikalier i verksamheten.", ""),
                (
                    "Införa resfria möten som förstahandsval för interna möten.",
                    "Tekniken finns i alla konferensrum.",
                ),
            ],
        ),
        (
            "Systematiskt kvalitetsarbete",
            "Resultat följs upp och analyseras så att verksamheten förbättras löpande.",
            [
                (
                    "Införa ett ledningssystem för kvalitet med tydliga processer.",
                    "Processkartläggningen pågår.",
                ),
                ("Genomföra egenkontroller enligt fastställd plan.", ""),
                (
                    "Redovisa avvikelser och åtgärder till nämnden varje tertial.",
                    "Redovisning sker i samband med tertialrapporten.",
                ),
                (
                    "Införa arbetssättet ständiga förbättringar i samtliga arbetslag.",
                    "Fyra arbetslag har startat.",
                ),
            ],
        ),
        (
            "Effektiva arbetsprocesser",
            "Administrationen är enkel, digital och fri från dubbelarbete.",
            [
                ("Kartlägga och förenkla ärendeprocessen för tillstånd.", ""),
                (
                    "Införa digital attest av fakturor i hela förvaltningen.",
                    "Införd i alla enheter utom en.",
                ),
            ],
        ),
    ],
    "Medarbetare": [
        (
            "Hälsosamma arbetsplatser",
            "Varje medarbetare trivs, känner delaktighet och har möjlighet att utvecklas i sitt arbete.",
            [
                (
                    "Erbjuda heltid till alla som önskar det.",
                    "Fler tjänster har gjorts om till heltid.",
                ),
                ("Genomföra riskbedömning av den psykosociala arbetsmiljön i varje enhet.", ""),
                (
                    "Följa upp sjukfrånvaron månadsvis och sätta in tidiga insatser.",
                    "Korttidsfrånvaron har minskat.",
                ),
                ("Införa friskvårdstimme för alla medarbetare.", "Tas upp i samverkan i höst."),
            ],
        ),
        (
            "Tydligt och nära ledarskap",
            "Cheferna leder verksamheten mot målen med mod, närvaro och respekt för medarbetarna.",
            [
                (
                    "Starta ett ledarutvecklingsprogram för första linjens chefer.",
                    "Första omgången avslutad.",
                ),
                ("Ta fram en gemensam introduktion för nya chefer.", ""),
                (
                    "Minska antalet medarbetare per chef i de största enheterna.",
                    "Två nya enhetschefer anställda.",
                ),
            ],
        ),
        (
            "Trygg kompetensförsörjning",
            "Förvaltningen kan rekrytera och behålla medarbetare med rätt kompetens, också inom svårrekryterade yrken.",
            [
                (
                    "Utveckla och kvalitetssäkra rekryteringsprocessen.",
                    "Ny mall för kravprofil används.",
                ),
                (
                    "Erbjuda praktikplatser och sommarjobb till gymnasieelever.",
                    "Tolv platser erbjöds.",
                ),
                ("Öka andelen tillsvidareanställda och minska antalet timanställda.", ""),
            ],
        ),
    ],
}

# Shape (a): statuses as printed → the vocabulary term ("" when not in it).
STATUS_TERMS = {
    "Genomfört": "Genomfört",
    "Genomförd": "Genomfört",
    "Klar": "Genomfört",
    "Pågående": "Pågående",
    "Pågår": "Pågående",
    "Kvarstår": "Kvarstår",
    "Påbörjad": "Påbörjad",
    "Ej påbörjad": "Ej påbörjad",
    "Uppfyllt": "Uppfyllt",
    "Delvis uppfyllt": "Delvis uppfyllt",
}

# Shape (b): verksamhetsmål → rows (önskvärt resultat, planering, analys, måluppfyllelse,
# nya insatser).
AIMS: dict[str, list[tuple[str, str, str, int, str]]] = {
    "Invånarna har goda möjligheter till dialog och inflytande över kommunens utveckling": [
        (
            "Webbplatsen och sociala medier används aktivt för dialog",
            "Vi har tagit fram en kanalplan och utsett redaktörer i varje verksamhet. Inläggen planeras i en gemensam kalender.",
            "Räckvidden på sociala medier har ökat, men frågor från invånare besvaras fortfarande för långsamt. Orsaken är att ansvaret för att svara inte är tydligt fördelat.",
            3,
            "Fördela ansvaret för att besvara frågor och följa upp svarstiden varje månad.",
        ),
        (
            "Alla förtroendevalda använder den digitala mötesplattformen",
            "Utbildning har erbjudits individuellt och i grupp, och en manual finns på intranätet.",
            "Nästan alla använder plattformen. De som inte gör det har främst saknat utrustning, vilket nu är löst.",
            4,
            "Fortsätter som löpande arbete med introduktion för nya ledamöter.",
        ),
        (
            "Kortversioner av budget och årsredovisning finns för alla invånare",
            "En kortversion av årsredovisningen har tagits fram och spridits via webben och medborgarkontoret.",
            "Kortversionen blev uppskattad men nådde få unga. Vi behöver andra kanaler för att nå dem.",
            2,
            "Pröva korta filmer och samarbete med skolorna.",
        ),
        (
            "Fler invånare deltar i samråd om detaljplaner",
            "Samråden har kompletterats med öppna hus och en digital karta där synpunkter kan lämnas.",
            "Antalet synpunkter ökade, särskilt via kartan. Deltagandet vid öppna hus var lågt på vardagskvällar.",
            3,
            "Pröva öppet hus på helger och i anslutning till biblioteket.",
        ),
    ],
    "Kommunen är ett föredöme i miljöarbetet och minskar sin klimatpåverkan": [
        (
            "Färre pappersblanketter och utskrifter",
            "Fler blanketter har gjorts digitala och utskrifter sker bara på begäran.",
            "Pappersförbrukningen har minskat med en femtedel. Vissa verksamheter saknar fortfarande digitala alternativ, och där ligger förbrukningen kvar på tidigare nivå.",
            3,
            "Inventera de blanketter som återstår och ta fram en tidplan.",
        ),
        (
            "Fler möten hålls på distans",
            "Utrustning för videomöten har installerats och en kort introduktion har hållits på arbetsplatsträffar.",
            "Distansmöten används mest internt. För möten med andra kommuner reser vi fortfarande, eftersom systemen inte fungerar ihop.",
            2,
            "Komma överens med grannkommunerna om en gemensam lösning.",
        ),
        (
            "Tjänsteresor görs med kollektivtrafik när det är möjligt",
            "Rutinen för tjänsteresor har förtydligats och presenterats på chefsmöte.",
            "Andelen resor med kollektivtrafik har inte ökat. Rutinen är känd men uppfattas som krånglig.",
            1,
            "Förenkla bokningen och införa ett gemensamt reskort.",
        ),
        (
            "Energianvändningen i förvaltningens lokaler minskar",
            "Belysningen i kontorshuset har bytts till närvarostyrd LED och ventilationen har injusterats.",
            "Elförbrukningen minskade med tolv procent jämfört med föregående år. Värmeförbrukningen är oförändrad.",
            3,
            "Se över styrningen av värmen under helger och lov.",
        ),
    ],
    "Kommunen är en attraktiv arbetsgivare med tydligt ledarskap och stolta medarbetare": [
        (
            "Kompetensförsörjningen är långsiktigt säkrad",
            "Vi har deltagit i mässor på högskolor och tagit fram en plan för arbetsgivarvarumärket.",
            "Rekryteringen har lyckats bättre inom flera svårrekryterade yrken. Personalomsättningen bland nyanställda är ändå hög under första året.",
            3,
            "Följa upp nyanställda efter sex månader och förbättra introduktionen.",
        ),
        (
            "Nya chefer får en god introduktion",
            "Ett introduktionsprogram har genomförts tillsammans med två grannkommuner.",
            "Deltagarna var nöjda med programmet. Det var svårt att hitta tid för alla träffar.",
            3,
            "Lägga träffarna under höstterminen och korta ned programmet.",
        ),
        (
            "Sjukfrånvaron är låg och arbetsmiljön god",
            "Riskbedömningar har gjorts på alla arbetsplatser och friskvårdsbidraget har höjts.",
            "Den korta sjukfrånvaron har minskat något. Den långa sjukfrånvaron är oförändrad och beror ofta på faktorer utanför arbetet.",
            2,
            "Samarbeta med företagshälsovården om tidiga insatser vid upprepad frånvaro.",
        ),
    ],
    "Verksamheten är effektiv och har hög kvalitet": [
        (
            "Lönespecifikationer skickas digitalt till alla medarbetare",
            "Informationen om digital brevlåda har spridits och medarbetare har fått hjälp att ansluta sig.",
            "Andelen digitala lönespecifikationer har ökat kraftigt. De som återstår saknar ofta e-legitimation.",
            3,
            "Erbjuda hjälp med e-legitimation på arbetsplatserna.",
        ),
        (
            "Den manuella hanteringen av löneavdrag är minimerad",
            "Vi har utrett möjligheten att använda en modul för snabbrapportering i det befintliga systemet.",
            "Modulen fungerar men kräver mer administration än väntat. Ett beslut om införande skjuts upp.",
            2,
            "Ta fram ett beslutsunderlag med kostnader och nytta.",
        ),
        (
            "Felanmälningar hanteras inom utlovad tid",
            "Ett nytt ärendesystem har införts och rutinerna för prioritering har setts över.",
            "Nio av tio ärenden hanteras inom utlovad tid. Förseningarna gäller främst ärenden som kräver upphandling.",
            4,
            "Fortsätta enligt plan.",
        ),
    ],
    "Kommunen är tillgänglig för alla": [
        (
            "Telefonin fungerar väl för den som ringer kommunen",
            "Växeln har fått ett nytt system med köinformation och möjlighet att bli uppringd.",
            "Andelen samtal som besvaras inom en minut har ökat. Under semesterperioden var svarstiderna för långa.",
            3,
            "Planera bemanningen i växeln bättre inför sommaren.",
        ),
        (
            "Medarbetarna känner till offentlighetsprincipen och reglerna om diarieföring",
            "Kansliet har hållit utbildningar för nyanställda och för ledningsgrupperna.",
            "Kunskapen har ökat, men fortfarande diarieförs inte alla handlingar i tid.",
            2,
            "Fortsatta utbildningar och en enkel lathund på intranätet.",
        ),
        (
            "Webbplatsen uppfyller kraven på digital tillgänglighet",
            "En extern granskning har gjorts och redaktörerna har utbildats i tillgängliga dokument.",
            "De flesta brister är åtgärdade. Äldre dokument i PDF-format uppfyller ännu inte kraven.",
            3,
            "Ersätta äldre dokument med webbsidor eller tillgängliga filer.",
        ),
    ],
}

UNITS = [
    "Serviceenheten",
    "Kansliet",
    "Personal- och ekonomienheten",
    "Löneenheten",
    "IT-enheten",
    "Medborgarkontoret",
    "Kommunikationsenheten",
]

# Prose around the grids.
INTRO_A = [
    "Uppföljningen visar hur långt nämnden har kommit med de aktiviteter som beslutades i "
    "verksamhetsplanen. Fokus ligger på om aktiviteterna är genomförda eller inte; hur de har "
    "påverkat resultaten redovisas i delårsrapporten.",
    "Varje perspektiv redovisas i en egen tabell. I tabellen anges nämndens mål, de aktiviteter "
    "som ska leda mot målet, när aktiviteten ska vara klar och hur långt arbetet har kommit.",
    "Nämnden har valt att fortsätta med samma perspektiv som tidigare år för att resultaten "
    "ska kunna jämföras över tid.",
]
CLOSING_A = [
    "Sammantaget är merparten av aktiviteterna genomförda eller pågående enligt plan. De "
    "aktiviteter som kvarstår följs upp särskilt i nästa rapport.",
    "Förvaltningen bedömer att flertalet aktiviteter kommer att vara genomförda vid årets slut.",
]
PERSPECTIVE_LEADS = {
    "Samhälle": "Perspektivet handlar om kommunens utveckling som plats att bo och verka på.",
    "Medborgare": "Här redovisas aktiviteter som rör dialog, service och bemötande.",
    "Ekonomi": "Perspektivet omfattar nämndens ekonomiska styrning och resursanvändning.",
    "Verksamhet": "Här redovisas aktiviteter för kvalitet, miljö och effektiva arbetssätt.",
    "Medarbetare": "Perspektivet omfattar arbetsmiljö, ledarskap och kompetensförsörjning.",
}
INTRO_B = [
    "Varje enhet har upprättat en handlingsplan utifrån nämndens verksamhetsmål. Här följs "
    "planerna upp: vad som planerades, vad som blev gjort, hur det gick och vad som görs härnäst.",
    "Måluppfyllelsen bedöms på en skala från 1 till 4, där 4 betyder mycket hög och 1 mycket låg "
    "måluppfyllelse i förhållande till verksamhetsmålet.",
    "Uppföljningen har gjorts av enhetscheferna tillsammans med medarbetarna på arbetsplatsträffar.",
]
CLOSING_B = [
    "Vid uppföljningen syns en variation i måluppfyllelse mellan enheterna. Där måluppfyllelsen "
    "är låg har enheterna redan planerat nya insatser.",
    "Sektorns sammanvägda bedömning är att verksamhetsmålen till stor del har uppnåtts.",
]
