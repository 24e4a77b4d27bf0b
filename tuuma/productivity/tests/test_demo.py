import pytest

from tuuma.accounts.demo import seed_organisation
from tuuma.audit.models import AuditEntry
from tuuma.ideas.models import Idea
from tuuma.productivity import demo
from tuuma.productivity.models import Headcount, SurveyRemark, Volume
from tuuma.productivity.unit_hours import area_unit_hours

pytestmark = pytest.mark.django_db


def test_demo_has_survey_remarks_and_one_made_an_idea_by_the_lead():
    organisation_demo = seed_organisation()
    demo.seed(organisation_demo)
    demo.seed(organisation_demo)  # a second run adds nothing
    assert SurveyRemark.objects.count() == len(demo.REMARKS)
    idea = Idea.objects.get(pk=SurveyRemark.objects.get(idea__isnull=False).idea_id)
    assert idea.author == organisation_demo.people.get("lead")


def test_demo_units_have_staff_and_the_small_one_is_never_shown_alone():
    organisation_demo = seed_organisation()
    demo.seed(organisation_demo)
    assert Headcount.objects.filter(unit__name="Nuorisopalvelut", staff=4).exists()
    wellbeing = organisation_demo.areas["hyvinvointipalvelut"]
    for year in area_unit_hours(wellbeing):
        assert "Nuorisopalvelut" not in [row.unit.name for row in year.units]
        assert year.merged == 2 and year.merged_hours is not None
    entered = AuditEntry.objects.get(action="productivity.month_entered")
    assert entered.actor == organisation_demo.people.get("lead")
    assert Volume.objects.filter(source=Volume.Source.MANUAL).count() == 4
