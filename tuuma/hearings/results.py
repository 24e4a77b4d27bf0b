"""The report's figures: counts per section, themes with quotes, question results.

The page, the PDF and the XLSX all read this one shape."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext as _

from tuuma.hearings.choices import QuestionKind
from tuuma.hearings.models import Comment, Hearing, Question, Section, Theme


@dataclass
class Row:
    label: str
    count: int
    percent: int


@dataclass
class QuestionResult:
    question: Question
    respondents: int
    rows: list[Row] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    mean: float | None = None


@dataclass
class SectionReport:
    section: Section | None
    comment_count: int
    commenter_count: int
    themes: list[tuple[Theme, int, list[Comment]]]
    questions: list[QuestionResult]

    @property
    def title(self) -> str:
        return self.section.localized("title") if self.section else _("The whole draft")


def _percent(count: int, total: int) -> int:
    return round(100 * count / total) if total else 0


def question_result(question: Question) -> QuestionResult:
    answers = list(question.answers.all())
    result = QuestionResult(question=question, respondents=len(answers))
    if question.kind == QuestionKind.TEXT:
        result.texts = [a.text for a in answers if a.text]
        return result
    if question.kind == QuestionKind.SCALE:
        counts = Counter(a.scale for a in answers if a.scale)
        labels = [str(v) for v in range(1, 6)]
        values = [a.scale for a in answers if a.scale]
        result.mean = round(sum(values) / len(values), 1) if values else None
        keys = range(1, 6)
    else:
        counts = Counter(i for a in answers for i in a.choices)
        labels = question.option_list
        keys = range(len(labels))
    result.rows = [
        Row(label, counts.get(key, 0), _percent(counts.get(key, 0), len(answers)))
        for label, key in zip(labels, keys, strict=True)
    ]
    return result


def _section_report(hearing: Hearing, section: Section | None, shown) -> SectionReport:
    here = [c for c in shown if c.section_id == (section.pk if section else None)]
    themes = []
    for theme in hearing.themes.filter(section=section):
        members = [c for c in here if c.theme_id == theme.pk]
        quotes = [c for c in members if c.is_quote]
        themes.append((theme, len(members), quotes))
    questions = (
        [question_result(q) for q in section.questions.prefetch_related("answers")]
        if section
        else []
    )
    people = {c.author_id or c.visitor_key or c.pk for c in here}
    return SectionReport(section, len(here), len(people), themes, questions)


def hearing_report(hearing: Hearing) -> list[SectionReport]:
    shown = list(hearing.comments.shown().select_related("section"))
    sections = [*hearing.sections.all(), None]
    return [_section_report(hearing, s, shown) for s in sections]


def totals(hearing: Hearing) -> dict:
    shown = hearing.comments.shown()
    return {
        "comments": shown.count(),
        "commenters": shown.exclude(author=None).values("author").distinct().count()
        + shown.filter(author=None).values("visitor_key").distinct().count(),
        "supports": shown.aggregate(n=Count("supports"))["n"],
    }
