"""Personal data held by the improvement methods (the ``privacy.py`` hook).

A person appears as the owner of an A3, the writer of causes and reviewer
comments, the creator of a Kano survey, a signed-in respondent, a scorer on the
priority list and the one who froze a ranking. Erasing a person keeps the
organisation's records and the counted answers, and cuts the link to the person;
the reviewer comments they wrote are removed when public texts are removed too. Anonymous Kano respondents are only a browser token: nothing ties
them to a person.
"""

from django.db import transaction

from tuuma.improvement.models import (
    A3,
    Cause,
    KanoResponse,
    KanoSurvey,
    PriorityScore,
    RankingDecision,
    ReviewComment,
)


def _kano_answers(user) -> list[dict]:
    responses = KanoResponse.objects.filter(respondent=user).select_related("survey")
    return [
        {
            "survey": response.survey.title,
            "answered_at": response.created_at,
            "answers": [
                {
                    "feature": answer.feature.name,
                    "functional": answer.functional,
                    "dysfunctional": answer.dysfunctional,
                    "importance": answer.importance,
                }
                for answer in response.answers.select_related("feature")
            ],
        }
        for response in responses
    ]


def personal_data(user) -> dict:
    return {
        "a3s_owned": list(
            A3.objects.filter(owner=user).values_list("title", flat=True)
        ),
        "causes_written": list(
            Cause.objects.filter(created_by=user).values("a3__title", "text")
        ),
        "a3_review_comments": list(
            ReviewComment.objects.filter(author=user).values(
                "a3__title", "section", "text", "created_at"
            )
        ),
        "kano_surveys_created": [
            survey.title for survey in KanoSurvey.objects.filter(created_by=user)
        ],
        "kano_answers": _kano_answers(user),
        "priority_scores": list(
            PriorityScore.objects.filter(scored_by=user).values(
                "idea__title",
                "measure__title",
                "impact",
                "effort",
                "impact_reason",
                "effort_reason",
                "scored_at",
            )
        ),
        "rankings_frozen": list(
            RankingDecision.objects.filter(created_by=user).values(
                "title", "decided_on"
            )
        ),
    }


@transaction.atomic
def erase_person(user, *, remove_public_texts: bool) -> None:
    A3.objects.filter(owner=user).update(owner=None)
    causes = Cause.objects.filter(created_by=user)
    comments = ReviewComment.objects.filter(author=user)
    if remove_public_texts:
        comments.delete()
    else:
        comments.update(author=None)
    causes.update(created_by=None)
    KanoSurvey.objects.filter(created_by=user).update(created_by=None)
    # The answers stay counted in the results; only the person is cut off.
    KanoResponse.objects.filter(respondent=user).update(respondent=None)
    PriorityScore.objects.filter(scored_by=user).update(scored_by=None)
    RankingDecision.objects.filter(created_by=user).update(created_by=None)
