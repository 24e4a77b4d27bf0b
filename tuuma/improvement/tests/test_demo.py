import pytest

from tuuma.accounts.demo import seed_organisation
from tuuma.ideas import demo as ideas_demo
from tuuma.improvement import demo, survey_actions
from tuuma.improvement.models import A3, KanoResponse, KanoSurvey, RankingDecision
from tuuma.processes import demo as processes_demo
from tuuma.programme import demo as programme_demo

pytestmark = pytest.mark.django_db


def test_the_demo_has_an_a3_a_finished_kano_survey_and_a_priority_list(settings):
    settings.TUUMA_DEMO_HOSTS = ["demo.testserver"]
    world = seed_organisation()
    ideas_demo.seed(world)
    programme_demo.seed(world)
    processes_demo.seed(world)
    demo.seed(world)
    demo.seed(world)  # a second run adds nothing
    a3 = A3.objects.get()
    # The A3 sits on the case-management map's bottleneck, linked from its problem.
    assert a3.process_step.name == "Valmistelu"
    assert a3.problem.process_links.get().step == a3.process_step
    assert a3.causes.filter(is_root=True).count() == 1
    assert a3.causes.filter(parent__isnull=False).count() == 4
    assert a3.countermeasures.exists()
    survey = KanoSurvey.objects.get()
    assert survey.status == "closed" and survey.features.count() == 8
    assert KanoResponse.objects.count() == 120
    assert KanoResponse.objects.filter(segment="staff").count() == 9
    modes = {
        r.feature.name_en: r.result.mode for r in survey_actions.survey_results(survey)
    }
    assert modes["A paper decision by post"] == "I"
    assert modes["The decision and its reasons in plain language"] == "M"
    assert len(RankingDecision.objects.get().rows) >= 10
