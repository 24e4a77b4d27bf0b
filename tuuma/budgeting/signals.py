"""An image's file goes with its row, however the row goes: with its proposal,
its round or its organisation (cascades delete rows without calling any action)."""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete

from tuuma.budgeting.models import ProposalImage


def _delete_file(sender, instance: ProposalImage, **kwargs) -> None:
    if instance.image:
        # After the commit: a rolled-back delete keeps its file.
        transaction.on_commit(
            partial(instance.image.storage.delete, instance.image.name)
        )


def connect() -> None:
    post_delete.connect(
        _delete_file, sender=ProposalImage, dispatch_uid="budgeting_image_file"
    )
