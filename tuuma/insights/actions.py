"""Board packs: ordered by staff, built by the worker."""

from datetime import date

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tuuma.accounts.models import User
from tuuma.insights import pack as contents
from tuuma.insights.models import BoardPack
from tuuma.jobs.actions import job_enqueue, job_progress, job_started, job_succeeded
from tuuma.organisation.models import Organisation, ServiceArea


@transaction.atomic
def board_pack_order(
    *,
    organisation: Organisation,
    by: User,
    title: str,
    start: date | None,
    end: date | None,
    service_area: ServiceArea | None,
    sections: list[str],
    language: str,
) -> BoardPack:
    """Store the order and queue the building; the job page shows its progress."""
    from tuuma.insights.tasks import build_board_pack  # noqa: PLC0415 - tasks import actions

    pack = BoardPack.objects.create(
        organisation=organisation,
        created_by=by,
        title=title,
        start=start,
        end=end,
        service_area=service_area,
        sections=sections,
        language=language,
    )
    pack.job = job_enqueue(
        task=build_board_pack,
        organisation=organisation,
        user=by,
        kind="insights.board_pack",
        label=title,
        pack_id=pack.pk,
    )
    pack.save(update_fields=["job"])
    return pack


def board_pack_build(*, job_id: int, pack_id: int) -> BoardPack:
    """The job body. Idempotent: the figures are frozen once; a re-run after a
    dead worker keeps them and draws the files again."""
    job_started(job_id)
    pack = BoardPack.objects.select_related("organisation").get(pk=pack_id)
    with translation.override(pack.language):
        if not pack.figures:
            job_progress(job_id, 0.1, _("Counting the figures"))
            pack.figures = contents.freeze(pack)
            pack.save(update_fields=["figures"])
        job_progress(job_id, 0.5, _("Drawing the PDF"))
        pack.pdf = contents.pdf_bytes(pack)
        job_progress(job_id, 0.9, _("Writing the spreadsheet"))
        pack.xlsx = contents.xlsx_of(pack)
        pack.built_at = pack.built_at or timezone.now()
        pack.save(update_fields=["pdf", "xlsx", "built_at"])
        job_succeeded(
            job_id,
            message=_("The board pack is ready."),
            result_url=pack.get_absolute_url(),
        )
    return pack
