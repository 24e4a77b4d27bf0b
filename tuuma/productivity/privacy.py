"""What the productivity app holds about a person: the products they own and
that they answered a survey (never what they answered: that is not linked)."""

from tuuma.productivity.models import Product, SurveyParticipation


def personal_data(user) -> dict:
    return {
        "owned_products": [
            {"code": p.code, "name": p.name} for p in Product.objects.filter(owner=user)
        ],
        "answered_surveys": [
            participation.survey.title
            for participation in SurveyParticipation.objects.filter(
                person=user
            ).select_related("survey")
        ],
    }


def erase_person(user, *, remove_public_texts: bool) -> None:
    """The answers stay (they are anonymous); the record of answering goes."""
    Product.objects.filter(owner=user).update(owner=None)
    SurveyParticipation.objects.filter(person=user).delete()
