"""The registration parts of the closing event in Olomouc (21–22 June 2023), in five languages, and
`load_content`, which loads them with the rest of the real content (safe on a live site)."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import translation

from events.models import Event
from events.seed import seed_content, upsert_content

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
        # Only what facts.md carries: the seminar's topics and who presents. Meals and capacities are not facts.
        "description": {
            "cs": "Mezinárodní seminář o SMART agendě měst a obcí s workshopy: 15minutové město, přeměna průmyslových "
            "zón na obytné a smíšené čtvrti, nové čtvrti na zelené louce. Zkušenosti představují česká a slovenská "
            "města a obce.",
            "sk": "Medzinárodný seminár o SMART agende miest a obcí s workshopmi: 15-minútové mesto, premena "
            "priemyselných zón na obytné a zmiešané štvrte, nové štvrte na zelenej lúke. Skúsenosti predstavujú české "
            "a slovenské mestá a obce.",
            "pl": "Międzynarodowe seminarium o agendzie SMART w miastach i gminach z warsztatami: miasto 15-minutowe, "
            "przekształcanie terenów przemysłowych w dzielnice mieszkaniowe i wielofunkcyjne, nowe dzielnice na "
            "terenach niezabudowanych. Doświadczeniami dzielą się czeskie i słowackie miasta i gminy.",
            "hu": "Nemzetközi szeminárium workshopokkal a városok és települések SMART agendájáról: a 15 perces város, "
            "ipari övezetek átalakítása lakó- és vegyes funkciójú városrészekké, új városrészek zöldmezős "
            "területeken. Tapasztalataikat cseh és szlovákiai városok és települések mutatják be.",
            "en": "International seminar with workshops on the SMART agenda of towns and municipalities: the "
            "15-minute city, turning industrial zones into residential and mixed-use districts, new districts on "
            "greenfield sites. Czech and Slovak towns and municipalities present their experience.",
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
            "cs": "Studijní cesta za konkrétními příklady dobré praxe. Která místa navštíví, zatím nebylo zveřejněno.",
            "sk": "Študijná cesta za konkrétnymi príkladmi dobrej praxe. Ktoré miesta navštívi, zatiaľ nebolo "
            "zverejnené.",
            "pl": "Wizyta studyjna poświęcona konkretnym przykładom dobrych praktyk. Odwiedzane miejsca nie zostały "
            "jeszcze podane do wiadomości.",
            "hu": "Tanulmányút konkrét jó gyakorlatok megismerésére. Az úti célokat még nem hozták nyilvánosságra.",
            "en": "A study tour to concrete examples of good practice. The places it visits have not been published "
            "yet.",
        },
    },
]


def seed_parts() -> list[Part]:
    """Create or update the Olomouc parts, found by event and date, as `events.seed` does its content: a
    capacity or name that staff have changed since stays as they set it. Running it again changes nothing.

    Nothing happens when the event has not been loaded (events.seed creates it)."""
    event = Event.objects.filter(slug=OLOMOUC_SLUG).first()
    if event is None:
        return []
    parts = []
    with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        for spec in OLOMOUC_PARTS:
            values = {"order": spec["order"], "capacity": spec["capacity"]}
            for code, text in spec["name"].items():
                values[f"name_{code}"] = text
            for code, text in spec["description"].items():
                values[f"description_{code}"] = text
            part = upsert_content(Part, {"event": event, "date": spec["date"]}, values)
            if part is not None:
                parts.append(part)
    return parts


@transaction.atomic
def load_content() -> list[Part]:
    """`manage.py load_content`: the real content and the registration parts; returns the parts."""
    seed_content()
    return seed_parts()
