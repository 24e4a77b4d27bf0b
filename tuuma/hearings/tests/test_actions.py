from datetime import date

import pytest
from django.core import mail

from tuuma.audit.models import AuditEntry
from tuuma.hearings import actions
from tuuma.hearings.actions import HearingError
from tuuma.hearings.models import Answer, Comment, Support
from tuuma.hearings.tests.conftest import make_hearing

pytestmark = pytest.mark.django_db


def test_a_draft_without_sections_cannot_be_published(org, preparer):
    hearing = make_hearing(org, preparer)
    hearing.sections.all().delete()
    with pytest.raises(HearingError, match="at least one section"):
        actions.hearing_publish(hearing=hearing, by=preparer)


def test_publishing_is_audited(hearing):
    assert AuditEntry.objects.filter(action="hearings.publish").count() == 1


def test_a_comment_stays_on_the_section_version_it_was_written_on(
    hearing, section, cast, preparer
):
    first = actions.comment_create(
        hearing=hearing, user=cast.resident, body="Ensimmäinen", section=section
    )
    section = actions.section_update(section=section, by=preparer, body="Uusi teksti")
    second = actions.comment_create(
        hearing=hearing, user=cast.employee, body="Toinen", section=section
    )
    first.refresh_from_db()
    assert first.section_version.number == 1
    assert first.section_version.body == "Kolme lähikirjastoa yhdistetään."
    assert first.on_old_version
    assert second.section_version.number == 2 and not second.on_old_version


def test_a_closed_hearing_refuses_new_comments_clearly(ended, cast):
    with pytest.raises(HearingError, match="closed"):
        actions.comment_create(hearing=ended, user=cast.resident, body="Myöhässä")


def test_an_upcoming_hearing_refuses_comments(org, preparer, cast):
    hearing = make_hearing(org, preparer, opens_in=2)
    actions.hearing_publish(hearing=hearing, by=preparer)
    with pytest.raises(HearingError, match="not opened"):
        actions.comment_create(
            hearing=hearing, user=cast.resident, body="Liian aikaisin"
        )


def test_the_identity_level_is_enforced(org, preparer, cast, django_user_model):
    hearing = make_hearing(org, preparer, identity="strong")
    actions.hearing_publish(hearing=hearing, by=preparer)
    with pytest.raises(HearingError, match="stronger identification"):
        actions.comment_create(hearing=hearing, user=cast.resident, body="Hei")
    cast.resident.identity_level = "strong"
    assert actions.comment_create(hearing=hearing, user=cast.resident, body="Hei")


def test_a_visitor_comments_on_an_anonymous_hearing_only(org, preparer, hearing):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(HearingError, match="Sign in"):
        actions.comment_create(
            hearing=hearing, user=AnonymousUser(), body="Hei", visitor_token="t"
        )
    open_one = make_hearing(org, preparer, identity="anonymous")
    actions.hearing_publish(hearing=open_one, by=preparer)
    comment = actions.comment_create(
        hearing=open_one,
        user=AnonymousUser(),
        body="Hei",
        author_name="Kirjastonkäyttäjä",
        visitor_token="token",
    )
    assert comment.author is None and comment.visitor_key.startswith("s")


def test_replies_hang_on_the_top_comment_and_its_section(hearing, section, cast):
    top = actions.comment_create(
        hearing=hearing, user=cast.resident, body="Ylin", section=section
    )
    reply = actions.comment_create(
        hearing=hearing, user=cast.employee, body="Vastaus", parent=top
    )
    deeper = actions.comment_create(
        hearing=hearing, user=cast.resident, body="Syvempi", parent=reply
    )
    assert reply.parent == top and deeper.parent == top
    assert deeper.section == section


def test_support_is_counted_once_per_person(hearing, cast):
    comment = actions.comment_create(hearing=hearing, user=cast.resident, body="Hyvä")
    assert actions.comment_support(comment=comment, user=cast.employee)
    assert not actions.comment_support(comment=comment, user=cast.employee)
    assert Comment.objects.with_support_count().get().support_count == 1
    with pytest.raises(HearingError, match="own comment"):
        actions.comment_support(comment=comment, user=cast.resident)
    assert Support.objects.count() == 1


def test_one_answer_per_person_per_question(hearing, section, cast, preparer):
    from tuuma.hearings.choices import HearingStatus

    hearing.status = HearingStatus.DRAFT
    hearing.save()
    single = actions.question_add(
        section=section, kind="single", text="Kumpi?", options="A\nB"
    )
    scale = actions.question_add(section=section, kind="scale", text="Kuinka hyvä?")
    hearing.status = HearingStatus.PUBLISHED
    hearing.save()
    stored = actions.answers_give(
        section=section, user=cast.resident, values={single.pk: "1", scale.pk: "4"}
    )
    assert stored == 2
    with pytest.raises(HearingError, match="already answered"):
        actions.answers_give(
            section=section, user=cast.resident, values={single.pk: "0"}
        )
    with pytest.raises(HearingError, match="options given"):
        actions.answers_give(
            section=section, user=cast.employee, values={single.pk: "7"}
        )
    assert Answer.objects.count() == 2


def test_authors_edit_and_withdraw_while_open_only(hearing, cast, preparer):
    comment = actions.comment_create(hearing=hearing, user=cast.resident, body="Eka")
    actions.comment_edit(comment=comment, user=cast.resident, body="Korjattu")
    with pytest.raises(HearingError, match="Only the author"):
        actions.comment_edit(comment=comment, user=cast.employee, body="Vieras")
    actions.hearing_close(hearing=hearing, by=preparer)
    with pytest.raises(HearingError, match="closed"):
        actions.comment_withdraw(comment=comment, user=cast.resident)
    comment.refresh_from_db()
    assert comment.body == "Korjattu" and comment.edited_at


def test_three_reports_hide_a_comment_until_a_moderator_decides(
    hearing, cast, org, django_user_model
):
    from conftest import make_user

    comment = actions.comment_create(hearing=hearing, user=cast.resident, body="Huono")
    for key in ("r1", "r2", "r3"):
        actions.comment_report(
            comment=comment, reporter=make_user(org, key), reason="x"
        )
    comment.refresh_from_db()
    assert comment.is_hidden
    actions.comment_moderate(
        comment=comment, by=cast.moderator, hide=False, reason="Asiallinen"
    )
    comment.refresh_from_db()
    assert not comment.is_hidden
    assert AuditEntry.objects.filter(action="hearings.comment_restore").exists()


def test_the_report_needs_a_response_for_every_theme(ended, preparer, run_jobs, cast):
    section = ended.sections.get()
    theme = actions.theme_create(hearing=ended, section=section, title="Lähipalvelut")
    for comment in ended.comments.all():
        actions.comment_assign(comment=comment, theme=theme)
    with pytest.raises(HearingError, match="Missing: Lähipalvelut"):
        actions.report_publish(hearing=ended, by=preparer)
    actions.theme_respond(theme=theme, response="partly", reason="Kaksi jää.")
    actions.report_publish(hearing=ended, by=preparer)
    actions.report_publish(hearing=ended, by=preparer)
    run_jobs()
    assert len(mail.outbox) == 1  # the one commenter, once
    assert mail.outbox[0].to == [cast.resident.email]
    assert "Kirjastoverkkosuunnitelma" in mail.outbox[0].subject


def test_themes_are_written_only_after_closing(hearing, section):
    with pytest.raises(HearingError, match="after the hearing has closed"):
        actions.theme_create(hearing=hearing, section=section, title="Liian aikaisin")


def test_followers_hear_of_each_phase(org, preparer, cast, run_jobs, measure):
    matter = actions.matter_create(
        organisation=org,
        by=preparer,
        title="Kirjastoverkko",
        description="Kirjastot 2035",
        started_on=date(2026, 9, 1),
    )
    actions.matter_publish(matter=matter, by=preparer)
    actions.matter_follow(matter=matter, user=cast.resident)
    actions.matter_record_decision(
        matter=matter,
        by=preparer,
        body="Kunnanvaltuusto",
        decided_on=date(2026, 11, 30),
        summary="Hyväksyttiin muutoksin.",
        case_id="ESIM/12/2026",
    )
    assert actions.matter_link_measure(matter=matter, measure=measure)
    assert not actions.matter_link_measure(matter=matter, measure=measure)
    run_jobs()
    assert len(mail.outbox) == 1
    matter.refresh_from_db()
    assert matter.phase == "decision" and matter.phase_changes.count() == 2


def test_a_staff_hearing_admits_staff_only(org, preparer, cast):
    hearing = make_hearing(org, preparer, audience="staff")
    actions.hearing_publish(hearing=hearing, by=preparer)
    with pytest.raises(HearingError, match="own audience only"):
        actions.comment_create(hearing=hearing, user=cast.resident, body="Hei")
    assert actions.comment_create(hearing=hearing, user=cast.employee, body="Hei")


def test_commenters_hear_of_the_report_in_their_own_language(
    org, ended, preparer, run_jobs
):
    from conftest import make_user

    swede = make_user(org, "svenska", language="sv")
    hearing = ended
    hearing.status = "published"
    hearing.closes_at = hearing.closes_at.replace(year=hearing.closes_at.year + 1)
    hearing.save()
    actions.comment_create(hearing=hearing, user=swede, body="<b>Bra</b>")
    actions.hearing_close(hearing=hearing, by=preparer)
    theme = actions.theme_create(hearing=hearing, section=None, title="Allt")
    actions.theme_respond(theme=theme, response="adopted", reason="Ja.")
    actions.report_publish(hearing=hearing, by=preparer)
    run_jobs()
    swedish = next(m for m in mail.outbox if m.to == [swede.email])
    assert swedish.subject.startswith("Vad vi hörde")
    assert "Tack för att du kommenterade" in swedish.body
    assert swedish.alternatives == []  # plain text: nothing to inject into
