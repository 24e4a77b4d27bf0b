"""Process reviews due against a hand count.

Four scheduled reviews: 3 days overdue and due today (both due), due in 200
days (not yet), and one in the other area 10 days overdue; one held review
10 days after its due date (not due any more).
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from tuuma.lib.metrics import Filters, measure
from tuuma.processes import review_actions
from tuuma.processes.models import Review, ReviewStatus
from tuuma.processes.tests.conftest import make_process

pytestmark = pytest.mark.django_db


def test_reviews_due_match_the_hand_count(org, area, other_area, process):
    today = timezone.localdate()

    def review(proc, year, days):
        return review_actions.review_create(
            process=proc, year=year, due_date=today + timedelta(days=days)
        )

    review(process, today.year - 2, -3)
    review(process, today.year - 1, 0)
    review(process, today.year, 200)
    held = review(process, today.year - 3, -10)
    Review.objects.filter(pk=held.pk).update(status=ReviewStatus.DONE)
    elsewhere = make_process(org, other_area, group_name="Muu", code="02.01")
    review(elsewhere, today.year, -10)

    assert measure("processes.reviews_due", org).value == 3
    assert (
        measure("processes.reviews_due", org, Filters(service_area=area.pk)).value == 2
    )
    coming = Filters(start=today + timedelta(days=1), end=today + timedelta(days=365))
    assert measure("processes.reviews_due", org, coming).value == 1
