"""Productivity objects for the permission matrix (tuuma/organisation/tests)."""

from datetime import timedelta

from django.utils import timezone

from tuuma.productivity import actions
from tuuma.productivity.models import (
    CostCentre,
    Driver,
    Product,
    ProductGroup,
    SurveyRemark,
)


def objects(org, cast, area) -> list:
    """A product group, a published and an unpublished product, a cost centre of
    the area and one of the whole organisation, an open survey and a remark."""
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
    centres = [
        CostCentre.objects.create(
            organisation=org,
            service_area=centre_area,
            code=code,
            name=code,
            driver=Driver.FIXED,
        )
        for code, centre_area in (("K1", area), ("K2", None))
    ]
    remark = SurveyRemark.objects.create(
        organisation=org, survey=survey, text="Huomio", may_become_idea=True
    )
    return [group, published, hidden, *centres, survey, remark]
