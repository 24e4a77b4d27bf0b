"""Saving the statement; turning accessibility feedback into an idea of kind feedback."""

import hashlib
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tuuma.accessibility.models import LEGAL_ANSWER_DAYS, AccessibilityStatement
from tuuma.audit.actions import audit_record
from tuuma.ideas.actions import idea_create
from tuuma.ideas.models import Idea, IdeaKind, IdeaSettings
from tuuma.organisation.models import Organisation

TITLE_WORDS = 8
# The same message from the same sender this soon again is a double submit.
DUPLICATE_WINDOW = timedelta(minutes=10)


@transaction.atomic
def statement_save(*, statement: AccessibilityStatement, by) -> AccessibilityStatement:
    statement.save()
    audit_record(
        organisation=statement.organisation,
        actor=by,
        action="accessibility.statement_saved",
        target=statement,
        details={"compliance": statement.compliance},
    )
    return statement


def answer_days(organisation: Organisation) -> int:
    """The answer-time target of feedback: the ideas' target, at most the law's 14 days."""
    return min(
        IdeaSettings.for_organisation(organisation).answer_target_days,
        LEGAL_ANSWER_DAYS,
    )


@transaction.atomic
def feedback_submit(
    *,
    organisation: Organisation,
    user,
    message: str,
    page: str = "",
    contact_email: str = "",
) -> Idea:
    """The feedback enters the ideas pipeline (kind feedback, staff only: it may
    tell about a person's disability) and gets the pipeline's answer-time target."""
    author = user if user is not None and user.is_authenticated else None
    contact_email = contact_email or (author.email if author else "")
    page_label = _("Page")
    body = message if not page else f"{message}\n\n{page_label}: {page}"
    _serialise(f"feedback:{organisation.pk}:{contact_email}:{body}")
    earlier = Idea.objects.filter(
        organisation=organisation,
        kind=IdeaKind.FEEDBACK,
        author=author,
        contact_email=contact_email,
        body=body,
        created_at__gte=timezone.now() - DUPLICATE_WINDOW,
    ).first()
    if earlier is not None:
        return earlier
    words = message.split()
    title = " ".join(words[:TITLE_WORDS]) + ("…" if len(words) > TITLE_WORDS else "")
    return idea_create(
        organisation=organisation,
        author=author,
        kind=IdeaKind.FEEDBACK,
        title=(_("Accessibility") + ": " + title)[:200],
        body=body,
        is_staff_only=True,
        contact_email=contact_email,
    )


def _serialise(key: str) -> None:
    """Let one transaction at a time past this point for ``key``.

    PostgreSQL: a transaction-scoped advisory lock. SQLite already runs one
    writing transaction at a time (transaction_mode IMMEDIATE).
    """
    if connection.vendor == "postgresql":
        number = int.from_bytes(
            hashlib.sha256(key.encode()).digest()[:8], "big", signed=True
        )
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [number])
