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
    assert done.count() == 3
    assert all(m.result_achieved for m in done)
    assert measures.filter(indicators__values__isnull=False).exists()
    # Accepted ideas of the ideas demo are carried by measures on their subject.
    assert measures.filter(ideas__isnull=False).exists()


def test_every_demo_person_has_work_and_the_resident_sees_a_measured_result(client):
    from django.test import RequestFactory

    from tuuma.ideas import demo as ideas_demo
    from tuuma.programme.results import measured_ideas
    from tuuma.web.my_work import my_work

    organisation_demo = seed_organisation()
    ideas_demo.seed(organisation_demo)
    demo.seed(organisation_demo)
    organisation = organisation_demo.organisation
    for key, person in organisation_demo.people.items():
        request = RequestFactory().get("/oma/")
        request.user, request.organisation = person, organisation
        assert my_work(request), key
    resident = organisation_demo.people["resident"]
    measured = measured_ideas(organisation).filter(author=resident).first()
    assert measured is not None
    client.force_login(resident)
    host = organisation.domains.first().host
    page = client.get(measured.get_absolute_url(), HTTP_HOST=host).content.decode()
    assert "Mikä muuttui" in page and "Aukiolotunnit viikossa" in page
