"""E-mail to the people of a proposal, in each recipient's own language."""

from django.urls import reverse

from tuuma.accounts.models import User
from tuuma.jobs.mail import queue_email


def _people(proposal, *, supporters: bool) -> list[User]:
    ids = set(proposal.authorships.values_list("user", flat=True))
    if supporters:
        ids |= set(proposal.supports.values_list("user", flat=True))
    return list(User.objects.filter(pk__in=ids, is_active=True))


def _send(proposal, people: list[User], kind: str) -> None:
    url = reverse("budgeting:proposal", args=[proposal.pk])
    for person in people:
        queue_email(
            to=person.email,
            language=person.preferred_language,
            subject_template=f"budgeting/email/{kind}_subject.txt",
            body_template=f"budgeting/email/{kind}_body.txt",
            context={"proposal": proposal, "url": url, "person": person},
        )


def notify_estimate(proposal) -> None:
    """The authors learn the cost estimate, the feasibility and its reason."""
    _send(proposal, _people(proposal, supporters=False), "estimate")


def notify_measure(proposal) -> None:
    """Authors and supporters learn that the winning proposal became a measure."""
    _send(proposal, _people(proposal, supporters=True), "measure")
