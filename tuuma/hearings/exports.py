"""XLSX of every comment (staff) and of the published report; the report's PDF.

strings_to_formulas is off: a comment "=HYPERLINK(...)" stays text in Excel."""

import io

import xlsxwriter
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from tuuma.hearings.models import Hearing
from tuuma.hearings.results import hearing_report


def _book(buffer):
    return xlsxwriter.Workbook(
        buffer,
        {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False},
    )


def _sheet(book, name: str, header: list[str], rows) -> None:
    bold = book.add_format({"bold": True})
    sheet = book.add_worksheet(name[:31])
    sheet.write_row(0, 0, header, bold)
    for r, row in enumerate(rows, start=1):
        sheet.write_row(r, 0, [("" if v is None else v) for v in row])


def _state(comment) -> str:
    if comment.withdrawn_at:
        return _("withdrawn")
    if comment.is_hidden:
        return _("hidden")
    return _("shown")


def comments_xlsx(hearing: Hearing) -> bytes:
    buffer = io.BytesIO()
    book = _book(buffer)
    comments = hearing.comments.with_support_count().select_related(
        "section", "section_version", "theme"
    )
    _sheet(
        book,
        _("Comments"),
        [
            _("Number"),
            _("Section"),
            _("Section version"),
            _("Reply to"),
            _("Name or nickname"),
            _("Comment"),
            _("Supports"),
            _("Theme"),
            _("Quote"),
            _("State"),
            _("Written"),
        ],
        (
            [
                c.pk,
                c.section.title if c.section else _("The whole draft"),
                c.section_version.number if c.section_version else "",
                c.parent_id,
                c.author_name,
                c.body,
                c.support_count,
                c.theme.title if c.theme else "",
                _("yes") if c.is_quote else "",
                _state(c),
                c.created_at.strftime("%Y-%m-%d %H:%M"),
            ]
            for c in comments
        ),
    )
    book.close()
    return buffer.getvalue()


def report_xlsx(hearing: Hearing) -> bytes:
    buffer = io.BytesIO()
    book = _book(buffer)
    report = hearing_report(hearing)
    _sheet(
        book,
        _("Themes"),
        [_("Section"), _("Theme"), _("Comments"), _("Response"), _("Reason")],
        (
            [part.title, theme.title, count, theme.get_response_display(), theme.reason]
            for part in report
            for theme, count, _quotes in part.themes
        ),
    )
    _sheet(
        book,
        _("Questions"),
        [_("Section"), _("Question"), _("Answer"), _("Count"), _("Percent")],
        (
            [part.title, result.question.text, row.label, row.count, row.percent]
            for part in report
            for result in part.questions
            for row in result.rows
        ),
    )
    _sheet(
        book,
        _("Sections"),
        [_("Section"), _("Comments"), _("Commenters")],
        ([part.title, part.comment_count, part.commenter_count] for part in report),
    )
    book.close()
    return buffer.getvalue()


def report_pdf(hearing: Hearing, context: dict) -> bytes:
    """A tagged PDF (PDF/UA-1): headings, tables and the language are marked."""
    from weasyprint import HTML  # heavy: loaded only when a PDF is asked for

    html = render_to_string("hearings/report_pdf.html", context)
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
