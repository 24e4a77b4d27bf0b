"""The fictional demo municipality Esimerkkilä: areas, units and a cast of people."""

from dataclasses import dataclass, field

from django.conf import settings

from tuuma.accounts.models import User
from tuuma.organisation.models import (
    Domain,
    Membership,
    Organisation,
    ServiceArea,
    Unit,
)
from tuuma.organisation.roles import Role

DEMO_PASSWORD = "tuuma-demo-2026"  # noqa: S105  (documented in the README)

AREAS = [
    (
        "konsernipalvelut",
        "Konsernipalvelut",
        "Koncerntjänster",
        "Group services",
        ["Talous- ja henkilöstöpalvelut", "Hallinto- ja asianhallinta", "Digipalvelut"],
    ),
    (
        "sivistyspalvelut",
        "Sivistyspalvelut",
        "Bildningstjänster",
        "Education and culture",
        ["Perusopetus", "Varhaiskasvatus", "Kirjasto- ja kulttuuripalvelut"],
    ),
    (
        "hyvinvointipalvelut",
        "Hyvinvointipalvelut",
        "Välfärdstjänster",
        "Wellbeing services",
        ["Liikuntapalvelut", "Nuorisopalvelut", "Ikäihmisten palvelut"],
    ),
    (
        "tekniset-palvelut",
        "Tekniset palvelut",
        "Tekniska tjänster",
        "Technical services",
        ["Rakennusvalvonta", "Kaavoitus", "Kiinteistö- ja kunnossapitopalvelut"],
    ),
]

# (key, e-mail local part, full name, language, role or None, area slug or None)
CAST = [
    ("admin", "paakayttaja", "Aino Ylläpitäjä", "fi", Role.ADMINISTRATOR, None),
    ("manager", "johtaja", "Matti Johtaja", "fi", Role.MANAGER, None),
    ("lead", "kehittaja", "Liisa Kehittäjä", "fi", Role.PRODUCTIVITY_LEAD, None),
    (
        "area_lead",
        "tekninen.kehittaja",
        "Tapio Tekninen",
        "fi",
        Role.PRODUCTIVITY_LEAD,
        "tekniset-palvelut",
    ),
    (
        "process_owner",
        "prosessi",
        "Pirjo Prosessinomistaja",
        "fi",
        Role.PROCESS_OWNER,
        "tekniset-palvelut",
    ),
    ("moderator", "moderaattori", "Mikael Moderaattori", "sv", Role.MODERATOR, None),
    ("analyst", "arkisto", "Anneli Arkistonhoitaja", "fi", Role.CASELOG_ANALYST, None),
    (
        "employee",
        "tyontekija",
        "Eero Työntekijä",
        "fi",
        Role.EMPLOYEE,
        "sivistyspalvelut",
    ),
    (
        "employee2",
        "hoitaja",
        "Hanna Hoitaja",
        "fi",
        Role.EMPLOYEE,
        "hyvinvointipalvelut",
    ),
    ("resident", "asukas", "Riikka Asukas", "fi", None, None),
    ("resident_sv", "invanare", "Stina Invånare", "sv", None, None),
    ("resident_en", "resident", "Rob Resident", "en", None, None),
]


@dataclass
class Demo:
    organisation: Organisation
    areas: dict[str, ServiceArea]
    people: dict[str, User] = field(default_factory=dict)


def seed_organisation() -> Demo:
    organisation, _ = Organisation.objects.get_or_create(
        slug="esimerkkila", defaults={"name": "Esimerkkilän kaupunki"}
    )
    for host in settings.TUUMA_DEMO_HOSTS:
        Domain.objects.get_or_create(host=host, defaults={"organisation": organisation})
    areas = {}
    for slug, name, name_sv, name_en, units in AREAS:
        area, _ = ServiceArea.objects.get_or_create(
            organisation=organisation,
            slug=slug,
            defaults={"name": name, "name_sv": name_sv, "name_en": name_en},
        )
        areas[slug] = area
        for unit_name in units:
            Unit.objects.get_or_create(
                organisation=organisation, service_area=area, name=unit_name
            )
    demo = Demo(organisation=organisation, areas=areas)
    for key, local, name, language, role, area_slug in CAST:
        user = User.objects.filter(
            organisation=organisation, email=f"{local}@esimerkkila.fi"
        ).first() or User.objects.create_user(
            f"{local}@esimerkkila.fi",
            DEMO_PASSWORD,
            organisation=organisation,
            full_name=name,
            preferred_language=language,
        )
        if role:
            Membership.objects.get_or_create(
                organisation=organisation,
                user=user,
                role=role,
                service_area=areas.get(area_slug),
            )
        demo.people[key] = user
    return demo
