"""Every tenant-owned row carries its organisation (copied from its idea)."""

import django.db.models.deletion
from django.db import migrations, models

MODELS = ["ideaevent", "support", "follow", "comment", "privatenote", "attachment"]


def copy_organisation(apps, schema_editor):
    Idea = apps.get_model("ideas", "Idea")
    for name in MODELS:
        model = apps.get_model("ideas", name)
        model.objects.filter(organisation__isnull=True).update(
            organisation_id=models.Subquery(
                Idea.objects.filter(pk=models.OuterRef("idea_id")).values(
                    "organisation_id"
                )[:1]
            )
        )


def _field(null: bool):
    return models.ForeignKey(
        null=null,
        on_delete=django.db.models.deletion.CASCADE,
        related_name="+",
        to="organisation.organisation",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("ideas", "0003_list_indexes"),
        ("organisation", "0001_initial"),
    ]

    operations = [
        *[
            migrations.AddField(model_name=name, name="organisation", field=_field(True))
            for name in MODELS
        ],
        migrations.RunPython(copy_organisation, migrations.RunPython.noop),
        *[
            migrations.AlterField(
                model_name=name, name="organisation", field=_field(False)
            )
            for name in MODELS
        ],
    ]
