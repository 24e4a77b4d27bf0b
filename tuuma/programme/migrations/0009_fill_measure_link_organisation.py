"""Data, step 2 of 3: each existing link takes its measure's organisation.

Reversing needs no data change: step 1's reversal drops the column.
"""

from django.db import migrations, models


def fill(apps, schema_editor):
    measure = apps.get_model("programme", "Measure")
    for name in ("MeasureParticipant", "MeasureIdea"):
        link = apps.get_model("programme", name)
        # One UPDATE per table with a subquery: no rows read into Python.
        link.objects.filter(organisation__isnull=True).update(
            organisation_id=models.Subquery(
                measure.objects.filter(pk=models.OuterRef("measure_id")).values(
                    "organisation_id"
                )[:1]
            )
        )


class Migration(migrations.Migration):
    dependencies = [("programme", "0008_measure_links_through_models")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
