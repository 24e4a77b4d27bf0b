"""Who may do what with hearings and matters (see tuuma/organisation/permissions.py).

Which hearings and matters a person sees at all is ``visible_to``: drafts for the
staff who prepare them, the published ones for everyone. Who may comment on an
open hearing is the hearing's own identity level (``Hearing.admits``), checked
by the actions, because it is a property of the hearing, not of a role.
"""

from tuuma.organisation.permissions import LEADS, Rule
from tuuma.organisation.roles import Role

PREPARERS = LEADS | {Role.PROCESS_OWNER}


def _report_published(hearing) -> bool:
    return hearing.report_published_at is not None


def _has_ended(hearing) -> bool:
    return hearing.has_ended


RULES = {
    "hearings.view": Rule(public=True, describe="Read published hearings and matters"),
    "hearings.view_drafts": Rule(
        PREPARERS, describe="See hearings and matters still being prepared"
    ),
    "hearings.prepare": Rule(
        PREPARERS,
        area_scoped=True,
        describe="Prepare hearings: texts, sections, questions, dates, publishing",
    ),
    "hearings.comment": Rule(
        public=True,
        describe=(
            "Comment, reply, support and answer while the hearing is open, at its "
            "identity level (the actions refuse with the reason)"
        ),
    ),
    "hearings.edit_comment": Rule(
        owners=("author",),
        describe="Edit or withdraw one's own comment while the hearing is open",
    ),
    "hearings.report_comment": Rule(
        residents=True, describe="Report a comment to the moderators"
    ),
    "hearings.moderate": Rule(
        frozenset({Role.MODERATOR}), describe="Hide and restore reported comments"
    ),
    "hearings.write_report": Rule(
        PREPARERS,
        area_scoped=True,
        when=_has_ended,
        describe="Group comments into themes, pick quotes, respond, publish",
    ),
    "hearings.read_report": Rule(
        public=True,
        when=_report_published,
        describe="Read a hearing's published report, its PDF and XLSX",
    ),
    "hearings.export": Rule(
        PREPARERS,
        area_scoped=True,
        describe="Download every comment of a hearing as XLSX",
    ),
    "hearings.manage_matters": Rule(
        PREPARERS,
        area_scoped=True,
        describe="Record a matter's phases, decision, hearings and measures",
    ),
    "hearings.follow": Rule(residents=True, describe="Follow a matter's phases"),
}
