"""The states and kinds of hearings, their comments, reports and matters."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class HearingStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CLOSED = "closed", _("Closed")


class Identity(models.TextChoices):
    """What a hearing asks of a commenter, weakest first (see ``IDENTITY_RANK``)."""

    ANONYMOUS = "anonymous", _("Anyone, without signing in")
    EMAIL = "email", _("E-mail address confirmed")
    SIGNED_IN = "signed_in", _("Signed in")
    STRONG = "strong", _("Strong electronic identification")


# A person's accounts.IdentityLevel against the hearing's Identity: a level meets
# every requirement of its rank and below. An account always has a confirmed
# e-mail address; a password or an identity provider is "signed in"; the
# organisation's identity broker marks strong identification.
IDENTITY_RANK = {
    Identity.ANONYMOUS: 0,
    Identity.EMAIL: 1,
    Identity.SIGNED_IN: 2,
    Identity.STRONG: 3,
}
USER_LEVEL_RANK = {"email": 1, "password": 2, "oidc": 2, "strong": 3}


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    RESIDENTS = "residents", _("Residents of the municipality")
    STAFF = "staff", _("Staff")


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    SCALE = "scale", _("Scale 1–5")
    TEXT = "text", _("Free text")


class Response(models.TextChoices):
    """The required answer to each theme, as the state's hearing guide asks."""

    ADOPTED = "adopted", _("Adopted")
    PARTLY = "partly", _("Partly adopted")
    NOT_ADOPTED = "not_adopted", _("Not adopted")


class Phase(models.TextChoices):
    """The public life cycle of a matter (DOMAIN.md 6.1, phases 3, 4, 7 and after)."""

    PREPARATION = "preparation", _("Preparation")
    DECISION = "decision", _("Decision")
    IMPLEMENTATION = "implementation", pgettext_lazy("phase", "Implementation")
    FOLLOW_UP = "follow_up", _("Follow-up")


PHASE_ORDER = [
    Phase.PREPARATION,
    Phase.DECISION,
    Phase.IMPLEMENTATION,
    Phase.FOLLOW_UP,
]

_OOXML = "application/vnd.openxmlformats-officedocument"
_ODF = "application/vnd.oasis.opendocument"
# What the link to a section's attachment says its type is (tuuma/hearings/uploads.py
# decides which types are accepted).
DOCUMENT_LABELS = {
    "application/pdf": "PDF",
    f"{_OOXML}.wordprocessingml.document": "DOCX",
    f"{_OOXML}.spreadsheetml.sheet": "XLSX",
    f"{_OOXML}.presentationml.presentation": "PPTX",
    f"{_ODF}.text": "ODT",
    f"{_ODF}.spreadsheet": "ODS",
    f"{_ODF}.presentation": "ODP",
}
