"""Clustering without a canvas: create, rename and merge groups, move a note."""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from tuuma.workshops.actions import WorkshopError
from tuuma.workshops.models import Cluster, Note, Session


@transaction.atomic
def cluster_create(*, session: Session, title: str) -> Cluster:
    if not title.strip():
        raise WorkshopError(_("Name the group."))
    last = session.clusters.aggregate(m=Max("position"))["m"]
    return Cluster.objects.create(
        organisation_id=session.organisation_id,
        session=session,
        title=title.strip()[:200],
        position=0 if last is None else last + 1,
    )


@transaction.atomic
def cluster_rename(*, cluster: Cluster, title: str) -> Cluster:
    if not title.strip():
        raise WorkshopError(_("Name the group."))
    cluster.title = title.strip()[:200]
    cluster.save(update_fields=["title"])
    return cluster


@transaction.atomic
def cluster_merge(*, cluster: Cluster, into: Cluster) -> Cluster:
    """Move every note of ``cluster`` into ``into`` and remove ``cluster``."""
    if cluster.pk == into.pk or cluster.session_id != into.session_id:
        raise WorkshopError(_("Choose another group of the same workshop."))
    cluster.notes.update(cluster=into)
    cluster.delete()
    return into


@transaction.atomic
def note_move(*, note: Note, cluster: Cluster | None) -> Note:
    if cluster is not None and cluster.session_id != note.session_id:
        raise WorkshopError(_("Choose another group of the same workshop."))
    note.cluster = cluster
    note.save(update_fields=["cluster"])
    return note
