import pytest
from django.urls import reverse
from django.utils import translation

from tuuma.accessibility.models import AccessibilityStatement
from tuuma.audit.models import AuditEntry
from tuuma.ideas.models import Idea, IdeaSettings

pytestmark = pytest.mark.django_db


def _english(client, name):
    with translation.override("en"):
        return client.get(reverse(name))


REQUIRED_HEADINGS = [
    "Compliance status",
    "Non-accessible content",
    "Preparation of this statement",
    "Feedback and contact information",
    "Enforcement procedure",
]


def test_the_statement_is_public_with_every_section_the_act_asks_for(client, org):
    with translation.override("en"):
        response = client.get(reverse("accessibility:statement"))
    assert response.status_code == 200
    text = response.content.decode()
    for heading in REQUIRED_HEADINGS:
        assert heading in text
    assert "saavutettavuusvaatimukset.fi" in text
    assert "Etelä-Suomen aluehallintovirasto" in text


@pytest.mark.parametrize(
    ("language", "heading"),
    [("fi", "Saavutettavuusseloste"), ("sv", "Tillgänglighetsutlåtande")],
)
def test_the_statement_speaks_finnish_and_swedish(client, org, language, heading):
    with translation.override(language):
        response = client.get(reverse("accessibility:statement"))
    assert heading in response.content.decode()


def test_every_page_links_to_the_statement_in_the_footer(client, org):
    text = client.get("/").content.decode()
    assert reverse("accessibility:statement") in text


def test_the_administrator_edits_the_statement_and_it_is_audited(client, org, cast):
    client.force_login(cast["administrator"])
    response = client.post(
        reverse("accessibility:edit"),
        {
            "compliance": "partial",
            "non_accessible_fi": "Prosessikartat eivät toimi ruudunlukijalla.",
            "non_accessible_sv": "",
            "non_accessible_en": "Process maps do not work with screen readers.",
            "assessment": "self",
            "prepared_on": "2026-01-15",
            "reviewed_on": "2026-11-01",
            "feedback_email": "saavutettavuus@example.fi",
            "authority_contact": "Saavutettavuusvalvonta",
        },
    )
    assert response.status_code == 302
    saved = AccessibilityStatement.objects.get(organisation=org)
    assert saved.feedback_email == "saavutettavuus@example.fi"
    assert AuditEntry.objects.filter(action="accessibility.statement_saved").exists()
    with translation.override("en"):
        text = client.get(reverse("accessibility:statement")).content.decode()
    assert "Process maps do not work" in text


@pytest.mark.parametrize("key", ["employee", "manager", "resident"])
def test_only_the_administrator_edits_the_statement(client, cast, key):
    client.force_login(cast[key])
    assert client.get(reverse("accessibility:edit")).status_code == 403


def test_feedback_becomes_a_staff_only_feedback_idea(client, org, cast):
    client.force_login(cast["resident"])
    response = client.post(
        reverse("accessibility:feedback"),
        {"message": "Kartta ei toimi näppäimistöllä.", "page": "/prosessit/"},
    )
    assert response.status_code == 302
    idea = Idea.objects.get()
    assert idea.kind == "feedback" and idea.is_staff_only
    assert idea.author == cast["resident"] and "/prosessit/" in idea.body
    assert idea.status != "draft"


def test_the_answer_time_is_the_ideas_target_at_most_fourteen_days(client, org):
    IdeaSettings.objects.create(organisation=org, answer_target_days=7)
    text = _english(client, "accessibility:feedback")
    assert "within 7 days" in text.content.decode()
    IdeaSettings.objects.filter(organisation=org).update(answer_target_days=30)
    text = _english(client, "accessibility:feedback")
    assert "within 14 days" in text.content.decode()


def test_anonymous_feedback_needs_an_address_and_anonymous_ideas(client, org):
    url = reverse("accessibility:feedback")
    response = client.post(url, {"message": "Liian pieni teksti."})
    assert response.status_code == 200 and not Idea.objects.exists()
    IdeaSettings.objects.create(organisation=org, allow_anonymous=True)
    response = client.post(
        url, {"message": "Liian pieni teksti.", "contact_email": "a@example.fi"}
    )
    assert response.status_code == 302
    assert Idea.objects.get().contact_email == "a@example.fi"
