"""Schema, step 1 of 3: the measure's join tables become explicit models with an
organisation key.

The tables Django made for ``Measure.participants`` and ``Measure.ideas`` stay
where they are (the new models name them in ``db_table``), so their rows need no
copying: only the state learns the models, and the database gains the
``organisation`` column, empty until step 2 fills it.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

ORGANISATION = dict(
    null=True,
    on_delete=django.db.models.deletion.CASCADE,
    related_name="+",
    to="organisation.organisation",
    verbose_name="organisation",
)


def _link_model(name, table, target_field, target, verbose):
    return migrations.CreateModel(
        name=name,
        fields=[
            (
                "id",
                models.BigAutoField(
                    auto_created=True,
                    primary_key=True,
                    serialize=False,
                    verbose_name="ID",
                ),
            ),
            (
                "measure",
                models.ForeignKey(
                    on_delete=django.db.models.deletion.CASCADE,
                    related_name="%(class)s_links",
                    to="programme.measure",
                    verbose_name="measure",
                ),
            ),
            (
                target_field,
                models.ForeignKey(
                    on_delete=django.db.models.deletion.CASCADE,
                    related_name="+",
                    to=target,
                    verbose_name=verbose[0],
                ),
            ),
        ],
        options={
            "db_table": table,
            "unique_together": {("measure", target_field)},
            "verbose_name": verbose[1],
            "verbose_name_plural": verbose[2],
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("ideas", "0004_organisation_on_every_row"),
        ("organisation", "0002_public_origin_two_factor_roles"),
        ("programme", "0007_organisation_required"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                _link_model(
                    "MeasureParticipant",
                    "programme_measure_participants",
                    "user",
                    settings.AUTH_USER_MODEL,
                    ("participants", "participants", "participants"),
                ),
                _link_model(
                    "MeasureIdea",
                    "programme_measure_ideas",
                    "idea",
                    "ideas.idea",
                    ("idea", "idea", "ideas"),
                ),
                migrations.AlterField(
                    model_name="measure",
                    name="participants",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="measures",
                        through="programme.MeasureParticipant",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="participants",
                    ),
                ),
                migrations.AlterField(
                    model_name="measure",
                    name="ideas",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="measures",
                        through="programme.MeasureIdea",
                        to="ideas.idea",
                        verbose_name="ideas",
                    ),
                ),
            ]
        ),
        migrations.AddField(
            model_name="measureparticipant",
            name="organisation",
            field=models.ForeignKey(**ORGANISATION),
        ),
        migrations.AddField(
            model_name="measureidea",
            name="organisation",
            field=models.ForeignKey(**ORGANISATION),
        ),
    ]
