"""Schema, step 3 of 3: every link now has its organisation; require it."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("programme", "0009_fill_measure_link_organisation")]

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
        for name in ("measureparticipant", "measureidea")
    ]
