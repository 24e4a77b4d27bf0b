"""XLSX export of a Kano survey: results per segment and the raw answers."""

from __future__ import annotations

import io

import xlsxwriter
from django.utils.translation import gettext as _

from tuuma.improvement import survey_actions
from tuuma.improvement.kano import CATEGORIES, classify
from tuuma.improvement.models import KanoAnswer, KanoSurvey, Segment

RESULT_COLUMNS = [
    "n",
    "mode",
    "mixed",
    "tie_rule_applied",
    "fong_significant",
    "fong_difference",
    "fong_threshold",
    "total_strength",
    "category_strength",
    "cs_plus",
    "cs_minus",
    "f_mean",
    "f_sd",
    "d_mean",
    "d_sd",
    "importance_mean",
    "continuous_category",
    "flag_questionable",
    "flag_reverse",
]


def _results_sheet(book, survey: KanoSurvey) -> None:
    sheet = book.add_worksheet(_("Results")[:31])
    header = [_("Segment"), _("Feature"), *CATEGORIES, *RESULT_COLUMNS]
    sheet.write_row(0, 0, header, book.add_format({"bold": True}))
    row = 1
    segments = [("", _("All respondents")), *Segment.choices]
    for segment, label in segments:
        for item in survey_actions.survey_results(survey, segment=segment):
            r = item.result.as_dict()
            values = [str(label), item.feature.name]
            values += [r["counts"][c] for c in CATEGORIES]
            values += [r[c] if r[c] is not None else "" for c in RESULT_COLUMNS]
            sheet.write_row(row, 0, values)
            row += 1
    sheet.freeze_panes(1, 2)
    sheet.set_column(1, 1, 40)


def _answers_sheet(book, survey: KanoSurvey) -> None:
    sheet = book.add_worksheet(_("Answers")[:31])
    header = [
        _("Response"),
        _("Segment"),
        _("Service area"),
        _("Feature"),
        _("Functional"),
        _("Dysfunctional"),
        _("Importance"),
        _("Category"),
    ]
    sheet.write_row(0, 0, header, book.add_format({"bold": True}))
    answers = (
        KanoAnswer.objects.filter(response__survey=survey)
        .select_related("feature", "response__service_area")
        .order_by("response_id", "feature__position")
    )
    # The response number is the only respondent key: no names, no tokens.
    for row, answer in enumerate(answers, start=1):
        area = answer.response.service_area
        sheet.write_row(
            row,
            0,
            [
                answer.response_id,
                answer.response.segment,
                area.name if area else "",
                answer.feature.name,
                answer.functional,
                answer.dysfunctional,
                answer.importance if answer.importance is not None else "",
                classify(answer.functional, answer.dysfunctional),
            ],
        )


def survey_xlsx(survey: KanoSurvey) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    _results_sheet(book, survey)
    _answers_sheet(book, survey)
    book.close()
    return buffer.getvalue()
