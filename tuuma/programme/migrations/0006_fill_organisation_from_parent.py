"""Data, step 2 of 3: each child row takes its parent's organisation.

Reversing needs no data change: step 1's reversal drops the column.
"""

from django.db import migrations, models

# child model -> the parent it takes its organisation from
PARENTS = {
    "milestone": ("measure", "Measure"),
    "progressupdate": ("measure", "Measure"),
    "comment": ("measure", "Measure"),
    "measureevent": ("measure", "Measure"),
    "indicatorvalue": ("indicator", "Indicator"),
}


def fill(apps, schema_editor):
    for name, (field, parent_name) in PARENTS.items():
        child = apps.get_model("programme", name)
        parent = apps.get_model("programme", parent_name)
        # One UPDATE per table with a subquery: no rows read into Python.
        child.objects.filter(organisation__isnull=True).update(
            organisation_id=models.Subquery(
                parent.objects.filter(pk=models.OuterRef(f"{field}_id")).values(
                    "organisation_id"
                )[:1]
            )
        )


class Migration(migrations.Migration):
    dependencies = [("programme", "0005_organisation_on_child_rows")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
