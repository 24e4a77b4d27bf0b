import django.db.models.deletion
from django.db import migrations, models


def organisation_field():
    return models.ForeignKey(
        on_delete=django.db.models.deletion.CASCADE,
        related_name="+",
        to="organisation.organisation",
        verbose_name="organisation",
    )


class Migration(migrations.Migration):
    dependencies = [("caselog", "0003_fill_organisation")]
    operations = [
        migrations.AlterField(
            model_name=name, name="organisation", field=organisation_field()
        )
        for name in ("caselogversion", "deadlinerule", "logindicator")
    ]
