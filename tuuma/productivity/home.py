"""The productivity app's link in the navigation and its block on the front page."""

from django.urls import reverse
from django.utils.translation import gettext as _

from tuuma.organisation.permissions import can
from tuuma.productivity.models import Product


def nav_item(request) -> dict | None:
    products = Product.objects.visible_to(request.user, request.organisation)
    if not products.exists():
        return None
    return {"url": reverse("productivity:index"), "label": _("Productivity")}


def home_section(request) -> dict | None:
    if not can(request.user, "productivity.answer_survey", request.organisation):
        return None
    return {
        "title": _("Service products and working life"),
        "text": _(
            "Unit costs, the digital share and the quality of working life, side by "
            "side. Answer the working-life survey when it is open."
        ),
        "url": reverse("productivity:surveys"),
        "link_text": _("Working-life surveys"),
    }
