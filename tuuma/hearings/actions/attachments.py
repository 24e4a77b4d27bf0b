"""Staff attach documents to a section and remove them while the hearing runs."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from tuuma.accounts.models import User
from tuuma.audit.actions import audit_record
from tuuma.hearings.actions.common import HearingError
from tuuma.hearings.models import Hearing, Section, SectionAttachment
from tuuma.ideas.forms import CheckedUpload

ATTACHMENTS_PER_SECTION = 20


def _refuse_if_ended(section: Section) -> None:
    if Hearing.objects.get(pk=section.hearing_id).has_ended:
        raise HearingError(
            _("The hearing has ended; its attachments stay as they were.")
        )


@transaction.atomic
def attachment_add(
    *, section: Section, by: User, document: CheckedUpload, title: str = ""
) -> SectionAttachment:
    """``document`` is checked by its content (``tuuma.hearings.uploads``)."""
    _refuse_if_ended(section)
    section = Section.objects.select_for_update().get(pk=section.pk)
    if section.attachments.count() >= ATTACHMENTS_PER_SECTION:
        raise HearingError(
            _("A section can have at most %(count)d attachments.")
            % {"count": ATTACHMENTS_PER_SECTION}
        )
    attachment = SectionAttachment(
        organisation=section.organisation,
        section=section,
        title=title.strip()[:200],
        name=document.name[:255],
        content_type=document.content_type,
        size=document.upload.size,
    )
    attachment.file = document.upload
    attachment.save()
    audit_record(
        organisation=section.organisation,
        actor=by,
        action="hearings.attachment_add",
        target=section.hearing,
        details={"attachment": attachment.pk, "section": section.pk},
    )
    return attachment


@transaction.atomic
def attachment_remove(*, attachment: SectionAttachment, by: User) -> None:
    """The row and the stored file go; the audit log keeps the name."""
    _refuse_if_ended(attachment.section)
    hearing, name = attachment.section.hearing, attachment.name
    storage, stored = attachment.file.storage, attachment.file.name
    attachment.delete()
    # The file goes only once the row is surely gone.
    transaction.on_commit(lambda: storage.delete(stored))
    audit_record(
        organisation=hearing.organisation,
        actor=by,
        action="hearings.attachment_remove",
        target=hearing,
        details={"name": name},
    )
