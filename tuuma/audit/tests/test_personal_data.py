import io
import json
import zipfile

import pytest
from django.urls import reverse

from tuuma.audit.models import AuditEntry, PersonalDataExport, PrivacySettings
from tuuma.audit.personal_data import person_erase
from tuuma.ideas.actions import comment_create, idea_create, idea_support
from tuuma.ideas.models import Comment, Idea

pytestmark = pytest.mark.django_db


@pytest.fixture
def contributions(org, cast):
    resident = cast["resident"]
    idea = idea_create(
        organisation=org,
        author=resident,
        kind="idea",
        title="Penkki puistoon",
        body="Puistoon tarvitaan penkki.",
        contact_email="asukas@example.fi",
    )
    comment = comment_create(idea=idea, author=resident, body="Ja roska-astia.")
    idea_support(idea=idea, user=cast["employee"])
    idea_support(idea=idea, user=resident)
    return idea, comment


def test_a_person_downloads_everything_as_one_json_file_per_app(
    client, cast, contributions, run_jobs
):
    resident = cast["resident"]
    client.force_login(resident)
    response = client.post(reverse("audit:my-data"))
    assert response.status_code == 302
    run_jobs()
    export = PersonalDataExport.objects.get(user=resident)
    response = client.get(reverse("audit:export-download", args=[export.pk]))
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert {
        "accounts.json",
        "ideas.json",
        "programme.json",
        "caselog.json",
        "jobs.json",
        "audit.json",
    } <= set(archive.namelist())
    ideas = json.loads(archive.read("ideas.json"))
    assert ideas["ideas"][0]["title"] == "Penkki puistoon"
    assert ideas["comments"][0]["body"] == "Ja roska-astia."
    assert json.loads(archive.read("accounts.json"))["email"] == resident.email
    assert AuditEntry.objects.filter(action="audit.personal_data_exported").exists()


def test_nobody_else_downloads_a_persons_archive(client, cast, contributions, run_jobs):
    client.force_login(cast["resident"])
    client.post(reverse("audit:my-data"))
    run_jobs()
    export = PersonalDataExport.objects.get()
    client.force_login(cast["administrator"])
    url = reverse("audit:export-download", args=[export.pk])
    assert client.get(url).status_code == 404


def test_erasure_keeps_public_texts_anonymised_and_counts(org, cast, contributions):
    idea, comment = contributions
    resident = cast["resident"]
    person_erase(organisation=org, person=resident, actor=cast["administrator"])
    resident.refresh_from_db()
    assert not resident.is_active and resident.full_name == ""
    assert "example" not in resident.email and not resident.has_usable_password()
    idea.refresh_from_db()
    assert idea.author is None and idea.contact_email == ""
    assert idea.title == "Penkki puistoon"
    assert idea.supports.count() == 2
    assert Comment.objects.get(pk=comment.pk).body == "Ja roska-astia."
    assert AuditEntry.objects.filter(action="audit.person_erased").count() == 1


def test_erasure_removes_public_texts_when_the_organisation_says_so(
    org, cast, contributions
):
    idea, comment = contributions
    PrivacySettings.objects.create(organisation=org, erasure_rule="remove")
    person_erase(organisation=org, person=cast["resident"], actor=cast["administrator"])
    idea = Idea.objects.get(pk=idea.pk)
    assert "Penkki" not in idea.title and idea.body == "" and idea.is_hidden
    assert Comment.objects.get(pk=comment.pk).body == ""
    assert idea.supports.count() == 2


def test_the_administrator_erases_through_the_page(client, org, cast, contributions):
    client.force_login(cast["administrator"])
    url = reverse("audit:erase", args=[cast["resident"].pk])
    assert client.post(url, {}).status_code == 200  # not confirmed: nothing happens
    assert not AuditEntry.objects.filter(action="audit.person_erased").exists()
    assert client.post(url, {"confirm": "on"}).status_code == 302
    assert AuditEntry.objects.filter(action="audit.person_erased").exists()


def test_another_organisations_person_cannot_be_erased(client, cast, outsider):
    client.force_login(cast["administrator"])
    response = client.post(
        reverse("audit:erase", args=[outsider.pk]), {"confirm": "on"}
    )
    assert response.status_code == 404


def test_the_purge_removes_archives_older_than_a_week(client, org, cast, run_jobs):
    from datetime import timedelta

    from django.utils import timezone

    from tuuma.audit.actions import audit_purge

    client.force_login(cast["resident"])
    client.post(reverse("audit:my-data"))
    run_jobs()
    audit_purge(organisation=org)
    assert PersonalDataExport.objects.count() == 1
    audit_purge(organisation=org, now=timezone.now() + timedelta(days=8))
    assert not PersonalDataExport.objects.exists()
