"""Kano surveys: create, add features, open, close, answer, analyse."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tuuma.accounts.models import User
from tuuma.improvement import kano
from tuuma.improvement.errors import ImprovementError
from tuuma.improvement.models import (
    Audience,
    KanoAnswer,
    KanoFeature,
    KanoResponse,
    KanoSurvey,
    Segment,
    SurveyStatus,
)
from tuuma.organisation.models import Organisation, ServiceArea
from tuuma.organisation.permissions import is_staff_member


@transaction.atomic
def survey_create(
    *, organisation: Organisation, by: User | None, title_fi: str, **fields
) -> KanoSurvey:
    return KanoSurvey.objects.create(
        organisation=organisation, created_by=by, title_fi=title_fi, **fields
    )


@transaction.atomic
def feature_add(*, survey: KanoSurvey, name_fi: str, **fields) -> KanoFeature:
    if survey.status != SurveyStatus.DRAFT:
        raise ImprovementError(_("Features can be changed only while a draft."))
    position = survey.features.count()
    return KanoFeature.objects.create(
        organisation=survey.organisation,
        survey=survey,
        position=position,
        name_fi=name_fi,
        **fields,
    )


@transaction.atomic
def feature_link(*, feature: KanoFeature, idea=None, measure=None) -> KanoFeature:
    """Tie a feature to an idea or a measure of the same organisation."""
    for target in (idea, measure):
        if target is not None and target.organisation_id != feature.organisation_id:
            raise ImprovementError(_("That item belongs to another organisation."))
    feature.idea, feature.measure = idea, measure
    feature.save(update_fields=["idea", "measure"])
    return feature


@transaction.atomic
def survey_open(*, survey: KanoSurvey) -> KanoSurvey:
    survey = KanoSurvey.objects.select_for_update().get(pk=survey.pk)
    if survey.status != SurveyStatus.DRAFT:
        raise ImprovementError(_("Only a draft survey can be opened."))
    if not survey.features.exists():
        raise ImprovementError(_("Add at least one feature before opening."))
    survey.status, survey.opened_at = SurveyStatus.OPEN, timezone.now()
    survey.save(update_fields=["status", "opened_at"])
    return survey


@transaction.atomic
def survey_close(*, survey: KanoSurvey) -> KanoSurvey:
    survey = KanoSurvey.objects.select_for_update().get(pk=survey.pk)
    if survey.status != SurveyStatus.OPEN:
        raise ImprovementError(_("Only an open survey can be closed."))
    survey.status, survey.closed_at = SurveyStatus.CLOSED, timezone.now()
    survey.save(update_fields=["status", "closed_at"])
    return survey


def segment_for(survey: KanoSurvey, user: User | None) -> str:
    """Staff members answer as staff; everyone else as a resident."""
    if user is not None and is_staff_member(user, survey.organisation):
        return Segment.STAFF
    if user is None and survey.audience == Audience.STAFF:
        return Segment.STAFF
    return Segment.RESIDENT


def refusal(survey: KanoSurvey, user: User | None) -> str | None:
    """Why this person cannot answer now (translated), or None."""
    if survey.status == SurveyStatus.CLOSED:
        return _("This survey has closed and no longer takes answers. Thank you!")
    if survey.status != SurveyStatus.OPEN:
        return _("This survey is not open for answers.")
    if user is None and not survey.allow_anonymous:
        return _("Log in to answer this survey.")
    if user is not None and survey.audience == Audience.STAFF:
        if not is_staff_member(user, survey.organisation):
            return _("This survey is for the organisation's staff.")
    return None


def survey_answer(
    *,
    survey: KanoSurvey,
    user: User | None,
    browser_token: str,
    answers: dict[int, tuple[int, int, int | None]],
    service_area: ServiceArea | None = None,
) -> KanoResponse:
    """Record one respondent's answers ({feature id: (functional, dysfunctional,
    importance)}); a second answer by the same person or browser is refused."""
    reason = refusal(survey, user)
    if reason:
        raise ImprovementError(reason)
    features = {f.pk: f for f in survey.features.all()}
    if set(answers) != set(features):
        raise ImprovementError(_("Answer both questions for every feature."))
    for functional, dysfunctional, importance in answers.values():
        kano.classify(functional, dysfunctional)  # refuses values outside 1..5
        if importance is not None and not 1 <= importance <= 9:
            raise ImprovementError(_("Importance is a number from 1 to 9."))
    if user is None and not browser_token:
        raise ImprovementError(_("Allow cookies to answer anonymously."))
    try:
        # Its own savepoint: a duplicate is refused without spoiling the caller.
        with transaction.atomic():
            response = KanoResponse.objects.create(
                organisation=survey.organisation,
                survey=survey,
                respondent=user,
                browser_token="" if user else browser_token,
                segment=segment_for(survey, user),
                service_area=service_area,
            )
            KanoAnswer.objects.bulk_create(
                KanoAnswer(
                    organisation=survey.organisation,
                    response=response,
                    feature=features[pk],
                    functional=f,
                    dysfunctional=d,
                    importance=i,
                )
                for pk, (f, d, i) in answers.items()
            )
    except IntegrityError:
        raise ImprovementError(_("You have already answered this survey.")) from None
    return response


def has_answered(survey: KanoSurvey, user: User | None, browser_token: str) -> bool:
    responses = survey.responses.all()
    if user is not None:
        return responses.filter(respondent=user).exists()
    return (
        bool(browser_token) and responses.filter(browser_token=browser_token).exists()
    )


@dataclass
class FeatureResult:
    feature: KanoFeature
    result: kano.Result


def survey_results(
    survey: KanoSurvey, *, segment: str = "", area_id: int | None = None
) -> list[FeatureResult]:
    """The analysis per feature, for all respondents or one segment/area."""
    settings = kano.Settings(tie_threshold=float(survey.tie_threshold) / 100)
    rows = KanoAnswer.objects.filter(response__survey=survey)
    if segment:
        rows = rows.filter(response__segment=segment)
    if area_id:
        rows = rows.filter(response__service_area_id=area_id)
    by_feature: dict[int, list[kano.Answer]] = {}
    for feature_id, f, d, i in rows.values_list(
        "feature_id", "functional", "dysfunctional", "importance"
    ):
        by_feature.setdefault(feature_id, []).append(kano.Answer(f, d, i))
    return [
        FeatureResult(feature, kano.analyse(by_feature.get(feature.pk, []), settings))
        for feature in survey.features.select_related("idea", "measure")
    ]


def feature_category(feature: KanoFeature) -> str | None:
    """The feature's Kano category over all its answers (shown on its links)."""
    survey = feature.survey
    settings = kano.Settings(tie_threshold=float(survey.tie_threshold) / 100)
    answers = [
        kano.Answer(f, d, i)
        for f, d, i in feature.answers.values_list(
            "functional", "dysfunctional", "importance"
        )
    ]
    return kano.analyse(answers, settings).mode
