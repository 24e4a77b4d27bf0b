"""Operations the shared layout's pages perform."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import transaction

from tuuma.audit.actions import audit_record
from tuuma.organisation.models import Organisation


@transaction.atomic
def organisation_face_update(
    *,
    organisation: Organisation,
    actor,
    accent_colour: str,
    logo: ContentFile | None = None,
    remove_logo: bool = False,
) -> Organisation:
    """Set the accent colour (already checked against WCAG AA) and the logo."""
    changed = {}
    if accent_colour != organisation.accent_colour:
        changed["accent_colour"] = [organisation.accent_colour, accent_colour]
        organisation.accent_colour = accent_colour
    old_logo = organisation.logo.name if organisation.logo else ""
    if logo is not None:
        organisation.logo.save(logo.name, logo, save=False)
        changed["logo"] = "replaced" if old_logo else "added"
    elif remove_logo and old_logo:
        organisation.logo = ""
        changed["logo"] = "removed"
    organisation.full_clean(exclude=["logo"])
    organisation.save(update_fields=["accent_colour", "logo"])
    if old_logo and organisation.logo.name != old_logo:
        # Deleted after the commit: a rolled-back change keeps the old file.
        storage = organisation.logo.storage
        transaction.on_commit(lambda: storage.delete(old_logo))
    if changed:
        audit_record(
            organisation=organisation,
            actor=actor,
            action="organisation.face_changed",
            target=organisation,
            details=changed,
        )
    return organisation
