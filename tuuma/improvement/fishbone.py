"""Fishbone (Ishikawa) category sets of DOMAIN.md §3.2, kept as data.

The public-service set is the default for municipal office processes; the 6M,
8P and 4S sets are offered too.
"""

from django.utils.translation import gettext_lazy as _

CATEGORY_SETS: dict[str, dict] = {
    "public_service": {
        "name": _("Public service (default)"),
        "categories": {
            "people": _("People and skills"),
            "process": _("Process and rules"),
            "information": _("Information and documents"),
            "it": _("IT systems"),
            "environment": _("Environment and organisation"),
            "customer": _("Customer or resident input"),
            "measurement": _("Measurement"),
        },
    },
    "6m": {
        "name": _("6M"),
        "categories": {
            "man": _("People"),
            "machine": _("Equipment and IT"),
            "method": _("Method"),
            "material": _("Material and information"),
            "measurement": _("Measurement"),
            "environment": _("Environment"),
        },
    },
    "8p": {
        "name": _("8P (services)"),
        "categories": {
            "product": _("Product or service"),
            "price": _("Price"),
            "place": _("Place"),
            "promotion": _("Promotion"),
            "people": _("People"),
            "process": _("Process"),
            "physical": _("Physical evidence"),
            "productivity": _("Productivity and quality"),
        },
    },
    "4s": {
        "name": _("4S"),
        "categories": {
            "surroundings": _("Surroundings"),
            "suppliers": _("Suppliers"),
            "systems": _("Systems"),
            "skills": _("Skills"),
        },
    },
}
DEFAULT_SET = "public_service"


def set_choices() -> list[tuple[str, str]]:
    return [(key, value["name"]) for key, value in CATEGORY_SETS.items()]


def categories(set_key: str) -> dict:
    return CATEGORY_SETS.get(set_key, CATEGORY_SETS[DEFAULT_SET])["categories"]
