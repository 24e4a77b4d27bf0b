"""A proposal's images: at most ``MAX_IMAGES``, each described for those who
cannot see it and checked by its content (JPEG, PNG, GIF or WebP, as the
hearings' images), served with that checked type (``views.public``)."""

from django import forms
from django.utils.translation import gettext as _

from tuuma.budgeting.choices import MAX_IMAGES
from tuuma.budgeting.errors import BudgetingError
from tuuma.budgeting.models import Proposal, ProposalImage
from tuuma.hearings.uploads import check_image
from tuuma.ideas.forms import CheckedUpload


def checked_images(images) -> list[tuple[CheckedUpload, str]]:
    """(upload, description) pairs checked, or a ``BudgetingError`` naming the
    first problem; an upload may already be a ``CheckedUpload`` (the form's)."""
    images = list(images)
    if len(images) > MAX_IMAGES:
        raise BudgetingError(
            _("A proposal may have at most %(count)s images.") % {"count": MAX_IMAGES}
        )
    checked = []
    for upload, alt_text in images:
        if not (alt_text or "").strip():
            raise BudgetingError(_("Describe each image for those who cannot see it."))
        try:
            checked.append((check_image(getattr(upload, "upload", upload)), alt_text))
        except forms.ValidationError as error:
            raise BudgetingError(" ".join(error.messages)) from None
    return checked


def images_add(proposal: Proposal, checked: list[tuple[CheckedUpload, str]]) -> None:
    """Store checked images after the proposal's existing ones (in the caller's
    transaction)."""
    first = proposal.images.count()
    for order, (image, alt_text) in enumerate(checked, start=first):
        ProposalImage.objects.create(
            organisation_id=proposal.organisation_id,
            proposal=proposal,
            image=image.upload,
            alt_text=alt_text.strip()[:200],
            content_type=image.content_type,
            order=order,
        )
