"""The processes an idea or a measure touches, on their own pages, and the
audited acts on a process (owner changes, retiring, deleting a step, unlinking)."""

import pytest

from tuuma.audit.models import AuditEntry
from tuuma.ideas.tests.factories import answered_idea, make_idea
from tuuma.processes import actions
from tuuma.processes.models import ProcessLink, Status
from tuuma.processes.tests.conftest import make_process

pytestmark = pytest.mark.django_db


def test_a_resident_sees_the_published_process_an_answered_idea_names(
    client, cast, process
):
    idea = answered_idea(
        org=process.organisation, author=cast.resident, by=cast.moderator
    )
    actions.link_add(process=process, idea=idea, note="Jonot")
    page = client.get(idea.get_absolute_url()).content.decode()
    assert process.get_absolute_url() in page and "Jonot" in page
    assert 'name="process"' not in page  # visitors get no form
    assert "/poista/" not in page


def test_an_unpublished_process_stays_hidden_on_a_public_idea(client, cast, process):
    idea = answered_idea(
        org=process.organisation, author=cast.resident, by=cast.moderator
    )
    actions.link_add(process=process, idea=idea)
    actions.process_update(process=process, by=None, is_published=False)
    page = client.get(idea.get_absolute_url()).content.decode()
    assert process.get_absolute_url() not in page


def test_the_process_owner_links_a_process_from_the_idea_page(
    client, org, cast, process
):
    idea = make_idea(org, cast.process_owner, kind="problem")
    client.force_login(cast.process_owner)
    page = client.get(idea.get_absolute_url()).content.decode()
    assert f'<option value="{process.pk}"' in page
    response = client.post(
        "/prosessit/linkit/",
        {"process": process.pk, "idea": idea.pk, "note": "Pullonkaula"},
    )
    assert (
        response.status_code == 302 and response["Location"] == idea.get_absolute_url()
    )
    link = ProcessLink.objects.get(process=process, idea=idea)
    assert link.note == "Pullonkaula" and link.organisation == org
    page = client.get(idea.get_absolute_url()).content.decode()
    assert f"/prosessit/{process.pk}/linkit/{link.pk}/poista/" in page


def test_someone_who_may_not_edit_the_process_cannot_link_it(
    client, org, cast, process
):
    idea = make_idea(org, cast.manager)
    client.force_login(cast.manager)
    page = client.get(idea.get_absolute_url()).content.decode()
    assert 'name="process"' not in page
    response = client.post(
        "/prosessit/linkit/", {"process": process.pk, "idea": idea.pk}
    )
    assert response.status_code == 403
    assert not ProcessLink.objects.exists()


def test_linking_another_organisations_idea_or_process_is_refused(
    client, org, other_org, cast, outsider, process
):
    foreign_idea = make_idea(other_org, outsider)
    client.force_login(cast.administrator)
    response = client.post(
        "/prosessit/linkit/", {"process": process.pk, "idea": foreign_idea.pk}
    )
    assert response.status_code == 404
    idea = make_idea(org, cast.administrator)
    response = client.post("/prosessit/linkit/", {"process": 999999, "idea": idea.pk})
    assert response.status_code == 302
    assert not ProcessLink.objects.exists()


def test_the_owner_unlinks_a_process_from_the_measure_page_and_it_is_audited(
    client, cast, process, measure
):
    link = actions.link_add(process=process, measure=measure)
    client.force_login(cast.process_owner)
    page = client.get(measure.get_absolute_url()).content.decode()
    assert process.get_absolute_url() in page
    response = client.post(
        f"/prosessit/{process.pk}/linkit/{link.pk}/poista/", {"back": "target"}
    )
    assert response["Location"] == measure.get_absolute_url()
    assert not ProcessLink.objects.exists()
    entry = AuditEntry.objects.get(action="processes.link_removed")
    assert entry.actor == cast.process_owner and entry.details["measure"] == measure.pk


def test_a_link_of_another_process_cannot_be_removed_through_this_one(
    client, org, area, cast, process, measure
):
    other = make_process(
        org, area, owner=cast.employee, code="02.01", name="Muu", group_name="Muut"
    )
    link = actions.link_add(process=other, measure=measure)
    client.force_login(cast.process_owner)
    response = client.post(f"/prosessit/{process.pk}/linkit/{link.pk}/poista/")
    assert response.status_code == 404
    assert ProcessLink.objects.filter(pk=link.pk).exists()


def test_changing_the_owner_and_retiring_a_process_go_to_the_audit_log(cast, process):
    actions.process_update(process=process, by=cast.productivity_lead, name="Uusi nimi")
    assert (
        not AuditEntry.objects.filter(action__startswith="processes.")
        .exclude(action="processes.created")
        .exists()
    )
    actions.process_update(
        process=process, by=cast.productivity_lead, owner=cast.manager
    )
    actions.process_update(
        process=process, by=cast.productivity_lead, status=Status.RETIRED
    )
    owner = AuditEntry.objects.get(action="processes.owner_changed")
    assert owner.actor == cast.productivity_lead
    assert owner.details["to"] == str(cast.manager)
    assert AuditEntry.objects.filter(action="processes.retired").count() == 1


def test_deleting_a_step_is_audited(client, cast, process, version):
    step = version.steps.first()
    client.force_login(cast.process_owner)
    client.post(
        f"/prosessit/{process.pk}/versiot/{version.pk}/vaiheet/{step.pk}/poista/"
    )
    entry = AuditEntry.objects.get(action="processes.step_deleted")
    assert entry.details["step"] == "Kirjaaminen"
    assert entry.actor == cast.process_owner
