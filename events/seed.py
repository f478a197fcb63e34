"""The site's real content in five languages, and `seed_content()`, which creates or updates it.

Every fact below comes from shared/facts.md; where a fact is unknown the field stays empty or the text says
that it will be announced. Terms follow shared/glossary.md. Translated fields are dicts keyed by language
code; a long text is a list of blocks: a string is a paragraph (or a "## " heading), a nested list is a
bulleted list. Running `seed_content()` again changes nothing unless the content here has changed.
"""

import datetime
from zoneinfo import ZoneInfo

from django.db import models, transaction
from django.utils import translation
from modeltranslation.settings import DEFAULT_LANGUAGE

from .models import Event, Page, Partner, ProgrammeItem

LANGUAGES = ("cs", "sk", "pl", "hu", "en")
EMPTY = dict.fromkeys(LANGUAGES, "")

OLOMOUC_DAY_1 = datetime.date(2023, 6, 21)
OLOMOUC_DAY_2 = datetime.date(2023, 6, 22)
OLOMOUC_CITY_OFFICE = {
    "cs": "Magistrát města Olomouce",
    "sk": "Magistrát mesta Olomouc",
    "pl": "Urząd Miasta Ołomuńca (Magistrát města Olomouce)",
    "hu": "Olomouci Városi Hivatal (Magistrát města Olomouce)",
    "en": "Olomouc City Office (Magistrát města Olomouce)",
}

# ---------------------------------------------------------------------------------------------------------
# Partner associations. Each name is official in the association's own language and in English (facts.md);
# the names in the other three languages are our translations, not official names.
# ---------------------------------------------------------------------------------------------------------
PARTNERS = [
    {
        "code": "smo-cr",
        "short_name": "SMO ČR",
        "country": "CZ",
        "web": "https://www.smocr.cz",
        "order": 1,
        "name": {
            "cs": "Svaz měst a obcí České republiky",
            "sk": "Zväz miest a obcí Českej republiky",
            "pl": "Związek Miast i Gmin Republiki Czeskiej",
            "hu": "Cseh Köztársaság Városainak és Településeinek Szövetsége",
            "en": "Union of Towns and Municipalities of the Czech Republic",
        },
        "description": {
            "cs": "Svaz měst a obcí České republiky je celostátní svaz měst a obcí v Česku se sídlem v Praze. "
            "V projektu je organizátorem a garantem jeho čtvrté, české části – mezinárodního semináře a studijní "
            "cesty v Olomouci v červnu 2023. Kontaktní osobou projektu je David Hošek ze Sekce regionálního "
            "rozvoje a zahraničních vztahů.",
            "sk": "Zväz miest a obcí Českej republiky je celoštátne združenie miest a obcí v Česku so sídlom "
            "v Prahe. V projekte je organizátorom a garantom jeho štvrtej, českej časti – medzinárodného "
            "seminára a študijnej cesty v Olomouci v júni 2023. Kontaktnou osobou projektu je David Hošek "
            "zo Sekcie regionálneho rozvoja a zahraničných vzťahov.",
            "pl": "Związek Miast i Gmin Republiki Czeskiej to krajowy związek miast i gmin w Czechach z siedzibą "
            "w Pradze. W projekcie jest organizatorem i gwarantem jego czwartej, czeskiej części – "
            "międzynarodowego seminarium i wizyty studyjnej w Ołomuńcu w czerwcu 2023 r. Osobą kontaktową "
            "w sprawie projektu jest David Hošek z Sekcji Rozwoju Regionalnego i Stosunków Zagranicznych.",
            "hu": "A Cseh Köztársaság Városainak és Településeinek Szövetsége Csehország országos önkormányzati "
            "szövetsége, székhelye Prága. A projektben a negyedik, csehországi rész – az olomouci nemzetközi "
            "szeminárium és tanulmányút 2023 júniusában – szervezője és felelőse. A projekt kapcsolattartója "
            "David Hošek, a Regionális Fejlesztési és Külkapcsolati Szekció munkatársa.",
            "en": "The Union of Towns and Municipalities of the Czech Republic is the national association of "
            "towns and municipalities in Czechia, based in Prague. In this project it organises and is "
            "responsible for the fourth, Czech part: the international seminar and study tour in Olomouc in "
            "June 2023. The project's contact person is David Hošek of the Section of regional development "
            "and foreign relations.",
        },
    },
    {
        "code": "zmos",
        "short_name": "ZMOS",
        "country": "SK",
        "web": "https://www.zmos.sk",
        "order": 2,
        "name": {
            "cs": "Sdružení měst a obcí Slovenska",
            "sk": "Združenie miest a obcí Slovenska",
            "pl": "Związek Miast i Gmin Słowacji",
            "hu": "Szlovákiai Városok és Települések Társulása",
            "en": "Association of Towns and Communities of Slovakia",
        },
        "description": {
            "cs": "Sdružení měst a obcí Slovenska vzniklo v roce 1990 v Žilině a je celostátním sdružením měst "
            "a obcí na Slovensku. Ve své tiskové zprávě se uvádí jako vedoucí partner projektu, který začal "
            "v roce 2022 během slovenského předsednictví ve Visegrádské skupině. Termín a místo slovenské části "
            "projektu budou oznámeny.",
            "sk": "Združenie miest a obcí Slovenska vzniklo v roku 1990 v Žiline a je celoštátnym združením miest "
            "a obcí na Slovensku. Vo svojej tlačovej správe sa uvádza ako vedúci partner projektu, ktorý sa "
            "začal v roku 2022 počas slovenského predsedníctva vo Vyšehradskej skupine. Termín a miesto "
            "slovenskej časti projektu budú oznámené.",
            "pl": "Związek Miast i Gmin Słowacji powstał w 1990 r. w Żylinie i jest krajowym związkiem miast "
            "i gmin na Słowacji. W swoim komunikacie prasowym przedstawia się jako partner wiodący projektu, "
            "który rozpoczął się w 2022 r., w czasie słowackiej prezydencji w Grupie Wyszehradzkiej. Termin "
            "i miejsce słowackiej części projektu zostaną podane później.",
            "hu": "A Szlovákiai Városok és Települések Társulása 1990-ben alakult Zsolnán, és Szlovákia országos "
            "önkormányzati szövetsége. Sajtóközleményében a projekt vezető partnereként mutatkozik be; "
            "a projekt 2022-ben, a Visegrádi Csoport szlovák elnöksége idején indult. A projekt szlovákiai "
            "részének időpontját és helyszínét később közöljük.",
            "en": "The Association of Towns and Communities of Slovakia was founded in 1990 in Žilina and is the "
            "national association of towns and municipalities in Slovakia. Its own press release names it as "
            "the lead partner of the project, which started in 2022 during Slovakia's presidency of the "
            "Visegrad Group. The date and place of the Slovak part of the project will be announced.",
        },
    },
    {
        "code": "toosz",
        "short_name": "TÖOSZ",
        "country": "HU",
        "web": "https://www.toosz.hu",
        "order": 3,
        "name": {
            "cs": "Celostátní svaz místních samospráv Maďarska",
            "sk": "Celoštátny zväz miestnych samospráv Maďarska",
            "pl": "Krajowy Związek Samorządów Lokalnych Węgier",
            "hu": "Települési Önkormányzatok Országos Szövetsége",
            "en": "Hungarian National Association of Local Authorities",
        },
        "description": {
            "cs": "Celostátní svaz místních samospráv Maďarska vznikl 10. března 1989 a sídlí v Budapešti "
            "(1071 Budapest, Damjanich u. 44. III/1). V Maďarsku se konalo první setkání projektu – "
            "12. července 2022 v Pápě, na téma energetické účinnosti v samosprávě.",
            "sk": "Celoštátny zväz miestnych samospráv Maďarska vznikol 10. marca 1989 a sídli v Budapešti "
            "(1071 Budapest, Damjanich u. 44. III/1). V Maďarsku sa konalo prvé stretnutie projektu – "
            "12. júla 2022 v Pápe, na tému energetickej efektívnosti v samospráve.",
            "pl": "Krajowy Związek Samorządów Lokalnych Węgier powstał 10 marca 1989 r., a jego siedziba mieści "
            "się w Budapeszcie (1071 Budapest, Damjanich u. 44. III/1). Na Węgrzech odbyło się pierwsze "
            "spotkanie projektu – 12 lipca 2022 r. w Pápie, poświęcone efektywności energetycznej "
            "w samorządzie.",
            "hu": "A Települési Önkormányzatok Országos Szövetsége 1989. március 10-én alakult, székhelye "
            "Budapesten van (1071 Budapest, Damjanich u. 44. III/1). A projekt első találkozóját "
            "Magyarországon, Pápán tartották 2022. július 12-én, az önkormányzatok energiahatékonyságáról.",
            "en": "The Hungarian National Association of Local Authorities was founded on 10 March 1989 and is "
            "based in Budapest (1071 Budapest, Damjanich u. 44. III/1). The project's first meeting took place "
            "in Hungary, in Pápa on 12 July 2022, on energy efficiency in local government.",
        },
    },
    {
        "code": "zmp",
        "short_name": "ZMP",
        "country": "PL",
        "web": "https://www.miasta.pl",
        "order": 4,
        "name": {
            "cs": "Svaz polských měst",
            "sk": "Zväz poľských miest",
            "pl": "Związek Miast Polskich",
            "hu": "Lengyel Városok Szövetsége",
            "en": "Association of Polish Cities",
        },
        "description": {
            "cs": "Svaz polských měst vznikl v roce 1917 a obnoven byl v roce 1991; sídlí v Poznani. SMO ČR jej "
            "uvádí jako polského partnera projektu. Polská část projektu, věnovaná cestovnímu ruchu jako "
            "oblasti spolupráce V4, se připravovala spolu s polskou obcí Sękowa (Gmina Sękowa).",
            "sk": "Zväz poľských miest vznikol v roku 1917 a obnovený bol v roku 1991; sídli v Poznani. SMO ČR "
            "ho uvádza ako poľského partnera projektu. Poľská časť projektu, venovaná cestovnému ruchu ako "
            "oblasti spolupráce V4, sa pripravovala spolu s poľskou obcou Sękowa (Gmina Sękowa).",
            "pl": "Związek Miast Polskich powstał w 1917 r. i został reaktywowany w 1991 r.; jego siedzibą jest "
            "Poznań. SMO ČR wskazuje go jako polskiego partnera projektu. Polska część projektu, poświęcona "
            "turystyce jako obszarowi współpracy V4, była przygotowywana wspólnie z Gminą Sękowa.",
            "hu": "A Lengyel Városok Szövetsége 1917-ben alakult, és 1991-ben alakult újjá; székhelye Poznań. "
            "Az SMO ČR őt nevezi meg a projekt lengyelországi partnereként. A projekt lengyelországi része, "
            "amelynek témája a turizmus mint a V4-együttműködés területe, Sękowa településsel "
            "(Gmina Sękowa) közösen készült.",
            "en": "The Association of Polish Cities was founded in 1917 and re-established in 1991; it is based "
            "in Poznań. SMO ČR names it as the project's Polish partner. The Polish part of the project, on "
            "tourism as an area of V4 cooperation, was prepared together with the municipality of Sękowa "
            "(Gmina Sękowa).",
        },
    },
]

# ---------------------------------------------------------------------------------------------------------
# The four meetings, in project order. Unknown dates, cities and venues stay empty (facts.md marks them U).
# ---------------------------------------------------------------------------------------------------------
EVENTS = [
    {
        "slug": "papa-2022",
        "order": 1,
        "host": "toosz",
        "country": "HU",
        "date_precision": "day",
        "start_date": datetime.date(2022, 7, 12),
        "end_date": None,
        "address": "",
        "published": True,
        "registration_opens": None,
        "registration_closes": None,
        "title": {
            "cs": "Setkání v Pápě",
            "sk": "Stretnutie v Pápe",
            "pl": "Spotkanie w Pápie",
            "hu": "Találkozó Pápán",
            "en": "Meeting in Pápa",
        },
        "theme": {
            "cs": "Energetická účinnost v samosprávě",
            "sk": "Energetická efektívnosť v samospráve",
            "pl": "Efektywność energetyczna w samorządzie",
            "hu": "Energiahatékonyság az önkormányzatokban",
            "en": "Energy efficiency in local government",
        },
        "summary": {
            "cs": "První setkání projektu se konalo 12. července 2022 v maďarské Pápě a věnovalo se energetické "
            "účinnosti v samosprávě.",
            "sk": "Prvé stretnutie projektu sa konalo 12. júla 2022 v maďarskej Pápe a venovalo sa energetickej "
            "efektívnosti v samospráve.",
            "pl": "Pierwsze spotkanie projektu odbyło się 12 lipca 2022 r. w węgierskim mieście Pápa i było "
            "poświęcone efektywności energetycznej w samorządzie.",
            "hu": "A projekt első találkozóját 2022. július 12-én Pápán tartották, témája az önkormányzatok "
            "energiahatékonysága volt.",
            "en": "The project's first meeting took place in Pápa, Hungary, on 12 July 2022 and focused on energy "
            "efficiency in local government.",
        },
        "description": {
            "cs": [
                "Setkáním v Pápě začala série čtyř setkání projektu „Přeshraniční spolupráce pro partnerství "
                "a prosperitu“. Hostitelem byl maďarský partnerský svaz TÖOSZ.",
                "Tématem byla energetická účinnost v samosprávě – jedno ze tří témat projektu vedle SMART agendy "
                "a cestovního ruchu.",
            ],
            "sk": [
                "Stretnutím v Pápe sa začala séria štyroch stretnutí projektu „Cezhraničná spolupráca pre "
                "partnerstvo a prosperitu“. Hostiteľom bolo maďarské partnerské združenie TÖOSZ.",
                "Témou bola energetická efektívnosť v samospráve – jedna z troch tém projektu popri SMART agende "
                "a cestovnom ruchu.",
            ],
            "pl": [
                "Spotkaniem w Pápie rozpoczęła się seria czterech spotkań projektu „Współpraca transgraniczna "
                "na rzecz partnerstwa i dobrobytu”. Gospodarzem była węgierska organizacja partnerska TÖOSZ.",
                "Tematem była efektywność energetyczna w samorządzie – jeden z trzech tematów projektu, obok "
                "agendy SMART i turystyki.",
            ],
            "hu": [
                "A pápai találkozóval kezdődött a „Határon átnyúló együttműködés a partnerségért és a jólétért” "
                "projekt négy találkozóból álló sorozata. A házigazda a magyar partnerszövetség, a TÖOSZ volt.",
                "A téma az önkormányzatok energiahatékonysága volt – a projekt három témájának egyike a SMART "
                "agenda és a turizmus mellett.",
            ],
            "en": [
                "The meeting in Pápa opened the series of four meetings of the project “Cross-border Cooperation "
                "for Partnership and Prosperity”. It was hosted by the Hungarian partner association TÖOSZ.",
                "Its theme was energy efficiency in local government – one of the project's three themes, "
                "alongside the SMART agenda and tourism.",
            ],
        },
        "report": {
            "cs": "Podle zprávy obce Sękowa z 27. července 2022 představili hostitelé geotermální vytápění "
            "sídlišť a kombinaci konvenčních a obnovitelných zdrojů energie.",
            "sk": "Podľa správy obce Sękowa z 27. júla 2022 hostitelia predstavili geotermálne vykurovanie "
            "sídlisk a kombináciu konvenčných a obnoviteľných zdrojov energie.",
            "pl": "Jak informowała Gmina Sękowa 27 lipca 2022 r., gospodarze zaprezentowali geotermalne "
            "ogrzewanie osiedli mieszkaniowych oraz łączenie konwencjonalnych i odnawialnych źródeł energii.",
            "hu": "Sękowa település 2022. július 27-i beszámolója szerint a házigazdák bemutatták a lakótelepek "
            "geotermikus fűtését, valamint a hagyományos és a megújuló energiaforrások együttes alkalmazását.",
            "en": "According to a report by the municipality of Sękowa of 27 July 2022, the hosts presented "
            "geothermal heating of housing estates and the combination of conventional and renewable energy "
            "sources.",
        },
        "city": dict.fromkeys(LANGUAGES, "Pápa"),
        "venue": EMPTY,
    },
    {
        "slug": "poland-2022",
        "order": 2,
        "host": "zmp",
        "country": "PL",
        "date_precision": "month",
        # Only the month is known ("announced for September 2022"); the day is a placeholder.
        "start_date": datetime.date(2022, 9, 1),
        "end_date": None,
        "address": "",
        "published": True,
        "registration_opens": None,
        "registration_closes": None,
        "title": {
            "cs": "Setkání v Polsku",
            "sk": "Stretnutie v Poľsku",
            "pl": "Spotkanie w Polsce",
            "hu": "Találkozó Lengyelországban",
            "en": "Meeting in Poland",
        },
        "theme": {
            "cs": "Cestovní ruch jako oblast spolupráce V4",
            "sk": "Cestovný ruch ako oblasť spolupráce V4",
            "pl": "Turystyka jako obszar współpracy V4",
            "hu": "A turizmus mint a V4-együttműködés területe",
            "en": "Tourism as an area of V4 cooperation",
        },
        "summary": {
            "cs": "Setkání v Polsku bylo ohlášeno na září 2022 a jeho tématem byl cestovní ruch jako oblast "
            "spolupráce V4.",
            "sk": "Stretnutie v Poľsku bolo ohlásené na september 2022 a jeho témou bol cestovný ruch ako oblasť "
            "spolupráce V4.",
            "pl": "Spotkanie w Polsce zapowiedziano na wrzesień 2022 r.; jego tematem była turystyka jako obszar "
            "współpracy V4.",
            "hu": "A lengyelországi találkozót 2022 szeptemberére hirdették meg, témája a turizmus mint "
            "a V4-együttműködés területe volt.",
            "en": "The meeting in Poland was announced for September 2022, on tourism as an area of V4 cooperation.",
        },
        "description": {
            "cs": [
                "Setkání se připravovalo ve spolupráci s polskou obcí Sękowa (Gmina Sękowa). Hostitelským svazem "
                "je Svaz polských měst (ZMP).",
                "Přesné datum a místo konání zatím nemáme ověřené; doplníme je, jakmile je budeme znát.",
            ],
            "sk": [
                "Stretnutie sa pripravovalo v spolupráci s poľskou obcou Sękowa (Gmina Sękowa). Hostiteľským "
                "združením je Zväz poľských miest (ZMP).",
                "Presný dátum a miesto konania zatiaľ nemáme overené; doplníme ich, keď ich budeme poznať.",
            ],
            "pl": [
                "Spotkanie było przygotowywane we współpracy z Gminą Sękowa. Gospodarzem ze strony organizacji "
                "partnerskich jest Związek Miast Polskich (ZMP).",
                "Dokładnej daty i miejsca spotkania nie udało się jeszcze potwierdzić; uzupełnimy je, gdy tylko "
                "będą znane.",
            ],
            "hu": [
                "A találkozót a lengyelországi Sękowa településsel (Gmina Sękowa) együttműködésben készítették "
                "elő. A rendező partnerszövetség a Lengyel Városok Szövetsége (ZMP).",
                "A pontos időpontot és helyszínt még nem tudtuk ellenőrizni; amint ismertté válnak, "
                "kiegészítjük velük ezt az oldalt.",
            ],
            "en": [
                "The meeting was prepared together with the Polish municipality of Sękowa (Gmina Sękowa). The "
                "host association is the Association of Polish Cities (ZMP).",
                "We have not yet been able to confirm the exact date and venue; we will add them as soon as they "
                "are known.",
            ],
        },
        "report": EMPTY,
        "city": EMPTY,
        "venue": EMPTY,
    },
    {
        "slug": "slovakia",
        "order": 3,
        "host": "zmos",
        "country": "SK",
        "date_precision": "unknown",
        "start_date": None,
        "end_date": None,
        "address": "",
        "published": True,
        "registration_opens": None,
        "registration_closes": None,
        "title": {
            "cs": "Setkání na Slovensku",
            "sk": "Stretnutie na Slovensku",
            "pl": "Spotkanie na Słowacji",
            "hu": "Találkozó Szlovákiában",
            "en": "Meeting in Slovakia",
        },
        "theme": EMPTY,
        "summary": {
            "cs": "Termín, místo a téma setkání projektu na Slovensku budou oznámeny.",
            "sk": "Termín, miesto a téma stretnutia projektu na Slovensku budú oznámené.",
            "pl": "Termin, miejsce i temat spotkania projektu na Słowacji zostaną podane później.",
            "hu": "A projekt szlovákiai találkozójának időpontját, helyszínét és témáját később közöljük.",
            "en": "The date, place and theme of the project's meeting in Slovakia will be announced.",
        },
        "description": {
            "cs": "Hostitelským svazem je Sdružení měst a obcí Slovenska (ZMOS). Podrobnosti o setkání zveřejníme "
            "na této stránce, jakmile budou známy.",
            "sk": "Hostiteľským združením je Združenie miest a obcí Slovenska (ZMOS). Podrobnosti o stretnutí "
            "zverejníme na tejto stránke hneď, ako budú známe.",
            "pl": "Gospodarzem jest Związek Miast i Gmin Słowacji (ZMOS). Szczegóły spotkania opublikujemy na tej "
            "stronie, gdy tylko będą znane.",
            "hu": "A rendező partnerszövetség a Szlovákiai Városok és Települések Társulása (ZMOS). A találkozó "
            "részleteit ezen az oldalon tesszük közzé, amint ismertté válnak.",
            "en": "The host association is the Association of Towns and Communities of Slovakia (ZMOS). We will "
            "publish the details of the meeting on this page as soon as they are known.",
        },
        "report": EMPTY,
        "city": EMPTY,
        "venue": EMPTY,
    },
    {
        "slug": "olomouc-2023",
        "order": 4,
        "host": "smo-cr",
        "country": "CZ",
        "date_precision": "day",
        "start_date": OLOMOUC_DAY_1,
        "end_date": OLOMOUC_DAY_2,
        # The city office's registered seat is known, but not which of its buildings hosted the seminar.
        "address": "",
        "published": True,
        # Registration stays open (no closing time) so that the demo works.
        "registration_opens": datetime.datetime(2023, 5, 15, 8, 0, tzinfo=ZoneInfo("Europe/Prague")),
        "registration_closes": None,
        "title": {
            "cs": "Mezinárodní seminář a studijní cesta v Olomouci",
            "sk": "Medzinárodný seminár a študijná cesta v Olomouci",
            "pl": "Międzynarodowe seminarium i wizyta studyjna w Ołomuńcu",
            "hu": "Nemzetközi szeminárium és tanulmányút Olomoucban",
            "en": "International seminar and study tour in Olomouc",
        },
        "theme": {
            "cs": "SMART agenda měst a obcí",
            "sk": "SMART agenda miest a obcí",
            "pl": "Agenda SMART w miastach i gminach",
            "hu": "SMART agenda a városokban és a településeken",
            "en": "The SMART agenda in towns and municipalities",
        },
        "summary": {
            "cs": "Čtvrtá, česká část projektu: mezinárodní seminář „Přeshraniční spolupráce pro partnerství "
            "a prosperitu. SMART AGENDA“ s workshopy 21. června 2023 v Olomouci a studijní cesta za příklady "
            "dobré praxe 22. června 2023.",
            "sk": "Štvrtá, česká časť projektu: medzinárodný seminár „Cezhraničná spolupráca pre partnerstvo "
            "a prosperitu. SMART AGENDA“ s workshopmi 21. júna 2023 v Olomouci a študijná cesta za príkladmi "
            "dobrej praxe 22. júna 2023.",
            "pl": "Czwarta, czeska część projektu: międzynarodowe seminarium „Współpraca transgraniczna na rzecz "
            "partnerstwa i dobrobytu. SMART AGENDA” z warsztatami 21 czerwca 2023 r. w Ołomuńcu oraz wizyta "
            "studyjna poświęcona dobrym praktykom 22 czerwca 2023 r.",
            "hu": "A projekt negyedik, csehországi része: „Határon átnyúló együttműködés a partnerségért és "
            "a jólétért. SMART AGENDA” címmel nemzetközi szeminárium és workshopok 2023. június 21-én "
            "Olomoucban, majd tanulmányút a jó gyakorlatok megismerésére 2023. június 22-én.",
            "en": "The fourth, Czech part of the project: the international seminar “Cross-border Cooperation "
            "for Partnership and Prosperity. SMART AGENDA” with workshops on 21 June 2023 in Olomouc, followed "
            "by a study tour of good practice on 22 June 2023.",
        },
        "description": {
            "cs": [
                "Mezinárodní seminář připravuje Svaz měst a obcí České republiky, organizátor a garant čtvrté "
                "části projektu. Koná se v prostorách Magistrátu města Olomouce. Seminář doplní workshopy "
                "a program zakončí studijní cesta, na které účastníci uvidí konkrétní příklady dobré praxe.",
                "## Témata semináře",
                [
                    "15minutové město",
                    "přeměna průmyslových zón na obytné a smíšené čtvrti",
                    "koncepce nových čtvrtí na zelené louce",
                ],
                "Své zkušenosti představí Olomouc, Ostrava, Jeseník, Třebíč, Židlochovice a Trojanovice a také "
                "slovenské obce.",
                "## Pro koho je seminář určen",
                "Pro starosty, starostky a primátory, členy zastupitelstev a zaměstnance měst a obcí, kteří se "
                "věnují SMART agendě, rozvoji a investicím.",
                "## Studijní cesta",
                "Druhý den, 22. června 2023, následuje studijní cesta s ukázkami konkrétních příkladů dobré "
                "praxe. Její cíle budou oznámeny.",
            ],
            "sk": [
                "Medzinárodný seminár pripravuje Zväz miest a obcí Českej republiky, organizátor a garant "
                "štvrtej časti projektu. Koná sa v priestoroch Magistrátu mesta Olomouc. Seminár doplnia "
                "workshopy a program uzavrie študijná cesta, na ktorej účastníci uvidia konkrétne príklady "
                "dobrej praxe.",
                "## Témy seminára",
                [
                    "15-minútové mesto",
                    "premena priemyselných zón na obytné a zmiešané štvrte",
                    "koncepcie nových štvrtí na zelenej lúke",
                ],
                "Svoje skúsenosti predstavia Olomouc, Ostrava, Jeseník, Třebíč, Židlochovice a Trojanovice, ako "
                "aj slovenské obce.",
                "## Pre koho je seminár určený",
                "Pre starostov, starostky, primátorov a primátorky, poslancov obecných a mestských "
                "zastupiteľstiev a zamestnancov miest a obcí, ktorí sa venujú SMART agende, rozvoju "
                "a investíciám.",
                "## Študijná cesta",
                "Na druhý deň, 22. júna 2023, nasleduje študijná cesta s ukážkami konkrétnych príkladov dobrej "
                "praxe. Jej ciele budú oznámené.",
            ],
            "pl": [
                "Międzynarodowe seminarium przygotowuje Związek Miast i Gmin Republiki Czeskiej – organizator "
                "i gwarant czwartej części projektu. Odbywa się ono w pomieszczeniach Urzędu Miasta Ołomuńca "
                "(Magistrát města Olomouce). Seminarium uzupełnią warsztaty, a program zakończy wizyta "
                "studyjna, podczas której uczestnicy poznają konkretne przykłady dobrych praktyk.",
                "## Tematy seminarium",
                [
                    "miasto 15-minutowe",
                    "przekształcanie terenów przemysłowych w dzielnice mieszkaniowe i wielofunkcyjne",
                    "koncepcje nowych dzielnic na terenach niezabudowanych (greenfield)",
                ],
                "Swoimi doświadczeniami podzielą się Ołomuniec, Ostrawa, Jeseník, Třebíč, Židlochovice "
                "i Trojanovice, a także gminy ze Słowacji.",
                "## Do kogo skierowane jest seminarium",
                "Do wójtów, burmistrzów i prezydentów miast, radnych oraz pracowników urzędów miast i gmin, "
                "którzy zajmują się agendą SMART, rozwojem i inwestycjami.",
                "## Wizyta studyjna",
                "Drugiego dnia, 22 czerwca 2023 r., odbędzie się wizyta studyjna z prezentacją konkretnych "
                "przykładów dobrych praktyk. Odwiedzane miejsca zostaną podane później.",
            ],
            "hu": [
                "A nemzetközi szemináriumot a Cseh Köztársaság Városainak és Településeinek Szövetsége készíti "
                "elő, amely a projekt negyedik részének szervezője és felelőse. A szemináriumnak az Olomouci "
                "Városi Hivatal (Magistrát města Olomouce) ad otthont. A szemináriumot workshopok egészítik ki, "
                "a programot pedig tanulmányút zárja, amelyen a résztvevők konkrét jó gyakorlatokat "
                "ismerhetnek meg.",
                "## A szeminárium témái",
                [
                    "a 15 perces város",
                    "ipari övezetek átalakítása lakó- és vegyes funkciójú városrészekké",
                    "új városrészek koncepciói zöldmezős területeken",
                ],
                "Tapasztalataikat Olomouc, Ostrava, Jeseník, Třebíč, Židlochovice és Trojanovice, valamint "
                "szlovákiai települések mutatják be.",
                "## Kiknek szól a szeminárium",
                "Polgármestereknek, képviselő-testületi tagoknak, valamint a városok és települések azon "
                "munkatársainak, akik a SMART agendával, fejlesztéssel és beruházásokkal foglalkoznak.",
                "## Tanulmányút",
                "A második napon, 2023. június 22-én tanulmányút következik, amely konkrét jó gyakorlatokat "
                "mutat be. Az úticélokat később közöljük.",
            ],
            "en": [
                "The Union of Towns and Municipalities of the Czech Republic, which organises and is responsible "
                "for the fourth part of the project, prepares the international seminar. It takes "
                "place on the premises of the Olomouc City Office (Magistrát města Olomouce). Workshops "
                "accompany the seminar, and the programme closes with a study tour showing concrete examples "
                "of good practice.",
                "## Seminar topics",
                [
                    "the 15-minute city",
                    "turning industrial zones into residential and mixed-use districts",
                    "concepts for new districts on greenfield sites",
                ],
                "Olomouc, Ostrava, Jeseník, Třebíč, Židlochovice and Trojanovice will present their experience, "
                "together with municipalities from Slovakia.",
                "## Who the seminar is for",
                "Mayors, councillors and municipal staff who work on the SMART agenda, development and investment.",
                "## Study tour",
                "On the second day, 22 June 2023, a study tour presents concrete examples of good practice. Its "
                "destinations will be announced.",
            ],
        },
        "report": {
            "cs": [
                "Seminář 21. června 2023 zahájili Miroslav Žbánek, místopředseda SMO ČR a primátor Olomouce, "
                "a Radomír Brtáň, první místopředseda ZMOS a starosta obce Košeca.",
                "Své zkušenosti představilo osm měst a obcí – od obce Nižná Voľa s přibližně 270 obyvateli "
                "po Ostravu s přibližně 290 000 obyvateli.",
            ],
            "sk": [
                "Seminár 21. júna 2023 otvorili Miroslav Žbánek, podpredseda SMO ČR a primátor Olomouca, "
                "a Radomír Brtáň, prvý podpredseda ZMOS a starosta obce Košeca.",
                "Svoje skúsenosti predstavilo osem miest a obcí – od obce Nižná Voľa s približne 270 obyvateľmi "
                "po Ostravu s približne 290 000 obyvateľmi.",
            ],
            "pl": [
                "Seminarium 21 czerwca 2023 r. otworzyli Miroslav Žbánek, wiceprzewodniczący SMO ČR i prezydent "
                "Ołomuńca, oraz Radomír Brtáň, pierwszy wiceprzewodniczący ZMOS i wójt gminy Košeca.",
                "Swoje doświadczenia przedstawiło osiem miast i gmin – od gminy Nižná Voľa liczącej około "
                "270 mieszkańców po Ostrawę z około 290 tys. mieszkańców.",
            ],
            "hu": [
                "A szemináriumot 2023. június 21-én Miroslav Žbánek, az SMO ČR alelnöke, Olomouc polgármestere, "
                "valamint Radomír Brtáň, a ZMOS első alelnöke, Košeca polgármestere nyitotta meg.",
                "Nyolc város és település mutatta be tapasztalatait, a mintegy 270 lakosú Nižná Voľától "
                "a mintegy 290 000 lakosú Ostraváig.",
            ],
            "en": [
                "The seminar on 21 June 2023 was opened by Miroslav Žbánek, vice-chair of SMO ČR and mayor of "
                "Olomouc, and Radomír Brtáň, first vice-chair of ZMOS and mayor of Košeca.",
                "Eight towns and municipalities presented their experience, from Nižná Voľa with about 270 "
                "inhabitants to Ostrava with about 290,000.",
            ],
        },
        "city": dict.fromkeys(LANGUAGES, "Olomouc"),
        "venue": OLOMOUC_CITY_OFFICE,
    },
]

# ---------------------------------------------------------------------------------------------------------
# The Olomouc programme, as far as it is known. Times are unknown (left empty); `order` orders a day.
# ---------------------------------------------------------------------------------------------------------
OLOMOUC_PROGRAMME = [
    {
        "day": OLOMOUC_DAY_1,
        "order": 1,
        "kind": "opening",
        "speakers": {
            "cs": "Miroslav Žbánek, místopředseda SMO ČR, primátor města Olomouce; "
            "Radomír Brtáň, první místopředseda ZMOS, starosta obce Košeca",
            "sk": "Miroslav Žbánek, podpredseda SMO ČR, primátor mesta Olomouc; "
            "Radomír Brtáň, prvý podpredseda ZMOS, starosta obce Košeca",
            "pl": "Miroslav Žbánek, wiceprzewodniczący SMO ČR, prezydent miasta Ołomuniec; "
            "Radomír Brtáň, pierwszy wiceprzewodniczący ZMOS, wójt gminy Košeca",
            "hu": "Miroslav Žbánek, az SMO ČR alelnöke, Olomouc polgármestere; "
            "Radomír Brtáň, a ZMOS első alelnöke, Košeca polgármestere",
            "en": "Miroslav Žbánek, vice-chair of SMO ČR, mayor of Olomouc; "
            "Radomír Brtáň, first vice-chair of ZMOS, mayor of Košeca",
        },
        "title": {
            "cs": "Zahájení semináře",
            "sk": "Otvorenie seminára",
            "pl": "Otwarcie seminarium",
            "hu": "A szeminárium megnyitása",
            "en": "Opening of the seminar",
        },
        "description": EMPTY,
        "place": OLOMOUC_CITY_OFFICE,
    },
    {
        "day": OLOMOUC_DAY_1,
        "order": 2,
        "kind": "talk",
        "speakers": EMPTY,
        "title": {
            "cs": "15minutové město",
            "sk": "15-minútové mesto",
            "pl": "Miasto 15-minutowe",
            "hu": "A 15 perces város",
            "en": "The 15-minute city",
        },
        "description": EMPTY,
        "place": OLOMOUC_CITY_OFFICE,
    },
    {
        "day": OLOMOUC_DAY_1,
        "order": 3,
        "kind": "talk",
        "speakers": EMPTY,
        "title": {
            "cs": "Přeměna průmyslových zón na obytné a smíšené čtvrti",
            "sk": "Premena priemyselných zón na obytné a zmiešané štvrte",
            "pl": "Przekształcanie terenów przemysłowych w dzielnice mieszkaniowe i wielofunkcyjne",
            "hu": "Ipari övezetek átalakítása lakó- és vegyes funkciójú városrészekké",
            "en": "Turning industrial zones into residential and mixed-use districts",
        },
        "description": EMPTY,
        "place": OLOMOUC_CITY_OFFICE,
    },
    {
        "day": OLOMOUC_DAY_1,
        "order": 4,
        "kind": "talk",
        "speakers": EMPTY,
        "title": {
            "cs": "Koncepce nových čtvrtí na zelené louce",
            "sk": "Koncepcie nových štvrtí na zelenej lúke",
            "pl": "Koncepcje nowych dzielnic na terenach niezabudowanych",
            "hu": "Új városrészek koncepciói zöldmezős területeken",
            "en": "Concepts for new districts on greenfield sites",
        },
        "description": EMPTY,
        "place": OLOMOUC_CITY_OFFICE,
    },
    {
        "day": OLOMOUC_DAY_1,
        "order": 5,
        "kind": "talk",
        "speakers": EMPTY,
        "title": {
            "cs": "Příklady dobré praxe z měst a obcí",
            "sk": "Príklady dobrej praxe z miest a obcí",
            "pl": "Dobre praktyki miast i gmin",
            "hu": "Városok és települések jó gyakorlatai",
            "en": "Good practice from towns and municipalities",
        },
        "description": {
            "cs": "Své zkušenosti představí Olomouc, Ostrava, Jeseník, Třebíč, Židlochovice, Trojanovice "
            "a slovenské obce.",
            "sk": "Svoje skúsenosti predstavia Olomouc, Ostrava, Jeseník, Třebíč, Židlochovice, Trojanovice "
            "a slovenské obce.",
            "pl": "Swoimi doświadczeniami podzielą się Ołomuniec, Ostrawa, Jeseník, Třebíč, Židlochovice, "
            "Trojanovice oraz gminy ze Słowacji.",
            "hu": "Tapasztalataikat Olomouc, Ostrava, Jeseník, Třebíč, Židlochovice, Trojanovice, valamint "
            "szlovákiai települések mutatják be.",
            "en": "Olomouc, Ostrava, Jeseník, Třebíč, Židlochovice, Trojanovice and municipalities from Slovakia "
            "present their experience.",
        },
        "place": OLOMOUC_CITY_OFFICE,
    },
    {
        "day": OLOMOUC_DAY_2,
        "order": 1,
        "kind": "tour",
        "speakers": EMPTY,
        "title": {
            "cs": "Studijní cesta: příklady dobré praxe",
            "sk": "Študijná cesta: príklady dobrej praxe",
            "pl": "Wizyta studyjna: przykłady dobrych praktyk",
            "hu": "Tanulmányút: jó gyakorlatok a helyszínen",
            "en": "Study tour: good practice on site",
        },
        "description": {
            "cs": "Studijní cesta představí konkrétní příklady dobré praxe. Cíle cesty budou oznámeny.",
            "sk": "Študijná cesta predstaví konkrétne príklady dobrej praxe. Ciele cesty budú oznámené.",
            "pl": "Wizyta studyjna pokaże konkretne przykłady dobrych praktyk. Odwiedzane miejsca zostaną "
            "podane później.",
            "hu": "A tanulmányút konkrét jó gyakorlatokat mutat be. Az úticélokat később közöljük.",
            "en": "The study tour shows concrete examples of good practice. Its destinations will be announced.",
        },
        "place": EMPTY,
    },
]

# ---------------------------------------------------------------------------------------------------------
# Content pages. The partners page lists the partners itself below its body; the project page shows the
# partners and the contact page below its body.
# ---------------------------------------------------------------------------------------------------------
PAGES = [
    {
        "slug": "project",
        "title": {
            "cs": "O projektu",
            "sk": "O projekte",
            "pl": "O projekcie",
            "hu": "A projektről",
            "en": "About the project",
        },
        "summary": {
            "cs": "Projekt „Přeshraniční spolupráce pro partnerství a prosperitu“ propojuje samosprávy čtyř zemí "
            "Visegrádské skupiny prostřednictvím jejich celostátních svazů měst a obcí.",
            "sk": "Projekt „Cezhraničná spolupráca pre partnerstvo a prosperitu“ prepája samosprávy štyroch "
            "krajín Vyšehradskej skupiny prostredníctvom ich celoštátnych združení miest a obcí.",
            "pl": "Projekt „Współpraca transgraniczna na rzecz partnerstwa i dobrobytu” łączy samorządy czterech "
            "państw Grupy Wyszehradzkiej za pośrednictwem ich krajowych związków miast i gmin.",
            "hu": "A „Határon átnyúló együttműködés a partnerségért és a jólétért” projekt a Visegrádi Csoport "
            "négy országának önkormányzatait kapcsolja össze országos önkormányzati szövetségeiken keresztül.",
            "en": "The project “Cross-border Cooperation for Partnership and Prosperity” connects local "
            "governments in the four Visegrad Group countries through their national associations of towns "
            "and municipalities.",
        },
        "body": {
            "cs": [
                "Projekt „Přeshraniční spolupráce pro partnerství a prosperitu“ podporuje výměnu zkušeností "
                "a dobré praxe mezi samosprávami – městy a obcemi – čtyř zemí Visegrádské skupiny (V4): Česka, "
                "Slovenska, Polska a Maďarska. Spolupráce probíhá prostřednictvím celostátních svazů měst "
                "a obcí: Svazu měst a obcí České republiky (SMO ČR), Sdružení měst a obcí Slovenska (ZMOS), "
                "Celostátního svazu místních samospráv Maďarska (TÖOSZ) a Svazu polských měst (ZMP).",
                "## Cíle projektu",
                [
                    "výměna zkušeností a dobré praxe mezi městy a obcemi zemí V4",
                    "přenos ověřených, inovativních a efektivních řešení v oblasti veřejných služeb",
                ],
                "Projekt začal v roce 2022, během slovenského předsednictví ve Visegrádské skupině.",
                "## Témata",
                ["energetická účinnost", "SMART agenda pro obce, včetně venkovských", "cestovní ruch"],
                "## Čtyři setkání",
                [
                    "Maďarsko – Pápa, 12. července 2022: energetická účinnost v samosprávě",
                    "Polsko – ohlášeno na září 2022: cestovní ruch jako oblast spolupráce V4",
                    "Slovensko – termín, místo a téma budou oznámeny",
                    "Česko – Olomouc, 21.–22. června 2023: SMART agenda, mezinárodní seminář a studijní cesta",
                ],
                "## Proč přeshraniční spolupráce",
                "Podle údajů ZMOS je 36 ze 79 okresů Slovenska příhraničních a žije v nich 48 % obyvatel země. "
                "S obcemi v sousedních státech spolupracuje 49,5 % slovenských měst a obcí.",
                "## Financování",
                "Projekt je spolufinancován Mezinárodním visegrádským fondem. Trvá do srpna 2023.",
            ],
            "sk": [
                "Projekt „Cezhraničná spolupráca pre partnerstvo a prosperitu“ podporuje výmenu skúseností "
                "a dobrej praxe medzi samosprávami – mestami a obcami – štyroch krajín Vyšehradskej skupiny "
                "(V4): Česka, Slovenska, Poľska a Maďarska. Spolupráca prebieha prostredníctvom celoštátnych "
                "združení miest a obcí: Zväzu miest a obcí Českej republiky (SMO ČR), Združenia miest a obcí "
                "Slovenska (ZMOS), Celoštátneho zväzu miestnych samospráv Maďarska (TÖOSZ) a Zväzu poľských "
                "miest (ZMP).",
                "## Ciele projektu",
                [
                    "výmena skúseností a dobrej praxe medzi mestami a obcami krajín V4",
                    "prenos overených, inovatívnych a efektívnych riešení v oblasti verejných služieb",
                ],
                "Projekt sa začal v roku 2022 počas slovenského predsedníctva vo Vyšehradskej skupine.",
                "## Témy",
                ["energetická efektívnosť", "SMART agenda pre obce vrátane vidieckych", "cestovný ruch"],
                "## Štyri stretnutia",
                [
                    "Maďarsko – Pápa, 12. júla 2022: energetická efektívnosť v samospráve",
                    "Poľsko – ohlásené na september 2022: cestovný ruch ako oblasť spolupráce V4",
                    "Slovensko – termín, miesto a téma budú oznámené",
                    "Česko – Olomouc, 21. – 22. júna 2023: SMART agenda, medzinárodný seminár a študijná cesta",
                ],
                "## Prečo cezhraničná spolupráca",
                "Podľa údajov ZMOS je 36 zo 79 okresov Slovenska pohraničných a žije v nich 48 % obyvateľov "
                "krajiny. S obcami v susedných štátoch spolupracuje 49,5 % slovenských miest a obcí.",
                "## Financovanie",
                "Projekt je spolufinancovaný Medzinárodným vyšehradským fondom. Trvá do augusta 2023.",
            ],
            "pl": [
                "Projekt „Współpraca transgraniczna na rzecz partnerstwa i dobrobytu” wspiera wymianę "
                "doświadczeń i dobrych praktyk między samorządami – miastami i gminami – czterech państw Grupy "
                "Wyszehradzkiej (V4): Czech, Słowacji, Polski i Węgier. Współpraca odbywa się za pośrednictwem "
                "krajowych związków miast i gmin: Związku Miast i Gmin Republiki Czeskiej (SMO ČR), Związku "
                "Miast i Gmin Słowacji (ZMOS), Krajowego Związku Samorządów Lokalnych Węgier (TÖOSZ) oraz "
                "Związku Miast Polskich (ZMP).",
                "## Cele projektu",
                [
                    "wymiana doświadczeń i dobrych praktyk między miastami i gminami państw V4",
                    "transfer sprawdzonych, innowacyjnych i efektywnych rozwiązań w zakresie usług publicznych",
                ],
                "Projekt rozpoczął się w 2022 r., w czasie słowackiej prezydencji w Grupie Wyszehradzkiej.",
                "## Tematy",
                ["efektywność energetyczna", "agenda SMART dla gmin, w tym wiejskich", "turystyka"],
                "## Cztery spotkania",
                [
                    "Węgry – Pápa, 12 lipca 2022 r.: efektywność energetyczna w samorządzie",
                    "Polska – zapowiedziane na wrzesień 2022 r.: turystyka jako obszar współpracy V4",
                    "Słowacja – termin, miejsce i temat zostaną podane później",
                    "Czechy – Ołomuniec, 21–22 czerwca 2023 r.: agenda SMART, międzynarodowe seminarium i wizyta "
                    "studyjna",
                ],
                "## Dlaczego współpraca transgraniczna",
                "Według danych ZMOS 36 z 79 powiatów Słowacji to powiaty przygraniczne, w których mieszka 48% "
                "ludności kraju. Z gminami w państwach sąsiednich współpracuje 49,5% słowackich miast i gmin.",
                "## Finansowanie",
                "Projekt jest współfinansowany przez Międzynarodowy Fundusz Wyszehradzki. Trwa do sierpnia 2023 r.",
            ],
            "hu": [
                "A „Határon átnyúló együttműködés a partnerségért és a jólétért” projekt a Visegrádi Csoport "
                "(V4) négy országa – Csehország, Szlovákia, Lengyelország és Magyarország – önkormányzatai, "
                "azaz városai és települései között támogatja a tapasztalatok és a jó gyakorlatok cseréjét. "
                "Az együttműködés az országos önkormányzati szövetségeken keresztül valósul meg: ezek a Cseh "
                "Köztársaság Városainak és Településeinek Szövetsége (SMO ČR), a Szlovákiai Városok és "
                "Települések Társulása (ZMOS), a Települési Önkormányzatok Országos Szövetsége (TÖOSZ) és "
                "a Lengyel Városok Szövetsége (ZMP).",
                "## A projekt céljai",
                [
                    "tapasztalatok és jó gyakorlatok cseréje a V4-országok városai és települései között",
                    "bevált, innovatív és hatékony közszolgáltatási megoldások átadása",
                ],
                "A projekt 2022-ben, a Visegrádi Csoport szlovák elnöksége idején indult.",
                "## Témák",
                [
                    "energiahatékonyság",
                    "SMART agenda a települések, köztük a vidéki települések számára",
                    "turizmus",
                ],
                "## A négy találkozó",
                [
                    "Magyarország – Pápa, 2022. július 12.: energiahatékonyság az önkormányzatokban",
                    "Lengyelország – 2022 szeptemberére meghirdetve: a turizmus mint a V4-együttműködés területe",
                    "Szlovákia – az időpontot, a helyszínt és a témát később közöljük",
                    "Csehország – Olomouc, 2023. június 21–22.: SMART agenda, nemzetközi szeminárium és tanulmányút",
                ],
                "## Miért fontos a határon átnyúló együttműködés?",
                "A ZMOS adatai szerint Szlovákia 79 járásából 36 határ menti, és ezekben él az ország "
                "lakosságának 48%-a. A szlovákiai városok és települések 49,5%-a működik együtt a szomszédos "
                "országok településeivel.",
                "## Finanszírozás",
                "A projektet a Nemzetközi Visegrádi Alap társfinanszírozza. A projekt 2023 augusztusáig tart.",
            ],
            "en": [
                "The project “Cross-border Cooperation for Partnership and Prosperity” supports the exchange of "
                "experience and good practice between local governments – towns and municipalities – in the "
                "four countries of the Visegrad Group (V4): Czechia, Slovakia, Poland and Hungary. The "
                "cooperation runs through the national associations of towns and municipalities: the Union of "
                "Towns and Municipalities of the Czech Republic (SMO ČR), the Association of Towns and "
                "Communities of Slovakia (ZMOS), the Hungarian National Association of Local Authorities "
                "(TÖOSZ) and the Association of Polish Cities (ZMP).",
                "## Aims",
                [
                    "exchange of experience and good practice between towns and municipalities in the V4 countries",
                    "transfer of proven, innovative and efficient solutions for public services",
                ],
                "The project started in 2022, during Slovakia's presidency of the Visegrad Group.",
                "## Themes",
                ["energy efficiency", "the SMART agenda for municipalities, including rural ones", "tourism"],
                "## Four meetings",
                [
                    "Hungary – Pápa, 12 July 2022: energy efficiency in local government",
                    "Poland – announced for September 2022: tourism as an area of V4 cooperation",
                    "Slovakia – date, place and theme to be announced",
                    "Czechia – Olomouc, 21–22 June 2023: the SMART agenda, an international seminar and a study tour",
                ],
                "## Why cross-border cooperation",
                "According to ZMOS, 36 of Slovakia's 79 districts lie on a border, and 48% of the country's "
                "population lives in them. Nearly half of Slovak towns and municipalities (49.5%) cooperate "
                "with municipalities in neighbouring countries.",
                "## Funding",
                "The project is co-financed by the International Visegrad Fund. It runs until August 2023.",
            ],
        },
    },
    {
        "slug": "partners",
        "title": {
            "cs": "Partneři",
            "sk": "Partneri",
            "pl": "Partnerzy",
            "hu": "Partnerek",
            "en": "Partners",
        },
        "summary": {
            "cs": "Čtyři celostátní svazy měst a obcí ze zemí Visegrádské skupiny, které projekt společně uskutečňují.",
            "sk": "Štyri celoštátne združenia miest a obcí z krajín Vyšehradskej skupiny, ktoré projekt spoločne "
            "realizujú.",
            "pl": "Cztery krajowe związki miast i gmin z państw Grupy Wyszehradzkiej, które wspólnie realizują "
            "projekt.",
            "hu": "A Visegrádi Csoport négy országának országos önkormányzati szövetségei, amelyek közösen "
            "valósítják meg a projektet.",
            "en": "The four national associations of towns and municipalities from the Visegrad Group countries "
            "that run the project together.",
        },
        "body": {
            "cs": [
                "Projekt společně uskutečňují čtyři celostátní svazy měst a obcí, jeden z každé země Visegrádské "
                "skupiny. Každý z nich hostí jedno ze čtyř setkání projektu ve své zemi.",
                "Níže najdete představení jednotlivých partnerských svazů, odkazy na jejich weby a setkání, "
                "která hostí.",
            ],
            "sk": [
                "Projekt spoločne realizujú štyri celoštátne združenia miest a obcí, jedno z každej krajiny "
                "Vyšehradskej skupiny. Každé z nich hostí jedno zo štyroch stretnutí projektu vo svojej krajine.",
                "Nižšie nájdete predstavenie jednotlivých partnerských združení, odkazy na ich webové stránky "
                "a stretnutia, ktoré hostia.",
            ],
            "pl": [
                "Projekt realizują wspólnie cztery krajowe związki miast i gmin – po jednym z każdego państwa "
                "Grupy Wyszehradzkiej. Każdy z nich jest gospodarzem jednego z czterech spotkań projektu "
                "w swoim kraju.",
                "Poniżej przedstawiamy organizacje partnerskie, odnośniki do ich stron internetowych oraz "
                "spotkania, których są gospodarzami.",
            ],
            "hu": [
                "A projektet négy országos önkormányzati szövetség valósítja meg közösen, a Visegrádi Csoport "
                "minden országából egy-egy. Mindegyikük a saját országában rendezi a projekt négy találkozójának "
                "egyikét.",
                "Alább bemutatjuk a partnerszövetségeket, honlapjuk címét és az általuk rendezett találkozókat.",
            ],
            "en": [
                "The project is run jointly by four national associations of towns and municipalities, one from "
                "each Visegrad Group country. Each of them hosts one of the project's four meetings in its own "
                "country.",
                "Below you will find each partner association, a link to its website and the meeting it hosts.",
            ],
        },
    },
    {
        "slug": "contact",
        "title": {
            "cs": "Kontakt",
            "sk": "Kontakt",
            "pl": "Kontakt",
            "hu": "Kapcsolat",
            "en": "Contact",
        },
        "summary": {
            "cs": "Kontakt na Svaz měst a obcí České republiky, organizátora semináře a studijní cesty v Olomouci.",
            "sk": "Kontakt na Zväz miest a obcí Českej republiky, organizátora seminára a študijnej cesty v Olomouci.",
            "pl": "Dane kontaktowe Związku Miast i Gmin Republiki Czeskiej, organizatora seminarium i wizyty "
            "studyjnej w Ołomuńcu.",
            "hu": "A Cseh Köztársaság Városainak és Településeinek Szövetsége, az olomouci szeminárium és "
            "tanulmányút szervezőjének elérhetőségei.",
            "en": "How to contact the Union of Towns and Municipalities of the Czech Republic, organiser of the "
            "seminar and study tour in Olomouc.",
        },
        "body": {
            "cs": [
                "S dotazy k projektu a k semináři v Olomouci se obracejte na Svaz měst a obcí České republiky "
                "(SMO ČR), který je organizátorem a garantem české části projektu.",
                "## Svaz měst a obcí České republiky",
                "David Hošek\nSekce regionálního rozvoje a zahraničních vztahů\n5. května 1640/65\n140 00 Praha 4",
                "Telefon: +420 234 709 711\nWeb: https://www.smocr.cz",
                "Svou registraci na seminář a studijní cestu můžete kdykoli zobrazit, upravit nebo zrušit přes "
                "soukromý odkaz z potvrzovacího e-mailu.",
                "## Partnerské svazy v dalších zemích",
                [
                    "Slovensko: Sdružení měst a obcí Slovenska (ZMOS), https://www.zmos.sk",
                    "Maďarsko: Celostátní svaz místních samospráv Maďarska (TÖOSZ), https://www.toosz.hu",
                    "Polsko: Svaz polských měst (ZMP), https://www.miasta.pl",
                ],
            ],
            "sk": [
                "S otázkami k projektu a k semináru v Olomouci sa obracajte na Zväz miest a obcí Českej "
                "republiky (SMO ČR), ktorý je organizátorom a garantom českej časti projektu.",
                "## Zväz miest a obcí Českej republiky",
                "David Hošek\nSekcia regionálneho rozvoja a zahraničných vzťahov\n5. května 1640/65\n"
                "140 00 Praha 4\nČesko",
                "Telefón: +420 234 709 711\nWeb: https://www.smocr.cz",
                "Svoju registráciu na seminár a študijnú cestu si môžete kedykoľvek pozrieť, upraviť alebo "
                "zrušiť prostredníctvom súkromného odkazu z potvrdzujúceho e-mailu.",
                "## Partnerské združenia v ďalších krajinách",
                [
                    "Slovensko: Združenie miest a obcí Slovenska (ZMOS), https://www.zmos.sk",
                    "Maďarsko: Celoštátny zväz miestnych samospráv Maďarska (TÖOSZ), https://www.toosz.hu",
                    "Poľsko: Zväz poľských miest (ZMP), https://www.miasta.pl",
                ],
            ],
            "pl": [
                "W sprawach dotyczących projektu oraz seminarium w Ołomuńcu prosimy o kontakt ze Związkiem "
                "Miast i Gmin Republiki Czeskiej (SMO ČR), który jest organizatorem i gwarantem czeskiej części "
                "projektu.",
                "## Związek Miast i Gmin Republiki Czeskiej",
                "David Hošek\nSekcja Rozwoju Regionalnego i Stosunków Zagranicznych\n5. května 1640/65\n"
                "140 00 Praha 4\nCzechy",
                "Telefon: +420 234 709 711\nStrona internetowa: https://www.smocr.cz",
                "Rejestrację na seminarium i wizytę studyjną można w każdej chwili sprawdzić, zmienić lub "
                "anulować za pomocą prywatnego linku z e-maila potwierdzającego.",
                "## Organizacje partnerskie w innych krajach",
                [
                    "Słowacja: Związek Miast i Gmin Słowacji (ZMOS), https://www.zmos.sk",
                    "Węgry: Krajowy Związek Samorządów Lokalnych Węgier (TÖOSZ), https://www.toosz.hu",
                    "Polska: Związek Miast Polskich (ZMP), https://www.miasta.pl",
                ],
            ],
            "hu": [
                "A projekttel és az olomouci szemináriummal kapcsolatos kérdéseivel forduljon a Cseh "
                "Köztársaság Városainak és Településeinek Szövetségéhez (SMO ČR), amely a projekt csehországi "
                "részének szervezője és felelőse.",
                "## A Cseh Köztársaság Városainak és Településeinek Szövetsége",
                "David Hošek\nRegionális Fejlesztési és Külkapcsolati Szekció\n5. května 1640/65\n"
                "140 00 Praha 4\nCsehország",
                "Telefon: +420 234 709 711\nHonlap: https://www.smocr.cz",
                "A szemináriumra és a tanulmányútra szóló regisztrációját a visszaigazoló e-mailben kapott "
                "személyes hivatkozáson keresztül bármikor megtekintheti, módosíthatja vagy lemondhatja.",
                "## Partnerszövetségek a többi országban",
                [
                    "Szlovákia: Szlovákiai Városok és Települések Társulása (ZMOS), https://www.zmos.sk",
                    "Magyarország: Települési Önkormányzatok Országos Szövetsége (TÖOSZ), https://www.toosz.hu",
                    "Lengyelország: Lengyel Városok Szövetsége (ZMP), https://www.miasta.pl",
                ],
            ],
            "en": [
                "For questions about the project and the seminar in Olomouc, please contact the Union of Towns "
                "and Municipalities of the Czech Republic (SMO ČR), which organises and is responsible for the "
                "Czech part of the project.",
                "## Union of Towns and Municipalities of the Czech Republic",
                "David Hošek\nSection of regional development and foreign relations\n5. května 1640/65\n"
                "140 00 Praha 4\nCzechia",
                "Phone: +420 234 709 711\nWebsite: https://www.smocr.cz",
                "You can view, change or cancel your registration for the seminar and the study tour at any "
                "time through the private link in your confirmation e-mail.",
                "## Partner associations in the other countries",
                [
                    "Slovakia: Association of Towns and Communities of Slovakia (ZMOS), https://www.zmos.sk",
                    "Hungary: Hungarian National Association of Local Authorities (TÖOSZ), https://www.toosz.hu",
                    "Poland: Association of Polish Cities (ZMP), https://www.miasta.pl",
                ],
            ],
        },
    },
    {
        "slug": "privacy",
        "title": {
            "cs": "Zásady ochrany osobních údajů",
            "sk": "Zásady ochrany osobných údajov",
            "pl": "Informacja o przetwarzaniu danych osobowych",
            "hu": "Adatkezelési tájékoztató",
            "en": "Privacy notice",
        },
        "summary": {
            "cs": "Jak Svaz měst a obcí České republiky zpracovává osobní údaje z registrace na seminář "
            "a studijní cestu v Olomouci.",
            "sk": "Ako Zväz miest a obcí Českej republiky spracúva osobné údaje z registrácie na seminár "
            "a študijnú cestu v Olomouci.",
            "pl": "W jaki sposób Związek Miast i Gmin Republiki Czeskiej przetwarza dane osobowe z rejestracji "
            "na seminarium i wizytę studyjną w Ołomuńcu.",
            "hu": "Hogyan kezeli a Cseh Köztársaság Városainak és Településeinek Szövetsége az olomouci "
            "szemináriumra és tanulmányútra történő regisztráció személyes adatait.",
            "en": "How the Union of Towns and Municipalities of the Czech Republic processes personal data from "
            "registrations for the seminar and study tour in Olomouc.",
        },
        "body": {
            "cs": [
                "Tyto zásady vysvětlují, jak zpracováváme osobní údaje, které nám poskytnete při registraci "
                "na mezinárodní seminář a studijní cestu v Olomouci 21.–22. června 2023.",
                "## Správce osobních údajů",
                "Svaz měst a obcí České republiky (SMO ČR)\n5. května 1640/65\n140 00 Praha 4\n"
                "Telefon: +420 234 709 711\nWeb: https://www.smocr.cz",
                "## Jaké údaje zpracováváme",
                [
                    "jméno a příjmení, e-mailovou adresu a telefonní číslo",
                    "organizaci, funkci a zemi",
                    "zvolené části programu a jazyk, ve kterém s vámi komunikujeme",
                    "požadavky na stravu a specifické potřeby (bezbariérovost), pokud je uvedete",
                    "poznámku, kterou nám napíšete",
                    "udělené souhlasy včetně verze textu, se kterým jste souhlasili, a časové údaje o registraci",
                    "záznamy o e-mailech, které vám v souvislosti s registrací pošleme",
                    "záznam o prezenci účastníků na místě",
                ],
                "Požadavky na stravu a specifické potřeby uvádíte dobrovolně; použijeme je jen k zajištění "
                "občerstvení a přístupu na místo konání.",
                "## Účely zpracování",
                "Údaje používáme k organizaci semináře a studijní cesty:",
                [
                    "registrace a potvrzení účasti, správa volných míst a seznamu náhradníků",
                    "zajištění občerstvení a autobusu na studijní cestu",
                    "prezence účastníků na místě",
                    "prezenční listiny pro závěrečnou zprávu o grantu, kterou předkládáme Mezinárodnímu "
                    "visegrádskému fondu",
                    "e-maily týkající se vaší registrace",
                ],
                "## Právní základ",
                [
                    "Registraci a s ní spojenou organizaci zpracováváme, protože jde o kroky přijaté na vaši "
                    "žádost (čl. 6 odst. 1 písm. b) GDPR).",
                    "Prezenční listiny a počty účastníků pro vyúčtování grantu zpracováváme ke splnění právních "
                    "povinností spojených s grantem a na základě našeho oprávněného zájmu doložit jeho využití "
                    "(čl. 6 odst. 1 písm. c) a f) GDPR).",
                    "Fotografie a videozáznamy z akce, na kterých jste zachyceni, a zpřístupnění vašeho jména, "
                    "organizace a země partnerským svazům z ostatních zemí zpracováváme jen s vaším souhlasem "
                    "(čl. 6 odst. 1 písm. a) GDPR). Souhlas můžete kdykoli odvolat; zákonnost zpracování před "
                    "jeho odvoláním tím není dotčena.",
                ],
                "## Kdo vaše údaje vidí",
                [
                    "pracovníci SMO ČR, kteří akci organizují",
                    "partnerský svaz vaší země vidí vaši registraci v plném rozsahu, aby mohl připravit svou "
                    "delegaci: ZMOS za Slovensko, TÖOSZ za Maďarsko, ZMP za Polsko a SMO ČR za Česko",
                    "partnerské svazy ostatních zemí vidí jen vaše jméno, organizaci, zemi a zvolené části "
                    "programu, a to pouze s vaším souhlasem",
                    "prezenční listiny mohou být součástí vyúčtování grantu pro Mezinárodní visegrádský fond",
                ],
                "## Jak dlouho údaje uchováváme",
                "Osobní údaje z registrace anonymizujeme 180 dní po skončení akce. Poté uchováváme jen souhrnné "
                "počty účastníků (například podle zemí a částí programu) pro zprávu o grantu. Podepsané "
                "prezenční listiny, které jsou součástí vyúčtování grantu, uchováváme po dobu, kterou vyžadují "
                "pravidla grantu.",
                "## Vaše práva",
                "Máte právo:",
                [
                    "na přístup ke svým osobním údajům",
                    "na opravu nepřesných údajů",
                    "na výmaz",
                    "na omezení zpracování",
                    "na přenositelnost údajů",
                    "vznést námitku proti zpracování založenému na oprávněném zájmu",
                    "kdykoli odvolat svůj souhlas",
                    "podat stížnost u dozorového úřadu – v Česku je jím Úřad pro ochranu osobních údajů; obrátit "
                    "se můžete i na dozorový úřad státu, kde žijete nebo pracujete",
                ],
                "## Jak svá práva uplatnit",
                "V potvrzovacím e-mailu dostanete soukromý odkaz na svou registraci. Na této stránce si můžete "
                "své údaje stáhnout, upravit nebo smazat a registraci zrušit. Kdykoli nám také můžete napsat "
                "na adresu SMO ČR uvedenou výše.",
                "## Soubory cookie",
                "Tento web nepoužívá sledovací soubory cookie. Ukládá jen soubor cookie se zvoleným jazykem "
                "a u formulářů soubor cookie relace a soubor cookie s ochranným tokenem CSRF, bez nichž "
                "formuláře nemohou bezpečně fungovat.",
            ],
            "sk": [
                "Tieto zásady vysvetľujú, ako spracúvame osobné údaje, ktoré nám poskytnete pri registrácii "
                "na medzinárodný seminár a študijnú cestu v Olomouci 21. – 22. júna 2023.",
                "## Prevádzkovateľ",
                "Zväz miest a obcí Českej republiky (SMO ČR)\n5. května 1640/65\n140 00 Praha 4\nČesko\n"
                "Telefón: +420 234 709 711\nWeb: https://www.smocr.cz",
                "## Aké údaje spracúvame",
                [
                    "meno a priezvisko, e-mailovú adresu a telefónne číslo",
                    "organizáciu, funkciu a krajinu",
                    "zvolené časti programu a jazyk, v ktorom s vami komunikujeme",
                    "požiadavky na stravu a špecifické potreby (bezbariérovosť), ak ich uvediete",
                    "poznámku, ktorú nám napíšete",
                    "udelené súhlasy vrátane verzie textu, s ktorým ste súhlasili, a časové údaje o registrácii",
                    "záznamy o e-mailoch, ktoré vám v súvislosti s registráciou pošleme",
                    "záznam o prezentácii účastníkov na mieste",
                ],
                "Požiadavky na stravu a špecifické potreby uvádzate dobrovoľne; použijeme ich len na "
                "zabezpečenie občerstvenia a prístupu na miesto konania.",
                "## Účely spracúvania",
                "Údaje používame na organizáciu seminára a študijnej cesty:",
                [
                    "registrácia a potvrdenie účasti, správa voľných miest a zoznamu náhradníkov",
                    "zabezpečenie občerstvenia a autobusu na študijnú cestu",
                    "prezentácia účastníkov na mieste",
                    "prezenčné listiny pre záverečnú správu o grante, ktorú predkladáme Medzinárodnému "
                    "vyšehradskému fondu",
                    "e-maily týkajúce sa vašej registrácie",
                ],
                "## Právny základ",
                [
                    "Registráciu a súvisiacu organizáciu spracúvame, pretože ide o kroky prijaté na vašu žiadosť "
                    "(čl. 6 ods. 1 písm. b) GDPR).",
                    "Prezenčné listiny a počty účastníkov na vyúčtovanie grantu spracúvame na splnenie právnych "
                    "povinností spojených s grantom a na základe nášho oprávneného záujmu preukázať jeho "
                    "využitie (čl. 6 ods. 1 písm. c) a f) GDPR).",
                    "Fotografie a videozáznamy z podujatia, na ktorých ste zachytení, a sprístupnenie vášho "
                    "mena, organizácie a krajiny partnerským združeniam z ostatných krajín spracúvame len "
                    "s vaším súhlasom (čl. 6 ods. 1 písm. a) GDPR). Súhlas môžete kedykoľvek odvolať; "
                    "zákonnosť spracúvania pred jeho odvolaním tým nie je dotknutá.",
                ],
                "## Kto vidí vaše údaje",
                [
                    "pracovníci SMO ČR, ktorí podujatie organizujú",
                    "partnerské združenie vašej krajiny vidí vašu registráciu v plnom rozsahu, aby mohlo "
                    "pripraviť svoju delegáciu: ZMOS za Slovensko, TÖOSZ za Maďarsko, ZMP za Poľsko a SMO ČR "
                    "za Česko",
                    "partnerské združenia ostatných krajín vidia len vaše meno, organizáciu, krajinu a zvolené "
                    "časti programu, a to iba s vaším súhlasom",
                    "prezenčné listiny môžu byť súčasťou vyúčtovania grantu pre Medzinárodný vyšehradský fond",
                ],
                "## Ako dlho údaje uchovávame",
                "Osobné údaje z registrácie anonymizujeme 180 dní po skončení podujatia. Potom uchovávame len "
                "súhrnné počty účastníkov (napríklad podľa krajín a častí programu) pre správu o grante. "
                "Podpísané prezenčné listiny, ktoré sú súčasťou vyúčtovania grantu, uchovávame tak dlho, ako to "
                "vyžadujú pravidlá grantu.",
                "## Vaše práva",
                "Máte právo:",
                [
                    "na prístup k svojim osobným údajom",
                    "na opravu nesprávnych údajov",
                    "na vymazanie",
                    "na obmedzenie spracúvania",
                    "na prenosnosť údajov",
                    "namietať proti spracúvaniu založenému na oprávnenom záujme",
                    "kedykoľvek odvolať svoj súhlas",
                    "podať sťažnosť dozornému orgánu – v Česku je ním Úřad pro ochranu osobních údajů; obrátiť "
                    "sa môžete aj na dozorný orgán v štáte, kde žijete alebo pracujete",
                ],
                "## Ako uplatniť svoje práva",
                "V potvrdzujúcom e-maile dostanete súkromný odkaz na svoju registráciu. Na tejto stránke si "
                "môžete svoje údaje stiahnuť, upraviť alebo vymazať a registráciu zrušiť. Kedykoľvek nám tiež "
                "môžete napísať na adresu SMO ČR uvedenú vyššie.",
                "## Súbory cookie",
                "Tento web nepoužíva sledovacie súbory cookie. Ukladá len súbor cookie so zvoleným jazykom "
                "a pri formulároch súbor cookie relácie a súbor cookie s ochranným tokenom CSRF, bez ktorých "
                "formuláre nemôžu bezpečne fungovať.",
            ],
            "pl": [
                "Niniejsza informacja wyjaśnia, w jaki sposób przetwarzamy dane osobowe podawane przy rejestracji "
                "na międzynarodowe seminarium i wizytę studyjną w Ołomuńcu w dniach 21–22 czerwca 2023 r.",
                "## Administrator danych",
                "Związek Miast i Gmin Republiki Czeskiej (Svaz měst a obcí České republiky, SMO ČR)\n"
                "5. května 1640/65\n140 00 Praha 4\nCzechy\nTelefon: +420 234 709 711\n"
                "Strona internetowa: https://www.smocr.cz",
                "## Jakie dane przetwarzamy",
                [
                    "imię i nazwisko, adres e-mail i numer telefonu",
                    "instytucję, stanowisko i kraj",
                    "wybrane części programu oraz język korespondencji",
                    "wymagania żywieniowe i szczególne potrzeby, jeśli zostaną podane",
                    "uwagi przekazane w formularzu",
                    "udzielone zgody wraz z wersją zaakceptowanego tekstu oraz daty i godziny związane z rejestracją",
                    "informacje o wiadomościach e-mail wysłanych w związku z rejestracją",
                    "potwierdzenie obecności podczas rejestracji uczestników na miejscu",
                ],
                "Podanie wymagań żywieniowych i szczególnych potrzeb jest dobrowolne; wykorzystujemy je "
                "wyłącznie do zapewnienia wyżywienia i dostępu do miejsca wydarzenia.",
                "## Cele przetwarzania",
                "Dane wykorzystujemy do organizacji seminarium i wizyty studyjnej:",
                [
                    "rejestracja i potwierdzenie udziału, zarządzanie wolnymi miejscami i listą rezerwową",
                    "zapewnienie wyżywienia i autobusu na wizytę studyjną",
                    "rejestracja uczestników na miejscu",
                    "listy obecności do sprawozdania z realizacji grantu dla Międzynarodowego Funduszu Wyszehradzkiego",
                    "wiadomości e-mail dotyczące rejestracji",
                ],
                "## Podstawy prawne",
                [
                    "Dane związane z rejestracją i organizacją wydarzenia przetwarzamy, ponieważ są to działania "
                    "podejmowane na żądanie osoby, której dane dotyczą (art. 6 ust. 1 lit. b RODO).",
                    "Listy obecności i liczbę uczestników na potrzeby rozliczenia grantu przetwarzamy w celu "
                    "wypełnienia obowiązków prawnych związanych z grantem oraz w naszym prawnie uzasadnionym "
                    "interesie, jakim jest wykazanie wykorzystania grantu (art. 6 ust. 1 lit. c i f RODO).",
                    "Zdjęcia i nagrania wideo z wydarzenia, na których można Państwa rozpoznać, a także "
                    "udostępnienie imienia i nazwiska, instytucji oraz kraju organizacjom partnerskim "
                    "z pozostałych państw wymagają Państwa zgody (art. 6 ust. 1 lit. a RODO). Zgodę można "
                    "w każdej chwili wycofać; nie wpływa to na zgodność z prawem przetwarzania przed jej "
                    "wycofaniem.",
                ],
                "## Kto ma dostęp do danych",
                [
                    "pracownicy SMO ČR organizujący wydarzenie",
                    "organizacja partnerska z Państwa kraju widzi pełne dane rejestracji, aby przygotować swoją "
                    "delegację: ZMOS – Słowacja, TÖOSZ – Węgry, ZMP – Polska, SMO ČR – Czechy",
                    "organizacje partnerskie z pozostałych krajów widzą wyłącznie imię i nazwisko, instytucję, "
                    "kraj i wybrane części programu – i tylko za Państwa zgodą",
                    "listy obecności mogą stanowić część rozliczenia grantu przekazywanego Międzynarodowemu "
                    "Funduszowi Wyszehradzkiemu",
                ],
                "## Okres przechowywania danych",
                "Dane osobowe z rejestracji anonimizujemy 180 dni po zakończeniu wydarzenia. Następnie "
                "przechowujemy wyłącznie zbiorcze liczby uczestników (np. według krajów i części programu) "
                "na potrzeby sprawozdania z realizacji grantu. Podpisane listy obecności, które stanowią część "
                "rozliczenia grantu, przechowujemy tak długo, jak wymagają tego zasady grantu.",
                "## Prawa osób, których dane dotyczą",
                "Przysługuje Państwu prawo do:",
                [
                    "dostępu do swoich danych osobowych",
                    "sprostowania nieprawidłowych danych",
                    "usunięcia danych",
                    "ograniczenia przetwarzania",
                    "przenoszenia danych",
                    "wniesienia sprzeciwu wobec przetwarzania opartego na prawnie uzasadnionym interesie",
                    "wycofania zgody w dowolnym momencie",
                    "wniesienia skargi do organu nadzorczego – w Czechach jest nim Úřad pro ochranu osobních "
                    "údajů (czeski urząd ochrony danych osobowych); można również zwrócić się do organu "
                    "nadzorczego w państwie miejsca zamieszkania lub pracy",
                ],
                "## Jak skorzystać z przysługujących praw",
                "W e-mailu potwierdzającym otrzymają Państwo prywatny link do swojej rejestracji. Na tej stronie "
                "można pobrać swoje dane, zmienić je lub usunąć, a także anulować rejestrację. W każdej chwili "
                "można też napisać do SMO ČR na adres podany powyżej.",
                "## Pliki cookie",
                "Ta strona nie używa śledzących plików cookie. Zapisuje jedynie plik cookie z wybranym językiem, "
                "a przy formularzach – plik cookie sesji i plik cookie z tokenem zabezpieczającym CSRF, bez "
                "których formularze nie mogą działać bezpiecznie.",
            ],
            "hu": [
                "Ez a tájékoztató bemutatja, hogyan kezeljük azokat a személyes adatokat, amelyeket Ön "
                "az olomouci nemzetközi szemináriumra és tanulmányútra (2023. június 21–22.) történő "
                "regisztrációkor megad.",
                "## Az adatkezelő",
                "Cseh Köztársaság Városainak és Településeinek Szövetsége (Svaz měst a obcí České republiky, "
                "SMO ČR)\n5. května 1640/65\n140 00 Praha 4\nCsehország\nTelefon: +420 234 709 711\n"
                "Honlap: https://www.smocr.cz",
                "## Milyen adatokat kezelünk",
                [
                    "név, e-mail-cím és telefonszám",
                    "szervezet, beosztás és ország",
                    "a választott programrészek és a kapcsolattartás nyelve",
                    "étkezési igény és speciális igények (akadálymentesség), ha megadja őket",
                    "az Ön által írt megjegyzés",
                    "a megadott hozzájárulások az elfogadott szöveg változatával együtt, valamint "
                    "a regisztráció időadatai",
                    "a regisztrációval kapcsolatban Önnek küldött e-mailek adatai",
                    "a helyszíni beléptetés adatai",
                ],
                "Étkezési igényét és speciális igényeit önkéntesen adja meg; ezeket kizárólag az étkezés és "
                "a helyszín akadálymentes megközelítésének biztosítására használjuk.",
                "## Az adatkezelés céljai",
                "Az adatokat a szeminárium és a tanulmányút megszervezéséhez használjuk:",
                [
                    "regisztráció és a részvétel visszaigazolása, a szabad helyek és a várólista kezelése",
                    "az étkezés és a tanulmányút buszának biztosítása",
                    "beléptetés a helyszínen",
                    "jelenléti ívek a Nemzetközi Visegrádi Alapnak készülő támogatási beszámolóhoz",
                    "a regisztrációval kapcsolatos e-mailek",
                ],
                "## Az adatkezelés jogalapja",
                [
                    "A regisztrációhoz és a szervezéshez szükséges adatokat azért kezeljük, mert ezek az Ön "
                    "kérésére megtett lépések (GDPR 6. cikk (1) bekezdés b) pont).",
                    "A támogatás elszámolásához szükséges jelenléti íveket és létszámadatokat a támogatással "
                    "összefüggő jogi kötelezettségek teljesítése, valamint azon jogos érdekünk alapján kezeljük, "
                    "hogy igazoljuk a támogatás felhasználását (GDPR 6. cikk (1) bekezdés c) és f) pont).",
                    "A rendezvényen készült, Önt felismerhetően ábrázoló fényképeket és videofelvételeket, "
                    "valamint nevének, szervezetének és országának a többi ország partnerszövetségei számára "
                    "történő hozzáférhetővé tételét csak az Ön hozzájárulásával kezeljük (GDPR 6. cikk "
                    "(1) bekezdés a) pont). Hozzájárulását bármikor visszavonhatja; ez nem érinti a visszavonás "
                    "előtti adatkezelés jogszerűségét.",
                ],
                "## Ki látja az adatait",
                [
                    "az SMO ČR rendezvényt szervező munkatársai",
                    "az Ön országának partnerszövetsége a teljes regisztrációt látja, hogy megszervezhesse "
                    "küldöttségét: Szlovákia esetében a ZMOS, Magyarország esetében a TÖOSZ, Lengyelország "
                    "esetében a ZMP, Csehország esetében az SMO ČR",
                    "a többi ország partnerszövetségei csak az Ön nevét, szervezetét, országát és választott "
                    "programrészeit látják, és csak az Ön hozzájárulásával",
                    "a jelenléti ívek a Nemzetközi Visegrádi Alapnak benyújtott támogatási elszámolás részét "
                    "képezhetik",
                ],
                "## Meddig őrizzük az adatokat",
                "A regisztráció személyes adatait a rendezvény után 180 nappal anonimizáljuk. Ezt követően csak "
                "összesített létszámadatokat (például országonként és programrészenként) őrzünk meg "
                "a támogatási beszámolóhoz. Az aláírt jelenléti íveket, amelyek a támogatási elszámolás részét "
                "képezik, a támogatás szabályai által előírt ideig őrizzük meg.",
                "## Az Ön jogai",
                "Önt megilleti:",
                [
                    "a személyes adataihoz való hozzáférés joga",
                    "a helyesbítéshez való jog",
                    "a törléshez való jog",
                    "az adatkezelés korlátozásához való jog",
                    "az adathordozhatósághoz való jog",
                    "a jogos érdeken alapuló adatkezeléssel szembeni tiltakozás joga",
                    "a hozzájárulás bármikori visszavonásának joga",
                    "a felügyeleti hatósághoz benyújtott panasz joga – Csehországban ez az Úřad pro ochranu "
                    "osobních údajů (a cseh adatvédelmi hatóság); lakóhelye vagy munkahelye szerinti ország "
                    "felügyeleti hatóságához is fordulhat",
                ],
                "## Hogyan gyakorolhatja jogait",
                "A visszaigazoló e-mailben személyes hivatkozást kap a regisztrációjához. Ezen az oldalon "
                "letöltheti, módosíthatja vagy törölheti adatait, és lemondhatja a regisztrációt. Emellett "
                "bármikor írhat az SMO ČR fent megadott címére.",
                "## Sütik",
                "Ez a honlap nem használ nyomkövető sütiket. Csak a választott nyelvet tároló sütit, valamint "
                "az űrlapokhoz szükséges munkamenet-sütit és a CSRF-védelmi tokent tartalmazó sütit használja; "
                "ezek nélkül az űrlapok nem működhetnének biztonságosan.",
            ],
            "en": [
                "This notice explains how we process the personal data you give us when you register for the "
                "international seminar and study tour in Olomouc on 21–22 June 2023.",
                "## Controller",
                "Union of Towns and Municipalities of the Czech Republic (Svaz měst a obcí České republiky, "
                "SMO ČR)\n5. května 1640/65\n140 00 Praha 4\nCzechia\nPhone: +420 234 709 711\n"
                "Website: https://www.smocr.cz",
                "## What data we process",
                [
                    "your first and last name, e-mail address and phone number",
                    "your organisation, position and country",
                    "the parts of the programme you choose and the language we write to you in",
                    "dietary requirements and accessibility needs, if you give them",
                    "any note you write to us",
                    "the consents you give, with the version of the text you accepted, and the dates and times "
                    "of your registration",
                    "a record of the e-mails we send you about your registration",
                    "your check-in at the door",
                ],
                "Giving dietary requirements and accessibility needs is voluntary; we use them only to arrange "
                "catering and access to the venue.",
                "## Purposes",
                "We use the data to organise the seminar and the study tour:",
                [
                    "registration, confirmation of your place, seats and the waiting list",
                    "catering and the bus for the study tour",
                    "check-in at the door",
                    "attendance sheets for the grant report to the International Visegrad Fund",
                    "e-mails about your registration",
                ],
                "## Legal bases",
                [
                    "Registration and the organisation that follows from it: steps taken at your request "
                    "(GDPR Art. 6(1)(b)).",
                    "Attendance sheets and participant numbers for the grant report: compliance with legal "
                    "obligations connected with the grant, and our legitimate interest in showing how the grant "
                    "was used (GDPR Art. 6(1)(c) and (f)).",
                    "Photos and video of the event in which you can be recognised, and sharing your name, "
                    "organisation and country with the partner associations of the other countries: only with "
                    "your consent (GDPR Art. 6(1)(a)). You can withdraw your consent at any time; this does not "
                    "affect processing before the withdrawal.",
                ],
                "## Who sees your data",
                [
                    "SMO ČR staff who organise the event",
                    "the partner association of your own country sees your registration in full, so that it can "
                    "prepare its delegation: ZMOS for Slovakia, TÖOSZ for Hungary, ZMP for Poland and SMO ČR "
                    "for Czechia",
                    "the partner associations of the other countries see only your name, organisation, country "
                    "and the parts of the programme you chose – and only with your consent",
                    "attendance sheets may form part of the grant report to the International Visegrad Fund",
                ],
                "## How long we keep the data",
                "We anonymise the personal data of registrations 180 days after the event. After that we keep "
                "only the numbers of participants (for example by country and by part of the programme) for the "
                "grant report. Signed attendance sheets that form part of the grant report are kept for as long "
                "as the grant rules require.",
                "## Your rights",
                "You have the right to:",
                [
                    "access your personal data",
                    "have inaccurate data rectified",
                    "have your data erased",
                    "restrict processing",
                    "data portability",
                    "object to processing based on legitimate interest",
                    "withdraw your consent at any time",
                    "lodge a complaint with a supervisory authority – in Czechia, the Office for Personal Data "
                    "Protection (Úřad pro ochranu osobních údajů); you may also turn to the supervisory "
                    "authority of the country where you live or work",
                ],
                "## How to exercise your rights",
                "Your confirmation e-mail contains a private link to your registration. On that page you can "
                "download, change or delete your data and cancel your registration. You can also write to "
                "SMO ČR at the address above at any time.",
                "## Cookies",
                "This website uses no tracking cookies. It stores only a cookie with the language you chose "
                "and, for forms, a session cookie and a CSRF security cookie, without which forms cannot work "
                "safely.",
            ],
        },
    },
    {
        "slug": "accessibility",
        "title": {
            "cs": "Prohlášení o přístupnosti",
            "sk": "Vyhlásenie o prístupnosti",
            "pl": "Deklaracja dostępności",
            "hu": "Akadálymentesítési nyilatkozat",
            "en": "Accessibility statement",
        },
        "summary": {
            "cs": "Jak přístupný je tento web, jak jej testujeme a kde můžete nahlásit problém s přístupností.",
            "sk": "Aký prístupný je tento web, ako ho testujeme a kde môžete nahlásiť problém s prístupnosťou.",
            "pl": "Jak dostępna jest ta strona, w jaki sposób ją testujemy i gdzie można zgłosić problem "
            "z dostępnością.",
            "hu": "Mennyire akadálymentes ez a honlap, hogyan teszteljük, és hol jelezheti az "
            "akadálymentességgel kapcsolatos problémákat.",
            "en": "How accessible this website is, how we test it and where to report an accessibility problem.",
        },
        "body": {
            "cs": [
                "Svaz měst a obcí České republiky usiluje o to, aby tento web mohli používat všichni, včetně "
                "lidí se zdravotním postižením. Cílem je soulad s úrovní AA podle WCAG 2.1, kterou přebírá "
                "evropská norma EN 301 549.",
                "## Stav souladu",
                "Web je s WCAG 2.1 na úrovni AA částečně v souladu. Toto hodnocení platí do dokončení testování.",
                "## Jak web testujeme",
                [
                    "automatické kontroly nástrojem axe-core v prohlížeči Chromium",
                    "kontrola kódu validátorem HTML konsorcia W3C",
                    "ovládání pouze z klávesnice",
                    "zobrazení na telefonech se šířkou obrazovky 360 px",
                ],
                "## Známá omezení",
                [
                    "Fotografie, které na web nahrávají pracovníci SMO ČR, nemusí mít textový popis.",
                    "Dokumenty ke stažení, které na web nahrávají pracovníci SMO ČR, nemusí být k dispozici "
                    "v přístupné podobě.",
                ],
                "Pokud potřebujete obsah fotografie nebo dokumentu v jiné podobě, napište nám nebo zavolejte – "
                "pokusíme se vám jej poskytnout.",
                "## Zpětná vazba a kontakt",
                "Problémy s přístupností webu nám prosím hlaste na adrese:",
                "Svaz měst a obcí České republiky (SMO ČR)\n5. května 1640/65\n140 00 Praha 4\n"
                "Telefon: +420 234 709 711",
                "Specifické potřeby (bezbariérovost) pro účast na semináři a studijní cestě můžete uvést přímo "
                "v registraci.",
            ],
            "sk": [
                "Zväz miest a obcí Českej republiky sa usiluje o to, aby tento web mohli používať všetci vrátane "
                "ľudí so zdravotným postihnutím. Cieľom je súlad s úrovňou AA podľa WCAG 2.1, ktorú preberá "
                "európska norma EN 301 549.",
                "## Stav súladu",
                "Web je s WCAG 2.1 na úrovni AA čiastočne v súlade. Toto hodnotenie platí do ukončenia testovania.",
                "## Ako web testujeme",
                [
                    "automatické kontroly nástrojom axe-core v prehliadači Chromium",
                    "kontrola kódu validátorom HTML konzorcia W3C",
                    "ovládanie iba pomocou klávesnice",
                    "zobrazenie na telefónoch so šírkou obrazovky 360 px",
                ],
                "## Známe obmedzenia",
                [
                    "Fotografie, ktoré na web nahrávajú pracovníci SMO ČR, nemusia mať textový opis.",
                    "Dokumenty na stiahnutie, ktoré na web nahrávajú pracovníci SMO ČR, nemusia byť k dispozícii "
                    "v prístupnej podobe.",
                ],
                "Ak potrebujete obsah fotografie alebo dokumentu v inej podobe, napíšte nám alebo zavolajte – "
                "pokúsime sa vám ho poskytnúť.",
                "## Spätná väzba a kontakt",
                "Problémy s prístupnosťou webu nám, prosím, hláste na adrese:",
                "Zväz miest a obcí Českej republiky (SMO ČR)\n5. května 1640/65\n140 00 Praha 4\nČesko\n"
                "Telefón: +420 234 709 711",
                "Špecifické potreby (bezbariérovosť) pre účasť na seminári a študijnej ceste môžete uviesť "
                "priamo v registrácii.",
            ],
            "pl": [
                "Związek Miast i Gmin Republiki Czeskiej dokłada starań, aby z tej strony mogły korzystać "
                "wszystkie osoby, w tym osoby z niepełnosprawnościami. Celem jest zgodność z poziomem AA "
                "standardu WCAG 2.1, przyjętym w normie europejskiej EN 301 549.",
                "## Status zgodności",
                "Strona jest częściowo zgodna z WCAG 2.1 na poziomie AA. Ta ocena obowiązuje do czasu "
                "zakończenia testów.",
                "## Jak testujemy stronę",
                [
                    "automatyczne testy narzędziem axe-core w przeglądarce Chromium",
                    "sprawdzanie kodu walidatorem HTML konsorcjum W3C",
                    "obsługa wyłącznie za pomocą klawiatury",
                    "wyświetlanie na telefonach o szerokości ekranu 360 px",
                ],
                "## Znane ograniczenia",
                [
                    "Zdjęcia zamieszczane przez pracowników SMO ČR mogą nie mieć opisu tekstowego.",
                    "Dokumenty do pobrania zamieszczane przez pracowników SMO ČR mogą nie mieć wersji dostępnej "
                    "cyfrowo.",
                ],
                "Jeśli potrzebują Państwo treści zdjęcia lub dokumentu w innej formie, prosimy o kontakt – "
                "postaramy się ją udostępnić.",
                "## Informacje zwrotne i dane kontaktowe",
                "Problemy z dostępnością strony prosimy zgłaszać:",
                "Związek Miast i Gmin Republiki Czeskiej (SMO ČR)\n5. května 1640/65\n140 00 Praha 4\nCzechy\n"
                "Telefon: +420 234 709 711",
                "Szczególne potrzeby związane z udziałem w seminarium i wizycie studyjnej można podać "
                "bezpośrednio w formularzu rejestracji.",
            ],
            "hu": [
                "A Cseh Köztársaság Városainak és Településeinek Szövetsége arra törekszik, hogy ezt a honlapot "
                "mindenki használni tudja, a fogyatékossággal élők is. A cél a WCAG 2.1 AA szintjének való "
                "megfelelés, amelyet az EN 301 549 európai szabvány is átvett.",
                "## Megfelelőségi állapot",
                "A honlap részben felel meg a WCAG 2.1 AA szintjének. Ez az értékelés a tesztelés befejezéséig "
                "érvényes.",
                "## Hogyan teszteljük a honlapot",
                [
                    "automatikus ellenőrzés az axe-core eszközzel Chromium böngészőben",
                    "a kód ellenőrzése a W3C HTML-validátorával",
                    "kezelés kizárólag billentyűzettel",
                    "megjelenítés 360 px széles képernyőjű telefonokon",
                ],
                "## Ismert hiányosságok",
                [
                    "Az SMO ČR munkatársai által feltöltött fényképekhez nem mindig tartozik szöveges leírás.",
                    "Az SMO ČR munkatársai által feltöltött, letölthető dokumentumok nem mindig érhetők el "
                    "akadálymentes változatban.",
                ],
                "Ha egy fénykép vagy dokumentum tartalmára más formában van szüksége, írjon nekünk vagy hívjon "
                "fel minket – igyekszünk azt az Ön rendelkezésére bocsátani.",
                "## Visszajelzés és kapcsolat",
                "Az akadálymentességgel kapcsolatos problémákat kérjük, az alábbi elérhetőségen jelezze:",
                "Cseh Köztársaság Városainak és Településeinek Szövetsége (SMO ČR)\n5. května 1640/65\n"
                "140 00 Praha 4\nCsehország\nTelefon: +420 234 709 711",
                "A szemináriumon és a tanulmányúton való részvételhez kapcsolódó speciális igényeit "
                "(akadálymentesség) közvetlenül a regisztrációkor is megadhatja.",
            ],
            "en": [
                "The Union of Towns and Municipalities of the Czech Republic wants everyone to be able to use "
                "this website, including people with disabilities. We aim to meet WCAG 2.1 at level AA, as "
                "adopted in the European standard EN 301 549.",
                "## Compliance status",
                "This website is partially compliant with WCAG 2.1 level AA. This assessment applies until "
                "testing is complete.",
                "## How we test the website",
                [
                    "automated checks with axe-core in the Chromium browser",
                    "the W3C HTML checker",
                    "keyboard-only use",
                    "phones with screens 360 px wide",
                ],
                "## Known limitations",
                [
                    "Photos uploaded by SMO ČR staff may lack a text alternative.",
                    "Documents uploaded by SMO ČR staff for download may not be available in an accessible version.",
                ],
                "If you need the content of a photo or document in another format, write to us or call us, and "
                "we will try to provide it.",
                "## Feedback and contact",
                "Please report accessibility problems to:",
                "Union of Towns and Municipalities of the Czech Republic (SMO ČR)\n5. května 1640/65\n"
                "140 00 Praha 4\nCzechia\nPhone: +420 234 709 711",
                "You can state accessibility needs for the seminar and the study tour directly in your registration.",
            ],
        },
    },
]


# ---------------------------------------------------------------------------------------------------------
# Seeding
# ---------------------------------------------------------------------------------------------------------
def _as_text(value: str | list) -> str:
    """A list of blocks as the pages' plain-text format: paragraphs apart by blank lines, lists as "- "."""
    if isinstance(value, str):
        return value
    blocks = [block if isinstance(block, str) else "\n".join(f"- {item}" for item in block) for block in value]
    return "\n\n".join(blocks)


def _field_values(record: dict) -> dict:
    """Model field values: a {language: text} dict becomes `field_cs` … `field_en`; other values stay."""
    values = {}
    for name, value in record.items():
        if isinstance(value, dict):
            values.update({f"{name}_{language}": _as_text(value[language]) for language in LANGUAGES})
        else:
            values[name] = value
    return values


def _upsert(model: type[models.Model], record: dict, keys: tuple[str, ...]) -> models.Model:
    """Create the object, or update only the fields that differ, so a second run saves nothing."""
    lookup = {key: record[key] for key in keys}
    values = _field_values({name: value for name, value in record.items() if name not in keys})
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values)
    changed = {name: value for name, value in values.items() if getattr(obj, name) != value}
    if changed:
        for name, value in changed.items():
            setattr(obj, name, value)
        obj.save()
    return obj


def _seed_partners() -> dict[str, Partner]:
    return {record["code"]: _upsert(Partner, record, ("code",)) for record in PARTNERS}


def _seed_events(partners: dict[str, Partner]) -> dict[str, Event]:
    events = {}
    for record in EVENTS:
        events[record["slug"]] = _upsert(Event, {**record, "host": partners[record["host"]]}, ("slug",))
    return events


def _seed_programme(event: Event, items: list[dict]) -> None:
    for record in items:
        _upsert(ProgrammeItem, {**record, "event": event}, ("event", "day", "order"))


def _seed_pages() -> None:
    for record in PAGES:
        _upsert(Page, record, ("slug",))


@transaction.atomic
def seed_content() -> None:
    """Create or update the partners, the four events, the Olomouc programme and the content pages."""
    # modeltranslation fills the untranslated column (`title`) from the active language: make that Czech.
    with translation.override(DEFAULT_LANGUAGE):
        partners = _seed_partners()
        events = _seed_events(partners)
        _seed_programme(events["olomouc-2023"], OLOMOUC_PROGRAMME)
        _seed_pages()
