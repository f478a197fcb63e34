"""The registration parts of the closing event in Olomouc (21–22 June 2023), in five languages."""

import datetime

from events.models import Event

from .models import Part

OLOMOUC_SLUG = "olomouc-2023"

OLOMOUC_PARTS = [
    {
        "order": 1,
        "date": datetime.date(2023, 6, 21),
        "capacity": 120,
        "name": {
            "cs": "Seminář a workshopy",
            "sk": "Seminár a workshopy",
            "pl": "Seminarium i warsztaty",
            "hu": "Szeminárium és workshopok",
            "en": "Seminar and workshops",
        },
        "description": {
            "cs": "Závěrečný seminář projektu: výsledky čtyř workshopů, dobrá praxe samospráv V4 a workshopy "
            "v menších skupinách. Oběd a občerstvení jsou zajištěny.",
            "sk": "Záverečný seminár projektu: výsledky štyroch workshopov, dobrá prax samospráv V4 a workshopy "
            "v menších skupinách. Obed a občerstvenie sú zabezpečené.",
            "pl": "Seminarium zamykające projekt: wyniki czterech warsztatów, dobre praktyki samorządów V4 "
            "i warsztaty w mniejszych grupach. Zapewniamy obiad i poczęstunek.",
            "hu": "A projekt záró szemináriuma: a négy workshop eredményei, a V4 önkormányzatainak jó gyakorlatai "
            "és kiscsoportos workshopok. Ebédet és frissítőt biztosítunk.",
            "en": "The project's closing seminar: results of the four workshops, good practice of V4 local "
            "governments and workshops in smaller groups. Lunch and refreshments are provided.",
        },
    },
    {
        "order": 2,
        "date": datetime.date(2023, 6, 22),
        "capacity": 45,
        "name": {
            "cs": "Studijní cesta",
            "sk": "Študijná cesta",
            "pl": "Wizyta studyjna",
            "hu": "Tanulmányút",
            "en": "Study tour",
        },
        "description": {
            "cs": "Celodenní studijní cesta autobusem po Olomouckém kraji: příklady dobré praxe obcí a měst. "
            "Kapacita je omezena jedním autobusem.",
            "sk": "Celodenná študijná cesta autobusom po Olomouckom kraji: príklady dobrej praxe obcí a miest. "
            "Kapacita je obmedzená jedným autobusom.",
            "pl": "Całodniowa wizyta studyjna autokarem po kraju ołomunieckim: przykłady dobrych praktyk gmin "
            "i miast. Liczba miejsc jest ograniczona do jednego autokaru.",
            "hu": "Egész napos buszos tanulmányút az Olomouci kerületben: települések és városok jó gyakorlatai. "
            "A férőhelyek száma egy buszra korlátozódik.",
            "en": "A day-long study tour by bus in the Olomouc Region: good practice of towns and municipalities. "
            "Places are limited to one bus.",
        },
    },
]


def seed_parts() -> list[Part]:
    """Create or update the Olomouc parts, found by event and date; running it again changes nothing.

    Nothing happens when the event has not been loaded (events.seed creates it)."""
    event = Event.objects.filter(slug=OLOMOUC_SLUG).first()
    if event is None:
        return []
    parts = []
    for spec in OLOMOUC_PARTS:
        defaults = {"order": spec["order"], "capacity": spec["capacity"]}
        for code, text in spec["name"].items():
            defaults[f"name_{code}"] = text
        for code, text in spec["description"].items():
            defaults[f"description_{code}"] = text
        part, _created = Part.objects.update_or_create(event=event, date=spec["date"], defaults=defaults)
        parts.append(part)
    return parts
