"""Insights objects for the permission matrix (tuuma/organisation/tests)."""

from tuuma.insights.models import BoardPack


def objects(org, cast, area) -> list:
    """A stored board pack (its files are built by the worker)."""
    return [
        BoardPack.objects.create(
            organisation=org, title="Ohjausryhmä", sections=["chain"], language="fi"
        )
    ]
