"""Personal data held by the processes app (see PERMISSIONS.md, GDPR hooks).

A person appears as a process owner or deputy, as the one who drew a version,
as the author of comments on versions, and as the one who acknowledged a review. Erasing a person keeps the
processes and reviews (they are the organisation's records) but removes the
person from them; comments are kept without an author unless public texts are
removed too.
"""

from django.db import transaction

from tuuma.processes.models import Process, ProcessVersion, Review, VersionComment


def personal_data(user) -> dict:
    return {
        "processes_owned": list(
            Process.objects.filter(owner=user).values_list("name", flat=True)
        ),
        "processes_as_deputy": list(
            Process.objects.filter(deputy=user).values_list("name", flat=True)
        ),
        "versions_created": [
            {"process": v.process.name, "version": v.name}
            for v in ProcessVersion.objects.filter(created_by=user).select_related(
                "process"
            )
        ],
        "version_comments": [
            {"text": c.text, "created_at": c.created_at.isoformat()}
            for c in VersionComment.objects.filter(author=user)
        ],
        "review_acknowledgements": [
            {"process": r.process.name, "year": r.year}
            for r in Review.objects.filter(owner_ack_by=user).select_related("process")
        ]
        + [
            {"process": r.process.name, "year": r.year, "as": "productivity lead"}
            for r in Review.objects.filter(lead_ack_by=user).select_related("process")
        ],
    }


@transaction.atomic
def erase_person(user, *, remove_public_texts: bool) -> None:
    Process.objects.filter(owner=user).update(owner=None)
    ProcessVersion.objects.filter(created_by=user).update(created_by=None)
    Process.objects.filter(deputy=user).update(deputy=None)
    Review.objects.filter(owner_ack_by=user).update(owner_ack_by=None)
    Review.objects.filter(lead_ack_by=user).update(lead_ack_by=None)
    comments = VersionComment.objects.filter(author=user)
    if remove_public_texts:
        comments.delete()
    else:
        comments.update(author=None)
