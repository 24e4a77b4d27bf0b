"""Operations on service products, their figures and the working-life survey."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

import polars as pl
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from tuuma.accounts.models import User
from tuuma.audit.actions import audit_record
from tuuma.caselog.engine import CaseFilter
from tuuma.caselog.logs import view_of
from tuuma.organisation.models import Organisation, Unit
from tuuma.productivity import imports
from tuuma.productivity.models import (
    MeasureProduct,
    PriceIndex,
    Product,
    Survey,
    SurveyAnswer,
    SurveyParticipation,
    SurveyResponse,
    Volume,
)

LOCAL_TIME_ZONE = "Europe/Helsinki"


class SurveyAnswerError(ValueError):
    """Why an answer was not taken; the message is for people."""


def figures_import(
    *, organisation: Organisation, by: User, kind: str, data: bytes, filename: str
) -> int:
    """Import a volume, ledger or hours file; all of it or nothing."""
    count = imports.IMPORTERS[kind](organisation=organisation, data=data)
    audit_record(
        organisation=organisation,
        actor=by,
        action=f"productivity.import_{kind}",
        details={"file": filename[:200], "rows": count},
    )
    return count


def price_index_set(
    *, organisation: Organisation, by: User, year: int, value: Decimal
) -> PriceIndex:
    index, _created = PriceIndex.objects.update_or_create(
        organisation=organisation, year=year, defaults={"value": value}
    )
    audit_record(
        organisation=organisation,
        actor=by,
        action="productivity.price_index",
        target=index,
        details={"year": year, "value": str(value)},
    )
    return index


def volumes_count_from_caselog(*, product: Product) -> int:
    """Closed cases of the product's case types per local month become its volume.

    A case counts in the month (Europe/Helsinki) of its last event; the months the
    log covers replace earlier counts from the log, in one transaction.
    """
    log = product.caselog
    if log is None or log.current_version is None:
        return 0
    attributes = {}
    if product.case_types and product.case_type_attribute:
        attributes[product.case_type_attribute] = list(product.case_types)
    cases = view_of(log.current_version, CaseFilter(attributes=attributes)).cases
    end = pl.col("_end")
    if cases.schema["_end"].time_zone is None:  # naive times are local already
        month = end.dt.truncate("1mo")
    else:
        month = end.dt.convert_time_zone(LOCAL_TIME_ZONE).dt.truncate("1mo")
    counts = cases.group_by(month.alias("month")).agg(pl.len().alias("n"))
    rows = [(row["month"].date(), row["n"]) for row in counts.iter_rows(named=True)]
    with transaction.atomic():
        Volume.objects.filter(product=product, source=Volume.Source.CASELOG).delete()
        Volume.objects.bulk_create(
            Volume(
                organisation=product.organisation,
                product=product,
                period=month,
                quantity=n,
                source=Volume.Source.CASELOG,
            )
            for month, n in rows
        )
    return len(rows)


def survey_answer(
    *,
    survey: Survey,
    person: User,
    unit: Unit,
    values: Mapping[int, int],
    recommendation: int | None,
) -> SurveyResponse:
    """Record one anonymous response: the values, and apart from them, that the
    person has answered (so nobody answers twice)."""
    if not survey.is_open:
        raise SurveyAnswerError(_("This survey is not open."))
    statements = set(survey.statements.values_list("pk", flat=True))
    if set(values) != statements or any(not 1 <= v <= 5 for v in values.values()):
        raise SurveyAnswerError(_("Answer every statement on the scale 1–5."))
    if recommendation is not None and not 0 <= recommendation <= 10:
        raise SurveyAnswerError(_("The recommendation is a number from 0 to 10."))
    try:
        with transaction.atomic():
            SurveyParticipation.objects.create(
                organisation=survey.organisation, survey=survey, person=person
            )
            response = SurveyResponse.objects.create(
                organisation=survey.organisation,
                survey=survey,
                unit=unit,
                recommendation=recommendation,
            )
            SurveyAnswer.objects.bulk_create(
                SurveyAnswer(
                    organisation=survey.organisation,
                    response=response,
                    statement_id=statement,
                    value=value,
                )
                for statement, value in sorted(values.items())
            )
    except IntegrityError:
        raise SurveyAnswerError(_("You have already answered this survey.")) from None
    return response


def survey_create(
    *,
    organisation: Organisation,
    by: User,
    title: str,
    opens_on: date,
    closes_on: date,
    statements: list[tuple[str, str, str]],
) -> Survey:
    """A survey with its statements (Finnish, Swedish, English texts)."""
    with transaction.atomic():
        survey = Survey.objects.create(
            organisation=organisation,
            title=title,
            opens_on=opens_on,
            closes_on=closes_on,
        )
        survey.statements.bulk_create(
            survey.statements.model(
                organisation=organisation,
                survey=survey,
                order=order,
                text=fi,
                text_sv=sv,
                text_en=en,
            )
            for order, (fi, sv, en) in enumerate(statements)
        )
        audit_record(
            organisation=organisation,
            actor=by,
            action="productivity.survey_create",
            target=survey,
        )
    return survey


def measure_product_link(
    *,
    measure,
    by: User,
    product: Product,
    expected_unit_cost: Decimal | None,
    expected_digital_share: Decimal | None,
) -> MeasureProduct:
    """Link a product to a measure (or update what it expects of it)."""
    link, _created = MeasureProduct.objects.update_or_create(
        measure=measure,
        product=product,
        defaults={
            "organisation": measure.organisation,
            "expected_unit_cost": expected_unit_cost,
            "expected_digital_share": expected_digital_share,
        },
    )
    audit_record(
        organisation=measure.organisation,
        actor=by,
        action="productivity.measure_product",
        target=link,
        details={"measure": measure.pk, "product": product.pk},
    )
    return link
