"""Every row of ideas and programme carries its organisation, and a child row's
organisation is its parent's: checked on every relation by one query each."""

from contextlib import contextmanager
from datetime import date

import pytest
from django.apps import apps
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.models import F

from tuuma.accounts.demo import seed_organisation
from tuuma.ideas.tests.factories import make_idea
from tuuma.organisation.models import Organisation
from tuuma.organisation.tenancy import (
    install_tenant_constraints,
    remove_sqlite_triggers,
)
from tuuma.programme import actions
from tuuma.programme.models import (
    Comment,
    IndicatorValue,
    MeasureEvent,
    MeasureIdea,
    MeasureParticipant,
    Milestone,
    ProgressUpdate,
)

APPS = ("ideas", "programme")
NEW_KEYS = [Milestone, ProgressUpdate, Comment, MeasureEvent, IndicatorValue]


def _has_organisation(model) -> bool:
    return any(field.name == "organisation" for field in model._meta.fields)


def tenant_relations():
    """(model, field) for each foreign key from a tenant row to another tenant row."""
    for label in APPS:
        for model in apps.get_app_config(label).get_models():
            if not _has_organisation(model):
                continue
            for field in model._meta.fields:
                parent = field.related_model
                if (
                    field.many_to_one
                    and field.name != "organisation"
                    and parent is not Organisation
                    and _has_organisation(parent)
                ):
                    yield model, field.name


def _fill_a_measure(measure, by) -> None:
    """One row of every programme child table."""
    actions.milestone_add(measure=measure, title="Pilotti", due_date=date(2026, 3, 1))
    actions.measure_post_progress(
        measure=measure, by=by, date=date(2026, 2, 1), percent=10, text="Alku"
    )
    actions.measure_comment(measure=measure, by=by, text="Hyvä alku")
    indicator = actions.indicator_create(
        measure=measure,
        name="Käsittelyaika",
        unit="pv",
        direction="decrease",
        baseline_value=60,
        baseline_date=date(2026, 1, 1),
        target_value=30,
        target_date=date(2026, 12, 1),
    )
    actions.indicator_record_value(
        indicator=indicator, date=date(2026, 2, 1), value=50, by=by
    )


def test_every_table_of_ideas_and_programme_has_an_organisation():
    missing = [
        model.__name__
        for label in APPS
        for model in apps.get_app_config(label).get_models()
        if not _has_organisation(model)
    ]
    assert missing == []


@pytest.mark.django_db
def test_no_row_has_another_organisation_than_its_parent(measure, cast):
    from tuuma.ideas import demo as ideas_demo
    from tuuma.programme import demo as programme_demo

    # Two organisations: the demo municipality and the one of the fixtures.
    demo = seed_organisation()
    ideas_demo.seed(demo)
    programme_demo.seed(demo)
    _fill_a_measure(measure, cast.process_owner)
    assert all(model.objects.exists() for model in NEW_KEYS)
    relations = list(tenant_relations())
    assert (Milestone, "measure") in relations
    assert (IndicatorValue, "indicator") in relations
    for model, name in relations:
        wrong = model.objects.filter(
            **{f"{name}__organisation__isnull": False}
        ).exclude(**{f"{name}__organisation": F("organisation")})
        assert not wrong.exists(), f"{model.__name__}.{name}"


@pytest.mark.django_db(transaction=True)
def test_the_migration_copies_each_parents_organisation_and_reverses(measure, cast):
    """Rows written before the column existed get their parent's organisation."""
    before = [("programme", "0005_organisation_on_child_rows")]
    after = [("programme", "0007_organisation_required")]
    remove_sqlite_triggers(connection)
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    old_measure = old.get_model("programme", "Measure").objects.get(pk=measure.pk)
    milestone = old.get_model("programme", "Milestone").objects.create(
        measure=old_measure, title="Vanha", due_date=date(2026, 3, 1)
    )
    indicator = old.get_model("programme", "Indicator").objects.create(
        organisation_id=measure.organisation_id,
        measure=old_measure,
        name="Vanha mittari",
        unit="kpl",
        direction="increase",
        baseline_value=1,
        baseline_date=date(2026, 1, 1),
        target_value=2,
        target_date=date(2026, 12, 1),
    )
    value = old.get_model("programme", "IndicatorValue").objects.create(
        indicator=indicator, date=date(2026, 2, 1), value=1
    )
    assert milestone.organisation_id is None
    executor = MigrationExecutor(connection)
    executor.migrate(after)
    assert (
        Milestone.objects.get(pk=milestone.pk).organisation_id
        == measure.organisation_id
    )
    assert IndicatorValue.objects.get(pk=value.pk).organisation_id == (
        measure.organisation_id
    )
    # Back to before the column and forward again: nothing is lost on the way.
    executor = MigrationExecutor(connection)
    executor.migrate([("programme", "0004_indicator_source_caselog")])
    executor = MigrationExecutor(connection)
    executor.migrate(after)
    assert Milestone.objects.filter(pk=milestone.pk).exists()
    _back_to_the_latest_schema()


@contextmanager
def _at_migration(name: str):
    """The programme's models as of migration ``name``, then the latest schema."""
    remove_sqlite_triggers(connection)
    executor = MigrationExecutor(connection)
    executor.migrate([("programme", name)])
    yield executor.loader.project_state([("programme", name)]).apps
    _back_to_the_latest_schema()


def _back_to_the_latest_schema() -> None:
    """Later tests expect every migration applied and the tenant checks installed
    (the executor, unlike ``migrate``, sends no ``post_migrate``)."""
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    install_tenant_constraints(connection)


def test_the_measures_links_to_people_and_ideas_are_tenant_relations():
    from tuuma.organisation.tenancy import tenant_relations as checked_relations

    names = {(r.model.__name__, r.field.name) for r in checked_relations()}
    assert {("MeasureParticipant", "measure"), ("MeasureIdea", "measure")} <= names
    assert ("MeasureIdea", "idea") in names
    assert ("MeasureParticipant", "user") not in names  # people are not tenants


@pytest.mark.django_db(transaction=True)
def test_the_database_refuses_a_measure_link_across_organisations(
    measure, accepted_idea, other_org, cast, outsider
):
    foreign_idea = make_idea(other_org, outsider)
    with pytest.raises(IntegrityError), transaction.atomic():
        measure.ideas.add(
            foreign_idea, through_defaults={"organisation": measure.organisation}
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        measure.ideas.add(foreign_idea, through_defaults={"organisation": other_org})
    with pytest.raises(IntegrityError), transaction.atomic():
        MeasureParticipant.objects.create(
            measure=measure, user=outsider, organisation=other_org
        )
    link = MeasureIdea.objects.create(measure=measure, idea=accepted_idea)
    assert link.organisation == measure.organisation  # taken from the measure
    with pytest.raises(IntegrityError), transaction.atomic():
        MeasureIdea.objects.filter(pk=link.pk).update(organisation=other_org)
    assert list(measure.ideas.all()) == [accepted_idea]


@pytest.mark.django_db(transaction=True)
def test_the_links_migration_keeps_each_link_and_gives_it_the_measures_organisation(
    measure, accepted_idea, cast
):
    # Linked through Django's automatic join tables, as before the change.
    with _at_migration("0007_organisation_required") as old:
        old_measure = old.get_model("programme", "Measure").objects.get(pk=measure.pk)
        old_measure.participants.add(cast.employee.pk)
        old_measure.ideas.add(accepted_idea.pk)
    assert list(measure.participants.all()) == [cast.employee]
    assert list(measure.ideas.all()) == [accepted_idea]
    assert {
        link.organisation_id
        for link in [*MeasureParticipant.objects.all(), *MeasureIdea.objects.all()]
    } == {measure.organisation_id}
