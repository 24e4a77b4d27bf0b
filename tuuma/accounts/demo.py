"""The demo municipality's people: one or more in every role (README lists them)."""

from tuuma.accounts.models import User
from tuuma.organisation.demo import Demo, seed_base
from tuuma.organisation.models import Membership
from tuuma.organisation.roles import Role

DEMO_PASSWORD = "tuuma-demo-2026"  # noqa: S105  (documented in the README)

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


def seed(demo: Demo) -> None:
    organisation = demo.organisation
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
                service_area=demo.areas.get(area_slug),
            )
        demo.people[key] = user


def seed_organisation() -> Demo:
    """The organisation with its people: what every app's demo builds on."""
    demo = seed_base()
    seed(demo)
    return demo
