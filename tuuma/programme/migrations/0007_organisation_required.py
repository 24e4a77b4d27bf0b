"""Schema, step 3 of 3: every child row now has its organisation; require it."""

import django.db.models.deletion
from django.db import migrations, models

CHILDREN = ["milestone", "progressupdate", "comment", "measureevent", "indicatorvalue"]


class Migration(migrations.Migration):
    dependencies = [("programme", "0006_fill_organisation_from_parent")]

    operations = [
        migrations.AlterField(
            model_name=name,
            name="organisation",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="organisation.organisation",
                verbose_name="organisation",
            ),
        )
        for name in CHILDREN
    ]
