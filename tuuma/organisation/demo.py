"""The fictional demo municipality Esimerkkilä: its host names, areas and units.

The people come from ``tuuma/accounts/demo.py``; every other app's ``demo.seed``
adds its content to the same ``Demo``.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings

from tuuma.organisation.models import Domain, Organisation, ServiceArea, Unit

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


@dataclass
class Demo:
    organisation: Organisation
    areas: dict[str, ServiceArea]
    people: dict[str, Any] = field(default_factory=dict)


def seed_base() -> Demo:
    organisation, _ = Organisation.objects.get_or_create(
        slug="esimerkkila",
        defaults={
            "name": "Esimerkkilän kaupunki",
            # `make run` serves the demo here; links in its e-mails point back to it.
            "public_origin": "http://127.0.0.1:8000",
            # Anyone trying the demo signs in with the README's password alone;
            # a real organisation requires a second factor of its staff roles.
            "two_factor_roles": [],
            # The map area around the invented town (budgeting's proposal maps).
            "map_south": Decimal("61.90"),
            "map_west": Decimal("24.05"),
            "map_north": Decimal("62.08"),
            "map_east": Decimal("24.40"),
        },
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
    return Demo(organisation=organisation, areas=areas)
