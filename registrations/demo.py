"""The development demo (`manage.py seed_demo`): an account for each role and about 60 demo registrations for
Olomouc, all marked as demo (is_demo, "(demo)" after the organisation, addresses at example.org). No
randomness: the same list gives the same data, and objects are found by their natural keys (user name,
e-mail and event), so seeding again changes nothing. Never on a live site: its accounts share a published
password."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from events.models import Event, Partner

from . import selectors
from .collation import fold
from .content import OLOMOUC_SLUG
from .models import Part, PartnerMembership, Registration, Seat
from .phones import phone_normalise
from .services import seats
from .tokens import new_checkin_code, new_token, private_token, token_hash

DEMO_STAFF = [("editor", "Editors"), ("organiser", "Organisers")]
DEMO_PARTNERS = [("partner-cz", "smo-cr"), ("partner-sk", "zmos"), ("partner-pl", "zmp"), ("partner-hu", "toosz")]
DEMO_DOMAIN = "example.org"
DEMO_START = datetime.datetime(2023, 5, 15, 7, 0, tzinfo=datetime.UTC)  # = registration_opens in workshops.json

# (first name, last name, country, organisation, position, accessibility needs as the registrant wrote them)
DEMO_PEOPLE = [
    ("Jana", "Šťastná", "CZ", "Město Litovel", "starostka", ""),
    ("Łukasz", "Żółć", "PL", "Gmina Wieliczka", "wójt", ""),
    ("Ödön", "Győrffy", "HU", "Szentendre Város Önkormányzata", "polgármester", ""),
    ("Lucia", "Kováčová", "SK", "Obec Veľká Lúka", "starostka", ""),
    (
        "Petr",
        "Dvořák",
        "CZ",
        "Statutární město Olomouc",
        "náměstek primátora",
        "Jsem na vozíku, prosím bezbariérový přístup.",
    ),
    ("Agnieszka", "Wiśniewska", "PL", "Miasto Kraków", "dyrektor wydziału", ""),
    ("Éva", "Szabó", "HU", "Győr Megyei Jogú Város", "alpolgármester", ""),
    ("Ján", "Ďurica", "SK", "Mesto Trenčín", "primátor", ""),
    ("Anna", "Müller", "OTHER", "Gemeinde Hallstatt", "Bürgermeisterin", ""),
    ("Tomáš", "Chalupa", "CZ", "Obec Hlubočky", "starosta", ""),
    ("Piotr", "Łukasik", "PL", "Gmina Zakopane", "sekretarz gminy", ""),
    ("Csaba", "Kovács", "HU", "Eger Megyei Jogú Város", "jegyző", "Hallókészüléket használok, indukciós hurkot kérek."),
    ("Mária", "Šťastná", "SK", "Obec Jasná", "prednostka úradu", ""),
    ("Eva", "Hořejší", "CZ", "Svazek obcí Mikroregion Litovelsko", "manažerka", ""),
    ("Katarzyna", "Lewandowska", "PL", "Związek Miast Polskich", "ekspert", ""),
    ("Zsófia", "Nagy", "HU", "Pécs Megyei Jogú Város", "osztályvezető", ""),
    ("Peter", "Hríb", "SK", "Mesto Žilina", "poslanec", ""),
    ("Martin", "Čech", "CZ", "Město Šternberk", "místostarosta", ""),
    ("Tomasz", "Ślęzak", "PL", "Gmina Ustka", "burmistrz", ""),
    ("Gyula", "Tóth", "HU", "Kecskemét Megyei Jogú Város", "képviselő", ""),
    ("Sarah", "O'Brien", "OTHER", "Galway City Council", "councillor", ""),
    ("Lucie", "Řeháková", "CZ", "Obec Dub nad Moravou", "starostka", ""),
    ("Zuzana", "Čierna", "SK", "Združenie miest a obcí Slovenska", "odborná referentka", ""),
    ("Małgorzata", "Mazur", "PL", "Miasto Gdańsk", "radna", "Poruszam się o kulach, proszę o miejsce blisko wejścia."),
    ("Anna", "Csizmadia", "HU", "Települési Önkormányzatok Országos Szövetsége", "szakértő", ""),
    ("Jiří", "Cibulka", "CZ", "Město Uničov", "tajemník úřadu", ""),
    ("Martin", "Ľupták", "SK", "Obec Liptovská Teplá", "starosta", ""),
    ("Paweł", "Kowalczyk", "PL", "Gmina Bochnia", "zastępca wójta", ""),
    ("Lőrinc", "Horváth", "HU", "Sopron Megyei Jogú Város", "alpolgármester", ""),
    ("Marko", "Horvat", "OTHER", "Grad Varaždin", "city officer", ""),
    ("Kateřina", "Ženíšková", "CZ", "Obec Velká Bystřice", "referentka", ""),
    ("Katarína", "Dzurindová", "SK", "Mesto Prešov", "vedúca odboru", ""),
    ("Joanna", "Ćwik", "PL", "Gmina Skawina", "inspektor", ""),
    ("Katalin", "Cseh", "HU", "Szeged Megyei Jogú Város", "referens", ""),
    ("Pavel", "Hora", "CZ", "Město Mohelnice", "starosta", ""),
    ("Michal", "Šoltés", "SK", "Obec Zázrivá", "starosta", ""),
    ("Grzegorz", "Nowak", "PL", "Miasto Rzeszów", "naczelnik wydziału", ""),
    ("Ferenc", "Varga", "HU", "Veszprém Megyei Jogú Város", "polgármester", ""),
    ("Sofia", "Rossi", "OTHER", "Comune di Trento", "project manager", "I need step-free access."),
    ("Zdeňka", "Malá", "CZ", "Obec Bohuňovice", "účetní", ""),
    ("Jana", "Ôsvaldová", "SK", "Mesto Banská Štiavnica", "projektová manažérka", ""),
    ("Barbara", "Źrebiec", "PL", "Gmina Niepołomice", "skarbnik", ""),
    ("Réka", "Zsámboki", "HU", "Tata Város Önkormányzata", "projektmenedzser", ""),
    ("Ondřej", "Kříž", "CZ", "Město Přerov", "radní", ""),
    ("Tibor", "Vážny", "SK", "Obec Štrba", "starosta", ""),
    ("Michał", "Lukas", "PL", "Gmina Brzesko", "burmistrz", ""),
    ("Tamás", "Lengyel", "HU", "Esztergom Város Önkormányzata", "képviselő", ""),
    ("Jonas", "Weber", "OTHER", "Stadt Regensburg", "city planner", ""),
    ("Marie", "Nováková", "CZ", "Svaz měst a obcí České republiky", "odborná referentka", ""),
    ("Eva", "Chovancová", "SK", "Mesto Poprad", "hovorkyňa", ""),
    ("Anna", "Szczęsna", "PL", "Gmina Myślenice", "radna", ""),
    ("Ildikó", "Ötvös", "HU", "Hollókő Község Önkormányzata", "polgármester", "Kerekesszékkel közlekedem."),
    ("Vojtěch", "Šimek", "CZ", "Obec Štěpánov", "starosta", ""),
    ("Róbert", "Kuchár", "SK", "Obec Terchová", "zástupca starostu", ""),
    ("Léa", "Dubois", "OTHER", "Ville de Strasbourg", "policy officer", ""),
    ("Alena", "Pospíšilová", "CZ", "Město Konice", "místostarostka", ""),
    ("Radek", "Bartoš", "CZ", "Obec Náměšť na Hané", "starosta", ""),
    ("Milan", "Jovanović", "OTHER", "Grad Novi Sad", "advisor", ""),
    ("Ana", "Kovač", "OTHER", "Občina Piran", "project officer", ""),
    ("Ivan", "Petrov", "OTHER", "Sofia Municipality", "expert", ""),
]
COUNTRY_LANGUAGE = {"CZ": "cs", "SK": "sk", "PL": "pl", "HU": "hu", "OTHER": "en"}
COUNTRY_PHONE = {"CZ": "+420 601", "SK": "+421 905", "PL": "+48 601", "HU": "+36 30 1", "OTHER": "+44 20 79"}
OTHER_DIETS = ["bez vepřového masa", "alergia na orechy", "bez laktozy i glutenu", "halal", "no shellfish"]
# The last three never confirmed their address, cancelled, or await confirmation: something to act on.
PENDING, CANCELLED = {57, 58}, {56}


def _ascii(text: str) -> str:
    return "".join(char for char in fold(text) if char.isascii() and (char.isalnum() or char == "-"))


def demo_person(index: int) -> dict:
    """The fixed details of demo registrant number `index`: a rule per field, no randomness."""
    first, last, country, organisation, position, needs = DEMO_PEOPLE[index]
    language = "en" if index % 9 == 8 else COUNTRY_LANGUAGE[country]  # a few read the site in English
    diet = ["none", "none", "vegetarian", "none", "gluten-free", "none", "vegan", "none", "lactose-free", "other"]
    return {
        "first_name": first,
        "last_name": last,
        "email": f"{_ascii(first)}.{_ascii(last)}@{DEMO_DOMAIN}",
        # Stored as the forms store it, in E.164 (registrations/phones.py).
        "phone": phone_normalise(f"{COUNTRY_PHONE[country]} {100 + index:03d} {200 + index * 7:03d}", None),
        "organisation": f"{organisation} (demo)",
        "position": position,
        "country": country,
        "language": language,
        # Most follow the seminar in their own language; every seventh in English.
        "interpretation_language": "en" if index % 7 == 6 else COUNTRY_LANGUAGE[country],
        "diet": diet[index % 10],
        "diet_other": OTHER_DIETS[(index // 10) % len(OTHER_DIETS)] if index % 10 == 9 else "",
        "accessibility_needs": needs,
        "consent_photos": index % 3 != 2,
        "consent_sharing": index % 4 != 3,
    }


def demo_parts_for(index: int, seminar: Part, tour: Part) -> list[Part]:
    """Most come to both days; every eighth only to the seminar, every eleventh only to the tour."""
    if index % 8 == 7:
        return [seminar]
    if index % 11 == 10:
        return [tour]
    return [seminar, tour]


def seed_demo_registrations() -> int:
    """About 60 demo registrations for Olomouc: the bus filled up and a few on its waiting list. Only missing
    ones are created (seats taken in order of confirmation, by the capacity); returns how many."""
    event = Event.objects.filter(slug=OLOMOUC_SLUG).first()
    parts = list(Part.objects.filter(event=event).order_by("date")) if event else []
    if len(parts) < 2:
        return 0
    seminar, tour = parts[0], parts[1]
    created = 0
    for index in range(len(DEMO_PEOPLE)):
        person = demo_person(index)
        if Registration.objects.filter(event=event, email__iexact=person["email"]).exists():
            continue
        _create_demo_registration(event, index, person, demo_parts_for(index, seminar, tour))
        created += 1
    return created


def _create_demo_registration(event: Event, index: int, person: dict, parts: list[Part]) -> None:
    when = DEMO_START + datetime.timedelta(hours=11 * index, minutes=7 * index)
    pending = index in PENDING
    status = Registration.Status.PENDING if pending else Registration.Status.ACTIVE
    if index in CANCELLED:
        status = Registration.Status.CANCELLED
    if pending:  # a pending one must still be confirmable, so it is "registered" now
        when = timezone.now()
    registration = Registration.objects.create(
        event=event,
        token_hash=token_hash(new_token()),  # until the row has its id, from which the link is derived
        checkin_code=new_checkin_code(),
        status=status,
        privacy_version=selectors.privacy_notice_version(person["language"]),
        privacy_language=person["language"],
        privacy_accepted_at=when,
        confirmed_at=None if pending else when,
        confirm_expires_at=when + datetime.timedelta(hours=settings.REGISTRATION_CONFIRM_HOURS),
        is_demo=True,
        **person,
    )
    # `created` is set automatically on insert; the demo wants its own, spread over the weeks of registration.
    link = token_hash(private_token(registration.pk, registration.link_version))
    Registration.objects.filter(pk=registration.pk).update(created=when, updated=when, token_hash=link)
    registration.requested_parts.set(parts)
    if pending:
        return
    for part in parts:
        if status == Registration.Status.CANCELLED:
            seat_status = Seat.Status.CANCELLED
        else:
            seat_status = seats.status_for(capacity=part.capacity, confirmed=selectors.confirmed_count(part.pk))
        Seat.objects.create(registration=registration, part=part, status=seat_status, since=when)


def seed_demo_accounts(password: str) -> list[tuple[str, str]]:
    """The demo's user accounts, one per role: (user name, what it is). The password is set only when an
    account is created: an existing user's password is never changed."""
    accounts = []
    for username, group_name in DEMO_STAFF:
        user = demo_user(username, password, is_staff=True)
        user.groups.add(Group.objects.get(name=group_name))
        accounts.append((username, group_name))
    for username, code in DEMO_PARTNERS:
        partner = Partner.objects.filter(code=code).first()
        if partner is None:
            continue
        user = demo_user(username, password, is_staff=False)
        PartnerMembership.objects.update_or_create(user=user, defaults={"partner": partner})
        accounts.append((username, partner.short_name))
    return accounts


def demo_user(username: str, password: str, **defaults):
    """The demo account, created with this password; an existing one is left exactly as it is."""
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@{DEMO_DOMAIN}", **defaults}
    )
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
    return user
