"""Productivity objects for the permission matrix (tuuma/organisation/tests)."""

from datetime import timedelta

from django.utils import timezone

from tuuma.productivity import actions
from tuuma.productivity.models import Product, ProductGroup


def objects(org, cast, area) -> list:
    """A published and an unpublished product, and an open survey."""
    group = ProductGroup.objects.create(organisation=org, service_area=area, name="G")
    published, hidden = (
        Product.objects.create(
            organisation=org,
            service_area=area,
            group=group,
            code=code,
            name=code,
            output_unit="päätös",
            is_published=public,
        )
        for code, public in (("P1", True), ("P2", False))
    )
    today = timezone.localdate()
    survey = actions.survey_create(
        organisation=org,
        by=cast.productivity_lead,
        title="Pulssi",
        opens_on=today - timedelta(days=1),
        closes_on=today + timedelta(days=1),
        statements=[("Työ on mielekästä.", "", "")],
    )
    return [published, hidden, survey]
