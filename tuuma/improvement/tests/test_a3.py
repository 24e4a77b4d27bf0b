"""A3: why-chains and fishbone, causes to ideas and measures, countermeasures only
after a root cause, reviewer comments, sustainment checks and their reminders."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from tuuma.improvement import a3_actions as actions
from tuuma.improvement.a3_charts import why_tree
from tuuma.improvement.errors import ImprovementError
from tuuma.improvement.models import Cause, ReviewComment, SustainmentCheck

pytestmark = pytest.mark.django_db


def _chain(a3, by):
    first = actions.cause_add(
        a3=a3, by=by, text="Hakemukset odottavat", category="process"
    )
    second = actions.cause_add(
        a3=a3,
        by=by,
        text="Yksi käsittelijä",
        parent=first,
        category="people",
        evidence_text="Jonossa 140 asiaa",
    )
    root = actions.cause_add(
        a3=a3,
        by=by,
        text="Sijaisuuksia ei ole sovittu",
        parent=second,
        category="process",
        verified=True,
        is_root=True,
    )
    return first, second, root


def test_an_a3_on_a_problem_takes_its_service_area(a3, problem):
    assert a3.service_area == problem.service_area
    assert a3.problem == problem


def test_an_a3_needs_an_idea_of_kind_problem(org, cast):
    from tuuma.ideas.tests.factories import make_idea

    idea = make_idea(org, cast.resident, title="Penkki")
    with pytest.raises(ImprovementError):
        actions.a3_create(organisation=org, owner=cast.manager, title="X", problem=idea)


def test_whys_form_a_tree_and_the_fishbone_groups_them(a3, cast):
    first, second, root = _chain(a3, cast.process_owner)
    actions.cause_add(
        a3=a3,
        by=cast.process_owner,
        text="Lomakkeet puutteellisia",
        parent=first,
        category="customer",
    )
    tree = why_tree(list(a3.causes.all()))
    assert [n["cause"] for n in tree] == [first]
    assert len(tree[0]["children"]) == 2
    client = Client()
    client.force_login(cast.employee)
    page = client.get(a3.get_absolute_url()).content.decode()
    assert "Sijaisuuksia ei ole sovittu" in page and "Syyt kalanruotoluokittain" in page


def test_an_unverified_cause_cannot_be_a_root_cause(a3, cast):
    with pytest.raises(ImprovementError):
        actions.cause_add(a3=a3, by=cast.process_owner, text="Arvaus", is_root=True)
    cause = actions.cause_add(a3=a3, by=cast.process_owner, text="Arvaus")
    with pytest.raises(ImprovementError):
        actions.cause_mark(cause=cause, verified=False, is_root=True)


def test_a_category_outside_the_fishbone_set_is_refused(a3, cast):
    with pytest.raises(ImprovementError):
        actions.cause_add(a3=a3, by=cast.process_owner, text="X", category="price")


def test_countermeasures_are_refused_before_a_root_cause(a3, cast):
    cause = actions.cause_add(a3=a3, by=cast.process_owner, text="Syy")
    with pytest.raises(ImprovementError, match="juurisyy"):
        actions.countermeasure_add(a3=a3, cause=cause, text="Korjaus")
    client = Client()
    client.force_login(cast.process_owner)
    response = client.post(
        reverse("improvement:countermeasure-add", args=[a3.pk]),
        {"cause": cause.pk, "text": "Korjaus"},
    )
    assert "juurisyy" in response.content.decode()
    assert not a3.countermeasures.exists()


def test_a_cause_becomes_an_idea_and_a_measure_linked_both_ways(a3, cast, measure):
    *_, root = _chain(a3, cast.process_owner)
    idea = actions.cause_to_idea(cause=root, by=cast.process_owner)
    assert idea.a3_causes.get() == root
    assert actions.cause_to_idea(cause=root, by=cast.process_owner) == idea
    client = Client()
    client.force_login(cast.process_owner)
    client.post(
        reverse("improvement:cause-measure", args=[root.pk]),
        {
            "goal": measure.goal.pk,
            "measure_class": "development_project",
            "due_date": "2027-06-30",
        },
    )
    root.refresh_from_db()
    assert root.measure.a3_causes.get() == root
    assert root.measure.owner == cast.process_owner


def test_implementation_schedules_checks_and_the_job_reminds_the_owner_once(
    a3, cast, run_jobs
):
    *_, root = _chain(a3, cast.process_owner)
    actions.countermeasure_add(a3=a3, cause=root, text="Sijaisuuskalenteri")
    on = date(2026, 1, 1)
    checks = actions.a3_mark_implemented(a3=a3, on=on)
    assert [c.due_on for c in checks] == [on + timedelta(days=d) for d in (30, 90, 180)]
    assert actions.checks_remind_due(today=on + timedelta(days=95)) == 2
    assert actions.checks_remind_due(today=on + timedelta(days=95)) == 0
    run_jobs()
    assert len(mail.outbox) == 2
    assert mail.outbox[0].to == [cast.process_owner.email]
    check = SustainmentCheck.objects.first()
    actions.check_record(check=check, sustained=True, note="Toimii")
    assert actions.checks_remind_due(today=on + timedelta(days=400)) == 1


def test_reviewers_comment_section_by_section(a3, cast):
    client = Client()
    client.force_login(cast.employee)
    client.post(
        reverse("improvement:comment-add", args=[a3.pk]),
        {"section": "goal", "text": "Tavoite mitattavaksi"},
    )
    assert ReviewComment.objects.get().section == "goal"
    assert "Tavoite mitattavaksi" in client.get(a3.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("who", "view", "edit"),
    [
        ("resident", 403, 403),
        ("employee", 200, 403),
        ("moderator", 200, 403),
        ("process_owner", 200, 302),
        ("productivity_lead", 200, 302),
        ("manager", 200, 302),
        ("caselog_analyst", 200, 403),
        ("administrator", 200, 302),
    ],
)
def test_who_may_read_and_write_an_a3(a3, cast, who, view, edit):
    client = Client()
    client.force_login(cast[who])
    assert client.get(a3.get_absolute_url()).status_code == view
    response = client.post(
        reverse("improvement:cause-add", args=[a3.pk]), {"text": "Syy"}
    )
    assert response.status_code == edit
    assert Cause.objects.exists() == (edit == 302)


def test_another_organisation_gets_404_and_anonymous_a_log_in(a3, outsider):
    client = Client(HTTP_HOST="pori.testserver")
    client.force_login(outsider)
    assert client.get(reverse("improvement:a3", args=[a3.pk])).status_code == 404
    assert Client().get(a3.get_absolute_url()).status_code == 302
