"""Catalogue, versions and steps through the actions."""

import pytest
from django.core.exceptions import ValidationError

from tuuma.processes import actions
from tuuma.processes.models import Level, ProcessLink, Status
from tuuma.processes.tests.conftest import make_process

pytestmark = pytest.mark.django_db


def test_a_process_sits_under_a_group_of_its_own_service_area(org, area, other_area):
    process = make_process(org, area)
    assert process.parent.level == Level.GROUP
    with pytest.raises(ValidationError) as error:
        actions.process_create(
            organisation=org,
            by=None,
            service_area=other_area,
            parent=process.parent,
            name="Väärä",
        )
    assert "parent" in error.value.error_dict


def test_a_sub_process_needs_a_process_above_it(org, area):
    with pytest.raises(ValidationError):
        actions.process_create(
            organisation=org,
            by=None,
            service_area=area,
            level=Level.SUBPROCESS,
            name="Irrallinen",
        )


def test_another_organisations_people_cannot_own_a_process(org, area, outsider):
    with pytest.raises(ValidationError) as error:
        make_process(org, area, owner=outsider)
    assert "owner" in error.value.error_dict


def test_lists_of_case_types_and_systems_are_cleaned(org, area):
    process = make_process(
        org, area, case_types="rakennuslupa, \n tietopyyntö,", systems=["Dynasty", " "]
    )
    assert process.case_types == ["rakennuslupa", "tietopyyntö"]
    assert process.systems == ["Dynasty"]


def test_steps_are_numbered_moved_and_removed_in_order(version):
    names = lambda: list(version.steps.values_list("name", flat=True))  # noqa: E731
    assert list(version.steps.values_list("position", flat=True)) == [1, 2, 3, 4, 5]
    last = version.steps.get(name="Tiedoksianto")
    actions.step_move(step=last, offset=-1)
    assert names()[3:] == ["Tiedoksianto", "Päätös"]
    actions.step_delete(step=version.steps.get(name="Valmistelu"))
    assert list(version.steps.values_list("position", flat=True)) == [1, 2, 3, 4]


def test_a_step_is_refused_when_its_lead_time_is_shorter_than_its_work(version):
    with pytest.raises(ValidationError) as error:
        actions.step_save(
            version=version, name="x", performer_role="r", pt_minutes=60, lt_minutes=30
        )
    assert "lt_minutes" in error.value.error_dict
    with pytest.raises(ValidationError):
        actions.step_save(version=version, name="x", performer_role="r", wastes=["X"])
    assert version.steps.count() == 5


def test_a_new_version_can_copy_the_steps_of_another(process, version):
    future = actions.version_create(
        process=process,
        by=None,
        name="Tavoitetila",
        state="to_be",
        future_of=version,
        copy_from=version,
    )
    assert list(future.steps.values_list("name", flat=True)) == list(
        version.steps.values_list("name", flat=True)
    )
    assert future.steps.first().organisation_id == process.organisation_id


def test_a_link_names_either_an_idea_or_a_measure_once(process, measure):
    with pytest.raises(ValidationError):
        actions.link_add(process=process)
    actions.link_add(process=process, measure=measure, note="a")
    actions.link_add(process=process, measure=measure, note="b")
    assert ProcessLink.objects.get().note == "b"


def test_a_retired_process_stays_readable(process):
    actions.process_update(process=process, by=None, status=Status.RETIRED)
    process.refresh_from_db()
    assert process.status == Status.RETIRED


def test_a_persons_data_is_listed_and_erased_keeping_the_process(
    process, version, cast
):
    from tuuma.processes.privacy import erase_person, personal_data

    actions.comment_add(version=version, by=cast.process_owner, text="Hyvä")
    data = personal_data(cast.process_owner)
    assert data["processes_owned"] == [process.name]
    assert data["version_comments"][0]["text"] == "Hyvä"
    drawn = actions.version_create(process=process, by=cast.process_owner, name="Uusi")
    assert personal_data(cast.process_owner)["versions_created"] == [
        {"process": process.name, "version": "Uusi"}
    ]
    erase_person(cast.process_owner, remove_public_texts=False)
    drawn.refresh_from_db()
    assert drawn.created_by is None
    process.refresh_from_db()
    assert process.owner is None
    assert version.comments.get().author is None
