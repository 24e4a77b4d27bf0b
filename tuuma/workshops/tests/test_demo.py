import pytest

from tuuma.accounts.demo import seed_organisation
from tuuma.workshops import demo
from tuuma.workshops.models import Note, Session, Vote

pytestmark = pytest.mark.django_db


def test_demo_has_a_finished_registry_workshop_and_an_open_library_session():
    from tuuma.ideas import demo as ideas_demo
    from tuuma.programme import demo as programme_demo

    organisation_demo = seed_organisation()
    ideas_demo.seed(organisation_demo)
    programme_demo.seed(organisation_demo)
    demo.seed(organisation_demo)
    demo.seed(organisation_demo)  # a second run adds nothing
    registry = Session.objects.get(title__startswith="Kirjaamon")
    assert registry.status == "closed"
    assert Note.objects.filter(session=registry).count() == 40
    assert registry.clusters.count() == 6
    assert Vote.objects.filter(step__session=registry).count() == 51
    assert registry.outcomes.count() == 3
    assert registry.outcomes.filter(measure__isnull=False).count() == 1
    library = Session.objects.get(code=demo.LIBRARY_CODE)
    assert library.status == "open" and library.audience == "residents"
