"""Copy each child row's organisation from its case log."""

from django.db import migrations
from django.db.models import OuterRef, Subquery

CHILDREN = ["CaseLogVersion", "DeadlineRule", "LogIndicator"]


def fill(apps, schema_editor):
    CaseLog = apps.get_model("caselog", "CaseLog")
    owner = CaseLog.objects.filter(pk=OuterRef("caselog_id")).values("organisation_id")
    for name in CHILDREN:
        apps.get_model("caselog", name).objects.update(organisation_id=Subquery(owner))


def empty(apps, schema_editor):
    for name in CHILDREN:
        apps.get_model("caselog", name).objects.update(organisation_id=None)


class Migration(migrations.Migration):
    dependencies = [("caselog", "0002_organisation_on_child_rows")]
    operations = [migrations.RunPython(fill, empty)]
