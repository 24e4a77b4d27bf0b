"""Personal data in hearings: comments, answers, supports, reports, follows.

Erasing cuts the link to the person; with ``remove_public_texts`` their
comments are withdrawn and emptied too. Counts (supports, answers) stay."""

from django.db import transaction
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from tuuma.hearings.models import (
    Answer,
    Comment,
    CommentReport,
    Follower,
    Notified,
    Support,
)


def personal_data(user) -> dict:
    comments = Comment.objects.filter(author=user).select_related("hearing")
    return {
        "hearing_comments": [
            {
                "hearing": c.hearing.title,
                "name_shown": c.author_name,
                "comment": c.body,
                "written_at": c.created_at.isoformat(),
                "withdrawn": c.withdrawn_at is not None,
                "image": c.image_name,
            }
            for c in comments
        ],
        "hearing_answers": [
            {
                "question": a.question.text,
                "choices": a.choices,
                "scale": a.scale,
                "text": a.text,
            }
            for a in Answer.objects.filter(user=user).select_related("question")
        ],
        "hearing_supports": Support.objects.filter(user=user).count(),
        "hearing_reports": list(
            CommentReport.objects.filter(reporter=user).values_list("reason", flat=True)
        ),
        "followed_matters": list(
            Follower.objects.filter(user=user).values_list("matter__title", flat=True)
        ),
    }


@transaction.atomic
def erase_person(user, *, remove_public_texts: bool) -> None:
    comments = Comment.objects.filter(author=user)
    if remove_public_texts:
        for comment in comments.exclude(image=""):
            comment.image.delete(save=False)
        comments.update(body="", image="", image_name="", withdrawn_at=timezone.now())
    comments.update(author=None, author_name="")
    # The keys named the person ("u<id>"); each row gets a key of its own.
    Answer.objects.filter(user=user).update(
        user=None, text="", respondent_key=_erased_key()
    )
    Support.objects.filter(user=user).update(user=None, supporter_key=_erased_key())
    CommentReport.objects.filter(reporter=user).delete()
    Follower.objects.filter(user=user).delete()
    Notified.objects.filter(user=user).delete()


def _erased_key():
    return Concat(Value("erased"), Cast("pk", output_field=CharField()))
