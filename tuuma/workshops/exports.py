"""The session as an XLSX workbook: notes, clusters and the votes of each step."""

import io

import xlsxwriter
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from tuuma.workshops.items import clusters_with_notes
from tuuma.workshops.models import Session, StepKind
from tuuma.workshops.results import step_results


def session_xlsx(session: Session) -> bytes:
    buffer = io.BytesIO()
    # strings_to_formulas off: a note "=HYPERLINK(...)" stays text in Excel.
    book = xlsxwriter.Workbook(
        buffer, {"in_memory": True, "strings_to_formulas": False}
    )
    bold = book.add_format({"bold": True})

    def sheet(name: str, header: list[str], rows) -> None:
        ws = book.add_worksheet(name[:31])
        ws.write_row(0, 0, header, bold)
        for r, row in enumerate(rows, start=1):
            ws.write_row(r, 0, list(row))

    notes = session.notes.select_related("step", "cluster", "participant")
    sheet(
        _("Notes"),
        [
            _("Step"),
            pgettext("sticky note", "Note"),
            _("Group"),
            _("From paper"),
            _("Hidden"),
            _("Nickname"),
        ],
        (
            [
                str(n.step),
                n.text,
                n.cluster.title if n.cluster else "",
                _("yes") if n.is_paper else "",
                _("yes") if n.is_hidden else "",
                n.participant.nickname if n.participant and session.shows_names else "",
            ]
            for n in notes
        ),
    )
    sheet(
        _("Groups"),
        [_("Group"), _("Notes")],
        ([c.title, c.note_count] for c in clusters_with_notes(session)),
    )
    for step in session.steps.exclude(kind__in=[StepKind.IDEATE, StepKind.CLUSTER]):
        sheet(
            f"{step.position + 1} {step.get_kind_display()}",
            [_("Item"), _("Score"), _("Votes"), _("Impact"), _("Effort"), _("Ranked")],
            (
                [
                    r.label,
                    r.score,
                    r.votes,
                    r.impact,
                    r.effort,
                    _("yes") if r.ranked else _("no"),
                ]
                for r in step_results(step)
            ),
        )
    book.close()
    return buffer.getvalue()
