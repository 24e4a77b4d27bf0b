"""Schema, step 1 of 3: child rows get an organisation column, empty for now."""

import django.db.models.deletion
from django.db import migrations, models

CHILDREN = ["milestone", "progressupdate", "comment", "measureevent", "indicatorvalue"]


def organisation_field(*, null: bool) -> models.ForeignKey:
    return models.ForeignKey(
        null=null,
        on_delete=django.db.models.deletion.CASCADE,
        related_name="+",
        to="organisation.organisation",
        verbose_name="organisation",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("organisation", "0001_initial"),
        ("programme", "0004_indicator_source_caselog"),
    ]

    operations = [
        migrations.AddField(
            model_name=name, name="organisation", field=organisation_field(null=True)
        )
        for name in CHILDREN
    ]
