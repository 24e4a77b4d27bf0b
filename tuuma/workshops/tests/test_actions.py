import pytest

from tuuma.workshops import actions, clusters, voting
from tuuma.workshops.actions import WorkshopError
from tuuma.workshops.items import step_items
from tuuma.workshops.models import CODE_ALPHABET, Vote
from tuuma.workshops.results import PAIRWISE_MIN_SHOWN, next_pair, step_results


def _notes(step, participant, *texts):
    return [
        actions.note_create(step=step, participant=participant, text=t) for t in texts
    ]


def test_a_session_gets_an_eight_character_code_without_confusable_letters(session):
    assert len(session.code) == 8
    assert set(session.code) <= set(CODE_ALPHABET)
    assert session.min_group_size == 5


def test_dots_never_exceed_the_budget_or_the_per_item_maximum(live, ideate, dots, join):
    anna = join("Anna")
    a, b, _c = _notes(ideate, anna, "Jonot", "Paperit", "Tulostus")
    actions.step_open(step=dots, by=live.facilitator)
    assert voting.dot_add(step=dots, participant=anna, item=a.key) == 2
    voting.dot_add(step=dots, participant=anna, item=a.key)
    with pytest.raises(WorkshopError, match="maximum"):
        voting.dot_add(step=dots, participant=anna, item=a.key)
    voting.dot_add(step=dots, participant=anna, item=b.key)
    with pytest.raises(WorkshopError, match="used all"):
        voting.dot_add(step=dots, participant=anna, item=b.key)
    assert Vote.objects.filter(step=dots, participant=anna).count() == 3
    assert voting.dot_remove(step=dots, participant=anna, item=a.key) == 1


def test_a_closed_step_and_a_closed_session_refuse_input_clearly(live, ideate, join):
    anna = join("Anna")
    actions.step_close(step=ideate, by=live.facilitator)
    with pytest.raises(WorkshopError, match="step is closed"):
        _notes(ideate, anna, "Myöhässä")
    actions.session_close(session=live, by=live.facilitator)
    with pytest.raises(WorkshopError, match="has ended"):
        actions.participant_join(session=live, nickname="Bert")


def test_hiding_a_note_removes_it_from_every_item_list(live, ideate, dots, join):
    anna = join("Anna")
    bad, good = _notes(ideate, anna, "Rumaa", "Hyvä")
    actions.note_moderate(note=bad, by=live.facilitator, action="hide")
    assert [i.key for i in step_items(dots)] == [good.key]


def test_pre_moderated_questions_appear_after_approval(live, join):
    qa = actions.step_add(session=live, kind="qa", prompt="Kysy", premoderate=True)
    actions.step_open(step=qa, by=live.facilitator)
    question = _notes(qa, join(), "Miksi?")[0]
    assert step_items(qa) == []
    actions.note_moderate(note=question, by=live.facilitator, action="approve")
    assert voting.question_upvote(step=qa, participant=join(), item=question.key)
    assert step_results(qa)[0].score == 1


def test_votes_go_to_clusters_once_notes_are_grouped(live, ideate, dots, join):
    a, b = _notes(ideate, join(), "Jonot", "Odotus")
    group = clusters.cluster_create(session=live, title="Odottaminen")
    clusters.note_move(note=a, cluster=group)
    clusters.note_move(note=b, cluster=group)
    assert [i.key for i in step_items(dots)] == [group.key]
    other = clusters.cluster_create(session=live, title="Muu")
    clusters.note_move(note=b, cluster=other)
    clusters.cluster_merge(cluster=other, into=group)
    assert step_items(dots)[0].note_count == 2


def test_pairwise_ranks_an_item_only_after_six_appearances(live, ideate, join):
    _notes(ideate, join(), "A", "B", "C")
    duel = actions.step_add(session=live, kind="pairwise", prompt="Kumpi?")
    actions.step_open(step=duel, by=live.facilitator)
    for _n in range(PAIRWISE_MIN_SHOWN - 3):
        person = join()
        while pair := next_pair(duel, person):
            voting.duel_record(
                step=duel, participant=person, winner=pair[0].key, loser=pair[1].key
            )
    rows = step_results(duel)
    assert all(r.votes == 6 and r.ranked for r in rows)


def test_points_ranking_matrix_and_poll_are_counted_from_rows(live, ideate, join):
    a, b = _notes(ideate, join(), "A", "B")
    person = join()
    points = actions.step_add(session=live, kind="points", prompt="Jaa")
    actions.step_open(step=points, by=live.facilitator)
    with pytest.raises(WorkshopError, match="100"):
        voting.points_set(step=points, participant=person, allocation={a.key: 101})
    voting.points_set(
        step=points, participant=person, allocation={a.key: 70, b.key: 30}
    )
    assert [r.score for r in step_results(points)] == [70, 30]
    matrix = actions.step_add(session=live, kind="matrix", prompt="2x2")
    actions.step_open(step=matrix, by=live.facilitator)
    voting.matrix_place(step=matrix, participant=person, item=a.key, impact=5, effort=1)
    assert step_results(matrix)[0].impact == 5
    poll = actions.step_add(session=live, kind="poll", prompt="?", options="Kyllä\nEi")
    actions.step_open(step=poll, by=live.facilitator)
    voting.poll_answer(step=poll, participant=person, option="o1")
    voting.poll_answer(step=poll, participant=person, option="o0")
    assert [r.score for r in step_results(poll)] == [1, 0]


def test_copying_a_session_keeps_its_steps_but_no_input(live, ideate, dots, join):
    _notes(ideate, join(), "A")
    copy = actions.session_copy(session=live, by=live.facilitator)
    assert copy.code != live.code and copy.status == "draft"
    assert [s.kind for s in copy.steps.all()] == ["ideate", "dots"]
    assert not copy.notes.exists()


def test_paper_counts_are_added_to_the_dots_and_marked(live, ideate, dots, join):
    note = actions.note_transcribe(step=ideate, by=live.facilitator, text="Paperilta")
    assert note.is_paper
    actions.step_open(step=dots, by=live.facilitator)
    voting.paper_dots_set(step=dots, by=live.facilitator, item=note.key, count=7)
    voting.paper_dots_set(step=dots, by=live.facilitator, item=note.key, count=4)
    assert step_results(dots)[0].score == 4


def test_groups_below_the_minimum_size_are_never_shown_apart(
    live, ideate, dots, facilitator
):
    from tuuma.workshops.results import group_breakdown

    actions.session_update(session=live, groups="Kirjaamo\nNeuvonta", min_group_size=3)
    people = [
        actions.participant_join(session=live, group="Kirjaamo") for _n in range(3)
    ]
    people.append(actions.participant_join(session=live, group="Neuvonta"))
    note = actions.note_create(step=ideate, participant=people[0], text="A")
    actions.step_open(step=dots, by=facilitator)
    for person in people:
        voting.dot_add(step=dots, participant=person, item=note.key)
    breakdown = group_breakdown(dots)
    assert breakdown["groups"] == ["Kirjaamo"]
    assert breakdown["hidden_groups"] == 1
    assert "Neuvonta" not in breakdown["table"]


def test_a_step_refuses_votes_once_its_timer_has_run_out(live, ideate, join):
    from datetime import timedelta

    from django.utils import timezone

    actions.step_update(step=ideate, timer_minutes=1)
    actions.step_open(step=ideate, by=live.facilitator)
    ideate.refresh_from_db()
    ideate.closes_at = timezone.now() - timedelta(seconds=1)
    ideate.save()
    with pytest.raises(WorkshopError, match="Time is up"):
        _notes(ideate, join(), "Myöhään")


def test_signed_in_sessions_refuse_anonymous_joins(live, cast):
    actions.session_update(session=live, anonymity="signed_in")
    with pytest.raises(WorkshopError, match="Log in"):
        actions.participant_join(session=live)
    assert (
        actions.participant_join(session=live, user=cast.resident).user == cast.resident
    )


def test_erasing_a_person_keeps_their_votes_but_not_their_name(live, ideate, cast):
    from tuuma.workshops import privacy

    person = actions.participant_join(session=live, nickname="Rita", user=cast.resident)
    _notes(ideate, person, "Oma lappu")
    assert privacy.personal_data(cast.resident)["workshops"][0]["notes"] == [
        "Oma lappu"
    ]
    privacy.erase_person(cast.resident, remove_public_texts=True)
    person.refresh_from_db()
    assert person.user is None and person.nickname == ""
    assert person.notes.get().is_hidden
