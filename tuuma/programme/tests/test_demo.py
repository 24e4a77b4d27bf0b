import pytest

from tuuma.accounts.demo import seed_organisation
from tuuma.programme import demo
from tuuma.programme.models import Measure, MeasureClass

pytestmark = pytest.mark.django_db


def test_demo_programme_covers_every_class_with_late_and_done_measures():
    from django.utils import timezone

    from tuuma.ideas import demo as ideas_demo

    organisation_demo = seed_organisation()
    ideas_demo.seed(organisation_demo)
    demo.seed(organisation_demo)
    demo.seed(organisation_demo)  # a second run adds nothing
    measures = Measure.objects.filter(organisation=organisation_demo.organisation)
    assert {m.measure_class for m in measures} == set(MeasureClass.values)
    today = timezone.localdate()
    assert measures.overdue(today).exists()
    assert measures.at_risk(today).exists()
    done = measures.filter(status="done")
    assert done.count() == 2
    assert all(m.result_achieved for m in done)
    assert measures.filter(indicators__values__isnull=False).exists()
    # Accepted ideas of the ideas demo are carried by measures on their subject.
    assert measures.filter(ideas__isnull=False).exists()
