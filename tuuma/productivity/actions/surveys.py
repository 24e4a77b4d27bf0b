"""The working-life survey: preparing it, answering it, and its remarks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tuuma.accounts.models import User
from tuuma.audit.actions import audit_record
from tuuma.ideas.actions.lifecycle import idea_create
from tuuma.ideas.models import Idea, IdeaKind
from tuuma.organisation.models import Organisation, ServiceArea, Unit
from tuuma.productivity.figures import MIN_GROUP
from tuuma.productivity.models import (
    Statement,
    Survey,
    SurveyAnswer,
    SurveyParticipation,
    SurveyRemark,
    SurveyResponse,
)

StatementTexts = Sequence[tuple[str, str, str]]  # Finnish, Swedish, English


class SurveyAnswerError(ValueError):
    """Why an answer (or a change) was not taken; the message is for people."""


def survey_answer(
    *,
    survey: Survey,
    person: User,
    unit: Unit,
    values: Mapping[int, int],
    recommendation: int | None,
    remark: str = "",
    remark_may_become_idea: bool = False,
) -> SurveyResponse:
    """Record one anonymous response: the values, apart from them the remark (if
    any), and apart from both that the person has answered (so nobody answers
    twice)."""
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
            if remark.strip():
                SurveyRemark.objects.create(
                    organisation=survey.organisation,
                    survey=survey,
                    text=remark.strip(),
                    may_become_idea=remark_may_become_idea,
                )
    except IntegrityError:
        raise SurveyAnswerError(_("You have already answered this survey.")) from None
    return response


def _statements_replace(survey: Survey, statements: StatementTexts) -> None:
    survey.statements.all().delete()
    Statement.objects.bulk_create(
        Statement(
            organisation=survey.organisation,
            survey=survey,
            order=order,
            text=fi,
            text_sv=sv,
            text_en=en,
        )
        for order, (fi, sv, en) in enumerate(statements)
    )


@transaction.atomic
def survey_create(
    *,
    organisation: Organisation,
    by: User,
    title: str,
    opens_on: date,
    closes_on: date,
    statements: StatementTexts,
) -> Survey:
    """A survey with its statements (Finnish, Swedish, English texts)."""
    survey = Survey.objects.create(
        organisation=organisation, title=title, opens_on=opens_on, closes_on=closes_on
    )
    _statements_replace(survey, statements)
    audit_record(
        organisation=organisation,
        actor=by,
        action="productivity.survey_create",
        target=survey,
    )
    return survey


@transaction.atomic
def survey_update(
    *,
    survey: Survey,
    by: User,
    title: str,
    opens_on: date,
    closes_on: date,
    statements: StatementTexts | None,
) -> Survey:
    """Change the title and dates; the statements only while nobody has answered
    (an answer given to one wording must not count for another)."""
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if statements is not None:
        if survey.responses.exists():
            raise SurveyAnswerError(
                _("The statements cannot change once someone has answered.")
            )
        _statements_replace(survey, statements)
    survey.title, survey.opens_on, survey.closes_on = title, opens_on, closes_on
    survey.save()
    audit_record(
        organisation=survey.organisation,
        actor=by,
        action="productivity.survey_update",
        target=survey,
        details={"statements_changed": statements is not None},
    )
    return survey


def remarks_readable(survey: Survey) -> bool:
    """Remarks are read once the survey has closed and has five answers or more:
    read while it is open, a new remark could be matched with who just answered."""
    return (
        survey.closes_on < timezone.localdate()
        and survey.responses.count() >= MIN_GROUP
    )


@transaction.atomic
def survey_remark_to_idea(
    *,
    remark: SurveyRemark,
    by: User,
    title: str,
    service_area: ServiceArea | None,
    is_staff_only: bool,
) -> Idea:
    """The lead carries a remark into the ideas, in the lead's own name: the
    respondent stays anonymous. Only a remark its writer allowed, once."""
    remark = SurveyRemark.objects.select_for_update().get(pk=remark.pk)
    if not remark.may_become_idea or not remarks_readable(remark.survey):
        raise SurveyAnswerError(_("This remark cannot be made into an idea."))
    if remark.idea_id is not None:
        raise SurveyAnswerError(_("This remark is already an idea."))
    idea = idea_create(
        organisation=remark.organisation,
        author=by,
        kind=IdeaKind.STAFF_INITIATIVE,
        title=title,
        body=remark.text,
        service_area=service_area,
        is_staff_only=is_staff_only,
    )
    remark.idea = idea
    remark.save(update_fields=["idea"])
    audit_record(
        organisation=remark.organisation,
        actor=by,
        action="productivity.survey_remark_to_idea",
        target=idea,
        details={"survey": remark.survey_id},
    )
    return idea
