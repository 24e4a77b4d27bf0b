"""Every operation on hearings and matters; pages, the API and jobs call these."""

from tuuma.hearings.actions.attachments import attachment_add, attachment_remove
from tuuma.hearings.actions.common import HearingError
from tuuma.hearings.actions.hearings import (
    hearing_close,
    hearing_create,
    hearing_publish,
    hearing_update,
    question_add,
    section_add,
    section_update,
)
from tuuma.hearings.actions.matters import (
    matter_change_phase,
    matter_create,
    matter_follow,
    matter_link_hearing,
    matter_link_measure,
    matter_publish,
    matter_record_decision,
    matter_unfollow,
    matter_unlink_measure,
)
from tuuma.hearings.actions.participation import (
    answers_give,
    comment_create,
    comment_edit,
    comment_moderate,
    comment_report,
    comment_support,
    comment_withdraw,
)
from tuuma.hearings.actions.report import (
    comment_assign,
    comment_quote,
    report_publish,
    theme_create,
    theme_merge,
    theme_rename,
    theme_respond,
)

__all__ = [
    "HearingError",
    "answers_give",
    "attachment_add",
    "attachment_remove",
    "comment_assign",
    "comment_create",
    "comment_edit",
    "comment_moderate",
    "comment_quote",
    "comment_report",
    "comment_support",
    "comment_withdraw",
    "hearing_close",
    "hearing_create",
    "hearing_publish",
    "hearing_update",
    "matter_change_phase",
    "matter_create",
    "matter_follow",
    "matter_link_hearing",
    "matter_link_measure",
    "matter_publish",
    "matter_record_decision",
    "matter_unfollow",
    "matter_unlink_measure",
    "question_add",
    "report_publish",
    "section_add",
    "section_update",
    "theme_create",
    "theme_merge",
    "theme_rename",
    "theme_respond",
]
