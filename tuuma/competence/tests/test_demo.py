import pytest

from tuuma.accounts.demo import seed_organisation
from tuuma.competence import demo, engine
from tuuma.competence.models import Task, TrainingNeed
from tuuma.competence.queries import unit_matrix, unit_people
from tuuma.ideas import demo as ideas_demo
from tuuma.organisation.models import Unit
from tuuma.programme import demo as programme_demo

pytestmark = pytest.mark.django_db


def test_demo_has_two_units_with_single_points_and_needs_in_the_programme():
    organisation_demo = seed_organisation()
    ideas_demo.seed(organisation_demo)
    programme_demo.seed(organisation_demo)
    demo.seed(organisation_demo)
    demo.seed(organisation_demo)  # a second run adds nothing
    org = organisation_demo.organisation
    units = Unit.objects.filter(organisation=org, competence_tasks__isnull=False)
    assert units.distinct().count() == 2
    assert sum(unit_people(u).count() for u in units.distinct()) >= 23
    registry = Unit.objects.get(organisation=org, name="Hallinto- ja asianhallinta")
    matrix = unit_matrix(registry)
    figures = engine.figures(matrix.reqs, matrix.levels)
    assert figures.spof and figures.sole_holders
    assert TrainingNeed.objects.filter(organisation=org, measure__isnull=False).exists()
    # 13 tasks of the two units and the skill the accepted idea asks for.
    assert Task.objects.filter(organisation=org).count() == 14
    from_idea = TrainingNeed.objects.filter(organisation=org, origin_idea__isnull=False)
    assert from_idea.count() == 2
    assert {n.task.name for n in from_idea} == {"Sähköisten liitteiden vastaanotto"}
