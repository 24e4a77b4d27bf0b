import pytest

from tuuma.accounts.demo import seed_organisation
from tuuma.ideas.models import Idea
from tuuma.productivity import demo
from tuuma.productivity.models import SurveyRemark

pytestmark = pytest.mark.django_db


def test_demo_has_survey_remarks_and_one_made_an_idea_by_the_lead():
    organisation_demo = seed_organisation()
    demo.seed(organisation_demo)
    demo.seed(organisation_demo)  # a second run adds nothing
    assert SurveyRemark.objects.count() == len(demo.REMARKS)
    idea = Idea.objects.get(pk=SurveyRemark.objects.get(idea__isnull=False).idea_id)
    assert idea.author == organisation_demo.people.get("lead")
