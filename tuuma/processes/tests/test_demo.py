"""The demo catalogue: the case-management process measured from the demo log."""

import pytest
from django.utils import timezone

from tuuma.accounts.demo import seed_organisation
from tuuma.caselog import demo as caselog_demo
from tuuma.ideas import demo as ideas_demo
from tuuma.ideas.models import Idea, IdeaStatus
from tuuma.processes import demo
from tuuma.processes.maps import hypothesis_check, version_map
from tuuma.processes.models import Process, Review
from tuuma.programme import demo as programme_demo


@pytest.mark.django_db
def test_the_demo_catalogue_maps_case_management_from_the_log(client):
    organisation_demo = seed_organisation()
    ideas_demo.seed(organisation_demo)
    programme_demo.seed(organisation_demo)
    caselog_demo.seed(organisation_demo)
    demo.seed(organisation_demo)
    count = Process.objects.count()
    demo.seed(organisation_demo)  # a second run adds nothing
    assert Process.objects.count() == count >= 30
    process = Process.objects.get(name=demo.CASE_PROCESS)
    as_is, to_be = process.versions.order_by("state", "pk")
    vmap = version_map(as_is)
    assert vmap.log_cases == caselog_demo.CASES
    assert all(row.from_log for row in vmap.rows[1:])
    assert to_be.measure is not None and to_be.go_live == to_be.measure.start_date
    check = hypothesis_check(to_be)
    assert check.after["cases"] > 0 and check.before["cases"] > 0
    assert check.after["median_days"] < check.before["median_days"]
    assert check.after_map.figures.total_lt < vmap.figures.total_lt
    today = timezone.localdate()
    reviews = Review.objects.all()
    assert reviews.filter(status="done").exists()
    assert reviews.filter(status="scheduled", due_date__lt=today).exists()
    assert reviews.filter(status="scheduled", due_date__gte=today).exists()
    # The building-permit idea's proposer signs in and sees what the done queue
    # measure changed in the case-handling process's log.
    idea = Idea.objects.get(title__startswith="Rakennuslupahakemuksen liitteet")
    assert idea.status == IdeaStatus.IMPLEMENTED and idea.author.has_usable_password()
    client.force_login(idea.author)
    host = organisation_demo.organisation.domains.first().host
    page = client.get(idea.get_absolute_url(), HTTP_HOST=host).content.decode()
    assert "Mitä prosesseissa muuttui: ”Valmistelun jonon purku”" in page
    assert process.get_absolute_url() in page and "Mann–Whitney" in page
